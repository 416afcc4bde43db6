import { parseIsoDate } from '../document/dates';
import type { LineIndex } from '../document/text';
import type { Range } from '../types';
import type { Shape } from './packLoader';
import { isBlockHeader, isQuote, Next, OPEN_CURLY, OPEN_SQUARE, CLOSE_CURLY, CLOSE_SQUARE, out, quickly, QuickText, typedPlain } from './quickText';
import { RecordedPaths } from './recordedPaths';

// The valid-pack reader: a pack file that is valid and written in the form
// the quick readers read (quickText.ts), with "pack", "sources" and "facts"
// in that order, read straight into its values, every value checked against
// its shape and its range recorded as the loader records it, without the
// `yaml` library's nodes in between. At the first thing that is not so (the
// text outside the form, or any value the loader would find fault with) it
// gives up, and the loader reads the file as before, finding and locating
// every problem. Most pack files are valid as written: this reads them
// several times faster.

/** A pack file's parts as the loader reads them from a valid file. */
export interface ValidPack {
  meta: Record<string, unknown>;
  sources: Record<string, unknown>[];
  facts: Record<string, unknown>[];
  paths: RecordedPaths;
  sourceRanges: Map<string, Range>;
  factRanges: Map<string, Range>;
  pathsById: Map<string, string>;
}

export interface PackShapes {
  pack: Shape;
  source: Shape;
  fact: Shape;
}

type ObjectShape = Extract<Shape, { type: 'object' }>;
type RecordShape = Extract<Shape, { type: 'record' }>;

/** An object shape's fields by key, each with a bit, and the bits of the required ones. */
interface Plan {
  fields: Map<string, { shape: Shape; bit: number }>;
  required: number;
}

const plans = new WeakMap<ObjectShape, Plan>();

function planOf(shape: ObjectShape): Plan {
  let plan = plans.get(shape);
  if (!plan) {
    plan = { fields: new Map(), required: 0 };
    let bit = 1;
    for (const [key, field] of Object.entries(shape.fields)) {
      plan.fields.set(key, { shape: field.shape, bit });
      if (field.required) plan.required |= bit;
      bit *= 2;
    }
    plans.set(shape, plan);
  }
  return plan;
}

// Control characters written as escapes in double quotes: the loader refuses them in text.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]/;

const enum Form {
  Plain,
  /** A plain mapping key, typed as the composer types keys. */
  Key,
  Quoted,
  Escaped,
  Block,
}

/** A scalar's value for `shape`, as the loader's reader gives it for a valid value; gives up on any other. */
function scalar(shape: Shape, s: string, form: Form): unknown {
  const typed = form === Form.Plain || form === Form.Key ? typedPlain(s, form === Form.Key) : undefined;
  switch (shape.type) {
    case 'string':
      // A number written bare is meant as its text; empty, true or false is not text.
      if (typed && typeof typed.value !== 'number') out();
      if (form === Form.Escaped && CONTROL.test(s)) out();
      if (shape.minLength !== undefined && s.trim().length < shape.minLength) out();
      if (shape.maxLength !== undefined && s.length > shape.maxLength) out();
      if (shape.pattern && !shape.pattern.test(s)) out();
      return s;
    case 'date':
      if (!parseIsoDate(s)) out();
      return s;
    case 'number':
      if (typeof typed?.value !== 'number' || !Number.isFinite(typed.value)) out();
      return typed.value;
    case 'boolean':
      if (typeof typed?.value !== 'boolean') out();
      return typed.value;
    case 'enum':
      if (typed || !shape.values.includes(s)) out();
      return s;
    default:
      return out();
  }
}

/** The map a mapping's pairs are read into, and the shape of each key's value. */
class MappingRead {
  readonly value: Record<string, unknown> = {};
  private seen = 0;
  private count = 0;
  private readonly plan?: Plan;

  constructor(private readonly shape: Shape) {
    if (shape.type === 'object') this.plan = planOf(shape);
    else if (shape.type !== 'record') out();
  }

  /** The shape of the value of `key`; gives up on an unknown key, a key given twice or a key of the wrong form. */
  shapeOf(key: string): Shape {
    this.count++;
    if (this.plan) {
      const field = this.plan.fields.get(key);
      if (!field || this.seen & field.bit) out();
      this.seen |= field.bit;
      return field.shape;
    }
    const shape = this.shape as RecordShape;
    scalar(shape.keys, key, Form.Key);
    if (Object.hasOwn(this.value, key)) out();
    return shape.values;
  }

