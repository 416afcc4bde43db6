import { foldCode, isWordCharCode } from '../document/text';
import { toEnd } from '../steps';

/**
 * Reading folded tokens, and the trie of them that the alias matcher walks.
 *
 * A token is a run of letters and digits, or one other visible character;
 * spaces only separate. Tokens are read in place, folded (case, quote marks,
 * dashes) character by character, with a hash of the folded text: nothing is
 * sliced or allocated, as most words of a draft start no alias.
 */

/** What `scanToken` (or `readWord`) read last: where it starts and ends, and the hash of its folded text. */
export const token = { start: 0, end: 0, hash: 0 };

function isAsciiWordCode(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
}

/**
 * Reads a run of letters and digits from `i` (whose folded code is `first`),
 * folding as it goes, and returns where it ends; leaves the folded run's hash
 * in `token.hash`.
 */
function readWord(text: string, i: number, to: number, first: number): number {
  let h = first;
  let j = i + 1;
  while (j < to) {
    const c = text.charCodeAt(j);
    let f: number;
    if (c < 128) {
      if (!isAsciiWordCode(c)) break;
      f = c >= 65 && c <= 90 ? c + 32 : c;
    } else {
      f = foldCode(c);
      if (!isWordCharCode(f)) break;
    }
    h = (Math.imul(h, 31) + f) | 0;
    j++;
  }
  token.hash = h;
  return j;
}

/** The folded code of a character as tokens read it: spaces of every kind are 32. */
function tokenCode(raw: number): number {
  return raw < 128 ? (raw >= 65 && raw <= 90 ? raw + 32 : raw >= 9 && raw <= 13 ? 32 : raw === 96 ? 39 : raw) : foldCode(raw);
}

/**
 * Reads the first token at or after `i` (before `to`) into `token`; false at
 * the end. A word's hash is `readWord`'s; another character's is its code.
 */
export function scanToken(text: string, i: number, to: number): boolean {
  while (i < to) {
    const raw = text.charCodeAt(i);
    const code = tokenCode(raw);
    if (code === 32) {
      i++;
      continue;
    }
    token.start = i;
    if (raw < 128 ? isAsciiWordCode(raw) : isWordCharCode(code)) {
      token.end = readWord(text, i, to, code);
    } else {
      token.end = i + 1;
      token.hash = code;
    }
    return true;
  }
  return false;
}

/** The hash of the first token at or after `i`; 0 at the end. Moves `token`. */
export function hashAt(text: string, i: number, to: number): number {
  return scanToken(text, i, to) ? token.hash : 0;
}

/** `array`, or a copy half as large again with room for `size`. */
function grown<A extends Int32Array | Uint16Array>(array: A, size: number): A {
  return size <= array.length ? array : toEnd(grownSteps(array, size, Infinity));
}

/** `grown` a slice of `perStep` numbers at a time (`array` must not change meanwhile). */
function* grownSteps<A extends Int32Array | Uint16Array>(array: A, size: number, perStep: number): Generator<void, A, void> {
  const out = new (array.constructor as new (n: number) => A)(Math.max(size, Math.ceil(array.length * 1.5)));
  for (let at = 0; at < array.length; at += perStep) {
    out.set(array.subarray(at, at + perStep), at);
    yield;
  }
  return out;
}

/** The root node of every trie. */
export const ROOT = 0;

/** What `TokenTrie.saved` gives and `TokenTrie.restore` takes. */
export interface SavedTrie {
  slots: number;
  edgeCount: number;
  nodeData: Int32Array;
  chars: Uint16Array;
  edges: Int32Array;
}

/**
 * A trie over folded tokens, kept in flat typed arrays: a node is a number,
 * its token's folded characters lie in one array of character codes, and the
 * edges are one open-addressed hash table keyed by parent and token hash. A
 * step from a node compares the token's characters where they lie in the
 * text, so two tokens that share a hash are still told apart. A fact base
 * of 100k facts has some 400,000 nodes: as objects with a map of children,
 * they were most of the matcher's memory and of the time it took to build.
 *
 * Nodes are only ever added: a matcher edited from another shares its trie
 * (see `AliasMatcher.editSteps`), and a node added for the newer one has no
 * slot in the older one's table.
 */
export class TokenTrie {
  /** Slots handed out: each node where an alias ends has one. */
  slots = 0;
  /** For values added or removed by an edit: the slot of each of their aliases (see `AliasMatcher.editSteps`). */
  readonly slotsOf = new WeakMap<object, Int32Array>();

