import { Document, isScalar, type Scalar } from 'yaml';
import { MAX_BLANK_LINES, MAX_VALUE_CHARS } from './packLimits';

// The text of a pack as the quick readers read it: block mappings and
// sequences, keys that are plain words, values that are plain, quoted, block
// (`>-`, `|`) or flow (`[a, b]`, `{ source: x }`) on one line, comments and
// blank lines. Two readers use it: quickYaml.ts composes the `yaml` library's
// nodes from it, validPack.ts reads a valid pack straight into its values.
// At the first thing outside that form (an anchor, a tag, a multi-line plain
// or quoted value, a tab, a document marker, anything that would be a syntax
// error or a warning) both give up, and the library reads the file.

/** Thrown inside a quick reader: the text is not in the form it reads. */
export class NotQuick extends Error {}

export function out(): never {
  throw new NotQuick();
}

/** Runs a quick reader: its result, or undefined where the text is not in its form. */
export function quickly<T>(text: string, read: (t: QuickText) => T): T | undefined {
  if (/[\t\r\uFEFF]|^(?:---|\.\.\.|%)|\n(?:---|\.\.\.)(?=[\s]|$)/.test(text)) return undefined;
  try {
    return read(new QuickText(text));
  } catch (e) {
    if (e instanceof NotQuick) return undefined;
    throw e;
  }
}

export const LF = 10;
export const SPACE = 32;
const HASH = 35;
export const QUOTE = 34;
const APOSTROPHE = 39;
export const COLON = 58;
export const DASH = 45;
const BACKSLASH = 92;
export const OPEN_SQUARE = 91;
export const CLOSE_SQUARE = 93;
export const OPEN_CURLY = 123;
export const CLOSE_CURLY = 125;
export const COMMA = 44;

type Tag = { default?: boolean | 'key'; test?: RegExp; resolve: (value: string, onError: (message: string) => void, options: object) => unknown };

let tags: Tag[] | undefined;

/** The core schema's scalar tags that are found by a test, as the composer tries them. */
function testedTags(): Tag[] {
  tags ??= (new Document().schema.tags as unknown as Tag[]).filter((t) => t.test !== undefined);
  return tags;
}

/** Whether a plain scalar starting with this character can be anything but text in the core schema. */
function mayBeTyped(code: number): boolean {
  // ~ + - . 0-9 and the initials of null, true, false.
  return (
    code === 126 ||
    code === 43 ||
    code === DASH ||
    code === 46 ||
    (code >= 48 && code <= 57) ||
    code === 110 ||
    code === 78 ||
    code === 116 ||
    code === 84 ||
    code === 102 ||
    code === 70
  );
}

/**
 * A plain scalar's value by the core schema's tags, as the composer finds it
 * (`findScalarTagByTest`): a node where a tag makes it a null, boolean or
 * number, undefined where it is text.
 */
export function typedPlain(source: string, atKey: boolean): Scalar | { value: unknown } | undefined {
  if (source !== '' && !mayBeTyped(source.charCodeAt(0))) return undefined;
  for (const tag of testedTags()) {
    if ((tag.default === true || (atKey && tag.default === 'key')) && tag.test!.test(source)) {
      const res = tag.resolve(source, () => out(), {});
      return isScalar(res) ? res : { value: res };
    }
  }
  return undefined;
}

export function isKeyStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

function isKeyChar(c: number): boolean {
  return isKeyStart(c) || c === DASH || c === 46;
}

/** The YAML escapes of double-quoted text that stand for one character. */
const ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  '\t': '\t',
};

const HEX_DIGITS: Record<string, number> = { x: 2, u: 4, U: 8 };

/** What follows a key's colon (`QuickText.afterColon`). */
export const enum Next {
  /** A value on the key's line, at `valueAt`. */
  Inline,
  /** A block mapping on the lines below, its first key at `valueAt`, at column `valueIndent`. */
  Map,
  /** A block sequence on the lines below, its first `-` at `valueAt`, at column `valueIndent`. */
  Seq,
  /** No value: an empty scalar at `valueAt`. */
  Empty,
}

/**
 * A pack's text and the reading place in it, with the steps both quick
 * readers take. A step that meets anything outside the form read throws
 * NotQuick. Value steps leave where the value's text ends in `valueEnd`
 * (a node's `range[1]`) and, for values in block context, where its node
 * ends in `nodeEnd` (`range[2]`, past the line's newline).
 */
