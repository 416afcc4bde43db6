import { formatDate, type DateStyle } from '../document/dates';
import type { FactIndex, IndexedFact, IndexedSource } from '../facts/factIndex';
import { asciidocUrl, escapeHtmlText, escapeLatexText, escapeText, latexUrl, safeUrl } from './escape';
import { keyOf } from './citationKeys';
import { matchingBrace } from '../document/text';
import type { FactInLanguage, Source, SourceKind } from '../types';
import type { DocumentModel } from '../document/model';

/** The document formats citations are written in. */
export const DOC_FORMATS = ['markdown', 'latex', 'asciidoc', 'restructuredtext', 'html', 'plaintext'] as const;
export type DocFormat = (typeof DOC_FORMATS)[number];

/**
 * How citations look: `auto` picks the format's native footnote; `inline`
 * writes a parenthetical reference in any format; `latex-cite` writes
 * `\cite{key}` for writers who keep a BibTeX file; `pandoc` writes Pandoc's
 * `[@key]` in Markdown, for writers whose front matter names a bibliography
 * (other formats get their footnotes, as `auto`).
 */
export type CitationStyle = 'auto' | 'inline' | 'latex-cite' | 'pandoc';

export interface CitationOptions {
  format: DocFormat;
  style: CitationStyle;
  dateStyle: DateStyle;
  /** The document's language (language.ts): a fact's text in it where the pack has one, and the words around citations. Default: the pack's. */
  language?: string;
}

/** VS Code language ids mapped to the format their citations are written in. */
export function formatForLanguage(languageId: string): DocFormat {
  switch (languageId) {
    case 'markdown':
    case 'mdx':
    case 'quarto':
    case 'rmd':
      return 'markdown';
    case 'latex':
    case 'tex':
    case 'bibtex':
    case 'context':
      return 'latex';
    case 'asciidoc':
      return 'asciidoc';
    case 'restructuredtext':
    case 'rst':
      return 'restructuredtext';
    case 'html':
      return 'html';
    default:
      return 'plaintext';
  }
}

/** The quotation marks of each format: LaTeX writes ``…'' so that every TeX engine sets curly quotes. */
function quoteMarks(format: DocFormat): [string, string] {
  return format === 'latex' ? ['``', "''"] : ['\u201C', '\u201D'];
}

/**
 * Straight quotes of pack text as the curly ones the extension writes around
 * them: an apostrophe, an opening mark after a space or bracket, a closing
 * mark elsewhere. Inside a quotation (`inner`), double marks become single
 * ones. LaTeX's own marks are written by the escape (` and ' as TeX reads them).
 */
