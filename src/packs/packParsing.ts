import * as l10n from '@vscode/l10n';
import type { LoadOptions, LoadResult } from '../core/packs/packLoader';
import { emptyLocations } from '../core/facts/factIndex';
import { loadFailedProblem } from '../core/packs/packLimits';
import { copyInSlices, packText, utf8InSlices, withoutByteOrderMark, type PackContent } from '../core/packs/packContent';
import { decodeBody, encodeBody, type EncodedBody } from '../core/packs/packCacheEntry';
import { textReader, type ReadAscii, type ReadText } from '../core/packs/asciiJson';
import { nextTurn } from '../platform/nextTurn';
import { fromWire } from '../core/packs/packWire';
import type { PackThread, StartPackThread } from '../platform/platform';
import type { ParseReply, ParseRequest } from './worker/parseRequest';

/** The parsing script (src/packs/worker/packWorker.ts) as esbuild.js writes it, inside the extension's folder. */
export const PACK_WORKER_FILE = 'dist/packWorker.js';

/**
 * The worker's script with the interface's translations (VS Code's `l10n.bundle`) written in before it, so that
 * the problems it reports are in the writer's language wherever the script runs (src/worker/packWorker.ts).
 */
export function withTranslations(code: string, bundle: Record<string, string | { message: string }> | undefined): string {
  return bundle ? `var agreementCiteTranslations = ${JSON.stringify(bundle)};\n${code}` : code;
}

/** A worker that parsed nothing for this long is stopped; the next pack starts another. */
const IDLE_MS = 60_000;

type InThread = (text: string, file: string, options: LoadOptions) => LoadResult;

/** A parse, and with `parseForCache` its result as a cache entry's body. */
export interface Parsed {
  result: LoadResult;
  body?: EncodedBody;
}

/** Threads that parse at once: one per processor the host reports (`Platform.processors`), less one for the host, at least two, at most four. */
export function parsingThreads(processors: number): number {
  return Math.min(4, Math.max(2, (Number.isFinite(processors) && processors > 0 ? processors : 2) - 1));
}

interface Job {
  resolve: (r: Parsed) => void;
  request: ParseRequest;
  /** The content, for a parse here should the thread fail. */
  content: PackContent;
  /** Whether the result is to be kept in the cache: its body is then handed on. */
  encode: boolean;
}

interface Thread {
  thread: PackThread;
  jobs: Map<number, Job>;
}

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
    const { reply } = answer({ id: 0, text, file, options, objects: true });
    if (!reply.wire) throw new Error(reply.error ?? 'the pack parser gave no answer');
    return fromWire(reply.wire);
  };
}

/**
 * Parses writers' pack files in threads of their own (worker threads in the
 * Node extension host, Web Workers in VS Code for the Web: the one script
 * src/packs/worker/packWorker.ts), so that a large pack does not hold up the
 * extension host; the files of a large fact base are parsed several at a time,
 * each thread started when a file waits for one. Where no thread can be
 * started or it fails, in this thread.
 */
export class PackParsing {
  private readonly threads: Thread[] = [];
  private unavailable = false;
  private answered = false;
  /** Answers received while every thread was parsing: read back once one is free (see `readWhenParsed`). */
  private readonly unread: (() => void)[] = [];
  private next = 0;
  private idle?: ReturnType<typeof setTimeout>;
  /** How many packs were parsed where: for the tests and the log. */
  readonly counts = { worker: 0, inThread: 0 };

  /** The worker's script, once read. */
  private code?: string;
  private reading?: Promise<string>;

  /**
   * `workerCode` is the worker's script, or how to read it when the first pack is parsed (the extension reads
   * dist/packWorker.js); `startThread` starts it (src/platform/node.ts, src/platform/web.ts); at most
   * `maxThreads` run at once (a number, or how to learn it when the first thread starts). `inThread` parses where no thread runs; without it, the worker's script is
   * evaluated here for that (`parserFromWorkerCode`). `readAscii` is the host's quicker reading of the
   * answers' sections, which are ASCII (src/core/packs/asciiJson.ts).
   */
  constructor(
    private readonly workerCode: string | (() => Promise<string>),
    private inThread: InThread | undefined,
    private readonly startThread: StartPackThread,
    private maxThreads: number | (() => number) = 2,
    readAscii?: ReadAscii,
  ) {
    if (typeof workerCode === 'string') this.code = workerCode;
    this.text = textReader(readAscii);
  }