export class QuickText {
  readonly length: number;
  /** Start of the line being read. */
  at = 0;
  /** Whether the last run of lines `skipBlank` passed held a comment. */
  commented = false;
  valueEnd = 0;
  nodeEnd = 0;
  /** Set by `afterColon`. */
  valueAt = 0;
  valueIndent = 0;
  /** Set by `quoted`: whether the text had a backslash escape. */
  escaped = false;
  /** Set by `blockScalar`: whether it was folded (`>`). */
  folded = false;

  constructor(readonly text: string) {
    this.length = text.length;
  }

  /** Where the root mapping's first key starts. */
  begin(): number {
    this.skipBlank();
    if (this.at >= this.length || this.indentAt(this.at) !== 0) out();
    return this.at;
  }

  /** After the root mapping: nothing but blank and comment lines may follow. */
  finish(): void {
    this.skipBlank();
    if (this.at < this.length) out();
  }

  /** End of the line at `i`: the offset of its newline, or the end of the text. */
  endOfLine(i: number): number {
    const n = this.text.indexOf('\n', i);
    return n < 0 ? this.length : n;
  }

  indentAt(lineStart: number): number {
    let i = lineStart;
    while (this.text.charCodeAt(i) === SPACE) i++;
    return i - lineStart;
  }

  /** Whether the line at `lineStart` is blank or a comment; a line of only spaces counts as blank. */
  private isBlankOrComment(lineStart: number): boolean {
    const c = this.text.charCodeAt(lineStart + this.indentAt(lineStart));
    return c === LF || c === HASH || Number.isNaN(c);
  }

  /**
   * Moves `at` past blank and comment lines. The library gives a comment
   * line to the collection or value it is indented into, which can move
   * where that ends: only comments indented no further than the line after
   * them are read here, as those belong to nothing that ends.
   */
  skipBlank(): void {
    let blank = 0;
    let deepest = -1;
    const { text, length } = this;
    while (this.at < length && this.isBlankOrComment(this.at)) {
      if (++blank >= MAX_BLANK_LINES) out();
      const ind = this.indentAt(this.at);
      if (text.charCodeAt(this.at + ind) === HASH && ind > deepest) deepest = ind;
      this.at = this.endOfLine(this.at) + 1;
    }
    if (this.at > length) this.at = length;
    this.commented = deepest >= 0;
    if (deepest > (this.at < length ? this.indentAt(this.at) : 0)) out();
  }

  /**
   * Where a collection at `indent` ends, comments included (`range[2]`): past
   * the comment lines after its last item that are indented at least as far
   * as it, with the blank lines between them; the comments are its own.
   */
  commentEnd(indent: number, end: number, from: number): number {
    let i = from;
    let last = end;
    while (i < this.length && this.isBlankOrComment(i)) {
      const lineEnd = this.endOfLine(i);
      const ind = this.indentAt(i);
      if (this.text.charCodeAt(i + ind) === HASH) {
        if (ind < indent) break;
        last = Math.min(lineEnd + 1, this.length);
      }
      i = lineEnd + 1;
    }
    return last;
  }

  /**
   * After an item of a collection at column `indent`: past blank and comment
   * lines, where the next line at that column starts, or -1 where the
   * collection has ended (the text ends, or a line is less indented).
   */
  nextLineAt(indent: number): number {
    this.skipBlank();
    if (this.at >= this.length) return -1;
    const ind = this.indentAt(this.at);
    if (ind < indent) return -1;
    if (ind > indent) out();
    return this.at + ind;
  }

  /** After an item of a block sequence at column `indent`: where the next item's `-` is, or -1 where the sequence has ended. */
  nextItem(indent: number): number {
    const dashAt = this.nextLineAt(indent);
    return dashAt < 0 || this.text.charCodeAt(dashAt) !== DASH || !this.isIndicatorEnd(dashAt + 1) ? -1 : dashAt;
  }

  /** Where the item after the `-` at `dashAt` starts; an empty item, or a `-` in it, is left to the library. */
  itemAt(dashAt: number): number {
    let i = dashAt + 1;
    if (this.text.charCodeAt(i) !== SPACE) out();
    i = this.skipSpaces(i);
    const c = this.text.charCodeAt(i);
    if (c === LF || c === HASH || i >= this.length || (c === DASH && this.isIndicatorEnd(i + 1))) out();
    return i;
  }

  isIndicatorEnd(i: number): boolean {
    const c = this.text.charCodeAt(i);
    return c === SPACE || c === LF || i >= this.length;
  }

  /** Whether a key of plain word characters and its `:` start at `i` (a mapping in a sequence's item). */
  startsPair(i: number): boolean {
    if (!isKeyStart(this.text.charCodeAt(i))) return false;
    while (isKeyChar(this.text.charCodeAt(i))) i++;
    return this.text.charCodeAt(i) === COLON && this.isIndicatorEnd(i + 1);
  }

