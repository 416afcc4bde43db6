import type { SavedMatcher } from './aliasMatcher';
import type { FactIndex, IndexMemo } from './factIndex';
import { STATUSES, type Problem } from '../types';
import { toEnd } from '../steps';
import { asciiText, readUtf8, type ReadText } from '../packs/asciiJson';

// A built index as bytes, kept between sessions beside the cache of parsed
// packs (PackCache): a window reload whose packs are those of the last build
// (the same texts, labels, evidence and options: see PackCache.snapshotKey)
// takes each fact's judged outcome and the alias trie from it instead of
// judging every fact and adding every alias again. It holds only what the
// build worked out, as numbers: the facts themselves come from the packs,
// and the entries are made from them as a build makes them (factIndex.ts).

/**
 * What a snapshot's outcome of a fact may depend on besides its packs: raise
 * with every change to how an index is built (factIndex.ts, status.ts, the
 * date aliases, the matcher); a unit test (indexSnapshot.test.ts) fails when
 * those files changed and this did not.
 */
export const INDEX_SNAPSHOT_VERSION = '2026-12-05.2';

/** The outcomes of a build's accepted facts (in the order the build accepts them) and its matcher. */
export interface IndexSnapshot {
  /** Facts accepted (not a repeated id, within the cap); `entries` of them are in the index. */
  accepted: number;
  entries: number;
  /** Ids and reasons, referred to by place. */
  strings: string[];
  /** By accepted fact: 1 where its checks passed. */
  ok: Uint8Array;
  /** By accepted fact: its status's place in STATUSES, the place of its reason in `strings`, its independent origins. */
  status: Uint8Array;
  reasons: Int32Array;
  origins: Int32Array;
  /**
   * The ids each fact looked up, as places in `strings`: fact i's sources are
   * `looks[lookStarts[2i]..lookStarts[2i+1]]`, the facts whose kinds it read
   * `looks[lookStarts[2i+1]..lookStarts[2i+2]]`.
   */
  lookStarts: Int32Array;
  looks: Int32Array;
  /** The problems of the facts that had any, by accepted fact. */
  problems: Map<number, readonly Problem[]>;
  matcher: SavedMatcher;
}

interface Head {
  version: string;
  accepted: number;
  entries: number;
  /** How many lines of strings follow the head's. */
  stringLines: number;
  problems: [number, Problem[]][];
  slots: number;
  edgeCount: number;
  /** Byte length of each array, in ARRAYS order. */
  arrays: number[];
}

type ArrayName = 'ok' | 'status' | 'reasons' | 'origins' | 'lookStarts' | 'looks' | MatcherArray | TrieArray;
type MatcherArray = 'firstTokens' | 'wholeTokens' | 'firstPairs' | 'slotStarts' | 'slotValues' | 'slotAliases';
type TrieArray = 'nodeData' | 'chars' | 'edges';

/** The arrays in the order they are written, each with its type. */
const ARRAYS: [ArrayName, { BYTES_PER_ELEMENT: number; new (buffer: ArrayBuffer, offset?: number, length?: number): ArrayLike<number> }][] = [
  ['ok', Uint8Array],
  ['status', Uint8Array],
  ['reasons', Int32Array],
  ['origins', Int32Array],
  ['lookStarts', Int32Array],
  ['looks', Int32Array],
  ['firstTokens', Uint32Array],
  ['wholeTokens', Uint32Array],
  ['firstPairs', Uint32Array],
  ['slotStarts', Int32Array],
  ['slotValues', Int32Array],
  ['slotAliases', Int32Array],
  ['nodeData', Int32Array],
  ['chars', Uint16Array],
  ['edges', Int32Array],
];

const encoder = new TextEncoder();

/** Whether this machine keeps numbers little-endian, as every machine VS Code runs on does; a snapshot is not kept elsewhere. */
export const SNAPSHOTS_KEPT = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * Strings a line: a line is read in a step. The strings of 100,000 facts
 * (1.4 million characters) read in one took the host 12–14 ms at once.
 */
const STRINGS_PER_LINE = 8192;

/** Bytes of an array copied into a snapshot a step (see encodeSnapshotSteps). */
const COPY_STEP = 1024 * 1024;

/**
 * The snapshot as bytes: a line of JSON (the problems, the arrays' lengths),
 * lines of the strings, then the arrays, each from a multiple of 4. In steps: a
 * megabyte of an array is copied a step.
 */
