import type { LineIndex } from '../document/text';
import type { Range } from '../types';

/** Numbers kept per path: the path it is under (-1: none), then its range's start line and character, end line and character. */
export const PATH_NUMBERS = 5;

/**
 * The range of every value the loader reads, by its path ("/facts/3/label"),
 * recorded as it reads them. A path is recorded under the path of the
 * collection it is in (`recordIn`, `openIn`) by its last part alone ("label",
 * 3), or whole (`record`); five numbers a path, not an object each.
 * A pack of 100,000 facts has millions of values and needs a range for a few:
 * the whole paths and the lookup map are made on the first lookup, and the
 * worker and the cache of parsed packs take the parts and numbers as they
 * are (`packed`, read back by `PackedPaths`).
 */
export class RecordedPaths {
  /**
   * Each path's last part, or the whole path where it is under none, in
   * groups of `GROUP`: pushed onto one array, the 400,000 parts of a 4 MB
   * pack file took 45 ms, the array copied as it grew; in groups, 5 ms.
   */
  private readonly groups: (string | number)[][] = [[]];
  private count = 0;
  private numbers = new Int32Array(1024 * PATH_NUMBERS);
  /** The whole paths, made on the first lookup and kept up with the records after it. */
  private whole?: string[];
  private map?: Map<string, number>;
  /** The line of the last offset located: values are read in the order of the text. */
  private line = 0;

  constructor(private readonly lines: LineIndex) {}

  get size(): number {
    return this.count;
  }

  /** Records the range from `start` to `end` (offsets in the text) under the whole `path`; returns its slot. */
  record(path: string, start: number, end: number): number {
    return this.recordIn(-1, path, start, end);
  }

  /** Records the range from `start` to `end` under the path of slot `parent` and `part` (a key or an item's place); returns its slot. */
  recordIn(parent: number, part: string | number, start: number, end: number): number {
    const slot = this.count++;
    const k = slot * PATH_NUMBERS;
    if (k + PATH_NUMBERS > this.numbers.length) {
      // Past the first thousand values, room for a value every 8 characters of the text at once: pack files hold one
      // every 10 to 40. Grown by doubling, the numbers of a 4 MB file were copied into 16 MB in all, and a parsing
      // thread paid for every new page of memory it touched (10 µs a page on a virtual machine); pages of this room
      // that no value is written to are never touched. Paths that record little (a reader that gives way to the
      // valid-pack reader) keep their first room.
      const grown = new Int32Array(Math.max(this.numbers.length * 2, Math.ceil(this.lines.textLength / 8) * PATH_NUMBERS));
      grown.set(this.numbers);
      this.numbers = grown;
    }
    const lines = this.lines;
    const startLine = lines.lineNear(start, this.line);
    const startsAt = lines.lineStart(startLine);
    // Most values end on the line they start on.
    const endLine = startLine + 1 >= lines.lineCount || end < lines.lineStart(startLine + 1) ? startLine : lines.lineNear(end, startLine);
    this.line = startLine;
    const n = this.numbers;
    n[k] = parent;
    n[k + 1] = startLine;
    n[k + 2] = start - startsAt;
    n[k + 3] = endLine;
    n[k + 4] = end - (endLine === startLine ? startsAt : lines.lineStart(endLine));
    let group = this.groups[this.groups.length - 1];
    if (group.length === GROUP) this.groups.push((group = []));
    group.push(part);
    if (this.whole) {
      const path = wholePath(this.whole, parent, part);
      this.whole.push(path);
      this.map!.set(path, slot);
    }
    return slot;
  }

  /**
   * Records the path of `part` under slot `parent` from `start`, its end to
   * come (`close`): a collection's path comes before its values' paths, and
   * its end after them.
   */
  openIn(parent: number, part: string | number, start: number): number {
    return this.recordIn(parent, part, start, start);
  }

  /** Ends the range of the path at `slot` (`openIn`) at `end`. */
  close(slot: number, end: number): void {
    const k = slot * PATH_NUMBERS;
    const line = this.lines.lineNear(end, this.numbers[k + 1]);
    this.numbers[k + 3] = line;
    this.numbers[k + 4] = end - this.lines.lineStart(line);
  }

  get(path: string): Range | undefined {
    const slot = this.lookUp().get(path);
    return slot === undefined ? undefined : rangeAt(this.numbers, slot * PATH_NUMBERS);
  }

  /** Each path's slot, its last recorded; made on the first lookup. */
  private lookUp(): Map<string, number> {
    if (!this.map) {
      this.whole = wholePaths(this.groups.flat(), this.numbers.subarray(0, this.count * PATH_NUMBERS))!;
      this.map = new Map();
      this.whole.forEach((path, slot) => this.map!.set(path, slot));
    }
    return this.map;
  }

  /** Every path with its range, in the order recorded; a path recorded twice has its last range. */
  *[Symbol.iterator](): IterableIterator<[string, Range]> {
    const places = this.lookUp();
    for (const [slot, path] of this.whole!.entries()) if (places.get(path) === slot) yield [path, rangeAt(this.numbers, slot * PATH_NUMBERS)];
  }

  /**
   * The parts joined by newlines (a path holds none) and five numbers a path, as `PackedPaths` reads them. The
   * numbers are a view of those recorded, not a copy (8 MB for a 4 MB file): nothing is recorded once a file is read.
   */
  packed(): { keys: string; ranges: Int32Array } {
    // Joined a group at a time, then the groups: the 400,000 parts of a 4 MB pack file took 40–55 ms joined at once, 18–20 ms so.
    const keys = this.groups.length === 1 ? this.groups[0].join('\n') : this.groups.map((g) => g.join('\n')).join('\n');
    return { keys, ranges: this.numbers.subarray(0, this.count * PATH_NUMBERS) };
  }
}

/** Parts kept a group: as many as were joined at once before the groups were. */
const GROUP = 1024;

function rangeAt(n: Int32Array, k: number): Range {
  return { start: { line: n[k + 1], character: n[k + 2] }, end: { line: n[k + 3], character: n[k + 4] } };
}

/** The whole path of `part` under the slot `parent` of paths made whole (-1: `part` is whole). */
function wholePath(whole: readonly string[], parent: number, part: string | number): string {
  return parent < 0 ? String(part) : `${whole[parent]}/${part}`;
}

/**
 * The whole path of each slot, from its part and the slot it is under (which
 * comes before it); undefined where parts and numbers do not match (which no
 * loader writes).
 */
export function wholePaths(parts: readonly (string | number)[], numbers: Int32Array): string[] | undefined {
  if (parts.length * PATH_NUMBERS !== numbers.length) return undefined;
  const whole: string[] = new Array(parts.length);
  for (let slot = 0; slot < parts.length; slot++) {
    const parent = numbers[slot * PATH_NUMBERS];
    if (parent >= slot) return undefined;
    whole[slot] = wholePath(whole, parent, parts[slot]);
  }
  return whole;
}