  /** The offset of the colon after the key of plain word characters at `keyAt`. */
  keyEnd(keyAt: number): number {
    let i = keyAt;
    if (!isKeyStart(this.text.charCodeAt(i))) out();
    while (isKeyChar(this.text.charCodeAt(i))) i++;
    if (this.text.charCodeAt(i) !== COLON) out();
    return i;
  }

  /**
   * What follows the colon at `colon` of a key in a block mapping at column
   * `indent`; sets `valueAt` and, for a collection below, `valueIndent`.
   * Leaves `at` at the next line unless the value is on the key's line.
   */
  afterColon(indent: number, colon: number): Next {
    const { text, length } = this;
    let i = colon + 1;
    const after = text.charCodeAt(i);
    if (after !== SPACE && after !== LF && i < length) out();
    i = this.skipSpaces(i);
    const c = text.charCodeAt(i);
    if (c !== LF && c !== HASH && i < length) {
      this.valueAt = i;
      return Next.Inline;
    }
    // The value is on the lines below, or there is none.
    const empty = i;
    // A comment after an empty value makes the value run on to the next line's indent: left to the library.
    const commentAfter = c === HASH;
    this.at = this.endOfLine(i) + 1;
    if (this.at > length) this.at = length;
    this.skipBlank();
    if (this.at < length) {
      const ind = this.indentAt(this.at);
      const start = this.at + ind;
      const dash = text.charCodeAt(start) === DASH && this.isIndicatorEnd(start + 1);
      this.valueAt = start;
      this.valueIndent = ind;
      if (ind > indent) return dash ? Next.Seq : Next.Map;
      if (ind === indent && dash) return Next.Seq;
    }
    // Comments after an empty value can be part of it: left to the library.
    if (this.commented || commentAfter) out();
    this.valueAt = empty;
    return Next.Empty;
  }

  /**
   * After a value: spaces, a comment after a space, the line's end. Returns
   * where the value's node ends (`range[2]`: past its line's newline) and
   * moves `at` to the next line.
   */
  lineTail(end: number): number {
    let i = this.skipSpaces(end);
    if (this.text.charCodeAt(i) === HASH && i > end) i = this.endOfLine(i);
    if (i < this.length && this.text.charCodeAt(i) !== LF) out();
    const next = Math.min(i + 1, this.length);
    this.at = next;
    return next;
  }

  skipSpaces(i: number): number {
    while (this.text.charCodeAt(i) === SPACE) i++;
    return i;
  }

  /** A plain scalar in a block value, on one line: its text. Sets `valueEnd` and `nodeEnd`, and moves to the next line. */
  plain(start: number): string {
    const text = this.text;
    const c = text.charCodeAt(start);
    // Indicators that start something other than a plain scalar, or that need the next character to be one.
    if ('&*!%@`,]}?:'.includes(text[start]) || (c === DASH && this.isIndicatorEnd(start + 1))) out();
    const lineEnd = this.endOfLine(start);
    let valueEnd = start;
    // A comment starts at a "#" after a space.
    while (valueEnd < lineEnd && !(text.charCodeAt(valueEnd) === HASH && text.charCodeAt(valueEnd - 1) === SPACE)) valueEnd++;
    while (valueEnd > start && text.charCodeAt(valueEnd - 1) === SPACE) valueEnd--;
    const source = text.slice(start, valueEnd);
    if (source.length > MAX_VALUE_CHARS / 2) out();
    // "a: b: c" is an error, "a: b:" a mapping key: both are left to the library.
    if (source.includes(': ') || source.charCodeAt(source.length - 1) === COLON) out();
    this.valueEnd = valueEnd;
    this.nodeEnd = this.lineTail(valueEnd);
    return source;
  }

  /** A plain scalar inside a flow collection: its text. Sets `valueEnd`. */
  flowPlain(start: number): string {
    const text = this.text;
    if ('&*!%@`,[]{}?:#|>-'.includes(text[start]) || start >= this.length) out();
    let end = start;
    for (;;) {
      const d = text.charCodeAt(end);
      if (d === COMMA || d === CLOSE_SQUARE || d === CLOSE_CURLY || d === LF || Number.isNaN(d)) break;
      if (d === COLON || d === OPEN_SQUARE || d === OPEN_CURLY || (d === HASH && text.charCodeAt(end - 1) === SPACE)) out();
      end++;
    }
    while (text.charCodeAt(end - 1) === SPACE) end--;
    this.valueEnd = end;
    return text.slice(start, end);
  }

