import type { LoadOptions, LoadResult } from './core/packLoader';
import { emptyLocations } from './core/factIndex';
import { loadFailedProblem } from './core/packLimits';
import { fromWire } from './core/packWire';
import type { PackThread, StartPackThread } from './platform/platform';
import type { ParseReply, ParseRequest } from './worker/parseRequest';

/** The parsing script (src/worker/packWorker.ts) as esbuild.js writes it, inside the extension's folder. */
export const PACK_WORKER_FILE = 'dist/packWorker.js';

/** A worker that parsed nothing for this long is stopped; the next pack starts another. */
const IDLE_MS = 60_000;

type InThread = (text: string, file: string, options: LoadOptions) => LoadResult;

/**
 * The parse of the worker's script, evaluated in this thread: the script
 * hands its parse to `agreementCiteInThread` instead of waiting for messages.
 * The extension bundles carry no YAML parser of their own.
 */
export function parserFromWorkerCode(code: string): InThread {
  const handed: { answer?: (request: ParseRequest) => { reply: ParseReply } } = {};
  new Function('agreementCiteInThread', code)(handed);
  const answer = handed.answer;
  if (!answer) throw new Error('the pack parser script gave no parse');
  return (text, file, options) => {
    const { reply } = answer({ id: 0, text, file, options });
    if (!reply.wire) throw new Error(reply.error ?? 'the pack parser gave no answer');
    return fromWire(reply.wire);
  };
}

/**
 * Parses writers' pack files in a thread of their own (a worker thread in the
 * Node extension host, a Web Worker in VS Code for the Web: the one script
 * src/worker/packWorker.ts), so that a large pack does not hold up the
 * extension host; where no thread can be started or it fails, in this thread.
 */
export class PackParsing {
  private worker?: PackThread;
  private unavailable = false;
  private answered = false;
  private next = 0;
  private readonly pending = new Map<number, { resolve: (r: LoadResult) => void; request: ParseRequest }>();
  private idle?: ReturnType<typeof setTimeout>;
  /** How many packs were parsed where: for the tests and the log. */
  readonly counts = { worker: 0, inThread: 0 };

  /** The worker's script, once read. */
  private code?: string;
  private reading?: Promise<string>;

  /**
   * `workerCode` is the worker's script, or how to read it when the first pack is parsed (the extension reads
   * dist/packWorker.js); `startThread` starts it (src/platform/node.ts, src/platform/web.ts). `inThread` parses
   * where no thread runs; without it, the worker's script is evaluated here for that (`parserFromWorkerCode`).
   */
  constructor(private readonly workerCode: string | (() => Promise<string>), private inThread: InThread | undefined, private readonly startThread: StartPackThread) {
    if (typeof workerCode === 'string') this.code = workerCode;
  }

  async parse(text: string, file: string, options: LoadOptions): Promise<LoadResult> {
    if (this.code === undefined && typeof this.workerCode === 'function') {
      try {
        this.code = await (this.reading ??= this.workerCode());
      } catch (e) {
        // The next pack tries again; this one reports why it could not be parsed.
        this.reading = undefined;
        return { locations: emptyLocations(file), problems: [loadFailedProblem(file, e)] };
      }
    }
    const worker = this.code === undefined ? undefined : this.start(this.code);
    if (!worker) return this.parseHere(text, file, options);
    clearTimeout(this.idle);
    const request: ParseRequest = { id: this.next++, text, file, options };
    return new Promise((resolve) => {
      this.pending.set(request.id, { resolve, request });
      try {
        worker.post(request);
      } catch {
        // What cannot be sent is parsed here.
        this.pending.delete(request.id);
        resolve(this.parseHere(text, file, options));
      }
    });
  }

  /** Parses in this thread at once; for a parser script read from a file, once `parse` has read it. */
  parseInThread(text: string, file: string, options: LoadOptions): LoadResult {
    if (!this.inThread) {
      if (this.code === undefined) throw new Error('the pack parser script has not been read yet');
      this.inThread = parserFromWorkerCode(this.code);
    }
    return this.inThread(text, file, options);
  }

  private parseHere(text: string, file: string, options: LoadOptions): LoadResult {
    this.counts.inThread++;
    try {
      return this.parseInThread(text, file, options);
    } catch (e) {
      // A load that throws is a problem in that file; it must not stop the other packs loading.
      return { locations: emptyLocations(file), problems: [loadFailedProblem(file, e)] };
    }
  }

  private start(code: string): PackThread | undefined {
    if (this.worker || this.unavailable) return this.worker;
    try {
      const worker: PackThread = this.startThread(code, {
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
      job.resolve(fromWire(m.wire));
    } else {
      // The parser never throws on bad input; if it did in the worker, the same text parsed here gives the writer the problem.
      job.resolve(this.parseHere(job.request.text, job.request.file, job.request.options));
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
    for (const job of jobs) job.resolve(this.parseHere(job.request.text, job.request.file, job.request.options));
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
