import { type FactIndex, type IndexedSource } from '../facts/factIndex';
import { lineEnd } from '../document/text';
import { type DocFormat } from './citation';
import { lookupFor, referenceTexts, titlesFor } from './referenceTexts';
import { type SectionRange, locateSection } from './sectionMarkers';

/** One place where the document cites a source. */
export interface CitationMention {
  source: IndexedSource;
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
  let rest = blank(
    body,
    mentions.map((m) => ({ start: m.start, end: m.end })),
  );
  if (format === 'latex') {
    for (const f of latexFootnotes(rest)) {
      const inside = referenceTexts(rest.slice(f.start, f.end), format, titles);
      for (const r of inside) mentions.push({ source: r.source, start: f.start, end: f.end });
    }
    rest = blank(
      rest,
      mentions.map((m) => ({ start: m.start, end: m.end })),
    );
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

export interface Span {
  start: number;
  end: number;
  /** Keep line breaks, so that a blanked block still separates paragraphs but never joins them. */
  keepLines?: boolean;
}

/** Replaces the spans by spaces, keeping every offset. */
export function blank(text: string, spans: readonly Span[]): string {
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

/** Footnote definitions (`[^key]: …`, `.. [#key] …`) with their indented continuation lines. */
export function definitionBlocks(text: string, format: DocFormat): Span[] {
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

export interface MarkerCitation {
  keys: string[];
  start: number;
  end: number;
}

export function splitKeys(list: string): string[] {
  return list
    .split(',')
    .map((k) => k.trim())
    .filter((k) => k !== '');
}

/** Citations that name their source by key, in the format's own syntax. */
export function markerCitations(text: string, format: DocFormat): MarkerCitation[] {
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
      each(
        /footnote:([\w-]+)\[/g,
        (m) => [m[1]],
        (m) => closingBracket(text, m.index + m[0].length),
      );
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
export function closingBracket(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === ']') return i + 1;
    else if (c === '\n' && text[i + 1] === '\n') return i;
  }
  return text.length;
}

/** `\cite{a,b}`, `\parencite[p.~3]{a}`, `\cites{a}{b}`…: every key of every cite command. */
export function latexCites(text: string): MarkerCitation[] {
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
export function latexFootnotes(text: string): Span[] {
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

/** Web addresses: not prose, though their words may look like names. */
export function addresses(text: string): Span[] {
  const out: Span[] = [];
  const re = /\bhttps?:\/\/[^\s<>"'\])}]+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}
