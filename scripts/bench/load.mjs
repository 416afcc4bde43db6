// Loading writers' packs as the extension does (src/extension.ts, src/packs/workspacePacks.ts):
// with the cache of parsed packs empty (cold: every file parsed in the worker
// and its entry written), full (warm: a window reload, every file read from
// the cache), and one file of many changed; and the YAML read side by side
// with latex-utensils' BibTeX parser (the one LaTeX Workshop uses) on a
// bibliography of the same size. Used by bench.mjs; `--only=load` measures
// these alone and writes their section into docs/PERFORMANCE.md.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { collectorPauses, fmtBytes, fmtMs, loopDelay, settle } from './stats.mjs';

const require = createRequire(import.meta.url);

/** The cache's storage as a folder on disk, as `vscode.workspace.fs` keeps it in the extension's storage folder. */
function diskStorage(dir) {
  const at = (name) => path.join(dir, name);
  return {
    read: (name) =>
      fs.promises.readFile(at(name)).then(
        (b) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength),
        () => undefined,
      ),
    write: async (name, data) => {
      await fs.promises.mkdir(dir, { recursive: true });
      await fs.promises.writeFile(at(name), data);
    },
    delete: (name) => fs.promises.rm(at(name), { force: true }),
    list: async () => {
      const names = await fs.promises.readdir(dir).catch(() => []);
      return Promise.all(
        names.map(async (name) => {
          const s = await fs.promises.stat(at(name));
          return { name, size: s.size, mtime: s.mtimeMs };
        }),
      );
    },
  };
}

const SECRET = new Uint8Array(32).fill(42);

/** A store wired as src/extension.ts wires it, over a cache in `dir`. */
function extensionStore(core, bundledLoaded, workerCode, dir) {
  const cache = new core.PackCache({
    storage: diskStorage(dir),
    secret: SECRET,
    yieldToHost: core.nextTurn,
    sha256: core.nodePlatform.sha256,
    readAscii: core.nodePlatform.readAscii,
    writeAfter: () => store.whenInUse(),
  });
  const parsing = new core.PackParsing(workerCode, core.parsePackText, core.nodePlatform.startPackThread, undefined, core.nodePlatform.readAscii);
  const store = new core.FactStore(
    bundledLoaded,
    core.parsePackText,
    {},
    (t, f, o) => cache.parse(t, f, o, (a, b, c, d) => parsing.parseForCache(a, b, c, d)),
    {
      yieldToHost: core.nextTurn,
      readying: (index) => core.preparationSteps(index),
      snapshots: () => cache,
    },
  );
  // The bundled index, which the extension builds in idle moments after activation (src/packs/prepare.ts), before any writer's pack is parsed.
  void store.index;
  return { cache, parsing, store };
}

/**
 * Runs `work`, timing it (the facts in use), then until `store` has readied
 * the index (completion buckets, picker rows, made in slices after), and the
 * longest hold of the event loop over both.
 */
async function held(store, work) {
  settle();
  const delay = await loopDelay();
  // The collector's pauses meanwhile: most of the longest holds are one of them.
  const collector = collectorPauses();
  const t0 = performance.now();
  await work();
  const ms = performance.now() - t0;
  await store.whenReadied();
  const readied = performance.now() - t0;
  delay.disable();
  const pauses = await collector.stop();
  return { ms, readied, lag: delay.max / 1e6, gc: Math.max(0, ...pauses.map((p) => p.duration)) };
}

/**
 * Cold, warm and one-changed-file loads of `files` (each rep a fresh cache
 * folder), recorded as load.cold.*, load.warm.*, load.changed.*.
 */
