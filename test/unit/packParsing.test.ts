// Writers' packs parsed in a worker thread (src/packs/packParsing.ts and
// src/packs/worker/packWorker.ts): the same pack, problems and positions as a
// parse in the extension host's own thread, and that parse where no worker runs.

import { withoutByteOrderMark } from '../../src/core/packs/packContent';
import { decodeBody, type EncodedBody } from '../../src/core/packs/packCacheEntry';
import type { RecordedPaths } from '../../src/core/packs/recordedPaths';
import assert from 'node:assert/strict';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { buildSync, type BuildOptions } from 'esbuild';
import { parsePackText, type LoadOptions } from '../../src/core/packs/packLoader';
import { parsedWithForms } from '../../src/core/facts/languageForms';

/** A parse in this thread, as the parsing thread's script answers one: with the case forms of names in other languages. */
const parseHere = (text: string, file: string, options?: LoadOptions) => parsedWithForms(parsePackText(text, file, options));
import { encodeBody, transferable } from '../../src/core/packs/packCacheEntry';
import { fromWire, PackedPaths, toWire } from '../../src/core/packs/packWire';
import type { Range } from '../../src/core/types';
import { PackParsing, parsingThreads } from '../../src/packs/packParsing';
import { answer, type ParseRequest } from '../../src/packs/worker/parseRequest';
import type { PackThreadEvents } from '../../src/platform/platform';
import { nodePlatform, PARSE_THREAD_MEMORY_MB, PARSE_THREAD_YOUNG_MB } from '../../src/platform/node';
import { webPlatform } from '../../src/platform/web';
import { assertSameParse, projectRoot, readBundledText } from './helpers';

/** The worker as esbuild.js bundles it, with the same options. */
function workerCode(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { packWorkerBuildOptions } = require(path.join(projectRoot, 'scripts', 'pack-worker-build.js')) as {
    packWorkerBuildOptions: () => BuildOptions & { write: false };
  };
  return buildSync(packWorkerBuildOptions()).outputFiles[0].text;
}

const BROKEN = `pack:
  id: team
  title: Team notes
  version: 1.0.0
  language: en
  checked: 2025-07-01
sources:
  - id: s1
    title: Interview
    publisher: Team newsroom
    date: 2025-07-01
    kind: other
    language: en
    colour: blue
facts:
  - id: team.one
    kind: term
    label: One
    text: The first thing
    citations:
      - source: s1
  - id: team.two
    kind: term
    label: [unclosed
`;

/** Every value's range, by path, as the parse in this thread records it. */
function allPaths(text: string, file: string): [string, Range][] {
  return [...(parsePackText(text, file).locations.paths as unknown as RecordedPaths)];
}

