import * as assert from 'assert';
import { renderCard } from '../../src/core/cite/card';
import { checkDocument } from '../../src/core/check/checker';
import { dateInQuestionText } from '../../src/core/document/dateInQuestion';
import { DocumentModel } from '../../src/core/document/model';
import type { DocFormat } from '../../src/core/references/citation';
import { bundled } from './helpers';

suite('dateInQuestion: one chain for every feature', () => {
  const { index } = bundled();
  const TODAY = '2026-12-01';
  const dateInQuestionAt = (text: string, offset: number, format: DocFormat, setting?: string, today = TODAY) =>
    new DocumentModel(text, format, { documentDate: setting, today }).dateInQuestionAt(offset);

  test('the paragraph’s own date first, then the document’s, then the setting, then today', () => {
    const fm = '---\ndate: 2024-03-01\n---\n\n';
    const at = (text: string, setting?: string) => dateInQuestionAt(text, text.indexOf('Umerov'), 'markdown', setting, TODAY);
    assert.deepStrictEqual(at(`${fm}On 23 June 2025 Rustem Umerov spoke.\n`), {
      iso: '2025-06-23',
      last: '2025-06-23',
      source: 'paragraph',
      written: '23 June 2025',
    });
    assert.deepStrictEqual(at(`${fm}Rustem Umerov spoke.\n`, '2025-01-16'), {
      iso: '2024-03-01',
      last: '2024-03-01',
      source: 'document',
      written: '2024-03-01',
    });
    assert.deepStrictEqual(at('Rustem Umerov spoke.\n', '2025-01-16'), { iso: '2025-01-16', last: '2025-01-16', source: 'setting', written: undefined });
    assert.deepStrictEqual(
      at('Rustem Umerov spoke.\n', '2025-01'),
      { iso: TODAY, last: TODAY, source: 'today', written: undefined },
      'a setting without a day is no date',
    );
    assert.deepStrictEqual(at('Rustem Umerov spoke.\n'), { iso: TODAY, last: TODAY, source: 'today', written: undefined });
  });

  test('LaTeX’s \\date{} is the document’s date', () => {
    const text = '\\documentclass{article}\n\\date{1 March 2024}\n\\begin{document}\nRustem Umerov spoke.\n\\end{document}\n';
    assert.deepStrictEqual(dateInQuestionAt(text, text.indexOf('Umerov'), 'latex', undefined, TODAY), {
      iso: '2024-03-01',
      last: '2024-03-01',
      source: 'document',
      written: '1 March 2024',
    });
  });

  test('the card names where its date came from', () => {
    assert.strictEqual(
      dateInQuestionText({ iso: '2024-03-01', last: '2024-03-01', source: 'document', written: '2024-03-01' }, 'en-GB'),
      '1 March 2024 (the document’s date)',
    );
    assert.strictEqual(
      dateInQuestionText({ iso: '2025-01-16', last: '2025-01-16', source: 'setting' }, 'en-GB'),
      '16 January 2025 (the date set for the check)',
    );
    assert.strictEqual(dateInQuestionText({ iso: '2025-06-23', last: '2025-06-23', source: 'paragraph', written: 'June 23, 2025' }, 'en-GB'), 'June 23, 2025');
    assert.strictEqual(dateInQuestionText({ iso: TODAY, last: TODAY, source: 'today' }, 'en-GB'), undefined);
  });

  test('the hover and the check read a role at the same date: a document dated 1 March 2024', () => {
    for (const [date, held] of [
      ['2024-03-01', true],
      ['2026-03-01', false],
    ] as const) {
      const text = `---\ndate: ${date}\n---\n\nDefence Minister Rustem Umerov met British officials.\n`;
      const findings = checkDocument(text, index, { format: 'markdown', style: 'auto', dateStyle: 'en-GB', today: TODAY }).filter(
        (f) => f.code === 'role-not-held',
      );
      const when = dateInQuestionAt(text, text.indexOf('Umerov'), 'markdown', undefined, TODAY);
      const card = renderCard(index.fact('person.umerov')!, index, {
        dateStyle: 'en-GB',
        contextDate: { iso: when.iso, written: dateInQuestionText(when, 'en-GB')! },
        today: TODAY,
      });
      const roleLine = /\*\*Role on ([^*]+):\*\* ([^\n]*)/.exec(card);
      assert.ok(roleLine, card);
      assert.match(roleLine[1], /the document’s date/);
      assert.strictEqual(/Minister of Defence/.test(roleLine[2]), held, `${date}: the card says “${roleLine[2]}”`);
      assert.strictEqual(findings.length === 0, held, `${date}: the check ${findings.length === 0 ? 'finds nothing' : `finds: ${findings[0].message}`}`);
    }
  });
});
