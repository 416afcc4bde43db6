import { foldCode, isWordCharCode } from '../document/text';
import { ROOT, TokenTrie, hashAt, scanToken, token, type SavedTrie } from './tokenTrie';

/** One occurrence of an alias in a text. */
export interface AliasMatch<T> {
  start: number;
  end: number;
  /** The alias as written in the pack. */
  alias: string;
  /** Everything that alias stands for: several facts can share one alias ("24 June"). */
  values: readonly T[];
}

/** What an alias stands for: the alias as written in the pack, and its values. Shared by every match of the alias. */
export interface AliasEntry<T> {
  readonly alias: string;
  readonly values: readonly T[];
}

/**
 * Alias matches packed in one array, four slots a match: its start, its end,
 * its entry, and a number the caller tells of the entry (`findAllPacked`). A
 * check keeps the matches of every paragraph of a draft it read: an array a
 * paragraph, not an object a match.
 */
export type PackedMatches<T> = (number | AliasEntry<T>)[];

interface Token {
  hash: number;
  start: number;
  end: number;
}

/**
 * What a slot holds: the alias as first written, and its values. Most aliases
 * stand for one fact: its list is made when first read, or when a second
 * value comes (a fact base of 100k facts has some 300,000 such aliases).
 */
class SlotEntry<T> implements AliasEntry<T> {
  private list?: T[];

  constructor(
    public alias: string,
    private readonly first: T,
  ) {}

  static of<T>(alias: string, values: T[]): SlotEntry<T> {
    const entry = new SlotEntry(alias, values[0]);
    entry.list = values;
    return entry;
  }

  get values(): T[] {
    return (this.list ??= [this.first]);
  }

  /** Whether `value` is one of its values, without making the list. */
  has(value: T): boolean {
    return this.list ? this.list.includes(value) : this.first === value;
  }
}

/** Where the entries of a matcher restored from a snapshot are made from, when first read (see SlotTable). */
interface SlotSource<T> {
  slotStarts: Int32Array;
  slotValues: Int32Array;
  slotAliases: Int32Array;
  values: readonly T[];
  aliasesOf(value: T): readonly string[];
}

/**
 * A matcher's entries by slot. One restored from a snapshot (some 650,000
 * slots at 100k facts) makes each entry when it is first read, from the
 * snapshot's numbers: made all at once, they were most of what the
 * collector copied while a window reload restored the matcher, in pauses
 * of 40–60 ms.
 */
class SlotTable<T> {
  /** Entries made or set by slot: a hole where not yet made from the source, null where the slot has none. */
  private readonly made: (SlotEntry<T> | null | undefined)[];

  constructor(
    private readonly source?: SlotSource<T>,
    made?: (SlotEntry<T> | null | undefined)[],
  ) {
    this.made = made ?? (source ? new Array(source.slotAliases.length) : []);
  }

  /** One more than the last slot that may have an entry. */
  get length(): number {
    return Math.max(this.made.length, this.source?.slotAliases.length ?? 0);
  }

  get(slot: number): SlotEntry<T> | undefined {
    const entry = this.made[slot];
    if (entry !== undefined) return entry ?? undefined;
    return this.source && slot < this.source.slotAliases.length ? this.fromSource(this.source, slot) : undefined;
  }

