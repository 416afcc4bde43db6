// The cache of parsed packs (src/core/packs/packCache.ts): used when its entry is
// this loader's parse of these bytes for this file, ignored and deleted when
// it is not (stale, corrupt, another loader version, another file, not signed
// by this cache), and what it gives back is what a parse gives.

import type { RecordedPaths } from '../../src/core/packs/recordedPaths';
import { packText } from '../../src/core/packs/packContent';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { copyInSlices, utf8InSlices } from '../../src/core/packs/packContent';
import { LOADER_VERSION, PackCache, type CacheStorage, type ParseForCache, type Sha256 } from '../../src/core/packs/packCache';
import { emptyLocations } from '../../src/core/facts/factIndex';
import { createHash } from 'node:crypto';
import { encodeBody, packNumbers, unpackNumbers } from '../../src/core/packs/packCacheEntry';
import { parsedWithForms } from '../../src/core/facts/languageForms';
import { parsePackText } from '../../src/core/packs/packLoader';
import { assertSameParse, factYaml, packYaml, projectRoot, readBundledText, sourceFingerprint } from './helpers';

/** Storage in memory, with a clock for the entries' write times. */
class MemoryStorage implements CacheStorage {
  readonly files = new Map<string, { data: Uint8Array; mtime: number }>();
  clock = 1;
  read(name: string): Promise<Uint8Array | undefined> {
    const f = this.files.get(name);
    return Promise.resolve(f ? f.data.slice() : undefined);
  }
  write(name: string, data: Uint8Array): Promise<void> {
    this.files.set(name, { data: data.slice(), mtime: this.clock++ });
    return Promise.resolve();
  }
  delete(name: string): Promise<void> {
    this.files.delete(name);
    return Promise.resolve();
  }
  list(): Promise<{ name: string; size: number; mtime: number }[]> {
    return Promise.resolve([...this.files].map(([name, f]) => ({ name, size: f.data.length, mtime: f.mtime })));
  }
  /** The only entry's name. */
  only(): string {
    assert.equal(this.files.size, 1, `one entry expected, found ${this.files.size}`);
    return [...this.files.keys()][0];
  }
}

const SECRET = new Uint8Array(32).fill(7);

/** A parse in this thread, counted, as the worker gives it (with the entry's body). */
function countingParser(): { parse: ParseForCache; calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    parse: (text, file, options) => {
      calls.push(file);
      // As the parsing thread answers: with the case forms of names in other languages.
      const result = parsedWithForms(parsePackText(packText(text), file, options));
      return Promise.resolve({ result, body: encodeBody(result) });
    },
  };
}

const BROKEN = packYaml(factYaml('team.one'), factYaml('team.two', { kind: 'place' }), '  - id: team.three\n    kind: term\n    label: [unclosed\n');
const CLEAN = packYaml(factYaml('team.one'), factYaml('team.two')).replace('Label of team.two', 'Двоє «друзів» – team.two');

