import { PackedPaths, packedPaths } from './packWire';
import { asciiJson, asciiText, readUtf8, type ReadText } from './asciiJson';
import { copyInSlices } from './packContent';
import { PATH_NUMBERS } from './recordedPaths';
import type { LoadResult } from './packLoader';
import type { ByIdLookup, Fact, PackLocations, Problem, Range, Source } from '../types';

// A parsed pack as one cache entry's body: the parse's result in sections that
// can be read a few at a time (the sources and the facts in chunks), so that reading a large
// entry back never holds its thread for long. The ranges of every value are
// stored packed (one string of paths, one array of numbers) and unpacked on the
// first lookup, as when they come from the worker (packWire.ts); so are the
// ranges and paths of sources and facts by id, in a section of their own read
// on the first lookup: they locate problems, and most loads have none. Every
// JSON section is written as ASCII (asciiJson.ts), which a host reads faster.

/**
 * Bytes of JSON a chunk of sources or facts holds at most (an item larger
 * than that is a chunk of its own). One chunk is read per turn of the host's
 * event loop, and its text is then a small object of the engine's (under
 * 128 KB), made in memory the engine already uses. A larger text is given
 * memory of its own, which this machine's Node made ready fourteen times
 * slower: 100 MB read as text in chunks of 250 KB took 350 ms, in chunks of
 * 100 KB 24 ms.
 */
const CHUNK_BYTES = 48 * 1024;

/** `items` as lists of JSON in ASCII, each of up to CHUNK_BYTES. */
function jsonChunks(items: readonly unknown[]): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  let parts: string[] = [];
  let size = 2;
  for (const item of items) {
    const json = asciiText(JSON.stringify(item) ?? 'null');
    if (parts.length > 0 && size + json.length + 1 > CHUNK_BYTES) {
      chunks.push(encoder.encode(`[${parts.join(',')}]`));
      parts = [];
      size = 2;
    }
    parts.push(json);
    size += json.length + 1;
  }
  if (parts.length > 0) chunks.push(encoder.encode(`[${parts.join(',')}]`));
  return chunks;
}

/**
 * The body of an entry, section by section: each its own buffer, as the
 * parsing thread makes and sends them (transferred, not copied) and the
 * cache copies them into the entry. Joining them in the thread, to be copied
 * again into the entry, took the thread some 20 ms for a 4 MB pack file.
 */
export interface EncodedBody {
  sections: Uint8Array[];
}

interface Head {
  hasPack: boolean;
  meta: unknown;
  /** How many sections of sources follow the one by id (the facts' sections after them). */
  sourceChunks: number;
  problems: Problem[];
}

/** The section of ranges and paths by id. */
interface ById {
  /** id, start line, start character, end line, end character. */
  sourceRanges: [string, number, number, number, number][];
  factRanges: [string, number, number, number, number][];
  pathsById: [string, string][];
}

const encoder = new TextEncoder();

function packRange(id: string, r: Range): [string, number, number, number, number] {
  return [id, r.start.line, r.start.character, r.end.line, r.end.character];
}

function unpackRange(e: [string, number, number, number, number]): [string, Range] {
  return [e[0], { start: { line: e[1], character: e[2] }, end: { line: e[3], character: e[4] } }];
}

/** Whether JSON would not give the value back as it is (JSON writes -0 as 0). */
function jsonLoses(facts: readonly Fact[]): boolean {
  return facts.some((f) => Object.is(f.number, -0));
}

/**
 * The body of a cache entry for a parse's result, or undefined when it is not
 * to be cached: a load that failed on an unexpected error is tried again next
 * time, and a value JSON cannot hold exactly is parsed again.
 */