  /**
   * The slots with a value that passes `test`, going through every slot in
   * steps (it yields every `perStep` values gone through), without making
   * their entries: an edit that goes through every slot makes only the
   * entries it changes. The source's values are each tested once, and a
   * slot not yet made is read by their places: a window reload's matcher
   * at 100k facts has a million values in its slots, and testing each
   * in turn took a tenth of a second of an edit.
   */
  *slotsWithSteps(test: (value: T) => boolean, perStep: number): Generator<void, Set<number>, void> {
    const out = new Set<number>();
    const source = this.source;
    const passes = source ? new Uint8Array(source.values.length) : undefined;
    if (source) {
      for (let i = 0; i < source.values.length; i++) {
        if (i % perStep === perStep - 1) yield;
        if (test(source.values[i])) passes![i] = 1;
      }
    }
    const unmade = source ? source.slotAliases.length : 0;
    let n = 0;
    for (let slot = 0; slot < this.length; slot++) {
      const entry = this.made[slot];
      if (entry !== undefined || slot >= unmade) {
        if (!entry) continue;
        n += entry.values.length;
        if (entry.values.some(test)) out.add(slot);
      } else {
        const { slotStarts, slotValues } = source!;
        const to = slotStarts[slot + 1];
        n += to - slotStarts[slot];
        for (let k = slotStarts[slot]; k < to; k++) {
          if (passes![slotValues[k]] === 1) {
            out.add(slot);
            break;
          }
        }
      }
      if (n > perStep) {
        n = 0;
        yield;
      }
    }
    return out;
  }

  set(slot: number, entry: SlotEntry<T> | undefined): void {
    this.made[slot] = entry ?? null;
  }

  /** A table of its own, with the same entries (an entry is shared until one side copies it) and the same source. */
  slice(): SlotTable<T> {
    return new SlotTable(this.source, this.made.slice());
  }

  /** The slot's entry from the numbers `restoreSteps` checked. */
  private fromSource(source: SlotSource<T>, slot: number): SlotEntry<T> | undefined {
    const { slotStarts, slotValues, slotAliases, values, aliasesOf } = source;
    const from = slotStarts[slot];
    const to = slotStarts[slot + 1];
    let entry: SlotEntry<T> | undefined;
    if (to > from) {
      const first = values[slotValues[from]];
      const alias = aliasesOf(first)[slotAliases[slot]];
      if (to - from === 1) entry = new SlotEntry(alias, first);
      else {
        const list: T[] = new Array(to - from);
        for (let k = from; k < to; k++) list[k - from] = values[slotValues[k]];
        entry = SlotEntry.of(alias, list);
      }
    }
    this.made[slot] = entry ?? null;
    return entry;
  }
}

/** What `AliasMatcher.editSteps` changes: whose aliases go, whose come, and the order of values in the new matcher. */
export interface MatcherEdit<T> {
  /** Values whose aliases are taken out. */
  removed: readonly T[];
  /** Values whose aliases are added, in the new order. */
  added: readonly T[];
  aliasesOf(value: T): readonly string[];
  /** Negative when `a` comes before `b` in the new order. */
  compare(a: T, b: T): number;
  /** A removed value with exactly the same aliases as an added one, if any (the same fact, read again): its aliases are not read again. */
  formerOf?(value: T): T | undefined;
  /**
   * Added values that take the places of removed ones (added value, removed
   * value): each with its former's aliases, and in the new order where its
   * former was in the old, against every other value in its slots.
   */
  replaces?: ReadonlyMap<T, T>;
}

const NO_TAG = (): number => 0;

/** Where the alias `longestFrom` last found ends. */
let longestEnd = 0;

/**
 * Splits text into folded tokens: runs of letters and digits, and each other
 * visible character on its own. Spaces only separate, so "Keir  Starmer" and
 * "Keir\nStarmer" read as the same two tokens. Because a word token is a whole
 * run of letters, a match can never split a word ("Kyiv" is not in "Kyivstar").
 */
function tokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  for (let at = from; scanToken(text, at, to); at = token.end) tokens.push({ hash: token.hash, start: token.start, end: token.end });
  return tokens;
}

/**
 * A matcher as numbers, to be kept between sessions (`AliasMatcher.saved`,
 * `AliasMatcher.restore`): its trie, its filters, and each slot's values as
 * places in a list of values, with which of its first value's aliases it was
 * first reached by.
 */
export interface SavedMatcher {
  trie: SavedTrie;
  firstTokens: Uint32Array;
  wholeTokens: Uint32Array;
  firstPairs: Uint32Array;
  /** Where each slot's values start in `slotValues`, and where the last ends: one more than there are slots. */
  slotStarts: Int32Array;
  slotValues: Int32Array;
  /** By slot: the place of its alias among its first value's aliases (-1 for a slot with no values). */
  slotAliases: Int32Array;
}

