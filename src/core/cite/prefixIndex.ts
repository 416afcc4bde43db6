import { derivedValue, type FactIndex, type IndexedFact } from '../facts/factIndex';
import { foldCode, foldText } from '../document/text';
import { sortInSteps, toEnd } from '../steps';
import { BucketFill } from './bucketFill';

export interface PrefixHit {
  /** The alias as written in the pack. */
  alias: string;
  entry: IndexedFact;
}

/** An alias of a bucket as a search reads it. */
interface AliasEntry {
  folded: string;
  alias: string;
  entry: IndexedFact;
}

/**
 * A bucket's aliases sorted by folded form, each as its fact and its place
 * among the fact's aliases, in two lists: no object is made per alias, and
 * a folded form is made for the sort, then again where a search first reads
 * it (kept from then on). A fact base of 100k facts has some 650,000
 * aliases: kept as an object and a folded text each from readying on, they
 * were what the collector copied in the longest pauses of readying.
 */
interface Bucket {
  readonly facts: readonly IndexedFact[];
  readonly aliases: Int32Array;
  /** The folded forms a search has read, kept from its first search on: a writer types on in the same bucket. */
  folded?: (string | undefined)[];
}

const EMPTY_BUCKET: Bucket = { facts: [], aliases: new Int32Array(0) };

function aliasIn(bucket: Bucket, k: number): string {
  return bucket.facts[k].aliases[bucket.aliases[k]];
}

function foldedIn(bucket: Bucket, k: number): string {
  return foldText(aliasIn(bucket, k));
}

/** `foldedIn`, kept in the bucket for the searches after. */
function searchedIn(bucket: Bucket, k: number): string {
  const folded = (bucket.folded ??= new Array<string | undefined>(bucket.facts.length));
  return (folded[k] ??= foldedIn(bucket, k));
}

/** A bucket of an earlier index to be mended: its entries, the facts removed since, and the added facts' aliases in it. */
interface Mend {
  before: Bucket;
  removed: ReadonlySet<IndexedFact>;
  positions: ArrayLike<number>;
}

/**
 * The bucket of an alias: its folded form's first two characters (foldText
 * drops leading spaces and makes each run of spaces one), as one number; the
 * second is 0 for a one-character alias. -1 for an alias with no character.
 */
function bucketKey(alias: string): number {
  let i = 0;
  let first = -1;
  for (; i < alias.length; i++) {
    const c = foldCode(alias.charCodeAt(i));
    if (c !== 32) {
      first = c;
      break;
    }
  }
  if (first < 0) return -1;
  let spaced = false;
  for (i++; i < alias.length; i++) {
    const c = foldCode(alias.charCodeAt(i));
    if (c === 32) spaced = true;
    else return first * 65536 + (spaced ? 32 : c);
  }
  return first * 65536;
}

/** Adds the (fact, alias) positions of `facts[f]`'s aliases to their buckets' lists. */
function addPositions(pending: Map<number, number[]>, facts: readonly IndexedFact[], f: number): void {
  const aliases = facts[f].aliases;
  for (let a = 0; a < aliases.length; a++) {
    const key = bucketKey(aliases[a]);
    if (key < 0) continue;
    let list = pending.get(key);
    if (!list) pending.set(key, (list = []));
    list.push(f, a);
  }
}

/**
 * Aliases sorted by their folded form, for completion: a binary search finds
 * every alias starting with what the writer has typed. The aliases are kept
 * in buckets by their first two folded characters, and a bucket is folded
 * and sorted when first searched, or ahead of use a slice per step
 * (`preparation`): no step sorts more than a small share of a large
 * fact base's aliases. The prefixes of an index made from another (after one
 * pack file changed) are those of the other with the buckets of the changed
 * facts' aliases mended (`edited`).
 */
