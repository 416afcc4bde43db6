import type { LoadResult } from './packLoader';
import { PATH_NUMBERS, wholePaths, type RecordedPaths } from './recordedPaths';
import type { Pack, PackLocations, Problem, Range } from '../types';

/**
 * A parsed pack as it crosses from the worker that parsed it to the extension
 * host: the pack and its problems as they are (structured clone copies them),
 * and the range of every value, the bulk of it, packed into one string of
 * paths and one array of numbers, sent without a copy and unpacked on the
 * first lookup. Most packs never need a lookup: it locates problems found
 * after loading (a dangling reference, evidence not found).
 */
export interface WireResult {
  pack?: Pack;
  problems: Problem[];
  file: string;
  sources: Map<string, Range>;
  facts: Map<string, Range>;
  pathsById: Map<string, string>;
  /** Every path's last part (or the whole path), joined by newlines (paths hold no newline). */
  pathKeys: string;
  /** Per path: the path it is under (-1: none), start line, start character, end line, end character. */
  pathRanges: Int32Array;
}

export function toWire(r: LoadResult): WireResult {
  const { locations } = r;
  const packed = packedPaths(locations.paths);
  // The loader records every range; anything else would lose them on the way.
  if (!packed) throw new Error('toWire needs the ranges as the loader records them.');
  const { keys, ranges } = packed;
  return {
    pack: r.pack,
    problems: r.problems,
    file: locations.file,
    // A structured clone copies a Map: the loader's are Maps already.
    sources: asMap(locations.sources),
    facts: asMap(locations.facts),
    pathsById: asMap(locations.pathsById),
    pathKeys: keys,
    pathRanges: ranges,
  };
}

function asMap<V>(lookup: Iterable<[string, V]>): Map<string, V> {
  return lookup instanceof Map ? (lookup as Map<string, V>) : new Map(lookup);
}

/** The ranges as the loader records them (`RecordedPaths`, or a Map), packed; undefined for anything else. */
export function packedPaths(paths: PackLocations['paths']): { keys: string; ranges: Int32Array } | undefined {
  // The loader's RecordedPaths, known by what it does: the extension's bundle need not carry the class.
  const recorded = paths as Partial<Pick<RecordedPaths, 'packed'>>;
  if (typeof recorded.packed === 'function') return recorded.packed();
  if (paths instanceof Map) return packPaths(paths as ReadonlyMap<string, Range>);
  return undefined;
}

/** Every value's range, packed as `PackedPaths` reads it: the whole paths joined by newlines, and five numbers a path. */
export function packPaths(paths: ReadonlyMap<string, Range>): { keys: string; ranges: Int32Array } {
  const keys: string[] = [];
  const ranges = new Int32Array(paths.size * PATH_NUMBERS);
  let i = 0;
  for (const [key, range] of paths) {
    keys.push(key);
    ranges[i++] = -1;
    ranges[i++] = range.start.line;
    ranges[i++] = range.start.character;
    ranges[i++] = range.end.line;
    ranges[i++] = range.end.character;
  }
  return { keys: keys.join('\n'), ranges };
}

export function fromWire(w: WireResult): LoadResult {
  const locations: PackLocations = {
    file: w.file,
    sources: w.sources,
    facts: w.facts,
    pathsById: w.pathsById,
    paths: new PackedPaths(w.pathKeys, w.pathRanges),
  };
  return { pack: w.pack, problems: w.problems, locations };
}

/** The ranges of a pack's values, unpacked into a map on the first lookup. */
export class PackedPaths {
  private map?: Map<string, Range>;

  /**
   * `keys`: every path's last part (or the whole path) joined by newlines;
   * `ranges`: five numbers a path, the first the path it is under (see
   * RecordedPaths). Each may be what makes it when first needed (a cache
   * entry's sections). Paths and ranges that do not match (which no loader
   * writes) give no range.
   */
  constructor(
    private keys: string | (() => string),
    private ranges: Int32Array | (() => Int32Array),
  ) {}

  get(path: string): Range | undefined {
    if (!this.map) {
      this.map = new Map();
      const keys = typeof this.keys === 'function' ? this.keys() : this.keys;
      const r = typeof this.ranges === 'function' ? this.ranges() : this.ranges;
      const whole = wholePaths(keys === '' ? [] : keys.split('\n'), r) ?? [];
      for (let slot = 0, k = 0; slot < whole.length; slot++, k += PATH_NUMBERS) {
        this.map.set(whole[slot], { start: { line: r[k + 1], character: r[k + 2] }, end: { line: r[k + 3], character: r[k + 4] } });
      }
      this.keys = '';
      this.ranges = new Int32Array(0);
    }
    return this.map.get(path);
  }
}
