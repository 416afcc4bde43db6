// What Insert Citation and Copy Citation write, for selections in an in-memory document (src/cite/citationEdits.ts).
import assert from 'node:assert/strict';
import { citationEditsAt, copiedCitation, parseArgs } from '../../src/cite/citationEdits';
import type { Span } from '../../src/workbench/textDocument';
import { bundled } from './helpers';
import { InMemoryDocument } from './doubles/inMemoryDocument';
import { InMemorySettings } from './doubles/settings';

const index = () => bundled().index;
const fact = (id: string) => index().fact(id)!;

const AFP_MD =
  '[^afp-2025-06-23]: AFP via Arab News, “UK and Ukraine agree to deepen ties as Zelensky meets Starmer”, 23 June 2025. <https://www.arabnews.pk/node/2605541/world>';

/** The document after Insert Citation of `id` at `selections`. */
function insert(doc: InMemoryDocument, selections: Span[], id: string, arg: unknown = {}, settings = new InMemorySettings()): string {
  return doc.edit(citationEditsAt(doc, selections, fact(id), index(), settings, parseArgs(arg))).getText();
}

suite('Insert Citation edits', () => {
  test('Markdown: a quote with its footnote; the same source again reuses the definition', () => {
    const doc = new InMemoryDocument('# Draft\n\n');
    insert(doc, [{ start: 9, end: 9 }], 'quote.starmer.rest-of-conflict');
    assert.equal(doc.getText(), `# Draft\n\nKeir Starmer said “for the rest of the conflict”[^afp-2025-06-23]\n\n${AFP_MD}\n`);
    const lineEnd = doc.offsetAt(doc.position(2, 999));
    insert(doc, [{ start: lineEnd, end: lineEnd }], 'quote.starmer.rest-of-conflict', { verb: 'added' });
    assert.equal(
      doc.getText(),
      `# Draft\n\nKeir Starmer said “for the rest of the conflict”[^afp-2025-06-23]Keir Starmer added “for the rest of the conflict”[^afp-2025-06-23]\n\n${AFP_MD}\n`,
    );
  });

  test('several cursors, given in any order, get one insertion each and one footnote definition', () => {
    const doc = new InMemoryDocument('First.\nSecond.\n');
    const text = insert(
      doc,
      [
        { start: 14, end: 14 },
        { start: 6, end: 6 },
      ],
      'person.umerov',
      { mode: 'citation' },
    );
    const lines = text.split('\n');
    assert.match(lines[0], /^First\.\[\^[a-z0-9-]+\]$/);
    assert.match(lines[1], /^Second\.\[\^[a-z0-9-]+\]$/);
    const key = /\[\^([a-z0-9-]+)\]/.exec(lines[0])![1];
    assert.equal(text.match(new RegExp(`^\\[\\^${key}\\]:`, 'gm'))?.length, 1);
  });

  test('a selection keeps its words and gets the citation after them', () => {
    const doc = new InMemoryDocument('Umerov called it a mega-project.\n');
    assert.match(insert(doc, [{ start: 19, end: 31 }], 'term.mega-project'), /^Umerov called it a mega-project\[\^[a-z0-9-]+\]\.\n/);
  });

  test('plain text: a parenthetical reference; the date locale and citation style settings change it', () => {
    const signing = 'Keir Starmer and Volodymyr Zelenskyy signed the UK–Ukraine 100-year partnership agreement in Kyiv on';
    const title = '“U.K. leader Starmer signs ‘100-year partnership’ agreement with Ukraine during trip to Kyiv”';
    assert.equal(
      insert(new InMemoryDocument('Line one.\nLine two.\n', 'plaintext'), [{ start: 10, end: 10 }], 'event.kyiv-signing-2025-01-16'),
      `Line one.\n${signing} 16 January 2025 (AP via CP24, ${title}, 16 January 2025).Line two.\n`,
    );
    const us = new InMemorySettings({ dateLocale: 'en-US', citationStyle: 'inline' });
    assert.equal(
      insert(new InMemoryDocument(''), [{ start: 0, end: 0 }], 'event.kyiv-signing-2025-01-16', {}, us),
      `${signing} January 16, 2025 (AP via CP24, ${title}, January 16, 2025).`,
    );
  });

  test('LaTeX: a quote with its footnote', () => {
    const text = insert(new InMemoryDocument('Text. ', 'latex'), [{ start: 6, end: 6 }], 'quote.starmer.rest-of-conflict', { verb: 'promised' });
    assert.match(
      text,
      /^Text\. Keir Starmer promised ``for the rest of the conflict''\\footnote\{AFP[^}]*, ``UK and Ukraine agree to deepen ties as Zelensky meets Starmer'', 23 June 2025, \\texttt\{https:/,
    );
  });

  test('each cursor reads the role held on the date of its own paragraph', () => {
    const doc = new InMemoryDocument('On 23 June 2025 we met \n\nOn 1 December 2025 we met \n');
    const ends = [doc.offsetAt(doc.position(0, 99)), doc.offsetAt(doc.position(2, 99))];
    const [june, , march] = insert(
      doc,
      ends.map((o) => ({ start: o, end: o })),
      'person.umerov',
    ).split('\n');
    assert.match(june, /Minister of Defence/);
    assert.doesNotMatch(june, /Security/);
    assert.match(march, /Secretary of the National Security and Defence Council/);
  });

  test('command arguments: a fact id alone, or an object whose malformed parts are dropped', () => {
    assert.deepEqual(parseArgs('person.umerov'), { factId: 'person.umerov' });
    assert.deepEqual(parseArgs({ factId: 7, mode: 'everything', verb: 'x'.repeat(61) }), { factId: undefined, mode: undefined, verb: undefined });
    assert.deepEqual(parseArgs(undefined), {});
  });

  test('Copy Citation writes the fact, its citation and its definition in the document’s format', () => {
    const md = copiedCitation(fact('quote.starmer.rest-of-conflict'), index(), new InMemoryDocument('# Draft\n'), new InMemorySettings());
    assert.equal(md, `Keir Starmer said “for the rest of the conflict”[^afp-2025-06-23]\n\n${AFP_MD}`);
    const plain = copiedCitation(fact('quote.starmer.rest-of-conflict'), index(), undefined, new InMemorySettings());
    assert.match(plain, /^Keir Starmer said “for the rest of the conflict” \(AFP via Arab News/);
  });
});
