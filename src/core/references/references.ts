import { curlyQuotes, keyOf, describeSource, factText, sourceReference, type CitationOptions, type DocFormat, type TextEdit } from './citation';
import { escapeText } from './escape';
import { DATE_STYLES } from '../document/dates';
import type { FactIndex, IndexedFact, IndexedSource } from '../facts/factIndex';
import { foldText, labelCollator } from '../document/text';

/*
 * Which sources and facts a draft cites, and its Sources section.
 *
 * A source is cited where the document names it the way a writer or this
 * extension cites it in that format:
 *   markdown          [^key] (not its definition), Pandoc @key and [@key]
 *   restructuredtext  [#key]_ (not its definition), Sphinx :cite:`key`
 *   asciidoc          footnote:key[...], asciidoctor-bibtex cite:[key]
 *   latex             \cite{a,b} and every \…cite…{} command (\parencite, \citep, \cites…)
 *   html              an element with data-source="key"
 * and, in every format, wherever its reference text as Insert Citation writes
 * it appears: publisher (and author), then the quoted title, in any date style.
 * That is how plain-text and `inline` citations are found, and LaTeX
 * \footnote{} and HTML title attributes written before data-source existed.
 * Footnote definitions and the Sources section itself are not citations.
 *
 * A fact is cited when one of the sources behind it is cited in a paragraph
 * (text between blank lines) that also names the fact, outside the citation
 * markup itself: by any of its aliases, or by the words Insert Citation
 * writes for it (its text in any date style, a quote's wordings), compared
 * without regard to case, quote marks, dashes or line breaks.
 */

/** One place where the document cites a source. */
export interface CitationMention {
  source: IndexedSource;
  start: number;
  end: number;
}

/** The Sources section: from the start of its first marker line to the end of its last. */
export interface SectionRange {
  start: number;
  end: number;
}

export interface DocumentCitations {
  format: DocFormat;
  /** In document order. */
  mentions: CitationMention[];
  /** Each cited source once, in order of first citation. */
  sources: IndexedSource[];
  section?: SectionRange;
  /** A section marker without its partner: replacing the section could lose the writer's text. */
  brokenSection?: { offset: number; message: string };
  /**
   * The text with the Sources section, footnote definitions, citation markup
   * and addresses blanked out (offsets unchanged): the prose in which facts
   * are named.
   */
  prose: string;
}

export const SECTION_MARKER = 'agreement-cite:sources';

/** The start and end marker lines of the Sources section in each format. */
export function sectionMarkers(format: DocFormat): [string, string] {
  switch (format) {
    case 'markdown': case 'html': return [`<!-- ${SECTION_MARKER} -->`, `<!-- /${SECTION_MARKER} -->`];
    case 'latex': return [`% ${SECTION_MARKER}`, `% /${SECTION_MARKER}`];
    case 'restructuredtext': return [`.. ${SECTION_MARKER}`, `.. /${SECTION_MARKER}`];
    case 'asciidoc': return [`// ${SECTION_MARKER}`, `// /${SECTION_MARKER}`];
    case 'plaintext': return [`-- ${SECTION_MARKER} --`, `-- /${SECTION_MARKER} --`];
  }
}

interface TitleCandidate {
  source: IndexedSource;
  /** What precedes the quoted title: author and publisher, escaped for the format. */
  prefix: string;
  /** What may follow it: the date in each date style. */
  suffixes: string[];
}

interface Lookup {
  byKey: Map<string, IndexedSource>;
  /** Quoted title, escaped for the format, to the sources that have it. */
  byTitle: Map<DocFormat, Map<string, TitleCandidate[]>>;
}

const lookups = new WeakMap<FactIndex, Lookup>();

function lookupFor(index: FactIndex): Lookup {
  let l = lookups.get(index);
  if (!l) {
    const byKey = new Map<string, IndexedSource>();
    for (const s of index.sources) {
      // Keys from the fact base's table (citationKeys.ts): two sources never share one.
      const key = keyOf(s.source);
      if (!byKey.has(key)) byKey.set(key, s);
    }
    l = { byKey, byTitle: new Map() };
    lookups.set(index, l);
  }
  return l;
}

function quoteMarks(format: DocFormat): [string, string] {
  return format === 'latex' ? ['``', "''"] : ['\u201C', '\u201D'];
}

