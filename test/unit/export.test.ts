// export: the sources as BibTeX and CSL-JSON, read back by the parsers that
// Zotero (Better BibTeX), citation.js and citeproc-js use.

import assert from 'node:assert/strict';
import { citationKey, curlyQuotes } from '../../src/core/references/citation';
import { bibtexTitle, cslItem, exportMapping, personName, toBibtex, toCslJson, type CslItem } from '../../src/core/references/export';
import { parseIsoDate } from '../../src/core/document/dates';
import type { Source } from '../../src/core/types';
import { bundled } from './helpers';
import { bibtexParser, citationJs, type BibEntry } from './formatParsers';

const sources = (): Source[] => bundled().index.sources.map((s) => s.source);
const oneLine = (t: string): string => t.replace(/\s+/g, ' ').trim();
/** A title as the export writes it: on one line, with curly quotes. */
const shown = (t: string): string => curlyQuotes(oneLine(t));
/** A CSL-JSON title or publisher: as published (nocase), without the span. */
const plain = (t: string | undefined): string | undefined => t?.replace(/^<span class="nocase">([\s\S]*)<\/span>$/, '$1');

/** A source whose every text field holds what BibTeX and JSON find hardest. */
const hostile: Source = {
  id: 'hostile.src 1',
  title: 'A {braced} title: 50% of \u201CKyiv\u201D & "quotes", it\'s\nover two lines \\ ~tilde ^caret $dollar #hash _under @at',
  publisher: 'Smith & Sons {Ltd} 100%',
  author: 'Olena Goncharova; Reuters staff',
  via: 'A & B',
  date: '2025-06',
  url: 'https://example.org/a%20b?x=1&y={2}#frag',
  kind: 'other',
  language: 'uk',
};

/** The publisher as each entry type carries it. */
function bibPublisher(entry: BibEntry): string | undefined {
  const f = entry.fields;
  const v = f.journaltitle ?? f.institution ?? f.organization ?? f.booktitle;
  return Array.isArray(v) ? v.join(' and ') : v;
}

