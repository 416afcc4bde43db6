// Citations written as reference text (publisher, then the quoted title, in any date style): how plain-text and inline citations are found.
import { ALL_DATE_STYLES } from '../document/dates';
import { derivedValue, type FactIndex, type IndexedSource } from '../facts/factIndex';
import { type DocFormat, curlyQuotes, describeSource, keyOf, ukrainianRuns } from './citation';
import { type CitationMention } from './citationsInText';
import { escapeText } from './escape';

export interface TitleCandidate {
  source: IndexedSource;
  /** What precedes the quoted title: author and publisher, escaped for the format. */
  prefix: string;
  /** What may follow it: the date in each date style. */
  suffixes: string[];
}

export interface Lookup {
  byKey: Map<string, IndexedSource>;
  /** Quoted title, escaped for the format, to the sources that have it. */
  byTitle: Map<DocFormat, Map<string, TitleCandidate[]>>;
}

const LOOKUP = derivedValue<Lookup>('references: sources by key and title', (index) => {
  const byKey = new Map<string, IndexedSource>();
  for (const s of index.sources) {
    // Keys from the fact base's table (citationKeys.ts): two sources never share one.
    const key = keyOf(s.source);
    if (!byKey.has(key)) byKey.set(key, s);
  }
  return { byKey, byTitle: new Map() };
});

export function lookupFor(index: FactIndex): Lookup {
  return index.derived(LOOKUP);
}

export function quoteMarks(format: DocFormat): [string, string] {
  return format === 'latex' ? ['``', "''"] : ['\u201C', '\u201D'];
}

/** Pack text as citations write it in the format (escape.ts), so that what they wrote is found again. */
export function escapeReference(format: DocFormat, text: string): string {
  return escapeText(format, text);
}

export function titlesFor(index: FactIndex, format: DocFormat): Map<string, TitleCandidate[]> {
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
    for (const style of ALL_DATE_STYLES) {
      const full = describeSource(s.source, style, format);
      const at = full.indexOf(quoted);
      if (at < 0) continue;
      prefix = escapeReference(format, full.slice(0, at));
      const suffix = escapeReference(format, full.slice(at + quoted.length));
      if (suffix) suffixes.add(suffix);
    }
    if (prefix === undefined) continue;
    const candidate: TitleCandidate = { source: s, prefix, suffixes: [...suffixes].sort((a, b) => b.length - a.length) };
    const add = (title: string, c: TitleCandidate): void => {
      const list = map.get(title);
      if (list) list.push(c);
      else map.set(title, [c]);
    };
    // The title as written now (curly quotes) and as written before, with the pack's straight quotes.
    const titles = new Set([escapeReference(format, shownTitle), escapeReference(format, s.source.title)]);
    for (const title of titles) add(title, candidate);
    // LaTeX where the document loads babel's Ukrainian: Cyrillic words marked, in each part of the reference (citation.ts referenceText).
    if (format === 'latex' && /\p{Script=Cyrillic}/u.test(prefix + [...titles].join('') + candidate.suffixes.join(''))) {
      const marked: TitleCandidate = { source: s, prefix: ukrainianRuns(prefix), suffixes: candidate.suffixes.map(ukrainianRuns) };
      for (const title of titles) add(ukrainianRuns(title), marked);
    }
  }
  lookup.byTitle.set(format, map);
  return map;
}

/**
 * Reference texts as describeSource writes them: the quoted title is looked
 * up, then the publisher before it is checked, and a date after it in any
 * style is taken in.
 */
export function referenceTexts(text: string, format: DocFormat, titles: Map<string, TitleCandidate[]>): CitationMention[] {
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
