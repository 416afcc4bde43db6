// The completion list as a writer sees it and what accepting an item writes, from an in-memory document (src/cite/completionItems.ts).
import assert from 'node:assert/strict';
import { completionCard, factCompletionsAt, type FactCompletion } from '../../src/cite/completionItems';
import { searchedPrefixes } from '../../src/cite/searchReady';
import type { TextEdit } from '../../src/core/references/citation';
import { bundled, unescapeMarkdown } from './helpers';
import { InMemoryDocument } from './doubles/inMemoryDocument';
import { InMemorySettings } from './doubles/settings';

const index = () => bundled().index;

/** The list at the end of the document. */
function listAtEnd(doc: InMemoryDocument, settings = new InMemorySettings()) {
  return factCompletionsAt(doc, doc.positionAt(doc.getText().length), index(), settings);
}

/** The document after accepting an item: the snippet's text (tab stops resolved to their first choice) and its other edits. */
function accept(doc: InMemoryDocument, item: FactCompletion): string {
  const body = item.snippet
    .replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1')
    .replace(/\$\d+/g, '')
    .replace(/\\([$}\\])/g, '$1');
  const edits: TextEdit[] = [{ offset: item.range.start, length: item.range.end - item.range.start, text: body }, ...item.additionalEdits];
  return new InMemoryDocument(doc.getText(), doc.languageId).edit(edits).getText();
}

suite('completion list', () => {
  test('a name prefix offers the person, with kind, status and publisher, replacing the word typed', () => {
    const doc = new InMemoryDocument('As Zelen');
    const list = listAtEnd(doc)!;
    const item = list.items.find((i) => i.label.startsWith('Zelensk'));
    assert.ok(item, list.items.map((i) => i.label).join(', '));
    assert.match(item.detail, /^People · (confirmed|reported) · /);
    assert.equal(doc.getText().slice(item.range.start, item.range.end), 'Zelen');
    assert.equal(list.isIncomplete, true);
    assert.match(unescapeMarkdown(completionCard(item, index())), /President of Ukraine/);
  });

  test('fewer than three letters, or plain words, offer nothing', () => {
    assert.equal(listAtEnd(new InMemoryDocument('As Ze')), undefined);
    assert.equal(listAtEnd(new InMemoryDocument('The weather was')), undefined);
  });

  test('two words typed match a two-word name; the range covers both', () => {
    const doc = new InMemoryDocument('Talks with Keir Sta');
    const item = listAtEnd(doc)!.items.find((i) => i.entry.fact.id === 'person.starmer');
    assert.ok(item);
    assert.equal(doc.getText().slice(item.range.start, item.range.end), 'Keir Sta');
  });

  test('`;;` lists facts of every kind, sorted by kind, replacing the trigger; a single `;` lists nothing', () => {
    const doc = new InMemoryDocument('See ;;', 'latex');
    const list = listAtEnd(doc)!;
    const kinds = new Set(list.items.map((i) => i.detail.split(' · ')[0]));
    for (const k of ['People', 'Events and dates', 'Quotes', 'Places']) assert.ok(kinds.has(k), `no ${k} in the list`);
    // The editor sorts by sortText: people first, then roles, then events.
    const sorted = [...list.items].sort((a, b) => a.sortText.localeCompare(b.sortText)).map((i) => i.kind);
    assert.deepEqual([...new Set(sorted)].slice(0, 3), ['person', 'role', 'event']);
    assert.ok(list.items.every((i) => doc.getText().slice(i.range.start, i.range.end) === ';;' && i.filterText.startsWith(';;')));
    const quote = list.items.find((i) => i.entry.fact.id === 'quote.starmer.co-production');
    assert.match(quote!.snippet, /^Keir Starmer \$\{1\|said,[^}]*\}: ``.*''\\\\footnote\{Reuters/);
    assert.equal(listAtEnd(new InMemoryDocument('First; ')), undefined);
  });

  test('a phrase after `;;` narrows the list; accepting at the end of the document writes the wording and one footnote definition', () => {
    const doc = new InMemoryDocument('Starmer was clear. ;;massive');
    const list = listAtEnd(doc)!;
    const item = list.items.find((i) => i.entry.fact.id === 'quote.starmer.co-production');
    assert.ok(item, list.items.map((i) => i.entry.fact.id).join(', '));
    // The definition travels in the snippet itself: at the end of the document there is nothing after the cursor to edit.
    assert.deepEqual(item.additionalEdits, []);
    const text = accept(doc, item);
    assert.match(
      text,
      /^Starmer was clear\. Keir Starmer said: “I’m really proud that this afternoon, [^”]*massive step forward[^”]*”\[\^reuters-2025-06-23\]\n\n\[\^reuters-2025-06-23\]: Reuters/,
    );
    assert.equal(text.match(/^\[\^reuters-2025-06-23\]:/gm)?.length, 1);
    assert.ok(!text.includes(';;'));
  });

  test('in the middle of a document the definition is an edit at its end, and an existing one is reused', () => {
    const doc = new InMemoryDocument('Talks with Umer\n\nMore text.\n');
    const at = doc.position(0, 'Talks with Umer'.length);
    const item = factCompletionsAt(doc, at, index(), new InMemorySettings())!.items.find((i) => i.entry.fact.id === 'person.umerov')!;
    const text = accept(doc, item);
    const key = /\[\^([a-z0-9-]+)\]/.exec(text)![1];
    assert.match(text, new RegExp(`^Talks with Rustem Umerov[^\\n]*\\[\\^${key}\\]\\n\\nMore text\\.\\n\\n\\[\\^${key}\\]: `));
    const again = new InMemoryDocument(text.replace('Talks with', 'Talks with Umer and'));
    const second = factCompletionsAt(again, again.position(0, 'Talks with Umer'.length), index(), new InMemorySettings())!.items.find(
      (i) => i.entry.fact.id === 'person.umerov',
    )!;
    assert.deepEqual(second.additionalEdits, [], 'the definition is already there');
  });

  test('the citation style and date locale settings change what accepting writes', () => {
    const doc = new InMemoryDocument('The signing: ;;Kyiv signing');
    const item = listAtEnd(doc, new InMemorySettings({ citationStyle: 'inline', dateLocale: 'en-US' }))!.items.find(
      (i) => i.entry.fact.id === 'event.kyiv-signing-2025-01-16',
    )!;
    assert.match(accept(doc, item), /in Kyiv on January 16, 2025 \(AP via CP24, “[^”]+”, January 16, 2025\)\.$/);
  });

  test('a language the extension does not support gets no list', () => {
    assert.equal(listAtEnd(new InMemoryDocument('As Zelen', 'python')), undefined);
    assert.equal(listAtEnd(new InMemoryDocument('See ;;', 'json')), undefined);
  });
});

suite('completion: the phrases a request looks up', () => {
  test('what follows `;;`, and the text from each of the last three words', () => {
    assert.deepEqual(searchedPrefixes('As agreed by Keir Sta'), ['by Keir Sta', 'Keir Sta', 'Sta']);
    assert.deepEqual(searchedPrefixes('see ;;Umer'), ['Umer', 'see ;;Umer', 'Umer']);
    assert.deepEqual(searchedPrefixes('   '), []);
  });
});