export function* encodeSnapshotSteps(s: IndexSnapshot): Generator<void, Uint8Array, void> {
  const arrays: Record<ArrayName, ArrayBufferView> = {
    ok: s.ok,
    status: s.status,
    reasons: s.reasons,
    origins: s.origins,
    lookStarts: s.lookStarts,
    looks: s.looks,
    firstTokens: s.matcher.firstTokens,
    wholeTokens: s.matcher.wholeTokens,
    firstPairs: s.matcher.firstPairs,
    slotStarts: s.matcher.slotStarts,
    slotValues: s.matcher.slotValues,
    slotAliases: s.matcher.slotAliases,
    nodeData: s.matcher.trie.nodeData,
    chars: s.matcher.trie.chars,
    edges: s.matcher.trie.edges,
  };
  const head: Head = {
    version: INDEX_SNAPSHOT_VERSION,
    accepted: s.accepted,
    entries: s.entries,
    stringLines: Math.ceil(s.strings.length / STRINGS_PER_LINE),
    problems: [...s.problems].map(([i, p]) => [i, [...p]]),
    slots: s.matcher.trie.slots,
    edgeCount: s.matcher.trie.edgeCount,
    arrays: ARRAYS.map(([name]) => arrays[name].byteLength),
  };
  // As ASCII (asciiJson.ts): a host reads it back faster.
  const lines = [asciiText(JSON.stringify(head))];
  for (let i = 0; i < s.strings.length; i += STRINGS_PER_LINE) lines.push(asciiText(JSON.stringify(s.strings.slice(i, i + STRINGS_PER_LINE))));
  const headBytes = encoder.encode(`${lines.join('\n')}\n`);
  let size = padded(headBytes.length);
  for (const n of head.arrays) size += padded(n);
  const out = new Uint8Array(size);
  out.set(headBytes);
  let at = padded(headBytes.length);
  for (const [name] of ARRAYS) {
    const a = arrays[name];
    const bytes = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
    // A megabyte a step: the first write to new memory costs the system its pages (here 115–147 ms for 41 MB,
    // against 3 ms to copy them again), and the largest arrays of 100,000 facts are megabytes each.
    for (let from = 0; from === 0 || from < bytes.length; from += COPY_STEP) {
      yield;
      out.set(bytes.subarray(from, from + COPY_STEP), at + from);
    }
    at += padded(a.byteLength);
  }
  return out;
}

/** `encodeSnapshotSteps` at once. */
export function encodeSnapshot(s: IndexSnapshot): Uint8Array {
  return toEnd(encodeSnapshotSteps(s));
}

function padded(n: number): number {
  return (n + 3) & ~3;
}

/** Numbers checked between two turns of `between`. */
const CHECKS_PER_STEP = 100_000;

/**
 * A snapshot read back, in steps (`between` runs between them, to let the
 * host answer requests). Throws on bytes that are not one of this version, or
 * whose numbers do not fit together (every place within what it refers to);
 * the matcher's own numbers are checked when it is restored. Its lines are
 * made text by `text` (the host's quickest: see asciiJson.ts).
 */
export async function decodeSnapshot(
  bytes: Uint8Array,
  between: () => Promise<void> = async () => undefined,
  text: ReadText = readUtf8,
): Promise<IndexSnapshot> {
  const end = bytes.indexOf(10);
  if (end < 0) throw new Error('no head');
  const head = JSON.parse(text(bytes.subarray(0, end))) as Head;
  if (head.version !== INDEX_SNAPSHOT_VERSION) throw new Error('another version');
  if (
    !Number.isSafeInteger(head.stringLines) ||
    head.stringLines < 0 ||
    !Array.isArray(head.problems) ||
    !Array.isArray(head.arrays) ||
    head.arrays.length !== ARRAYS.length
  ) {
    throw new Error('not a snapshot head');
  }
  const strings: string[] = [];
  let from = end + 1;
  for (let k = 0; k < head.stringLines; k++) {
    await between();
    const lineEnd = bytes.indexOf(10, from);
    if (lineEnd < 0) throw new Error('strings cut short');
    const line = JSON.parse(text(bytes.subarray(from, lineEnd))) as unknown;
    if (!Array.isArray(line)) throw new Error('a line of strings that is not a list');
    for (const s of line) strings.push(s as string);
    from = lineEnd + 1;
  }
  // Read where they lie when the bytes are aligned for them (the cache writes them so): tens of megabytes are not
  // copied again, which at once would make the engine collect its whole heap. Else each is copied to a buffer of its own.
  const a = {} as Record<ArrayName, ArrayLike<number>>;
  let at = padded(from);
  for (let i = 0; i < ARRAYS.length; i++) {
    const [name, Type] = ARRAYS[i];
    const n = head.arrays[i];
    await between();
    if (!Number.isSafeInteger(n) || n < 0 || n % Type.BYTES_PER_ELEMENT !== 0 || at + n > bytes.length) throw new Error(`array ${name} out of range`);
    const offset = bytes.byteOffset + at;
    if (offset % Type.BYTES_PER_ELEMENT === 0) a[name] = new Type(bytes.buffer as ArrayBuffer, offset, n / Type.BYTES_PER_ELEMENT);
    else {
      // Copied with `set`: a Node Buffer's `slice` is a view into its pool, not a copy.
      const copy = new Uint8Array(n);
      copy.set(bytes.subarray(at, at + n));
      a[name] = new Type(copy.buffer);
    }
    at += padded(n);
  }
  const accepted = head.accepted;
  if (!Number.isSafeInteger(accepted) || !Number.isSafeInteger(head.entries) || head.entries > accepted) throw new Error('counts out of range');
  if (strings.some((s) => typeof s !== 'string')) throw new Error('a string that is not one');
  const ok = a.ok as Uint8Array;
  const status = a.status as Uint8Array;
  const reasons = a.reasons as Int32Array;
  const origins = a.origins as Int32Array;
  const lookStarts = a.lookStarts as Int32Array;
  const looks = a.looks as Int32Array;
  if ([ok, status, reasons, origins].some((x) => x.length !== accepted) || lookStarts.length !== 2 * accepted + 1)
    throw new Error('outcomes of a wrong length');
  let entries = 0;
  for (let i = 0; i < accepted; i++) {
    if (i % CHECKS_PER_STEP === 0) await between();
    entries += ok[i];
    if (ok[i] > 1 || status[i] >= STATUSES.length || reasons[i] < 0 || reasons[i] >= strings.length) throw new Error('an outcome out of range');
  }
  if (entries < head.entries) throw new Error('fewer facts passed than there are entries');
  for (let i = 0; i < lookStarts.length; i++) {
    if (i % CHECKS_PER_STEP === 0) await between();
    if (lookStarts[i] < (i > 0 ? lookStarts[i - 1] : 0) || lookStarts[i] > looks.length) throw new Error('lookups out of order');
  }
  for (let i = 0; i < looks.length; i++) {
    if (i % CHECKS_PER_STEP === 0) await between();
    if (looks[i] < 0 || looks[i] >= strings.length) throw new Error('a lookup out of range');
  }
  const problems = new Map<number, readonly Problem[]>();
  for (const [i, list] of head.problems) {
    if (!Number.isSafeInteger(i) || i < 0 || i >= accepted || !Array.isArray(list)) throw new Error('problems out of range');
    problems.set(i, list);
  }
  return {
    accepted,
    entries: head.entries,
    strings,
    ok,
    status,
    reasons,
    origins,
    lookStarts,
    looks,
    problems,
    matcher: {
      trie: { slots: head.slots, edgeCount: head.edgeCount, nodeData: a.nodeData as Int32Array, chars: a.chars as Uint16Array, edges: a.edges as Int32Array },
      firstTokens: a.firstTokens as Uint32Array,
      wholeTokens: a.wholeTokens as Uint32Array,
      firstPairs: a.firstPairs as Uint32Array,
      slotStarts: a.slotStarts as Int32Array,
      slotValues: a.slotValues as Int32Array,
      slotAliases: a.slotAliases as Int32Array,
    },
  };
}

