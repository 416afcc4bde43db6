#!/usr/bin/env node
// npm run bench: measures Agreement Cite's speed and size against the
// targets in DESIGN.md ("Performance targets") and writes docs/PERFORMANCE.md.
//
// Generated packs of 1k, 10k and 100k facts (scripts/bench/generate.mjs, a
// fixed seed) and the bundled pack; a generated 1 MB Markdown draft for each.
// Every number is a median with its 10th–90th percentile spread over repeated
// runs or many different requests; the hot paths are also run through a naive
// baseline (scripts/bench/naive.ts) in the same process.
//
//   node --expose-gc scripts/bench/bench.mjs [options]
//     --sizes=1k,10k,100k   generated pack sizes (default all three)
//     --vscode-runs=N       runs of the real VS Code harness for activation (default 5; 0 skips)
//     --out=FILE            report file (default docs/PERFORMANCE.md; "-" prints only)
//     --quick               fewer repetitions, for trying the script itself
//     --report-only         rewrite the report from the last run's .bench/results.json, measuring nothing
//     --only=cli            measure only the command line (scripts/bench/cli.mjs) and write its section into the report
//     --only=package        measure only the package, its bundles and activation (plain Node, VS Code, VS Code for
//                           the Web) and write those rows into the report
//     --only=load           measure only the loading of writers' packs (scripts/bench/load.mjs) at --sizes and write its section
//   BENCH_SKIP_CHECK=1 leaves out checkDocument (src/core/check/checker.ts), the slowest step.
//
// Nothing here asserts: speed is reported, not tested (npm test has no timed assertions).

import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { cliSection, measureCli, spliceSection } from './cli.mjs';
import { generateDraft, generatePack } from './generate.mjs';
import { readPackagedReadme } from '../packaged-readme.mjs';
import { stagePackageFiles, vscePackage } from '../vsce-package.mjs';
import { loadSection, measureCachedLoad, measureSideBySide, spliceLoadSection } from './load.mjs';
import { collectorPauses, fmtBytes, fmtMs, loopDelay, perCall, repeat, settle, summary, timed } from './stats.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const work = path.join(root, '.bench');
const require = createRequire(import.meta.url);
const esbuild = require('esbuild');