suite('export: BibTeX read back by Better BibTeX\u2019s parser', () => {
  test('every bundled source parses without error, with its type, key, title, publisher, date and address', async () => {
    const { parse } = await bibtexParser();
    const all = sources();
    const library = parse(toBibtex(all));
    assert.deepEqual(library.errors, []);
    assert.equal(library.entries.length, all.length);
    for (const s of all) {
      const entry = library.entries.find((e) => e.key === citationKey(s.id));
      assert.ok(entry, `no entry for ${s.id}`);
      assert.equal(entry.type, exportMapping(s.kind).bibtype, s.id);
      assert.equal(entry.fields.title, shown(s.title), s.id);
      // A republication: the republisher, as in CSL-JSON.
      assert.equal(curlyQuotes(bibPublisher(entry) ?? ''), plain(cslItem(s)[exportMapping(s.kind).cslPublisher]), s.id);
      // EDTF's unknown year where the source has no date: biblatex requires one.
      assert.equal(entry.fields.date, s.date ?? 'XXXX', s.id);
      assert.equal(entry.fields.url, s.url, s.id);
    }
  });

  test('entry types follow the source kind: news as newspaper articles, parliament as reports, the encyclopedia as a reference entry', async () => {
    const { parse } = await bibtexParser();
    const byKey = new Map(parse(toBibtex(sources())).entries.map((e) => [e.key, e]));
    const reuters = byKey.get('reuters-2025-06-23')!;
    assert.equal(reuters.type, 'article');
    assert.equal(reuters.fields.entrysubtype, 'newspaper');
    assert.equal(reuters.fields.journaltitle, 'The Star (Malaysia)');
    assert.deepEqual(reuters.fields.author, [{ name: 'Reuters' }]);
    assert.equal(reuters.fields.note, 'via The Star (Malaysia)');
    const library = byKey.get('commons-library')!;
    assert.equal(library.type, 'report');
    assert.deepEqual(library.fields.institution, ['House of Commons Library']);
    assert.equal(library.fields.date, '2025');
    const wiki = byKey.get('nato-summit')!;
    assert.equal(wiki.type, 'online');
    assert.deepEqual(wiki.fields.organization, ['Wikipedia']);
    assert.equal(wiki.fields.date, 'XXXX');
    assert.equal(byKey.get('lb-2025-10-15')!.fields.langid, 'ukrainian');
  });

  test("langid is the language of the title: a title the pack translated is set in the pack's language, and `language` names the work's", async () => {
    const { parse } = await bibtexParser();
    const byKey = new Map(parse(toBibtex(bundled().index.sources)).entries.map((e) => [e.key, e]));
    const fields = (key: string): [unknown, unknown] => [byKey.get(key)!.fields.langid, byKey.get(key)!.fields.language];
    // Ukrainian and Russian titles in Cyrillic: set in their language, which the title shows.
    assert.deepEqual(fields('lb-2025-10-15'), ['ukrainian', undefined]);
    assert.deepEqual(fields('strana-2026-01-02'), ['russian', undefined]);
    assert.deepEqual(fields('zmist-2021-11-04'), ['ngerman', undefined]);
    // Articles in Ukrainian, Russian and Japanese whose titles the pack gives in English.
    assert.deepEqual(fields('minfin-2025-09-17'), ['english', 'ukrainian']);
    assert.deepEqual(fields('fraza-2025-09-18'), ['english', 'russian']);
    assert.deepEqual(fields('ukrinform-ja-2023-03-21'), ['english', 'japanese']);
    // Without its pack, the language of a translated title is not known: no langid, and the work's language.
    const [alone] = parse(toBibtex([bundled().index.source('fraza-2025-09-18')!.source])).entries;
    assert.deepEqual([alone.fields.langid, alone.fields.language], [undefined, 'russian']);
    // Every title is one pdfLaTeX can set with babel's Cyrillic: no Japanese or Chinese characters.
    assert.doesNotMatch(toBibtex(bundled().index.sources), /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u);
  });

  test('an author is split into family and given names', async () => {
    const { parse } = await bibtexParser();
    const entry = parse(toBibtex(sources())).entries.find((e) => e.key === 'ki-2025-06-24a')!;
    assert.deepEqual(entry.fields.author, [{ lastName: 'Goncharova', firstName: 'Olena' }]);
  });

  test('names and acronyms in titles keep their capitals when an importer sentence-cases them', async () => {
    const { parse } = await bibtexParser();
    // Zotero's import sentence-cases English titles; only braced words keep their case.
    const entry = parse(toBibtex(sources())).entries.find((e) => e.key === 'pa-2025-06-23')!;
    assert.equal(entry.fields.title, 'Zelensky and Starmer agree closer military production ties ahead of Nato summit');
    assert.equal(bibtexTitle('UK to fund joint drone production'), '{UK} to fund joint drone production');
  });

  test('a hostile title, publisher and author round-trip: braces, %, &, quotes, backslash, newline', async () => {
    const { parse } = await bibtexParser();
    const bib = toBibtex([hostile]);
    const library = parse(bib);
    assert.deepEqual(library.errors, []);
    const [entry] = library.entries;
    assert.equal(entry.key, 'hostile-src-1');
    assert.equal(entry.type, 'misc');
    assert.equal(entry.fields.title, shown(hostile.title));
    assert.deepEqual(entry.fields.organization, [`${hostile.publisher} via ${hostile.via!}`]);
    assert.deepEqual(entry.fields.author, [{ lastName: 'Goncharova', firstName: 'Olena' }, { name: 'Reuters staff' }]);
    assert.equal(entry.fields.note, 'via A & B');
    assert.equal(entry.fields.date, '2025-06');
    assert.equal(entry.fields.url, 'https://example.org/a%20b?x=1&y=%7B2%7D#frag');
    // A Ukrainian source whose title is in Latin letters, without its pack: the title's language is not known, the work's is.
    assert.equal(entry.fields.langid, undefined);
    assert.equal(entry.fields.language, 'ukrainian');
    // Nothing after the entry: a stray brace would have left text behind.
    assert.match(bib, /\n\}\n$/);
  });

  test('citation.js reads the .bib into the same CSL data as the CSL-JSON export', () => {
    const Cite = citationJs();
    const all = sources();
    const fromBib = new Cite(toBibtex(all)).data;
    for (const s of all) {
      const item = fromBib.find((d) => d.id === citationKey(s.id));
      assert.ok(item, s.id);
      assert.equal(item.title, shown(s.title));
      assert.equal(item['container-title'] ?? item.publisher, s.via ? (s.author ? `${s.publisher} via ${s.via}` : s.via) : s.publisher, s.id);
      // citation.js reads EDTF's unknown year "XXXX" as a year of its own: only dated sources compare.
      if (s.date) assert.deepEqual(item.issued?.['date-parts']?.[0], cslItem(s).issued?.['date-parts'][0], s.id);
      assert.equal(item.URL, s.url);
    }
    const news = fromBib.find((d) => d.id === 'reuters-2025-06-23')!;
    assert.equal(news.genre, 'newspaper');
  });

  test('a republication: the .bib and the CSL-JSON name the same republisher, original publisher and address', () => {
    const Cite = citationJs();
    const all = sources().filter((s) => s.via);
    assert.ok(all.length >= 10);
    const fromBib = new Cite(toBibtex(all)).data;
    // Quote marks aside: the CSL-JSON writes curly ones, which citeproc reads as text.
    const names = (n: unknown): string[] =>
      ((n as { literal?: string; family?: string }[] | undefined) ?? []).map((a) => curlyQuotes(a.literal ?? a.family ?? ''));
    for (const s of all) {
      const bib = fromBib.find((d) => d.id === citationKey(s.id))!;
      const csl = cslItem(s);
      const container = plain(csl['container-title'] ?? csl.publisher);
      // The address is the republisher's: both name it as the container or publisher.
      assert.equal(curlyQuotes(bib['container-title'] ?? bib.publisher ?? ''), container, s.id);
      assert.deepEqual(names(bib.author), names(csl.author), s.id);
      assert.equal(bib.URL, csl.URL, s.id);
    }
  });

  test('no sources make an empty file; a repeated key is written once', () => {
    assert.equal(toBibtex([]), '');
    const reuters = bundled().index.source('reuters-2025-06-23')!.source;
    assert.equal(toBibtex([reuters, reuters]).match(/^@/gm)?.length, 1);
  });
});