export function curlyQuotes(text: string, format: DocFormat = 'plaintext', inner = false): string {
  if (!/["']/.test(text)) return text;
  const open1 = format === 'latex' ? '`' : '\u2018';
  const close1 = format === 'latex' ? "'" : '\u2019';
  const open2 = inner ? open1 : format === 'latex' ? '``' : '\u201C';
  const close2 = inner ? close1 : format === 'latex' ? "''" : '\u201D';
  return text.replace(/["']/g, (c, at: number) => {
    const before = at === 0 ? ' ' : text[at - 1];
    const opening = /[\s([{\u2014\u2013-]/.test(before);
    if (c === '"') return opening ? open2 : close2;
    return opening ? open1 : close1;
  });
}

/** A source's reference in parts: who wrote and published it, the quoted title, the date. No markup. */
function describeParts(source: Source, dateStyle: DateStyle, format: DocFormat): string[] {
  const [open, close] = quoteMarks(format);
  const parts: string[] = [];
  // "via", not "(via …)": a parenthetical citation of it would nest parentheses three deep.
  const by = source.via ? `${source.publisher} via ${source.via}` : source.publisher;
  parts.push(source.author ? `${source.author}, ${by}` : by);
  parts.push(`${open}${curlyQuotes(source.title, format, true)}${close}`);
  if (source.date) parts.push(formatDate(source.date, dateStyle));
  return parts;
}

/** A source as a reference line: publisher, author, title, date, address. No markup. */
export function describeSource(source: Source, dateStyle: DateStyle, format: DocFormat = 'plaintext'): string {
  return describeParts(source, dateStyle, format).join(', ');
}

/**
 * A source's reference as literal text of the document's format (escape.ts),
 * without its address: what footnotes, inline citations and the Sources
 * section all write. In LaTeX, Cyrillic words are set in Ukrainian where the
 * document loads babel's Ukrainian (`latexLanguageRuns`), each part on its
 * own, so that no run joins a title to the next part.
 */
export function referenceText(source: Source, options: CitationOptions, documentText = ''): string {
  const { format, dateStyle } = options;
  const parts = describeParts(source, dateStyle, format);
  if (format !== 'latex') return escapeText(format, parts.join(', '));
  return parts.map((p) => latexLanguageRuns(escapeLatexText(p), documentText)).join(', ');
}

/** LaTeX text (kept under this name for its callers): see escape.ts. */
export const escapeLatex = escapeLatexText;
export { escapeHtmlText };

/**
 * An address in LaTeX that needs no package and never overruns the margin:
 * typewriter text that may break after any separator (`/`, `.`, `-`, `?`,
 * `&`, `=`, `_`, `+`, …) and inside a run of capitalised words; a link through `\href` where the document loads hyperref. (`\url`
 * fails without url or hyperref, and breaks only at a few characters.)
 */
export function latexAddress(url: string, hyperref: boolean): string {
  // After a separator (not inside "//"), and between a lower-case and a capital letter ("OneHundredYear…").
  const shown = safeUrl(url)
    .split(/(?<=[/.?&=_+,;:~#-])(?![/])|(?<=[a-z])(?=[A-Z])/)
    .map((part) => escapeLatexText(part))
    .join('\\allowbreak{}');
  return hyperref ? `\\href{${latexUrl(url)}}{\\texttt{${shown}}}` : `\\texttt{${shown}}`;
}

/**
 * Cyrillic words in LaTeX text, set in Ukrainian where the document loads
 * babel's Ukrainian: pdfLaTeX switches to the Cyrillic font encoding only so.
 */
export function latexLanguageRuns(text: string, documentText: string): string {
  if (!/\p{Script=Cyrillic}/u.test(text) || !/^[^%\n]*\\usepackage\s*\[[^\]]*\bukrainian\b[^\]]*\]\s*\{babel\}/m.test(documentText)) return text;
  return ukrainianRuns(text);
}

/** Every Cyrillic run of LaTeX text as `\foreignlanguage{ukrainian}{…}`. */
export function ukrainianRuns(text: string): string {
  return text.replace(
    /\p{Script=Cyrillic}[\p{Script=Cyrillic}\p{N}\s.,:;!?\u2019'()\u2013\u2014-]*\p{Script=Cyrillic}|\p{Script=Cyrillic}/gu,
    (run) => `\\foreignlanguage{ukrainian}{${run}}`,
  );
}

/** Whether a LaTeX document loads hyperref, so that its addresses can be links. */
export function loadsHyperref(documentText: string): boolean {
  return /^[^%\n]*\\usepackage\s*(?:\[[^\]]*\])?\s*\{[^}]*\bhyperref\b/m.test(documentText);
}

/** The reference for one source in a format's footnote body, with its address. */
export function sourceReference(source: Source, options: CitationOptions, documentText = ''): string {
  const { format } = options;
  const text = referenceText(source, options, documentText);
  const url = source.url;
  switch (format) {
    case 'markdown':
      return url ? `${text}. <${safeUrl(url)}>` : `${text}.`;
    case 'latex':
      return url ? `${text}, ${latexAddress(url, loadsHyperref(documentText))}.` : `${text}.`;
    // A bare address: Asciidoctor links it, and it has no "]" that could end a footnote's brackets.
    case 'asciidoc':
      return url ? `${text}, ${asciidocUrl(url)}` : text;
    case 'restructuredtext':
      return url ? `${text}, ${safeUrl(url)}` : text;
    case 'html':
      return url ? `${text}, <a href="${escapeHtmlText(safeUrl(url))}">${escapeHtmlText(safeUrl(url))}</a>` : text;
    case 'plaintext':
      return url ? `${text}, ${safeUrl(url)}` : text;
  }
}

export { citationKey, keyOf } from './citationKeys';

/** What inserting a citation of some sources at the cursor writes there, and what must exist elsewhere. */
export interface CitationParts {
  /** Written right after the cited text. */
  inline: string;
  /** Definitions to append at the end of the document, each unless its key is already defined there. */
  definitions: { key: string; text: string }[];
}

/**
 * Where in the document a citation goes, as far as its markup depends on it:
 * inside an existing footnote (a citation there joins the footnote's text,
 * as a footnote in a footnote is lost or refused), after white space, or
 * right after a word.
 */
export type CitationPlace = 'footnote' | 'space' | 'word';

/** The place of a citation inserted at `offset` of the document. */
export function citationPlace(documentText: string, offset: number, format: DocFormat): CitationPlace {
  if (insideFootnote(documentText, offset, format)) return 'footnote';
  return offset === 0 || /\s/.test(documentText[offset - 1]) ? 'space' : 'word';
}

/**
 * Citation markup for sources, in the document's format. Markdown and
 * reStructuredText get one footnote definition per source, reused by every
 * later citation of it; AsciiDoc names its footnote so later citations reuse it.
 * The markup fits its place (see citationPlace); by default, right after a word.
 */
export function formatCitation(
  sources: readonly Source[],
  options: CitationOptions,
  document: DocumentText = '',
  place: CitationPlace = 'word',
): CitationParts {
  // A `;;` completion list cites a few sources for hundreds of facts, with one options object and one document.
  if (sources.length !== 1 || typeof document === 'string') return citationOf(sources, options, textOf(document), place);
  const byOptions = document.memo(CITATIONS, () => new WeakMap<CitationOptions, Map<CitationPlace, WeakMap<Source, CitationParts>>>());
  let byPlace = byOptions.get(options);
  if (!byPlace) byOptions.set(options, (byPlace = new Map()));
  let bySource = byPlace.get(place);
  if (!bySource) byPlace.set(place, (bySource = new WeakMap()));
  let parts = bySource.get(sources[0]);
  if (!parts) bySource.set(sources[0], (parts = citationOf(sources, options, document, place)));
  return { inline: parts.inline, definitions: [...parts.definitions] };
}

/**
 * A document as the citation functions read it: its text, or its model,
 * where what they find (the footnote keys it defines, its line break, the
 * citations made for one request's options) is kept for that version.
 */
export type DocumentText = string | DocumentModel;

function textOf(document: DocumentText): string {
  return typeof document === 'string' ? document : document.text;
}

function memoOn<T>(document: DocumentText, key: object, make: () => T): T {
  return typeof document === 'string' ? make() : document.memo(key, make);
}

/** Keys of what a document's model keeps for the functions here. */
const CITATIONS = {};
const DEFINED_KEYS = {};
const LINE_BREAK = {};

function citationOf(sources: readonly Source[], options: CitationOptions, document: DocumentText, place: CitationPlace): CitationParts {
  const documentText = textOf(document);
  const { format, style } = options;
  const definitions: CitationParts['definitions'] = [];
  const inline: string[] = [];
  const sep = place === 'space' ? '' : ' ';
  if (style === 'latex-cite' && format === 'latex') {
    // A tie keeps the citation on the line of the word it follows; after a space, none is needed.
    return { inline: `${place === 'space' ? '' : '~'}\\cite{${sources.map((s) => keyOf(s)).join(',')}}`, definitions };
  }
  if (style === 'pandoc' && format === 'markdown') {
    return { inline: `${sep}[${sources.map((s) => `@${keyOf(s)}`).join('; ')}]`, definitions };
  }
  if (style === 'inline' || format === 'plaintext') {
    const body = sources.map((s) => referenceText(s, options, documentText)).join('; ');
    return { inline: format === 'html' ? `${sep}(<cite>${body}</cite>)` : `${sep}(${body})`, definitions };
  }
  if (place === 'footnote' && (format === 'markdown' || format === 'latex' || format === 'asciidoc')) {
    // The footnote the cursor is in gets the reference as more of its text.
    return { inline: `${sep}${sources.map((s) => sourceReference(s, options, documentText)).join(' ')}`, definitions };
  }
  for (const s of sources) {
    const key = keyOf(s);
    switch (format) {
      case 'markdown':
        inline.push(`[^${key}]`);
        if (!hasMarkdownDefinition(document, key)) definitions.push({ key, text: `[^${key}]: ${sourceReference(s, options)}` });
        break;
      case 'latex':
        inline.push(`\\footnote{${sourceReference(s, options, documentText)}}`);
        break;
      case 'asciidoc':
        inline.push(hasAsciidocFootnote(document, key) ? `footnote:${key}[]` : `footnote:${key}[${sourceReference(s, options)}]`);
        break;
      case 'restructuredtext':
        // An escaped space joins the reference to its word: docutils needs a separator there and prints none.
        inline.push(`${place === 'space' || inline.length > 0 ? '' : '\\ '}[#${key}]_`);
        if (!hasRstDefinition(document, key)) definitions.push({ key, text: `.. [#${key}] ${sourceReference(s, options)}` });
        break;
      case 'html':
        // data-source names the source for the Sources section and the facts view, whatever the title says.
        inline.push(
          `<sup><a href="${escapeHtmlText(s.url ? safeUrl(s.url) : '#')}" data-source="${key}" title="${escapeText('html', describeSource(s, options.dateStyle, 'html'))}">[${escapeText('html', linkText(s, options.dateStyle))}]</a></sup>`,
        );
        break;
    }
  }
  return { inline: inline.join(format === 'restructuredtext' ? '\\ ' : ''), definitions };
}

/** An HTML citation's visible text: the publisher and date, so that two sources of one publisher differ. */
function linkText(source: Source, dateStyle: DateStyle): string {
  return source.date ? `${source.publisher}, ${formatDate(source.date, dateStyle)}` : source.publisher;
}

/** Whether `offset` is inside a footnote's text: LaTeX `\footnote{…}`, a Markdown footnote definition, AsciiDoc `footnote:[…]`. */
function insideFootnote(text: string, offset: number, format: DocFormat): boolean {
  switch (format) {
    case 'latex': {
      const re = /\\footnote(?:\[[^\]\n]*\])?\{/g;
      let m: RegExpExecArray | null;
      while ((m = re.exec(text)) !== null && m.index < offset) {
        const close = matchingBrace(text, m.index + m[0].length - 1);
        const end = close < 0 ? text.length : close;
        if (offset <= end) return true;
        re.lastIndex = Math.max(re.lastIndex, end);
      }
      return false;
    }
    case 'markdown': {
      // The definition line the offset is on, or the one its indented continuation lines belong to.
      let ls = text.lastIndexOf('\n', offset - 1) + 1;
      for (;;) {
        const line = text.slice(ls, text.indexOf('\n', ls) < 0 ? text.length : text.indexOf('\n', ls));
        const head = /^ {0,3}\[\^[^\]\s]+\]:/.exec(line);
        if (head) return offset >= ls + head[0].length;
        if (ls === 0 || !/^[ \t]+\S/.test(line)) return false;
        ls = text.lastIndexOf('\n', ls - 2) + 1;
      }
    }
    case 'asciidoc': {
      const re = /footnote:[\w-]*\[/g;
      let m: RegExpExecArray | null;
      while ((m = re.exec(text)) !== null && m.index < offset) {
        const end = asciidocMacroEnd(text, m.index + m[0].length);
        if (offset <= end) return true;
        re.lastIndex = Math.max(re.lastIndex, end);
      }
      return false;
    }
    default:
      return false;
  }
}

/** The offset of the `]` that ends an AsciiDoc macro's text, or of the paragraph's end. */
function asciidocMacroEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === ']') return i;
    else if (c === '\n' && text[i + 1] === '\n') return i;
  }
  return text.length;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function hasMarkdownDefinition(document: DocumentText, key: string): boolean {
  if (SIMPLE_KEY.test(key)) return definedKeys(document).markdown.has(key);
  return new RegExp(`^ {0,3}\\[\\^${escapeRegExp(key)}\\]:`, 'm').test(textOf(document));
}

/** Keys as citationKey makes them: for these, one pass over the text answers every question below. */
const SIMPLE_KEY = /^[A-Za-z0-9_-]+$/;

interface DefinedKeys {
  markdown: Set<string>;
  rst: Set<string>;
  asciidoc: Set<string>;
}

/**
 * Every footnote key a text defines, in one pass. For a key of SIMPLE_KEY
 * characters, "the text matches the per-key expression" and "the key is in
 * the set" agree: the key's characters end where the bracket begins.
 */
function definedKeys(document: DocumentText): DefinedKeys {
  // A completion list asks once per item, about one version of one document.
  return memoOn(document, DEFINED_KEYS, () => {
    const text = textOf(document);
    const collect = (re: RegExp): Set<string> => new Set([...text.matchAll(re)].map((m) => m[1]));
    return {
      markdown: collect(/^ {0,3}\[\^([A-Za-z0-9_-]+)\]:/gm),
      rst: collect(/^\.\. \[#([A-Za-z0-9_-]+)\]/gm),
      asciidoc: collect(/footnote:([A-Za-z0-9_-]+)\[[^\]]/g),
    };
  });
}

/** The document's line break: every item of a completion list asks. */
function eolOf(document: DocumentText): string {
  return memoOn(document, LINE_BREAK, () => (textOf(document).includes('\r\n') ? '\r\n' : '\n'));
}

/** Whether the document already defines the footnote `key`, in Markdown or reStructuredText. */
export function hasDefinition(document: DocumentText, key: string): boolean {
  return hasMarkdownDefinition(document, key) || hasRstDefinition(document, key);
}

function hasRstDefinition(document: DocumentText, key: string): boolean {
  if (SIMPLE_KEY.test(key)) return definedKeys(document).rst.has(key);
  return new RegExp(`^\\.\\. \\[#${escapeRegExp(key)}\\]`, 'm').test(textOf(document));
}

function hasAsciidocFootnote(document: DocumentText, key: string): boolean {
  if (SIMPLE_KEY.test(key)) return definedKeys(document).asciidoc.has(key);
  return new RegExp(`footnote:${escapeRegExp(key)}\\[[^\\]]`).test(textOf(document));
}

const KIND_RANK: Record<SourceKind, number> = {
  'official-record': 0,
  parliament: 0,
  government: 0,
  wire: 1,
  outlet: 2,
  'social-media': 3,
  encyclopedia: 4,
  other: 5,
};

/**
 * How strong a source is as a citation, lower first: an official record
 * (official record, parliament, government), then a wire service, then an
 * outlet, then the rest; a republication (`via`) or a rewrite of another
 * source (`basedOn`) after the direct sources of its rank.
 */
export function sourceRank(source: Source): number {
  return KIND_RANK[source.kind] * 2 + (source.via || (source.basedOn?.length ?? 0) > 0 ? 1 : 0);
}

/** Items by the strength of their sources, strongest first; equals keep their order. The hover card and citations both list sources so. */
export function strongestFirst<T>(items: readonly T[], sourceOf: (item: T) => Source | undefined): T[] {
  const ranked = items.map((item, i) => {
    const s = sourceOf(item);
    return { item, i, rank: s ? sourceRank(s) : Number.MAX_SAFE_INTEGER };
  });
  return ranked.sort((a, b) => a.rank - b.rank || a.i - b.i).map((x) => x.item);
}

/**
 * The source a citation of this fact names: the strongest of those behind it
 * (see `strongestFirst`), in citation order among equals. For a quote, the
 * source of the wording inserted. The card lists every source, in the same order.
 */
export function citedSources(entry: IndexedFact, index: FactIndex): IndexedSource[] {
  const citations = entry.wording ? entry.wording.citations : entry.fact.citations;
  const ids = [...new Set(citations.map((c) => c.source))];
  const sources = ids.map((id) => index.source(id)).filter((s): s is IndexedSource => s !== undefined);
  const best = strongestFirst(sources, (s) => s.source)[0];
  return best ? [best] : [];
}

/** A fact's text with `{date}` and `{endDate}` written in the chosen date style; in `language` where the pack gives it, else in the pack's. */
export function factText(entry: IndexedFact, dateStyle: DateStyle, language?: string): string {
  const f = entry.fact;
  return (inLanguage(entry, language)?.text ?? f.text)
    .replace(/\{date\}/g, f.date ? formatDate(f.date, dateStyle) : '')
    .replace(/\{endDate\}/g, f.endDate ? formatDate(f.endDate, dateStyle) : '');
}

export interface InsertOptions extends CitationOptions {
  /** The date the text speaks of: a person is named with the role held then. */
  atDate?: string;
  /** Spellings to use in inserted words, e.g. `{ "Zelenskyy": "Zelensky" }`; never applied inside a quote. */
  spellings?: Readonly<Record<string, string>>;
}

/** Replaces whole words by the writer's preferred spellings. */
export function applySpellings(text: string, spellings: Readonly<Record<string, string>> | undefined): string {
  if (!spellings) return text;
  let out = text;
  for (const [from, to] of Object.entries(spellings)) {
    if (!from) continue;
    out = out.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(from)}(?![\\p{L}\\p{N}])`, 'gu'), to);
  }
  return out;
}

/** Pack text as literal text of the document's format: it can end no construct and start none (escape.ts). */
function escapeFor(format: DocFormat, text: string): string {
  return escapeText(format, text);
}

/** A fact's label, text and names in a language, where the pack gives them (types.ts FactInLanguage). */
export function inLanguage(entry: IndexedFact | undefined, language: string | undefined): FactInLanguage | undefined {
  return language ? entry?.fact.languages?.[language] : undefined;
}

/** A fact's label in a language, else its own. */
export function labelIn(entry: IndexedFact, language: string | undefined): string {
  return inLanguage(entry, language)?.label ?? entry.fact.label;
}

/** "said" in Ukrainian, in the speaker's gender; another verb (a snippet's placeholder) as given. */
function verbIn(verb: string, language: string | undefined, speaker: IndexedFact | undefined): string {
  if (language !== 'uk' || verb !== 'said') return verb;
  return inLanguage(speaker, 'uk')?.name?.gender === 'feminine' ? 'заявила' : 'заявив';
}

/**
 * The words inserted for a fact, before its citation: a quote with its
 * attribution and recorded wording; a person with the role held at the date
 * in question; else the fact's text. With the document's text, LaTeX's
 * Cyrillic words are marked as Ukrainian (`latexLanguageRuns`).
 */
export function insertionText(entry: IndexedFact, index: FactIndex, options: InsertOptions, verb = 'said', documentText?: string): string {
  const words = insertionWords(entry, index, options, verb);
  // A speaker's Ukrainian words in a LaTeX document set in Ukrainian where it loads babel's Ukrainian, as titles are.
  return options.format === 'latex' && documentText !== undefined ? latexLanguageRuns(words, documentText) : words;
}

function insertionWords(entry: IndexedFact, index: FactIndex, options: InsertOptions, verb: string): string {
  const { fact } = entry;
  const spell = (t: string): string => applySpellings(t, options.spellings);
  const language = options.language;
  if (fact.kind === 'quote' && entry.wording) {
    const speakerEntry = fact.speaker ? index.fact(fact.speaker) : undefined;
    const speaker = speakerEntry ? labelIn(speakerEntry, language) : undefined;
    verb = verbIn(verb, language, speakerEntry);
    // Ukrainian quotes in «guillemets», LaTeX's in its own marks.
    const [open, close] = language === 'uk' && options.format !== 'latex' ? ['\u00AB', '\u00BB'] : quoteMarks(options.format);
    // The quote itself is the fact: its words are never respelt.
    // A whole sentence takes a colon; a fragment runs on from the attribution.
    const colon = /^\p{Lu}/u.test(entry.wording.text) ? ':' : '';
    return `${escapeFor(options.format, spell(speaker ?? 'The speaker'))} ${verb}${colon} ${open}${escapeFor(options.format, curlyQuotes(entry.wording.text, options.format, true))}${close}`;
  }
  if (fact.kind === 'person' && options.atDate && fact.roles?.length) {
    const roles = index
      .rolesAt(fact.id, options.atDate)
      .map((r) => (r.role ? labelIn(r.role, language) : undefined))
      .filter((l): l is string => !!l);
    if (roles.length > 0)
      return escapeFor(options.format, curlyQuotes(spell(`${labelIn(entry, language)}, ${roles.join(language === 'uk' ? ' і ' : ' and ')}`), options.format));
  }
  return escapeFor(options.format, curlyQuotes(spell(factText(entry, options.dateStyle, language)), options.format));
}

/**
 * Words followed by their citation. A parenthetical reference belongs inside
 * the sentence, so it goes before a closing full stop ("… 2025 (Reuters).");
 * a footnote mark goes after it, as style guides place it.
 */
export function withCitation(words: string, inline: string): string {
  if (/^ [([]/.test(inline) && words.endsWith('.') && !words.endsWith('..')) return `${words.slice(0, -1)}${inline}.`;
  return words + inline;
}

/** One text edit in offsets of the document as it was before any edit. */
export interface TextEdit {
  offset: number;
  length: number;
  text: string;
}

/**
 * Where footnote definitions go: appended to the end of the document, with a
 * blank line before a first definition and none between definitions. Only
 * inserts, so that it can never overlap an edit at a cursor.
 */
export function definitionEdit(document: DocumentText, definitions: CitationParts['definitions']): TextEdit | undefined {
  if (definitions.length === 0) return undefined;
  const eol = eolOf(document);
  const documentText = textOf(document);
  const body = definitions.map((d) => d.text).join(eol);
  // Trailing white space read from the end, as /\s+$/ would strip it, without a pass over the whole document.
  let end = documentText.length;
  while (end > 0 && /\s/.test(documentText[end - 1])) end--;
  const trimmed = documentText.slice(0, end);
  if (trimmed === '') return { offset: documentText.length, length: 0, text: `${body}${eol}` };
  const lastLine = trimmed.slice(trimmed.lastIndexOf('\n') + 1);
  const afterDefinition = /^ {0,3}\[\^[^\]]+\]:|^\.\. \[#/.test(lastLine);
  const trailingBreaks = (documentText.slice(trimmed.length).match(/\n/g) ?? []).length;
  const wanted = afterDefinition ? 1 : 2;
  const lead = eol.repeat(Math.max(0, wanted - trailingBreaks));
  return { offset: documentText.length, length: 0, text: `${lead}${body}${eol}` };
}

/**
 * The edits that insert a citation at several places, and its definitions.
 * Where an insertion is at the very end of the document, the definitions
 * follow it in the same edit, so that the order of the two can never be
 * confused; otherwise they are a separate edit at the end.
 */
export function citationEdits(document: DocumentText, insertions: readonly TextEdit[], definitions: CitationParts['definitions']): TextEdit[] {
  const atEnd = insertions.findIndex((e) => e.offset + e.length === textOf(document).length);
  if (definitions.length === 0) return [...insertions];
  if (atEnd < 0) return [...insertions, definitionEdit(document, definitions)!];
  const eol = eolOf(document);
  const out = [...insertions];
  const e = out[atEnd];
  out[atEnd] = { ...e, text: `${e.text}${eol}${eol}${definitions.map((d) => d.text).join(eol)}${eol}` };
  return out;
}