export async function measureCachedLoad({ core, esbuild, size, files, bundledLoaded, record, rows, work, reps = 1, log }) {
  const workerCode = (await esbuild.build(require('../pack-worker-build.js').packWorkerBuildOptions())).outputFiles[0].text;
  const bytes = files.reduce((n, f) => n + Buffer.byteLength(f.text), 0);
  // Each file's bytes, as the extension reads them (src/packs/workspacePacks.ts): the reading is not timed.
  const read = files.map((f) => ({ name: f.name, bytes: Buffer.from(f.text) }));
  const dir = path.join(work, `pack-cache-${size.key}`);
  // Each rep's `held` result, per load.
  const runs = { cold: [], warm: [], changed: [] };
  let entryBytes = 0;
  for (let i = 0; i < reps; i++) {
    fs.rmSync(dir, { recursive: true, force: true });
    let cold = extensionStore(core, bundledLoaded, workerCode, dir);
    const c = await held(cold.store, () =>
      cold.store.batch(() => Promise.all(read.map((f) => cold.store.loadWorkspacePack(f.name, f.bytes, async () => undefined)))),
    );
    if (cold.store.index.facts.length < size.n) throw new Error(`${size.key}: ${cold.store.index.facts.length} facts after a cold load`);
    if (cold.parsing.counts.worker !== files.length)
      throw new Error(`${size.key}: ${cold.parsing.counts.worker} of ${files.length} files parsed in the worker`);
    await cold.cache.flush();
    cold.parsing.dispose();
    if (cold.cache.counts.written !== files.length) throw new Error(`${size.key}: ${cold.cache.counts.written} of ${files.length} entries written`);
    if (cold.cache.snapshotCounts.written !== 1) throw new Error(`${size.key}: no index snapshot written (${JSON.stringify(cold.cache.snapshotCounts)})`);
    entryBytes = fs.readdirSync(dir).reduce((n, name) => n + fs.statSync(path.join(dir, name)).size, 0);
    const coldFacts = cold.store.index.facts.length;
    // Its index is not kept while the next one is built: one large fact base in memory at a time, as in the extension.
    cold = undefined;
    runs.cold.push(c);
    log?.(
      `${size.key} cold ${fmtMs(c.ms)}, readied ${fmtMs(c.readied)} (longest hold ${fmtMs(c.lag)}, collector ${fmtMs(c.gc)}); cache ${fmtBytes(entryBytes)}`,
    );

    // A window reload: a new extension host, the cache on disk.
    const warm = extensionStore(core, bundledLoaded, workerCode, dir);
    const w = await held(warm.store, () =>
      warm.store.batch(() => Promise.all(read.map((f) => warm.store.loadWorkspacePack(f.name, f.bytes, async () => undefined)))),
    );
    if (warm.cache.counts.hits !== files.length || warm.parsing.counts.worker + warm.parsing.counts.inThread !== 0)
      throw new Error(`${size.key}: the warm load parsed (${JSON.stringify(warm.cache.counts)})`);
    if (warm.store.index.facts.length !== coldFacts) throw new Error(`${size.key}: warm and cold loads differ`);
    if (warm.cache.snapshotCounts.read !== 1 || warm.store.memo.last.judged !== 0)
      throw new Error(
        `${size.key}: the warm load did not take the index snapshot (${JSON.stringify({ ...warm.cache.snapshotCounts, ...warm.store.memo.last })})`,
      );
    runs.warm.push(w);
    log?.(`${size.key} warm ${fmtMs(w.ms)}, readied ${fmtMs(w.readied)} (longest hold ${fmtMs(w.lag)}, collector ${fmtMs(w.gc)})`);

    // One file changed: a fact's label edited; the other files stay as they are.
    const f = files[Math.floor(files.length / 2)];
    const edited = f.text.replace(/\n {4}label: ([^\n]+)/, (_, label) => `\n    label: ${label} (edited ${i})`);
    const changedLabel = /\n {4}label: ([^\n]+)/.exec(edited)[1];
    const editedBytes = Buffer.from(edited);
    const ch = await held(warm.store, () => warm.store.loadWorkspacePack(f.name, editedBytes, async () => undefined));
    if (!warm.store.index.facts.some((e) => e.fact.label === changedLabel)) throw new Error(`${size.key}: the changed file is not in use`);
    runs.changed.push(ch);
    log?.(`${size.key} one file changed ${fmtMs(ch.ms)}, readied ${fmtMs(ch.readied)} (longest hold ${fmtMs(ch.lag)}, collector ${fmtMs(ch.gc)})`);
    await warm.cache.flush();
    warm.parsing.dispose();
  }
  const extras = {
    cold: { bytes, files: files.length },
    warm: { bytes, cacheBytes: entryBytes },
    changed: { fileBytes: Buffer.byteLength(files[Math.floor(files.length / 2)].text) },
  };
  for (const [load, measured] of Object.entries(runs)) {
    record(
      `load.${load}`,
      size.key,
      measured.map((r) => r.ms),
      extras[load],
    );
    record(
      `load.${load}.lag`,
      size.key,
      measured.map((r) => r.lag),
    );
    record(
      `load.${load}.gc`,
      size.key,
      measured.map((r) => r.gc),
    );
    record(
      `load.${load}.readied`,
      size.key,
      measured.map((r) => r.readied),
    );
  }
  fs.rmSync(dir, { recursive: true, force: true });
  void rows;
}

