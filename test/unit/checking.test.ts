// What the check decides for an in-memory document: whether it is checked, its findings, their quick fixes'
// edits and a misquote's word diff (src/check/checking.ts); scheduling and publishing stay in the editor.
import assert from 'node:assert/strict';
import { findingsOf, isChecked, misquoteCardAt, quickFixesFor, type QuickFix } from '../../src/check/checking';
import { bundled, unescapeMarkdown } from './helpers';
import { InMemoryDocument, offsetOf } from './doubles/inMemoryDocument';
import { InMemorySettings } from './doubles/settings';
import { formatCitation } from '../../src/core/references/citation';
import { insertOptionsFor, modelOf } from '../../src/workbench/documents';

const index = () => bundled().index;
const settings = new InMemorySettings();

const REUTERS_DEFINITION =
  '[^reuters-2025-06-23]: Reuters via The Star (Malaysia), “Starmer and Zelenskiy agree military production project in London”, 23 June 2025. <https://www.thestar.com.my/news/world/2025/06/23/ukraine039s-zelenskiy-meets-king-charles-on-british-visit>';
const MISQUOTE = '# Notes\n\nOn 23 June 2025 Starmer said: “I’m really proud that today we can announce an industrial military co-production agreement”.\n';

/** The fixes offered for each finding's diagnostic, where it was published. */
function fixesOf(doc: InMemoryDocument, s = settings): { fixes: QuickFix[]; findings: ReturnType<typeof findingsOf> } {
  const findings = findingsOf(doc, index(), s);
  const fixes = quickFixesFor(
    findings,
    findings.map((f) => ({ code: f.code, start: f.start, end: f.end })),
    findings[0] ?? { start: 0, end: 0 },
  );
  return { fixes, findings };
}