const { values: argv } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1k,10k,100k' },
    'vscode-runs': { type: 'string', default: '5' },
    out: { type: 'string', default: path.join(root, 'docs', 'PERFORMANCE.md') },
    quick: { type: 'boolean', default: false },
    'report-only': { type: 'boolean', default: false },
    only: { type: 'string' },
  },
});
const quick = argv.quick;
const SEED = 20250623;
const DRAFT_BYTES = 1024 * 1024;
const started = Date.now();
const log = (msg) => console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(3)}s] ${msg}`);

// ------------------------------------------------------------------ the code under test

/**
 * Bundles the core and the bench's view of each adapter (scripts/bench/core.ts)
 * in memory, as esbuild.js bundles the build tools. src/core/check/checker.ts is
 * included when it exists.
 */
async function loadCore() {
  const hasChecker = fs.existsSync(path.join(root, 'src', 'core', 'check', 'checker.ts'));
  const contents = `export * from './scripts/bench/core';\n${hasChecker ? "export * as checker from './src/core/check/checker';\n" : ''}`;
  const result = await esbuild.build({
    stdin: { contents, resolveDir: root, loader: 'ts', sourcefile: 'bench-entry.ts' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    write: false,
    logLevel: 'silent',
  });
  const m = new Module(path.join(work, 'bench-core.js'));
  m.paths = Module._nodeModulePaths(root);
  m._compile(result.outputFiles[0].text, path.join(work, 'bench-core.js'));
  return m.exports;
}

// ------------------------------------------------------------------ machine

function machine() {
  const cpus = os.cpus();
  let model = cpus[0]?.model ?? 'unknown';
  try {
    const info = fs.readFileSync('/proc/cpuinfo', 'utf8');
    model = /model name\s*:\s*(.+)/.exec(info)?.[1]?.trim() ?? model;
  } catch {
    // not Linux
  }
  return {
    cpu: model,
    cores: cpus.length,
    memory: `${(os.totalmem() / 1024 ** 3).toFixed(0)} GiB`,
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    load: os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' '),
  };
}

// ------------------------------------------------------------------ results

/** Every measurement, in the order they are reported. */
const rows = [];
/** Notes the report prints under the tables. */
const notes = [];

function record(id, size, samples, extra = {}) {
  const s = summary(samples);
  rows.push({ id, size, ...s, ...extra });
  log(
    `${size.padEnd(7)} ${id.padEnd(28)} ${fmtMs(s.median).padStart(9)}  (${fmtMs(s.p10)}–${fmtMs(s.p90)}, n=${s.n})${extra.naive ? `  naive ${fmtMs(extra.naive.median)}` : ''}`,
  );
  return s;
}

function get(id, size) {
  return rows.find((r) => r.id === id && r.size === size);
}

// ------------------------------------------------------------------ per pack size

/** Positions in the draft that hover would be asked about: inside known names, and anywhere. */
function hoverOffsets(index, draft, count) {
  const matches = index.findAll(draft);
  const step = Math.max(1, Math.floor(matches.length / count));
  const out = [];
  for (let i = 0; i < matches.length && out.length < count; i += step) out.push((matches[i].start + matches[i].end) >> 1);
  return { offsets: out, mentions: matches.length };
}

/** What a writer types: the first 3…8 letters of names the pack knows, on a line of the draft. */
function typedPrefixes(index, count, rnd) {
  const out = [];
  const facts = index.facts;
  while (out.length < count) {
    const entry = facts[Math.floor(rnd() * facts.length)];
    const alias = entry.aliases[Math.floor(rnd() * entry.aliases.length)];
    if (alias.length < 4) continue;
    for (let n = 3; n <= Math.min(alias.length, 8) && out.length < count; n++) out.push(alias.slice(0, n));
  }
  return out;
}

function seeded(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function measureSize(core, size, bundledPack, bundledFiles) {
  const reps = quick ? { small: 5, big: 1 } : { small: 20, big: 3 };
  const generated = size.n > 0 ? generatePack(size.n, SEED) : undefined;
  const files = generated ? generated.files : bundledFiles;
  const bytes = files.reduce((n, f) => n + Buffer.byteLength(f.text), 0);
  const heavy = size.n >= 100_000;
  const loadReps = size.n >= 100_000 ? (quick ? 1 : 1) : size.n >= 10_000 ? (quick ? 1 : 3) : reps.small;

  // ---- load: parse + validate each file, then index with the bundled pack first (as FactStore does)
  let loaded;
  let problems = 0;
  const parseSamples = repeat(
    () => {
      loaded = files.map((f) => {
        const r = core.parsePackText(f.text, f.name);
        problems += r.problems.filter((p) => p.severity === 'error').length;
        return { pack: r.pack, locations: r.locations, origin: size.n > 0 ? 'workspace' : 'bundled' };
      });
    },
    { warmup: heavy ? 0 : 1, reps: loadReps },
  );
  if (problems > 0) throw new Error(`${size.key}: the generated pack has ${problems} errors; the generator and the loader disagree`);
  const bundledLoaded = core.bundledLoadedPack(bundledPack);
  const packs = size.n > 0 ? [bundledLoaded, ...loaded] : [bundledLoaded];
  let built;
  const pickerCold = [];
  const prepTotal = [];
  const prepLongest = [];
  let round = 0;
  const buildSamples = repeat(
    () => {
      built = core.buildFactIndex(packs);
      // On a new index, either the picker opened before the idle preparation ran, or that preparation, step by step.
      if (round++ % 2 === 0) pickerCold.push(timed(() => core.pickerPath(built.index, ''))[0]);
      else {
        const times = [];
        const steps = core.preparationSteps(built.index);
        for (let done = false; !done;) times.push(timed(() => (done = steps.next().done))[0]);
        prepTotal.push(times.reduce((a, b) => a + b, 0));
        prepLongest.push(Math.max(...times));
      }
    },
    { warmup: heavy ? 0 : 1, reps: heavy ? reps.big : loadReps + 3 },
  );
  const errors = built.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) throw new Error(`${size.key}: ${errors.length} index errors, e.g. ${errors[0].message}`);
  const index = built.index;
  const parse = record('load.parse', size.key, parseSamples, { bytes });
  const build = record('load.index', size.key, buildSamples);
  rows.push({
    id: 'load.total',
    size: size.key,
    median: parse.median + build.median,
    p10: parse.p10 + build.p10,
    p90: parse.p90 + build.p90,
    n: Math.min(parse.n, build.n),
  });
  rows.push({ id: 'pack.info', size: size.key, facts: index.facts.length, aliases: index.matcher.size, files: files.length, bytes });

  if (size.n === 0) {
    // What activation does with the pack compiled into the bundle: no YAML, one index build.
    record(
      'load.bundled',
      size.key,
      repeat(() => core.buildFactIndex([core.bundledLoadedPack(bundledPack)]), { warmup: 1, reps: 50 }),
    );
  } else {
    // A writer's packs as the extension loads them at start-up (src/packs/workspacePacks.ts): every file into the
    // store in one batch, one index rebuild at its end. The YAML is parsed once beforehand (load.parse).
    const parsed = new Map(files.map((f, i) => [f.name, { pack: loaded[i].pack, locations: loaded[i].locations, problems: [] }]));
    const storeSamples = [];
    for (let i = 0; i < (heavy ? 1 : 3); i++) {
      const store = new core.FactStore(bundledLoaded, (_text, file) => parsed.get(file));
      const t0 = performance.now();
      await store.batch(async () => {
        for (const f of files) store.setWorkspacePack(f.name, f.text);
      });
      storeSamples.push(performance.now() - t0);
    }
    record('load.store', size.key, storeSamples, { files: files.length });
    await measureOffThreadLoad(core, size, files, bundledLoaded, heavy ? 1 : 3);
    await measureLoading(core, size, files, bundledLoaded);
  }

  // ---- the 1 MB draft
  const draft = generateDraft(index.facts, DRAFT_BYTES, SEED + size.n);
  const draftBytes = Buffer.byteLength(draft);
  const { offsets, mentions } = hoverOffsets(index, draft, quick ? 300 : 1500);
  rows.push({ id: 'draft.info', size: size.key, bytes: draftBytes, mentions });

  // ---- hover: what src/cite/hover.ts does per request
  const small = draft.slice(0, 5000);
  const smallOffsets = hoverOffsets(index, small, 200).offsets;
  record(
    'hover.lookup',
    size.key,
    perCall(offsets, (o) => index.findAt(draft, o)),
  );
  record(
    'hover.full',
    size.key,
    perCall(offsets, (o) => core.hoverPath(index, draft, o)),
  );
  record(
    'hover.full.small',
    size.key,
    perCall(smallOffsets, (o) => core.hoverPath(index, small, o)),
  );

  // ---- completion: what src/cite/completion.ts does per keystroke
  const typed = typedPrefixes(index, quick ? 200 : 1000, seeded(SEED));
  // The first keystroke after a change of packs: a new prefix index, and the search that fills its first bucket.
  const firstKeys = typed.filter((t) => t.length === 3);
  record(
    'completion.first',
    size.key,
    repeat((i) => new core.AliasPrefixIndex(index).search(firstKeys[i % firstKeys.length], 50), { warmup: heavy ? 0 : 1, reps: heavy ? 5 : 10 }),
  );
  const prefixes = core.prefixIndexFor(index);
  const at = draft.indexOf('\n\n', draft.length >> 1);
  const withLine = typed.map((t) => ({ line: `The meeting with ${t}`, text: draft, offset: at }));
  record(
    'completion.search',
    size.key,
    perCall(typed, (t) => prefixes.search(t, 50)),
  );
  record(
    'completion.list',
    size.key,
    perCall(withLine, (r) => core.completionPath(index, r.text, r.offset, r.line)),
  );
  record(
    'completion.trigger',
    size.key,
    repeat(() => core.triggerPath(index, draft, at), { warmup: 1, reps: quick ? 3 : 10 }),
  );

  // ---- picker: rankFacts and the rows of src/cite/insertCitation.ts
  const selection = draft.slice(offsets[10] - 40, offsets[10] + 40);
  record('picker.first', size.key, pickerCold);
  if (prepTotal.length > 0) {
    record('prepare.total', size.key, prepTotal);
    record('prepare.step', size.key, prepLongest);
  }
  record(
    'picker.items',
    size.key,
    repeat(() => core.pickerPath(index, ''), { warmup: 1, reps: heavy ? 5 : 10 }),
  );
  record(
    'picker.selection',
    size.key,
    repeat(() => core.pickerPath(index, selection), { warmup: 1, reps: heavy ? 5 : 10 }),
  );

  // ---- scanning the draft: every alias in 1 MB, the document check's hot path
  const scan = repeat(() => index.findAll(draft), { warmup: 1, reps: quick ? 3 : 10 });
  record('scan.findAll', size.key, scan, { bytes: draftBytes });
  record(
    'check.core',
    size.key,
    repeat(() => core.scanPath(index, draft), { warmup: 1, reps: quick ? 3 : 10 }),
    { bytes: draftBytes },
  );
  if (core.checker?.checkDocument && !process.env.BENCH_SKIP_CHECK) await measureCheck(core, size, index, draft, draftBytes);

  // ---- naive baselines, last: their alias lists would otherwise sit in the heap while the real code is timed
  const rows0 = core.naive.aliasRows(index);
  const naiveHoverInputs = offsets.slice(0, Math.max(5, Math.min(offsets.length, Math.round(2e6 / Math.max(1, rows0.length)))));
  naive('hover.lookup', size.key, summary(perCall(naiveHoverInputs, (o) => core.naive.naiveFindAt(draft, o, rows0), { warmup: 2 })));
  const folded = rows0.map((row) => ({ folded: core.naive.foldAliasForBaseline(row.alias), row }));
  const naiveTyped = typed.slice(0, Math.max(5, Math.min(typed.length, Math.round(2e7 / Math.max(1, rows0.length)))));
  naive('completion.search', size.key, summary(perCall(naiveTyped, (t) => core.naive.naivePrefixSearch(t, folded, 50), { warmup: 2 })));
  naive('picker.items', size.key, summary(repeat(() => core.naive.naivePickerOrder(index), { warmup: 0, reps: heavy ? 2 : 5 })));
  const regexps = core.naive.aliasRegExps(rows0.length > 400 ? sample(rows0, 400, seeded(SEED + 1)) : rows0);
  const naiveScanOnce = summary(repeat(() => core.naive.naiveFindAll(draft, regexps), { warmup: 0, reps: 1 }));
  const factor = rows0.length / regexps.length;
  naive('scan.findAll', size.key, {
    median: naiveScanOnce.median * factor,
    p10: naiveScanOnce.p10 * factor,
    p90: naiveScanOnce.p90 * factor,
    sampled: regexps.length,
    of: rows0.length,
  });
  settle();
}

/** Adds a naive baseline's summary to the real measurement it is compared with. */
function naive(id, size, s) {
  get(id, size).naive = s;
  log(`${size.padEnd(7)} ${`${id} (naive)`.padEnd(28)} ${fmtMs(s.median).padStart(9)}`);
}

function sample(list, n, rnd) {
  const out = [];
  const step = list.length / n;
  for (let i = 0; i < n; i++) out.push(list[Math.floor(i * step + rnd() * step)]);
  return out;
}

// ------------------------------------------------------------------ bundle, .vsix, activation

/** Builds the production bundle into .bench/stage (not dist/, which a test run may be using) and packages it. */
function buildAndPackage() {
  const stage = path.join(work, 'stage');
  fs.rmSync(stage, { recursive: true, force: true });
  fs.mkdirSync(stage, { recursive: true });
  execFileSync(process.execPath, [path.join(root, 'esbuild.js'), '--production'], {
    cwd: root,
    env: { ...process.env, AGREEMENT_CITE_OUT_DIR: path.join(stage, 'dist') },
    stdio: 'pipe',
  });
  stagePackageFiles(root, stage);
  // As scripts/package.mjs packages it: the README without its screenshots and developers' sections.
  const readme = readPackagedReadme(root);
  fs.writeFileSync(path.join(stage, 'dist', 'README.md'), readme);
  const vsix = path.join(work, 'agreement-cite.vsix');
  fs.rmSync(vsix, { force: true });
  const r = vscePackage(root, stage, vsix, 'pipe');
  if (r.status !== 0) throw new Error(`vsce package failed: ${r.stderr || r.stdout}`);
  const entries = zipEntries(fs.readFileSync(vsix))
    .filter((e) => e.name.startsWith('extension/'))
    .map((e) => ({ ...e, name: e.name.slice('extension/'.length) }));
  const jsFiles = entries.filter((e) => e.name.endsWith('.js')).map((e) => ({ name: e.name, bytes: e.bytes }));
  const bundle = path.join(stage, 'dist', 'extension.js');
  rows.push({ id: 'size.bundle', size: 'bundled', bytes: fs.statSync(bundle).size, jsFiles: jsFiles.length, files: jsFiles });
  rows.push({ id: 'size.vsix', size: 'bundled', bytes: fs.statSync(vsix).size, files: entries.sort((a, b) => b.compressed - a.compressed) });
  log(
    `bundle ${fmtBytes(fs.statSync(bundle).size)}; JS files in the .vsix: ${jsFiles.map((f) => f.name).join(', ')}; .vsix ${fmtBytes(fs.statSync(vsix).size)}`,
  );
  return { stage, bundle };
}

/** The files in a zip (the .vsix), from its central directory: name, size, compressed size. */
function zipEntries(zip) {
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error('the .vsix is not a zip file');
  const count = zip.readUInt16LE(end + 10);
  const out = [];
  for (let i = 0, at = zip.readUInt32LE(end + 16); i < count; i++) {
    const nameLength = zip.readUInt16LE(at + 28);
    out.push({ name: zip.toString('utf8', at + 46, at + 46 + nameLength), compressed: zip.readUInt32LE(at + 20), bytes: zip.readUInt32LE(at + 24) });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return out;
}

/** Code load + activate in plain Node with a stand-in `vscode`, each run in a fresh process (a cold load, as in the editor). */
function activationInNode(bundle) {
  const runs = quick ? 5 : 25;
  const out = [];
  for (let i = 0; i < runs + 2; i++) {
    const r = spawnSync(process.execPath, [path.join(root, 'scripts', 'bench', 'activate-probe.mjs'), bundle], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`activation probe failed: ${r.stderr}`);
    if (i >= 2) out.push(JSON.parse(r.stdout.trim().split('\n').pop()));
  }
  record(
    'activation.node',
    'bundled',
    out.map((o) => o.totalMs),
    { load: summary(out.map((o) => o.loadMs)), activate: summary(out.map((o) => o.activateMs)) },
  );
}

/**
 * Code load + activate inside the real VS Code: runs the integration suite's
 * perf test (test/integration/perf.test.ts) with the staged production build,
 * each run a fresh code-server and window; the extension records its own timings.
 */
async function activationInVsCode(stage, draftFile) {
  const runs = Number(argv['vscode-runs']);
  if (!(runs > 0)) {
    notes.push('Activation in the real VS Code was not measured in this run (--vscode-runs=0).');
    return;
  }
  // Inside the staged extension's folder, as the suite's own tests are inside the project: VS Code gives a
  // \`require('vscode')\` the API of the extension whose folder holds the file, and warns of one from elsewhere.
  const tests = path.join(stage, 'itest');
  fs.rmSync(tests, { recursive: true, force: true });
  // The suite's entry and the perf test, compiled here so that the shared out/ folder is left alone.
  await esbuild.build({
    entryPoints: { index: path.join(root, 'test/integration/index.ts'), 'perf.test': path.join(root, 'test/integration/perf.test.ts') },
    outdir: tests,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode', 'mocha'],
    logLevel: 'silent',
  });
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const results = path.join(work, `vscode-${i}`);
    fs.rmSync(results, { recursive: true, force: true });
    const r = spawnSync(process.execPath, [path.join(root, 'scripts', 'run-vscode-tests.mjs'), '--grep', 'perf', '--timeout', '300'], {
      cwd: root,
      encoding: 'utf8',
      env: {
        ...process.env,
        AGREEMENT_CITE_EXT_PATH: stage,
        AGREEMENT_CITE_TESTS_PATH: path.join(tests, 'index.js'),
        AGREEMENT_CITE_RESULTS_DIR: results,
        AGREEMENT_CITE_BENCH_DRAFT: draftFile,
      },
    });
    const file = path.join(results, 'activation.json');
    if (r.status !== 0 || !fs.existsSync(file)) {
      notes.push(
        `A real VS Code run failed (exit ${r.status}); its activation time is missing. ${(r.stdout + r.stderr)
          .split('\n')
          .filter((l) => /ERROR|failed|not set up/i.test(l))
          .slice(0, 2)
          .join(' ')}`,
      );
      log(`VS Code run ${i + 1}/${runs}: failed (exit ${r.status})`);
      if (/not set up|is missing/.test(r.stdout + r.stderr)) break;
      continue;
    }
    const result = JSON.parse(fs.readFileSync(file, 'utf8'));
    samples.push(result);
    log(`VS Code run ${i + 1}/${runs}: load ${fmtMs(result.loadMs)} + activate ${fmtMs(result.activationMs)}`);
  }
  if (samples.length === 0) return;
  record(
    'activation.vscode',
    'bundled',
    samples.map((s) => (s.loadMs ?? 0) + s.activationMs),
    {
      load: summary(samples.map((s) => s.loadMs ?? 0)),
      activate: summary(samples.map((s) => s.activationMs)),
    },
  );
  const getText = samples.map((s) => s.getTextMs).filter((x) => typeof x === 'number');
  if (getText.length > 0) record('vscode.getText1MB', 'bundled', getText);
  const hover = samples.map((s) => s.hoverMs).filter((x) => typeof x === 'number');
  if (hover.length > 0) record('vscode.hover1MB', 'bundled', hover);
  const hoverShort = samples.map((s) => s.hoverShortMs).filter((x) => typeof x === 'number');
  if (hoverShort.length > 0) record('vscode.hoverShort', 'bundled', hoverShort);
}

/**
 * Code load + activate in VS Code for the Web: the browser bundle in the
 * browser's web worker extension host (scripts/run-vscode-tests.mjs --web),
 * each run a fresh code-server and browser. The web suite's activation test
 * (test/integration/webHost.test.ts) prints what the extension measured itself.
 */
async function activationInWeb(stage) {
  const runs = Number(argv['vscode-runs']);
  if (!(runs > 0)) {
    notes.push('Activation in VS Code for the Web was not measured in this run (--vscode-runs=0).');
    return;
  }
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const results = path.join(work, `web-${i}`);
    fs.rmSync(results, { recursive: true, force: true });
    const r = spawnSync(
      process.execPath,
      [path.join(root, 'scripts', 'run-vscode-tests.mjs'), '--web', '--grep', 'activation in the web worker host', '--timeout', '300'],
      {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, AGREEMENT_CITE_EXT_PATH: stage, AGREEMENT_CITE_RESULTS_DIR: results },
      },
    );
    // The runner relays the web worker host's console, where the test prints the figures.
    const line = /web worker host: activate\(\) ([\d.]+) ms, bundle evaluated in ([\d.]+) ms, bundled pack read and in the store ([\d.]+) ms/.exec(r.stdout);
    if (r.status !== 0 || !line) {
      notes.push(
        `A VS Code for the Web run failed (exit ${r.status}); its activation time is missing. ${(r.stdout + r.stderr)
          .split('\n')
          .filter((l) => /ERROR|failed|not set up/i.test(l))
          .slice(0, 2)
          .join(' ')}`,
      );
      log(`web run ${i + 1}/${runs}: failed (exit ${r.status})`);
      if (/not set up|is missing/.test(r.stdout + r.stderr)) break;
      continue;
    }
    const [activationMs, loadMs, bundledPackMs] = line.slice(1).map(Number);
    samples.push({ activationMs, loadMs, bundledPackMs });
    log(`web run ${i + 1}/${runs}: load ${fmtMs(loadMs)} + activate ${fmtMs(activationMs)}; bundled pack in use after ${fmtMs(bundledPackMs)}`);
  }
  if (samples.length === 0) return;
  record(
    'activation.web',
    'bundled',
    samples.map((s) => s.loadMs + s.activationMs),
    {
      load: summary(samples.map((s) => s.loadMs)),
      activate: summary(samples.map((s) => s.activationMs)),
      bundledPack: summary(samples.map((s) => s.bundledPackMs)),
    },
  );
}

/** Cold, warm and one-changed-file loads through the cache of parsed packs; at 10k and 100k, the side-by-side with latex-utensils. */
async function measureLoading(core, size, files, bundledLoaded) {
  // At 100k one rep in the full run (each takes about 20 s, latex-utensils' parse nearly a minute); three with
  // --only=load, whose medians the report gives.
  const reps = quick || (size.n >= 100_000 && argv.only !== 'load') ? 1 : 3;
  await measureCachedLoad({ core, esbuild, size, files, bundledLoaded, record, rows, work, reps, log });
  if (size.n >= 10_000) measureSideBySide({ core, size, files, bundledLoaded, record, log, work, reps });
}

// ------------------------------------------------------------------ report

/**
 * A writer's packs loaded as the extension loads them (src/extension.ts,
 * src/packs/workspacePacks.ts): parsed in the worker thread, indexed a slice at a time with
 * what the first requests need readied, then put in use. Measured: the time
 * until the new index is in use, and the longest the event loop, which
 * answers hovers and completions, was held meanwhile (its delay histogram).
 */
async function measureOffThreadLoad(core, size, files, bundledLoaded, reps) {
  const worker = await esbuild.build(require('../pack-worker-build.js').packWorkerBuildOptions());
  const totals = [];
  const lags = [];
  for (let i = 0; i < reps; i++) {
    const parsing = new core.PackParsing(
      worker.outputFiles[0].text,
      core.parsePackText,
      core.nodePlatform.startPackThread,
      undefined,
      core.nodePlatform.readAscii,
    );
    const store = new core.FactStore(bundledLoaded, core.parsePackText, {}, (t, f, o) => parsing.parse(t, f, o), {
      yieldToHost: core.nextTurn,
      readying: (index) => core.preparationSteps(index),
    });
    // The files' bytes as read from disk (their reading not timed), as src/packs/workspacePacks.ts hands them on.
    const bytes = files.map((f) => Buffer.from(f.text));
    settle();
    const delay = await loopDelay();
    const t0 = performance.now();
    await store.batch(() => Promise.all(files.map((f, j) => store.loadWorkspacePack(f.name, bytes[j], async () => undefined))));
    totals.push(performance.now() - t0);
    delay.disable();
    lags.push(delay.max / 1e6);
    if (store.index.facts.length < size.n) throw new Error(`${size.key}: the store holds ${store.index.facts.length} facts after loading`);
    parsing.dispose();
  }
  record('load.offthread.total', size.key, totals);
  record('load.offthread.lag', size.key, lags);
}

/**
 * The document check as src/check/diagnostics.ts runs it: a first check of a draft
 * (every paragraph unread), in one go and read ahead in slices; a check after
 * an edit (one paragraph changed, the rest read before); and the same draft
 * checked again.
 */
async function measureCheck(core, size, index, draft, draftBytes) {
  const options = { format: 'markdown', style: 'auto', dateStyle: 'en-GB' };
  const reps = quick ? 3 : 10;
  const paragraphs = draft.split('\n\n');
  // A draft none of whose paragraphs the check has read: each is marked with the round.
  let round = 0;
  const unread = () => paragraphs.map((p) => (p.startsWith('#') || p.startsWith('_') ? p : `R${round} ${p}`)).join('\n\n');
  record(
    'check.first',
    size.key,
    repeat(
      () => {
        round++;
        const text = unread();
        return timed(() => core.checker.checkDocument(text, index, options))[0];
      },
      { warmup: 1, reps, value: true },
    ),
    { bytes: draftBytes },
  );
  // As src/check/diagnostics.ts runs a long draft's check: checkSteps in slices (`inSlices`, SLICE_MS of steps per turn of
  // the event loop, the turn the extension's own nextTurn). Between turns the loop runs whatever else waits, the
  // garbage collector's scavenge task among them: run back to back, with no turn between, the steps would take every
  // collection themselves, which the extension's do not.
  const longest = [];
  const own = [];
  const totals = [];
  const holds = [];
  for (let i = 0; i < reps; i++) {
    round++;
    const text = unread();
    let total = 0;
    const steps = [];
    // The collector's pauses, to tell a step's own work from a pause that fell in it.
    const collector = collectorPauses();
    const delay = await loopDelay();
    const it = core.checker.checkSteps(text, index, options);
    // Each step timed as the slices run it.
    const timed = {
      next: () => {
        const start = performance.now();
        const r = it.next();
        const end = performance.now();
        steps.push([start, end]);
        total += end - start;
        return r;
      },
    };
    await core.inSlices(timed, core.nextTurn, core.SLICE_MS, () => performance.now());
    delay.disable();
    const pauses = await collector.stop();
    const paused = ([start, end]) => pauses.reduce((ms, p) => ms + Math.max(0, Math.min(end, p.startTime + p.duration) - Math.max(start, p.startTime)), 0);
    longest.push(Math.max(...steps.map(([start, end]) => end - start)));
    own.push(Math.max(...steps.map((step) => step[1] - step[0] - paused(step))));
    totals.push(total);
    holds.push(delay.max / 1e6);
  }
  record('check.sliced.longest', size.key, longest);
  record('check.sliced.own', size.key, own);
  record('check.sliced.hold', size.key, holds);
  record('check.sliced.total', size.key, totals, { bytes: draftBytes });
  // Typing: one paragraph changed between checks, a different one each time.
  let text = draft;
  core.checker.checkDocument(text, index, options);
  let edit = 0;
  record(
    'check.edit',
    size.key,
    repeat(
      () => {
        text = typed(text, edit++, `Edit ${edit}`);
        return timed(() => core.checker.checkDocument(text, index, options))[0];
      },
      { warmup: 1, reps: reps * 2, value: true },
    ),
    { bytes: draftBytes },
  );
  record(
    'check.document',
    size.key,
    repeat(() => core.checker.checkDocument(draft, index, options), { warmup: 1, reps }),
    { bytes: draftBytes },
  );
  // What the check keeps while a writer types: the heap after forty more edits, less the heap before them.
  globalThis.gc();
  const before = process.memoryUsage().heapUsed;
  for (let k = 0; k < 40; k++) {
    text = typed(text, k, `Typed ${k}`);
    core.checker.checkDocument(text, index, options);
  }
  globalThis.gc();
  const kept = (process.memoryUsage().heapUsed - before) / 1024 / 1024;
  rows.push({ id: 'check.kept', size: size.key, median: kept, p10: kept, p90: kept, n: 1, unit: 'MiB' });
  log(`${size.key.padEnd(7)} check.kept                   ${kept.toFixed(1)} MiB`);
}

/**
 * The draft after the writer's k-th edit: `words` typed at the end of a paragraph, a different one each time,
 * the text joined from its lines as VS Code's document.getText() makes it (one flat string, not a rope).
 */
function typed(text, k, words) {
  const para = text.indexOf('\n\n', Math.floor((((k * 7919) % 997) / 997) * (text.length - 100)));
  return `${text.slice(0, para)} ${words}.${text.slice(para)}`.split('\n').join('\n');
}

/** Shared with the real-VS-Code suite, which asserts activation against the same figure. */
const BUDGETS = JSON.parse(fs.readFileSync(new URL('./budgets.json', import.meta.url), 'utf8'));

const TARGETS = {
  'hover.full': { text: '< 1 ms', limit: 1, sizes: ['bundled', '10k', '100k'] },
  'hover.lookup': { text: '≪ 1 ms', limit: 1, sizes: ['bundled', '10k', '100k'] },
  'completion.list': { text: '< 10 ms', limit: 10, sizes: ['bundled', '10k', '100k'] },
  'completion.trigger': { text: '< 10 ms', limit: 10, sizes: ['bundled', '10k', '100k'] },
  'picker.items': { text: '< 100 ms at 100k', limit: 100, sizes: ['100k'] },
  'picker.selection': { text: '< 100 ms at 100k', limit: 100, sizes: ['100k'] },
  'check.edit': { text: '< 50 ms per MB', limit: 50, sizes: ['bundled', '10k', '100k'] },
  'check.first': { text: '< 50 ms per MB', limit: 50, sizes: ['bundled', '10k', '100k'] },
  'check.sliced.longest': { text: '< 10 ms', limit: 10, sizes: ['bundled', '10k', '100k'] },
  'check.document': { text: '< 50 ms per MB', limit: 50, sizes: ['bundled', '10k', '100k'] },
  'check.core': { text: '< 50 ms per MB', limit: 50, sizes: ['bundled', '10k', '100k'] },
  'activation.node': { text: `< ${BUDGETS.activationMs} ms`, limit: BUDGETS.activationMs, sizes: ['bundled'] },
  'activation.vscode': { text: `< ${BUDGETS.activationMs} ms`, limit: BUDGETS.activationMs, sizes: ['bundled'] },
  'activation.web': { text: `< ${BUDGETS.activationMs} ms`, limit: BUDGETS.activationMs, sizes: ['bundled'] },
};

const LABELS = {
  'load.parse': 'Pack load: YAML parse + validate',
  'load.index': 'Pack load: index (bundled + pack)',
  'load.total': 'Pack load: total',
  'load.store': 'Pack load: all files into the store (start-up), YAML already parsed',
  'load.bundled': 'Bundled pack: index at activation',
  'hover.lookup': 'Hover: alias lookup (`findAt`)',
  'hover.full': 'Hover: whole request, 1 MB draft',
  'hover.full.small': 'Hover: whole request, 5 KB document',
  'completion.first': 'Completion: first keystroke on an index not readied yet, its bucket made in one go (the extension makes it a slice at a time)',
  'load.offthread.total':
    'Pack load as the extension does it without its cache of parsed packs (a host without Web Crypto): worker parse, index in slices, readied, in use',
  'load.offthread.lag': 'The same: longest hold of the event loop (requests wait this)',
  'completion.search': 'Completion: prefix search',
  'completion.list': 'Completion: list per keystroke (≤ 50 items)',
  'completion.trigger': 'Completion: `;;` list (≤ 200 items)',
  'picker.first': "Picker: every row made at once on an index not readied (the extension's picker opens busy and waits for the readying instead)",
  'prepare.total': 'Readying an index (completion buckets, picker rows): all steps',
  'prepare.step': 'Readying an index: its longest step (what a request may wait)',
  'picker.items': 'Picker: items',
  'picker.selection': 'Picker: items ranked by a selection',
  'scan.findAll': 'Scan: every alias in the 1 MB draft',
  'check.core': 'Check core: aliases + dates in the 1 MB draft',
  'check.edit': 'Document check after an edit (one paragraph changed), 1 MB draft: the typing path',
  'check.first': 'Document check, first, in one go (every paragraph unread), 1 MB draft',
  'check.sliced.longest': 'Document check, first, in steps (`checkSteps`): its longest step',
  'check.sliced.own': 'The same, less the pauses of the garbage collector that fell in each step',
  'check.sliced.hold':
    'The same: longest hold of the event loop while it ran (a turn of steps, or what ran between turns: the pauses of the garbage collector)',
  'check.sliced.total': 'Document check, first, in steps: all steps',
  'check.document': 'Document check of the same draft again, 1 MB',
  'check.kept': 'Memory the check keeps after forty edits of the 1 MB draft (heap growth; each edit a new version of the draft)',
  'activation.node': 'Activation (load + activate), plain Node',
  'activation.vscode': 'Activation (load + activate), real VS Code',
  'activation.web': 'Activation (load + activate), VS Code for the Web (web worker host)',
  'vscode.getText1MB': '`document.getText()` of 1 MB, extension host',
  'vscode.hover1MB': 'Hover round trip in VS Code (all providers), 1 MB draft',
  'vscode.hoverShort': 'Hover round trip in VS Code (all providers), one-line document',
};

function cell(r) {
  if (!r) return '–';
  if (r.unit === 'MiB') return `${r.median.toFixed(1)} MiB`;
  const throughput = r.bytes && /^(scan|check)/.test(r.id) ? ` · ${(r.bytes / 1024 / 1024 / (r.median / 1000)).toFixed(0)} MB/s` : '';
  const spread = r.n > 1 ? ` (${fmtMs(r.p10)}–${fmtMs(r.p90)})` : '';
  return `${fmtMs(r.median)}${spread}${throughput}`;
}

function verdict(id, sizes) {
  const t = TARGETS[id];
  if (!t) return '';
  const checked = t.sizes.map((s) => get(id, s)).filter(Boolean);
  if (checked.length === 0) return 'not measured';
  // A scan or a check of a draft is judged per MB of the draft; a step's length is judged as it is.
  const worst = Math.max(...checked.map((r) => (/^(scan|check)/.test(id) && r.bytes ? r.median / (r.bytes / 1024 / 1024) : r.median)));
  void sizes;
  if (worst < t.limit) return '✅ met';
  // The extension never checks a long draft in one go: it runs checkSteps, a few milliseconds at a time (the next rows).
  return id === 'check.first' ? '❌ missed in one go; the extension runs it in steps (next rows)' : '❌ missed';
}

function report(info, sizes, { before, seconds } = {}) {
  const date = info.date ?? new Date().toISOString().slice(0, 10);
  const out = [];
  out.push('# Performance', '');
  out.push(`Written by \`npm run bench\` (scripts/bench/bench.mjs) on ${date}; do not edit by hand: run it again.`, '');
  out.push(
    `**Machine:** ${info.cpu}, ${info.cores} cores, ${info.memory} RAM, Node ${info.node}, ${info.os}. Load average at the start: ${info.load}. Total run time: ${seconds.toFixed(0)} s.`,
    '',
  );
  out.push(
    'Each cell: median (10th–90th percentile) over repeated runs or over many different requests (offsets, prefixes). Targets from DESIGN.md, "Performance targets". Packs: the bundled pack, and generated packs of 1k, 10k and 100k facts (scripts/bench/generate.mjs, fixed seed), each indexed together with the bundled pack as in the extension; each with a generated 1 MB Markdown draft that mentions its facts.',
    '',
  );
  const info2 = sizes.map((s) => get('pack.info', s.key));
  out.push('| pack | facts | aliases | YAML files | YAML size | draft | mentions in draft |', '|---|---:|---:|---:|---:|---:|---:|');
  sizes.forEach((s, i) => {
    const d = get('draft.info', s.key);
    out.push(
      `| ${s.key} | ${info2[i].facts.toLocaleString('en-GB')} | ${info2[i].aliases.toLocaleString('en-GB')} | ${info2[i].files} | ${fmtBytes(info2[i].bytes)} | ${fmtBytes(d.bytes)} | ${d.mentions.toLocaleString('en-GB')} |`,
    );
  });
  out.push('', '## Against the targets', '');
  out.push(`| measurement | target | ${sizes.map((s) => s.key).join(' | ')} | verdict |`, `|---|---|${sizes.map(() => '---|').join('')}---|`);
  const ids = [
    'hover.full',
    'hover.lookup',
    'hover.full.small',
    'completion.list',
    'completion.trigger',
    'completion.search',
    'completion.first',
    'picker.items',
    'picker.selection',
    'picker.first',
    'prepare.step',
    'prepare.total',
    'check.edit',
    'check.first',
    'check.sliced.longest',
    'check.sliced.own',
    'check.sliced.hold',
    'check.sliced.total',
    'check.document',
    'check.kept',
    'check.core',
    'scan.findAll',
    'load.offthread.total',
    'load.offthread.lag',
    'load.parse',
    'load.index',
    'load.total',
    'load.store',
    'load.bundled',
  ];
  for (const id of ids) {
    if (!rows.some((r) => r.id === id)) continue;
    out.push(
      `| ${LABELS[id]} | ${TARGETS[id]?.text ?? (/^(load|prepare)/.test(id) ? 'off the typing path' : '')} | ${sizes.map((s) => cell(get(id, s.key))).join(' | ')} | ${verdict(id, sizes)} |`,
    );
  }
  out.push('', ...packageTable());

  const loading = loadSection(get, sizes);
  if (loading.length > 0) out.push('', ...loading);
  out.push('', '## Against naive baselines', '');
  out.push('The same inputs through a straightforward implementation (scripts/bench/naive.ts), in the same run. Ratio: real ÷ naive (smaller is better).', '');
  out.push(`| hot path | naive baseline | ${sizes.map((s) => s.key).join(' | ')} |`, `|---|---|${sizes.map(() => '---|').join('')}`);
  const pairs = [
    ['hover.lookup', 'linear scan of every alias around the offset'],
    ['completion.search', 'filter every alias by prefix, then sort'],
    ['picker.items', 'full sort of all facts on every opening (order only, no rows)'],
    ['scan.findAll', 'one regular expression per alias over the draft†'],
  ];
  for (const [id, what] of pairs) {
    out.push(
      `| ${LABELS[id]} | ${what} | ${sizes
        .map((s) => {
          const r = get(id, s.key);
          if (!r?.naive) return '–';
          return `${fmtMs(r.median)} vs ${fmtMs(r.naive.median)}: **${ratio(r.median / r.naive.median)}**`;
        })
        .join(' | ')} |`,
    );
  }
  const scan100 = sizes.map((s) => get('scan.findAll', s.key)?.naive).filter(Boolean);
  out.push(
    '',
    `† Timed on a sample of ${scan100.map((n) => `${n.sampled} of ${n.of.toLocaleString('en-GB')}`).join(', ')} aliases and scaled to all of them: the full run would take hours at 100k. The other baselines run on fewer requests than the real code where they are slow (same inputs, first N).`,
  );

  out.push('', ...cliSection(get));
  if (before) out.push('', before);
  if (notes.length > 0) out.push('', '## Notes from this run', '', ...notes.map((n) => `- ${n}`));
  out.push(
    '',
    '## How to run',
    '',
    '```sh',
    'npm run bench                       # everything, ~5 minutes on 2 cores; writes this file',
    'node --expose-gc scripts/bench/bench.mjs --sizes=1k,10k --vscode-runs=0 --out=-   # a quick look',
    '```',
    '',
  );
  out.push(
    'The real VS Code runs need the harness set up once (`npm run setup:vscode-test`). Timings on a shared or busy machine vary by tens of percent; compare medians from the same machine.',
    '',
  );
  return out.join('\n');
}

