import { Document, isScalar, Pair, Scalar, YAMLMap, YAMLSeq, type Node as YamlNode } from 'yaml';
import { MAX_BLANK_LINES, MAX_VALUE_CHARS } from './packLimits';

// A quick reader for the YAML that packs are written in: block mappings and
// sequences, keys that are plain words, values that are plain, quoted, block
// (`>-`, `|`) or flow (`[a, b]`, `{ source: x }`) on one line, comments and
// blank lines. It gives the same nodes as the `yaml` library's composer (the
// same values, the same offsets), about ten times faster, because it reads
// only that form. At the first thing outside it (an anchor, a tag, a
// multi-line plain or quoted value, a tab, a document marker, anything that
// would be a syntax error or a warning) it gives up, and the library reads the
// file as before: every problem is still found and located by the library.

/** Thrown inside the reader: the text is not in the form it reads. */
class NotQuick extends Error {}

function out(): never {
  throw new NotQuick();
}

const LF = 10;
const SPACE = 32;
const HASH = 35;
const QUOTE = 34;
const APOSTROPHE = 39;
const COLON = 58;
const DASH = 45;
const COMMA = 44;
const BACKSLASH = 92;
const OPEN_SQUARE = 91;
const CLOSE_SQUARE = 93;
const OPEN_CURLY = 123;
const CLOSE_CURLY = 125;

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

/** A plain scalar as the composer makes it: its value by the core schema's tags (`findScalarTagByTest`). */
function plainScalar(source: string, atKey: boolean): Scalar {
  let node: Scalar | undefined;
  if (source === '' || mayBeTyped(source.charCodeAt(0))) {
    for (const tag of testedTags()) {
      if ((tag.default === true || (atKey && tag.default === 'key')) && tag.test!.test(source)) {
        const res = tag.resolve(source, () => out(), {});
        node = isScalar(res) ? (res as Scalar) : new Scalar(res);
        break;
      }
    }
  }
  node ??= new Scalar(source);
  node.source = source;
  node.type = Scalar.PLAIN;
  return node;
}

function quotedScalar(value: string, type: Scalar.Type): Scalar {
  const node = new Scalar(value);
  node.source = value;
  node.type = type;
  return node;
}