suite('check in a document', () => {
  test('a misquote: its preferred fix writes the recorded words and their footnote, after which nothing is found', () => {
    const doc = new InMemoryDocument(MISQUOTE);
    const { fixes, findings } = fixesOf(doc);
    assert.deepEqual(
      findings.map((f) => [f.code, doc.positionAt(f.start)]),
      [['misquote', { line: 2, character: 30 }]],
    );
    const fix = fixes.find((f) => f.title === 'Replace with Keir Starmer’s recorded words (Reuters)');
    assert.ok(fix?.preferred, fixes.map((f) => f.title).join(', '));
    doc.edit(fix.edits);
    assert.equal(
      doc.getText(),
      '# Notes\n\nOn 23 June 2025 Starmer said: “I’m really proud that this afternoon, we’re able to announce an industrial military co-production agreement”[^reuters-2025-06-23].\n\n' +
        `${REUTERS_DEFINITION}\n`,
    );
    assert.deepEqual(findingsOf(doc, index(), settings), []);
  });

  test('a role not held at the front matter’s date: the fixes give the role held then, or “former”', () => {
    const doc = new InMemoryDocument('---\r\ntitle: Briefing\r\ndate: 2026-02-24\r\n---\r\n\r\nDefence Minister Rustem Umerov will brief the committee.\r\n');
    const { fixes, findings } = fixesOf(doc);
    assert.deepEqual(
      findings.map((f) => [f.code, doc.getText().slice(f.start, f.end), doc.positionAt(f.start).line]),
      [['role-not-held', 'Defence Minister', 5]],
    );
    assert.deepEqual(
      fixes.map((f) => f.title),
      ['Change to NSDC Secretary', 'Change to “former Defence Minister”'],
    );
    doc.edit(fixes[0].edits);
    assert.match(doc.getText(), /\r\n\r\nNSDC Secretary Rustem Umerov will brief the committee\.\r\n$/);
  });

  test('a diagnostic from before an edit finds its finding where the request is; another extension’s codes get nothing', () => {
    const doc = new InMemoryDocument('The Kyiv signing took place on 17 January 2025.\n', 'latex');
    const findings = findingsOf(doc, index(), settings);
    const stale = { code: 'wrong-event-date', start: 30, end: 40 };
    const at = offsetOf(doc, '17 January', 2);
    assert.deepEqual(
      quickFixesFor(findings, [stale], { start: at, end: at }).map((f) => f.title),
      ['Change to 16 January 2025'],
    );
    assert.deepEqual(quickFixesFor(findings, [{ code: 'spelling', start: 31, end: 46 }], { start: at, end: at }), []);
  });

  test('a misquote’s hover shows the word diff and the recorded words; elsewhere nothing', () => {
    const doc = new InMemoryDocument(MISQUOTE);
    const findings = findingsOf(doc, index(), settings);
    const card = misquoteCardAt(findings, offsetOf(doc, 'really proud'))!;
    const text = unescapeMarkdown(card.markdown);
    assert.match(
      text,
      /\n\nI’m really proud that ~~this afternoon, we’re able to~~ \*\*today we can\*\* announce an industrial military co-production agreement\n\n/,
    );
    assert.match(text, /Recorded: “I’m really proud that this afternoon, we’re able to announce/);
    assert.equal(doc.getText().slice(card.start, card.end).startsWith('“I’m really proud'), true);
    assert.equal(misquoteCardAt(findings, offsetOf(doc, 'Notes')), undefined);
  });

  test('the date setting and the rules setting change the findings', () => {
    const doc = new InMemoryDocument('Defence Minister Rustem Umerov will brief the committee.\n');
    assert.deepEqual(findingsOf(doc, index(), new InMemorySettings({}, { documentDate: '2024-03-01' })), []);
    const dated = new InMemorySettings({}, { documentDate: '2026-02-24' });
    assert.deepEqual(
      findingsOf(doc, index(), dated).map((f) => f.code),
      ['role-not-held'],
    );
    dated.check = { documentDate: '2026-02-24', rules: { 'role-not-held': false } };
    assert.deepEqual(findingsOf(doc, index(), dated), []);
  });

  test('in a Ukrainian draft a misquote’s fix cites its source in Ukrainian, as Insert Citation writes it there', () => {
    const text =
      'Президент Володимир Зеленський 24 жовтня 2025 року написав: «Продемонстрував український дрон-перехоплювач OCTOPUS, який Велика Британія вироблятиме для тестування в Україні».\n';
    const fixed = (values: { language?: string }, format = 'markdown'): { text: string; cited: string } => {
      const doc = new InMemoryDocument(text, format);
      const s = new InMemorySettings(values);
      const { fixes, findings } = fixesOf(doc, s);
      assert.deepEqual(
        findings.map((f) => f.code),
        ['misquote'],
      );
      const source = index().source('radio-svoboda-2025-10-24')!.source;
      const insert = formatCitation([source], insertOptionsFor(doc, s), modelOf(doc, s));
      doc.edit(fixes[0].edits);
      return { text: doc.getText(), cited: [insert.inline, ...insert.definitions.map((d) => d.text)].join('\n') };
    };
    const uk = fixed({});
    assert.match(uk.text, /OCTOPUS, які Велика Британія вироблятиме для подальшого тестування в Україні»\[\^radio-svoboda-2025-10-24\]\./);
    assert.match(uk.text, /\n\[\^radio-svoboda-2025-10-24\]: Radio Svoboda \(RFE\/RL Ukrainian Service\), “.+”, 24 жовтня 2025 року\. <https:/);
    assert.ok(
      uk.cited.split('\n').every((line) => uk.text.includes(line)),
      `${uk.cited}\n---\n${uk.text}`,
    );
    // Plain text cites in parentheses, in the document's language too.
    const plain = fixed({}, 'plaintext');
    assert.match(plain.text, /в Україні» \(Radio Svoboda \(RFE\/RL Ukrainian Service\), “.+”, 24 жовтня 2025 року/);
    assert.ok(plain.text.includes(plain.cited), `${plain.cited}\n---\n${plain.text}`);
    // The language setting wins over the document's script, for the fix as for Insert Citation.
    const en = fixed({ language: 'en' });
    assert.match(en.text, /, 24 October 2025\. <https:/);
    assert.ok(en.cited.split('\n').every((line) => en.text.includes(line)));
  });

  test('in a Ukrainian draft an outlet’s rendering is attributed in Ukrainian, before a footnote dated in Ukrainian; the problem clears', () => {
    const doc = new InMemoryDocument(
      '---\nlang: uk\n---\n\n«I am very proud that today we can announce an agreement on joint industrial military production», — заявив Стармер.\n',
    );
    const { fixes, findings } = fixesOf(doc);
    assert.deepEqual(
      findings.map((f) => f.code),
      ['rendering-as-words'],
    );
    const attribute = fixes.find((f) => f.title === 'Attribute this wording to Euromaidan Press (rendering)');
    assert.ok(attribute, fixes.map((f) => f.title).join(', '));
    doc.edit(attribute.edits);
    assert.match(
      doc.getText(),
      /production» \(у переказі Euromaidan Press\)\[\^ep-2025-06\], — заявив Стармер\.\n\n\[\^ep-2025-06\]: Euromaidan Press .+, червень 2025 року\. </,
    );
    assert.deepEqual(findingsOf(doc, index(), settings), []);
  });

  test('checked: supported drafts with the check on; not diffs, output, other languages, or with the check off', () => {
    assert.equal(isChecked(new InMemoryDocument('x', 'markdown', 'file:///draft.md'), settings), true);
    assert.equal(isChecked(new InMemoryDocument('x', 'markdown', 'git:/draft.md'), settings), false);
    assert.equal(isChecked(new InMemoryDocument('x', 'markdown', 'output:extension-output'), settings), false);
    assert.equal(isChecked(new InMemoryDocument('x', 'python', 'file:///a.py'), settings), false);
    assert.equal(isChecked(new InMemoryDocument('x', 'latex', 'file:///a.tex'), new InMemorySettings({}, { enabled: false })), false);
  });
});