  private readonly text: ReadText;

  /** Parses a pack file's text, or its bytes as read (decoded in the thread). */
  async parse(content: PackContent, file: string, options: LoadOptions): Promise<LoadResult> {
    return (await this.run(content, file, options, false)).result;
  }

  /**
   * As `parse`, with the result encoded for the pack cache (src/core/packs/packCache.ts) where it is to be kept.
   * `utf8`, the content's UTF-8 (no leading byte-order mark) where the caller has made it already, is sent to
   * the thread as it is, moved, not copied; it is not to be used after. Without it, the UTF-8 is made here.
   */
  parseForCache(content: PackContent, file: string, options: LoadOptions, utf8?: Uint8Array): Promise<Parsed> {
    return this.run(content, file, options, true, utf8);
  }

  /** Parses in this thread at once; for a parser script read from a file, once `parse` has read it. */
  parseInThread(text: string, file: string, options: LoadOptions): LoadResult {
    if (!this.inThread) {
      if (this.code === undefined) throw new Error('the pack parser script has not been read yet');
      this.inThread = parserFromWorkerCode(this.code);
    }
    return this.inThread(text, file, options);
  }

  private async run(content: PackContent, file: string, options: LoadOptions, encode: boolean, utf8?: Uint8Array): Promise<Parsed> {
    if (this.code === undefined && typeof this.workerCode === 'function') {
      try {
        this.code = await (this.reading ??= this.workerCode());
      } catch (e) {
        // The next pack tries again; this one reports why it could not be parsed.
        this.reading = undefined;
        return { result: { locations: emptyLocations(file), problems: [loadFailedProblem(file, e)] } };
      }
    }
    if (this.code === undefined || this.unavailable) return this.parseHere(content, file, options, encode);
    // The thread is sent UTF-8 in a buffer of its own, moved, not copied with the message: a request copied as
    // it is sent held the host for 26 ms for a 4 MB file's bytes and 86 ms for its text, and the files of a
    // large fact base are sent at once. A text is encoded, bytes as read (which stay the caller's) copied, a
    // slice a turn; the thread reads it with a byte-order mark kept, as in a text: a file's leading one is left out.
    const bytes = utf8 ?? (typeof content === 'string' ? await utf8InSlices(content, nextTurn) : await copyInSlices(withoutByteOrderMark(content), nextTurn));
    const worker = this.pick();
    if (!worker) return this.parseHere(content, file, options, encode);
    clearTimeout(this.idle);
    const request: ParseRequest = { id: this.next++, utf8: bytes, file, options };
    return new Promise((resolve) => {
      worker.jobs.set(request.id, { resolve, request, content, encode });
      try {
        worker.thread.post(request, [bytes.buffer as ArrayBuffer]);
      } catch {
        // What cannot be sent is parsed here.
        worker.jobs.delete(request.id);
        resolve(this.parseHere(content, file, options, encode));
      }
    });
  }

  private parseHere(content: PackContent, file: string, options: LoadOptions, encode = false): Parsed {
    this.counts.inThread++;
    let result: LoadResult;
    try {
      result = this.parseInThread(packText(content), file, options);
    } catch (e) {
      // A load that throws is a problem in that file; it must not stop the other packs loading.
      return { result: { locations: emptyLocations(file), problems: [loadFailedProblem(file, e)] } };
    }
    return { result, body: encode ? encodeBody(result) : undefined };
  }

  /** An idle thread, a new one while there is room, else the least busy. */
  private pick(): Thread | undefined {
    if (this.unavailable) return undefined;
    const idle = this.threads.find((t) => t.jobs.size === 0);
    if (idle) return idle;
    if (this.threads.length < this.threadLimit()) {
      const started = this.start();
      if (started) return started;
    }
    if (this.threads.length === 0) return undefined;
    return this.threads.reduce((a, b) => (b.jobs.size < a.jobs.size ? b : a));
  }

