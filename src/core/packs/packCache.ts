import { textReader, type ReadAscii, type ReadText } from './asciiJson';
import { bodySections, decodeBody, type EncodedBody } from './packCacheEntry';
import type { LoadOptions, LoadResult } from './packLoader';
import { DEFAULT_MAX_PACK_BYTES } from './packLimits';
import { copyInSlices, utf8InSlices, withoutByteOrderMark, type PackContent } from './packContent';
import type { BuildOptions, LoadedPack } from '../facts/factIndex';
import { decodeSnapshot, encodeSnapshotSteps, INDEX_SNAPSHOT_VERSION, SNAPSHOTS_KEPT, type IndexSnapshot } from '../facts/indexSnapshot';
import { now } from '../check/pace';
import { inSlices } from '../steps';

/**
 * What `parsePackText` returns for a text may change with any change to the
 * loader (its checks, its messages, the YAML library): an entry written by
 * another version is never used. Raise this with every such change; a unit
 * test (packCache.test.ts) fails when the loader's source changed and this did not.
 */
export const LOADER_VERSION = '2026-12-05.3';

/** Where entries are kept: the extension's storage folder (src/packs/packCacheStorage.ts), or a folder on disk. */
export interface CacheStorage {
  read(name: string): Promise<Uint8Array | undefined>;
  write(name: string, data: Uint8Array): Promise<void>;
  delete(name: string): Promise<void>;
  /** Every entry with its size and when it was last written (ms since 1970). */
  list(): Promise<{ name: string; size: number; mtime: number }[]>;
}

/**
 * A parse whose result can also be written to the cache: `body` is undefined when it is not to be kept.
 * `utf8` is a text's UTF-8 where the cache has made it (to hash it): the parse may take it (a worker is sent it
 * without a copy).
 */
export type ParseForCache = (
  content: PackContent,
  file: string,
  options: LoadOptions,
  utf8?: Uint8Array,
) => Promise<{ result: LoadResult; body?: EncodedBody }>;

export interface PackCacheOptions {
  storage: CacheStorage;
  /**
   * The secret that signs entries (HMAC-SHA-256), kept apart from the
   * storage folder: an entry not signed with it (written by anything but this
   * cache, or changed since) is never used.
   */
  secret: Uint8Array;
  /** Largest total size of the entries; the oldest written are deleted past it. */
  maxTotalBytes?: number;
  /** Runs between the steps of reading an entry back, so that a large one does not hold up the host. */
  yieldToHost?: () => Promise<void>;
  /**
   * The host's own SHA-256, where it has one that reads what it is given where
   * it lies (Node's): fed a megabyte a step. Without it, Web Crypto's digest,
   * which copies its input on the host's thread first (a 4 MB pack file: about
   * 13 ms here, against 2.5 ms for Node's whole hash).
   */
  sha256?: () => Sha256;
  /**
   * Entries are written once it resolves (the extension: once the facts
   * loaded are in use), not while the packs are still read and indexed:
   * encoding, signing and copying the entries of a 10k-fact pack took the
   * host some 60 ms that the index being built waited for.
   */
  writeAfter?: () => Promise<void>;
  /**
   * The host's quicker reading of bytes that are all ASCII, as entries are
   * written (see asciiJson.ts): Node's Buffer, where TextDecoder read the
   * facts of a 100k window reload at about 200 MB/s.
   */
  readAscii?: ReadAscii;
}

/** A SHA-256 fed a piece at a time. */
export interface Sha256 {
  update(data: Uint8Array): void;
  digest(): Uint8Array;
}

export const DEFAULT_CACHE_BYTES = 256 * 1024 * 1024;
/**
 * An entry: this line, the signature (HMAC-SHA-256 in hex, of the SHA-256 of
 * each megabyte: see `signature`) and a newline, then what it signs: the
 * header (JSON) and a newline, and the body. What is signed is one stretch
 * of the entry, checked where it lies, not copied.
 */
const MAGIC = 'agreement-cite pack cache 3\n';
/** Bytes of an entry hashed at a time for its signature. */
const SIGNED_PIECE = 1024 * 1024;
const MAC_LENGTH = 64;
const EXTENSION = '.pack';
/** The snapshot of the last index built (IndexSnapshot), signed as the entries are: one, written over. */
const SNAPSHOT_MAGIC = 'agreement-cite index snapshot 1\n';
const SNAPSHOT = 'index.snapshot';
/** Milliseconds of work on a snapshot between two turns of the host. */
const SLICE_MS = 8;