export function encodeBody(result: LoadResult): EncodedBody | undefined {
  if (result.problems.some((p) => p.code === 'load-failed')) return undefined;
  const { locations, pack } = result;
  const packed = packedPaths(locations.paths);
  if (!packed) return undefined;
  if (pack && jsonLoses(pack.facts)) return undefined;
  const sourceChunks = jsonChunks(pack?.sources ?? []);
  const head: Head = {
    hasPack: pack !== undefined,
    meta: pack?.meta ?? null,
    sourceChunks: sourceChunks.length,
    problems: result.problems,
  };
  const byId: ById = {
    sourceRanges: [...locations.sources].map(([id, r]) => packRange(id, r)),
    factRanges: [...locations.facts].map(([id, r]) => packRange(id, r)),
    pathsById: [...locations.pathsById],
  };
  const parts: Uint8Array[] = [asciiJson(head), asciiJson(byId), ...sourceChunks, ...jsonChunks(pack?.facts ?? [])];
  const { keys, ranges } = packed;
  parts.push(encoder.encode(keys));
  parts.push(packNumbers(ranges));
  return { sections: parts };
}

/** The sections of a body read whole from an entry, by their byte lengths; undefined where they do not add up to it. */
export function bodySections(bytes: Uint8Array, lengths: readonly number[]): Uint8Array[] | undefined {
  if (!Array.isArray(lengths) || lengths.some((n) => !Number.isSafeInteger(n) || n < 0) || lengths.reduce((a, b) => a + b, 0) !== bytes.length)
    return undefined;
  const sections: Uint8Array[] = [];
  let at = 0;
  for (const n of lengths) {
    sections.push(bytes.subarray(at, at + n));
    at += n;
  }
  return sections;
}

/** Whether `bytes` is the whole of its buffer, not a view of part of one. */
function wholeBuffer(bytes: Uint8Array): boolean {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
}

/**
 * The buffers to move, not copy, to send a body's sections to another thread: each section's own, where it
 * has one to itself (the encoder makes them so); any other is copied with the message.
 */
export function transferable(body: EncodedBody): ArrayBuffer[] {
  const uses = new Map<ArrayBufferLike, number>();
  for (const s of body.sections) uses.set(s.buffer, (uses.get(s.buffer) ?? 0) + 1);
  return body.sections.filter((s) => wholeBuffer(s) && uses.get(s.buffer) === 1).map((s) => s.buffer as ArrayBuffer);
}

/**
 * The five numbers of each path (see RecordedPaths) as the body keeps them,
 * each as few bytes as it needs (seven bits a byte, the last byte's high bit
 * clear; signs folded in): how far back the path it is under is, the start
 * line less the path before's, the start character, the end line less the
 * start line, the end character. Most are under 128: a byte each, a quarter
 * of what the numbers take as they are.
 */
export function packNumbers(values: Int32Array): Uint8Array {
  const out = new Uint8Array(values.length * 5);
  let at = 0;
  let line = 0;
  const put = (v: number): void => {
    let z = v >= 0 ? v * 2 : -v * 2 - 1;
    while (z >= 128) {
      out[at++] = (z % 128) | 128;
      z = Math.floor(z / 128);
    }
    out[at++] = z;
  };
  for (let k = 0, slot = 0; k + PATH_NUMBERS <= values.length; k += PATH_NUMBERS, slot++) {
    put(slot - values[k]);
    put(values[k + 1] - line);
    put(values[k + 2]);
    put(values[k + 3] - values[k + 1]);
    put(values[k + 4]);
    line = values[k + 1];
  }
  return out.slice(0, at);
}

/** The numbers `packNumbers` packed; throws where the bytes are not such numbers. */
export function unpackNumbers(bytes: Uint8Array): Int32Array {
  const values: number[] = [];
  for (let at = 0; at < bytes.length;) {
    let z = 0;
    let scale = 1;
    for (;;) {
      if (at >= bytes.length || scale > 2 ** 35) throw new Error('ranges section cut short');
      const b = bytes[at++];
      z += (b & 127) * scale;
      if (b < 128) break;
      scale *= 128;
    }
    values.push(z % 2 === 0 ? z / 2 : -(z + 1) / 2);
  }
  if (values.length % PATH_NUMBERS !== 0) throw new Error('ranges section of a wrong length');
  const out = new Int32Array(values.length);
  let line = 0;
  for (let k = 0, slot = 0; k < values.length; k += PATH_NUMBERS, slot++) {
    out[k] = slot - values[k];
    out[k + 1] = line + values[k + 1];
    out[k + 2] = values[k + 2];
    out[k + 3] = out[k + 1] + values[k + 3];
    out[k + 4] = values[k + 4];
    line = out[k + 1];
  }
  return out;
}

