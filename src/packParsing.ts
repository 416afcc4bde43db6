import type { LoadOptions, LoadResult } from './core/packLoader';
import { emptyLocations } from './core/factIndex';
import { loadFailedProblem } from './core/packLimits';
import { encodeBody, type EncodedBody } from './core/packCacheEntry';
import { fromWire } from './core/packWire';
import type { PackThread, StartPackThread } from './platform/platform';
import type { ParseReply, ParseRequest } from './worker/parseRequest';

/** A worker that parsed nothing for this long is stopped; the next pack starts another. */
const IDLE_MS = 60_000;

type InThread = (text: string, file: string, options: LoadOptions) => LoadResult;

/** A parse, and with `parseForCache` its result as a cache entry's body. */
export interface Parsed {
  result: LoadResult;
  body?: EncodedBody;
}

/**
 * Parses writers' pack files in a thread of their own (a worker thread in the
 * Node extension host, src/worker/packWorker.ts; a Web Worker in VS Code for
 * the Web, packWorker.web.ts), so that a large pack does not hold up the
 * extension host; where no thread can be started or it fails, in this thread.
 */
export class PackParsing {
  private worker?: PackThread;
  private unavailable = false;
  private answered = false;
  private next = 0;
  private readonly pending = new Map<number, { resolve: (r: Parsed) => void; request: ParseRequest }>();
  private idle?: ReturnType<typeof setTimeout>;
  /** How many packs were parsed where: for the tests and the log. */
  readonly counts = { worker: 0, inThread: 0 };

  /**
   * `workerCode` is the worker bundled for this host (esbuild.js carries it in the extension as a string);
   * `startThread` starts it (src/platform/node.ts, src/platform/web.ts).
   */
  constructor(private readonly workerCode: string, private readonly inThread: InThread, private readonly startThread: StartPackThread) {}

  async parse(text: string, file: string, options: LoadOptions): Promise<LoadResult> {
    return (await this.run(text, file, options, false)).result;
  }

  /** As `parse`, with the result encoded for the pack cache (src/core/packCache.ts) where it is to be kept. */
  parseForCache(text: string, file: string, options: LoadOptions): Promise<Parsed> {
    return this.run(text, file, options, true);
  }

  private run(text: string, file: string, options: LoadOptions, encode: boolean): Promise<Parsed> {
    const worker = this.start();
    if (!worker) return Promise.resolve(this.parseHere(text, file, options, encode));
    clearTimeout(this.idle);
    const request: ParseRequest = { id: this.next++, text, file, options, encode };
    return new Promise((resolve) => {
      this.pending.set(request.id, { resolve, request });
      try {
        worker.post(request);
      } catch {
        // What cannot be sent is parsed here.
        this.pending.delete(request.id);
        resolve(this.parseHere(text, file, options, encode));
      }
    });
  }

  private parseHere(text: string, file: string, options: LoadOptions, encode = false): Parsed {
    this.counts.inThread++;
    let result: LoadResult;
    try {
      result = this.inThread(text, file, options);
    } catch (e) {
      // A load that throws is a problem in that file; it must not stop the other packs loading.
      return { result: { locations: emptyLocations(file), problems: [loadFailedProblem(file, e)] } };
    }
    return { result, body: encode ? encodeBody(result) : undefined };
  }

  private start(): PackThread | undefined {
    if (this.worker || this.unavailable) return this.worker;
    try {
      const worker: PackThread = this.startThread(this.workerCode, {
        message: (m) => this.answer(m),
        failed: () => this.fail(worker),
      });
      this.worker = worker;
    } catch {
      this.unavailable = true;
    }
    return this.worker;
  }

  private answer(m: ParseReply): void {
    this.answered = true;
    const job = this.pending.get(m.id);
    if (!job) return;
    this.pending.delete(m.id);
    if (m.wire) {
      this.counts.worker++;
      job.resolve({ result: fromWire(m.wire), body: m.body });
    } else {
      // The parser never throws on bad input; if it did in the worker, the same text parsed here gives the writer the problem.
      job.resolve(this.parseHere(job.request.text, job.request.file, job.request.options, job.request.encode));
    }
    if (this.pending.size === 0) this.idle = setTimeout(() => this.stop(), IDLE_MS);
  }

  /**
   * A worker that failed or exited: what it was asked is parsed here, and the next pack gets a new worker,
   * unless no worker ever answered (a host that cannot run the worker's code): then every pack is parsed here.
   */
  private fail(worker: PackThread): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    if (!this.answered) this.unavailable = true;
    const jobs = [...this.pending.values()];
    this.pending.clear();
    for (const job of jobs) job.resolve(this.parseHere(job.request.text, job.request.file, job.request.options, job.request.encode));
  }

  private stop(): void {
    const worker = this.worker;
    if (!worker || this.pending.size > 0) return;
    this.worker = undefined;
    worker.terminate();
  }

  dispose(): void {
    clearTimeout(this.idle);
    this.stop();
  }
}