suite('export: CSL-JSON read by citation.js and rendered by citeproc-js', () => {
  const items = (): CslItem[] => JSON.parse(toCslJson(sources())) as CslItem[];

  test('every bundled source is an item with its type, title, publisher, date parts and address', () => {
    const all = sources();
    const list = items();
    assert.equal(list.length, all.length);
    for (const s of all) {
      const item = list.find((i) => i.id === citationKey(s.id));
      assert.ok(item, s.id);
      const map = exportMapping(s.kind);
      assert.equal(item.type, map.cslType, s.id);
      assert.equal(plain(item.title), shown(s.title));
      assert.equal(plain(item[map.cslPublisher]), curlyQuotes(s.via && !s.author ? s.via : s.via ? `${s.publisher} via ${s.via}` : s.publisher));
      assert.equal(item.URL, s.url);
      assert.equal(item.language, s.language);
      if (s.date) {
        const p = parseIsoDate(s.date)!;
        assert.deepEqual(item.issued, { 'date-parts': [[p.year, p.month, p.day].filter((n) => n !== undefined)] }, s.id);
      } else assert.equal(item.issued, undefined);
    }
  });

  test('types per kind: newspaper articles, reports, an encyclopedia entry; partial dates keep only what is known', () => {
    const byId = new Map(items().map((i) => [i.id, i]));
    assert.equal(byId.get('reuters-2025-06-23')!.type, 'article-newspaper');
    assert.equal(plain(byId.get('reuters-2025-06-23')!['container-title']), 'The Star (Malaysia)');
    assert.deepEqual(byId.get('reuters-2025-06-23')!.author, [{ literal: 'Reuters' }]);
    assert.equal(byId.get('reuters-2025-06-23')!.note, 'via The Star (Malaysia)');
    assert.equal(byId.get('hol-2025-04-22')!.type, 'report');
    // Republished by Parallel Parliament, at whose address it is read: the Lords are its author.
    assert.equal(plain(byId.get('hol-2025-04-22')!.publisher), 'Parallel Parliament');
    assert.deepEqual(byId.get('hol-2025-04-22')!.author, [{ literal: 'UK Parliament (House of Lords)' }]);
    assert.equal(byId.get('nato-summit')!.type, 'entry-encyclopedia');
    assert.deepEqual(byId.get('ep-2025-06')!.issued, { 'date-parts': [[2025, 6]] });
    assert.deepEqual(byId.get('commons-library')!.issued, { 'date-parts': [[2025]] });
    assert.deepEqual(byId.get('ki-2025-06-24a')!.author, [{ family: 'Goncharova', given: 'Olena' }]);
  });

  test('citeproc-js renders every item: title, publisher and year in an APA bibliography', () => {
    const Cite = citationJs();
    const cite = new Cite(items());
    const text = cite.format('bibliography', { format: 'text', template: 'apa', lang: 'en-US' });
    const lines = text.trim().split('\n');
    assert.equal(lines.length, sources().length);
    // APA sets apostrophes and quote marks typographically, puts a title's closing full stop inside its closing quote mark, and title-cases publication names.
    const norm = (t: string): string =>
      t
        .replace(/[\u2018\u2019\u201C\u201D'"]/g, '"')
        .replace(/\."/g, '"')
        .toLowerCase();
    for (const s of sources()) {
      const line = lines.find((l) => norm(l).includes(norm(oneLine(s.title))));
      assert.ok(line, `no line for ${s.id} in\n${text}`);
      // A republication names the republisher as its container and the publisher as its author.
      assert.ok(norm(line).includes(norm(s.publisher)), `${s.id}: ${line}`);
      if (s.via) assert.ok(norm(line).includes(norm(s.via)), `${s.id}: ${line}`);
      assert.ok(line.includes(s.date ? s.date.slice(0, 4) : 'n.d.'), `${s.id}: ${line}`);
    }
    assert.ok(
      lines.some((l) => l.startsWith('Goncharova, O. (2025, June 24). Zelensky, Starmer hail')),
      text,
    );
    // Exported with their pack, as Export Sources writes them: an undated page is cited with the day it was read
    // (the pack's checked day), "Retrieved December 1, 2026, from https://…", never a bare "Retrieved".
    const withPacks = new Cite(JSON.parse(toCslJson(bundled().index.sources)) as CslItem[]).format('bibliography', {
      format: 'text',
      template: 'apa',
      lang: 'en-US',
    });
    const retrieved = withPacks.split('\n').filter((l) => l.includes('Retrieved'));
    assert.ok(retrieved.length > 0, withPacks);
    for (const l of retrieved) assert.match(l, /Retrieved [A-Z][a-z]+ \d{1,2}, \d{4}, from https?:\/\//, l);
  });

  test('a hostile title round-trips exactly, and an organisation stays one name', () => {
    const [item] = JSON.parse(toCslJson([hostile])) as CslItem[];
    assert.equal(plain(item.title), shown(hostile.title));
    assert.equal(plain(item.publisher), `${hostile.publisher} via ${hostile.via!}`);
    assert.deepEqual(item.author, [{ family: 'Goncharova', given: 'Olena' }, { literal: 'Reuters staff' }]);
    const Cite = citationJs();
    const rendered = new Cite([item]).format('bibliography', { format: 'text', template: 'apa', lang: 'en-US' });
    assert.match(rendered, /A \{braced\} title: 50% of “Kyiv” & “quotes”, it’s over two lines \\ ~tilde \^caret \$dollar #hash _under @at/);
    assert.match(rendered, /Reuters staff/);
  });
});

suite('export: person names', () => {
  test('given and family names, "Family, Given", particles', () => {
    assert.deepEqual(personName('Olena Goncharova'), { family: 'Goncharova', given: 'Olena' });
    assert.deepEqual(personName('Goncharova, Olena'), { family: 'Goncharova', given: 'Olena' });
    assert.deepEqual(personName('Ursula von der Leyen'), { family: 'von der Leyen', given: 'Ursula' });
    assert.deepEqual(personName('Олена Гончарова'), { family: 'Гончарова', given: 'Олена' });
  });

  test('organisations and single words are not split', () => {
    for (const name of ['Reuters', 'Reuters staff', 'The Kyiv Independent', 'House of Commons Library', 'BBC News', 'G7 Leaders']) {
      assert.equal(personName(name), undefined, name);
    }
  });
});
