// Dates written relative to an event or to the date before them, and the event-date check on them.

import assert from 'node:assert/strict';
import { checkDocument } from '../../src/core/check/checker';
import type { TextEdit } from '../../src/core/references/citation';
import { findRelativeDates, relationText } from '../../src/core/document/relativeDates';
import { bundled } from './helpers';

/** The text after a fix: every edit in offsets of the text before any. */
function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = '';
  let at = 0;
  for (const e of [...edits].sort((a, b) => a.offset - b.offset)) {
    out += text.slice(at, e.offset) + e.text;
    at = e.offset + e.length;
  }
  return out + text.slice(at);
}

function read(text: string): { phrase: string; days: number; unit: string; anchor?: string }[] {
  return findRelativeDates(text).map((r) => ({
    phrase: text.slice(r.start, r.end),
    days: r.days,
    unit: r.unit,
    ...(r.anchor ? { anchor: text.slice(r.anchor.start, r.anchor.end) } : {}),
  }));
}

suite('relative dates: reading them', () => {
  test('a distance and a relation, with what it counts from up to the end of its clause', () => {
    assert.deepEqual(read('Two days after the London talks, the UK announced the drone production agreement.'), [
      { phrase: 'Two days after', days: 2, unit: 'day', anchor: 'the London talks' },
    ]);
    assert.deepEqual(read('Zelensky was in London the day before the NATO summit opened in The Hague.'), [
      { phrase: 'the day before', days: -1, unit: 'day', anchor: 'the NATO summit opened in The Hague' },
    ]);
    assert.deepEqual(read('It came a week after the signing in Kyiv; nobody noticed.'), [
      { phrase: 'a week after', days: 7, unit: 'week', anchor: 'the signing in Kyiv' },
    ]);
    assert.deepEqual(read('Three weeks before the vote, the deal was laid.'), [{ phrase: 'Three weeks before', days: -21, unit: 'week', anchor: 'the vote' }]);
    assert.deepEqual(read('One day following the ratification and the signing'), [
      { phrase: 'One day following', days: 1, unit: 'day', anchor: 'the ratification' },
    ]);
  });

  test('counted from the date before: the next day, a day later, the day before with nothing named', () => {
    assert.deepEqual(read('The next day, Umerov wrote on Facebook.'), [{ phrase: 'The next day', days: 1, unit: 'day' }]);
    assert.deepEqual(read('Umerov set out the terms a day later.'), [{ phrase: 'a day later', days: 1, unit: 'day' }]);
    assert.deepEqual(read('Two days earlier, the Rada voted.'), [{ phrase: 'Two days earlier', days: -2, unit: 'day' }]);
    assert.deepEqual(read('The day before, he was in Windsor.'), [{ phrase: 'The day before', days: -1, unit: 'day' }]);
    assert.deepEqual(read('on the following day and the previous day'), [
      { phrase: 'the following day', days: 1, unit: 'day' },
      { phrase: 'the previous day', days: -1, unit: 'day' },
    ]);
    assert.deepEqual(read('Later that day he signed; the same day they met.'), [
      { phrase: 'Later that day', days: 0, unit: 'day' },
      { phrase: 'the same day', days: 0, unit: 'day' },
    ]);
  });

  test('approximate or vague distances are not dates', () => {
    assert.deepEqual(read('About two days after the talks, nearly a week after the vote, within a week of the summit.'), []);
    assert.deepEqual(read('Days after the signing, weeks before the vote, a few days later, several days after it.'), []);
    assert.deepEqual(read('The week before, nothing; two days after, nothing named.'), []);
    assert.deepEqual(read('a days after the talks, two day after the talks'), []);
  });

  test('offsets are in the text it was given, read between two offsets', () => {
    const text = 'First. Two days after the talks, more.';
    const [r] = findRelativeDates(text, 7, text.length);
    assert.equal(text.slice(r.start, r.end), 'Two days after');
    assert.equal(text.slice(r.anchor!.start, r.anchor!.end), 'the talks');
    assert.deepEqual(findRelativeDates(text, 0, 6), []);
  });

  test('a distance written for a fix', () => {
    assert.equal(relationText(2, 'day', true), 'Two days after');
    assert.equal(relationText(-1, 'day', false), 'the day before');
    assert.equal(relationText(0, 'day', true), 'On the day of');
    assert.equal(relationText(14, 'week', false), 'two weeks after');
    assert.equal(relationText(8, 'week', false), 'eight days after');
    assert.equal(relationText(-7, 'week', false), 'a week before');
  });
});

suite('relative dates: the event-date check', () => {
  function check(text: string, documentDate = '2025-06-30'): { code: string; at: string; message: string; fixed?: string }[] {
    return checkDocument(text, bundled().index, { format: 'markdown', style: 'auto', dateStyle: 'en-GB', today: '2026-03-02', documentDate }).map((f) => ({
      code: f.code,
      at: text.slice(f.start, f.end),
      message: f.message,
      ...(f.fixes[0] ? { fixed: applyEdits(text, f.fixes[0].edits) } : {}),
    }));
  }

  test('two known events put the wrong distance apart: the finding names both days, the fix writes the right relation', () => {
    const [f, ...rest] = check('Two days after the London talks, the UK announced the drone production agreement.');
    assert.deepEqual(rest, []);
    assert.equal(f?.code, 'wrong-event-date');
    assert.equal(f.at, 'Two days after');
    assert.match(f.message, /23 June 2025/);
    assert.equal(f.fixed, 'On the day of the London talks, the UK announced the drone production agreement.');
  });

  test('the right distance, or an event the check does not know, raises nothing', () => {
    assert.deepEqual(check('The day before the NATO summit opened in The Hague, Zelensky visited London.'), []);
    assert.deepEqual(check('Two days after the London talks, the weather turned.'), []);
    assert.deepEqual(check('A day after the UK announced Project Octopus, Ukraine announced the interceptor drone agreement.', '2025-09-12'), []);
  });

  test('the next day after a date in the sentence before', () => {
    const text = 'Zelensky visited London on 23 June. Two days later, Umerov published the drone deal on Facebook.';
    const [f, ...rest] = check(text);
    assert.deepEqual(rest, []);
    assert.equal(f?.at, 'Two days later');
    assert.equal(f.fixed, 'Zelensky visited London on 23 June. On 24 June, Umerov published the drone deal on Facebook.');
    assert.deepEqual(check('Zelensky visited London on 23 June. The next day, Umerov published the drone deal on Facebook.'), []);
  });
});