  private nodes = 1;
  /** By node, three numbers: its slot (-1 for none), how many children it has, and where its token lies in `chars`. */
  private nodeData: Int32Array;
  /** Each token in turn: its length, then its folded character codes. */
  private chars: Uint16Array;
  private charCount = 0;
  /**
   * The edges: an open-addressed hash table of three numbers a place, the
   * parent, the token's hash and the child (0, the root, where the place is
   * free), filled to at most three quarters.
   */
  private edges: Int32Array;
  private edgeCount = 0;

  /**
   * `nodes`: how many nodes to make room for at once. Typed arrays lie
   * outside the JavaScript heap, and a build that grows them by doubling
   * leaves the engine as many bytes of outgrown arrays: past some tens of
   * megabytes, it then collects the whole heap at once, a pause of a second
   * at 100k facts.
   */
  constructor(nodes = 64) {
    this.nodeData = new Int32Array(nodes * 3);
    this.nodeData[0] = -1;
    this.chars = new Uint16Array(nodes * 8);
    this.edges = new Int32Array(placesFor(nodes) * 3);
  }

  get size(): number {
    return this.nodes;
  }

  /** The arrays as far as they are filled (the edges whole: an edge's place depends on the table's size), to be kept and `restore`d. */
  saved(): SavedTrie {
    return {
      slots: this.slots,
      edgeCount: this.edgeCount,
      nodeData: this.nodeData.subarray(0, this.nodes * 3),
      chars: this.chars.subarray(0, this.charCount),
      edges: this.edges,
    };
  }

  /**
   * A trie with the nodes and edges of a saved one, made in steps (it yields
   * every `perStep` nodes or edges checked). It takes the saved arrays as
   * they are, not copies (the first node an edit adds makes larger ones).
   * Throws on arrays that do not fit together: a node's token outside
   * `chars`, an edge to a node that is not there.
   */
  static *restoreSteps(saved: SavedTrie, perStep = 20_000): Generator<void, TokenTrie, void> {
    const { nodeData, chars, edges } = saved;
    const nodes = nodeData.length / 3;
    const places = edges.length / 3;
    if (!Number.isInteger(nodes) || nodes < 1 || !Number.isInteger(places) || places < 64 || (places & (places - 1)) !== 0)
      throw new Error('trie arrays of a wrong size');
    if (!Number.isSafeInteger(saved.slots) || saved.slots < 0) throw new Error('trie slots out of range');
    if (saved.edgeCount !== nodes - 1 || placesFor(saved.edgeCount) > places) throw new Error('trie edges do not match its nodes');
    for (let n = 1; n < nodes; n++) {
      if (n % perStep === 0) yield;
      const from = nodeData[n * 3 + 2];
      if (from < 0 || from >= chars.length || from + 1 + chars[from] > chars.length || nodeData[n * 3] >= saved.slots)
        throw new Error('a trie node out of range');
    }
    // Every edge is one node's, and the table keeps its free places: a look-up always ends.
    let edgeCount = 0;
    for (let at = 2; at < edges.length; at += 3) {
      if (at % (perStep * 3) === 2) yield;
      if (edges[at] === 0) continue;
      edgeCount++;
      if (edges[at] < 0 || edges[at] >= nodes || edges[at - 2] < 0 || edges[at - 2] >= nodes) throw new Error('a trie edge out of range');
    }
    if (edgeCount !== saved.edgeCount) throw new Error('trie edges do not match its nodes');
    const trie = new TokenTrie(1);
    trie.nodes = nodes;
    trie.slots = saved.slots;
    trie.edgeCount = saved.edgeCount;
    trie.nodeData = nodeData;
    trie.chars = chars;
    trie.charCount = chars.length;
    trie.edges = edges;
    return trie;
  }

  /** The slot of what an alias ending at `node` stands for; -1 where none ends there. */
  slot(node: number): number {
    return this.nodeData[node * 3];
  }

  hasChildren(node: number): boolean {
    return this.nodeData[node * 3 + 1] > 0;
  }

  /** The child of `node` by the token of `text` from `start` to `end` whose hash is `hash`; -1 where there is none. */
  child(node: number, hash: number, text: string, start: number, end: number): number {
    const edges = this.edges;
    const mask = edges.length / 3 - 1;
    for (let i = edgeBucket(node, hash, mask); ; i = (i + 1) & mask) {
      const at = i * 3;
      const c = edges[at + 2];
      if (c === 0) return -1;
      if (edges[at] === node && edges[at + 1] === hash && this.sameToken(c, text, start, end)) return c;
    }
  }