suite('packCache: parsed packs kept between sessions', () => {
  test('a pack parsed once is read from the cache the next time, equal to a parse: facts, problems, every location', async () => {
    for (const [text, file] of [
      [readBundledText(), 'file:///w/bundled.factpack.yaml'],
      [CLEAN, 'file:///w/clean.factpack.yaml'],
      [BROKEN, 'file:///w/broken.factpack.yaml'],
    ]) {
      const storage = new MemoryStorage();
      const { parse, calls } = countingParser();
      const first = new PackCache({ storage, secret: SECRET });
      assertSameParse(await first.parse(text, file, {}, parse), text, file);
      await first.flush();
      assert.deepEqual(first.counts, { hits: 0, misses: 1, rejected: 0, written: 1, evicted: 0 });
      // A window reload: a new cache over the same storage.
      const second = new PackCache({ storage, secret: SECRET });
      assertSameParse(await second.parse(text, file, {}, parse), text, file);
      assert.deepEqual(second.counts, { hits: 1, misses: 0, rejected: 0, written: 0, evicted: 0 });
      assert.equal(calls.length, 1, 'parsed once');
    }
  });

  test("an entry read back as a Node Buffer inside a larger pool, as VS Code's file system gives it, is used", async () => {
    /** Hands each entry back as a view at an odd offset of a larger buffer. */
    class PooledStorage extends MemoryStorage {
      override read(name: string): Promise<Uint8Array | undefined> {
        const f = this.files.get(name);
        if (!f) return Promise.resolve(undefined);
        const pool = Buffer.alloc(f.data.length + 13);
        pool.set(f.data, 13);
        return Promise.resolve(pool.subarray(13));
      }
    }
    const storage = new PooledStorage();
    const { parse } = countingParser();
    const first = new PackCache({ storage, secret: SECRET });
    await first.parse(CLEAN, 'file:///w/pooled.factpack.yaml', {}, parse);
    await first.flush();
    const second = new PackCache({ storage, secret: SECRET });
    assertSameParse(await second.parse(CLEAN, 'file:///w/pooled.factpack.yaml', {}, parse), CLEAN, 'file:///w/pooled.factpack.yaml');
    assert.deepEqual(second.counts, { hits: 1, misses: 0, rejected: 0, written: 0, evicted: 0 });
  });

  test('a pack read from an entry keeps nothing of the bytes read: its ranges and paths are copied out of them', async () => {
    /** Hands each entry back in a buffer of its own, kept here to be overwritten once read. */
    class HandingStorage extends MemoryStorage {
      readonly handed: Uint8Array[] = [];
      override read(name: string): Promise<Uint8Array | undefined> {
        const f = this.files.get(name);
        if (!f) return Promise.resolve(undefined);
        const copy = f.data.slice();
        this.handed.push(copy);
        return Promise.resolve(copy);
      }
    }
    for (const [text, file] of [
      [readBundledText(), 'file:///w/bundled.factpack.yaml'],
      [BROKEN, 'file:///w/broken.factpack.yaml'],
    ]) {
      const storage = new HandingStorage();
      const { parse } = countingParser();
      const first = new PackCache({ storage, secret: SECRET });
      await first.parse(text, file, {}, parse);
      await first.flush();
      const second = new PackCache({ storage, secret: SECRET });
      const read = await second.parse(text, file, {}, parse);
      assert.equal(second.counts.hits, 1);
      // Whatever the pack still reads from the entry's bytes (its ranges and paths, looked up later) would now be zeros.
      assert.equal(storage.handed.length, 1);
      storage.handed[0].fill(0);
      assertSameParse(read, text, file);
    }
  });

  test('a file’s bytes as read find the entry of its text, and are never decoded on a hit; a leading BOM is no part of the content', async () => {
    const storage = new MemoryStorage();
    const { parse, calls } = countingParser();
    const file = 'file:///w/bytes.factpack.yaml';
    const first = new PackCache({ storage, secret: SECRET });
    assertSameParse(await first.parse(CLEAN, file, {}, parse), CLEAN, file);
    await first.flush();
    // A window reload reads the file's bytes: the same entry, with or without a byte-order mark.
    const bytes = new TextEncoder().encode(CLEAN);
    for (const content of [bytes, Buffer.concat([new Uint8Array([0xef, 0xbb, 0xbf]), bytes])]) {
      const second = new PackCache({ storage, secret: SECRET });
      assertSameParse(await second.parse(content, file, {}, parse), CLEAN, file);
      assert.deepEqual(second.counts, { hits: 1, misses: 0, rejected: 0, written: 0, evicted: 0 });
    }
    assert.deepEqual(calls, [file], 'parsed once');
    // Bytes changed since: parsed from their text, handed to the parse as they are and no copy made here
    // (the parse copies what it sends to a thread: packParsing.ts).
    const edited = new TextEncoder().encode(CLEAN.replace('team.two', 'team.twin'));
    let handed: { content: unknown; utf8: Uint8Array | undefined } | undefined;
    const third = new PackCache({ storage, secret: SECRET });
    const r = await third.parse(edited, file, {}, (content, f, o, utf8) => ((handed = { content, utf8 }), parse(content, f, o, utf8)));
    assertSameParse(r, CLEAN.replace('team.two', 'team.twin'), file);
    assert.ok(handed && handed.content === edited && handed.utf8 === undefined);
    assert.deepEqual(third.counts, { hits: 0, misses: 1, rejected: 0, written: 0, evicted: 0 });
  });

  test('a changed text is parsed again, and its entry is its own', async () => {
    const storage = new MemoryStorage();
    const { parse, calls } = countingParser();
    const cache = new PackCache({ storage, secret: SECRET });
    await cache.parse(CLEAN, 'file:///w/a.factpack.yaml', {}, parse);
    const edited = CLEAN.replace('team.two', 'team.twin');
    const r = await cache.parse(edited, 'file:///w/a.factpack.yaml', {}, parse);
    assertSameParse(r, edited, 'file:///w/a.factpack.yaml');
    await cache.flush();
    assert.deepEqual(calls.length, 2);
    assert.equal(storage.files.size, 2);
    // The same text under another size limit is another parse (a file over it is refused).
    const small = await cache.parse(CLEAN, 'file:///w/a.factpack.yaml', { maxBytes: 100 }, parse);
    assert.deepEqual(
      small.problems.map((p) => p.code),
      ['file-too-large'],
    );
    assert.equal(calls.length, 3);
  });

  test('an entry is ignored and deleted when it is corrupt, truncated, another file\u2019s, another loader version\u2019s or not signed by this cache', async () => {
    const file = 'file:///w/a.factpack.yaml';
    const other = 'file:///w/b.factpack.yaml';
    const storage = new MemoryStorage();
    const { parse } = countingParser();
    const writer = new PackCache({ storage, secret: SECRET });
    await writer.parse(CLEAN, file, {}, parse);
    await writer.parse(CLEAN, other, {}, parse);
    await writer.flush();
    const names = [...storage.files.keys()];
    const good = storage.files.get(names[0])!.data;
    const otherGood = storage.files.get(names[1])!.data;
    const text = new TextDecoder().decode(good);

    const tampered: [string, Uint8Array][] = [
      [
        'a byte of the body changed',
        (() => {
          const d = good.slice();
          d[d.length - 100] ^= 1;
          return d;
        })(),
      ],
      [
        'a byte of the signature changed',
        (() => {
          const d = good.slice();
          d[d.indexOf(10) + 5] ^= 1;
          return d;
        })(),
      ],
      ['truncated', good.slice(0, good.length - 10)],
      ['empty', new Uint8Array(0)],
      ['not an entry', new TextEncoder().encode('{"pack": "something else"}')],
      ['another file\u2019s entry', otherGood],
      ['another loader version', new TextEncoder().encode(text.replace(`"loader":"${LOADER_VERSION}"`, '"loader":"0.0.0"'))],
      ['a fact changed and the header kept', new TextEncoder().encode(text.replace('team.two', 'team.tw0'))],
    ];
    for (const [what, data] of tampered) {
      await storage.write(names[0], data);
      const { parse: again, calls } = countingParser();
      const reader = new PackCache({ storage, secret: SECRET });
      const r = await reader.parse(CLEAN, file, {}, again);
      assertSameParse(r, CLEAN, file);
      assert.equal(calls.length, 1, `${what}: parsed again`);
      assert.deepEqual({ hits: reader.counts.hits, rejected: reader.counts.rejected }, { hits: 0, rejected: 1 }, what);
      await reader.flush();
      // The bad entry was replaced by a good one.
      assert.deepEqual([...storage.files.get(names[0])!.data], [...good], what);
    }

    // Signed with another secret (written by something else): never used.
    const foreign = new PackCache({ storage: new MemoryStorage(), secret: new Uint8Array(32).fill(9) });
    const foreignStorage = (foreign as unknown as { options: { storage: MemoryStorage } }).options.storage;
    await foreign.parse(CLEAN, file, {}, parse);
    await foreign.flush();
    await storage.write(names[0], foreignStorage.files.get(foreignStorage.only())!.data);
    const reader = new PackCache({ storage, secret: SECRET });
    await reader.parse(CLEAN, file, {}, parse);
    assert.deepEqual({ hits: reader.counts.hits, rejected: reader.counts.rejected }, { hits: 0, rejected: 1 });
  });

  test('where the storage fails, packs are parsed as without a cache', async () => {
    const failing: CacheStorage = {
      read: () => Promise.reject(new Error('disk gone')),
      write: () => Promise.reject(new Error('disk gone')),
      delete: () => Promise.reject(new Error('disk gone')),
      list: () => Promise.reject(new Error('disk gone')),
    };
    const { parse, calls } = countingParser();
    const cache = new PackCache({ storage: failing, secret: SECRET });
    assertSameParse(await cache.parse(BROKEN, 'file:///w/x.yaml', {}, parse), BROKEN, 'file:///w/x.yaml');
    assertSameParse(await cache.parse(BROKEN, 'file:///w/x.yaml', {}, parse), BROKEN, 'file:///w/x.yaml');
    await cache.flush();
    assert.equal(calls.length, 2);
    assert.equal(cache.counts.hits, 0);
  });

  test('a pack citing hundreds of sources keeps them in sections of their own, read back a section a step, all of them in order', async () => {
    const many = Array.from(
      { length: 620 },
      (_, i) => `  - id: src-many-${i}\n    title: Source ${i}\n    publisher: Publisher ${i}\n    kind: outlet\n    language: en\n`,
    ).join('');
    const text = packYaml(factYaml('team.one'), factYaml('team.two')).replace('facts:\n', `${many}facts:\n`);
    const file = 'file:///w/sources.factpack.yaml';
    const parsed = parsePackText(text, file);
    assert.equal(parsed.pack?.sources.length, 622);
    // The head, the section by id, two of sources (62 KB of JSON, 48 KB a section at most), one of facts, the paths' keys and their ranges.
    const sections = encodeBody(parsed)!.sections;
    assert.equal(sections.length, 7);
    assert.ok(
      sections.slice(2, 5).every((s) => s.length <= 48 * 1024),
      sections.map((s) => s.length).join(', '),
    );
    const storage = new MemoryStorage();
    const { parse } = countingParser();
    const first = new PackCache({ storage, secret: SECRET });
    await first.parse(text, file, {}, parse);
    await first.flush();
    let steps = 0;
    const again = new PackCache({ storage, secret: SECRET, yieldToHost: () => Promise.resolve(void steps++) });
    const read = await again.parse(text, file, {}, parse);
    assert.equal(again.counts.hits, 1);
    assertSameParse(read, text, file);
    assert.deepEqual(
      read.pack?.sources.map((s) => s.id),
      parsed.pack?.sources.map((s) => s.id),
    );
    assert.ok(steps >= 4, `read back in ${steps} steps`);
  });

  test('entries are written once `writeAfter` resolves (the facts in use), not while packs are still loading; then read back', async () => {
    const storage = new MemoryStorage();
    const { parse } = countingParser();
    let inUse = (): void => undefined;
    const facts = new Promise<void>((resolve) => (inUse = resolve));
    const cache = new PackCache({ storage, secret: SECRET, writeAfter: () => facts });
    assertSameParse(await cache.parse(CLEAN, 'file:///w/a.yaml', {}, parse), CLEAN, 'file:///w/a.yaml');
    assertSameParse(await cache.parse(BROKEN, 'file:///w/b.yaml', {}, parse), BROKEN, 'file:///w/b.yaml');
    for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
    assert.equal(storage.files.size, 0, 'written before the facts were in use');
    inUse();
    await cache.flush();
    assert.equal(storage.files.size, 2);
    assert.equal(cache.counts.written, 2);
    const reload = new PackCache({ storage, secret: SECRET });
    assertSameParse(await reload.parse(CLEAN, 'file:///w/a.yaml', {}, parse), CLEAN, 'file:///w/a.yaml');
    assertSameParse(await reload.parse(BROKEN, 'file:///w/b.yaml', {}, parse), BROKEN, 'file:///w/b.yaml');
    assert.equal(reload.counts.hits, 2);
  });

  test('the cache keeps to its size: the oldest entries are deleted first, never the one just written', async () => {
    const storage = new MemoryStorage();
    const { parse } = countingParser();
    const probe = new PackCache({ storage: new MemoryStorage(), secret: SECRET });
    await probe.parse(CLEAN, 'file:///w/p0.yaml', {}, parse);
    await probe.flush();
    const size = (probe as unknown as { options: { storage: MemoryStorage } }).options.storage.files.values().next().value!.data.length;
    // Room for three entries (an entry larger than a quarter of the cache is not kept).
    const cache = new PackCache({ storage, secret: SECRET, maxTotalBytes: size * 4 - 1 });
    for (let i = 0; i < 6; i++) {
      await cache.parse(CLEAN.replace('id: team\n', `id: team${i}\n`), `file:///w/p${i}.yaml`, {}, parse);
      await cache.flush();
    }
    assert.equal(storage.files.size, 3);
    assert.equal(cache.counts.evicted, 3);
    const kept = await new PackCache({ storage, secret: SECRET }).parse(CLEAN.replace('id: team\n', 'id: team5\n'), 'file:///w/p5.yaml', {}, parse);
    assert.ok(kept.pack);
    const again = new PackCache({ storage, secret: SECRET });
    await again.parse(CLEAN.replace('id: team\n', 'id: team0\n'), 'file:///w/p0.yaml', {}, parse);
    assert.deepEqual({ hits: again.counts.hits, misses: again.counts.misses }, { hits: 0, misses: 1 }, 'the oldest was evicted');
  });

  test('a result that cannot be kept exactly, or a load that failed on an unexpected error, is not kept', () => {
    const r = parsePackText(packYaml(factYaml('team.one')), 'x.yaml');
    r.pack!.facts[0].number = -0;
    assert.equal(encodeBody(r), undefined);
    assert.equal(
      encodeBody({
        locations: r.locations,
        problems: [
          {
            ...(r.problems[0] ?? { file: 'x', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, message: '', severity: 'error' }),
            code: 'load-failed',
          },
        ],
      }),
      undefined,
    );
  });

  test('the ranges of an entry are packed a few bytes each and read back as they were; bytes that are not such numbers are refused', () => {
    const { keys, ranges } = (parsePackText(readBundledText(), 'bundled.yaml').locations.paths as unknown as RecordedPaths).packed();
    assert.ok(keys.length > 0);
    const packed = packNumbers(ranges);
    assert.deepEqual(unpackNumbers(packed), ranges);
    assert.ok(packed.length * 3 < ranges.byteLength, `${packed.length} bytes for ${ranges.byteLength}`);
    // Lines that go back, columns and lines past what one byte holds, the largest numbers an Int32Array holds.
    const odd = Int32Array.from([-1, 5, 0, 5, 3, 0, 2, 700, 90000, 9, -1, 2 ** 31 - 1, 2 ** 31 - 1, 2 ** 31 - 1, 0, 2, 0, 0, 0, 0]);
    assert.deepEqual(unpackNumbers(packNumbers(odd)), odd);
    assert.deepEqual(unpackNumbers(new Uint8Array(0)), new Int32Array(0));
    assert.throws(() => unpackNumbers(packed.subarray(0, packed.length - 1)), /cut short|wrong length/);
    assert.throws(() => unpackNumbers(Uint8Array.from([1, 2, 3])), /wrong length/);
    assert.throws(() => unpackNumbers(new Uint8Array(8).fill(255)), /cut short/);
  });

  test("an entry written with the host's own SHA-256 (Node's) is read with Web Crypto's, and the reverse: the same names and signatures", async () => {
    const nodeSha256 = (): Sha256 => {
      const hash = createHash('sha256');
      return { update: (data) => void hash.update(data), digest: () => new Uint8Array(hash.digest()) };
    };
    const file = 'file:///w/hashed.factpack.yaml';
    for (const [writer, reader] of [
      [nodeSha256, undefined],
      [undefined, nodeSha256],
    ] as const) {
      const storage = new MemoryStorage();
      const { parse, calls } = countingParser();
      const first = new PackCache({ storage, secret: SECRET, sha256: writer });
      await first.parse(new TextEncoder().encode(CLEAN), file, {}, parse);
      await first.flush();
      const second = new PackCache({ storage, secret: SECRET, sha256: reader });
      assertSameParse(await second.parse(new TextEncoder().encode(CLEAN), file, {}, parse), CLEAN, file);
      assert.deepEqual(second.counts, { hits: 1, misses: 0, rejected: 0, written: 0, evicted: 0 });
      assert.equal(calls.length, 1);
    }
  });

  test("a pack of megabytes is fed to the host's SHA-256 a megabyte a step, the host given its turn before each: loading many files at once holds it for none of them", async () => {
    const log: string[] = [];
    const sha256 = (): Sha256 => {
      const hash = createHash('sha256');
      return { update: (data) => void (log.push(`hash ${data.length}`), hash.update(data)), digest: () => new Uint8Array(hash.digest()) };
    };
    const MB = 1024 * 1024;
    const bytes = new Uint8Array(3.5 * MB).fill(0x61);
    const cache = new PackCache({ storage: new MemoryStorage(), secret: SECRET, sha256, yieldToHost: async () => void log.push('turn') });
    let hashed: string[] = [];
    await cache.parse(bytes, 'file:///w/big.factpack.yaml', {}, (_c, file) => {
      hashed = log.slice();
      return Promise.resolve({ result: { locations: emptyLocations(file), problems: [] } });
    });
    assert.deepEqual(hashed.slice(0, 8), ['turn', `hash ${MB}`, 'turn', `hash ${MB}`, 'turn', `hash ${MB}`, 'turn', `hash ${MB / 2}`]);
    // The entry's name is hashed at once: it is a short key.
    assert.ok(
      hashed.slice(8).every((e) => e === 'turn' || Number(e.split(' ')[1]) < 1024),
      hashed.slice(8).join(', '),
    );
    // The same content hash as Web Crypto's: the same entry name either way.
    const names: string[] = [];
    for (const host of [sha256, undefined]) {
      const storage = new MemoryStorage();
      const writer = new PackCache({ storage, secret: SECRET, sha256: host });
      await writer.parse(CLEAN, 'file:///w/named.factpack.yaml', {}, countingParser().parse);
      await writer.flush();
      names.push(storage.only());
    }
    assert.equal(names[0], names[1]);
  });

  test('files loaded together are hashed one after another, a megabyte a step: the first one\u2019s entry is read while the next is hashed', async () => {
    const MB = 1024 * 1024;
    const log: string[] = [];
    const sha256 = (): Sha256 => {
      const hash = createHash('sha256');
      return { update: (data) => void (log.push(`hash ${data[0]}`), hash.update(data)), digest: () => new Uint8Array(hash.digest()) };
    };
    const storage = new MemoryStorage();
    const read = storage.read.bind(storage);
    storage.read = (name) => (log.push('read'), read(name));
    const cache = new PackCache({ storage, secret: SECRET, sha256, yieldToHost: () => new Promise((r) => setImmediate(r)) });
    const parse: ParseForCache = (_c, file) => Promise.resolve({ result: { locations: emptyLocations(file), problems: [] } });
    // Three files of 2.5 MB, each of its own byte.
    await Promise.all([1, 2, 3].map((b) => cache.parse(new Uint8Array(2.5 * MB).fill(b), `file:///w/f${b}.factpack.yaml`, {}, parse)));
    const big = log.filter((e) => e === 'read' || /^hash [123]$/.test(e));
    assert.deepEqual(
      big.filter((e) => e !== 'read'),
      ['hash 1', 'hash 1', 'hash 1', 'hash 2', 'hash 2', 'hash 2', 'hash 3', 'hash 3', 'hash 3'],
    );
    // The first file's entry is looked for before the last file is hashed.
    assert.ok(big.indexOf('read') < big.lastIndexOf('hash 3'), big.join(', '));
  });

  test('bytes are copied a slice at a time, each slice on a turn of its own', async () => {
    for (const n of [0, 5, 1024 * 1024, 3 * 1024 * 1024 + 17]) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 31) % 251);
      let turns = 0;
      const copy = await copyInSlices(bytes, () => (turns++, Promise.resolve()));
      assert.ok(copy.buffer !== bytes.buffer);
      assert.ok(Buffer.from(copy).equals(Buffer.from(bytes)), `${n} bytes`);
      assert.equal(turns, n > 1024 * 1024 ? Math.ceil(n / (1024 * 1024)) : 0);
    }
  });

  test('a text is encoded a slice at a time to the same UTF-8 as at once, a character outside the BMP never split', async () => {
    let steps = 0;
    const between = async (): Promise<void> => {
      steps++;
    };
    const pair = '\u{1F1FA}';
    for (const text of ['short', 'а'.repeat(700_000), `${'x'.repeat(256 * 1024 - 1)}${pair}${'y'.repeat(300_000)}`, `${pair.repeat(400_000)}к`]) {
      const sliced = await utf8InSlices(text, between);
      assert.ok(Buffer.from(sliced).equals(Buffer.from(new TextEncoder().encode(text))), `${text.length} characters`);
    }
    assert.ok(steps >= 6, `${steps} steps`);
  });

  test('LOADER_VERSION is raised with every change to the loader: entries written before it are then ignored', () => {
    // When this fails: the loader changed, so a cached parse may differ from a parse now. Raise
    // LOADER_VERSION in src/core/packs/packCache.ts and record the new fingerprint here. (A change elsewhere
    // that changes what the loader returns, in the dates or line positions it uses, needs the same.)
    const fingerprints: Record<string, string> = {
      '2026-12-02.1': '9e66783852c555e8',
      '2026-12-02.2': 'e715e50e44a49d5b',
      '2026-12-02.3': '787896a887362cb4',
      '2026-12-02.4': 'ec0ffb865f57c205',
      '2026-12-02.5': 'efe24d25d29de255',
      '2026-12-02.6': '6da4091ad5200857',
      '2026-12-02.7': '529b886e77ed1319',
      '2026-12-02.8': '5df5b5078e8f92cb',
      '2026-12-02.10': '95e82673aea46621',
      '2026-12-02.11': 'ad644c53cbf42fbc',
      '2026-12-02.12': 'd7684311a5f24a85',
      '2026-12-02.20': 'c2a567603a34bf95',
      '2026-12-02.21': '0547a5060d7e887d',
      '2026-12-02.22': 'b73378449378beb9',
      '2026-12-03.1': '7c1f777070112e74',
      '2026-12-03.2': 'fd2aba26cb1b09f2',
      '2026-12-03.3': '2bc081f90323f0ff',
      '2026-12-03.4': 'a64c3aa802053fea',
      '2026-12-03.5': '5d566ff0cf6e6dd1',
      '2026-12-03.6': 'eb174dfd09a2dfdf',
      '2026-12-03.7': 'a0b3e66db27800d2',
      '2026-12-03.8': 'd89145b3dfc92938',
      '2026-12-03.9': '041a6c4f173c1188',
      '2026-12-03.10': 'aa5b62c5f1a4bb0e',
      '2026-12-03.11': '2776b753c90d2513',
      '2026-12-04.1': 'ad13c73b5011656d',
      '2026-12-04.2': '6f8a41e331301490',
      '2026-12-04.3': '450a6ff3b44455ad',
      '2026-12-04.4': 'a6a9e6048ddb6790',
      '2026-12-04.5': '693ad3d694f1a1cd',
      '2026-12-04.6': 'aad870bd65a075e2',
      '2026-12-05.1': 'b5ed6ac6d4c87462',
      '2026-12-05.2': '48af0a2a9599e9ab',
      '2026-12-05.3': 'a3e212bfd65d62b0',
    };
    const loader = [
      'src/core/packs/packLoader.ts',
      'src/core/packs/quickYaml.ts',
      'src/core/packs/quickJson.ts',
      'src/core/packs/quickText.ts',
      'src/core/packs/validPack.ts',
      'src/core/packs/recordedPaths.ts',
      'src/core/packs/packCacheEntry.ts',
      'src/core/packs/asciiJson.ts',
      'src/core/types.ts',
      'src/core/packs/packLimits.ts',
      'src/core/facts/languageForms.ts',
      'src/core/facts/ukInflect.ts',
      'src/core/document/text.ts',
      'src/core/document/dates.ts',
    ];
    const yamlVersion = JSON.parse(fs.readFileSync(path.join(projectRoot, 'node_modules', 'yaml', 'package.json'), 'utf8')).version as string;
    assert.equal(fingerprints[LOADER_VERSION], sourceFingerprint(loader, yamlVersion));
  });
});
