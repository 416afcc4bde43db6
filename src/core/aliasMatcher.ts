import { foldCode } from './text';

/** One occurrence of an alias in a text. */
export interface AliasMatch<T> {
  start: number;
  end: number;
  /** The alias as written in the pack. */
  alias: string;
  /** Everything that alias stands for: several facts can share one alias ("24 June"). */
  values: readonly T[];
}

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

function isWordCode(code: number): boolean {
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
  return WORD.test(String.fromCharCode(code));
}
const WORD = /[\p{L}\p{N}\p{M}]/u;

/** Where the last word run read by `wordEnd` ended, and the hash of its folded text. */
let runHash = 0;

/**
 * Reads a run of letters and digits from `i`, folding as it goes, and returns
 * where it ends; leaves the folded run's hash in `runHash`. Nothing is
 * allocated: most words of a draft start no alias and are never sliced.
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
      if (!isWordCode(f)) break;
    }
    h = (Math.imul(h, 31) + f) | 0;
    j++;
  }
  runHash = h;
  return j;
}

/** The folded text of a word run. */
function foldedWord(text: string, i: number, j: number): string {
  let ascii = true;
  let upper = false;
  for (let k = i; k < j; k++) {
    const c = text.charCodeAt(k);
    if (c >= 128) {
      ascii = false;
      break;
    }
    if (c >= 65 && c <= 90) upper = true;
  }
  if (ascii) return upper ? text.slice(i, j).toLowerCase() : text.slice(i, j);
  let s = '';
  for (let k = i; k < j; k++) s += String.fromCharCode(foldCode(text.charCodeAt(k)));
  return s;
}

/** The first token at or after `i` (before `to`): a folded word run, or one other visible character. */
function readToken(text: string, i: number, to: number): Token | undefined {
  while (i < to) {
    const raw = text.charCodeAt(i);
    const code = raw < 128 ? (raw >= 65 && raw <= 90 ? raw + 32 : raw >= 9 && raw <= 13 ? 32 : raw === 96 ? 39 : raw) : foldCode(raw);
    if (code === 32) {
      i++;
      continue;
    }
    if (raw < 128 ? isAsciiWordCode(raw) : isWordCode(code)) {
      const j = readWord(text, i, to, code);
      return { text: foldedWord(text, i, j), start: i, end: j };
    }
    return { text: String.fromCharCode(code), start: i, end: i + 1 };
  }
  return undefined;
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

/** The hash `readWord` computes, for a token already folded. */
function hashOf(folded: string): number {
  let h = 0;
  for (let k = 0; k < folded.length; k++) h = (Math.imul(h, 31) + folded.charCodeAt(k)) | 0;
  return h;
}

const FIRST_TOKEN_BITS = 16;
const FIRST_TOKEN_MASK = (1 << FIRST_TOKEN_BITS) - 1;

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
   * Hashes of the tokens aliases start with: a scan of a whole draft skips,
   * without slicing it, every word that starts no alias.
   */
  private readonly firstTokens = new Uint8Array(1 << FIRST_TOKEN_BITS);

  add(alias: string, value: T): void {
    const tokens = tokenize(alias);
    if (tokens.length === 0 || alias.length > MAX_ALIAS_LENGTH) return;
    this.firstTokens[hashOf(tokens[0].text) & FIRST_TOKEN_MASK] = 1;
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
    const out: AliasMatch<T>[] = [];
    const n = text.length;
    const first = this.firstTokens;
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
      if (raw < 128 ? isAsciiWordCode(raw) : isWordCode(code)) {
        end = readWord(text, i, n, code);
        hash = runHash;
      }
      if (first[hash & FIRST_TOKEN_MASK] === 0) {
        i = end;
        continue;
      }
      const m = this.longestFrom(text, i, n);
      if (m) {
        out.push(m);
        i = m.end;
      } else i = end;
    }
    return out;
  }

  /** The longest alias starting with the token at `start`, reading tokens only as far as the trie goes. */
  private longestFrom(text: string, start: number, to: number): AliasMatch<T> | undefined {
    let node: TrieNode<T> = this.root;
    let pos = start;
    let best: AliasMatch<T> | undefined;
    while (node.next) {
      const t = readToken(text, pos, to);
      if (!t) break;
      const child = node.next.get(t.text);
      if (!child) break;
      node = child;
      pos = t.end;
      if (node.values) best = { start, end: t.end, alias: node.alias!, values: node.values };
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
    while (i > 0 && isWordCode(foldCode(text.charCodeAt(i - 1)))) i--;
    return i;
  }

  private wordEnd(text: string, offset: number): number {
    let i = offset;
    while (i < text.length && isWordCode(foldCode(text.charCodeAt(i)))) i++;
    return i;
  }
}
