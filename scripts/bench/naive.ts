// Naive baselines for the benchmark's hot paths: what a straightforward
// implementation would do, run on the same input in the same process, so
// that the ratio says what the real data structures buy.

import { FACT_KINDS, type FactKind } from '../../src/core/types';
import type { FactIndex, IndexedFact } from '../../src/core/facts/factIndex';
import { foldText } from '../../src/core/document/text';

interface AliasRow {
  alias: string;
  lower: string;
  entry: IndexedFact;
}

/** Every (alias, fact) pair, lower-cased once: the naive baselines scan this list. */
export function aliasRows(index: FactIndex): AliasRow[] {
  const rows: AliasRow[] = [];
  for (const entry of index.facts) for (const alias of entry.aliases) rows.push({ alias, lower: alias.toLowerCase(), entry });
  return rows;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One regular expression per alias, with word boundaries that know Cyrillic, as a simple checker would build them. */
export function aliasRegExps(rows: readonly AliasRow[]): { re: RegExp; row: AliasRow }[] {
  return rows.map((row) => ({
    re: new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(row.alias).replace(/\s+/g, '\\s+')}(?![\\p{L}\\p{N}])`, 'giu'),
    row,
  }));
}

/** Scans a text with each regular expression in turn; returns the number of matches. */
export function naiveFindAll(text: string, regexps: readonly { re: RegExp }[]): number {
  let n = 0;
  for (const { re } of regexps) {
    re.lastIndex = 0;
    while (re.exec(text) !== null) n++;
  }
  return n;
}

function isWord(code: number): boolean {
  return code >= 0 && /[\p{L}\p{N}]/u.test(String.fromCharCode(code));
}

/**
 * Hover lookup by a linear scan: every alias is looked for in the text around
 * the offset, and those covering it are kept, longest first.
 */
export function naiveFindAt(text: string, offset: number, rows: readonly AliasRow[], maxAlias = 200): { start: number; end: number; entries: IndexedFact[] }[] {
  const from = Math.max(0, offset - maxAlias);
  const window = text.slice(from, Math.min(text.length, offset + maxAlias)).toLowerCase();
  const at = offset - from;
  const out: { start: number; end: number; entries: IndexedFact[] }[] = [];
  for (const row of rows) {
    const a = row.lower;
    let i = window.indexOf(a, Math.max(0, at - a.length));
    while (i >= 0 && i <= at) {
      const end = i + a.length;
      if (end >= at && !isWord(window.charCodeAt(i - 1)) && !isWord(window.charCodeAt(end))) {
        out.push({ start: from + i, end: from + end, entries: [row.entry] });
        break;
      }
      i = window.indexOf(a, i + 1);
    }
  }
  return out.sort((x, y) => y.end - y.start - (x.end - x.start));
}

/** Completion by filtering every alias for the prefix, then sorting: no index. */
export function naivePrefixSearch(prefix: string, rows: readonly { folded: string; row: AliasRow }[], limit = 50): { alias: string; entry: IndexedFact }[] {
  const p = foldText(prefix);
  const best = new Map<IndexedFact, { folded: string; alias: string }>();
  for (const { folded, row } of rows) {
    if (!folded.startsWith(p)) continue;
    const prior = best.get(row.entry);
    if (!prior || folded.length < prior.folded.length) best.set(row.entry, { folded, alias: row.alias });
  }
  return [...best.entries()]
    .sort((a, b) => a[1].folded.length - b[1].folded.length || (a[1].folded < b[1].folded ? -1 : 1))
    .slice(0, limit)
    .map(([entry, v]) => ({ alias: v.alias, entry }));
}

/** The picker's order computed from scratch on every opening: a full sort by kind and label. */
export function naivePickerOrder(index: FactIndex): IndexedFact[] {
  const kindOrder = new Map<FactKind, number>(FACT_KINDS.map((k, i) => [k, i]));
  const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
  return [...index.facts].sort((a, b) => kindOrder.get(a.fact.kind)! - kindOrder.get(b.fact.kind)! || collator.compare(a.fact.label, b.fact.label));
}

/** The folded form the completion baseline compares prefixes with, computed once per alias rather than per keystroke. */
export function foldAliasForBaseline(alias: string): string {
  return foldText(alias);
}
