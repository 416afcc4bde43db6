import type { LineIndex } from '../document/text';
import type { Range } from '../types';

/**
 * The range of every value the loader reads, by its path ("/facts/3/label"),
 * recorded as it reads them: the paths in a list and four numbers a range
 * (start line and character, end line and character), not an object each.
 * A pack of 100,000 facts has millions of values and needs a range for a few:
 * the lookup map is made on the first lookup, and the worker and the cache of
 * parsed packs take the numbers as they are (`packed`).
 */
export class RecordedPaths {
  private readonly keys: string[] = [];
  private numbers = new Int32Array(1024);
  private map?: Map<string, number>;
  /** The line of the last offset located: values are read in the order of the text. */
  private line = 0;

  constructor(private readonly lines: LineIndex) {}

  get size(): number {
    return this.keys.length;
  }

  /** Records the range from `start` to `end` (offsets in the text) under `path`. */
  record(path: string, start: number, end: number): void {
    const k = this.keys.length * 4;
    if (k + 4 > this.numbers.length) {
      const grown = new Int32Array(this.numbers.length * 2);
      grown.set(this.numbers);
      this.numbers = grown;
    }
    const lines = this.lines;
    const startLine = lines.lineNear(start, this.line);
    const endLine = lines.lineNear(end, startLine);
    this.line = startLine;
    this.numbers[k] = startLine;
    this.numbers[k + 1] = start - lines.lineStart(startLine);
    this.numbers[k + 2] = endLine;
    this.numbers[k + 3] = end - lines.lineStart(endLine);
    this.keys.push(path);
    this.map?.set(path, k);
  }

  /**
   * Records `path` from `start`, its end to come (`close`): a collection's
   * path comes before its values' paths, and its end after them.
   */
  open(path: string, start: number): number {
    const k = this.keys.length * 4;
    this.record(path, start, start);
    return k;
  }

  /** Ends the range of the path recorded at `slot` (`open`) at `end`. */
  close(slot: number, end: number): void {
    const line = this.lines.lineNear(end, this.numbers[slot]);
    this.numbers[slot + 2] = line;
    this.numbers[slot + 3] = end - this.lines.lineStart(line);
  }

  get(path: string): Range | undefined {
    const k = this.lookUp().get(path);
    return k === undefined ? undefined : this.rangeAt(k);
  }

  /** Each path's place in `numbers`, its last recorded; made on the first lookup. */
  private lookUp(): Map<string, number> {
    if (!this.map) {
      this.map = new Map();
      this.keys.forEach((key, i) => this.map!.set(key, i * 4));
    }
    return this.map;
  }

  private rangeAt(k: number): Range {
    const n = this.numbers;
    return { start: { line: n[k], character: n[k + 1] }, end: { line: n[k + 2], character: n[k + 3] } };
  }

  /** Every path with its range, in the order recorded; a path recorded twice has its last range. */
  *[Symbol.iterator](): IterableIterator<[string, Range]> {
    const places = this.lookUp();
    for (const [i, key] of this.keys.entries()) if (places.get(key) === i * 4) yield [key, this.rangeAt(i * 4)];
  }

  /** The paths joined by newlines (a path holds none) and their ranges, four numbers each, as `PackedPaths` reads them. */
  packed(): { keys: string; ranges: Int32Array } {
    return { keys: this.keys.join('\n'), ranges: this.numbers.slice(0, this.keys.length * 4) };
  }
}
