// Hostile text cannot hold the extension up: 1 MB runs of spaces, quotes,
// backslashes and brackets, in a pack and in a draft, and of values in
// brackets in a pack (written as YAML or as JSON), are read in well under a second by the loader and by
// every reader of document text; and a sentence of thousands of dates, names
// or events takes the check time in proportion to its length.

import assert from 'node:assert/strict';
import { checkDocument } from '../../src/core/check/checker';
import type { DocFormat } from '../../src/core/references/citation';
import { findDates } from '../../src/core/document/dates';
import { parsePackText } from '../../src/core/packs/packLoader';
import { documentDate, proseText } from '../../src/core/document/prose';
import { findQuotations } from '../../src/core/check/quotations';
import { findCitations } from '../../src/core/references/citationsInText';
import { updateSourcesSection } from '../../src/core/references/sourcesSection';
import { AliasPrefixIndex, rankFacts } from '../../src/core/cite/search';
import { paragraphAt } from '../../src/core/document/paragraphs';
import { bundled, PACK_HEAD } from './helpers';

const MB = 1024 * 1024;
const FORMATS: DocFormat[] = ['markdown', 'latex', 'asciidoc', 'restructuredtext', 'html', 'plaintext'];

/** Runs of `n` characters of each hostile kind. */
function runs(n: number): Record<string, string> {
  const q = n >> 2;
  return {
    spaces: ' '.repeat(n),
    'double quotes': '"'.repeat(n),
    'single quotes': "'".repeat(n),
    'curly quotes': '\u201c'.repeat(n >> 1) + '\u2018'.repeat(n >> 1),
    backslashes: '\\'.repeat(n),
    brackets: '['.repeat(q) + '{'.repeat(q) + '('.repeat(q) + '<'.repeat(q),
    'closing brackets': ']'.repeat(q) + '}'.repeat(q) + ')'.repeat(q) + '>'.repeat(q),
    'spaces then a letter': ' '.repeat(n) + 'x',
    'tabs and line breaks': ' \t\n'.repeat(Math.floor(n / 3)),
    'backslash quote': '\\"'.repeat(n >> 1),
  };
}
/** Runs of `n` characters of values in brackets, which the YAML library reads slowest: a token every two or three characters. */
function flowRuns(n: number): Record<string, string> {
  return {
    'values in a list': 'a, '.repeat(Math.floor(n / 3)),
    'pairs in a mapping': 'a: b, '.repeat(Math.floor(n / 6)),
    'lists in a list': '[a], '.repeat(Math.floor(n / 5)),
  };
}
/** Runs of `n` characters of values in a pack written as JSON, on one line: the quick reader of JSON reads them, not the library. */
function jsonRuns(n: number): Record<string, string> {
  return {
    'JSON strings in a list': '"a", '.repeat(Math.floor(n / 5)),
    'JSON numbers in a list': '1, '.repeat(Math.floor(n / 3)),
    'JSON objects in a list': '{"a": 1}, '.repeat(Math.floor(n / 10)),
  };
}
/** LINEAR_LOG=1 prints every time measured. */
const LOG = process.env.LINEAR_LOG === '1';
const SMALL: Record<string, string> = { ...runs(MB / 4), ...flowRuns(MB / 4), ...jsonRuns(MB / 4) };
const LARGE: Record<string, string> = { ...runs(MB), ...flowRuns(MB), ...jsonRuns(MB) };
const KINDS = Object.keys(runs(0));
const FLOW_KINDS = Object.keys(flowRuns(0));
const JSON_KINDS = Object.keys(jsonRuns(0));

/**
 * Well under a second: the most CPU time any reader may take on 1 MB, on a
 * machine where the linear baseline below takes BASELINE_MS on 1 MB. Where
 * it takes longer (a busy machine, a large heap late in the suite), the
 * budget grows in proportion.
 */
const BUDGET_MS = 400;
const BASELINE_MS = 50;
/**
 * Times below this are too short for their ratio to mean anything: a single
 * young-generation collection during the 1 MB read makes 4 ms into 40. The
 * growth test so judges reads that take about 100 ms or more on 1 MB, where
 * a quadratic path (sixteen times for four times the text) stands out.
 */
const FLOOR_MS = 12;

/**
 * Four times as much dense prose may take at most this many times as long to
 * check: a check that compared each date or name of a sentence with every
 * other took sixteen times (`"the next day, "` 5.8 s on 16 KB, 137 s on 64 KB).
 */
const DENSE_GROWTH = 8;

/**
 * CPU time this process spends in `fn`, in milliseconds. On a machine shared
 * with other work, the time the others take is not counted: a 1 MB read that
 * takes 100 ms of CPU time can take seconds on the clock there. A reader here
 * never waits on anything, so its CPU time is its cost.
 */