/**
 * A BibTeX bibliography of about `bytes`, from the generated facts: one entry
 * per fact with its sources' fields, as a reference manager writes them.
 */
export function bibliographyLike(files, bytes) {
  const out = [];
  let n = 0;
  let size = 0;
  const lines = files.flatMap((f) => f.text.split('\n'));
  for (let i = 0; size < bytes; i = (i + 1) % lines.length) {
    const m = /^ {4}(label|text): (.+)$/.exec(lines[i]);
    if (!m) continue;
    const value = m[2].replace(/^"|"$/g, '').replace(/[{}\\]/g, '');
    const entry = `@article{key${n++},\n  title = {${value}},\n  author = {Koval, Olena and Smith, John},\n  journal = {Desk newsroom},\n  year = {2025},\n  month = jun,\n  note = {${value.split('').reverse().join('')}},\n  url = {https://example.org/${n}},\n}\n\n`;
    out.push(entry);
    size += Buffer.byteLength(entry);
  }
  return { text: out.join(''), entries: n };
}

/**
 * latex-utensils' BibTeX parser and this loader on the same number of bytes: the BibTeX parse in a process of its own
 * (bibtex.mjs, with a heap the 100k bibliography fits in), this loader in this thread, the parse and validation
 * alone, and with the index built of the bundled pack and the parsed files, as the extension builds it.
 */