/** Pack text as citations write it in the format (escape.ts), so that what they wrote is found again. */
function escapeReference(format: DocFormat, text: string): string {
  return escapeText(format, text);
}

function titlesFor(index: FactIndex, format: DocFormat): Map<string, TitleCandidate[]> {
  const lookup = lookupFor(index);
  let map = lookup.byTitle.get(format);
  if (map) return map;
  map = new Map();
  const [open, close] = quoteMarks(format);
  for (const s of index.sources) {
    const shownTitle = curlyQuotes(s.source.title, format, true);
    const quoted = `${open}${shownTitle}${close}`;
    let prefix: string | undefined;
    const suffixes = new Set<string>();
    for (const style of DATE_STYLES) {
      const full = describeSource(s.source, style, format);
      const at = full.indexOf(quoted);
      if (at < 0) continue;
      prefix = escapeReference(format, full.slice(0, at));
      const suffix = escapeReference(format, full.slice(at + quoted.length));
      if (suffix) suffixes.add(suffix);
    }
    if (prefix === undefined) continue;
    const candidate: TitleCandidate = { source: s, prefix, suffixes: [...suffixes].sort((a, b) => b.length - a.length) };
    // The title as written now (curly quotes) and as written before, with the pack's straight quotes.
    for (const title of new Set([escapeReference(format, shownTitle), escapeReference(format, s.source.title)])) {
      const list = map.get(title);
      if (list) list.push(candidate);
      else map.set(title, [candidate]);
    }
  }
  lookup.byTitle.set(format, map);
  return map;
}

/** Finds every citation in a document, its Sources section, and the prose around them. */
export function findCitations(text: string, format: DocFormat, index: FactIndex): DocumentCitations {
  const structural: Span[] = [];
  const located = locateSection(text, format);
  if (located.section) structural.push({ ...located.section, keepLines: true });
  if (format === 'markdown' || format === 'restructuredtext') structural.push(...definitionBlocks(text, format));
  const body = blank(text, structural);

  const mentions: CitationMention[] = [];
  const { byKey } = lookupFor(index);
  const add = (key: string, start: number, end: number): void => {
    const source = byKey.get(key.trim());
    if (source) mentions.push({ source, start, end });
  };
  for (const m of markerCitations(body, format)) for (const key of m.keys) add(key, m.start, m.end);

  // Reference texts outside the markers: LaTeX footnotes are searched whole, so that their address is markup too.
  const titles = titlesFor(index, format);
  let rest = blank(body, mentions.map((m) => ({ start: m.start, end: m.end })));
  if (format === 'latex') {
    for (const f of latexFootnotes(rest)) {
      const inside = referenceTexts(rest.slice(f.start, f.end), format, titles);
      for (const r of inside) mentions.push({ source: r.source, start: f.start, end: f.end });
    }
    rest = blank(rest, mentions.map((m) => ({ start: m.start, end: m.end })));
  }
  for (const r of referenceTexts(rest, format, titles)) mentions.push(r);
  mentions.sort((a, b) => a.start - b.start || a.end - b.end);

  const sources: IndexedSource[] = [];
  const seen = new Set<string>();
  for (const m of mentions) {
    if (seen.has(m.source.source.id)) continue;
    seen.add(m.source.source.id);
    sources.push(m.source);
  }
  const prose = blank(body, [...mentions.map((m) => ({ start: m.start, end: m.end })), ...addresses(body)]);
  return { format, mentions, sources, section: located.section, brokenSection: located.broken, prose };
}

interface Span {
  start: number;
  end: number;
  /** Keep line breaks, so that a blanked block still separates paragraphs but never joins them. */
  keepLines?: boolean;
}

/** Replaces the spans by spaces, keeping every offset. */
function blank(text: string, spans: readonly Span[]): string {
  if (spans.length === 0) return text;
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const s of sorted) {
    const start = Math.max(s.start, at);
    if (s.end <= start) continue;
    out += text.slice(at, start);
    const piece = text.slice(start, s.end);
    out += s.keepLines ? piece.replace(/[^\r\n]/g, ' ') : ' '.repeat(piece.length);
    at = s.end;
  }
  return out + text.slice(at);
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function lineEnd(text: string, offset: number): number {
  const n = text.indexOf('\n', offset);
  const end = n < 0 ? text.length : n;
  return end > 0 && text[end - 1] === '\r' ? end - 1 : end;
}

