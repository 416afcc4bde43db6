import type { Position, Range } from '../types';
import { lazy } from '../lazy';

/** Converts between string offsets and zero-based line/character positions. */
export class LineIndex {
  /**
   * Where each line starts, in a typed array grown by doubling: a 4 MB pack
   * file has 100,000 lines, and pushed onto an array its starts took a
   * parsing thread 37 ms to gather the first time, 6 ms so.
   */
  private readonly starts: Int32Array;
  private readonly count: number;

  constructor(private readonly text: string) {
    let starts = new Int32Array(Math.min(1024, text.length + 1));
    let n = 1;
    const add = (at: number): void => {
      if (n === starts.length) {
        const grown = new Int32Array(n * 2);
        grown.set(starts);
        starts = grown;
      }
      starts[n++] = at;
    };
    if (!text.includes('\r')) {
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) add(i + 1);
    } else {
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 10) add(i + 1);
        else if (c === 13) {
          if (text.charCodeAt(i + 1) === 10) i++;
          add(i + 1);
        }
      }
    }
    this.starts = starts;
    this.count = n;
  }

  get lineCount(): number {
    return this.count;
  }

  /** The length of the text indexed. */
  get textLength(): number {
    return this.text.length;
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.count - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - this.starts[lo] };
  }

  /** The line of an offset, looking first at the lines after `near`: quick for offsets asked in the order of the text. */
  lineNear(offset: number, near: number): number {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let line = near;
    if (line < 0 || line >= this.count || this.starts[line] > o) return this.positionAt(o).line;
    for (let steps = 0; line + 1 < this.count && this.starts[line + 1] <= o; steps++) {
      if (steps === 8) return this.positionAt(o).line;
      line++;
    }
    return line;
  }

  /** The offset where a line starts. */
  lineStart(line: number): number {
    return this.starts[line];
  }

  offsetAt(position: Position): number {
    const line = Math.max(0, Math.min(position.line, this.count - 1));
    return Math.min(this.starts[line] + Math.max(0, position.character), this.text.length);
  }

  rangeOf(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }
}

/** `file:line:col` with one-based line and column, as compilers print it. */
export function formatLocation(file: string, position: Position): string {
  return `${file}:${position.line + 1}:${position.character + 1}`;
}

const QUOTES = /[\u2018\u2019\u201A\u201B\u2032\u0060\u00B4\u02BC\u02BB\uFF07]/;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u00AB\u00BB\u2033]/;
const DASHES = /[\u2010\u2011\u2012\u2013\u2014\u2015\u2212]/;
const SPACES = /[\s\u00A0\u2000-\u200B\u202F\u205F\u3000]/;

/**
 * Folds one character for matching: case, quote marks, dashes and spaces are
 * typography, not content. Always returns exactly one UTF-16 unit so that
 * offsets in the folded text equal offsets in the original.
 */
export function foldChar(ch: string): string {
  if (QUOTES.test(ch)) return "'";
  if (DOUBLE_QUOTES.test(ch)) return '"';
  if (DASHES.test(ch)) return '-';
  if (SPACES.test(ch)) return ' ';
  const lower = ch.toLowerCase();
  return lower.length === 1 ? lower : ch;
}

/** Folded code per UTF-16 code unit above ASCII, 0 until first asked (no character folds to NUL). */
const foldCache = new Uint16Array(65536);

/** Folded char code; cached because the matcher calls it for every character of a document. */
export function foldCode(code: number): number {
  if (code < 128) {
    if (code >= 65 && code <= 90) return code + 32;
    if (code === 9 || code === 10 || code === 13 || code === 12 || code === 11) return 32;
    if (code === 96) return 39;
    return code;
  }
  let folded = foldCache[code];
  if (folded === 0) foldCache[code] = folded = foldChar(String.fromCharCode(code)).charCodeAt(0);
  return folded;
}

