// The document model: one per version of a document, read by every feature.
// The date a mention is read at must be the same whichever feature asks and
// whichever way the model found its dates (the check's per-paragraph cache,
// a hover's read of one paragraph, or a read of the whole document).

import assert from 'node:assert/strict';
import { renderCard } from '../../src/core/cite/card';
import { checkDocument } from '../../src/core/check/checker';
import { CheckCache } from '../../src/core/check/checkCache';
import { Pace } from '../../src/core/check/pace';
import { dateInQuestion as checkDateAt } from '../../src/core/check/rules/role';
import { readDocument, type ScannedDocument } from '../../src/core/check/scannedDocument';
import { dateInQuestionText } from '../../src/core/document/dateInQuestion';
import { DocumentModel } from '../../src/core/document/model';
import type { DocFormat } from '../../src/core/references/citation';
import { bundled } from './helpers';

const TODAY = '2026-12-01';

function scanned(model: DocumentModel): ScannedDocument {
  const { index } = bundled();
  const steps = readDocument(
    model,
    index,
    { format: model.format, style: 'auto', dateStyle: 'en-GB', today: TODAY, documentDate: model.settings.documentDate },
    CheckCache.of(index),
    Infinity,
    new Pace(32, 1000),
  );
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** A small pseudo-random generator, so that a failure can be replayed from its seed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const PIECES = [
  'Defence Minister Rustem Umerov spoke.',
  'On 23 June 2025 the agreement was announced.',
  'On 3 March the minister travelled to London.',
  'In June 2025 talks went on',
  'Denys Shmyhal, the defence minister, was there',
  'a day later',
  'on 16 January 2025 in Kyiv',
  'by 29 February',
  'Keir Starmer said so.',
  'In 2024',
];
const BREAKS = [' ', ' ', '\n', '\n\n', '\n \n\n', '\r\n\r\n'];
const HEADS = ['', '---\ndate: 2024-03-01\n---\n\n', '---\ntitle: x\n---\n\n', 'Date: 10 January 2026\n\n'];

function randomDocument(next: () => number): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
  let text = pick(HEADS);
  const n = 1 + Math.floor(next() * 8);
  for (let i = 0; i < n; i++) text += pick(PIECES) + pick(BREAKS);
  return text;
}

suite('document model: one date for every feature', () => {
  test('a yearless date in a dated report: the hover reads the day the check judges, not the report’s date', () => {
    // Shmyhal was Minister of Defence until 13 January 2026; the report is dated 1 February 2026.
    const text = '---\ndate: 2026-02-01\n---\n\nOn 10 January, Defence Minister Denys Shmyhal met British officials.\n';
    const { index } = bundled();
    const findings = checkDocument(text, index, { format: 'markdown', style: 'auto', dateStyle: 'en-GB', today: TODAY }).filter(
      (f) => f.code === 'role-not-held',
    );
    assert.deepEqual(findings, [], 'the check reads 10 January 2026, when he held the post');
    const when = new DocumentModel(text, 'markdown', { today: TODAY }).dateInQuestionAt(text.indexOf('Shmyhal'));
    assert.equal(when.iso, '2026-01-10');
    const card = renderCard(index.fact('person.shmyhal')!, index, {
      dateStyle: 'en-GB',
      contextDate: { iso: when.iso, written: dateInQuestionText(when, 'en-GB')! },
      today: TODAY,
    });
    assert.match(card, /\*\*Role on 10 January:\*\* [^\n]*Minister of Defence/, card);
  });

  test('every offset of 300 random documents: the check, a hover on a fresh version, and a read of the whole document agree', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const next = random(seed);
      const text = randomDocument(next);
      const format: DocFormat = next() < 0.8 ? 'markdown' : 'plaintext';
      const settings = { today: TODAY, documentDate: next() < 0.3 ? '2025-02-01' : undefined };
      const checked = scanned(new DocumentModel(text, format, settings));
      const whole = new DocumentModel(text, format, settings);
      void whole.dates;
      for (let offset = 0; offset <= text.length; offset++) {
        // A hover on a version the check has not read yet: a model of its own, reading one paragraph.
        const fresh = new DocumentModel(text, format, settings).dateInQuestionAt(offset);
        const check = checkDateAt(checked, offset);
        const where = `seed ${seed}, offset ${offset} of ${JSON.stringify(text)}`;
        assert.deepEqual(fresh, whole.dateInQuestionAt(offset), where);
        if (check === 'unknown') assert.equal(fresh.source, 'yearless', where);
        else assert.deepEqual({ first: fresh.iso, last: fresh.last, source: fresh.source, written: fresh.written }, check, where);
      }
    }
  });

  test('made once per version: what it finds is found once', () => {
    const model = new DocumentModel('On 23 June 2025 Umerov spoke.\n', 'markdown', { today: TODAY });
    assert.equal(model.prose, model.prose);
    assert.equal(model.dates, model.dates);
    let made = 0;
    model.memo('k', () => ++made);
    model.memo('k', () => ++made);
    assert.equal(made, 1);
    assert.equal(model.language('auto'), 'en');
  });
});
