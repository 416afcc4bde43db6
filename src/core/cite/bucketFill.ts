import type { IndexedFact } from '../facts/factIndex';

/**
 * Every alias of a fact base put in its completion bucket (prefixIndex.ts)
 * as a pair of positions, the fact's and the alias's among its aliases, in
 * fact order then alias order; a slice of facts a step. The aliases are gone
 * through twice: first each one's bucket is found and the buckets counted,
 * then the pairs are written into one array of numbers, each bucket's a
 * stretch of it. Grown a list per bucket as the aliases came (some 650,000
 * at 100k facts), the lists were copied again and again by the collector,
 * in pauses of 30–60 ms while a cold load was readied.
 */
export class BucketFill {
  /** Facts whose aliases are counted, and how many aliases they have: `bucketOf` is made once all are. */
  private sized = 0;
  private total = 0;
  private counted = 0;
  private placed = 0;
  /** Where the aliases of the fact being gone through start, in `bucketOf`. */
  private alias = 0;
  /** Each alias's bucket as its number in `keys` (-1 for an alias in none), in fact then alias order. */
  private bucketOf?: Int32Array;
  private readonly numbers = new Map<number, number>();
  /** By bucket number: its key, and how many aliases it has. */
  private readonly keys: number[] = [];
  private readonly counts: number[] = [];
  /** By bucket number: where its next pair goes in `pairs`. */
  private next?: Int32Array;
  private pairs?: Int32Array;

  /** `keyOf`: an alias's bucket key, -1 for one in no bucket. */
  constructor(
    private readonly facts: readonly IndexedFact[],
    private readonly keyOf: (alias: string) => number,
  ) {}

  get done(): boolean {
    return this.placed === this.facts.length;
  }

  /**
   * Goes through up to `facts` more facts' aliases. Once every alias is
   * placed, each bucket's pairs are set in `into` by its key.
   */
  step(facts: number, into: Map<number, Int32Array>): void {
    const all = this.facts;
    let budget = facts;
    if (!this.bucketOf) {
      // The aliases are counted first, eight times the facts a step: at 100k facts, reading every fact at once took 10 ms.
      const to = Math.min(all.length, this.sized + facts * 8);
      for (; this.sized < to; this.sized++) this.total += all[this.sized].aliases.length;
      if (this.sized < all.length) return;
      this.bucketOf = new Int32Array(this.total);
    }
    const bucketOf = this.bucketOf;
    for (; budget > 0 && this.counted < all.length; budget--) {
      for (const alias of all[this.counted++].aliases) {
        const key = this.keyOf(alias);
        let n = key < 0 ? -1 : this.numbers.get(key);
        if (n === undefined) {
          n = this.keys.length;
          this.numbers.set(key, n);
          this.keys.push(key);
          this.counts.push(0);
        }
        if (n >= 0) this.counts[n]++;
        bucketOf[this.alias++] = n;
      }
    }
    if (this.counted < all.length) return;
    if (!this.next || !this.pairs) {
      this.next = new Int32Array(this.keys.length);
      let at = 0;
      for (let n = 0; n < this.keys.length; n++) {
        this.next[n] = at;
        at += 2 * this.counts[n];
      }
      this.pairs = new Int32Array(at);
      this.alias = 0;
    }
    const { next, pairs } = this;
    for (; budget > 0 && this.placed < all.length; budget--) {
      const f = this.placed++;
      const count = all[f].aliases.length;
      for (let a = 0; a < count; a++) {
        const n = bucketOf[this.alias++];
        if (n < 0) continue;
        pairs[next[n]++] = f;
        pairs[next[n]++] = a;
      }
    }
    if (!this.done) return;
    // Each bucket's stretch now ends where its next pair would have gone.
    for (let n = 0; n < this.keys.length; n++) {
      const end = next[n];
      into.set(this.keys[n], pairs.subarray(end - 2 * this.counts[n], end));
    }
  }
}