export function measureSideBySide({ core, size, files, bundledLoaded, record, log, work, reps = 3 }) {
  const bytes = files.reduce((n, f) => n + Buffer.byteLength(f.text), 0);
  const bib = bibliographyLike(files, bytes);
  const bibBytes = Buffer.byteLength(bib.text);
  const bibFile = path.join(work, `bibliography-${size.key}.bib`);
  fs.mkdirSync(work, { recursive: true });
  fs.writeFileSync(bibFile, bib.text);
  const child = spawnSync(
    process.execPath,
    [
      '--expose-gc',
      '--max-old-space-size=8192',
      path.join(path.dirname(fileURLToPath(import.meta.url)), 'bibtex.mjs'),
      bibFile,
      String(reps),
      String(bib.entries),
    ],
    { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
  );
  fs.rmSync(bibFile, { force: true });
  if (child.status !== 0) throw new Error(`${size.key}: latex-utensils' parse failed: ${child.stderr || child.error}`);
  const bibTimes = JSON.parse(child.stdout.trim().split('\n').pop()).times;
  const ours = [];
  const whole = [];
  for (let i = 0; i < reps; i++) {
    settle();
    let t0 = performance.now();
    for (const f of files) core.parsePackText(f.text, f.name);
    ours.push(performance.now() - t0);
    settle();
    t0 = performance.now();
    const loaded = files.map((f) => {
      const r = core.parsePackText(f.text, f.name);
      return { pack: r.pack, locations: r.locations, origin: 'workspace' };
    });
    const { index } = core.buildFactIndex([bundledLoaded, ...loaded]);
    whole.push(performance.now() - t0);
    if (index.facts.length < size.n) throw new Error(`${size.key}: ${index.facts.length} facts indexed side by side`);
  }
  const b = record('load.bibtex', size.key, bibTimes, { bytes: bibBytes, entries: bib.entries });
  const o = record('load.parse.side', size.key, ours, { bytes });
  record('load.whole.side', size.key, whole, { bytes });
  log?.(
    `${size.key} side by side: latex-utensils ${(bibBytes / 1048576 / (b.median / 1000)).toFixed(2)} MB/s, this loader ${(bytes / 1048576 / (o.median / 1000)).toFixed(2)} MB/s`,
  );
}

const mbps = (r) => (r?.bytes && r.median ? r.bytes / 1048576 / (r.median / 1000) : undefined);

/** The report's section on loading writers' packs, from the rows measured. */
export function loadSection(get, sizes) {
  const keys = sizes.map((s) => s.key).filter((k) => get('load.cold', k));
  if (keys.length === 0) return [];
  const cell = (r) => (r ? `${fmtMs(r.median)}${r.n > 1 ? ` (${fmtMs(r.p10)}–${fmtMs(r.p90)})` : ''}` : '–');
  const target = { 'load.warm': 3000, 'load.cold': 12000, 'load.changed': 1000, 'load.warm.lag': 50, 'load.cold.lag': 50, 'load.changed.lag': 50 };
  const labels = {
    'load.warm': ['From the start of loading to the facts in use, warm cache (a window reload)', '< 3 s'],
    'load.warm.readied': ['The same, to the completion buckets and picker rows readied (in slices, after the facts are in use)', '–'],
    'load.warm.lag': ['The same: longest hold of the event loop, to readied', '< 50 ms'],
    'load.warm.gc': ['The same: longest pause of the garbage collector in that time (a hold is the work of the turn it falls in, and the pause)', '–'],
    'load.cold': ['From the start of loading to the facts in use, empty cache (parsed in the worker, entries written)', '< 12 s'],
    'load.cold.readied': ['The same, to readied', '–'],
    'load.cold.lag': ['The same: longest hold of the event loop, to readied', '< 50 ms'],
    'load.cold.gc': ['The same: longest pause of the garbage collector in that time (a hold is the work of the turn it falls in, and the pause)', '–'],
    'load.changed': ['One file changed, with the other files loaded: its new version in use', '< 1 s'],
    'load.changed.readied': ['The same, to readied', '–'],
    'load.changed.lag': ['The same: longest hold of the event loop, to readied', '< 50 ms'],
    'load.changed.gc': ['The same: longest pause of the garbage collector in that time (a hold is the work of the turn it falls in, and the pause)', '–'],
  };
  const out = ["## Loading writers' packs", ''];
  const info = keys.map((k) => get('load.cold', k));
  out.push(
    `As the extension loads them (src/extension.ts, src/packs/workspacePacks.ts, src/core/packs/packCache.ts): every file of a pack size into the fact store in one batch, as the bytes read from disk (their reading not timed), parsed in the worker thread or read from the cache of parsed packs (found by the SHA-256 of the bytes, never decoded on a hit) (a folder on disk here, the extension's storage folder in VS Code), indexed a slice at a time and put in use, then readied a slice at a time (a request before that makes the bucket or rows it needs itself). Packs: ${keys.map((k, i) => `${k}, ${info[i].files} file${info[i].files === 1 ? '' : 's'}, ${fmtBytes(info[i].bytes)} of YAML, ${fmtBytes(get('load.warm', k)?.cacheBytes ?? 0)} of cache`).join('; ')}. Targets at 100k (DESIGN.md, "Performance targets"; the targets for loading). Machine load average at the end: ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores.`,
    '',
  );
  out.push(`| measurement | target | ${keys.join(' | ')} | verdict at 100k |`, `|---|---|${keys.map(() => '---|').join('')}---|`);
  for (const id of [
    'load.warm',
    'load.warm.readied',
    'load.warm.lag',
    'load.warm.gc',
    'load.cold',
    'load.cold.readied',
    'load.cold.lag',
    'load.cold.gc',
    'load.changed',
    'load.changed.readied',
    'load.changed.lag',
    'load.changed.gc',
  ]) {
    const r100 = get(id, '100k');
    const verdict = target[id] === undefined ? '' : r100 ? (r100.median < target[id] ? '✅ met' : '❌ missed') : 'not measured';
    out.push(`| ${labels[id][0]} | ${labels[id][1]} | ${keys.map((k) => cell(get(id, k))).join(' | ')} | ${verdict} |`);
  }
  const side = sizes.map((s) => s.key).filter((k) => get('load.bibtex', k));
  if (side.length > 0) {
    out.push(
      '',
      "Side by side, on the same number of bytes: latex-utensils' BibTeX parser (used by LaTeX Workshop) on a generated bibliography, in a process of its own (its parse of the 100k-sized bibliography holds some 3 GB); and this loader on the generated pack, in one thread: its YAML parse and validation (every value located), then the whole load without the cache (parse, validation and the index of the bundled pack and the pack), each timed alone (the load a cold start does, without the extension's threads); then the cold and warm loads above, as the extension loads packs (their parsing threads started cold), to the facts in use, for their throughput. The target, at 100k: a cold load at least 3× latex-utensils' MB/s.",
      '',
    );
    out.push(
      '| pack size | latex-utensils, BibTeX | this loader, YAML parse + validate | this loader, parse + validate + index (no cache), one thread | cold load in the extension (parsing threads, index, in use) | warm load (cache, index, in use) | target at 100k: cold ≥ 3× latex-utensils |',
      '|---|---|---|---|---|---|---|',
    );
    for (const k of side) {
      const b = get('load.bibtex', k);
      const o = get('load.parse.side', k);
      const fmt = (r) => (r ? `${fmtMs(r.median)}: ${mbps(r).toFixed(2)} MB/s` : '–');
      const w = get('load.whole.side', k);
      const ratio = (r) => mbps(r) / mbps(b);
      const times = (r) => (Number.isFinite(ratio(r)) ? `${ratio(r).toFixed(2)}×` : '–');
      const verdict = (r) => (!Number.isFinite(ratio(r)) ? '–' : ratio(r) >= 3 ? '✅ met' : '❌ missed');
      // The target is set at 100k; other sizes show their ratios beside it, without a verdict.
      const against =
        k === '100k'
          ? `one thread, like for like: ${verdict(w)}; in the extension: ${verdict(get('load.cold', k))}`
          : `– (the target is at 100k; here ${times(w)} in one thread, ${times(get('load.cold', k))} in the extension)`;
      out.push(
        `| ${k} (${fmtBytes(b.bytes)}, ${b.entries.toLocaleString('en-GB')} entries) | ${fmt(b)} | ${fmt(o)} (${times(o)}) | ${fmt(w)} (${times(w)}) | ${fmt(get('load.cold', k))} (${times(get('load.cold', k))}) | ${fmt(get('load.warm', k))} (${times(get('load.warm', k))}) | ${against} |`,
      );
    }
  }
  return out;
}

/** Puts the section in place of the report's earlier one, or before "Against naive baselines". */
export function spliceLoadSection(reportText, section) {
  const text = `${section.join('\n')}\n\n`;
  const start = reportText.indexOf("## Loading writers' packs\n");
  if (start >= 0) {
    const next = reportText.indexOf('\n## ', start + 1);
    return reportText.slice(0, start) + text + (next >= 0 ? reportText.slice(next + 1) : '');
  }
  const before = reportText.indexOf('## Against naive baselines');
  return before >= 0 ? `${reportText.slice(0, before)}${text}\n${reportText.slice(before)}` : `${reportText.trimEnd()}\n\n${text}`;
}
