// The hover card as a writer reads it, computed from an in-memory document and settings in plain Node (src/cite/hoverCard.ts).
import assert from 'node:assert/strict';
import { factHoverAt } from '../../src/cite/hoverCard';
import { bundled, unescapeMarkdown } from './helpers';
import { InMemoryDocument, offsetOf } from './doubles/inMemoryDocument';
import { InMemorySettings } from './doubles/settings';

const index = () => bundled().index;

/** The card's words at `needle` (+ `into`), and the words it covers. */
function hover(doc: InMemoryDocument, needle: string, into = 1, settings = new InMemorySettings()): { text: string; covers: string } | undefined {
  const card = factHoverAt(doc, offsetOf(doc, needle, into), index(), settings);
  return card && { text: unescapeMarkdown(card.markdown), covers: doc.getText().slice(card.start, card.end) };
}

suite('hover card', () => {
  test('a name shows the person, role, source and status, with links to insert the citation; it covers the whole name', () => {
    const card = hover(new InMemoryDocument('On 23 June 2025 Keir Starmer met the President.\n'), 'Keir Starmer', 6)!;
    assert.equal(card.covers, 'Keir Starmer');
    assert.match(card.text, /Prime Minister of the United Kingdom/);
    assert.match(card.text, /Source:/);
    assert.match(card.text, /\[Insert citation\]\(command:agreementCite\.insertCitation\?/);
  });

  test('plain prose gives no card; a known name beside it does', () => {
    const doc = new InMemoryDocument('The weather was fine in Kyiv.\n');
    assert.equal(hover(doc, 'weather', 2), undefined);
    assert.equal(hover(doc, 'Kyiv', 2)?.covers, 'Kyiv');
  });

  test('a date finds the event it names, in LaTeX', () => {
    const card = hover(new InMemoryDocument('The partnership was signed on 16 January 2025 in Kyiv.\n', 'latex'), '16 January', 3)!;
    assert.match(card.text, /100-year partnership|One Hundred Year Partnership/i);
    assert.equal(card.covers, '16 January 2025');
  });

  test('a quote card shows the recorded wording and marks the report’s rendering', () => {
    const card = hover(new InMemoryDocument('Starmer called it a massive step forward.\n'), 'massive step forward', 3)!;
    assert.match(card.text, /I’m really proud that this afternoon/);
    assert.match(card.text, /rendering by Euromaidan Press/);
  });

  test('the role is read on the date in the paragraph, over CRLF line breaks', () => {
    const doc = new InMemoryDocument('23 June 2025: Рустем Умєров set out the terms.\r\n\r\nOn 1 March 2026 Рустем Умєров spoke again.\r\n', 'plaintext');
    assert.match(hover(doc, 'Рустем Умєров', 3)!.text, /Role on 23 June 2025:\*\* Minister of Defence/);
    const second = doc.getText().lastIndexOf('Рустем Умєров');
    const march = factHoverAt(doc, second + 2, index(), new InMemorySettings())!;
    assert.match(unescapeMarkdown(march.markdown), /Role on 1 March 2026:\*\* Secretary of the National Security and Defence Council/);
    assert.equal(doc.getText().slice(march.start, march.end), 'Рустем Умєров');
  });

  test('the date in question comes from the front matter, then from the document date setting', () => {
    const dated = new InMemoryDocument('---\ndate: 2024-03-01\n---\n\n# Notes\n\nDefence Minister Rustem Umerov met British officials.\n');
    assert.match(hover(dated, 'Umerov', 2)!.text, /\*\*Role on 1 March 2024 \(the document’s date\):\*\* Minister of Defence of Ukraine/);
    const undated = new InMemoryDocument('# Notes\n\nDefence Minister Rustem Umerov met British officials.\n');
    const setting = new InMemorySettings({}, { documentDate: '2026-03-01' });
    assert.match(hover(undated, 'Umerov', 2, setting)!.text, /\*\*Role on 1 March 2026[^*]*:\*\* Secretary of the National Security and Defence Council/);
  });

  test('the date locale setting writes the dates of the card; the date in question stays as the writer wrote it', () => {
    const doc = new InMemoryDocument('On 23 June 2025 Rustem Umerov spoke.\n');
    assert.match(hover(doc, 'Umerov', 2)!.text, /Minister of Defence of Ukraine: 6 September 2023 – 16 July 2025/);
    const us = hover(doc, 'Umerov', 2, new InMemorySettings({ dateLocale: 'en-US' }))!.text;
    assert.match(us, /Minister of Defence of Ukraine: September 6, 2023 – July 16, 2025/);
    assert.match(us, /Role on 23 June 2025:\*\* Minister of Defence of Ukraine/);
  });

  test('a quotation of a recording other than the preferred one says whose it matches', () => {
    const doc = new InMemoryDocument('# Notes\n\nOn 23 June 2025 PA recorded Zelenskyy saying the agreement would “strengthen both nations”.\n');
    assert.match(
      hover(doc, 'both nations', 0)!.text,
      /This quotation matches PA’s recording of Volodymyr Zelenskyy’s words \(independent recorders disagree: no wording is preferred\)\./,
    );
  });

  test('pack text is escaped: a card has no raw HTML', () => {
    const card = factHoverAt(new InMemoryDocument('Keir Starmer spoke.\n'), 3, index(), new InMemorySettings())!;
    assert.ok(!/<(?!https?:)[a-z]/i.test(card.markdown), card.markdown);
  });

  test('a language the extension does not support gives no card', () => {
    assert.equal(hover(new InMemoryDocument('Keir Starmer spoke.\n', 'python'), 'Keir', 2), undefined);
  });
});
