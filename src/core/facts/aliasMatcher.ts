import { foldCode, isWordCharCode } from '../document/text';

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
  text: string;
  start: number;
  end: number;
}

interface TrieNode<T> {
  next?: Map<string, TrieNode<T>>;
  alias?: string;
  values?: T[];
}

const NO_TAG = (): number => 0;

/** Where the alias `longestFrom` last found ends. */
let longestEnd = 0;

/** The hash of the folded text of the last word run `readWord` read, and whether it was plain ASCII and had capitals. */
let runHash = 0;
let runAscii = true;
let runUpper = false;

/**
 * Reads a run of letters and digits from `i`, folding as it goes, and returns
 * where it ends; leaves the folded run's hash in `runHash`. Nothing is
 * allocated: most words of a draft start no alias and are never sliced.
 */
function readWord(text: string, i: number, to: number, first: number): number {
  let h = first;
  let j = i + 1;
  const c0 = text.charCodeAt(i);
  let ascii = c0 < 128;
  let upper = c0 >= 65 && c0 <= 90;
  while (j < to) {
    const c = text.charCodeAt(j);
    let f: number;
    if (c < 128) {
      if (!isAsciiWordCode(c)) break;
      if (c >= 65 && c <= 90) {
        f = c + 32;
        upper = true;
      } else f = c;
    } else {
      f = foldCode(c);
      if (!isWordCharCode(f)) break;
      ascii = false;
    }
    h = (Math.imul(h, 31) + f) | 0;
    j++;
  }
  runHash = h;
  runAscii = ascii;
  runUpper = upper;
  return j;
}

/** The folded text of the word run `readWord` just read. */
function foldedWord(text: string, i: number, j: number): string {
  if (runAscii) return runUpper ? text.slice(i, j).toLowerCase() : text.slice(i, j);
  let s = '';
  for (let k = i; k < j; k++) s += String.fromCharCode(foldCode(text.charCodeAt(k)));
  return s;
}

/** Where the token `nextToken` read starts and ends. */
let tokenStart = 0;
let tokenEnd = 0;

/**
 * Reads the first token at or after `i` (before `to`): a folded word run, or
 * one other visible character. Returns its text, or undefined at the end;
 * leaves its place in `tokenStart` and `tokenEnd`.
 */
function nextToken(text: string, i: number, to: number): string | undefined {
  while (i < to) {
    const raw = text.charCodeAt(i);
    const code = raw < 128 ? (raw >= 65 && raw <= 90 ? raw + 32 : raw >= 9 && raw <= 13 ? 32 : raw === 96 ? 39 : raw) : foldCode(raw);
    if (code === 32) {
      i++;
      continue;
    }
    tokenStart = i;
    if (raw < 128 ? isAsciiWordCode(raw) : isWordCharCode(code)) {
      tokenEnd = readWord(text, i, to, code);
      return foldedWord(text, i, tokenEnd);
    }
    tokenEnd = i + 1;
    return String.fromCharCode(code);
  }
  return undefined;
}

function readToken(text: string, i: number, to: number): Token | undefined {
  const t = nextToken(text, i, to);
  return t === undefined ? undefined : { text: t, start: tokenStart, end: tokenEnd };
}

/**
 * Splits text into folded tokens: runs of letters and digits, and each other
 * visible character on its own. Spaces only separate, so "Keir  Starmer" and
 * "Keir\nStarmer" read as the same two tokens. Because a word token is a whole
 * run of letters, a match can never split a word ("Kyiv" is not in "Kyivstar").
 */
function tokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  for (let t = readToken(text, from, to); t; t = readToken(text, t.end, to)) tokens.push(t);
  return tokens;
}

function isAsciiWordCode(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
}

/** The hash of the first token at or after `i`, as `readWord` computes it; 0 at the end. */
function hashAt(text: string, i: number, to: number): number {
  while (i < to) {
    const raw = text.charCodeAt(i);
    const code = raw < 128 ? (raw >= 65 && raw <= 90 ? raw + 32 : raw >= 9 && raw <= 13 ? 32 : raw === 96 ? 39 : raw) : foldCode(raw);
    if (code === 32) {
      i++;
      continue;
    }
    if (raw < 128 ? isAsciiWordCode(raw) : isWordCharCode(code)) {
      readWord(text, i, to, code);
      return runHash;
    }
    return code;
  }
  return 0;
}

