// Which facts a draft cites: a fact named in a paragraph that also cites one of its sources.
import { ALL_DATE_STYLES } from '../document/dates';
import { paragraphStarts } from '../document/paragraphs';
import { foldText } from '../document/text';
import { type FactIndex, type IndexedFact, type IndexedSource } from '../facts/factIndex';
import { type DocFormat, curlyQuotes, factText } from './citation';
import { type DocumentCitations } from './citationsInText';
import { escapeReference } from './referenceTexts';

export interface CitedFact {
  entry: IndexedFact;
  /** The sources behind the fact that the document cites beside it, in order of citation. */
  sources: IndexedSource[];
  /** Where the fact is first named next to a citation of it. */
  offset: number;
  /** In how many paragraphs it is cited. */
  paragraphs: number;
}

export function paragraphOf(starts: readonly number[], offset: number): number {
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
export function writtenForms(entry: IndexedFact, format: DocFormat): string[] {
  let byFormat = writtenCache.get(entry);
  if (!byFormat) writtenCache.set(entry, (byFormat = new Map()));
  let forms = byFormat.get(format);
  if (!forms) {
    const texts = new Set<string>(ALL_DATE_STYLES.map((style) => factText(entry, style)));
    // And in the other languages the pack writes it in ("23 червня 2025 року").
    for (const lang of Object.keys(entry.fact.languages ?? {})) for (const style of ALL_DATE_STYLES) texts.add(factText(entry, style, lang));
    for (const w of entry.fact.wordings ?? []) texts.add(w.text);
    // As written now (curly quotes, in LaTeX `` and '') and as the pack has them.
    for (const t of [...texts]) texts.add(curlyQuotes(t, format));
    forms = [...texts].map((t) => foldText(escapeReference(format, t))).filter((t) => t.length >= 3);
    byFormat.set(format, forms);
  }
  return forms;
}

export const writtenCache = new WeakMap<IndexedFact, Map<DocFormat, string[]>>();

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
        record(
          entry,
          entry.sources.filter((s) => ids.has(s.source.id)),
          start + (paragraph.length - paragraph.trimStart().length),
          counted,
        );
      }
    }
  }
  return [...found.values()].sort((a, b) => a.offset - b.offset || a.entry.fact.label.localeCompare(b.entry.fact.label));
}