suite('packParsing: writers\u2019 packs parsed in a worker thread', () => {
  let parsing: PackParsing | undefined;
  teardown(() => parsing?.dispose());

  test('the worker gives the pack, problems and every value\u2019s range that a parse here gives', async () => {
    parsing = new PackParsing(workerCode(), parseHere, nodePlatform.startPackThread);
    const bundledText = readBundledText();
    assertSameParse(await parsing.parse(bundledText, 'bundled.yaml', {}), bundledText, 'bundled.yaml');
    assertSameParse(await parsing.parse(BROKEN, 'broken.yaml', {}), BROKEN, 'broken.yaml');
    assert.deepEqual(parsing.counts, { worker: 2, inThread: 0 });
  });

  test('a parsing thread runs with a young generation of its own size, not the default, and a memory limit of its own', async () => {
    // The thread's own view of its limits, asked as a parse would be.
    const code = `const w = require('worker_threads'); w.parentPort.on('message', (r) => w.parentPort.postMessage({ id: r.id, error: JSON.stringify(w.resourceLimits) }));`;
    const limits = await new Promise<Record<string, number>>((resolve, reject) => {
      const thread = nodePlatform.startPackThread(code, {
        message: (reply) => {
          thread.terminate();
          resolve(JSON.parse(reply.error!) as Record<string, number>);
        },
        failed: () => reject(new Error('the thread failed')),
      });
      thread.post({ id: 7, text: '', file: 'x.yaml', options: {} });
    });
    assert.equal(limits.maxYoungGenerationSizeMb, PARSE_THREAD_YOUNG_MB);
    // Past it Node stops the thread alone: without a limit of its own, a thread out of memory stops the process.
    assert.equal(limits.maxOldGenerationSizeMb, PARSE_THREAD_MEMORY_MB);
    assert.ok(PARSE_THREAD_YOUNG_MB >= 2 && PARSE_THREAD_YOUNG_MB <= 16, `${PARSE_THREAD_YOUNG_MB} MB`);
  });

  test("the worker's answers are read with the host's quicker reader of ASCII, where it has one: the same parse", async () => {
    let asked = 0;
    let ascii = 0;
    parsing = new PackParsing(workerCode(), parseHere, nodePlatform.startPackThread, 2, (bytes) => {
      asked++;
      const text = nodePlatform.readAscii!(bytes);
      if (text !== undefined) ascii++;
      return text;
    });
    const bundledText = readBundledText();
    assertSameParse(await parsing.parse(bundledText, 'bundled.yaml', {}), bundledText, 'bundled.yaml');
    assert.deepEqual(parsing.counts, { worker: 1, inThread: 0 });
    // Every section of JSON (the sources and facts in several) is ASCII.
    assert.ok(asked >= 6 && ascii === asked, `${ascii} of ${asked} read as ASCII`);
  });

  test('asked for a cache entry, the worker encodes the result as this thread would', async () => {
    parsing = new PackParsing(workerCode(), parseHere, nodePlatform.startPackThread);
    for (const [text, file] of [
      [readBundledText(), 'bundled.yaml'],
      [BROKEN, 'broken.yaml'],
    ]) {
      const { result, body } = await parsing.parseForCache(text, file, {});
      assertSameParse(result, text, file);
      const here = encodeBody(parseHere(text, file));
      assert.ok(body && here);
      assert.deepEqual(
        body.sections.map((b) => Buffer.from(b).toString('base64')),
        here.sections.map((b) => Buffer.from(b).toString('base64')),
      );
    }
    assert.deepEqual(parsing.counts, { worker: 2, inThread: 0 });
  });

  test('the body’s sections are moved to the host, each in its own buffer, none copied; a buffer sections share is copied', () => {
    const { reply, transfer } = answer({ id: 3, text: readBundledText(), file: 'bundled.yaml', options: {} });
    const sections = reply.body!.sections;
    assert.ok(sections.length >= 5);
    assert.equal(transfer.length, sections.length);
    assert.deepEqual(new Set(transfer), new Set(sections.map((b) => b.buffer)));
    const shared = new Uint8Array(8);
    const own = new Uint8Array(4);
    assert.deepEqual(transferable({ sections: [shared.subarray(0, 4), shared.subarray(4), own] }), [own.buffer]);
    assert.deepEqual(transferable({ sections: [shared.subarray(2, 6)] }), []);
  });

  test('sent its UTF-8 instead of its text, the worker gives the same parse: a leading BOM, Cyrillic and characters outside the BMP kept', async () => {
    parsing = new PackParsing(workerCode(), parseHere, nodePlatform.startPackThread);
    const bundled = readBundledText();
    for (const [text, file] of [
      [bundled, 'bundled.yaml'],
      [`\uFEFF${BROKEN}`, 'bom.yaml'],
      [bundled.replace('title: ', 'title: "\u{1F1FA}\u{1F1E6} " '), 'flags.yaml'],
    ]) {
      const utf8 = new TextEncoder().encode(text);
      const { result } = await parsing.parseForCache(text, file, {}, utf8);
      assertSameParse(result, text, file);
      // Sent without a copy: the bytes now belong to the thread.
      assert.equal(utf8.byteLength, 0);
    }
    assert.deepEqual(parsing.counts, { worker: 3, inThread: 0 });
  });

  test('given a file’s bytes as read, the worker gives the parse of their text: a leading BOM dropped, as a file read as text drops it; the bytes stay the caller’s', async () => {
    parsing = new PackParsing(workerCode(), parseHere, nodePlatform.startPackThread);
    const bundled = readBundledText();
    const bom = new Uint8Array([0xef, 0xbb, 0xbf]);
    for (const [text, bytes, file] of [
      [bundled, new TextEncoder().encode(bundled), 'bundled.yaml'],
      [BROKEN, Buffer.concat([bom, new TextEncoder().encode(BROKEN)]), 'bom.yaml'],
      // A second mark is the text's own: kept, as the text read from the file keeps it.
      [`\uFEFF${BROKEN}`, Buffer.concat([bom, bom, new TextEncoder().encode(BROKEN)]), 'two-boms.yaml'],
      // Bytes that are not UTF-8 are read as a text decoder reads them.
      [`${BROKEN}# \uFFFD\n`, Buffer.concat([new TextEncoder().encode(`${BROKEN}# `), new Uint8Array([0xff, 0x0a])]), 'not-utf8.yaml'],
    ] as const) {
      assert.equal(new TextDecoder().decode(bytes), text);
      const length = bytes.byteLength;
      // Copied for the parse (as the cache copies them): the copy is sent away, the bytes stay.
      const copy = new Uint8Array(withoutByteOrderMark(bytes));
      const { result, body } = await parsing.parseForCache(bytes, file, {}, copy);
      assertSameParse(result, text, file);
      assert.ok(body);
      assert.equal(copy.byteLength, 0, 'the copy now belongs to the thread');
      // Without one, the bytes are sent copied: not sent away, the caller keeps them.
      assertSameParse(await parsing.parse(bytes, file, {}), text, file);
      assert.equal(bytes.byteLength, length);
    }
    assert.deepEqual(parsing.counts, { worker: 8, inThread: 0 });
    // Where no thread runs, the bytes are read as text here.
    parsing.dispose();
    parsing = new PackParsing('throw new Error("no worker here")', parseHere, nodePlatform.startPackThread);
    const bytes = Buffer.concat([bom, new TextEncoder().encode(BROKEN)]);
    assertSameParse(await parsing.parse(bytes, 'here.yaml', {}), BROKEN, 'here.yaml');
    assert.deepEqual(parsing.counts, { worker: 0, inThread: 1 });
  });

  test('every request reaches the thread as UTF-8 in a buffer moved with it, never copied with the message; bytes as read stay the caller’s', async () => {
    const sent: { request: ParseRequest; transfer: readonly ArrayBuffer[] }[] = [];
    parsing = new PackParsing(workerCode(), parseHere, (code, events) => {
      const thread = nodePlatform.startPackThread(code, events);
      return {
        ...thread,
        post: (request: ParseRequest, transfer: ArrayBuffer[]) => {
          sent.push({ request: { ...request }, transfer: [...transfer] });
          thread.post(request, transfer);
        },
      };
    });
    const big = readBundledText().repeat(3);
    const bytes = new TextEncoder().encode(`\uFEFF${big}`);
    const parses = [
      () => parsing!.parse(BROKEN, 'text.yaml', {}),
      () => parsing!.parseForCache(big, 'big-text.yaml', {}).then((p) => p.result),
      () => parsing!.parse(bytes, 'bytes.yaml', {}),
      () => parsing!.parseForCache(bytes, 'bytes-for-cache.yaml', {}).then((p) => p.result),
    ];
    // A file's leading byte-order mark is dropped, as when it is read as text.
    const texts = [BROKEN, big, big, big];
    for (const [i, run] of parses.entries()) {
      const result = await run();
      const { request, transfer } = sent[i];
      assert.equal(request.text, undefined, request.file);
      assert.ok(request.utf8 && transfer.length === 1 && transfer[0] === request.utf8.buffer, `${request.file}: its UTF-8 moved`);
      assert.equal(request.utf8.byteLength, 0, `${request.file}: the buffer now belongs to the thread`);
      assertSameParse(result, texts[i], request.file);
    }
    assert.equal(bytes.byteLength, Buffer.byteLength(big) + 3, 'the bytes read stay whole');
    assert.deepEqual(parsing.counts, { worker: 4, inThread: 0 });
  });

  test('packs asked for at once each get their own answer; the size limit applies in the worker', async () => {
    // Parsed several at a time: at most three threads here.
    let started = 0;
    parsing = new PackParsing(
      workerCode(),
      parseHere,
      (code, events) => {
        started++;
        return nodePlatform.startPackThread(code, events);
      },
      3,
    );
    const texts = Array.from({ length: 6 }, (_, i) => BROKEN.replace('id: team\n', `id: team${i}\n`).replace('label: One', `label: One ${i}`));
    const results = await Promise.all(texts.map((t, i) => parsing!.parse(t, `p${i}.yaml`, {})));
    results.forEach((r, i) => assertSameParse(r, texts[i], `p${i}.yaml`));
    const tooBig = await parsing.parse(BROKEN, 'big.yaml', { maxBytes: 100 });
    assert.deepEqual(
      tooBig.problems.map((p) => p.code),
      ['file-too-large'],
    );
    assert.equal(parsing.counts.worker, 7);
    assert.equal(started, 3, 'six packs at once are parsed by three threads');
  });

  test('an answer is read back once a thread is free: while every thread has a file to parse it waits, then each gets its own parse', async () => {
    // Threads whose answers the test gives, made by the worker's own `answer`.
    const posted: { request: ParseRequest; events: PackThreadEvents }[] = [];
    parsing = new PackParsing('', parseHere, (_code, events) => ({ post: (request) => void posted.push({ request, events }), terminate: () => undefined }), 2);
    const other = BROKEN.replace('id: team\n', 'id: other\n').replace('label: One', 'label: Another');
    const read: string[] = [];
    const parse = (text: string, file: string) => parsing!.parseForCache(text, file, {}).then((p) => (read.push(file), p));
    const settle = async (): Promise<void> => {
      for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
    };
    // Two threads: the third file waits behind the first.
    const first = parse(BROKEN, 'first.yaml');
    const second = parse(other, 'second.yaml');
    const third = parse(other, 'third.yaml');
    // Each is sent once its UTF-8 is made.
    await settle();
    assert.equal(posted.length, 3);
    const reply = (i: number): void => posted[i].events.message(answer(posted[i].request).reply);
    reply(0);
    await settle();
    assert.deepEqual(read, [], 'not read back while both threads have a file to parse');
    reply(1);
    await settle();
    assert.deepEqual(read, ['first.yaml', 'second.yaml'], 'read back once a thread is free, the other still parsing');
    reply(2);
    const [a, b, c] = await Promise.all([first, second, third]);
    assertSameParse(a.result, BROKEN, 'first.yaml');
    assertSameParse(b.result, other, 'second.yaml');
    assertSameParse(c.result, other, 'third.yaml');
    assert.ok(a.body && b.body && c.body, 'each kept for the cache');
    assert.deepEqual(parsing.counts, { worker: 3, inThread: 0 });
    // A thread that fails while an answer waits: its file is parsed here, and the waiting answer is read.
    const fourth = parsing.parseForCache(BROKEN, 'fourth.yaml', {});
    const fifth = parsing.parseForCache(other, 'fifth.yaml', {});
    const sixth = parsing.parseForCache(BROKEN, 'sixth.yaml', {});
    await settle();
    reply(3);
    posted[4].events.failed();
    reply(5);
    const [d, e, f] = await Promise.all([fourth, fifth, sixth]);
    assertSameParse(d.result, BROKEN, 'fourth.yaml');
    assertSameParse(e.result, other, 'fifth.yaml');
    assertSameParse(f.result, BROKEN, 'sixth.yaml');
    assert.deepEqual(parsing.counts, { worker: 5, inThread: 1 });
  });

  test('an answer waiting for a thread to be free is read once the other answers with an error, its file then parsed here', async () => {
    const posted: { request: ParseRequest; events: PackThreadEvents }[] = [];
    parsing = new PackParsing('', parseHere, (_code, events) => ({ post: (request) => void posted.push({ request, events }), terminate: () => undefined }), 2);
    const settle = async (): Promise<void> => {
      for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
    };
    const read: string[] = [];
    const parse = (file: string) => parsing!.parseForCache(BROKEN, file, {}).then((p) => (read.push(file), p));
    // Two threads: the third file waits behind the first.
    const files = [parse('first.yaml'), parse('second.yaml'), parse('third.yaml')];
    await settle();
    posted[0].events.message(answer(posted[0].request).reply);
    await settle();
    assert.deepEqual(read, [], 'waits while both threads have a file to parse');
    posted[1].events.message({ id: posted[1].request.id, error: 'the thread could not parse it' });
    await settle();
    assert.deepEqual(read.sort(), ['first.yaml', 'second.yaml'], 'read once the other thread is free, its file parsed here');
    posted[2].events.message(answer(posted[2].request).reply);
    for (const [i, p] of (await Promise.all(files)).entries()) assertSameParse(p.result, BROKEN, ['first.yaml', 'second.yaml', 'third.yaml'][i]);
    assert.deepEqual(parsing.counts, { worker: 2, inThread: 1 });
  });

  test('a thread stopped for running out of memory: its file gets a problem, not a parse here; the file queued behind it is parsed here', async () => {
    const posted: { request: ParseRequest; events: PackThreadEvents }[] = [];
    const here: string[] = [];
    const parseHereCounted = (text: string, file: string, options?: LoadOptions) => (here.push(file), parseHere(text, file, options));
    parsing = new PackParsing(
      '',
      parseHereCounted,
      (_code, events) => ({ post: (request) => void posted.push({ request, events }), terminate: () => undefined }),
      1,
    );
    const huge = parsing.parseForCache(BROKEN, 'huge.yaml', {});
    const queued = parsing.parseForCache(BROKEN, 'queued.yaml', {});
    for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
    assert.equal(posted.length, 2);
    // Node reports the error, then the exit: the second is of a thread already gone.
    posted[0].events.failed(true);
    posted[0].events.failed();
    const [h, q] = await Promise.all([huge, queued]);
    assert.deepEqual(
      h.result.problems.map((p) => [p.code, p.file, p.range.start.line]),
      [['load-failed', 'huge.yaml', 0]],
    );
    assert.match(h.result.problems[0].message, /more memory than a pack may use; split it into smaller files/);
    assert.equal(h.result.pack, undefined);
    assert.equal(h.body, undefined, 'not kept in the cache: saving the file tries again');
    assertSameParse(q.result, BROKEN, 'queued.yaml');
    assert.deepEqual(here, ['queued.yaml']);
    // Threads stay in use: the next file is sent to a new one.
    const next = parsing.parseForCache(BROKEN, 'next.yaml', {});
    for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
    assert.equal(posted.length, 3);
    posted[2].events.message(answer(posted[2].request).reply);
    assertSameParse((await next).result, BROKEN, 'next.yaml');
    assert.deepEqual(here, ['queued.yaml']);
  });

  test('in the Node host the thread count comes from Node, asked when the first thread starts, never from `navigator`', async () => {
    // VS Code's Node extension host answers `navigator` with undefined and logs a deprecation warning naming the extension.
    const had = Object.getOwnPropertyDescriptor(globalThis, 'navigator');
    let navigatorReads = 0;
    Object.defineProperty(globalThis, 'navigator', { configurable: true, get: () => void navigatorReads++ });
    try {
      let asked = 0;
      let started = 0;
      parsing = new PackParsing(
        workerCode(),
        parseHere,
        (code, events) => (started++, nodePlatform.startPackThread(code, events)),
        () => (asked++, parsingThreads(nodePlatform.processors())),
      );
      assert.equal(asked, 0, 'not asked before a pack is parsed');
      const texts = Array.from({ length: 6 }, (_, i) => BROKEN.replace('id: team\n', `id: team${i}\n`));
      const results = await Promise.all(texts.map((t, i) => parsing!.parse(t, `p${i}.yaml`, {})));
      results.forEach((r, i) => assertSameParse(r, texts[i], `p${i}.yaml`));
      assert.equal(asked, 1);
      assert.equal(started, parsingThreads(os.availableParallelism()));
      assert.equal(navigatorReads, 0);
    } finally {
      if (had) Object.defineProperty(globalThis, 'navigator', had);
      else delete (globalThis as { navigator?: unknown }).navigator;
    }
  });

  test('threads: one per processor less one, at least two, at most four', () => {
    assert.deepEqual(
      [0, 1, 2, 3, 4, 8, 64, NaN].map((n) => parsingThreads(n)),
      [2, 2, 2, 2, 3, 4, 4, 2],
    );
  });

  test('hostile input is refused in the worker as it is here: an alias bomb', async () => {
    parsing = new PackParsing(workerCode(), parseHere, nodePlatform.startPackThread);
    const bomb = `a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n`;
    assertSameParse(await parsing.parse(bomb, 'bomb.yaml', {}), bomb, 'bomb.yaml');
  });

  test('where the worker cannot start or fails, packs are parsed in this thread, and nothing is lost', async () => {
    parsing = new PackParsing('throw new Error("no worker here")', parseHere, nodePlatform.startPackThread);
    assertSameParse(await parsing.parse(BROKEN, 'broken.yaml', {}), BROKEN, 'broken.yaml');
    assert.deepEqual(parsing.counts, { worker: 0, inThread: 1 });
    parsing.dispose();
    parsing = new PackParsing('this is not JavaScript (', parseHere, nodePlatform.startPackThread);
    const results = await Promise.all([parsing.parse(BROKEN, 'a.yaml', {}), parsing.parse(readBundledText(), 'b.yaml', {})]);
    assertSameParse(results[0], BROKEN, 'a.yaml');
    assertSameParse(results[1], readBundledText(), 'b.yaml');
    assert.equal(parsing.counts.inThread, 2);
    parsing.dispose();
    // Options that cannot be sent to a worker (a function) are not lost: that pack is parsed here.
    parsing = new PackParsing(workerCode(), parseHere, nodePlatform.startPackThread);
    const odd = { maxBytes: 1_000_000, extra: () => undefined } as unknown as { maxBytes: number };
    assertSameParse(await parsing.parse(BROKEN, 'odd.yaml', odd), BROKEN, 'odd.yaml');
    assert.deepEqual(parsing.counts, { worker: 0, inThread: 1 });
  });

  test('read from its file when the first pack is parsed; without a parser of its own, the extension evaluates the worker\u2019s script here', async () => {
    let reads = 0;
    // A host that cannot start the worker: the same script, evaluated in this thread, parses.
    parsing = new PackParsing(
      async () => (reads++, workerCode()),
      undefined,
      () => {
        throw new Error('no thread here');
      },
    );
    assert.throws(() => parsing!.parseInThread(BROKEN, 'early.yaml', {}), /not been read yet/);
    assertSameParse(await parsing.parse(BROKEN, 'broken.yaml', {}), BROKEN, 'broken.yaml');
    assertSameParse(await parsing.parse(readBundledText(), 'bundled.yaml', {}), readBundledText(), 'bundled.yaml');
    assert.deepEqual(parsing.counts, { worker: 0, inThread: 2 });
    assert.equal(reads, 1, 'the script is read once');
    assertSameParse(parsing.parseInThread(BROKEN, 'now.yaml', {}), BROKEN, 'now.yaml');
  });

  test('a script that cannot be read is a located problem in the pack, and the next pack tries again', async () => {
    let reads = 0;
    parsing = new PackParsing(
      async () => {
        if (reads++ === 0) throw new Error('dist/packWorker.js: no such file');
        return workerCode();
      },
      undefined,
      nodePlatform.startPackThread,
    );
    const failed = await parsing.parse(BROKEN, 'file:///w/a.factpack.yaml', {});
    assert.equal(failed.pack, undefined);
    assert.deepEqual(
      failed.problems.map((p) => [p.code, p.file]),
      [['load-failed', 'file:///w/a.factpack.yaml']],
    );
    assert.match(failed.problems[0].message, /dist\/packWorker\.js: no such file/);
    assertSameParse(await parsing.parse(BROKEN, 'b.yaml', {}), BROKEN, 'b.yaml');
    assert.deepEqual(parsing.counts, { worker: 1, inThread: 0 });
  });
});