function cpuMs(fn: () => unknown): number {
  // Garbage left by earlier tests is collected first (mocha runs with --expose-gc, .mocharc.json), so that
  // collecting it is not counted against the reader: the whole suite leaves a large heap behind.
  (globalThis as { gc?: () => void }).gc?.();
  const t = process.cpuUsage();
  fn();
  const d = process.cpuUsage(t);
  return (d.user + d.system) / 1000;
}

/**
 * Times `read` on `small` and on `large` (four times as long) until `fits`
 * holds, five times at most. Noise only adds time, so the least time of
 * each is judged: a first pair that fits is enough; one that does not is
 * measured again after a pause. Late in the whole suite, with the heap it
 * leaves, three tries of a draft's check all took over the budget once
 * (409 ms of CPU on 1 MB, 185 ms alone). The process's CPU time counts V8's helper
 * threads too: after a full collection of the large heap the suite has left,
 * they sweep it for a while, and a read measured then is billed for that
 * (about 300 ms more on 1 MB was seen); the pause lets them finish.
 */
function measure(
  read: (text: string) => unknown,
  small: string,
  large: string,
  fits: (s: number, l: number) => boolean,
): { s: number; l: number; wall: number } {
  read(small);
  const ss: number[] = [];
  const ls: number[] = [];
  let wall = 0;
  for (let i = 0; i < 5; i++) {
    if (i > 0) pause(250 * i);
    ss.push(cpuMs(() => read(small)));
    const t0 = performance.now();
    ls.push(cpuMs(() => read(large)));
    wall = Math.max(wall, performance.now() - t0);
    if (fits(Math.min(...ss), Math.min(...ls))) break;
  }
  return { s: Math.min(...ss), l: Math.min(...ls), wall };
}

