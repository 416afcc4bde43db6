import { curlyQuotes } from './citation';
import { keyOf } from './citationKeys';
import { escapeBibtexText as escapeLatex, safeUrl } from './escape';
import { parseIsoDate } from '../document/dates';
import type { IsoDate, Source, SourceKind } from '../types';
import { lazy } from '../lazy';

/*
 * The sources as BibTeX and CSL-JSON, for writers who cite through Pandoc,
 * Zotero or LaTeX. Keys are the citation keys Insert Citation writes
 * (`\cite{key}`, Pandoc's `[@key]`), so a draft's citations resolve against
 * either file.
 *
 * The .bib is written in the biblatex dialect that biber, Pandoc and Zotero
 * read: full or partial dates in `date` (ISO 8601), which the classic
 * `year`/`month` fields cannot hold to the day.
 *
 *   source kind                       biblatex                          CSL-JSON
 *   wire, outlet                      @article, entrysubtype=newspaper, article-newspaper, container-title
 *                                     journaltitle = publisher
 *   parliament, government            @report, institution, type        report, publisher
 *   official-record                   @legislation, organization        legislation, publisher
 *   encyclopedia                      @online, organization             entry-encyclopedia, container-title
 *   social-media                      @online, organization             post, container-title
 *   other                             @misc, organization               document, publisher
 *
 * Every entry also has its title, author (the publisher, as an organisation,
 * where no person is named), date (EDTF's unknown year `XXXX` in the .bib
 * where the source has none), address (`url`, `URL`) with the day it was
 * read (`urldate`, `accessed`: the day the pack was last checked),
 * language, and for a republication the republisher as the container or
 * publisher in both files, the original publisher as the author where no
 * person is named, and a note "via …", as APA and Chicago cite a wire story
 * run by a newspaper at the newspaper's address. Reports carry a
 * `type`, as biblatex requires. Straight quotes in titles become curly ones.
 * CSL-JSON titles are kept as published (`nocase`), and markup that
 * citeproc would read in pack text (`<i>`, `<span …>`) is made inert. Dates are
 * structured, not written out: the citation processor formats them in the
 * style of the document, so the writer's date locale does not apply here.
 */

export type ExportFormat = 'bibtex' | 'csl-json';

interface KindMapping {
  bibtype: string;
  /** The biblatex field that names the publisher for this type. */
  publisherField: string;
  cslType: string;
  cslPublisher: 'container-title' | 'publisher';
  entrysubtype?: string;
}

const MAPPING: Record<SourceKind, KindMapping> = {
  wire: { bibtype: 'article', publisherField: 'journaltitle', entrysubtype: 'newspaper', cslType: 'article-newspaper', cslPublisher: 'container-title' },
  outlet: { bibtype: 'article', publisherField: 'journaltitle', entrysubtype: 'newspaper', cslType: 'article-newspaper', cslPublisher: 'container-title' },
  parliament: { bibtype: 'report', publisherField: 'institution', cslType: 'report', cslPublisher: 'publisher' },
  government: { bibtype: 'report', publisherField: 'institution', cslType: 'report', cslPublisher: 'publisher' },
  'official-record': { bibtype: 'legislation', publisherField: 'organization', cslType: 'legislation', cslPublisher: 'publisher' },
  // @online: biblatex's @inreference requires an editor too, which an online encyclopedia has not.
  encyclopedia: { bibtype: 'online', publisherField: 'organization', cslType: 'entry-encyclopedia', cslPublisher: 'container-title' },
  'social-media': { bibtype: 'online', publisherField: 'organization', cslType: 'post', cslPublisher: 'container-title' },
  other: { bibtype: 'misc', publisherField: 'organization', cslType: 'document', cslPublisher: 'publisher' },
};

export function exportMapping(kind: SourceKind): Readonly<KindMapping> {
  return MAPPING[kind];
}

