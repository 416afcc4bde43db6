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

/**
 * Splits text into folded tokens: runs of letters and digits, and each other
 * visible character on its own. Spaces only separate, so "Keir  Starmer" and
 * "Keir\nStarmer" read as the same two tokens. Because a word token is a whole
 * run of letters, a match can never split a word ("Kyiv" is not in "Kyivstar").
 * Runs of ASCII are sliced and lower-cased natively rather than folded one
 * character at a time: the document check scans whole drafts on every edit.
 */
function tokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  let i = from;
  while (i < to) {
    const raw = text.charCodeAt(i);
    if (raw < 128) {
      if (raw === 32 || (raw >= 9 && raw <= 13)) {
        i++;
        continue;
      }
      if (!isAsciiWordCode(raw)) {
        tokens.push({ text: raw === 96 ? "'" : text[i], start: i, end: i + 1 });
        i++;
        continue;
      }
    } else {
      const code = foldCode(raw);
      if (code === 32) {
        i++;
        continue;
      }
      if (!isWordCode(code)) {
        tokens.push({ text: String.fromCharCode(code), start: i, end: i + 1 });
        i++;
        continue;
      }
    }
    let j = i + 1;
    let ascii = raw < 128;
    let upper = raw >= 65 && raw <= 90;
    while (j < to) {
      const c = text.charCodeAt(j);
      if (c < 128) {
        if (!isAsciiWordCode(c)) break;
        if (c >= 65 && c <= 90) upper = true;
      } else {
        if (!isWordCode(foldCode(c))) break;
        ascii = false;
      }
      j++;
    }
    let s: string;
    if (ascii) s = upper ? text.slice(i, j).toLowerCase() : text.slice(i, j);
    else {
      s = '';
      for (let k = i; k < j; k++) s += String.fromCharCode(foldCode(text.charCodeAt(k)));
    }
    tokens.push({ text: s, start: i, end: j });
    i = j;
  }
  return tokens;
}

function isAsciiWordCode(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
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

  add(alias: string, value: T): void {
    const tokens = tokenize(alias);
    if (tokens.length === 0 || alias.length > MAX_ALIAS_LENGTH) return;
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
    const tokens = tokenize(text);
    const out: AliasMatch<T>[] = [];
    let i = 0;
    while (i < tokens.length) {
      const m = this.longestAt(tokens, i);
      if (m) {
        out.push({ start: tokens[i].start, end: tokens[m.last].end, alias: m.node.alias!, values: m.node.values! });
        i = m.last + 1;
      } else i++;
    }
    return out;
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

  private longestAt(tokens: Token[], i: number): { last: number; node: TrieNode<T> } | undefined {
    let node: TrieNode<T> | undefined = this.root;
    let best: { last: number; node: TrieNode<T> } | undefined;
    for (let j = i; j < tokens.length && node; j++) {
      node = node.next?.get(tokens[j].text);
      if (node?.values) best = { last: j, node };
    }
    return best;
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
