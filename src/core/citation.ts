import { formatDate, type DateStyle } from './dates';
import type { FactIndex, IndexedFact, IndexedSource } from './factIndex';
import {
  asciidocUrl, escapeAsciidocText, escapeHtmlText, escapeLatexText, escapeMarkdownText, escapePlainText, escapeRstText, escapeText, latexUrl, oneLineText, safeUrl,
} from './escape';
import type { Source, SourceKind } from './types';


/** The document formats citations are written in. */
export const DOC_FORMATS = ['markdown', 'latex', 'asciidoc', 'restructuredtext', 'html', 'plaintext'] as const;
export type DocFormat = (typeof DOC_FORMATS)[number];

/**
 * How citations look: `auto` picks the format's native footnote; `inline`
 * writes a parenthetical reference in any format; `latex-cite` writes
 * `\cite{key}` for writers who keep a BibTeX file.
 */
export type CitationStyle = 'auto' | 'inline' | 'latex-cite';

export interface CitationOptions {
  format: DocFormat;
  style: CitationStyle;
  dateStyle: DateStyle;
}

/** VS Code language ids mapped to the format their citations are written in. */
export function formatForLanguage(languageId: string): DocFormat {
  switch (languageId) {
    case 'markdown': case 'mdx': case 'quarto': case 'rmd': return 'markdown';
    case 'latex': case 'tex': case 'bibtex': case 'context': return 'latex';
    case 'asciidoc': return 'asciidoc';
    case 'restructuredtext': case 'rst': return 'restructuredtext';
    case 'html': return 'html';
    default: return 'plaintext';
  }
}

/** The quotation marks of each format: LaTeX writes ``…'' so that every TeX engine sets curly quotes. */
function quoteMarks(format: DocFormat): [string, string] {
  return format === 'latex' ? ['``', "''"] : ['\u201C', '\u201D'];
}

/** A source as a reference line: publisher, author, title, date, address. No markup. */
export function describeSource(source: Source, dateStyle: DateStyle, format: DocFormat = 'plaintext'): string {
  const [open, close] = quoteMarks(format);
  const parts: string[] = [];
  const by = source.via ? `${source.publisher} (via ${source.via})` : source.publisher;
  parts.push(source.author ? `${source.author}, ${by}` : by);
  parts.push(`${open}${source.title}${close}`);
  if (source.date) parts.push(formatDate(source.date, dateStyle));
  return parts.join(', ');
}

/** LaTeX text (kept under this name for its callers): see escape.ts. */
export const escapeLatex = escapeLatexText;
export { escapeHtmlText };

/** The reference for one source in a format's footnote body, with its address. */
export function sourceReference(source: Source, options: CitationOptions): string {
  const { format, dateStyle } = options;
  const text = describeSource(source, dateStyle, format);
  const url = source.url;
  switch (format) {
    case 'markdown': return url ? `${escapeMarkdownText(text)}. <${safeUrl(url)}>` : `${escapeMarkdownText(text)}.`;
    case 'latex': return url ? `${escapeLatexText(text)}, \\url{${latexUrl(url)}}.` : `${escapeLatexText(text)}.`;
    // The link's "]" is escaped so that it does not end a footnote's brackets.
    case 'asciidoc': return url ? `${escapeAsciidocText(text)}, ${asciidocUrl(url)}[\\]` : escapeAsciidocText(text);
    case 'restructuredtext': return url ? `${escapeRstText(text)}, ${safeUrl(url)}` : escapeRstText(text);
    case 'html': return url ? `${escapeHtmlText(oneLineText(text))}, <a href="${escapeHtmlText(safeUrl(url))}">${escapeHtmlText(safeUrl(url))}</a>` : escapeHtmlText(oneLineText(text));
    case 'plaintext': return url ? `${escapePlainText(text)}, ${safeUrl(url)}` : escapePlainText(text);
  }
}

/** A footnote label or citation key from a source id: only characters every format accepts. */
export function citationKey(sourceId: string): string {
  return sourceId.replace(/[^A-Za-z0-9_-]/g, '-');
}

/** What inserting a citation of some sources at the cursor writes there, and what must exist elsewhere. */
export interface CitationParts {
  /** Written right after the cited text. */
  inline: string;
  /** Definitions to append at the end of the document, each unless its key is already defined there. */
  definitions: { key: string; text: string }[];
}

