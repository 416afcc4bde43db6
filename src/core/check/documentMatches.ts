// The alias matches of a whole document, as the check's rules read them: in order, in offsets of the document.
import { type AliasEntry, type AliasMatch, type PackedMatches } from '../facts/aliasMatcher';
import { type IndexedFact } from '../facts/factIndex';

/**
 * Every alias match of a document, in order: where each starts and ends,
 * what it names, and the kinds of fact that is (KIND_* bits). Kept in a few
 * arrays rather than an object a match: a first check of a long draft finds
 * tens of thousands, and each object would outlive garbage collections until
 * the check ends. `match(i)` makes one as an object for a rule that needs it.
 */
export class DocumentMatches {
  #starts: Int32Array;
  #ends: Int32Array;
  #kinds: Uint8Array;
  readonly #entries: AliasEntry<IndexedFact>[] = [];
  #count = 0;

  /** Room for about `expected` matches to begin with; it grows as paragraphs are added. */
  constructor(expected = 64) {
    this.#starts = new Int32Array(expected);
    this.#ends = new Int32Array(expected);
    this.#kinds = new Uint8Array(expected);
  }

  /** Adds a paragraph's packed matches, tagged with their kinds (`kindsOfEntry`), after those of the paragraphs before it. */
  add(packed: PackedMatches<IndexedFact>): void {
    const more = packed.length / 4;
    if (this.#count + more > this.#starts.length) this.grow(this.#count + more);
    for (let i = 0; i < packed.length; i += 4, this.#count++) {
      this.#starts[this.#count] = packed[i] as number;
      this.#ends[this.#count] = packed[i + 1] as number;
      this.#entries.push(packed[i + 2] as AliasEntry<IndexedFact>);
      this.#kinds[this.#count] = packed[i + 3] as number;
    }
  }

  private grow(least: number): void {
    const size = Math.max(least, this.#starts.length * 2);
    const starts = new Int32Array(size);
    starts.set(this.#starts);
    const ends = new Int32Array(size);
    ends.set(this.#ends);
    const kinds = new Uint8Array(size);
    kinds.set(this.#kinds);
    this.#starts = starts;
    this.#ends = ends;
    this.#kinds = kinds;
  }

  /** Where each match starts, in order (only the first `count` are matches). */
  get starts(): Int32Array {
    return this.#starts;
  }

  get ends(): Int32Array {
    return this.#ends;
  }

  get entries(): readonly AliasEntry<IndexedFact>[] {
    return this.#entries;
  }

  /** The kinds of fact each match names (KIND_* bits): rules skip matches that name nothing they check. */
  get kinds(): Uint8Array {
    return this.#kinds;
  }

  get count(): number {
    return this.#count;
  }

  /** The i-th match as an object. */
  match(i: number): AliasMatch<IndexedFact> {
    const entry = this.#entries[i];
    return { start: this.#starts[i], end: this.#ends[i], alias: entry.alias, values: entry.values };
  }

  /** The index of the first match starting at or after `offset`. */
  from(offset: number): number {
    let lo = 0;
    let hi = this.#count;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.#starts[mid] < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Matches inside [start, end). */
  within(start: number, end: number): AliasMatch<IndexedFact>[] {
    const out: AliasMatch<IndexedFact>[] = [];
    for (let i = this.from(start); i < this.#count && this.#starts[i] < end; i++) if (this.#ends[i] <= end) out.push(this.match(i));
    return out;
  }

  /** Whether a match starting in [start, end) names a fact of one of the kinds (KIND_* bits). */
  hasKind(start: number, end: number, bits: number): boolean {
    for (let i = this.from(start); i < this.#count && this.#starts[i] < end; i++) if (this.#kinds[i] & bits) return true;
    return false;
  }
}