/**
 * Reads a body back into the parse's result, one section per step (`between`
 * runs before each, to let the host answer requests), its sections made text
 * by `text` (the host's quickest: see asciiJson.ts). Throws on a body that
 * does not have the expected shape; the caller has checked its signature.
 */
export async function decodeBody(slices: readonly Uint8Array[], file: string, between: () => Promise<void>, text: ReadText = readUtf8): Promise<LoadResult> {
  if (slices.length < 4) throw new Error('too few sections for a body');
  const head = JSON.parse(text(slices[0])) as Head;
  if (
    typeof head !== 'object' ||
    head === null ||
    !Array.isArray(head.problems) ||
    !Number.isSafeInteger(head.sourceChunks) ||
    head.sourceChunks < 0 ||
    head.sourceChunks > slices.length - 4
  ) {
    throw new Error('the head section is not a parse result');
  }
  const sources: Source[] = [];
  const facts: Fact[] = [];
  for (let i = 2; i < slices.length - 2; i++) {
    await between();
    const chunk = JSON.parse(text(slices[i])) as unknown;
    if (!Array.isArray(chunk)) throw new Error('a sources or facts section is not a list');
    const into: unknown[] = i < 2 + head.sourceChunks ? sources : facts;
    for (const item of chunk) into.push(item);
  }
  // The paths and their ranges are read on the first lookup (PackedPaths), which checks that they match. The
  // sections kept for it are copied out of a buffer they share with others (a whole entry read from the cache),
  // which would otherwise be kept as long as the pack is: a megabyte a step (copied at once, the paths of a 4 MB
  // pack file held the host for several milliseconds).
  const own = (b: Uint8Array): Promise<Uint8Array> => (wholeBuffer(b) ? Promise.resolve(b) : copyInSlices(b, between));
  const keyBytes = await own(slices[slices.length - 2]);
  const rangeBytes = await own(slices[slices.length - 1]);
  const byId = new ByIdSection(await own(slices[1]), text);
  const locations: PackLocations = {
    file,
    sources: byId.lookup((s) => s.sources),
    facts: byId.lookup((s) => s.facts),
    pathsById: byId.lookup((s) => s.pathsById),
    paths: new PackedPaths(
      () => text(keyBytes),
      () => {
        try {
          return unpackNumbers(rangeBytes);
        } catch {
          // Not what the loader writes (the entry is signed): no range is found.
          return new Int32Array(0);
        }
      },
    ),
  };
  const pack = head.hasPack ? ({ meta: head.meta, sources, facts } as LoadResult['pack']) : undefined;
  return { pack, locations, problems: head.problems };
}

/**
 * The ranges and paths of sources and facts by id, read from their section on
 * the first lookup. The entry's signature was checked before it was read, so
 * the section is what the loader wrote; were it not the expected shape, no
 * range would be found (problems are then shown at the file's start).
 */
class ByIdSection {
  private read?: { sources: Map<string, Range>; facts: Map<string, Range>; pathsById: Map<string, string> };

  constructor(
    private bytes: Uint8Array,
    private readonly text: ReadText,
  ) {}

  lookup<V>(pick: (read: NonNullable<ByIdSection['read']>) => Map<string, V>): ByIdLookup<V> {
    return { get: (id) => pick(this.maps()).get(id), [Symbol.iterator]: () => pick(this.maps())[Symbol.iterator]() };
  }

  private maps(): NonNullable<ByIdSection['read']> {
    if (!this.read) {
      let section: Partial<ById> = {};
      try {
        section = JSON.parse(this.text(this.bytes)) as Partial<ById>;
      } catch {
        // left empty: see above
      }
      const list = <T>(v: T[] | undefined): T[] => (Array.isArray(v) ? v : []);
      this.read = {
        sources: new Map(list(section.sourceRanges).map(unpackRange)),
        facts: new Map(list(section.factRanges).map(unpackRange)),
        pathsById: new Map(list(section.pathsById)),
      };
      this.bytes = new Uint8Array(0);
    }
    return this.read;
  }
}