suite('packParsing in VS Code for the Web', () => {
  test('the worker\u2019s script runs in a Web Worker\u2019s scope as it is: no module system, no Node module asked for', async () => {
    const replies: unknown[] = [];
    // A fresh global of its own with what a Web Worker's scope offers; no require, no process, no module.
    const scope: Record<string, unknown> = {
      importScripts: () => undefined,
      postMessage: (reply: unknown) => replies.push(structuredClone(reply)),
      TextEncoder,
      TextDecoder,
      console,
    };
    vm.runInNewContext(workerCode(), scope);
    assert.equal(typeof scope.onmessage, 'function', 'the script listens for messages');
    (scope.onmessage as (event: { data: unknown }) => void)({ data: { id: 7, text: BROKEN, file: 'broken.yaml', options: {} } });
    assert.equal(replies.length, 1);
    const reply = replies[0] as { id: number; body: EncodedBody };
    assert.equal(reply.id, 7);
    // The result comes as a cache entry's body, read back in the host a section at a time.
    assertSameParse(await decodeBody(reply.body.sections, 'broken.yaml', async () => undefined), BROKEN, 'broken.yaml');
  });

  test('where the host has no Web Worker, packs are parsed in its own thread', async () => {
    // Node has no global Worker: the web platform cannot start one here.
    const parsing = new PackParsing('self.onmessage = () => {}', parseHere, webPlatform.startPackThread);
    try {
      assertSameParse(await parsing.parse(BROKEN, 'broken.yaml', {}), BROKEN, 'broken.yaml');
      assert.deepEqual(parsing.counts, { worker: 0, inThread: 1 });
    } finally {
      parsing.dispose();
    }
  });
});