/** What a matcher is made of: a new one made `from` them takes them as they are. */
interface MatcherParts<T> {
  trie: TokenTrie;
  entries: SlotTable<T>;
  firstTokens: Uint32Array;
  wholeTokens: Uint32Array;
  firstPairs: Uint32Array;
  count: number;
}

/** Bits of the token filters: a million, so that packs of 100k facts do not fill them. */
const FILTER_BITS = 20;
const FILTER_MASK = (1 << FILTER_BITS) - 1;

function newFilter(): Uint32Array {
  return new Uint32Array(1 << (FILTER_BITS - 5));
}

function setBit(filter: Uint32Array, hash: number): void {
  const b = hash & FILTER_MASK;
  filter[b >>> 5] |= 1 << (b & 31);
}

function hasBit(filter: Uint32Array, hash: number): boolean {
  const b = hash & FILTER_MASK;
  return ((filter[b >>> 5] >>> (b & 31)) & 1) === 1;
}

/** One hash for two tokens in order. */
function pairHash(first: number, second: number): number {
  return (Math.imul(first ^ (first >>> 15), 0x2c1b3c6d) + second) | 0;
}

/** The longest alias the matcher accepts, in characters; bounds the window read around a hover. */
export const MAX_ALIAS_LENGTH = 200;

/**
 * Finding a value's slot for one alias walks the trie token by token; a
 * matcher edit goes through every slot's values instead where the aliases to
 * walk are more than 1/SCAN_OVER_WALKS of the values (a walk measured about
 * as long as looking at 30 values).
 */
const SCAN_OVER_WALKS = 32;

/**
 * Finds aliases in text: case, quote marks, dashes and spacing are ignored,
 * matches respect word boundaries, and the longest alias wins where several
 * start at the same place. A trie over tokens keeps a scan linear in the text.
 */
export class AliasMatcher<T> {
  private trie: TokenTrie;
  /** By slot: what the alias of a trie node stands for in this matcher. */
  private entries: SlotTable<T>;
  private count: number;
  /**
   * Hashes of the tokens aliases start with, of aliases that are one token,
   * and of the first two tokens of the others: a scan of a whole draft skips,
   * without slicing it, every word that starts no alias, and "the" unless the
   * next word can follow it in one ("The Hague").
   */
  private firstTokens: Uint32Array;
  private wholeTokens: Uint32Array;
  private firstPairs: Uint32Array;
  /** The slots of each shared list of aliases this matcher was given (`addShared`). */
  private readonly sharedSlots = new WeakMap<readonly string[], Int32Array>();

  /**
   * `aliases`: about how many aliases will be added, to make room for them at
   * once. `from`: the parts to make it of, taken as they are (`editSteps`
   * gives copies of its own, `restoreSteps` the ones it read): nothing is
   * made that they would replace.
   */
  constructor(aliases = 0, from?: MatcherParts<T>) {
    if (from) {
      this.trie = from.trie;
      this.entries = from.entries;
      this.firstTokens = from.firstTokens;
      this.wholeTokens = from.wholeTokens;
      this.firstPairs = from.firstPairs;
      this.count = from.count;
    } else {
      this.trie = new TokenTrie(Math.max(64, Math.ceil(aliases * 1.125)));
      this.entries = new SlotTable<T>();
      this.firstTokens = newFilter();
      this.wholeTokens = newFilter();
      this.firstPairs = newFilter();
      this.count = 0;
    }
  }

  add(alias: string, value: T): void {
    this.addAt(this.slotOf(alias, true), alias, value);
  }

  /**
   * `add` for each alias of a list that many values share (a date's generated
   * aliases, shared by every fact of that day): the trie is walked for the
   * list once, and every later value of the same list goes to its slots.
   */
  addShared(aliases: readonly string[], value: T): void {
    let slots = this.sharedSlots.get(aliases);
    if (!slots) this.sharedSlots.set(aliases, (slots = Int32Array.from(aliases, (alias) => this.slotOf(alias, true))));
    for (let i = 0; i < slots.length; i++) this.addAt(slots[i], aliases[i], value);
  }