/** Line breaks and runs of spaces in pack text are layout, not content. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

// ------------------------------------------------------------------ names

export interface PersonName {
  family: string;
  given: string;
}

const PARTICLES = new Set(['van', 'von', 'der', 'den', 'de', 'del', 'della', 'di', 'da', 'du', 'la', 'le', 'bin', 'al', 'ibn', 'ter']);
const NOT_A_PERSON = /^(the|staff|reporters?|correspondents?|agency|office|ministry|service|news|press|team|desk|editorial|bureau)$/i;

/**
 * A person's name split into family and given names, or undefined where the
 * author is an organisation or the split would be a guess. "Family, Given"
 * is taken as written; otherwise two to four words, each capitalised (or a
 * particle such as "van"), the last being the family name.
 */
export function personName(name: string): PersonName | undefined {
  const text = oneLine(name);
  const comma = /^([^,]+),\s*([^,]+)$/.exec(text);
  if (comma) return { family: comma[1].trim(), given: comma[2].trim() };
  const words = text.split(' ');
  if (words.length < 2 || words.length > 4) return undefined;
  if (words.some((w) => NOT_A_PERSON.test(w) || /\d|[&@/]/.test(w))) return undefined;
  if (!words.every((w) => /^\p{Lu}/u.test(w) || PARTICLES.has(w))) return undefined;
  if (!/^\p{Lu}/u.test(words[words.length - 1]) || !/^\p{Lu}/u.test(words[0])) return undefined;
  // Particles belong to the family name: "von der Leyen", which BibTeX reads back as its "von" part.
  let split = words.length - 1;
  while (split > 1 && PARTICLES.has(words[split - 1])) split--;
  return { family: words.slice(split).join(' '), given: words.slice(0, split).join(' ') };
}

/** Several authors in one field: "A and B", "A; B". */
function authorList(author: string): string[] {
  return oneLine(author)
    .split(/\s*;\s*|\s+and\s+/)
    .filter((a) => a !== '');
}

// ------------------------------------------------------------------ BibTeX

const LANGIDS: Record<string, string> = {
  en: 'english',
  'en-gb': 'british',
  'en-us': 'american',
  uk: 'ukrainian',
  ru: 'russian',
  de: 'ngerman',
  fr: 'french',
  pl: 'polish',
  es: 'spanish',
  it: 'italian',
  nl: 'dutch',
  pt: 'portuguese',
  sv: 'swedish',
  fi: 'finnish',
  cs: 'czech',
  ja: 'japanese',
};

/** biblatex's language name for a BCP 47 tag, where it has one. */
function langidOf(language: string): string | undefined {
  const tag = language.toLowerCase();
  return LANGIDS[tag] ?? LANGIDS[tag.split('-')[0]];
}

/** Letters of the script each language not written in Latin letters writes its titles in. */
const SCRIPTS = lazy((): Record<string, RegExp> => ({
  uk: /\p{Script=Cyrillic}/u,
  ru: /\p{Script=Cyrillic}/u,
  be: /\p{Script=Cyrillic}/u,
  bg: /\p{Script=Cyrillic}/u,
  ja: /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u,
  zh: /\p{Script=Han}/u,
  ko: /\p{Script=Hangul}/u,
  el: /\p{Script=Greek}/u,
  ar: /\p{Script=Arabic}/u,
  he: /\p{Script=Hebrew}/u,
}));

/**
 * The language a source's title is written in: the source's own, unless the
 * title is the pack's translation of it (a Russian article's title in Latin
 * letters), which is in the pack's language; undefined where that is not known.
 */
export function titleLanguage(source: Source, packLanguage?: string): string | undefined {
  const script = SCRIPTS()[source.language.toLowerCase().split('-')[0]];
  if (!script || script.test(source.title)) return source.language;
  return packLanguage;
}

/**
 * A title for BibTeX: LaTeX's special characters escaped, and every word
 * with a capital letter in braces, so that styles and importers that
 * sentence-case titles (biblatex, Zotero) keep names and acronyms as
 * published. Braces around the whole title would not do: importers treat
 * them as a mistake and case-change anyway.
 */