/** The hash `readWord` computes, for a token already folded. */
function hashOf(folded: string): number {
  let h = 0;
  for (let k = 0; k < folded.length; k++) h = (Math.imul(h, 31) + folded.charCodeAt(k)) | 0;
  return h;
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
 * Finds aliases in text: case, quote marks, dashes and spacing are ignored,
 * matches respect word boundaries, and the longest alias wins where several
 * start at the same place. A trie over tokens keeps a scan linear in the text.
 */
export class AliasMatcher<T> {
  private readonly root: TrieNode<T> = {};
  private count = 0;
  /**
   * Hashes of the tokens aliases start with, of aliases that are one token,
   * and of the first two tokens of the others: a scan of a whole draft skips,
   * without slicing it, every word that starts no alias, and "the" unless the
   * next word can follow it in one ("The Hague").
   */
  private readonly firstTokens = newFilter();
  private readonly wholeTokens = newFilter();
  private readonly firstPairs = newFilter();

  add(alias: string, value: T): void {
    const tokens = tokenize(alias);
    if (tokens.length === 0 || alias.length > MAX_ALIAS_LENGTH) return;
    const h = hashOf(tokens[0].text);
    setBit(this.firstTokens, h);
    if (tokens.length === 1) setBit(this.wholeTokens, h);
    else setBit(this.firstPairs, pairHash(h, hashOf(tokens[1].text)));
    let node = this.root;
    for (const t of tokens) {
      node.next ??= new Map();
      let child = node.next.get(t.text);
      if (!child) {
        child = {};
        node.next.set(t.text, child);
      }
      node = child;
    }
    node.alias ??= alias;
    node.values ??= [];
    if (!node.values.includes(value)) {
      node.values.push(value);
      this.count++;
    }
  }

  get size(): number {
    return this.count;
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
    let i = 0;
    while (i < n) {
      const raw = text.charCodeAt(i);
      const code = raw < 128 ? (raw >= 65 && raw <= 90 ? raw + 32 : raw >= 9 && raw <= 13 ? 32 : raw === 96 ? 39 : raw) : foldCode(raw);
      if (code === 32) {
        i++;
        continue;
      }
      let end = i + 1;
      let hash = code;
      if (raw < 128 ? isAsciiWordCode(raw) : isWordCharCode(code)) {
        end = readWord(text, i, n, code);
        hash = runHash;
      }
      if (!hasBit(first, hash) || (!hasBit(whole, hash) && !hasBit(pairs, pairHash(hash, hashAt(text, end, n))))) {
        i = end;
        continue;
      }
      const entry = this.longestFrom(text, i, n);
      if (entry) {
        out.push(i + at, longestEnd + at, entry, tag(entry));
        i = longestEnd;
      } else i = end;
    }
    return out;
  }

  /** The entry of the longest alias starting with the token at `start`, reading tokens only as far as the trie goes; it ends at `longestEnd`. */
  private longestFrom(text: string, start: number, to: number): AliasEntry<T> | undefined {
    let node: TrieNode<T> = this.root;
    let pos = start;
    let best: AliasEntry<T> | undefined;
    while (node.next) {
      const t = nextToken(text, pos, to);
      if (t === undefined) break;
      const child = node.next.get(t);
      if (!child) break;
      node = child;
      pos = tokenEnd;
      if (node.values) {
        best = node as AliasEntry<T>;
        longestEnd = tokenEnd;
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
      let node: TrieNode<T> | undefined = this.root;
      for (let j = i; j < tokens.length && node; j++) {
        node = node.next?.get(tokens[j].text);
        if (node?.values && tokens[j].end >= offset) {
          out.push({ start: tokens[i].start, end: tokens[j].end, alias: node.alias!, values: node.values });
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