  private addAt(slot: number, alias: string, value: T): void {
    if (slot < 0) return;
    const entry = this.entries.get(slot);
    if (!entry) {
      this.entries.set(slot, new SlotEntry(alias, value));
      this.count++;
    } else if (!entry.has(value)) {
      entry.values.push(value);
      this.count++;
    }
  }

  /**
   * The slot of the trie node an alias's tokens lead to; -1 for an alias not
   * indexed (too long, no token) or, unless `place`, not in the trie. With
   * `place`, the node is made where missing and the filters' bits set. Token
   * by token, without a list of them: a fact base of 100k facts has a million
   * aliases to add.
   */
  private slotOf(alias: string, place: boolean): number {
    if (alias.length > MAX_ALIAS_LENGTH) return -1;
    const to = alias.length;
    const trie = this.trie;
    let node = ROOT;
    let first = 0;
    let tokens = 0;
    for (let at = 0; scanToken(alias, at, to); at = token.end) {
      const hash = token.hash;
      if (tokens === 0) first = hash;
      else if (tokens === 1 && place) setBit(this.firstPairs, pairHash(first, hash));
      tokens++;
      let child = trie.child(node, hash, alias, token.start, token.end);
      if (child < 0) {
        if (!place) return -1;
        child = trie.addChild(node, hash, alias, token.start, token.end);
      }
      node = child;
    }
    if (tokens === 0 || !place) return tokens === 0 ? -1 : trie.slot(node);
    setBit(this.firstTokens, first);
    if (tokens === 1) setBit(this.wholeTokens, first);
    return trie.slotFor(node);
  }

  /** What the alias ending at `node` stands for here. */
  private entryAt(node: number): SlotEntry<T> | undefined {
    const slot = this.trie.slot(node);
    return slot < 0 ? undefined : this.entries.get(slot);
  }

  /** Room made in its trie for the aliases of a next edit, ahead of it (`TokenTrie.roomSteps`). */
  *roomSteps(): Generator<void, void, void> {
    yield* this.trie.roomSteps();
  }