/**
 * Citation markup for sources, in the document's format. Markdown and
 * reStructuredText get one footnote definition per source, reused by every
 * later citation of it; AsciiDoc names its footnote so later citations reuse it.
 */
export function formatCitation(sources: readonly Source[], options: CitationOptions, documentText = ''): CitationParts {
  // A `;;` completion list cites a few sources for hundreds of facts, with one options object and one text.
  if (sources.length !== 1) return citationOf(sources, options, documentText);
  if (lastCitations?.options !== options || lastCitations.text !== documentText) lastCitations = { options, text: documentText, parts: new WeakMap() };
  let parts = lastCitations.parts.get(sources[0]);
  if (!parts) lastCitations.parts.set(sources[0], (parts = citationOf(sources, options, documentText)));
  return { inline: parts.inline, definitions: [...parts.definitions] };
}

/** Citations made for the last options object and text, by source object (a reloaded pack makes new ones). */
let lastCitations: { options: CitationOptions; text: string; parts: WeakMap<Source, CitationParts> } | undefined;

function citationOf(sources: readonly Source[], options: CitationOptions, documentText: string): CitationParts {
  const { format, style } = options;
  const definitions: CitationParts['definitions'] = [];
  const inline: string[] = [];
  if (style === 'latex-cite' && format === 'latex') {
    return { inline: `\\cite{${sources.map((s) => citationKey(s.id)).join(',')}}`, definitions };
  }
  if (style === 'inline' || format === 'plaintext') {
    const body = sources.map((s) => escapeText(format, describeSource(s, options.dateStyle, format))).join('; ');
    return { inline: format === 'html' ? ` (<cite>${body}</cite>)` : ` (${body})`, definitions };
  }
  for (const s of sources) {
    const key = citationKey(s.id);
    switch (format) {
      case 'markdown':
        inline.push(`[^${key}]`);
        if (!hasMarkdownDefinition(documentText, key)) definitions.push({ key, text: `[^${key}]: ${sourceReference(s, options)}` });
        break;
      case 'latex':
        inline.push(`\\footnote{${sourceReference(s, options)}}`);
        break;
      case 'asciidoc':
        inline.push(hasAsciidocFootnote(documentText, key) ? `footnote:${key}[]` : `footnote:${key}[${sourceReference(s, options)}]`);
        break;
      case 'restructuredtext':
        inline.push(` [#${key}]_`);
        if (!hasRstDefinition(documentText, key)) definitions.push({ key, text: `.. [#${key}] ${sourceReference(s, options)}` });
        break;
      case 'html':
        // data-source names the source for the Sources section and the facts view, whatever the title says.
        inline.push(`<sup><a href="${escapeHtmlText(s.url ? safeUrl(s.url) : '#')}" data-source="${key}" title="${escapeText('html', describeSource(s, options.dateStyle, 'html'))}">[${escapeText('html', s.publisher)}]</a></sup>`);
        break;
    }
  }
  return { inline: inline.join(''), definitions };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function hasMarkdownDefinition(text: string, key: string): boolean {
  if (SIMPLE_KEY.test(key)) return definedKeys(text).markdown.has(key);
  return new RegExp(`^ {0,3}\\[\\^${escapeRegExp(key)}\\]:`, 'm').test(text);
}

/** Keys as citationKey makes them: for these, one pass over the text answers every question below. */
const SIMPLE_KEY = /^[A-Za-z0-9_-]+$/;

interface DefinedKeys {
  markdown: Set<string>;
  rst: Set<string>;
  asciidoc: Set<string>;
}

/** The keys of the last text asked about: a completion list asks once per item, about one text. */
let lastKeys: { text: string; keys: DefinedKeys } | undefined;

/**
 * Every footnote key a text defines, in one pass. For a key of SIMPLE_KEY
 * characters, "the text matches the per-key expression" and "the key is in
 * the set" agree: the key's characters end where the bracket begins.
 */
function definedKeys(text: string): DefinedKeys {
  if (lastKeys?.text === text) return lastKeys.keys;
  const collect = (re: RegExp): Set<string> => new Set([...text.matchAll(re)].map((m) => m[1]));
  const keys = {
    markdown: collect(/^ {0,3}\[\^([A-Za-z0-9_-]+)\]:/gm),
    rst: collect(/^\.\. \[#([A-Za-z0-9_-]+)\]/gm),
    asciidoc: collect(/footnote:([A-Za-z0-9_-]+)\[[^\]]/g),
  };
  lastKeys = { text, keys };
  return keys;
}

let lastEol: { text: string; eol: string } | undefined;

/** The text's line break, remembered for the last text: every item of a completion list asks. */
function eolOf(text: string): string {
  if (lastEol?.text !== text) lastEol = { text, eol: text.includes('\r\n') ? '\r\n' : '\n' };
  return lastEol.eol;
}

/** Whether the document already defines the footnote `key`, in Markdown or reStructuredText. */
export function hasDefinition(text: string, key: string): boolean {
  return hasMarkdownDefinition(text, key) || hasRstDefinition(text, key);
}

function hasRstDefinition(text: string, key: string): boolean {
  if (SIMPLE_KEY.test(key)) return definedKeys(text).rst.has(key);
  return new RegExp(`^\\.\\. \\[#${escapeRegExp(key)}\\]`, 'm').test(text);
}

function hasAsciidocFootnote(text: string, key: string): boolean {
  if (SIMPLE_KEY.test(key)) return definedKeys(text).asciidoc.has(key);
  return new RegExp(`footnote:${escapeRegExp(key)}\\[[^\\]]`).test(text);
}

const KIND_RANK: Record<SourceKind, number> = {
  'official-record': 0, parliament: 0, government: 0, wire: 1, outlet: 2, 'social-media': 3, encyclopedia: 4, other: 5,
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

/** A fact's text with `{date}` and `{endDate}` written in the chosen date style. */
export function factText(entry: IndexedFact, dateStyle: DateStyle): string {
  const f = entry.fact;
  return f.text
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

/**
 * The words inserted for a fact, before its citation: a quote with its
 * attribution and recorded wording; a person with the role held at the date
 * in question; else the fact's text.
 */
export function insertionText(entry: IndexedFact, index: FactIndex, options: InsertOptions, verb = 'said'): string {
  const { fact } = entry;
  const spell = (t: string): string => applySpellings(t, options.spellings);
  if (fact.kind === 'quote' && entry.wording) {
    const speaker = fact.speaker ? index.fact(fact.speaker)?.fact.label : undefined;
    const [open, close] = quoteMarks(options.format);
    // The quote itself is the fact: its words are never respelt.
    // A whole sentence takes a colon; a fragment runs on from the attribution.
    const colon = /^\p{Lu}/u.test(entry.wording.text) ? ':' : '';
    return `${escapeFor(options.format, spell(speaker ?? 'The speaker'))} ${verb}${colon} ${open}${escapeFor(options.format, entry.wording.text)}${close}`;
  }
  if (fact.kind === 'person' && options.atDate && fact.roles?.length) {
    const roles = index.rolesAt(fact.id, options.atDate).map((r) => r.role?.fact.label).filter((l): l is string => !!l);
    if (roles.length > 0) return escapeFor(options.format, spell(`${fact.label}, ${roles.join(' and ')}`));
  }
  return escapeFor(options.format, spell(factText(entry, options.dateStyle)));
}

/**
 * Words followed by their citation. A parenthetical reference belongs inside
 * the sentence, so it goes before a closing full stop ("… 2025 (Reuters).");
 * a footnote mark goes after it, as style guides place it.
 */
export function withCitation(words: string, inline: string): string {
  if (inline.startsWith(' (') && words.endsWith('.') && !words.endsWith('..')) return `${words.slice(0, -1)}${inline}.`;
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
export function definitionEdit(documentText: string, definitions: CitationParts['definitions']): TextEdit | undefined {
  if (definitions.length === 0) return undefined;
  const eol = eolOf(documentText);
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
export function citationEdits(documentText: string, insertions: readonly TextEdit[], definitions: CitationParts['definitions']): TextEdit[] {
  const atEnd = insertions.findIndex((e) => e.offset + e.length === documentText.length);
  if (definitions.length === 0) return [...insertions];
  if (atEnd < 0) return [...insertions, definitionEdit(documentText, definitions)!];
  const eol = eolOf(documentText);
  const out = [...insertions];
  const e = out[atEnd];
  out[atEnd] = { ...e, text: `${e.text}${eol}${eol}${definitions.map((d) => d.text).join(eol)}${eol}` };
  return out;
}
