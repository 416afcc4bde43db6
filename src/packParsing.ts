import type { Worker } from 'worker_threads';
import type { LoadOptions, LoadResult } from './core/packLoader';
import { emptyLocations } from './core/factIndex';
import { loadFailedProblem } from './core/packLimits';
import { fromWire, type WireResult } from './core/packWire';
import type { ParseRequest } from './worker/packWorker';

/** A worker that parsed nothing for this long is stopped; the next pack starts another. */
const IDLE_MS = 60_000;

type InThread = (text: string, file: string, options: LoadOptions) => LoadResult;

/**
 * Parses writers' pack files in a worker thread (src/worker/packWorker.ts),
 * so that a large pack does not hold up the extension host; where no worker
 * can be started (VS Code for the Web) or the worker fails, in this thread.
 */
export class PackParsing {
  private worker?: Worker;
  private unavailable = false;
  private next = 0;
  private readonly pending = new Map<number, { resolve: (r: LoadResult) => void; request: ParseRequest }>();
  private idle?: ReturnType<typeof setTimeout>;
  /** How many packs were parsed where: for the tests and the log. */
  readonly counts = { worker: 0, inThread: 0 };

  /** `workerCode` is src/worker/packWorker.ts bundled (esbuild.js carries it in the extension as a string). */
  constructor(private readonly workerCode: string, private readonly inThread: InThread) {}

  parse(text: string, file: string, options: LoadOptions): Promise<LoadResult> {
    const worker = this.start();
    if (!worker) return Promise.resolve(this.parseHere(text, file, options));
    clearTimeout(this.idle);
    const request: ParseRequest = { id: this.next++, text, file, options };
    return new Promise((resolve) => {
      this.pending.set(request.id, { resolve, request });
      try {
        worker.postMessage(request);
      } catch {
        // What cannot be sent is parsed here.
        this.pending.delete(request.id);
        resolve(this.parseHere(text, file, options));
      }
    });
  }

  private parseHere(text: string, file: string, options: LoadOptions): LoadResult {
    this.counts.inThread++;
    try {
      return this.inThread(text, file, options);
    } catch (e) {
      // A load that throws is a problem in that file; it must not stop the other packs loading.
      return { locations: emptyLocations(file), problems: [loadFailedProblem(file, e)] };
    }
  }

  private start(): Worker | undefined {
    if (this.worker || this.unavailable) return this.worker;
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const threads = require('worker_threads') as typeof import('worker_threads');
      const worker = new threads.Worker(this.workerCode, { eval: true });
      worker.unref();
      worker.on('message', (m: { id: number; wire?: WireResult; error?: string }) => this.answer(m));
      worker.on('error', () => this.fail(worker));
      worker.on('exit', () => this.fail(worker));
      this.worker = worker;
    } catch {
      this.unavailable = true;
    }
    return this.worker;
  }

  private answer(m: { id: number; wire?: WireResult; error?: string }): void {
    const job = this.pending.get(m.id);
    if (!job) return;
    this.pending.delete(m.id);
    if (m.wire) {
      this.counts.worker++;
      job.resolve(fromWire(m.wire));
    } else {
      // The parser never throws on bad input; if it did in the worker, the same text parsed here gives the writer the problem.
      job.resolve(this.parseHere(job.request.text, job.request.file, job.request.options));
    }
    if (this.pending.size === 0) this.idle = setTimeout(() => this.stop(), IDLE_MS);
  }

  /** A worker that failed or exited: what it was asked is parsed here, and the next pack gets a new worker. */
  private fail(worker: Worker): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    const jobs = [...this.pending.values()];
    this.pending.clear();
    for (const job of jobs) job.resolve(this.parseHere(job.request.text, job.request.file, job.request.options));
  }

  private stop(): void {
    const worker = this.worker;
    if (!worker || this.pending.size > 0) return;
    this.worker = undefined;
    void worker.terminate();
  }

  dispose(): void {
    clearTimeout(this.idle);
    this.stop();
  }
}