  /**
   * A new matcher that finds what this one finds, less the aliases of the
   * `removed` values and plus those of the `added` ones, exactly as one built
   * by `add` in the new order would (`edit.compare` orders the values of an
   * alias), leaving this one finding what it found: it keeps answering while
   * the new one is made. The two share the trie, to which the new one adds
   * only the aliases never seen before; only the slots of changed aliases
   * are copied, so a fact base where one pack changed is not indexed whole
   * again. A value that `edit.replaces` takes its former's places, and each
   * slot that loses or swaps values is gone through once, however many of
   * its values change (a date's alias can stand for thousands of facts).
   * The filters keep the bits of removed aliases: a scan then looks a little
   * further at those words, and finds the same. Yields every
   * `valuesPerStep` values, or as many slot places gone through.
   */
  *editSteps(edit: MatcherEdit<T>, valuesPerStep = 100): Generator<void, AliasMatcher<T>, void> {
    // Its own entries and filters, the trie shared.
    const trie = this.trie;
    const out = new AliasMatcher<T>(0, {
      trie,
      entries: this.entries.slice(),
      firstTokens: this.firstTokens.slice(),
      wholeTokens: this.wholeTokens.slice(),
      firstPairs: this.firstPairs.slice(),
      count: this.count,
    });
    /** Slots whose entry is the new matcher's own copy. */
    const copied = new Set<number>();
    const own = (slot: number): SlotEntry<T> | undefined => {
      const entry = out.entries.get(slot);
      if (!entry || copied.has(slot)) return entry;
      copied.add(slot);
      const copy = SlotEntry.of(entry.alias, entry.values.slice());
      out.entries.set(slot, copy);
      return copy;
    };
    /** The slot of each of a value's aliases (-1 for one not indexed), found once and kept with the trie. */
    const slotsOf = (value: T, place: boolean): Int32Array => {
      let slots = trie.slotsOf.get(value as object);
      if (slots) return slots;
      const former = edit.formerOf?.(value);
      slots = former === undefined ? undefined : trie.slotsOf.get(former as object);
      if (!slots) {
        // A former value with the same aliases set the filters' bits already.
        slots = Int32Array.from(edit.aliasesOf(value), (alias) => out.slotOf(alias, place));
      }
      if (typeof value === 'object' && value !== null) trie.slotsOf.set(value, slots);
      return slots;
    };
    /** Slots whose first value went: their alias is that of the new first value, found at the end. */
    const renamed = new Set<number>();
    let n = 0;

    // The values that go, or that a new value takes the places of, slot by slot.
    const gone = new Set<T>(edit.removed);
    const successor = new Map<T, T>();
    for (const [value, former] of edit.replaces ?? []) {
      if (gone.delete(former)) successor.set(former, value);
    }
    /** Each leaving value, to its successor or to nothing: one look-up for each value of a slot gone through. */
    const leavesFor = new Map<T, T | undefined>();
    for (const v of gone) leavesFor.set(v, undefined);
    for (const [former, value] of successor) leavesFor.set(former, value);
    // The slots of a matcher read from a snapshot are not known value by value: where many leaving values' are
    // not, going through every slot once is quicker than finding theirs alias by alias in the trie.
    let unknown = 0;
    for (const value of leavesFor.keys()) if (!trie.slotsOf.has(value as object)) unknown += edit.aliasesOf(value).length;
    let touched = new Set<number>();
    if (unknown * SCAN_OVER_WALKS > this.count) {
      touched = yield* out.entries.slotsWithSteps((v) => leavesFor.has(v), valuesPerStep * 20);
    } else {
      for (const value of leavesFor.keys()) {
        if (++n % valuesPerStep === 0) yield;
        for (const slot of slotsOf(value, false)) if (slot >= 0 && out.entries.get(slot)) touched.add(slot);
      }
    }
    let places = 0;
    for (const slot of touched) {
      const before = out.entries.get(slot)!;
      const length = before.values.length;
      if ((places += length) > valuesPerStep * 20) {
        places = 0;
        yield;
      }
      const values: T[] = [];
      for (const v of before.values) {
        if (!leavesFor.has(v)) values.push(v);
        else {
          const next = leavesFor.get(v);
          if (next !== undefined) values.push(next);
        }
      }
      out.count -= length - values.length;
      copied.add(slot);
      if (values.length === 0) {
        out.entries.set(slot, undefined);
        continue;
      }
      out.entries.set(slot, SlotEntry.of(before.alias, values));
      // A first value replaced keeps the alias: a successor has its former's aliases.
      if (gone.has(before.values[0])) renamed.add(slot);
    }
    for (const [former, value] of successor) {
      // Where a former's slots are not known, its successor's are found when first asked for.
      const slots = trie.slotsOf.get(former as object);
      if (slots) trie.slotsOf.set(value as object, slots);
    }

    // A successor is in its former's places already.
    const succeeds = (value: T): boolean => {
      const former = edit.replaces?.get(value);
      return former !== undefined && successor.get(former) === value;
    };
    // Room in the trie for every alias of the values that are not successors, were each new: it is not grown at once.
    let room = 0;
    for (const value of edit.added) if (!succeeds(value)) for (const alias of edit.aliasesOf(value)) room += alias.length;
    yield* trie.reserveSteps(room, room * 2, valuesPerStep * 2000);
    for (const value of edit.added) {
      if (++n % valuesPerStep === 0) yield;
      if (succeeds(value)) continue;
      const aliases = edit.aliasesOf(value);
      const slots = slotsOf(value, true);
      for (let i = 0; i < slots.length; i++) {
        const slot = slots[i];
        if (slot < 0) continue;
        const entry = own(slot);
        if (!entry) {
          copied.add(slot);
          out.entries.set(slot, new SlotEntry(aliases[i], value));
          out.count++;
          renamed.delete(slot);
          continue;
        }
        // Values are in the new order: a date alias can stand for thousands of facts.
        const values = entry.values;
        let at = 0;
        let end = values.length;
        while (at < end) {
          const mid = (at + end) >>> 1;
          if (edit.compare(values[mid], value) < 0) at = mid + 1;
          else end = mid;
        }
        if (values[at] === value) continue;
        values.splice(at, 0, value);
        out.count++;
        if (at === 0) {
          entry.alias = aliases[i];
          renamed.delete(slot);
        }
      }
    }

    // The alias of a node is the one its first value reached it by first.
    for (const slot of renamed) {
      const entry = out.entries.get(slot);
      if (entry) entry.alias = edit.aliasesOf(entry.values[0])[slotsOf(entry.values[0], false).indexOf(slot)];
    }
    return out;
  }