  /** The mapping read; gives up where a required key is missing or there are too many. */
  done(): Record<string, unknown> {
    if (this.plan) {
      if ((this.seen & this.plan.required) !== this.plan.required) out();
    } else {
      const max = (this.shape as RecordShape).maxEntries;
      if (max !== undefined && this.count > max) out();
    }
    return this.value;
  }
}

/** A list's items checked against its shape's limits. */
function listDone(shape: Extract<Shape, { type: 'array' }>, items: unknown[]): unknown[] {
  if (shape.minItems !== undefined && items.length < shape.minItems) out();
  if (shape.maxItems !== undefined && items.length > shape.maxItems) out();
  return items;
}

function readValid(t: QuickText, lines: LineIndex, shapes: PackShapes): ValidPack {
  const text = t.text;
  const paths = new RecordedPaths(lines);

  // Each value is recorded under the slot of the collection it is in (`at`, -1 for none) by its key or place (`part`).

  /** A value on its key's or its dash's line, at `i`, in a collection at column `indent`. Sets `nodeEnd`. */
  function inline(shape: Shape, at: number, part: string | number, indent: number, i: number): unknown {
    const c = text.charCodeAt(i);
    if (isBlockHeader(c)) {
      const s = t.blockScalar(indent, i);
      paths.recordIn(at, part, i, t.valueEnd);
      return scalar(shape, s, Form.Block);
    }
    if (isQuote(c)) {
      const s = t.quoted(i);
      const end = t.valueEnd;
      const form = t.escaped ? Form.Escaped : Form.Quoted;
      t.nodeEnd = t.lineTail(end);
      paths.recordIn(at, part, i, end);
      return scalar(shape, s, form);
    }
    if (c === OPEN_SQUARE || c === OPEN_CURLY) {
      const v = flow(shape, at, part, i);
      t.nodeEnd = t.lineTail(t.valueEnd);
      return v;
    }
    const s = t.plain(i);
    paths.recordIn(at, part, i, t.valueEnd);
    return scalar(shape, s, Form.Plain);
  }

  /** The value after the colon at `colon` of a key in a block mapping at column `indent`. Sets `nodeEnd`. */
  function afterColon(shape: Shape, at: number, part: string | number, indent: number, colon: number): unknown {
    switch (t.afterColon(indent, colon)) {
      case Next.Inline:
        return inline(shape, at, part, indent, t.valueAt);
      case Next.Map:
        return blockMap(shape, at, part, t.valueIndent, t.valueAt);
      case Next.Seq:
        return blockSeq(shape, at, part, t.valueIndent, t.valueAt);
      default:
        // An empty value fits no shape.
        return out();
    }
  }

  /** A block mapping whose first key is at `first`, at column `indent`. Sets `valueEnd` and `nodeEnd`. */
  function blockMap(shape: Shape, at: number, part: string | number, indent: number, first: number): Record<string, unknown> {
    const read = new MappingRead(shape);
    const slot = paths.openIn(at, part, first);
    let keyAt = first;
    let end: number;
    let afterItem: number;
    for (;;) {
      const colon = t.keyEnd(keyAt);
      const key = text.slice(keyAt, colon);
      read.value[key] = afterColon(read.shapeOf(key), slot, key, indent, colon);
      end = t.nodeEnd;
      afterItem = t.at;
      keyAt = t.nextLineAt(indent);
      if (keyAt < 0) break;
    }
    paths.close(slot, end);
    t.valueEnd = end;
    t.nodeEnd = t.commentEnd(indent, end, afterItem);
    return read.done();
  }

  /** A block sequence whose first `-` is at `first`, at column `indent`. Sets `valueEnd` and `nodeEnd`. */
  function blockSeq(shape: Shape, at: number, part: string | number, indent: number, first: number): unknown[] {
    if (shape.type !== 'array') out();
    const slot = paths.openIn(at, part, first);
    const items: unknown[] = [];
    let dashAt = first;
    let end: number;
    let afterItem: number;
    for (;;) {
      const i = t.itemAt(dashAt);
      const place = items.length;
      // A mapping after "- " starts at the column of its first key.
      items.push(t.startsPair(i) ? blockMap(shape.items, slot, place, indent + (i - dashAt), i) : inline(shape.items, slot, place, indent, i));
      end = t.nodeEnd;
      afterItem = t.at;
      dashAt = t.nextItem(indent);
      if (dashAt < 0) break;
    }
    paths.close(slot, end);
    t.valueEnd = end;
    t.nodeEnd = t.commentEnd(indent, end, afterItem);
    return listDone(shape, items);
  }

  /** A flow sequence or mapping closed on its line. Sets `valueEnd` past its closing bracket. */
  function flow(shape: Shape, at: number, part: string | number, start: number): unknown {
    const isSeq = text.charCodeAt(start) === OPEN_SQUARE;
    const close = isSeq ? CLOSE_SQUARE : CLOSE_CURLY;
    if (isSeq && shape.type !== 'array') out();
    const read = isSeq ? undefined : new MappingRead(shape);
    const items: unknown[] = [];
    const slot = paths.openIn(at, part, start);
    let i = t.skipSpaces(start + 1);
    if (text.charCodeAt(i) !== close) {
      for (;;) {
        if (read) {
          const colon = t.flowKeyEnd(i);
          const key = text.slice(i, colon);
          read.value[key] = flowValue(read.shapeOf(key), slot, key, t.skipSpaces(colon + 1));
        } else items.push(flowValue((shape as Extract<Shape, { type: 'array' }>).items, slot, items.length, i));
        i = t.nodeEnd;
        const next = t.flowNext(i, close);
        if (next < 0) break;
        i = next;
      }
    }
    paths.close(slot, i + 1);
    t.valueEnd = i + 1;
    return read ? read.done() : listDone(shape as Extract<Shape, { type: 'array' }>, items);
  }

  /** A value inside a flow collection, at `start`. Sets `nodeEnd` past it and its spaces. */
  function flowValue(shape: Shape, at: number, part: string | number, start: number): unknown {
    const c = text.charCodeAt(start);
    let v: unknown;
    if (isQuote(c)) {
      const s = t.quoted(start);
      paths.recordIn(at, part, start, t.valueEnd);
      v = scalar(shape, s, t.escaped ? Form.Escaped : Form.Quoted);
    } else if (c === OPEN_SQUARE || c === OPEN_CURLY) v = flow(shape, at, part, start);
    else {
      const s = t.flowPlain(start);
      paths.recordIn(at, part, start, t.valueEnd);
      v = scalar(shape, s, Form.Plain);
    }
    t.nodeEnd = t.skipSpaces(t.valueEnd);
    return v;
  }

  /** A top-level key at `keyAt` that must be `expected`; the offset of its colon. */
  function topKey(keyAt: number, expected: string): number {
    if (keyAt < 0) out();
    const colon = t.keyEnd(keyAt);
    if (text.slice(keyAt, colon) !== expected) out();
    return colon;
  }

  /** The sources or the facts: a block sequence of mappings (or nothing), each located by its id. */
  function list(name: 'sources' | 'facts', shape: Shape, colon: number, ranges: Map<string, Range>): Record<string, unknown>[] {
    const items: Record<string, unknown>[] = [];
    const kind = t.afterColon(0, colon);
    if (kind === Next.Empty) return items;
    if (kind === Next.Inline) {
      // "[]": none; a list written in brackets is left to the loader's general reading.
      const close = t.skipSpaces(t.valueAt + 1);
      if (text.charCodeAt(t.valueAt) !== OPEN_SQUARE || text.charCodeAt(close) !== CLOSE_SQUARE) out();
      t.lineTail(close + 1);
      return items;
    }
    if (kind !== Next.Seq) out();
    const indent = t.valueIndent;
    let dashAt = t.valueAt;
    for (;;) {
      const i = t.itemAt(dashAt);
      const path = `/${name}/${items.length}`;
      const item = (t.startsPair(i) ? blockMap(shape, -1, path, indent + (i - dashAt), i) : inline(shape, -1, path, indent, i)) as Record<string, unknown>;
      const id = item.id as string;
      ranges.set(id, lines.rangeOf(i, t.valueEnd));
      pathsById.set(id, path);
      items.push(item);
      dashAt = t.nextItem(indent);
      if (dashAt < 0) break;
    }
    return items;
  }

  const sourceRanges = new Map<string, Range>();
  const factRanges = new Map<string, Range>();
  const pathsById = new Map<string, string>();
  const meta = afterColon(shapes.pack, -1, '/pack', 0, topKey(t.begin(), 'pack')) as Record<string, unknown>;
  const sources = list('sources', shapes.source, topKey(t.nextLineAt(0), 'sources'), sourceRanges);
  const facts = list('facts', shapes.fact, topKey(t.nextLineAt(0), 'facts'), factRanges);
  // Nothing after the facts: another key is left to the general reading.
  t.finish();
  return { meta, sources, facts, paths, sourceRanges, factRanges, pathsById };
}

/**
 * A valid pack file's parts, read straight from its text; undefined when the
 * text is not in the form read here or anything in it is not valid (the
 * loader reads it the general way then, finding every problem).
 */
export function readValidPack(text: string, lines: LineIndex, shapes: PackShapes): ValidPack | undefined {
  return quickly(text, (t) => readValid(t, lines, shapes));
}
