// The command line's part of `npm run bench`: `agreement-cite check` over a
// generated repository of 1,000 drafts of 5 KB with the bundled pack, as a
// pipeline runs it (a fresh process, output to a pipe), against the target of
// issue "fact check in publishing pipelines": under 3 s, start-up included.
// Start-up is the same command on one short draft; the cost per file is the
// rest divided by the files. Peak memory (max RSS) of 1,000 and 3,000 files
// shows whether it grows with the number of files.

import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { generateDraft } from './generate.mjs';
import { fmtBytes, fmtMs, summary } from './stats.mjs';

const FILES = 1000;
const MANY = 3000;
const DRAFT_BYTES = 5 * 1024;
const LIMIT_MS = 3000;
const CORES = os.availableParallelism?.() ?? os.cpus().length;

/** A preload that reports the process's peak memory when it exits. */
const RSS_PROBE =
  "process.on('exit', () => { const u = process.resourceUsage(); require('fs').writeSync(2, '\\n@@maxrss ' + u.maxRSS + ' cpu ' + Math.round((u.userCPUTime + u.systemCPUTime) / 1000) + '\\n'); });\n";

function makeRepo(dir, facts, count, seed) {
  fs.rmSync(dir, { recursive: true, force: true });
  for (let i = 0; i < count; i++) {
    const sub = path.join(dir, 'drafts', String(Math.floor(i / 100)).padStart(2, '0'));
    fs.mkdirSync(sub, { recursive: true });
    fs.writeFileSync(path.join(sub, `draft-${String(i).padStart(4, '0')}.md`), generateDraft(facts, DRAFT_BYTES, seed + i));
  }
}