suite('packWire: a parsed pack packed for the trip from the worker', () => {
  test('unpacked, it locates every value as before; a pack without values has no paths', () => {
    const r = parsePackText(BROKEN, 'broken.yaml');
    const back = fromWire(toWire(r));
    for (const [p, range] of allPaths(BROKEN, 'broken.yaml')) assert.deepEqual(back.locations.paths.get(p), range, p);
    const empty = fromWire(toWire(parsePackText('', 'empty.yaml')));
    assert.equal(empty.locations.paths.get(''), undefined);
    assert.deepEqual(
      empty.problems.map((p) => p.code),
      ['empty-file'],
    );
  });

  test('paths and ranges made on the first lookup are made once; paths and ranges that do not match give no range', () => {
    let made = 0;
    const paths = new PackedPaths(
      () => (made++, '/a\n/b\nc\n0'),
      () => (made++, Int32Array.from([-1, 1, 2, 3, 4, -1, 5, 6, 7, 8, 1, 9, 10, 11, 12, 2, 13, 14, 15, 16])),
    );
    assert.equal(made, 0, 'nothing made before a lookup');
    assert.deepEqual(paths.get('/b'), { start: { line: 5, character: 6 }, end: { line: 7, character: 8 } });
    assert.deepEqual(paths.get('/a'), { start: { line: 1, character: 2 }, end: { line: 3, character: 4 } });
    // A path recorded under another by its last part: "/b/c", and under that "/b/c/0".
    assert.deepEqual(paths.get('/b/c'), { start: { line: 9, character: 10 }, end: { line: 11, character: 12 } });
    assert.deepEqual(paths.get('/b/c/0'), { start: { line: 13, character: 14 }, end: { line: 15, character: 16 } });
    assert.equal(paths.get('c'), undefined);
    assert.equal(made, 2);
    const wrong = new PackedPaths('/a\n/b', Int32Array.from([-1, 1, 2, 3, 4]));
    assert.equal(wrong.get('/a'), undefined);
    assert.equal(wrong.get('/b'), undefined);
    // A path under one recorded after it is not what a loader writes: no range at all.
    const ahead = new PackedPaths('/a\nb', Int32Array.from([1, 1, 2, 3, 4, -1, 5, 6, 7, 8]));
    assert.equal(ahead.get('/a'), undefined);
    assert.equal(ahead.get('/a/b'), undefined);
  });
});