  get size(): number {
    return this.count;
  }

  /**
   * This matcher as numbers (see SavedMatcher): each value as its place
   * (`placeOf`), each slot's alias as its place among its first value's
   * aliases. Undefined where a value has no place or an alias is not among
   * its value's aliases. In steps: it yields every `perStep` slots.
   */
  *savedSteps(
    placeOf: (value: T) => number | undefined,
    aliasesOf: (value: T) => readonly string[],
    perStep = 5000,
  ): Generator<void, SavedMatcher | undefined, void> {
    const slots = this.trie.slots;
    const slotStarts = new Int32Array(slots + 1);
    const slotAliases = new Int32Array(slots).fill(-1);
    const slotValues = new Int32Array(this.count);
    let n = 0;
    for (let s = 0; s < slots; s++) {
      if (s % perStep === 0) yield;
      slotStarts[s] = n;
      const entry = this.entries.get(s);
      if (!entry) continue;
      const values = entry.values;
      for (const v of values) {
        const at = placeOf(v);
        if (at === undefined || n >= slotValues.length) return undefined;
        slotValues[n++] = at;
      }
      slotAliases[s] = aliasesOf(values[0]).indexOf(entry.alias);
      if (slotAliases[s] < 0) return undefined;
    }
    slotStarts[slots] = n;
    if (n !== slotValues.length) return undefined;
    return {
      trie: this.trie.saved(),
      firstTokens: this.firstTokens,
      wholeTokens: this.wholeTokens,
      firstPairs: this.firstPairs,
      slotStarts,
      slotValues,
      slotAliases,
    };
  }

  /**
   * The matcher a saved one was, its values read from `values` by place, made
   * in steps (it yields every `perStep` slots). Throws where the numbers do
   * not fit together (a place outside `values`, an alias its value does not
   * have, a trie out of range).
   */
  static *restoreSteps<T>(
    saved: SavedMatcher,
    values: readonly T[],
    aliasesOf: (value: T) => readonly string[],
    perStep = 5000,
  ): Generator<void, AliasMatcher<T>, void> {
    const { slotStarts, slotValues, slotAliases } = saved;
    const trie = yield* TokenTrie.restoreSteps(saved.trie, perStep * 4);
    const slots = trie.slots;
    if (slotStarts.length !== slots + 1 || slotAliases.length !== slots || slotStarts[slots] !== slotValues.length)
      throw new Error('slots do not match the trie');
    const { firstTokens, wholeTokens, firstPairs } = saved;
    for (const f of [firstTokens, wholeTokens, firstPairs]) if (f.length !== 1 << (FILTER_BITS - 5)) throw new Error('a filter of a wrong size');
    // Every slot's numbers are checked now; its entry is made when first read (SlotTable).
    for (let s = 0; s < slots; s++) {
      if (s % perStep === 0) yield;
      const from = slotStarts[s];
      const to = slotStarts[s + 1];
      if (from === to) continue;
      if (from > to || to > slotValues.length) throw new Error('slots out of order');
      const first = values[slotValues[from]];
      if (first === undefined || aliasesOf(first)[slotAliases[s]] === undefined) throw new Error("a slot whose alias is not its value's");
      for (let k = from + 1; k < to; k++) if (values[slotValues[k]] === undefined) throw new Error('a slot value out of range');
    }
    const entries = new SlotTable<T>({ slotStarts, slotValues, slotAliases, values, aliasesOf });
    // The filters are taken as they are, as the trie's arrays are: a matcher is never added to once built (an edit adds to its own copies).
    return new AliasMatcher<T>(0, { trie, entries, firstTokens, wholeTokens, firstPairs, count: slotValues.length });
  }