/** The marker lines of the Sources section, matched whole (surrounding spaces allowed). */
function markerLines(text: string, marker: string): number[] {
  const out: number[] = [];
  let i = text.indexOf(marker);
  while (i >= 0) {
    const ls = lineStart(text, i);
    const le = lineEnd(text, i);
    if (text.slice(ls, le).trim() === marker) out.push(ls);
    i = text.indexOf(marker, i + marker.length);
  }
  return out;
}

function locateSection(text: string, format: DocFormat): { section?: SectionRange; broken?: { offset: number; message: string } } {
  const [open, close] = sectionMarkers(format);
  const starts = markerLines(text, open);
  const ends = markerLines(text, close);
  if (starts.length === 0 && ends.length === 0) return {};
  if (starts.length === 0) return { broken: { offset: ends[0], message: `The Sources section has its end marker "${close}" but not its start marker "${open}".` } };
  const end = ends.find((e) => e > starts[0]);
  if (end === undefined) return { broken: { offset: starts[0], message: `The Sources section has its start marker "${open}" but not its end marker "${close}".` } };
  return { section: { start: starts[0], end: lineEnd(text, end) } };
}

/** Footnote definitions (`[^key]: …`, `.. [#key] …`) with their indented continuation lines. */
function definitionBlocks(text: string, format: DocFormat): Span[] {
  const head = format === 'markdown' ? /^ {0,3}\[\^[^\]\s]+\]:/gm : /^\.\. \[#?[^\]\s]*\]/gm;
  const out: Span[] = [];
  let m: RegExpExecArray | null;
  while ((m = head.exec(text)) !== null) {
    let end = lineEnd(text, m.index);
    for (;;) {
      const next = text.indexOf('\n', end);
      if (next < 0) break;
      const nextEnd = lineEnd(text, next + 1);
      const line = text.slice(next + 1, nextEnd);
      if (!/^[ \t]+\S/.test(line)) break;
      end = nextEnd;
    }
    out.push({ start: m.index, end, keepLines: true });
    head.lastIndex = Math.max(head.lastIndex, end);
  }
  return out;
}

interface MarkerCitation {
  keys: string[];
  start: number;
  end: number;
}

function splitKeys(list: string): string[] {
  return list.split(',').map((k) => k.trim()).filter((k) => k !== '');
}