export class AliasPrefixIndex {
  private readonly facts: readonly IndexedFact[];
  /** Aliases not yet folded, by bucket: pairs of (fact, alias) positions, in fact order then alias order. */
  private readonly pending = new Map<number, Int32Array>();
  private readonly buckets: Map<number, Bucket>;
  /** Buckets to be mended from those of an earlier index (see `edited`), when first searched or prepared. */
  private readonly mends = new Map<number, Mend>();
  /** Bucket keys by first character, ascending: a one-character prefix reads them in turn. */
  private byFirst?: Map<number, number[]>;
  /** Whether every fact's aliases are in `pending`: they are put there a slice at a time (`fill`), or all on first search. */
  private filled: boolean;
  private filling?: BucketFill;
  /** The changes since the earlier index whose buckets this one took (`edited`), to be gone through before any bucket is read. */
  private edits?: { before: AliasPrefixIndex; removed: readonly IndexedFact[]; added: readonly IndexedFact[] };

  /** `buckets`: those already sorted, shared with an earlier index (`edited`). */
  constructor(
    private readonly index: FactIndex,
    buckets?: Map<number, Bucket>,
  ) {
    this.facts = index.facts;
    this.buckets = buckets ?? new Map();
    this.filled = buckets !== undefined || this.facts.length === 0;
  }

  /**
   * Goes through the aliases of up to `facts` more facts to put them in
   * their buckets, as positions, not objects (BucketFill: every alias is gone
   * through twice, and the buckets are set at the end): this runs over every
   * alias of the fact base, a slice a step ahead of use, or at once on the
   * first search.
   */
  private fill(facts = Infinity): void {
    this.settleEdits();
    if (this.filled) return;
    this.filling ??= new BucketFill(this.facts, bucketKey);
    this.filling.step(facts, this.pending);
    if (this.filling.done) {
      this.filled = true;
      this.filling = undefined;
    }
  }

  /**
   * Puts every alias in its bucket and sorts every bucket, a slice a step,
   * ahead of the first search: a step fills a few thousand facts' aliases,
   * sorts a small bucket, or a part of a large one (every date of a year
   * starts with "20").
   */
  *preparation(): Generator<void, void, void> {
    yield* this.editSteps();
    while (!this.filled) {
      this.fill(FACTS_PER_FILL);
      yield;
    }
    for (const key of this.bucketKeys()) {
      if (this.buckets.has(key)) continue;
      yield* this.bucketSteps(key);
      yield;
    }
  }

  /**
   * The prefixes of `index` made from those of the index it was made from
   * (`FactIndex.basis`), when those are all sorted: the buckets the removed
   * and added facts' aliases fall in are sorted again from the old bucket less
   * the removed facts and the added facts' aliases; the others are shared.
   * Undefined where there is nothing to make them from.
   */
  static edited(index: FactIndex): AliasPrefixIndex | undefined {
    const basis = index.basis;
    const before = basis?.index.derivedIfMade(PREFIXES);
    if (!basis || !before || !before.filled || before.pending.size > 0 || before.mends.size > 0) return undefined;
    const out = new AliasPrefixIndex(index, new Map(before.buckets));
    out.edits = { before, removed: basis.removed, added: basis.added };
    return out;
  }

  /**
   * Goes through the changes of `edited`, a slice of facts a step: the buckets
   * the removed and added facts' aliases fall in are to be mended. Every read
   * of a bucket goes through them first (`settleEdits`).
   */
  private *editSteps(): Generator<void, void, void> {
    const edits = this.edits;
    if (!edits) return;
    const fresh = new Map<number, number[]>();
    const dirty = new Set<number>();
    let n = 0;
    for (const e of edits.added) {
      if (++n % EDITS_PER_STEP === 0) yield;
      addPositions(fresh, this.facts, this.index.positionOf(e)!);
    }
    for (const e of edits.removed) {
      if (++n % EDITS_PER_STEP === 0) yield;
      for (const a of e.aliases) dirty.add(bucketKey(a));
    }
    // A read went through them meanwhile, at once.
    if (this.edits !== edits) return;
    this.edits = undefined;
    const removed = new Set(edits.removed);
    for (const key of fresh.keys()) dirty.add(key);
    for (const key of dirty) {
      if (key < 0) continue;
      this.buckets.delete(key);
      this.mends.set(key, { before: edits.before.buckets.get(key) ?? EMPTY_BUCKET, removed, positions: fresh.get(key) ?? [] });
    }
  }

  private settleEdits(): void {
    if (this.edits) toEnd(this.editSteps());
  }

