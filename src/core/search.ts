import type { FactIndex, IndexedFact } from './factIndex';
import { foldText } from './text';
import { FACT_KINDS, type FactKind } from './types';

export interface PrefixHit {
  /** The alias as written in the pack. */
  alias: string;
  entry: IndexedFact;
}

interface AliasEntry {
  folded: string;
  alias: string;
  entry: IndexedFact;
}

/**
 * Aliases sorted by their folded form, for completion: a binary search finds
 * every alias starting with what the writer has typed.
 */
export class AliasPrefixIndex {
  private readonly entries: AliasEntry[];

  constructor(index: FactIndex) {
    const entries: AliasEntry[] = [];
    for (const entry of index.facts) {
      const seen = new Set<string>();
      for (const alias of entry.aliases) {
        const folded = foldText(alias);
        if (seen.has(folded)) continue;
        seen.add(folded);
        entries.push({ folded, alias, entry });
      }
    }
    entries.sort((a, b) => (a.folded < b.folded ? -1 : a.folded > b.folded ? 1 : 0));
    this.entries = entries;
  }

  /** Facts with an alias starting with `prefix`, one hit per fact (its shortest matching alias), at most `limit`. */
  search(prefix: string, limit = 100): PrefixHit[] {
    const p = foldText(prefix);
    if (p.length === 0) return [];
    let lo = 0;
    let hi = this.entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.entries[mid].folded < p) lo = mid + 1;
      else hi = mid;
    }
    const best = new Map<IndexedFact, AliasEntry>();
    for (let i = lo; i < this.entries.length && this.entries[i].folded.startsWith(p); i++) {
      const e = this.entries[i];
      const prior = best.get(e.entry);
      if (!prior || e.folded.length < prior.folded.length) best.set(e.entry, e);
      if (best.size >= limit * 4) break;
    }
    return [...best.values()]
      .sort((a, b) => a.folded.length - b.folded.length || (a.folded < b.folded ? -1 : 1))
      .slice(0, limit)
      .map((e) => ({ alias: e.alias, entry: e.entry }));
  }
}

export const KIND_TITLES: Record<FactKind, string> = {
  person: 'People', role: 'Roles', event: 'Events and dates', place: 'Places', organisation: 'Organisations',
  agreement: 'Agreements', provision: 'Provisions', figure: 'Figures', term: 'Terms', quote: 'Quotes',
};

export interface RankedFact {
  entry: IndexedFact;
  /** How well the fact fits the selection: 0 when it does not. */
  score: number;
}

/**
 * All facts grouped by kind, those that the selected text names first: an
 * alias found in the selection scores by its length, so "Rustem Umerov" ranks
 * the person above a fact that only mentions "Umerov".
 */
export function rankFacts(index: FactIndex, selection: string): RankedFact[] {
  const scores = new Map<IndexedFact, number>();
  if (selection.trim() !== '') {
    for (const m of index.findAll(selection)) {
      for (const entry of m.values) scores.set(entry, (scores.get(entry) ?? 0) + (m.end - m.start));
    }
  }
  const base = baseOrder(index);
  const named = [...scores.entries()].sort((a, b) => b[1] - a[1] || base.indexOf(a[0]) - base.indexOf(b[0])).map(([entry, score]) => ({ entry, score }));
  return [...named, ...base.filter((e) => !scores.has(e)).map((entry) => ({ entry, score: 0 }))];
}

const baseOrders = new WeakMap<FactIndex, IndexedFact[]>();

/** Facts by kind, then label: computed once per index, since a large pack makes this the costly part. */
function baseOrder(index: FactIndex): IndexedFact[] {
  let order = baseOrders.get(index);
  if (!order) {
    const kindOrder = new Map<FactKind, number>(FACT_KINDS.map((k, i) => [k, i]));
    const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
    order = [...index.facts].sort((a, b) => kindOrder.get(a.fact.kind)! - kindOrder.get(b.fact.kind)! || collator.compare(a.fact.label, b.fact.label));
    baseOrders.set(index, order);
  }
  return order;
}