/** Activation in each host, the bundles and the .vsix: a table of the report, also written alone by `--only=package`. */
function packageTable() {
  const out = ['| measurement | target | result | verdict |', '|---|---|---|---|'];
  for (const id of ['activation.vscode', 'activation.web', 'activation.node']) {
    const r = get(id, 'bundled');
    if (!r) {
      out.push(`| ${LABELS[id]} | < 20 ms | not measured | |`);
      continue;
    }
    const pack = r.bundledPack ? `; the bundled pack, read after activation, in use ${fmtMs(r.bundledPack.median)} after it began` : '';
    out.push(`| ${LABELS[id]} | < 20 ms | ${cell(r)}: load ${fmtMs(r.load.median)} + activate ${fmtMs(r.activate.median)}, n=${r.n}${pack} | ${verdict(id)} |`);
  }
  for (const id of ['vscode.getText1MB', 'vscode.hover1MB', 'vscode.hoverShort']) {
    const r = get(id, 'bundled');
    if (r) out.push(`| ${LABELS[id]} | (context) | ${cell(r)}, n=${r.n} | |`);
  }
  const b = get('size.bundle', 'bundled');
  const v = get('size.vsix', 'bundled');
  if (b) {
    const files = b.files.map((f) => `\`${f.name}\` ${fmtBytes(f.bytes)}`).join(', ');
    out.push(
      `| JS files in the \`.vsix\` (production) | one bundled JS file per host | ${files} | one bundle per host; \`dist/packWorker.js\`, the pack parser, runs in a thread of its own, read on the first writer's pack |`,
    );
  }
  if (v) {
    const largest = v.files
      .slice(0, 4)
      .map((f) => `\`${f.name}\` ${fmtBytes(f.compressed)}`)
      .join(', ');
    out.push(
      `| \`.vsix\` | < 400 KB | ${fmtBytes(v.bytes)} (${v.bytes.toLocaleString('en-GB')} bytes); compressed, largest first: ${largest} | ${v.bytes < 400_000 ? '✅ met' : '❌ missed'} |`,
    );
  }
  return out;
}