  /** A bucket mended: the earlier one less the removed facts, merged with the added facts' aliases. */
  private *mended(mend: Mend): Generator<void, Bucket, void> {
    const index = this.index;
    const { before, removed } = mend;
    const kept: number[] = [];
    for (let k = 0; k < before.facts.length; k++) if (!removed.has(before.facts[k])) kept.push(k);
    const added = yield* sortedBucket(this.facts, mend.positions);
    // Both are in (folded, fact, alias) order; no fact is in both.
    const facts: IndexedFact[] = [];
    const aliases = new Int32Array(kept.length + added.facts.length);
    const take = (bucket: Bucket, k: number): void => {
      aliases[facts.length] = bucket.aliases[k];
      facts.push(bucket.facts[k]);
    };
    let i = 0;
    let j = 0;
    let a = i < kept.length ? foldedIn(before, kept[i]) : '';
    let b = j < added.facts.length ? foldedIn(added, j) : '';
    while (i < kept.length && j < added.facts.length) {
      if (a < b || (a === b && index.positionOf(before.facts[kept[i]])! < index.positionOf(added.facts[j])!)) {
        take(before, kept[i++]);
        if (i < kept.length) a = foldedIn(before, kept[i]);
      } else {
        take(added, j++);
        if (j < added.facts.length) b = foldedIn(added, j);
      }
      if (facts.length % ENTRIES_PER_STEP === 0) yield;
    }
    while (i < kept.length) take(before, kept[i++]);
    while (j < added.facts.length) take(added, j++);
    return { facts, aliases };
  }

  /** The aliases of one bucket, sorted by folded form. */
  private bucket(key: number): Bucket {
    this.settleEdits();
    return this.buckets.get(key) ?? toEnd(this.bucketSteps(key));
  }

  /** `bucket` in steps. */
  private *bucketSteps(key: number): Generator<void, Bucket, void> {
    this.settleEdits();
    let entries = this.buckets.get(key);
    if (entries) return entries;
    this.fill();
    const mend = this.mends.get(key);
    entries = mend ? yield* this.mended(mend) : yield* sortedBucket(this.facts, this.pending.get(key) ?? []);
    this.buckets.set(key, entries);
    this.pending.delete(key);
    this.mends.delete(key);
    return entries;
  }

  /** Every bucket's key. */
  bucketKeys(): number[] {
    this.fill();
    return [...new Set([...this.pending.keys(), ...this.mends.keys(), ...this.buckets.keys()])];
  }