/** One run of the command, wall clock from spawn to exit; its peak RSS in KiB. */
function runCli(cli, cwd, args, probe) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--require', probe, cli, ...args], { cwd, encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 });
  const ms = performance.now() - t0;
  if (r.status !== 0 && r.status !== 1) throw new Error(`agreement-cite ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  const probe_ = /@@maxrss (\d+) cpu (\d+)/.exec(r.stderr);
  return { ms, rssKiB: Number(probe_?.[1]), cpuMs: Number(probe_?.[2]), findings: (r.stdout.match(/^ {2}\S+:\d+:\d+ /gm) ?? []).length };
}

/**
 * Measures the command line; `record(id, size, samples, extra)` files each
 * result as bench.mjs does. Returns the rows' ids.
 */
export function measureCli({ root, work, facts, quick, record, rows, log }) {
  const dir = path.join(work, 'cli');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  // The production build, as `npm pack` ships it.
  execFileSync(process.execPath, [path.join(root, 'esbuild.js'), '--production'], {
    cwd: root,
    env: { ...process.env, AGREEMENT_CITE_OUT_DIR: path.join(dir, 'dist') },
    stdio: 'pipe',
  });
  const cli = path.join(dir, 'dist', 'cli.js');
  const probe = path.join(dir, 'rss-probe.cjs');
  fs.writeFileSync(probe, RSS_PROBE);
  const repo = path.join(dir, 'repo');
  makeRepo(repo, facts, FILES, 20250623);
  const one = path.join(dir, 'one');
  fs.mkdirSync(one, { recursive: true });
  fs.writeFileSync(path.join(one, 'short.md'), 'Keir Starmer met Volodymyr Zelenskyy in London on 23 June 2025.\n');
  log(`cli: ${FILES} drafts of ${fmtBytes(DRAFT_BYTES)} generated; dist/cli.js ${fmtBytes(fs.statSync(cli).size)}`);

  const runs = quick ? 3 : 7;
  runCli(cli, one, ['check'], probe);
  const startup = [];
  for (let i = 0; i < runs; i++) startup.push(runCli(cli, one, ['check'], probe).ms);
  const s = record('cli.startup', 'bundled', startup);

  runCli(cli, repo, ['check'], probe);
  const full = [];
  const cpu = [];
  const allThreads = [];
  let last;
  for (let i = 0; i < (quick ? 3 : 5); i++) {
    last = runCli(cli, repo, ['check'], probe);
    full.push(last.ms);
    cpu.push(last.cpuMs);
    // The same with a checking thread per processor, interleaved so that both see the same load.
    allThreads.push(runCli(cli, repo, ['check', '--jobs', String(CORES)], probe).ms);
  }
  const f = record('cli.check1000', 'bundled', full, {
    files: FILES,
    bytes: FILES * DRAFT_BYTES,
    findings: last.findings,
    rssKiB: last.rssKiB,
    cpu: summary(cpu),
    allThreads: summary(allThreads),
    defaultJobs: Math.max(1, CORES - 1),
    load: os.loadavg()[0],
  });
  rows.push({
    id: 'cli.perFile',
    size: 'bundled',
    n: full.length,
    median: (f.median - s.median) / FILES,
    p10: (f.p10 - s.median) / FILES,
    p90: (f.p90 - s.median) / FILES,
  });
  log(`cli: per file ${fmtMs((f.median - s.median) / FILES)}; ${last.findings} findings; peak RSS ${fmtBytes(last.rssKiB * 1024)}`);

  // Streaming: three times the files, the same peak memory.
  const many = path.join(dir, 'repo-many');
  makeRepo(many, facts, MANY, 20250623);
  const m = runCli(cli, many, ['check'], probe);
  rows.push({ id: 'cli.memory', size: 'bundled', n: 1, median: m.ms, p10: m.ms, p90: m.ms, rss1000: last.rssKiB, rss3000: m.rssKiB });
  log(`cli: ${MANY} files in ${fmtMs(m.ms)}; peak RSS ${fmtBytes(m.rssKiB * 1024)} (1,000 files: ${fmtBytes(last.rssKiB * 1024)})`);
  fs.rmSync(many, { recursive: true, force: true });
  return summary(full);
}

/** The report's section for the command line, from the rows. */
export function cliSection(get) {
  const s = get('cli.startup', 'bundled');
  const f = get('cli.check1000', 'bundled');
  const p = get('cli.perFile', 'bundled');
  const m = get('cli.memory', 'bundled');
  if (!s || !f) return [];
  const spread = (r) => (r.n > 1 ? ` (${fmtMs(r.p10)}–${fmtMs(r.p90)})` : '');
  const out = ['## Command line', ''];
  out.push(
    `\`agreement-cite check\` (the production \`dist/cli.js\`) in a fresh Node process per run, text output to a pipe, the bundled pack; a generated repository of ${f.files.toLocaleString('en-GB')} Markdown drafts of 5 KB (${f.findings.toLocaleString('en-GB')} findings). Median (10th–90th percentile) of ${f.n} runs; start-up of ${s.n}. Load average (1 min) at the end: ${f.load?.toFixed(1) ?? '?'} on ${os.cpus().length} cores: wall-clock times on a busy machine are the machine's, processor time is the command's.`,
    '',
  );
  out.push('| measurement | target | result | verdict |', '|---|---|---|---|');
  out.push(
    `| Check ${f.files.toLocaleString('en-GB')} files of 5 KB, start-up included${f.defaultJobs ? ` (default: ${f.defaultJobs === 1 ? 'one thread' : `${f.defaultJobs} checking threads`})` : ''} | < 3 s | ${fmtMs(f.median)}${spread(f)} | ${f.median < LIMIT_MS ? '✅ met' : '❌ missed'} |`,
  );
  if (f.cpu) out.push(`| The same: processor time (all threads) | | ${fmtMs(f.cpu.median)} | |`);
  if (f.allThreads)
    out.push(`| The same with a checking thread per processor (\`--jobs ${CORES}\`) | | ${fmtMs(f.allThreads.median)}${spread(f.allThreads)} | |`);
  out.push(`| Start-up (Node, bundle, bundled pack, one short draft) | (part of the above) | ${fmtMs(s.median)}${spread(s)} | |`);
  if (p) out.push(`| Cost per file (the rest ÷ ${f.files.toLocaleString('en-GB')}) | | ${fmtMs(p.median)} | |`);
  if (m)
    out.push(
      `| Peak memory (max RSS), ${f.files.toLocaleString('en-GB')} files → ${MANY.toLocaleString('en-GB')} files | does not grow with the files | ${fmtBytes(m.rss1000 * 1024)} → ${fmtBytes(m.rss3000 * 1024)} (${MANY.toLocaleString('en-GB')} files in ${fmtMs(m.median)}) | ${m.rss3000 < m.rss1000 * 1.25 ? '✅ met' : '❌ grows'} |`,
    );
  out.push('');
  return out;
}

/**
 * `--only=cli`: the command line measured alone, its section written into the
 * existing report in place of the last one (the other sections are kept).
 */
export function spliceSection(reportText, section) {
  const text = section.join('\n');
  const start = reportText.indexOf('## Command line\n');
  if (start >= 0) {
    const next = reportText.indexOf('\n## ', start + 1);
    return reportText.slice(0, start) + text + (next >= 0 ? reportText.slice(next + 1) : '');
  }
  const before = reportText.indexOf('## Against naive baselines');
  return before >= 0 ? `${reportText.slice(0, before)}${text}\n${reportText.slice(before)}` : `${reportText.trimEnd()}\n\n${text}`;
}