export function bibtexTitle(title: string): string {
  let out = '';
  const words = /[\p{L}\p{M}\p{N}]+/gu;
  let at = 0;
  const text = oneLine(title);
  let m: RegExpExecArray | null;
  while ((m = words.exec(text)) !== null) {
    out += escapeLatex(text.slice(at, m.index));
    out += /\p{Lu}/u.test(m[0]) ? `{${m[0]}}` : m[0];
    at = m.index + m[0].length;
  }
  return out + escapeLatex(text.slice(at));
}

function bibtexName(author: string): string {
  const person = personName(author);
  // An organisation in braces, or BibTeX would read "Reuters Staff" as given name Reuters, family name Staff.
  return person ? `${escapeLatex(person.family)}, ${escapeLatex(person.given)}` : `{${escapeLatex(author)}}`;
}

/** An address for a verbatim field: braces and backslashes, which would end or escape it, percent-encoded. */
function bibtexUrl(url: string): string {
  return safeUrl(url.trim());
}

/** A source, with the day its address was read where known (the day its pack was last checked). */
export type ExportSource = Source | { source: Source; pack?: { pack: { meta: { checked?: IsoDate; language?: string } } } };

function unpack(s: ExportSource): { source: Source; accessed?: IsoDate; packLanguage?: string } {
  if (!('source' in s)) return { source: s };
  const { checked, language } = s.pack?.pack.meta ?? {};
  return { source: s.source, accessed: checked && parseIsoDate(checked) ? checked : undefined, packLanguage: language };
}

/**
 * The container or publisher both exports name: for a republication, the
 * republisher, whose address it is ("Reuters. Title. The Star (Malaysia)"),
 * the original publisher being the author where no person is named.
 */
function republishedIn(source: Source): string {
  if (!source.via) return source.publisher;
  return source.author ? `${source.publisher} via ${source.via}` : source.via;
}

/** biblatex's report types: a `type` is required, and these are printed as the style's own words. */
const REPORT_TYPE: Partial<Record<SourceKind, string>> = { parliament: 'Parliamentary record', government: 'Government publication' };

/** One biblatex entry. */
export function bibtexEntry(entry: ExportSource): string {
  const { source, accessed, packLanguage } = unpack(entry);
  const map = MAPPING[source.kind];
  const fields: [string, string][] = [];
  // biblatex requires an author of articles and reports: the publisher is the author where no person is named.
  // A republication's original publisher is its author, as in CSL-JSON.
  const author = source.author
    ? authorList(source.author).map(bibtexName).join(' and ')
    : (map.bibtype === 'online' || map.bibtype === 'misc') && !source.via
      ? undefined
      : `{${escapeLatex(oneLine(source.publisher))}}`;
  if (author) fields.push(['author', author]);
  fields.push(['title', bibtexTitle(curlyQuotes(source.title))]);
  const publisher = republishedIn(source);
  fields.push([map.publisherField, map.publisherField === 'booktitle' ? bibtexTitle(publisher) : escapeLatex(oneLine(publisher))]);
  const reportType = REPORT_TYPE[source.kind];
  if (map.bibtype === 'report' && reportType) fields.push(['type', reportType]);
  if (map.entrysubtype) fields.push(['entrysubtype', map.entrysubtype]);
  // EDTF's unknown year: biblatex requires a date, and the source has none.
  fields.push(['date', source.date && parseIsoDate(source.date) ? source.date : 'XXXX']);
  if (source.url) fields.push(['url', bibtexUrl(source.url)]);
  if (source.url && accessed) fields.push(['urldate', accessed]);
  // langid: the language the entry is set in, that of its title. A title translated into the pack's language
  // names the work's own language in `language`, which biblatex prints ("Russian").
  const shownIn = titleLanguage(source, packLanguage);
  const langid = shownIn ? langidOf(shownIn) : undefined;
  if (langid) fields.push(['langid', langid]);
  if (shownIn !== source.language) fields.push(['language', langidOf(source.language) ?? escapeLatex(oneLine(source.language))]);
  if (source.via) fields.push(['note', `via ${escapeLatex(oneLine(source.via))}`]);
  const width = Math.max(...fields.map(([k]) => k.length));
  const lines = fields.map(([k, v]) => `  ${k.padEnd(width)} = {${v}},`);
  return `@${map.bibtype}{${keyOf(source)},\n${lines.join('\n')}\n}`;
}