  /**
   * Makes room for `nodes` more nodes with `chars` more token characters, a
   * slice of `perStep` numbers at a time: a trie read from a snapshot has no
   * room to spare, and growing its arrays at once (tens of megabytes at 100k
   * facts) held the thread for a hundred milliseconds. Each array is
   * replaced once filled, so the trie reads the same meanwhile; nothing is
   * to be added to it until this is done.
   */
  *reserveSteps(nodes: number, chars: number, perStep = 1 << 19): Generator<void, void, void> {
    if ((this.nodes + nodes) * 3 > this.nodeData.length) this.nodeData = yield* grownSteps(this.nodeData, (this.nodes + nodes) * 3, perStep);
    if (this.charCount + chars > this.chars.length) this.chars = yield* grownSteps(this.chars, this.charCount + chars, perStep);
    const places = placesFor(this.edgeCount + nodes);
    if (places > this.edges.length / 3) yield* this.rehashSteps(places, perStep);
  }

  /**
   * Room made ahead for the next aliases added, where there is none (a trie
   * read from a snapshot): its arrays grown by half, a slice a step, while
   * nothing is added to it. The first edit after a window reload otherwise
   * grew them while the writer waited for the changed file (tens of
   * milliseconds at 100k facts).
   */
  *roomSteps(perStep = 1 << 19): Generator<void, void, void> {
    yield* this.reserveSteps(1, 64, perStep);
  }

  /** A new child of `node` for the token of `text` from `start` to `end` (not yet a child). */
  addChild(node: number, hash: number, text: string, start: number, end: number): number {
    const c = this.nodes++;
    this.nodeData = grown(this.nodeData, c * 3 + 3);
    const length = end - start;
    const from = this.charCount;
    this.chars = grown(this.chars, from + 1 + length);
    this.chars[from] = length;
    for (let k = 0; k < length; k++) this.chars[from + 1 + k] = tokenCode(text.charCodeAt(start + k));
    this.charCount += 1 + length;
    this.nodeData[c * 3] = -1;
    this.nodeData[c * 3 + 1] = 0;
    this.nodeData[c * 3 + 2] = from;
    this.nodeData[node * 3 + 1]++;
    if (placesFor(this.edgeCount + 1) > this.edges.length / 3) toEnd(this.rehashSteps(placesFor(this.edgeCount + 1), Infinity));
    place(this.edges, node, hash, c);
    this.edgeCount++;
    return c;
  }

  /** The slot of `node`, handed out now if it has none. */
  slotFor(node: number): number {
    if (this.nodeData[node * 3] < 0) this.nodeData[node * 3] = this.slots++;
    return this.nodeData[node * 3];
  }

  private sameToken(node: number, text: string, start: number, end: number): boolean {
    const chars = this.chars;
    const from = this.nodeData[node * 3 + 2];
    const length = end - start;
    if (chars[from] !== length) return false;
    for (let k = 0; k < length; k++) if (chars[from + 1 + k] !== tokenCode(text.charCodeAt(start + k))) return false;
    return true;
  }

  /** The edges in a table of `places`, made a slice of `perStep` numbers at a time and put in use once filled. */
  private *rehashSteps(places: number, perStep: number): Generator<void, void, void> {
    const old = this.edges;
    const edges = new Int32Array(places * 3);
    for (let at = 0; at < old.length; at += 3) {
      if (at % perStep === 0) yield;
      if (old[at + 2] !== 0) place(edges, old[at], old[at + 1], old[at + 2]);
    }
    this.edges = edges;
  }
}

/** The places of an edge table that holds `edges` within three quarters: a power of two. */
function placesFor(edges: number): number {
  let places = 64;
  while (edges * 4 > places * 3) places *= 2;
  return places;
}

/** Puts an edge in the first free place from its bucket. */
function place(edges: Int32Array, parent: number, hash: number, child: number): void {
  const mask = edges.length / 3 - 1;
  let i = edgeBucket(parent, hash, mask);
  while (edges[i * 3 + 2] !== 0) i = (i + 1) & mask;
  const at = i * 3;
  edges[at] = parent;
  edges[at + 1] = hash;
  edges[at + 2] = child;
}

/** Where the edge from `parent` by a token of hash `hash` is first looked for. */
function edgeBucket(parent: number, hash: number, mask: number): number {
  let h = Math.imul(parent, 0x9e3779b1) ^ hash;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h & mask;
}