/** Waits `ms` milliseconds without running anything on this thread, after a full collection. */
function pause(ms: number): void {
  (globalThis as { gc?: () => void }).gc?.();
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** A linear pass over the text that allocates as a reader does: every character its own string. */
function baseline(text: string): number {
  let n = 0;
  for (const c of text.split('')) if (c === ' ') n++;
  return n;
}

/** The baseline on each kind, measured in this run: its time on 1 MB, and how that grows from SMALL to LARGE (near 4). */
const baselines = new Map<string, { ms: number; growth: number }>();
function baselineOf(kind: string): { ms: number; growth: number } {
  let b = baselines.get(kind);
  if (b === undefined) {
    const { s, l } = measure(baseline, SMALL[kind], LARGE[kind], () => false);
    b = { ms: l, growth: l / Math.max(s, 0.1) };
    baselines.set(kind, b);
    if (LOG) console.log(`      a linear pass on ${kind}: ${l.toFixed(0)} ms of CPU on 1 MB, ${s.toFixed(0)} ms on 256 KB`);
  }
  return b;
}

/**
 * `read(make(run))` on a 1 MB run stays within the budget of CPU time, and
 * its time grows with the text as the baseline's does: four times the text
 * may take at most twice the baseline's growth (8 when the baseline grows 4
 * times, never more than 12), where a quadratic path takes sixteen times as
 * long.
 */
function linear(what: string, make: (run: string) => string, read: (text: string) => unknown, kind: string): void {
  const base = baselineOf(kind);
  const budget = BUDGET_MS * Math.max(1, base.ms / BASELINE_MS);
  const allowed = Math.min(12, 2 * Math.max(4, base.growth));
  const grows = (s: number, l: number): boolean => l <= allowed * Math.max(s, FLOOR_MS);
  const { s, l, wall } = measure(read, make(SMALL[kind]), make(LARGE[kind]), (s1, l1) => l1 <= budget && grows(s1, l1));
  const times = `${l.toFixed(0)} ms of CPU on 1 MB, ${s.toFixed(0)} ms on 256 KB`;
  if (LOG) console.log(`      ${what} on ${kind}: ${times}, ${wall.toFixed(0)} ms on the clock; budget ${budget.toFixed(0)} ms, growth ×${allowed.toFixed(1)}`);
  assert.ok(
    l <= budget,
    `${what} on 1 MB of ${kind}: ${times}; at most ${budget.toFixed(0)} ms allowed (${BUDGET_MS} ms where a linear pass takes ${BASELINE_MS} ms; it took ${base.ms.toFixed(0)} ms)`,
  );
  assert.ok(grows(s, l), `${what} on 1 MB of ${kind} grows faster than the text: ${times}, where a linear pass grows ${base.growth.toFixed(1)} times`);
}

suite('linear time on hostile text', function () {
  this.timeout(300_000);

  suite('the pack loader', () => {
    for (const kind of KINDS) {
      test(`1 MB of ${kind} in a quoted value with an unclosed quote, and in a plain value`, () => {
        const parse = (text: string): unknown => parsePackText(text, 'hostile.yaml', { maxBytes: 8 * MB });
        for (const q of ['"', "'", 'a']) {
          linear(`the loader (${q})`, (run) => `${PACK_HEAD}  - id: x\n    label: ${q}${run}\n`, parse, kind);
        }
      });
    }
    for (const kind of FLOW_KINDS) {
      test(`1 MB of ${kind} on one line, in brackets left open and closed`, () => {
        const parse = (text: string): unknown => parsePackText(text, 'hostile.yaml', { maxBytes: 8 * MB });
        linear('the loader (left open)', (run) => `${PACK_HEAD}  - id: x\n    aliases: [${run}\n`, parse, kind);
        linear('the loader (closed)', (run) => `${PACK_HEAD}  - id: x\n    aliases: [${run}]\n`, parse, kind);
      });
    }
  });

  suite('the pack loader, a pack written as JSON on one line', () => {
    const parse = (text: string): unknown => parsePackText(text, 'hostile.yaml', { maxBytes: 8 * MB });
    const head = '{"pack": {"id": "x", "title": "x", "version": "1", "language": "en"}, "sources": [], "facts": [{"id": "x", "aliases": [';
    for (const kind of JSON_KINDS) {
      test(`1 MB of ${kind}, the list closed and left open`, () => {
        linear('the loader (closed)', (run) => `${head}${run}"a"]}]}\n`, parse, kind);
        linear('the loader (left open)', (run) => `${head}${run}\n`, parse, kind);
      });
    }
  });

  suite('the check on dense prose', () => {
    const { index } = bundled();
    // What the check judges, thousands of times in one sentence: a list of days, of names, of events and how far apart they were.
    const units = [
      '24 June, ',
      'the next day, ',
      'two days after the London talks, ',
      'on 23 June 2025 the drone agreement was signed, ',
      'Project Octopus, ',
      'Defence Minister Umerov, ',
      'Zelenskyy, Zelensky, ',
      '24 червня, наступного дня, ',
      'Умєрова, Умерова, ',
    ];
    const options = { format: 'markdown' as const, style: 'auto' as const, dateStyle: 'en-GB' as const, today: '2026-01-01' };
    for (const unit of units) {
      test(`"${unit.slice(0, -2)}" over and over in one sentence: four times the text takes at most ${DENSE_GROWTH} times as long`, () => {
        const draft = (n: number): string => `Zelenskyy said in London on 23 June 2025 ${unit.repeat(Math.floor(n / unit.length))}the end.`;
        const fits = (s: number, l: number): boolean => l <= DENSE_GROWTH * Math.max(s, FLOOR_MS);
        // Each check of a text not read before: the check keeps what it read of each paragraph, by its text.
        let round = 0;
        const { s, l } = measure((t) => checkDocument(`${++round}. ${t}`, index, options), draft(32 * 1024), draft(128 * 1024), fits);
        if (LOG) console.log(`      checkDocument on ${JSON.stringify(unit)}: ${s.toFixed(0)} ms of CPU on 32 KB, ${l.toFixed(0)} ms on 128 KB`);
        assert.ok(fits(s, l), `checkDocument on ${JSON.stringify(unit)} repeated: ${s.toFixed(0)} ms of CPU on 32 KB, ${l.toFixed(0)} ms on 128 KB`);
      });
    }
  });

  suite('document readers', () => {
    const { index } = bundled();
    const prefixes = new AliasPrefixIndex(index);
    for (const kind of KINDS) {
      test(`1 MB of ${kind} in a draft`, () => {
        const draft = (run: string): string => `Zelenskyy said in London on 23 June 2025 ${run} "massive step forward ${run}`;
        for (const format of FORMATS) {
          linear(`proseText ${format}`, draft, (t) => proseText(t, format), kind);
          linear(`documentDate ${format}`, draft, (t) => documentDate(t, format), kind);
          linear(`findQuotations ${format}`, draft, (t) => findQuotations(t, format), kind);
          linear(`findCitations ${format}`, draft, (t) => findCitations(t, format, index), kind);
          linear(`updateSourcesSection ${format}`, draft, (t) => updateSourcesSection(t, { format, style: 'auto', dateStyle: 'en-GB' }, index), kind);
        }
        linear('paragraphAt', draft, (t) => paragraphAt(t, t.length >> 1), kind);
        linear('findDates', draft, (t) => findDates(t), kind);
        linear('checkDocument', draft, (t) => checkDocument(t, index, { format: 'markdown', style: 'auto', dateStyle: 'en-GB', today: '2026-01-01' }), kind);
        linear(
          'rankFacts',
          (run) => run.slice(0, 10_000),
          (t) => rankFacts(index, t),
          kind,
        );
        linear(
          'completion',
          (run) => run.slice(0, 10_000),
          (t) => prefixes.search(t),
          kind,
        );
      });
    }
  });
});