/** A .bib file of the sources, one entry per citation key. */
export function toBibtex(sources: readonly ExportSource[]): string {
  const seen = new Set<string>();
  const entries: string[] = [];
  for (const s of sources) {
    const key = keyOf(unpack(s).source);
    if (seen.has(key)) continue;
    seen.add(key);
    entries.push(bibtexEntry(s));
  }
  return entries.length === 0 ? '' : `${entries.join('\n\n')}\n`;
}

// ------------------------------------------------------------------ CSL-JSON

export type CslName = PersonName | { literal: string };

/** A CSL-JSON item, with the variables this export writes. */
export interface CslItem {
  id: string;
  type: string;
  title: string;
  author?: CslName[];
  'container-title'?: string;
  publisher?: string;
  issued?: { 'date-parts': [number[]] };
  accessed?: { 'date-parts': [number[]] };
  URL?: string;
  language?: string;
  note?: string;
}

/**
 * Pack text as CSL-JSON field text: citeproc-js and Pandoc read a few HTML
 * elements in fields (`<i>`, `<b>`, `<sc>`, `<sup>`, `<span style=…>`,
 * `<span class="nocase">`) as formatting. A word joiner (U+2060, which
 * prints as nothing) after each `<` that could start one leaves it text.
 * Straight quotes become curly ones, which citeproc also reads as markup.
 */
export function cslText(text: string): string {
  return curlyQuotes(oneLine(text)).replace(/<(?=[A-Za-z/!?])/g, '<\u2060');
}

/** A title as published: styles that title-case or sentence-case titles ("LB.ua" to "LB.Ua") leave it so. */
function cslVerbatim(text: string): string {
  // citeproc-js reads no markup at all in a field that also holds an inert "<": there it is verbatim anyway.
  return text.includes('<') ? cslText(text) : `<span class="nocase">${cslText(text)}</span>`;
}

function dateParts(iso: string | undefined): { 'date-parts': [number[]] } | undefined {
  const date = iso ? parseIsoDate(iso) : undefined;
  return date ? { 'date-parts': [[date.year, ...(date.month !== undefined ? [date.month] : []), ...(date.day !== undefined ? [date.day] : [])]] } : undefined;
}

export function cslItem(entry: ExportSource): CslItem {
  const { source, accessed } = unpack(entry);
  const map = MAPPING[source.kind];
  const item: CslItem = { id: keyOf(source), type: map.cslType, title: cslVerbatim(source.title) };
  if (source.author) item.author = authorList(source.author).map((a) => personName(a) ?? { literal: cslText(a) });
  else if (source.via) item.author = [{ literal: cslText(source.publisher) }];
  item[map.cslPublisher] = cslVerbatim(republishedIn(source));
  const issued = dateParts(source.date);
  if (issued) item.issued = issued;
  if (source.url) item.URL = source.url.trim();
  const read = source.url ? dateParts(accessed) : undefined;
  if (read) item.accessed = read;
  item.language = source.language;
  if (source.via) item.note = `via ${cslText(source.via)}`;
  return item;
}

/** A CSL-JSON file (an array of items), as Pandoc's `--bibliography` and Zotero read it. */
export function toCslJson(sources: readonly ExportSource[]): string {
  const seen = new Set<string>();
  const items: CslItem[] = [];
  for (const s of sources) {
    const item = cslItem(s);
    if (seen.has(item.id)) continue;
    seen.add(item.id);
    items.push(item);
  }
  return `${JSON.stringify(items, null, 2)}\n`;
}

export function exportSources(sources: readonly ExportSource[], format: ExportFormat): string {
  return format === 'bibtex' ? toBibtex(sources) : toCslJson(sources);
}

/** The usual file extension of each format. */
export const EXPORT_EXTENSIONS: Record<ExportFormat, string> = { bibtex: 'bib', 'csl-json': 'json' };