/** `snapshotSteps` at once. */
export function snapshotOf(index: FactIndex, memo: IndexMemo): IndexSnapshot | undefined {
  return toEnd(snapshotSteps(index, memo));
}

/**
 * The snapshot of the index a memo's last build made (`index` must be it: a
 * build with a memo keeps, in the index's shares, the outcome of each fact
 * it accepted with what it looked up), made in steps (it yields
 * every `perStep` facts and slots). Undefined where the index is not the
 * memo's last, or its matcher cannot be written as numbers.
 */
export function* snapshotSteps(index: FactIndex, memo: IndexMemo, perStep = 2000): Generator<void, IndexSnapshot | undefined, void> {
  if (memo.previous !== index) return undefined;
  let n = 0;
  const strings: string[] = [];
  const places = new Map<string, number>();
  const place = (s: string): number => {
    let at = places.get(s);
    if (at === undefined) places.set(s, (at = strings.push(s) - 1));
    return at;
  };
  const ok: number[] = [];
  const status: number[] = [];
  const reasons: number[] = [];
  const origins: number[] = [];
  const lookStarts: number[] = [0];
  const looks: number[] = [];
  const problems = new Map<number, readonly Problem[]>();
  // The facts the build accepted, in its order, with their outcomes.
  for (const share of index.shares) {
    for (const { kept } of share.accepted) {
      if (++n % perStep === 0) {
        yield;
        // A newer build replaced the memo's last index: this one is no longer the store's.
        if (memo.previous !== index) return undefined;
      }
      if (!kept) return undefined;
      const { outcome } = kept;
      if (outcome.problems.length > 0) problems.set(ok.length, outcome.problems);
      ok.push(outcome.ok ? 1 : 0);
      status.push(outcome.ok ? STATUSES.indexOf(outcome.status!) : 0);
      reasons.push(place(outcome.ok ? outcome.statusReason! : ''));
      origins.push(outcome.origins ?? 0);
      for (let k = 0; k < kept.sources.length; k += 2) looks.push(place(kept.sources[k] as string));
      lookStarts.push(looks.length);
      for (let k = 0; k < kept.kinds.length; k += 2) looks.push(place(kept.kinds[k] as string));
      lookStarts.push(looks.length);
    }
  }
  const matcher = yield* index.matcher.savedSteps(
    (e) => index.positionOf(e),
    (e) => e.aliases,
    perStep * 2,
  );
  if (!matcher) return undefined;
  return {
    accepted: ok.length,
    entries: index.facts.length,
    strings,
    ok: Uint8Array.from(ok),
    status: Uint8Array.from(status),
    reasons: Int32Array.from(reasons),
    origins: Int32Array.from(origins),
    lookStarts: Int32Array.from(lookStarts),
    looks: Int32Array.from(looks),
    problems,
    matcher,
  };
}