interface Header {
  loader: string;
  file: string;
  content: string;
  maxBytes: number;
  sections: number[];
}

const encoder = new TextEncoder();

function subtle(): SubtleCrypto {
  const c = (globalThis as { crypto?: { subtle?: SubtleCrypto } }).crypto;
  if (!c?.subtle) throw new Error('no Web Crypto in this host');
  return c.subtle;
}

type SubtleCrypto = {
  digest(algorithm: string, data: Uint8Array): Promise<ArrayBuffer>;
  importKey(format: 'raw', key: Uint8Array, algorithm: { name: 'HMAC'; hash: string }, extractable: boolean, usages: string[]): Promise<unknown>;
  sign(algorithm: 'HMAC', key: unknown, data: Uint8Array): Promise<ArrayBuffer>;
};

function hex(bytes: Uint8Array): string {
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Bytes the host's own SHA-256 (`PackCacheOptions.sha256`) reads a step: under a millisecond's work. */
const HASH_SLICE = 1024 * 1024;

/**
 * Parsed packs kept between sessions: a window reload reads a pack file's
 * entry instead of its YAML. An entry is found by the file, the loader's
 * version, the size limit and the SHA-256 of the text, and is used only when
 * its header says the same and its signature over all of it holds; anything
 * else (another file's entry, another version's, a text since changed, a
 * truncated or altered file, something not written by this cache) is ignored
 * and deleted, and the pack parsed again.
 */
export class PackCache {
  /** How packs were loaded: for the tests, the log and the benchmark. */
  readonly counts = { hits: 0, misses: 0, rejected: 0, written: 0, evicted: 0 };
  /** How index snapshots were used: read and taken, found of other packs (left for their next write), not valid (deleted), written. */
  readonly snapshotCounts = { read: 0, other: 0, rejected: 0, written: 0 };
  /** The SHA-256 of the text each pack this cache gave was parsed from (see `snapshotKey`). */
  private readonly digests = new WeakMap<object, string>();
  private readonly maxTotalBytes: number;
  private readonly yieldToHost: () => Promise<void>;
  private readonly text: ReadText;
  private key?: Promise<unknown>;
  private writing: Promise<void> = Promise.resolve();
  /**
   * The snapshot's bytes, read from the first entry found on (a window
   * reload), while the other entries are read: the first build then finds
   * them read. Given to the first `readSnapshot`, or let go by the first
   * `snapshotKey` that has none or `writeSnapshot`.
   */
  private snapshotAhead?: Promise<Uint8Array | undefined>;
  /** Whether the snapshot was read ahead, read or written: it is read ahead once at most, before any of those. */
  private snapshotAsked = false;
  /** The content hash being made last: files loaded together are hashed one after another (`contentHash`). */
  private hashing: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: PackCacheOptions) {
    this.maxTotalBytes = options.maxTotalBytes ?? DEFAULT_CACHE_BYTES;
    this.yieldToHost = options.yieldToHost ?? (() => Promise.resolve());
    this.text = textReader(options.readAscii);
  }

  /**
   * The parse of `source` (a pack file's text or bytes) from the cache when it holds a valid entry for it,
   * else from `parse`, whose result is then written to the cache (in the
   * background: `flush` waits for it). An entry is found by the content's
   * UTF-8: bytes read from disk are hashed as they are.
   */
  async parse(source: PackContent, file: string, options: LoadOptions, parse: ParseForCache): Promise<LoadResult> {
    const maxBytes = options.maxBytes ?? DEFAULT_MAX_PACK_BYTES;
    let content: string | undefined;
    let name: string | undefined;
    // A text's UTF-8, made to hash it, is handed to the parse, which may send it to a thread without a copy.
    // Bytes as read are hashed as they are and stay the caller's: the parse copies what it sends.
    let utf8: Uint8Array | undefined;
    try {
      if (typeof source === 'string') utf8 = await utf8InSlices(source, this.yieldToHost);
      content = await this.contentHash(utf8 ?? withoutByteOrderMark(source as Uint8Array));
      name = await this.nameOf(file, content, maxBytes);
      const cached = await this.lookUp(name, file, content, maxBytes);
      if (cached) {
        this.counts.hits++;
        if (cached.pack) this.digests.set(cached.pack, content);
        if (!this.snapshotAsked && SNAPSHOTS_KEPT) {
          // Read once, in the background: at 100k facts the file is some 40 MB, and reading it took a build 150 ms of waiting.
          this.snapshotAsked = true;
          this.snapshotAhead = this.readStored(SNAPSHOT);
        }
        return cached;
      }
    } catch {
      // No cache where Web Crypto or the storage fails: the pack is parsed as before.
    }
    this.counts.misses++;
    const { result, body } = await parse(source, file, options, utf8);
    if (result.pack && content !== undefined) this.digests.set(result.pack, content);
    if (body && name !== undefined && content !== undefined) {
      const entry = { name, file, content, maxBytes, body };
      this.writing = this.writing
        .then(() => this.options.writeAfter?.())
        .then(() => this.store(entry))
        .catch(() => undefined);
    }
    return result;
  }

  /**
   * The SHA-256 of a pack file's bytes, in hex, once those of the files
   * before it are made: each file's entry is then read while the next is
   * hashed. Hashed all at once, a slice of each in turn, the sixteen files
   * of a 100k window reload were all read only once all were hashed, and
   * the host waited a tenth of a second for their entries.
   */
  private contentHash(data: Uint8Array): Promise<string> {
    const hashed = this.hashing.then(async () => hex(await this.sha256(data)));
    this.hashing = hashed.catch(() => undefined);
    return hashed;
  }

  /** Resolves when the entries being written are written. */
  flush(): Promise<void> {
    return this.writing;
  }

  private async nameOf(file: string, content: string, maxBytes: number): Promise<string> {
    const key = `${LOADER_VERSION}\n${file}\n${maxBytes}\n${content}`;
    return `${hex(await this.sha256(encoder.encode(key))).slice(0, 40)}${EXTENSION}`;
  }

  /**
   * The SHA-256 of `data`: by the host's own, a slice a step (`yieldToHost`
   * between), or by Web Crypto, which hashes off the thread but copies the
   * data on it first. The files of a large fact base are all hashed when
   * loading starts: copied at once, 64 MB held the host for 190 ms here.
   */
  private async sha256(data: Uint8Array): Promise<Uint8Array> {
    const make = this.options.sha256;
    if (!make) return new Uint8Array(await subtle().digest('SHA-256', data));
    const hash = make();
    for (let at = 0; at < data.length; at += HASH_SLICE) {
      // Files loaded together each start here: each waits its turn before its first slice too.
      if (data.length > HASH_SLICE) await this.yieldToHost();
      hash.update(data.subarray(at, at + HASH_SLICE));
    }
    return hash.digest();
  }

  /**
   * The HMAC-SHA-256 of the SHA-256 of each megabyte of `signed` in turn,
   * each on a turn of its own (see `sha256`: Web Crypto copies what it is
   * given on the host's thread, tens of milliseconds for the tens of
   * megabytes of a large entry or snapshot at once).
   */
  private async signature(signed: Uint8Array): Promise<string> {
    this.key ??= subtle().importKey('raw', this.options.secret, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    const pieces = Math.max(1, Math.ceil(signed.length / SIGNED_PIECE));
    const digests = new Uint8Array(pieces * 32);
    for (let i = 0; i < pieces; i++) {
      if (i > 0) await this.yieldToHost();
      digests.set(await this.sha256(signed.subarray(i * SIGNED_PIECE, (i + 1) * SIGNED_PIECE)), i * 32);
    }
    return hex(new Uint8Array(await subtle().sign('HMAC', await this.key, digests)));
  }

  /**
   * What is stored under `name`, if anything can be read, given on a turn of its own: reads that finish together
   * are answered in one turn of the host, and checking four entries of 6 MB there took it 20 ms at once.
   */
  private async readStored(name: string): Promise<Uint8Array | undefined> {
    const data = await this.options.storage.read(name).catch(() => undefined);
    if (data) await this.yieldToHost();
    return data;
  }

  private async lookUp(name: string, file: string, content: string, maxBytes: number): Promise<LoadResult | undefined> {
    const data = await this.readStored(name);
    if (!data) return undefined;
    const result = await this.verified(data, file, content, maxBytes).catch(() => undefined);
    if (!result) {
      this.counts.rejected++;
      await this.options.storage.delete(name).catch(() => undefined);
    }
    return result;
  }

  /** The entry's parse, if the entry is this cache's, for this file, text, loader and limit, and unchanged. */
  private async verified(data: Uint8Array, file: string, content: string, maxBytes: number): Promise<LoadResult | undefined> {
    const opened = await this.unsealed<Header>(
      MAGIC,
      data,
      (h) => h.loader === LOADER_VERSION && h.file === file && h.content === content && h.maxBytes === maxBytes && Array.isArray(h.sections),
    );
    const sections = opened && bodySections(opened.body, opened.header.sections);
    return sections && decodeBody(sections, file, this.yieldToHost, this.text);
  }

  /**
   * The header and body of `data` when it starts with `magic`, its header
   * passes `fits`, and its signature over header and body holds; else undefined.
   */
  private async unsealed<H>(magic: string, data: Uint8Array, fits: (header: H) => boolean): Promise<{ header: H; body: Uint8Array } | undefined> {
    const m = encoder.encode(magic);
    const signedFrom = m.length + MAC_LENGTH + 1;
    if (data.length < signedFrom || m.some((b, i) => data[i] !== b) || data[signedFrom - 1] !== 10) return undefined;
    const end = data.indexOf(10, signedFrom);
    if (end < 0) return undefined;
    const header = JSON.parse(this.text(data.subarray(signedFrom, end))) as H;
    if (typeof header !== 'object' || header === null || !fits(header)) return undefined;
    const mac = this.text(data.subarray(m.length, signedFrom - 1));
    if (mac !== (await this.signature(data.subarray(signedFrom)))) return undefined;
    return { header, body: data.subarray(end + 1) };
  }

  /**
   * `magic`, the signature, the header and the body (its sections one after the other), as `unsealed` reads them.
   * The header is padded with spaces so that the body starts at a multiple of
   * 8 bytes: its arrays can then be read where they lie (decodeSnapshot).
   */
  private async sealed(magic: string, header: object, body: readonly Uint8Array[]): Promise<Uint8Array> {
    const m = encoder.encode(magic);
    const signedFrom = m.length + MAC_LENGTH + 1;
    const json = JSON.stringify(header);
    const head = encoder.encode(`${json}${' '.repeat((8 - ((signedFrom + encoder.encode(json).length + 1) % 8)) % 8)}\n`);
    const data = new Uint8Array(signedFrom + head.length + body.reduce((n, b) => n + b.length, 0));
    data.set(m, 0);
    data.set(head, signedFrom);
    let at = signedFrom + head.length;
    for (const section of body) {
      await copyInSlices(section, this.yieldToHost, data.subarray(at, at + section.length));
      at += section.length;
    }
    await this.yieldToHost();
    data.set(encoder.encode(`${await this.signature(data.subarray(signedFrom))}\n`), m.length);
    return data;
  }

  private async store(entry: { name: string; file: string; content: string; maxBytes: number; body: EncodedBody }): Promise<void> {
    const { sections } = entry.body;
    // An entry larger than a quarter of the cache would push out most of the others.
    if (sections.reduce((n, b) => n + b.length, 0) > this.maxTotalBytes / 4) return;
    // Written in the background: each large copy waits its turn.
    await this.yieldToHost();
    const header: Header = {
      loader: LOADER_VERSION,
      file: entry.file,
      content: entry.content,
      maxBytes: entry.maxBytes,
      sections: sections.map((b) => b.length),
    };
    await this.options.storage.write(entry.name, await this.sealed(MAGIC, header, sections));
    this.counts.written++;
    await this.evict(entry.name);
  }

  /**
   * What an index built of `packs` with `options` depends on, as one key: for
   * each pack, in order, where it came from, its name, file, the SHA-256 of
   * its text (this cache's packs) or of its contents (the bundled pack), and
   * its evidence summaries; the options; the loader's and the snapshot's
   * versions. Undefined where a writer's pack did not come from this cache.
   * (The display language is the cache's folder: see packCacheStorage.ts.)
   */
  async snapshotKey(packs: readonly LoadedPack[], options: BuildOptions & LoadOptions): Promise<string | undefined> {
    const key = await this.keyOf(packs, options);
    // No snapshot is read for packs without a key: one read ahead is let go.
    if (key === undefined) this.snapshotAhead = undefined;
    return key;
  }

  private async keyOf(packs: readonly LoadedPack[], options: BuildOptions & LoadOptions): Promise<string | undefined> {
    const parts: unknown[] = [INDEX_SNAPSHOT_VERSION, LOADER_VERSION, options.maxFacts ?? null, options.maxAliases ?? null, options.maxBytes ?? null];
    try {
      for (const p of packs) {
        let digest = this.digests.get(p.pack);
        if (digest === undefined && p.origin === 'bundled') {
          digest = hex(await this.sha256(encoder.encode(JSON.stringify(p.pack))));
          this.digests.set(p.pack, digest);
        }
        if (digest === undefined) return undefined;
        parts.push([p.origin, p.label ?? null, p.locations.file, digest, p.evidence ? [...p.evidence] : null]);
      }
      return hex(await this.sha256(encoder.encode(JSON.stringify(parts))));
    } catch {
      return undefined;
    }
  }

  /**
   * The snapshot kept for `key`, if one is, signed by this cache and whole.
   * One of other packs (the fact base changed since, or is not all read yet)
   * is left as it is, unread; one that is not valid is deleted.
   */
  async readSnapshot(key: string): Promise<IndexSnapshot | undefined> {
    if (!SNAPSHOTS_KEPT) return undefined;
    this.snapshotAsked = true;
    const ahead = this.snapshotAhead;
    this.snapshotAhead = undefined;
    const data = await (ahead ?? this.readStored(SNAPSHOT));
    if (!data) return undefined;
    let other = false;
    try {
      const opened = await this.unsealed<{ key: string }>(SNAPSHOT_MAGIC, data, (h) => {
        other = typeof h.key === 'string' && h.key !== key;
        return h.key === key;
      });
      if (other) {
        this.snapshotCounts.other++;
        return undefined;
      }
      if (opened) {
        const snapshot = await decodeSnapshot(opened.body, this.yieldToHost, this.text);
        this.snapshotCounts.read++;
        return snapshot;
      }
    } catch {
      // not a snapshot this cache can use: deleted below
    }
    this.snapshotCounts.rejected++;
    await this.options.storage.delete(SNAPSHOT).catch(() => undefined);
    return undefined;
  }

  /**
   * Keeps the snapshot `make` gives (in steps: a slice of them between two
   * turns of the host) as the one for `key`, in the background after the
   * entries being written (`flush` waits for it); none where it gives none
   * or it would take more than a quarter of the cache. Resolves to whether
   * it was written.
   */
  writeSnapshot(key: string, make: () => Iterator<void, IndexSnapshot | undefined, void>): Promise<boolean> {
    this.snapshotAsked = true;
    this.snapshotAhead = undefined;
    const written = this.writing.then(async () => {
      if (!SNAPSHOTS_KEPT) return false;
      const snapshot = (await inSlices(make(), this.yieldToHost, SLICE_MS, now))!.value;
      if (!snapshot) return false;
      const body = (await inSlices(encodeSnapshotSteps(snapshot), this.yieldToHost, SLICE_MS, now))!.value;
      if (body.length > this.maxTotalBytes / 4) return false;
      await this.options.storage.write(SNAPSHOT, await this.sealed(SNAPSHOT_MAGIC, { key }, [body]));
      this.snapshotCounts.written++;
      return true;
    });
    this.writing = written.then(
      () => undefined,
      () => undefined,
    );
    return written.catch(() => false);
  }

  /** Deletes the oldest entries until the cache is within its size. */
  private async evict(keep: string): Promise<void> {
    const entries = (await this.options.storage.list()).filter((e) => e.name.endsWith(EXTENSION));
    let total = entries.reduce((n, e) => n + e.size, 0);
    if (total <= this.maxTotalBytes) return;
    entries.sort((a, b) => a.mtime - b.mtime || a.name.localeCompare(b.name));
    for (const e of entries) {
      if (total <= this.maxTotalBytes) break;
      if (e.name === keep) continue;
      await this.options.storage.delete(e.name).catch(() => undefined);
      total -= e.size;
      this.counts.evicted++;
    }
  }
}