function ratio(x) {
  if (!Number.isFinite(x)) return '–';
  return x >= 0.1 ? `${x.toFixed(2)}×` : x >= 0.001 ? `${x.toFixed(4)}×` : `${x.toExponential(1)}×`;
}

// ------------------------------------------------------------------ main

async function main() {
  fs.mkdirSync(work, { recursive: true });
  const notesFile = path.join(root, 'scripts', 'bench', 'notes.md');
  const staticNotes = fs.existsSync(notesFile) ? fs.readFileSync(notesFile, 'utf8').trim() : undefined;
  if (argv['report-only']) {
    const last = JSON.parse(fs.readFileSync(path.join(work, 'results.json'), 'utf8'));
    rows.push(...last.rows);
    notes.push(...(last.notes ?? []));
    const sizes = last.sizes;
    write(report(last.machine, sizes, { before: staticNotes, seconds: last.seconds }));
    return;
  }
  const info = { ...machine(), date: new Date().toISOString().slice(0, 10) };
  log(`${info.cpu}, ${info.cores} cores, ${info.memory}, Node ${info.node}, load ${info.load}`);
  const core = await loadCore();
  if (!core.checker?.checkDocument)
    notes.push('`src/core/check/checker.ts` has no `checkDocument` yet: the document check row measures its core (every alias and every date in the draft).');

  // The bundled pack as the build compiles it into the extension.
  const dataDir = path.join(root, 'data');
  const dataFiles = core
    .bundleOrder(fs.readdirSync(dataDir).filter((f) => /\.ya?ml$/.test(f)))
    .map((f) => ({ path: path.join(dataDir, f), text: fs.readFileSync(path.join(dataDir, f), 'utf8') }));
  const compiled = core.compilePackFiles(dataFiles, () => undefined);
  const bundledPack = core.mergeForBundle(compiled.packs);
  // Each file parsed on its own, as the build does: one YAML text per pack file.
  const bundledFiles = dataFiles.map((f) => ({ name: path.relative(root, f.path), text: f.text }));

  if (argv.only === 'cli') {
    const bundledFacts = core.buildFactIndex([core.bundledLoadedPack(bundledPack)]).index.facts;
    measureCli({ root, work, facts: bundledFacts, quick, record, rows, log });
    const section = cliSection(get);
    if (argv.out === '-') console.log(section.join('\n'));
    else write(spliceSection(fs.existsSync(argv.out) ? fs.readFileSync(argv.out, 'utf8') : '# Performance\n', section));
    return;
  }
  if (argv.only === 'package') {
    const { stage, bundle } = buildAndPackage();
    activationInNode(bundle);
    const draftFile = path.join(work, 'draft-bundled.md');
    fs.writeFileSync(draftFile, generateDraft(core.buildFactIndex([core.bundledLoadedPack(bundledPack)]).index.facts, DRAFT_BYTES, SEED));
    await activationInVsCode(stage, draftFile);
    await activationInWeb(stage);
    const table = packageTable();
    const measured = `The rows above: \`npm run bench -- --only=package\` on ${info.date}, on this machine's ${info.cores} cores with whatever else ran on it (load average at the start: ${info.load}, printed so that runs can be compared; on a busy machine the times vary severalfold, see "Noise" below).${notes.length > 0 ? ` ${notes.join(' ')}` : ''}`;
    if (argv.out === '-') console.log([...table, '', measured].join('\n'));
    else write(splicePackageTable(fs.existsSync(argv.out) ? fs.readFileSync(argv.out, 'utf8') : '# Performance\n', table, measured));
    return;
  }
  const wanted = new Set(
    argv.sizes
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );
  if (argv.only === 'load') {
    const loadSizes = [
      ['1k', 1000],
      ['10k', 10_000],
      ['100k', 100_000],
    ]
      .filter(([k]) => wanted.has(k))
      .map(([key, n]) => ({ key, n }));
    for (const size of loadSizes) {
      log(`---- ${size.key}: loading`);
      await measureLoading(core, size, generatePack(size.n, SEED).files, core.bundledLoadedPack(bundledPack));
    }
    const section = loadSection(get, loadSizes);
    fs.writeFileSync(path.join(work, 'load-results.json'), JSON.stringify({ machine: info, rows }, null, 1));
    if (argv.out === '-') console.log(section.join('\n'));
    else write(spliceLoadSection(fs.existsSync(argv.out) ? fs.readFileSync(argv.out, 'utf8') : '# Performance\n', section));
    return;
  }
  const sizes = [
    { key: 'bundled', n: 0 },
    ...[
      ['1k', 1000],
      ['10k', 10_000],
      ['100k', 100_000],
    ]
      .filter(([k]) => wanted.has(k))
      .map(([key, n]) => ({ key, n })),
  ];
  for (const size of sizes) {
    log(`---- ${size.key}`);
    await measureSize(core, size, bundledPack, bundledFiles);
  }

  log('---- bundle, .vsix, activation');
  const { stage, bundle } = buildAndPackage();
  activationInNode(bundle);
  const bundledIndex = core.buildFactIndex([core.bundledLoadedPack(bundledPack)]).index;
  const draftFile = path.join(work, 'draft-bundled.md');
  fs.writeFileSync(draftFile, generateDraft(bundledIndex.facts, DRAFT_BYTES, SEED));
  await activationInVsCode(stage, draftFile);
  await activationInWeb(stage);
  log('---- command line');
  measureCli({ root, work, facts: bundledIndex.facts, quick, record, rows, log });

  const seconds = (Date.now() - started) / 1000;
  fs.writeFileSync(path.join(work, 'results.json'), JSON.stringify({ machine: info, sizes, seconds, notes, rows }, null, 1));
  write(report(info, sizes, { before: staticNotes, seconds }));
}

/** `--only=package`: the table of activation and sizes replaced in the report, with a line saying when it was measured. */
function splicePackageTable(reportText, table, measured) {
  const lines = reportText.split('\n');
  const start = lines.findIndex((l, i) => l === '| measurement | target | result | verdict |' && lines[i + 1] === '|---|---|---|---|');
  if (start < 0) return `${reportText.trimEnd()}\n\n${table.join('\n')}\n\n${measured}\n`;
  let end = start;
  while (end < lines.length && lines[end].startsWith('|')) end++;
  // A line left by an earlier --only=package run goes; the new one takes its place.
  const after = lines[end] === '' && lines[end + 1]?.startsWith('The rows above: ') ? end + 2 : end;
  return [...lines.slice(0, start), ...table, '', measured, ...lines.slice(after)].join('\n');
}

function write(text) {
  if (argv.out === '-') console.log(text);
  else {
    fs.mkdirSync(path.dirname(argv.out), { recursive: true });
    fs.writeFileSync(argv.out, text);
    log(`wrote ${path.relative(root, argv.out)} (raw numbers: .bench/results.json)`);
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.stack : e);
  process.exit(1);
});
