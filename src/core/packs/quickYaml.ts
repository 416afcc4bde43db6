import { Pair, Scalar, YAMLMap, YAMLSeq, type Node as YamlNode } from 'yaml';
import { MAX_NESTING } from './packLimits';
import {
  CLOSE_CURLY,
  CLOSE_SQUARE,
  isBlockHeader,
  isQuote,
  isDoubleQuote,
  Next,
  OPEN_CURLY,
  OPEN_SQUARE,
  out,
  quickly,
  QuickText,
  typedPlain,
} from './quickText';

// The quick composer: the `yaml` library's own nodes for a text in the form
// that packs are written in (quickText.ts), with the same values and the same
// offsets as the library's composer gives, several times faster because it
// reads only that form. The loader reads a text with problems this way, so
// that every problem is found and located as the library's nodes place it.

/** A plain scalar as the composer makes it: its value by the core schema's tags. */
export function plainScalar(source: string, atKey: boolean): Scalar {
  const typed = typedPlain(source, atKey);
  const node = typed instanceof Scalar ? typed : new Scalar(typed ? typed.value : source);
  node.source = source;
  node.type = Scalar.PLAIN;
  return node;
}

export function textScalar(value: string, type: Scalar.Type, range: [number, number, number]): Scalar {
  const node = new Scalar(value);
  node.source = value;
  node.type = type;
  node.range = range;
  return node;
}

/** Composes the root mapping of `t`'s text; throws NotQuick at the first thing outside the form read. */
function compose(t: QuickText): YAMLMap {
  const text = t.text;
  /** Collections open: deeper nesting than the loader allows is left to the library's guarded reading. */
  let depth = 0;
  const enter = (): void => {
    if (++depth > MAX_NESTING) out();
  };

  /** A block mapping whose first key starts at `first`, at column `indent`. */
  function blockMap(indent: number, first: number): YAMLMap {
    enter();
    const map = new YAMLMap();
    let keyAt = first;
    let end: number;
    let afterItem: number;
    for (;;) {
      const pair = readPair(indent, keyAt);
      map.items.push(pair);
      end = (pair.value as YamlNode).range![2];
      afterItem = t.at;
      keyAt = t.nextLineAt(indent);
      if (keyAt < 0) break;
    }
    map.range = [first, end, t.commentEnd(indent, end, afterItem)];
    depth--;
    return map;
  }

  /** A `key: value` pair at `keyAt`; leaves `at` at the line after the value. */
  function readPair(indent: number, keyAt: number): Pair {
    const colon = t.keyEnd(keyAt);
    const key = plainScalar(text.slice(keyAt, colon), true);
    key.range = [keyAt, colon, colon];
    switch (t.afterColon(indent, colon)) {
      case Next.Inline:
        return new Pair(key, inlineValue(indent, t.valueAt));
      case Next.Map:
        return new Pair(key, blockMap(t.valueIndent, t.valueAt));
      case Next.Seq:
        return new Pair(key, blockSeq(t.valueIndent, t.valueAt));
      case Next.Empty: {
        const value = plainScalar('', false);
        value.range = [t.valueAt, t.valueAt, t.valueAt];
        return new Pair(key, value);
      }
    }
  }

  /** A block sequence whose first `-` is at `first`, at column `indent`. */
  function blockSeq(indent: number, first: number): YAMLSeq {
    enter();
    const seq = new YAMLSeq();
    let dashAt = first;
    let end: number;
    let afterItem: number;
    for (;;) {
      const i = t.itemAt(dashAt);
      // A mapping after "- " starts at the column of its first key.
      const item = t.startsPair(i) ? blockMap(indent + (i - dashAt), i) : inlineValue(indent, i);
      seq.items.push(item);
      end = item.range![2];
      afterItem = t.at;
      dashAt = t.nextItem(indent);
      if (dashAt < 0) break;
    }
    seq.range = [first, end, t.commentEnd(indent, end, afterItem)];
    depth--;
    return seq;
  }

  /** A value that starts on its key's or its dash's line, at `i`; leaves `at` at the next line. */
  function inlineValue(indent: number, i: number): YamlNode {
    const c = text.charCodeAt(i);
    if (isBlockHeader(c)) {
      const value = t.blockScalar(indent, i);
      return textScalar(value, t.folded ? Scalar.BLOCK_FOLDED : Scalar.BLOCK_LITERAL, [i, t.valueEnd, t.nodeEnd]);
    }
    if (isQuote(c)) {
      const value = t.quoted(i);
      const end = t.valueEnd;
      return textScalar(value, isDoubleQuote(c) ? Scalar.QUOTE_DOUBLE : Scalar.QUOTE_SINGLE, [i, end, t.lineTail(end)]);
    }
    if (c === OPEN_SQUARE || c === OPEN_CURLY) {
      const node = flow(i);
      const end = node.range![1];
      node.range = [i, end, t.lineTail(end)];
      return node;
    }
    const node = plainScalar(t.plain(i), false);
    node.range = [i, t.valueEnd, t.nodeEnd];
    return node;
  }

  /** A flow sequence or mapping closed on its line, ending past its closing bracket. */
  function flow(start: number): YAMLSeq | YAMLMap {
    enter();
    const isSeq = text.charCodeAt(start) === OPEN_SQUARE;
    const close = isSeq ? CLOSE_SQUARE : CLOSE_CURLY;
    const node = isSeq ? new YAMLSeq() : new YAMLMap();
    node.flow = true;
    let i = t.skipSpaces(start + 1);
    if (text.charCodeAt(i) !== close) {
      for (;;) {
        if (isSeq) {
          const item = flowValue(i);
          (node as YAMLSeq).items.push(item);
          i = item.range![2];
        } else {
          const colon = t.flowKeyEnd(i);
          const key = plainScalar(text.slice(i, colon), true);
          key.range = [i, colon, colon];
          const value = flowValue(t.skipSpaces(colon + 1));
          (node as YAMLMap).items.push(new Pair(key, value));
          i = value.range![2];
        }
        const next = t.flowNext(i, close);
        if (next < 0) break;
        i = next;
      }
    }
    node.range = [start, i + 1, i + 1];
    depth--;
    return node;
  }

  /** A value inside a flow collection, its range ending after it and its spaces. */
  function flowValue(start: number): YamlNode {
    const c = text.charCodeAt(start);
    let node: YamlNode;
    if (isQuote(c)) node = textScalar(t.quoted(start), isDoubleQuote(c) ? Scalar.QUOTE_DOUBLE : Scalar.QUOTE_SINGLE, [start, 0, 0]);
    else if (c === OPEN_SQUARE || c === OPEN_CURLY) {
      node = flow(start);
      t.valueEnd = node.range![1];
    } else node = plainScalar(t.flowPlain(start), false);
    const end = t.valueEnd;
    node.range = [start, end, t.skipSpaces(end)];
    return node;
  }

  const root = blockMap(0, t.begin());
  t.finish();
  return root;
}

/**
 * The root mapping of a pack's text, composed as the `yaml` library's
 * composer would with this loader's options, or undefined when the text is
 * not in the form read here (the library reads it then).
 */
export function quickCompose(text: string): YAMLMap | undefined {
  return quickly(text, compose);
}
