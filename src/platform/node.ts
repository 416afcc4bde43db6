// The Node extension host (VS Code desktop, remote and code-server workspaces):
// writers' packs are parsed in a worker thread.

import type { ParseReply } from '../packs/worker/parseRequest';
import type { Platform, StartPackThread } from './platform';

/**
 * The young generation of a parsing thread's heap, in megabytes (Node's default on a machine of 24 GB: 48). A parse keeps nearly all
 * it makes, and the default young generation grew onto new pages of memory as the parse went on, each of which
 * the system supplies when it is first touched; kept small, it is collected more often on the same few pages.
 * A thread's first 4 MB pack file: 14,500 pages first touched against 20,500; a cold load of a 10k pack, its
 * two threads started for it, in use in 873–924 ms against 1019–1420 ms (docs/PERFORMANCE.md); each thread
 * some 40 MB smaller.
 */
export const PARSE_THREAD_YOUNG_MB = 4;

/**
 * The memory a parsing thread's heap may take, in megabytes. Past it Node stops the thread alone, and the file
 * it was parsing gets a problem; without a limit of its own, a thread that ran out of memory stopped the whole
 * extension host (a 20 MB pack of one unclosed flow sequence, under a raised size limit, after a minute). A
 * 64 MB pack written as writers write them takes a few hundred megabytes.
 */
export const PARSE_THREAD_MEMORY_MB = 2048;

const startPackThread: StartPackThread = (code, events) => {
  // Loaded with the first writer's pack, not at activation.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Worker } = require('worker_threads') as typeof import('worker_threads');
  const worker = new Worker(code, {
    eval: true,
    resourceLimits: { maxYoungGenerationSizeMb: PARSE_THREAD_YOUNG_MB, maxOldGenerationSizeMb: PARSE_THREAD_MEMORY_MB },
  });
  // An idle worker never keeps the extension host alive.
  worker.unref();
  worker.on('message', (reply: ParseReply) => events.message(reply));
  worker.on('error', (e: Error & { code?: string }) => events.failed(e?.code === 'ERR_WORKER_OUT_OF_MEMORY'));
  worker.on('exit', () => events.failed());
  return {
    post: (request, transfer) => worker.postMessage(request, transfer),
    terminate: () => void worker.terminate(),
  };
};

/** Node's file system: the extension's folder is on this machine's disk. */
const readExtensionFile: Platform['readExtensionFile'] = (context, relativePath) => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const fs = require('fs') as typeof import('fs');
  return fs.promises.readFile(`${context.extensionPath}/${relativePath}`);
};

const processors = (): number => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const os = require('os') as typeof import('os');
  return os.availableParallelism?.() ?? os.cpus().length;
};

/** Node's SHA-256 reads a buffer where it lies; Web Crypto's copies it on the host's thread first. */
const sha256: NonNullable<Platform['sha256']> = () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createHash } = require('crypto') as typeof import('crypto');
  const hash = createHash('sha256');
  return {
    update: (data) => void hash.update(data),
    digest: () => new Uint8Array(hash.digest()),
  };
};

/** Node's buffer module, asked for when the first parsed pack is read back: once, not per section. */
let bufferModule: typeof import('buffer') | undefined;

/** Node's `buffer.isAscii` checks the bytes; `toString('ascii')` then copies them into a text without decoding. */
const readAscii: NonNullable<Platform['readAscii']> = (bytes) => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Buffer, isAscii } = (bufferModule ??= require('buffer') as typeof import('buffer'));
  if (typeof isAscii !== 'function' || !isAscii(bytes)) return undefined;
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('ascii');
};

export const nodePlatform: Platform = { host: 'node', startPackThread, readExtensionFile, processors, sha256, readAscii };