/** Folds a whole string and collapses runs of spaces: the form aliases are stored in. */
export function foldText(text: string): string {
  const n = text.length;
  // Most aliases are plain ASCII with one space between words: lower case is all their folding, done natively.
  let i = 0;
  let upper = false;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) upper = true;
    else if (c >= 128 || c === 96 || (c >= 9 && c <= 13) || (c === 32 && (i === 0 || i === n - 1 || text.charCodeAt(i - 1) === 32))) break;
  }
  if (i === n) return upper ? text.toLowerCase() : text;
  const codes: number[] = [];
  let lastSpace = true;
  for (let k = 0; k < n; k++) {
    const c = foldCode(text.charCodeAt(k));
    if (c === 32) {
      if (!lastSpace) codes.push(32);
      lastSpace = true;
    } else {
      codes.push(c);
      lastSpace = false;
    }
  }
  if (lastSpace && codes.length > 0) codes.pop();
  // Made from the codes a block at a time: a string grown a character at a time is a chain of pieces.
  let out = '';
  for (let k = 0; k < codes.length; k += FOLD_BLOCK) out += String.fromCharCode.apply(null, codes.slice(k, k + FOLD_BLOCK));
  return out;
}

const FOLD_BLOCK = 8192;

let collator: Intl.Collator | undefined;

/**
 * The collator labels are sorted with (case- and accent-blind, numbers by
 * value), made on first use: a process's first Intl.Collator loads collation
 * data for milliseconds, which the bundle's evaluation at activation must not pay.
 */
export function labelCollator(): Intl.Collator {
  return (collator ??= new Intl.Collator('en', { sensitivity: 'base', numeric: true }));
}

/** Escapes text for Markdown so that data can never become links, HTML or commands. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~&$]/g, (c) => `\\${c}`);
}

/** Whether [from, to) of the text holds a letter or a digit, of any script. Reads each character once at most. */
export function hasLetterOrDigit(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122)) return true;
    if (c >= 128 && LETTER_OR_DIGIT().test(String.fromCodePoint(text.codePointAt(i)!))) return true;
  }
  return false;
}

const LETTER_OR_DIGIT = lazy(() => /[\p{L}\p{N}]/u);

/**
 * A test of UTF-16 code units against a class of characters: ASCII letters and
 * digits are in it, other ASCII is not, and each code unit outside ASCII is
 * asked of `pattern` once and its answer kept (Cyrillic drafts ask this of
 * nearly every character, and a Unicode expression run each time costs more
 * than the rest of a scan).
 */
function codeClass(pattern: () => RegExp): (code: number) => boolean {
  /** Per UTF-16 code unit: 0 not yet asked, 1 in the class, 2 not. */
  const known = new Uint8Array(65536);
  return (c) => {
    if (c < 128) return (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122);
    let k = known[c];
    if (k === 0) known[c] = k = pattern().test(String.fromCharCode(c)) ? 1 : 2;
    return k === 1;
  };
}

/** Whether a UTF-16 code unit is a letter or a digit of any script. */
export const isLetterOrDigitCode = codeClass(LETTER_OR_DIGIT);

/** Whether a UTF-16 code unit belongs to a word: a letter, a digit or a combining mark, of any script. */
export const isWordCharCode = codeClass(lazy(() => /[\p{L}\p{N}\p{M}]/u));

/** Offset of the `}` that closes the `{` at `open`, or -1. */
export function matchingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i;
  }
  return -1;
}

export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

export function lineEnd(text: string, offset: number): number {
  const n = text.indexOf('\n', offset);
  const end = n < 0 ? text.length : n;
  return end > 0 && text[end - 1] === '\r' ? end - 1 : end;
}

/** In a list of spans sorted by start, the index of the first that starts at or after `offset`. */
export function lowerBound(list: readonly { start: number }[], offset: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The first offset at or after a position where `found` holds, for positions
 * asked in increasing order: each character is looked at once however many
 * times it is asked (searching again from every opening mark was quadratic).
 */
export function nextWhere(text: string, found: (code: number) => boolean): (from: number) => number {
  let at = -1;
  return (from) => {
    if (at >= from) return at;
    at = Math.max(at, from);
    while (at < text.length && !found(text.charCodeAt(at))) at++;
    return at;
  };
}