  private start(): Thread | undefined {
    try {
      const thread: Thread = { thread: undefined as unknown as PackThread, jobs: new Map() };
      thread.thread = this.startThread(this.code!, {
        message: (m) => this.answer(thread, m),
        failed: (outOfMemory) => this.fail(thread, outOfMemory),
      });
      this.threads.push(thread);
      return thread;
    } catch {
      if (this.threads.length === 0) this.unavailable = true;
      return undefined;
    }
  }

  private answer(thread: Thread, m: ParseReply): void {
    this.answered = true;
    const job = thread.jobs.get(m.id);
    if (!job) return;
    thread.jobs.delete(m.id);
    if (m.body) {
      this.counts.worker++;
      const body = m.body;
      // Read back a section at a time: a large pack does not hold up the host.
      this.unread.push(
        () =>
          void decodeBody(body.sections, job.request.file, nextTurn, this.text).then(
            (result) => job.resolve({ result, body: job.encode ? body : undefined }),
            () => job.resolve(this.parseHere(job.content, job.request.file, job.request.options, job.encode)),
          ),
      );
    } else if (m.wire) {
      this.counts.worker++;
      job.resolve({ result: fromWire(m.wire) });
    } else {
      // The parser never throws on bad input; if it did in the worker, the same text parsed here gives the writer the problem.
      job.resolve(this.parseHere(job.content, job.request.file, job.request.options, job.encode));
    }
    // A thread less is parsing: answers waiting for that are read now, whatever this one was.
    this.readWhenParsed();
    if (this.threads.every((t) => t.jobs.size === 0)) this.idle = setTimeout(() => this.stop(), IDLE_MS);
  }

  /**
   * Reads back the answers received, once fewer threads parse than may run
   * at once: a processor is then free for the host (`parsingThreads` leaves
   * one where there are three or more; on two, one thread parses beside
   * the host). Reading an answer back makes its facts, all of which live
   * on: the host's garbage collector then copies them, in pauses that grew
   * to 60–78 ms while the parsing threads took both processors of a
   * two-core machine (35–45 ms once they were done; with one thread
   * still parsing, the benchmark's 100k cold load holds as before). Files
   * queued behind a thread keep it parsing: a large fact base is read back
   * as its last files are parsed, a pack of two files as soon as the first
   * is. The facts of a batch (start-up, a change of the pack settings) are
   * put in use only when every file is read anyway.
   */
  private readWhenParsed(): void {
    const parsing = this.threads.filter((t) => t.jobs.size > 0).length;
    if (parsing > 0 && parsing >= this.threadLimit()) return;
    for (const read of this.unread.splice(0)) read();
  }

  /** How many threads may run at once. */
  private threadLimit(): number {
    return typeof this.maxThreads === 'number' ? this.maxThreads : (this.maxThreads = this.maxThreads());
  }

  /**
   * A thread that failed or exited: what it was asked is parsed here, and the next pack gets a new thread,
   * unless no thread ever answered (a host that cannot run the worker's code): then every pack is parsed here.
   * A thread stopped for running out of memory was parsing the first file it was sent: that file gets a
   * problem, since parsed here it would take the extension host's memory instead; the files queued behind it
   * are parsed here, and threads stay in use.
   */
  private fail(thread: Thread, outOfMemory = false): void {
    const at = this.threads.indexOf(thread);
    if (at < 0) return;
    this.threads.splice(at, 1);
    if (!this.answered && !outOfMemory) this.unavailable = true;
    const jobs = [...thread.jobs.values()];
    thread.jobs.clear();
    const tooBig = outOfMemory ? jobs.shift() : undefined;
    if (tooBig) {
      const { file } = tooBig.request;
      const why = l10n.t('reading it took more memory than a pack may use; split it into smaller files');
      tooBig.resolve({ result: { locations: emptyLocations(file), problems: [loadFailedProblem(file, new Error(why))] } });
    }
    for (const job of jobs) job.resolve(this.parseHere(job.content, job.request.file, job.request.options, job.encode));
    this.readWhenParsed();
  }

  private stop(): void {
    if (this.threads.some((t) => t.jobs.size > 0)) return;
    for (const t of this.threads.splice(0)) t.thread.terminate();
  }

  dispose(): void {
    clearTimeout(this.idle);
    this.stop();
  }
}
