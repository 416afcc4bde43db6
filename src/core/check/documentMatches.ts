// The alias matches of a whole document, as the check's rules read them: in order, in offsets of the document.
import { type AliasEntry, type AliasMatch, type PackedMatches } from '../facts/aliasMatcher';
import { type IndexedFact } from '../facts/factIndex';
import { kindsOf } from './checkCache';

/**
 * Every alias match of a document, in order: where each starts and ends,
 * what it names, and the kinds of fact that is (KIND_* bits). Kept in a few
 * arrays rather than an object a match: a first check of a long draft finds
 * tens of thousands, and each object would outlive garbage collections until
 * the check ends. `match(i)` makes one as an object for a rule that needs it.
 */
export class DocumentMatches {
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly entries: readonly AliasEntry<IndexedFact>[];
  /** The kinds of fact each match names (KIND_* bits): rules skip matches that name nothing they check. */
  readonly kinds: Uint8Array;

  /** From the packed matches of each paragraph, in the document's order. */
  constructor(paragraphs: readonly PackedMatches<IndexedFact>[]) {
    let n = 0;
    for (const p of paragraphs) n += p.length / 3;
    this.starts = new Int32Array(n);
    this.ends = new Int32Array(n);
    this.kinds = new Uint8Array(n);
    const entries: AliasEntry<IndexedFact>[] = new Array(n);
    let k = 0;
    for (const p of paragraphs) {
      for (let i = 0; i < p.length; i += 3, k++) {
        this.starts[k] = p[i] as number;
        this.ends[k] = p[i + 1] as number;
        const entry = p[i + 2] as AliasEntry<IndexedFact>;
        entries[k] = entry;
        this.kinds[k] = kindsOf(entry.values);
      }
    }
    this.entries = entries;
  }

  get count(): number {
    return this.starts.length;
  }

  /** The i-th match as an object. */
  match(i: number): AliasMatch<IndexedFact> {
    const entry = this.entries[i];
    return { start: this.starts[i], end: this.ends[i], alias: entry.alias, values: entry.values };
  }

  /** The index of the first match starting at or after `offset`. */
  from(offset: number): number {
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid] < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Matches inside [start, end). */
  within(start: number, end: number): AliasMatch<IndexedFact>[] {
    const out: AliasMatch<IndexedFact>[] = [];
    for (let i = this.from(start); i < this.starts.length && this.starts[i] < end; i++) if (this.ends[i] <= end) out.push(this.match(i));
    return out;
  }

  /** Whether a match starting in [start, end) names a fact of one of the kinds (KIND_* bits). */
  hasKind(start: number, end: number, bits: number): boolean {
    for (let i = this.from(start); i < this.starts.length && this.starts[i] < end; i++) if (this.kinds[i] & bits) return true;
    return false;
  }
}