  /** The offset past `, ` or the closing bracket after an item of a flow collection at `i`; -1 when it closed. */
  flowNext(i: number, close: number): number {
    const c = this.text.charCodeAt(i);
    if (c === close) return -1;
    if (c !== COMMA) out();
    i = this.skipSpaces(i + 1);
    if (this.text.charCodeAt(i) === close) out();
    return i;
  }

  /** The offset of the colon after a key of a flow mapping at `i`, followed by a space. */
  flowKeyEnd(i: number): number {
    const colon = this.keyEnd(i);
    if (this.text.charCodeAt(colon + 1) !== SPACE) out();
    return colon;
  }

  /** A quoted scalar closed on its line: its value. Sets `valueEnd` past the closing quote, and `escaped`. */
  quoted(start: number): string {
    const text = this.text;
    const q = text.charCodeAt(start);
    let value = '';
    let from = start + 1;
    let i = from;
    this.escaped = false;
    for (;;) {
      // The line's end is met, not looked for: a pack written on one line is one line of many quoted values.
      const c = text.charCodeAt(i);
      if (c === LF || i >= this.length) out();
      if (c === q) {
        if (q === APOSTROPHE && text.charCodeAt(i + 1) === APOSTROPHE) {
          value += text.slice(from, i + 1);
          i += 2;
          from = i;
          continue;
        }
        break;
      }
      if (c === BACKSLASH && q === QUOTE) {
        this.escaped = true;
        value += text.slice(from, i);
        const e = text[i + 1];
        const digits = HEX_DIGITS[e];
        if (digits !== undefined) {
          const hex = text.slice(i + 2, i + 2 + digits);
          if (hex.length !== digits || !/^[0-9a-fA-F]+$/.test(hex)) out();
          const code = parseInt(hex, 16);
          if (code > 0x10ffff) out();
          value += String.fromCodePoint(code);
          i += 2 + digits;
        } else {
          if (e === undefined || !Object.hasOwn(ESCAPES, e)) out();
          value += ESCAPES[e];
          i += 2;
        }
        from = i;
        continue;
      }
      i++;
    }
    value += text.slice(from, i);
    if (i + 1 - start > MAX_VALUE_CHARS / 2) out();
    this.valueEnd = i + 1;
    return value;
  }

  /**
   * A `|` or `>` block scalar whose header is at `start`, inside a collection
   * at column `indent`: its value. Sets `valueEnd` and `nodeEnd` (the same)
   * and `folded`, and moves past it.
   */
  blockScalar(indent: number, start: number): string {
    const text = this.text;
    const length = this.length;
    const folded = text.charCodeAt(start) === 62;
    let i = start + 1;
    const strip = text.charCodeAt(i) === DASH;
    if (strip) i++;
    // Keeping the final line breaks (`+`) and a stated indent (a digit) are left to the library.
    if (text.charCodeAt(i) !== SPACE && text.charCodeAt(i) !== LF) out();
    this.lineTail(i);
    let line = this.at;
    const contentIndent = this.indentAt(line);
    if (contentIndent <= indent || text.charCodeAt(line + contentIndent) === LF || line >= length) out();
    let value = '';
    let blanks = 0;
    let end = line;
    let first = true;
    while (line < length) {
      const lineEnd = this.endOfLine(line);
      const ind = this.indentAt(line);
      if (line + ind === lineEnd) {
        // A blank line: one with more spaces than the indent would hold text.
        if (ind > contentIndent) out();
        blanks++;
      } else {
        if (ind < contentIndent) break;
        // More-indented lines of folded text keep their line breaks: left to the library.
        if (folded && ind > contentIndent) out();
        const content = text.slice(line + contentIndent, lineEnd);
        if (first) value = content;
        else if (folded) value += (blanks === 0 ? ' ' : '\n'.repeat(blanks)) + content;
        else value += '\n'.repeat(blanks + 1) + content;
        first = false;
        blanks = 0;
        end = Math.min(lineEnd + 1, length);
      }
      line = lineEnd + 1;
    }
    if (end - start > MAX_VALUE_CHARS / 2) out();
    if (!strip) value += '\n';
    this.at = end;
    this.valueEnd = end;
    this.nodeEnd = end;
    this.folded = folded;
    return value;
  }
}

/** Whether `c` starts a quoted scalar (`"` or `'`). */
export function isQuote(c: number): boolean {
  return c === QUOTE || c === APOSTROPHE;
}

/** Whether `c` starts a block scalar (`|` or `>`). */
export function isBlockHeader(c: number): boolean {
  return c === 124 || c === 62;
}

/** Whether `c` starts a double-quoted scalar, the one with escapes. */
export function isDoubleQuote(c: number): boolean {
  return c === QUOTE;
}