  /** Every alias that is a whole match, leftmost-longest, without overlaps. */
  findAll(text: string): AliasMatch<T>[] {
    const packed = this.findAllPacked(text, 0, [], NO_TAG);
    const out: AliasMatch<T>[] = new Array(packed.length / 4);
    for (let i = 0, k = 0; i < packed.length; i += 4, k++) {
      const entry = packed[i + 2] as AliasEntry<T>;
      out[k] = { start: packed[i] as number, end: packed[i + 1] as number, alias: entry.alias, values: entry.values };
    }
    return out;
  }

  /** `findAll`, packed into `out` (start, end, entry and `tag` of the entry, in turn), each offset moved by `at`; returns `out`. */
  findAllPacked(text: string, at: number, out: PackedMatches<T>, tag: (entry: AliasEntry<T>) => number): PackedMatches<T> {
    const n = text.length;
    const first = this.firstTokens;
    const whole = this.wholeTokens;
    const pairs = this.firstPairs;
    for (let i = 0; scanToken(text, i, n);) {
      const start = token.start;
      const end = token.end;
      const hash = token.hash;
      if (!hasBit(first, hash) || (!hasBit(whole, hash) && !hasBit(pairs, pairHash(hash, hashAt(text, end, n))))) {
        i = end;
        continue;
      }
      const entry = this.longestFrom(text, start, n);
      if (entry) {
        out.push(start + at, longestEnd + at, entry, tag(entry));
        i = longestEnd;
      } else i = end;
    }
    return out;
  }

  /** The entry of the longest alias starting with the token at `start`, reading tokens only as far as the trie goes; it ends at `longestEnd`. */
  private longestFrom(text: string, start: number, to: number): AliasEntry<T> | undefined {
    const trie = this.trie;
    let node = ROOT;
    let pos = start;
    let best: AliasEntry<T> | undefined;
    while (trie.hasChildren(node) && scanToken(text, pos, to)) {
      const child = trie.child(node, token.hash, text, token.start, token.end);
      if (child < 0) break;
      node = child;
      pos = token.end;
      const entry = this.entryAt(node);
      if (entry) {
        best = entry;
        longestEnd = token.end;
      }
    }
    return best;
  }

  /** Every alias occurrence that covers `offset`, longest first. */
  findAt(text: string, offset: number): AliasMatch<T>[] {
    const from = Math.max(0, offset - MAX_ALIAS_LENGTH);
    const to = Math.min(text.length, offset + MAX_ALIAS_LENGTH);
    const tokens = tokenize(text, this.wordStart(text, from), this.wordEnd(text, to));
    const out: AliasMatch<T>[] = [];
    for (let i = 0; i < tokens.length && tokens[i].start <= offset; i++) {
      let node = ROOT;
      for (let j = i; j < tokens.length && node >= 0; j++) {
        node = this.trie.child(node, tokens[j].hash, text, tokens[j].start, tokens[j].end);
        const entry = node >= 0 ? this.entryAt(node) : undefined;
        if (entry && tokens[j].end >= offset) {
          out.push({ start: tokens[i].start, end: tokens[j].end, alias: entry.alias, values: entry.values });
        }
      }
    }
    return out.sort((a, b) => b.end - b.start - (a.end - a.start));
  }

  private wordStart(text: string, offset: number): number {
    let i = offset;
    while (i > 0 && isWordCharCode(foldCode(text.charCodeAt(i - 1)))) i--;
    return i;
  }

  private wordEnd(text: string, offset: number): number {
    let i = offset;
    while (i < text.length && isWordCharCode(foldCode(text.charCodeAt(i)))) i++;
    return i;
  }
}