  /** The entries whose folded form starts with `p` (folded, not empty), in sorted order, lazily. */
  private *from(p: string): Generator<AliasEntry> {
    if (p.length >= 2) {
      const bucket = this.bucket(p.charCodeAt(0) * 65536 + p.charCodeAt(1));
      let lo = 0;
      let hi = bucket.facts.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (searchedIn(bucket, mid) < p) lo = mid + 1;
        else hi = mid;
      }
      for (let k = lo; k < bucket.facts.length; k++) {
        const folded = searchedIn(bucket, k);
        if (!folded.startsWith(p)) return;
        yield { folded, alias: aliasIn(bucket, k), entry: bucket.facts[k] };
      }
      return;
    }
    // One character: its buckets in order of their second character are in sorted order, one after another.
    for (const key of this.keysOf(p)) {
      const bucket = this.bucket(key);
      for (let k = 0; k < bucket.facts.length; k++) yield { folded: searchedIn(bucket, k), alias: aliasIn(bucket, k), entry: bucket.facts[k] };
    }
  }

  /** The keys of the buckets a search for `p` (folded, not empty) reads, in order. */
  private keysOf(p: string): number[] {
    if (p.length >= 2) return [p.charCodeAt(0) * 65536 + p.charCodeAt(1)];
    if (!this.byFirst) {
      this.byFirst = new Map();
      for (const key of this.bucketKeys().sort((a, b) => a - b)) {
        const first = Math.floor(key / 65536);
        const list = this.byFirst.get(first) ?? [];
        list.push(key);
        this.byFirst.set(first, list);
      }
    }
    return this.byFirst.get(p.charCodeAt(0)) ?? [];
  }

  /** Whether a bucket is sorted, or has nothing to sort (no alias, none pending, none to mend). */
  private made(key: number): boolean {
    this.settleEdits();
    return this.buckets.has(key) || (!this.pending.has(key) && !this.mends.has(key));
  }

  /** Whether a search for each of `prefixes` would find its buckets made: it then sorts nothing. */
  isReadyFor(prefixes: readonly string[]): boolean {
    if (!this.filled || this.edits) return false;
    return prefixes.every((prefix) => {
      const p = foldText(prefix);
      return p.length === 0 || this.keysOf(p).every((key) => this.made(key));
    });
  }

  /**
   * What a search for each of `prefixes` reads, made in steps: a request on
   * an index not yet readied (FactStore puts an index in use first) can make
   * the buckets it needs a slice at a time, not in one go while the host waits.
   */
  *readying(prefixes: readonly string[]): Generator<void, void, void> {
    yield* this.editSteps();
    while (!this.filled) {
      this.fill(FACTS_PER_FILL);
      yield;
    }
    for (const prefix of prefixes) {
      const p = foldText(prefix);
      if (p.length === 0) continue;
      for (const key of this.keysOf(p)) {
        if (this.made(key)) continue;
        yield* this.bucketSteps(key);
        yield;
      }
    }
  }

  /** Facts with an alias starting with `prefix`, one hit per fact (its shortest matching alias), at most `limit`. */
  search(prefix: string, limit = 100): PrefixHit[] {
    const p = foldText(prefix);
    if (p.length === 0) return [];
    const best = new Map<IndexedFact, AliasEntry>();
    for (const e of this.from(p)) {
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

/**
 * The bucket of (fact, alias) positions, sorted by folded form, ties in fact
 * then alias order; a fact's aliases are next to each other there, and the
 * same folded alias twice is offered once. In steps of a few thousand
 * aliases (see `sortInSteps`); the folded forms are made for the sort only.
 */
function* sortedBucket(facts: readonly IndexedFact[], positions: ArrayLike<number>): Generator<void, Bucket, void> {
  const ofFact: IndexedFact[] = [];
  const ofAlias: number[] = [];
  const folded: string[] = [];
  let current: IndexedFact | undefined;
  let from = 0;
  for (let i = 0; i < positions.length; i += 2) {
    const entry = facts[positions[i]];
    const a = positions[i + 1];
    if (entry !== current) {
      current = entry;
      from = folded.length;
    }
    const f = foldText(entry.aliases[a]);
    if (folded.indexOf(f, from) >= 0) continue;
    ofFact.push(entry);
    ofAlias.push(a);
    folded.push(f);
    if (folded.length % ENTRIES_PER_STEP === 0) yield;
  }
  const n = folded.length;
  const places: number[] = new Array(n);
  for (let k = 0; k < n; k++) places[k] = k;
  const order = yield* sortInSteps(places, (x, y) => (folded[x] < folded[y] ? -1 : folded[x] > folded[y] ? 1 : 0));
  const bucket = { facts: new Array<IndexedFact>(n), aliases: new Int32Array(n) };
  for (let k = 0; k < n; k++) {
    bucket.facts[k] = ofFact[order[k]];
    bucket.aliases[k] = ofAlias[order[k]];
  }
  return bucket;
}

/**
 * Facts whose aliases are put in buckets per step of `preparation`, and
 * aliases folded or merged per step: a few milliseconds each on a busy
 * machine, before the engine has compiled this code too (5,000 facts and
 * 8,192 aliases made steps of 15–40 ms in a cold load of 100,000 facts,
 * and 1,000 facts steps of 10–19 ms).
 */
const FACTS_PER_FILL = 250;
/** Facts of an edit gone through per step (`editSteps`): each of their aliases is put in its bucket's list. */
const EDITS_PER_STEP = 250;
const ENTRIES_PER_STEP = 512;

const PREFIXES = derivedValue('completion: alias prefixes', (index) => AliasPrefixIndex.edited(index) ?? new AliasPrefixIndex(index));

/** The prefix index of a fact index: made once, and shared by completion and inline completion. */
export function prefixIndexFor(index: FactIndex): AliasPrefixIndex {
  return index.derived(PREFIXES);
}