/** Citations that name their source by key, in the format's own syntax. */
function markerCitations(text: string, format: DocFormat): MarkerCitation[] {
  const out: MarkerCitation[] = [];
  const each = (re: RegExp, keys: (m: RegExpExecArray) => string[], end?: (m: RegExpExecArray) => number): void => {
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) out.push({ keys: keys(m), start: m.index, end: end ? end(m) : m.index + m[0].length });
  };
  switch (format) {
    case 'markdown':
      each(/\[\^([^\]\s]+)\]/g, (m) => [m[1]]);
      // Pandoc citations: [@key], [see @a; @b], @key in the text, -@key.
      each(/(?<![\p{L}\p{N}_@\\])-?@(?:\{([^}\s]+)\}|([\p{L}\p{N}_](?:[\p{L}\p{N}_-]|[:.#$%&+?<>~/](?=[\p{L}\p{N}_]))*))/gu, (m) => [m[1] ?? m[2]]);
      break;
    case 'restructuredtext':
      each(/\[#([^\]\s]+)\]_/g, (m) => [m[1]]);
      each(/:cite(?::[a-z]+)?:`([^`]+)`/g, (m) => splitKeys(m[1]));
      break;
    case 'asciidoc':
      each(/footnote:([\w-]+)\[/g, (m) => [m[1]], (m) => closingBracket(text, m.index + m[0].length));
      each(/\bcite(?:np)?:\[([^\]]+)\]/g, (m) => splitKeys(m[1]).map((k) => k.replace(/\(.*\)$/, '')));
      break;
    case 'latex':
      out.push(...latexCites(text));
      break;
    case 'html':
      each(/(?:<sup>\s*)?<a\b[^>]*?\sdata-source="([^"]*)"[^>]*>[\s\S]*?<\/a>(?:\s*<\/sup>)?/g, (m) => [m[1]]);
      break;
    case 'plaintext':
      break;
  }
  return out;
}

/** End of an AsciiDoc macro's text: after the first `]` not escaped by a backslash. */
function closingBracket(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === ']') return i + 1;
    else if (c === '\n' && text[i + 1] === '\n') return i;
  }
  return text.length;
}

/** `\cite{a,b}`, `\parencite[p.~3]{a}`, `\cites{a}{b}`…: every key of every cite command. */
function latexCites(text: string): MarkerCitation[] {
  const out: MarkerCitation[] = [];
  const command = /\\([A-Za-z]*cite[A-Za-z]*)\*?/g;
  let m: RegExpExecArray | null;
  while ((m = command.exec(text)) !== null) {
    const multi = /cites$/i.test(m[1]);
    const keys: string[] = [];
    let i = m.index + m[0].length;
    for (let groups = 0; groups < 20; groups++) {
      let j = i;
      while (j < text.length && (text[j] === ' ' || text[j] === '\t')) j++;
      if (text[j] === '[' || text[j] === '(') {
        const close = text.indexOf(text[j] === '[' ? ']' : ')', j);
        if (close < 0) break;
        i = close + 1;
      } else if (text[j] === '{') {
        const close = text.indexOf('}', j);
        if (close < 0) break;
        keys.push(...splitKeys(text.slice(j + 1, close)));
        i = close + 1;
        if (!multi) break;
      } else break;
    }
    if (keys.length > 0) out.push({ keys, start: m.index, end: i });
    command.lastIndex = Math.max(command.lastIndex, i);
  }
  return out;
}

/** `\footnote{…}` spans, braces balanced, escaped braces skipped. */
function latexFootnotes(text: string): Span[] {
  const out: Span[] = [];
  const re = /\\footnote(?:\[[^\]]*\])?\{/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    let depth = 1;
    let i = m.index + m[0].length;
    for (; i < text.length && depth > 0; i++) {
      const c = text[i];
      if (c === '\\') i++;
      else if (c === '{') depth++;
      else if (c === '}') depth--;
    }
    out.push({ start: m.index, end: i });
    re.lastIndex = i;
  }
  return out;
}

/**
 * Reference texts as describeSource writes them: the quoted title is looked
 * up, then the publisher before it is checked, and a date after it in any
 * style is taken in.
 */
function referenceTexts(text: string, format: DocFormat, titles: Map<string, TitleCandidate[]>): CitationMention[] {
  const out: CitationMention[] = [];
  if (titles.size === 0) return out;
  const [open, close] = quoteMarks(format);
  // The first closing mark at or after a position, found once per position reached: searching again from
  // every opening mark took quadratic time on a long run of opening marks.
  let closeAt = -1;
  const closeFrom = (from: number): number => {
    if (closeAt !== Infinity && closeAt < from) {
      const k = text.indexOf(close, from);
      closeAt = k < 0 ? Infinity : k;
    }
    return closeAt === Infinity ? -1 : closeAt;
  };
  let i = text.indexOf(open);
  while (i >= 0) {
    let next = i + open.length;
    let j = closeFrom(next);
    if (j < 0) break;
    const window = j - i < 1000 ? text.slice(i, i + 1000 + close.length) : '';
    // A title may itself hold the closing mark: try the next few.
    for (let tries = 0; j >= 0 && j - i < 1000 && tries < 4; tries++) {
      const hit = titles.get(text.slice(i + open.length, j))?.find((c) => text.startsWith(c.prefix, i - c.prefix.length));
      if (hit) {
        let end = j + close.length;
        const suffix = hit.suffixes.find((s) => text.startsWith(s, end));
        if (suffix) end += suffix.length;
        out.push({ source: hit.source, start: i - hit.prefix.length, end });
        next = end;
        break;
      }
      // Searched within the window only, so that each opening mark costs at most that much.
      const k = window.indexOf(close, j + close.length - i);
      j = k < 0 ? -1 : i + k;
    }
    i = text.indexOf(open, next);
  }
  return out;
}

/** Web addresses: not prose, though their words may look like names. */
function addresses(text: string): Span[] {
  const out: Span[] = [];
  const re = /\bhttps?:\/\/[^\s<>"'\])}]+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

// ------------------------------------------------------------------ facts

export interface CitedFact {
  entry: IndexedFact;
  /** The sources behind the fact that the document cites beside it, in order of citation. */
  sources: IndexedSource[];
  /** Where the fact is first named next to a citation of it. */
  offset: number;
  /** In how many paragraphs it is cited. */
  paragraphs: number;
}

/** Paragraph starts (text between blank lines), ascending. */
function paragraphStarts(text: string): number[] {
  const starts = [0];
  const re = /\n[ \t]*\r?\n/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    starts.push(m.index + m[0].length);
    re.lastIndex = m.index + m[0].length - 1;
  }
  return starts;
}

function paragraphOf(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** A fact's own words as Insert Citation writes them, in every date style, folded: one more way a paragraph names it. */
function writtenForms(entry: IndexedFact, format: DocFormat): string[] {
  let byFormat = writtenCache.get(entry);
  if (!byFormat) writtenCache.set(entry, (byFormat = new Map()));
  let forms = byFormat.get(format);
  if (!forms) {
    const texts = new Set<string>(DATE_STYLES.map((style) => factText(entry, style)));
    for (const w of entry.fact.wordings ?? []) texts.add(w.text);
    // As written now (curly quotes, in LaTeX `` and '') and as the pack has them.
    for (const t of [...texts]) texts.add(curlyQuotes(t, format));
    forms = [...texts].map((t) => foldText(escapeReference(format, t))).filter((t) => t.length >= 3);
    byFormat.set(format, forms);
  }
  return forms;
}

const writtenCache = new WeakMap<IndexedFact, Map<DocFormat, string[]>>();

/**
 * The facts a document cites, in document order: those named in a paragraph
 * that cites one of the sources behind them, by an alias or by the words
 * Insert Citation writes for them (a provision's sentence, a quote's wording).
 */
export function citedFacts(citations: DocumentCitations, index: FactIndex): CitedFact[] {
  if (citations.mentions.length === 0) return [];
  const { prose, format } = citations;
  const starts = paragraphStarts(prose);
  const byParagraph = new Map<number, IndexedSource[]>();
  for (const m of citations.mentions) {
    const p = paragraphOf(starts, m.start);
    const list = byParagraph.get(p) ?? [];
    if (!list.includes(m.source)) list.push(m.source);
    byParagraph.set(p, list);
  }
  const found = new Map<string, CitedFact>();
  const record = (entry: IndexedFact, backing: IndexedSource[], offset: number, counted: Set<string>): void => {
    const prior = found.get(entry.fact.id);
    if (!prior) found.set(entry.fact.id, { entry, sources: [...backing], offset, paragraphs: 1 });
    else {
      for (const s of backing) if (!prior.sources.includes(s)) prior.sources.push(s);
      if (!counted.has(entry.fact.id)) prior.paragraphs++;
    }
    counted.add(entry.fact.id);
  };
  for (const [p, cited] of [...byParagraph].sort((a, b) => a[0] - b[0])) {
    const start = starts[p];
    const paragraph = prose.slice(start, p + 1 < starts.length ? starts[p + 1] : prose.length);
    const ids = new Set(cited.map((s) => s.source.id));
    const counted = new Set<string>();
    for (const match of index.findAll(paragraph)) {
      for (const entry of match.values) {
        const backing = entry.sources.filter((s) => ids.has(s.source.id));
        if (backing.length > 0) record(entry, backing, start + match.start, counted);
      }
    }
    let folded: string | undefined;
    for (const source of cited) {
      for (const entry of index.bySource(source.source.id)) {
        if (counted.has(entry.fact.id)) continue;
        folded ??= foldText(paragraph);
        if (!writtenForms(entry, format).some((form) => folded!.includes(form))) continue;
        record(entry, entry.sources.filter((s) => ids.has(s.source.id)), start + (paragraph.length - paragraph.trimStart().length), counted);
      }
    }
  }
  return [...found.values()].sort((a, b) => a.offset - b.offset || a.entry.fact.label.localeCompare(b.entry.fact.label));
}

// ------------------------------------------------------------------ the Sources section

/** Made on first sort, not at load (see labelCollator). */
const collator = { compare: (a: string, b: string): number => labelCollator().compare(a, b) };

/**
 * Sources in reference-list order: by their reference text (author or
 * publisher first), then date, then id. Alphabetical rather than by first
 * citation, so that moving a paragraph does not reorder the list.
 */
export function sortSources<T extends IndexedSource>(sources: readonly T[]): T[] {
  const sortKey = (s: IndexedSource): string => describeSource(s.source, 'iso');
  return [...sources].sort((a, b) => collator.compare(sortKey(a), sortKey(b)) || (a.source.date ?? '').localeCompare(b.source.date ?? '') || a.source.id.localeCompare(b.source.id));
}

/** One entry of the list: the reference with its address, as the format writes it in running text. */
function listEntry(s: IndexedSource, options: CitationOptions, documentText: string): string {
  return sourceReference(s.source, options, documentText);
}

/**
 * The Sources section in the document's format, marker lines included, with
 * `eol` between lines and none at the end. With the `latex-cite` style a
 * LaTeX document gets a `thebibliography` whose `\bibitem` keys are the
 * `\cite` keys, so that the citations resolve without BibTeX.
 */
export function buildSourcesSection(sources: readonly IndexedSource[], options: CitationOptions, eol = '\n', documentText = ''): string {
  const [open, close] = sectionMarkers(options.format);
  const sorted = sortSources(sources);
  const entries = sorted.map((s) => listEntry(s, options, documentText));
  let body: string[];
  switch (options.format) {
    case 'markdown':
      body = ['## Sources', '', ...entries.map((e) => `- ${e}`), ''];
      break;
    case 'latex':
      if (options.style === 'latex-cite') {
        body = [
          // Ragged right: a long address breaks at the margin instead of overrunning it.
          '\\begingroup\\raggedright',
          '\\providecommand{\\refname}{}\\renewcommand{\\refname}{Sources}%',
          '\\providecommand{\\bibname}{}\\renewcommand{\\bibname}{Sources}%',
          `\\begin{thebibliography}{${'9'.repeat(String(sorted.length).length)}}`,
          ...sorted.map((s, i) => `\\bibitem{${keyOf(s.source)}} ${entries[i]}`),
          '\\end{thebibliography}',
          '\\endgroup',
        ];
      } else {
        body = ['\\section*{Sources}', '\\begingroup\\raggedright', '\\begin{itemize}', ...entries.map((e) => `  \\item ${e}`), '\\end{itemize}', '\\endgroup'];
      }
      break;
    case 'restructuredtext':
      // A rubric is a heading outside the section hierarchy, so it fits whatever underline style the document uses.
      body = ['', '.. rubric:: Sources', '', ...entries.map((e) => `- ${e}`), ''];
      break;
    case 'asciidoc':
      body = ['== Sources', '', ...entries.map((e) => `* ${e}`), ''];
      break;
    case 'html':
      body = ['<section class="sources">', '<h2>Sources</h2>', '<ul>', ...entries.map((e) => `  <li>${e}</li>`), '</ul>', '</section>'];
      break;
    case 'plaintext':
      body = ['Sources', '=======', '', ...entries.map((e) => `- ${e}`)];
      break;
  }
  return [open, ...body, close].join(eol);
}

export type SectionAction = 'inserted' | 'updated' | 'unchanged' | 'removed' | 'nothing-cited' | 'broken' | 'bibliography';

export interface SectionUpdate {
  action: SectionAction;
  /** The sources listed, in list order. */
  sources: IndexedSource[];
  /** The edit to make; none when nothing changes. */
  edit?: TextEdit;
  /** Why nothing was done, for `broken` and `bibliography`. */
  message?: string;
}

/**
 * Inserts or refreshes the Sources section: listing every cited source,
 * replaced in place between its markers, removed when nothing is cited any
 * more. Running it again on its own result changes nothing.
 */
export function updateSourcesSection(text: string, options: CitationOptions, index: FactIndex): SectionUpdate {
  const citations = findCitations(text, options.format, index);
  if (citations.brokenSection) return { action: 'broken', sources: [], message: citations.brokenSection.message };
  const sources = sortSources(citations.sources);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const { section } = citations;
  if (
    options.format === 'latex' && options.style === 'latex-cite' && !section &&
    /^[^%\n]*\\(?:bibliography|printbibliography|addbibresource)\b/m.test(text)
  ) {
    return {
      action: 'bibliography', sources,
      message: 'This document prints its bibliography through BibTeX or biblatex: export the sources as BibTeX for it instead of adding a list.',
    };
  }
  const bibliography = options.format === 'markdown' && !section ? frontMatterBibliography(text) : undefined;
  if (bibliography !== undefined) {
    return {
      action: 'bibliography', sources,
      message: `This document's front matter names its bibliography (${bibliography[0] ?? ''}): Pandoc prints the sources from it. Export the sources to that file instead of adding a list.`,
    };
  }
  if (sources.length === 0) {
    if (!section) return { action: 'nothing-cited', sources };
    return { action: 'removed', sources, edit: removalEdit(text, section, eol) };
  }
  const block = buildSourcesSection(sources, options, eol, text);
  if (section) {
    if (text.slice(section.start, section.end) === block) return { action: 'unchanged', sources };
    return { action: 'updated', sources, edit: { offset: section.start, length: section.end - section.start, text: block } };
  }
  return { action: 'inserted', sources, edit: insertionEdit(text, sectionPlace(text, options.format), block, eol) };
}

/**
 * The bibliography files a Markdown document's YAML front matter names for
 * Pandoc (`bibliography: refs.json`, or a list of them), or undefined when it
 * names none. Read line by line: the front matter is the block between `---`
 * lines at the very start.
 */
export function frontMatterBibliography(text: string): string[] | undefined {
  const head = /^\uFEFF?---[ \t]*\r?\n/.exec(text);
  if (!head) return undefined;
  const lines = text.slice(head[0].length, head[0].length + 100_000).split(/\r?\n/);
  const end = lines.findIndex((l) => /^(---|\.\.\.)[ \t]*$/.test(l));
  if (end < 0) return undefined;
  const unquote = (v: string): string => v.trim().replace(/^(["'])(.*)\1$/, '$2');
  for (let i = 0; i < end; i++) {
    const m = /^bibliography[ \t]*:[ \t]*(.*)$/.exec(lines[i]);
    if (!m) continue;
    const value = m[1].replace(/[ \t]+#.*$/, '').trim();
    if (value.startsWith('[')) return value.replace(/^\[|\]$/g, '').split(',').map(unquote).filter((v) => v !== '');
    if (value !== '') return [unquote(value)];
    const items: string[] = [];
    for (let j = i + 1; j < end && /^[ \t]*-[ \t]+/.test(lines[j]); j++) items.push(unquote(lines[j].replace(/^[ \t]*-[ \t]+/, '')));
    return items;
  }
  return undefined;
}

/**
 * Where a new section goes: at the end of the document, but before
 * `\end{document}` or `</body>`, and before the footnote definitions that
 * end a Markdown or reStructuredText document, so new definitions still join them.
 */
function sectionPlace(text: string, format: DocFormat): number {
  const closing = format === 'latex' ? /\\end\{document\}/g : format === 'html' ? /<\/body\s*>/gi : undefined;
  if (closing) {
    let last: number | undefined;
    let m: RegExpExecArray | null;
    while ((m = closing.exec(text)) !== null) last = m.index;
    if (last === undefined) return text.length;
    const ls = lineStart(text, last);
    return text.slice(ls, last).trim() === '' ? ls : last;
  }
  if (format === 'markdown' || format === 'restructuredtext') {
    const blocks = definitionBlocks(text, format);
    let at = text.length;
    for (let i = blocks.length - 1; i >= 0; i--) {
      if (text.slice(blocks[i].end, at).trim() !== '') break;
      at = blocks[i].start;
    }
    return at;
  }
  return text.length;
}

function insertionEdit(text: string, offset: number, block: string, eol: string): TextEdit {
  const before = text.slice(0, offset);
  const after = text.slice(offset);
  let lead = '';
  if (before.trim() !== '') {
    const breaks = (/\s*$/.exec(before)![0].match(/\n/g) ?? []).length;
    lead = eol.repeat(Math.max(0, 2 - breaks));
  }
  const trail = after.trim() === '' ? eol : `${eol}${eol}`;
  // Whatever followed the insertion point (spaces, line breaks) stays; only the section and its separation are added.
  return { offset, length: 0, text: `${lead}${block}${trail}` };
}

/** Removes the section and the blank lines that set it apart. */
function removalEdit(text: string, section: SectionRange, eol: string): TextEdit {
  const after = text.slice(section.end);
  if (after.trim() === '') {
    const start = text.slice(0, section.start).replace(/\s+$/, '').length;
    return { offset: start, length: text.length - start, text: start === 0 ? '' : eol };
  }
  const next = section.end + (after.length - after.replace(/^\s+/, '').length);
  return { offset: section.start, length: lineStart(text, next) - section.start, text: '' };
}