function isKeyStart(c: number): boolean {
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

/** Reads `text` (see above); throws NotQuick at the first thing outside the form it reads. */
function quickRead(text: string): YAMLMap {
  const length = text.length;
  /** Start of the line being read. */
  let at = 0;

  /** The document's root mapping, with its range as the composer gives it. */
  function read(): YAMLMap {
    skipBlank();
    if (at >= length || indentAt(at) !== 0) out();
    const root = blockMap(0, at);
    skipBlank();
    if (at < length) out();
    return root;
  }

  /** End of the line at `i`: the offset of its newline, or the end of the text. */
  function endOfLine(i: number): number {
    const n = text.indexOf('\n', i);
    return n < 0 ? length : n;
  }

  function indentAt(lineStart: number): number {
    let i = lineStart;
    while (text.charCodeAt(i) === SPACE) i++;
    return i - lineStart;
  }

  /** Whether the line at `lineStart` is blank or a comment; a line of only spaces counts as blank. */
  function isBlankOrComment(lineStart: number): boolean {
    const c = text.charCodeAt(lineStart + indentAt(lineStart));
    return c === LF || c === HASH || Number.isNaN(c);
  }

  /** Whether the last run of lines `skipBlank` passed held a comment. */
  let commented = false;

  /**
   * Moves `at` past blank and comment lines. The library gives a comment
   * line to the collection or value it is indented into, which can move
   * where that ends: only comments indented no further than the line after
   * them are read here, as those belong to nothing that ends.
   */
  function skipBlank(): void {
    let blank = 0;
    let deepest = -1;
    while (at < length && isBlankOrComment(at)) {
      if (++blank >= MAX_BLANK_LINES) out();
      const ind = indentAt(at);
      if (text.charCodeAt(at + ind) === HASH && ind > deepest) deepest = ind;
      at = endOfLine(at) + 1;
    }
    if (at > length) at = length;
    commented = deepest >= 0;
    if (deepest > (at < length ? indentAt(at) : 0)) out();
  }

  /**
   * Where a collection at `indent` ends, comments included (`range[2]`): past
   * the comment lines after its last item that are indented at least as far
   * as it, with the blank lines between them; the comments are its own.
   */
  function commentEnd(indent: number, end: number, from: number): number {
    let i = from;
    let last = end;
    while (i < length && isBlankOrComment(i)) {
      const lineEnd = endOfLine(i);
      const ind = indentAt(i);
      if (text.charCodeAt(i + ind) === HASH) {
        if (ind < indent) break;
        last = Math.min(lineEnd + 1, length);
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
  function nextLineAt(indent: number): number {
    skipBlank();
    if (at >= length) return -1;
    const ind = indentAt(at);
    if (ind < indent) return -1;
    if (ind > indent) out();
    return at + ind;
  }

  /** A block mapping whose first key starts at `first`, at column `indent`. */
  function blockMap(indent: number, first: number): YAMLMap {
    const map = new YAMLMap();
    let keyAt = first;
    let end: number;
    let afterItem: number;
    for (;;) {
      const pair = readPair(indent, keyAt);
      map.items.push(pair);
      end = (pair.value as YamlNode).range![2];
      afterItem = at;
      keyAt = nextLineAt(indent);
      if (keyAt < 0) break;
    }
    map.range = [first, end, commentEnd(indent, end, afterItem)];
    return map;
  }

  /** A `key: value` pair at `keyAt`; leaves `at` at the line after the value. */
  function readPair(indent: number, keyAt: number): Pair {
    let i = keyAt;
    if (!isKeyStart(text.charCodeAt(i))) out();
    while (isKeyChar(text.charCodeAt(i))) i++;
    if (text.charCodeAt(i) !== COLON) out();
    const key = plainScalar(text.slice(keyAt, i), true);
    key.range = [keyAt, i, i];
    i++;
    const after = text.charCodeAt(i);
    if (after !== SPACE && after !== LF && i < length) out();
    while (text.charCodeAt(i) === SPACE) i++;
    const c = text.charCodeAt(i);
    if (c === LF || c === HASH || i >= length) {
      // The value is on the lines below, or there is none.
      const empty = i;
      // A comment after an empty value makes the value run on to the next line's indent: left to the library.
      const commentAfter = c === HASH;
      at = endOfLine(i) + 1;
      if (at > length) at = length;
      skipBlank();
      if (at < length) {
        const ind = indentAt(at);
        const start = at + ind;
        const dash = text.charCodeAt(start) === DASH && isIndicatorEnd(start + 1);
        if (ind > indent) return new Pair(key, dash ? blockSeq(ind, start) : blockMap(ind, start));
        if (ind === indent && dash) return new Pair(key, blockSeq(ind, start));
      }
      // Comments after an empty value can be part of it: left to the library.
      if (commented || commentAfter) out();
      const value = plainScalar('', false);
      value.range = [empty, empty, empty];
      return new Pair(key, value);
    }
    return new Pair(key, inlineValue(indent, i));
  }

  function isIndicatorEnd(i: number): boolean {
    const c = text.charCodeAt(i);
    return c === SPACE || c === LF || i >= length;
  }

  /** A block sequence whose first `-` is at `first`, at column `indent`. */
  function blockSeq(indent: number, first: number): YAMLSeq {
    const seq = new YAMLSeq();
    let dashAt = first;
    let end: number;
    let afterItem: number;
    for (;;) {
      let i = dashAt + 1;
      if (text.charCodeAt(i) !== SPACE) out();
      while (text.charCodeAt(i) === SPACE) i++;
      const c = text.charCodeAt(i);
      let item: YamlNode;
      if (c === LF || c === HASH || i >= length || (c === DASH && isIndicatorEnd(i + 1))) out();
      // A mapping after "- " starts at the column of its first key.
      if (isKeyStart(c) && startsPair(i)) item = blockMap(indent + (i - dashAt), i);
      else item = inlineValue(indent, i);
      seq.items.push(item);
      end = item.range![2];
      afterItem = at;
      dashAt = nextLineAt(indent);
      if (dashAt < 0 || text.charCodeAt(dashAt) !== DASH || !isIndicatorEnd(dashAt + 1)) break;
    }
    seq.range = [first, end, commentEnd(indent, end, afterItem)];
    return seq;
  }

  /** Whether a key of plain word characters and its `:` start at `i`. */
  function startsPair(i: number): boolean {
    while (isKeyChar(text.charCodeAt(i))) i++;
    return text.charCodeAt(i) === COLON && isIndicatorEnd(i + 1);
  }

  /** A value that starts on its key's or its dash's line, at `i`; leaves `at` at the next line. */
  function inlineValue(indent: number, i: number): YamlNode {
    const c = text.charCodeAt(i);
    if (c === 124 /* | */ || c === 62 /* > */) return blockScalar(indent, i);
    let node: YamlNode;
    let end: number;
    if (c === QUOTE || c === APOSTROPHE) [node, end] = quoted(i);
    else if (c === OPEN_SQUARE || c === OPEN_CURLY) [node, end] = flow(i);
    else return plainInBlock(i);
    const stop = lineTail(end);
    node.range = [i, end, stop];
    return node;
  }

  /**
   * After a value: spaces, a comment after a space, the line's end. Returns
   * where the value's node ends (`range[2]`: past its line's newline) and
   * moves `at` to the next line.
   */
  function lineTail(end: number): number {
    let i = end;
    while (text.charCodeAt(i) === SPACE) i++;
    if (text.charCodeAt(i) === HASH && i > end) i = endOfLine(i);
    if (i < length && text.charCodeAt(i) !== LF) out();
    const next = Math.min(i + 1, length);
    at = next;
    return next;
  }

  /** A plain scalar in a block value, on one line. */
  function plainInBlock(start: number): Scalar {
    const c = text.charCodeAt(start);
    // Indicators that start something other than a plain scalar, or that need the next character to be one.
    if ('&*!%@`,]}?:'.includes(text[start]) || (c === DASH && isIndicatorEnd(start + 1))) out();
    const lineEnd = endOfLine(start);
    let valueEnd = start;
    // A comment starts at a "#" after a space.
    while (valueEnd < lineEnd && !(text.charCodeAt(valueEnd) === HASH && text.charCodeAt(valueEnd - 1) === SPACE)) valueEnd++;
    while (valueEnd > start && text.charCodeAt(valueEnd - 1) === SPACE) valueEnd--;
    const source = text.slice(start, valueEnd);
    if (source.length > MAX_VALUE_CHARS / 2) out();
    // "a: b: c" is an error, "a: b:" a mapping key: both are left to the library.
    if (source.includes(': ') || source.charCodeAt(source.length - 1) === COLON) out();
    const node = plainScalar(source, false);
    node.range = [start, valueEnd, lineTail(valueEnd)];
    return node;
  }

  /** A quoted scalar closed on its line; returns it and the offset past its closing quote. */
  function quoted(start: number): [Scalar, number] {
    const q = text.charCodeAt(start);
    const lineEnd = endOfLine(start);
    let value = '';
    let from = start + 1;
    let i = from;
    for (;;) {
      if (i >= lineEnd) out();
      const c = text.charCodeAt(i);
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
    return [quotedScalar(value, q === QUOTE ? Scalar.QUOTE_DOUBLE : Scalar.QUOTE_SINGLE), i + 1];
  }

  /** A flow sequence or mapping closed on its line; returns it and the offset past its closing bracket. */
  function flow(start: number): [YamlNode, number] {
    const isSeq = text.charCodeAt(start) === OPEN_SQUARE;
    const close = isSeq ? CLOSE_SQUARE : CLOSE_CURLY;
    const node = isSeq ? new YAMLSeq() : new YAMLMap();
    node.flow = true;
    let i = skipSpaces(start + 1);
    if (text.charCodeAt(i) === close) {
      node.range = [start, i + 1, i + 1];
      return [node, i + 1];
    }
    for (;;) {
      if (isSeq) {
        const [item, end] = flowValue(i);
        (node as YAMLSeq).items.push(item);
        i = end;
      } else {
        const keyStart = i;
        if (!isKeyStart(text.charCodeAt(i))) out();
        while (isKeyChar(text.charCodeAt(i))) i++;
        if (text.charCodeAt(i) !== COLON || text.charCodeAt(i + 1) !== SPACE) out();
        const key = plainScalar(text.slice(keyStart, i), true);
        key.range = [keyStart, i, i];
        const [value, end] = flowValue(skipSpaces(i + 1));
        (node as YAMLMap).items.push(new Pair(key, value));
        i = end;
      }
      const c = text.charCodeAt(i);
      if (c === close) break;
      if (c !== COMMA) out();
      i = skipSpaces(i + 1);
      if (text.charCodeAt(i) === close) out();
    }
    node.range = [start, i + 1, i + 1];
    return [node, i + 1];
  }

  function skipSpaces(i: number): number {
    while (text.charCodeAt(i) === SPACE) i++;
    return i;
  }

  /** A value inside a flow collection; returns it and the offset after it and its spaces. */
  function flowValue(start: number): [YamlNode, number] {
    const c = text.charCodeAt(start);
    let node: YamlNode;
    let end: number;
    if (c === QUOTE || c === APOSTROPHE) [node, end] = quoted(start);
    else if (c === OPEN_SQUARE || c === OPEN_CURLY) [node, end] = flow(start);
    else {
      if ('&*!%@`,[]{}?:#|>-'.includes(text[start]) || start >= length) out();
      end = start;
      for (;;) {
        const d = text.charCodeAt(end);
        if (d === COMMA || d === CLOSE_SQUARE || d === CLOSE_CURLY || d === LF || Number.isNaN(d)) break;
        if (d === COLON || d === OPEN_SQUARE || d === OPEN_CURLY || (d === HASH && text.charCodeAt(end - 1) === SPACE)) out();
        end++;
      }
      while (text.charCodeAt(end - 1) === SPACE) end--;
      node = plainScalar(text.slice(start, end), false);
    }
    const next = skipSpaces(end);
    node.range = [start, end, next];
    return [node, next];
  }

  /** A `|` or `>` block scalar whose header is at `start`, inside a collection at column `indent`. */
  function blockScalar(indent: number, start: number): Scalar {
    const folded = text.charCodeAt(start) === 62;
    let i = start + 1;
    const strip = text.charCodeAt(i) === DASH;
    if (strip) i++;
    // Keeping the final line breaks (`+`) and a stated indent (a digit) are left to the library.
    if (text.charCodeAt(i) !== SPACE && text.charCodeAt(i) !== LF) out();
    lineTail(i);
    let line = at;
    const contentIndent = indentAt(line);
    if (contentIndent <= indent || text.charCodeAt(line + contentIndent) === LF || line >= length) out();
    let value = '';
    let blanks = 0;
    let end = line;
    let first = true;
    while (line < length) {
      const lineEnd = endOfLine(line);
      const ind = indentAt(line);
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
    at = end;
    const node = new Scalar(value);
    node.source = value;
    node.type = folded ? Scalar.BLOCK_FOLDED : Scalar.BLOCK_LITERAL;
    node.range = [start, end, end];
    return node;
  }
  return read();
}

/**
 * The root mapping of a pack's text, composed as the `yaml` library's
 * composer would with this loader's options, or undefined when the text is
 * not in the form read here (the library reads it then).
 */
export function quickCompose(text: string): YAMLMap | undefined {
  if (/[\t\r\uFEFF]|^(?:---|\.\.\.|%)|\n(?:---|\.\.\.)(?=[\s]|$)/.test(text)) return undefined;
  try {
    return quickRead(text);
  } catch (e) {
    if (e instanceof NotQuick) return undefined;
    throw e;
  }
}
