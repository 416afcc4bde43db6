import { Pair, Scalar, YAMLMap, YAMLSeq, type Node as YamlNode } from 'yaml';
import { MAX_LIST_VALUES, MAX_NESTING } from './packLimits';
import { CLOSE_CURLY, CLOSE_SQUARE, COLON, COMMA, LF, OPEN_CURLY, OPEN_SQUARE, out, QUOTE, quickly, type QuickText, SPACE } from './quickText';
import { plainScalar, textScalar } from './quickYaml';

// The quick composer of packs written as JSON, as `JSON.stringify` and most
// tools write them, indented or on one line: the `yaml` library's own nodes
// for the text, with the same values and offsets as its composer gives (JSON
// is YAML), in time proportional to the text. The library reads values in
// brackets about a hundred times slower than a pack in block form, and a
// pack on one line holds more values in brackets than the loader lets it
// read on a line. Objects, arrays, double-quoted strings closed on their
// line, numbers, true, false and null, between spaces and line breaks, are
// read here; anything else (a comment, a trailing comma, a tab, a key left
// unquoted, a list inside a fact longer than any pack's) leaves the text to
// the library, which reads or refuses it.

/** A plain scalar of JSON: a number, true, false or null. */
const JSON_PLAIN = /^(?:-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?|true|false|null)$/;

/** Whether a text's first character past spaces and line breaks opens an object: only such a text is tried here. */
function opensObject(text: string): boolean {
  return text.charCodeAt(blankEnd(text, 0)) === OPEN_CURLY;
}

/** Past spaces and line breaks from `i`. */
function blankEnd(text: string, i: number): number {
  for (let c = text.charCodeAt(i); c === SPACE || c === LF; c = text.charCodeAt(++i));
  return i;
}

/**
 * Composes `t`'s text as JSON; throws NotQuick at anything else, with
 * `where.at` the value or token it could not read (-1 where no one place
 * says why: nesting or a list deeper or longer than a pack's). Where a node
 * ends with what follows it (`range[2]`) is where the library ends it: a key
 * at its closing quote, a mapping's value past its spaces and one line
 * break, an array's item at the next comma or bracket.
 */
function compose(t: QuickText, where: { at: number }): YAMLMap {
  const text = t.text;
  let depth = 0;
  /** Gives up where nothing in the text is wrong: the loader's guards say why. */
  const beyondPack = (): never => {
    where.at = -1;
    return out();
  };

  function collection(start: number): YAMLMap | YAMLSeq {
    if (++depth > MAX_NESTING) beyondPack();
    const isSeq = text.charCodeAt(start) === OPEN_SQUARE;
    const close = isSeq ? CLOSE_SQUARE : CLOSE_CURLY;
    const node = isSeq ? new YAMLSeq() : new YAMLMap();
    node.flow = true;
    let i = blankEnd(text, start + 1);
    if (text.charCodeAt(i) !== close) {
      for (;;) {
        if (isSeq) {
          const item = value(i);
          i = item.range![2] = blankEnd(text, item.range![1]);
          (node as YAMLSeq).items.push(item);
        } else {
          where.at = i;
          if (text.charCodeAt(i) !== QUOTE) out();
          const key = textScalar(t.quoted(i), Scalar.QUOTE_DOUBLE, [i, t.valueEnd, t.valueEnd]);
          const colon = (where.at = t.skipSpaces(t.valueEnd));
          if (text.charCodeAt(colon) !== COLON) out();
          const item = value(blankEnd(text, colon + 1));
          const end = t.skipSpaces(item.range![1]);
          item.range![2] = text.charCodeAt(end) === LF ? end + 1 : end;
          (node as YAMLMap).items.push(new Pair(key, item));
          i = blankEnd(text, end);
        }
        const c = text.charCodeAt((where.at = i));
        if (c === close) break;
        // Only the lists of facts and of sources may be longer: anything inside a fact is left to the loader's guards.
        if (depth > 2 && node.items.length >= MAX_LIST_VALUES) beyondPack();
        if (c !== COMMA) out();
        i = blankEnd(text, i + 1);
      }
    }
    node.range = [start, i + 1, i + 1];
    depth--;
    return node;
  }

  function value(i: number): YamlNode {
    const c = text.charCodeAt((where.at = i));
    if (c === QUOTE) return textScalar(t.quoted(i), Scalar.QUOTE_DOUBLE, [i, t.valueEnd, t.valueEnd]);
    if (c === OPEN_SQUARE || c === OPEN_CURLY) return collection(i);
    let end = i;
    for (let d = c; !(d === COMMA || d === CLOSE_SQUARE || d === CLOSE_CURLY || d === SPACE || d === LF || Number.isNaN(d)); d = text.charCodeAt(++end));
    const source = text.slice(i, end);
    if (!JSON_PLAIN.test(source)) out();
    const node = plainScalar(source, false);
    node.range = [i, end, end];
    return node;
  }

  const root = collection(blankEnd(text, 0)) as YAMLMap;
  if ((where.at = blankEnd(text, root.range![1])) < t.length) out();
  return root;
}

/**
 * A text that opens an object, read as JSON: its root mapping, composed as
 * the `yaml` library's composer would with this loader's options; or, where
 * the text is not JSON of that form (the other readers read it then), the
 * offset where it stops being JSON: -1 where no one place says so (a tab
 * or a carriage return anywhere, a list longer than any pack's).
 */
export interface JsonRead {
  root?: YAMLMap;
  stop: number;
}

/** A text read as a pack written as JSON; undefined where it does not open an object. */
export function readJson(text: string): JsonRead | undefined {
  if (!opensObject(text)) return undefined;
  const where = { at: -1 };
  const root = quickly(text, (t) => compose(t, where));
  return root ? { root, stop: -1 } : { stop: where.at };
}
