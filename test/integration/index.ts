// Entry point of the integration suite, loaded by VS Code as
// `extensionTestsPath` (code-server runner and @vscode/test-electron alike).
// VS Code calls run() in the extension host once the workbench is up; the
// run's outcome (resolve = exit code 0, reject = 1) is what the runner sees.
//
// Runs mocha (TDD UI: suite/test/setup/teardown) over every
// out/test/integration/**/*.test.js, prints mocha's spec output, writes a plain
// report to test-results/integration.txt and ends with the line
// `N passed, N failed[, N skipped]` that CI reads.

import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';
import { resultsDir } from './harness';

interface Outcome {
  title: string;
  state: 'passed' | 'failed' | 'skipped';
  durationMs?: number;
  error?: string;
}

/** Every *.test.js below dir, sorted so the order is stable across machines. */
function findTestFiles(dir: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...findTestFiles(full));
    else if (entry.isFile() && entry.name.endsWith('.test.js')) found.push(full);
  }
  return found.sort();
}

/** Printed first; scripts/run-vscode-tests.mjs starts relaying output at it. Keep the two in sync. */
export const SUITE_START_MARKER = '[agreement-cite] integration suite starting';

export function summaryLine(passed: number, failed: number, skipped: number): string {
  return `${passed} passed, ${failed} failed` + (skipped > 0 ? `, ${skipped} skipped` : '');
}

export async function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'tdd',
    color: false, // output ends up in logs and the browser console, not a TTY
    reporter: 'spec',
    // Extension activation and the first language-feature calls in a cold
    // workbench take seconds; individual tests may raise it further.
    timeout: Number(process.env.AGREEMENT_CITE_TEST_TIMEOUT_MS) || 30_000,
    slow: 5_000,
  });
  // Narrow a run to matching tests: AGREEMENT_CITE_TEST_GREP='smoke'.
  if (process.env.AGREEMENT_CITE_TEST_GREP) mocha.grep(process.env.AGREEMENT_CITE_TEST_GREP);

  const testsRoot = __dirname; // out/test/integration
  const files = findTestFiles(testsRoot);
  // Test files are CommonJS (tsc output) and must be loaded with require, not
  // import(): the extension host provides the `vscode` module by intercepting
  // require, which an ESM import of the file may bypass. mocha.run() loads
  // added files with require.
  for (const f of files) mocha.addFile(f);

  // The code-server runner relays the extension host's console from this line on.
  console.log(`${SUITE_START_MARKER} (${files.length} file(s))`);

  const outcomes: Outcome[] = [];
  const started = Date.now();
  let failures: number;
  try {
    failures = await new Promise<number>((resolve) => {
      const runner = mocha.run((n) => resolve(n));
      runner.on('pass', (t: Mocha.Test) => outcomes.push({ title: t.fullTitle(), state: 'passed', durationMs: t.duration }));
      runner.on('pending', (t: Mocha.Test) => outcomes.push({ title: t.fullTitle(), state: 'skipped' }));
      // Fires for failing tests and failing hooks (a failing hook counts as a failure).
      runner.on('fail', (t: Mocha.Runnable, err: unknown) =>
        outcomes.push({
          title: t.fullTitle(),
          state: 'failed',
          durationMs: t.duration,
          error: err instanceof Error ? (err.stack ?? err.message) : String(err),
        }),
      );
    });
  } catch (err) {
    // A test file that throws while loading lands here (mocha.run loads files synchronously).
    const message = err instanceof Error ? (err.stack ?? err.message) : String(err);
    console.error(`Could not load the test files:\n${message}`);
    outcomes.push({ title: 'loading test files', state: 'failed', error: message });
    failures = 1;
  }

  const passed = outcomes.filter((o) => o.state === 'passed').length;
  const failed = Math.max(failures, outcomes.filter((o) => o.state === 'failed').length);
  const skipped = outcomes.filter((o) => o.state === 'skipped').length;
  const summary = summaryLine(passed, failed, skipped);
  writeReport(outcomes, files, summary, Date.now() - started);

  console.log(summary);
  if (failed > 0) throw new Error(`${failed} integration test(s) failed`);
  if (passed + skipped === 0) throw new Error(`no integration tests ran (looked in ${testsRoot})`);
}

function writeReport(outcomes: Outcome[], files: string[], summary: string, elapsedMs: number): void {
  const mark = { passed: 'ok  ', failed: 'FAIL', skipped: 'skip' } as const;
  const lines = [
    `agreement-cite integration tests (${process.env.AGREEMENT_CITE_TEST_HOST ?? 'unknown host'}, ` +
      `VS Code ${safeVscodeVersion()}, workspace trust requested: ${process.env.AGREEMENT_CITE_WORKSPACE_TRUST ?? 'n/a'})`,
    `files: ${files.map((f) => path.relative(__dirname, f)).join(', ') || '(none)'}`,
    '',
    ...outcomes.map((o) => `${mark[o.state]} ${o.title}${o.durationMs !== undefined ? ` (${o.durationMs} ms)` : ''}`),
    ...outcomes
      .filter((o) => o.state === 'failed')
      .flatMap((o) => ['', `--- ${o.title}`, o.error ?? '(no error message)']),
    '',
    `time: ${(elapsedMs / 1000).toFixed(1)} s`,
    summary,
    '',
  ];
  try {
    const dir = resultsDir();
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'integration.txt'), lines.join('\n'));
  } catch (err) {
    // The report is a convenience; the exit code and console output still tell the result.
    console.warn(`could not write test-results/integration.txt: ${String(err)}`);
  }
}

function safeVscodeVersion(): string {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require('vscode') as typeof import('vscode')).version;
  } catch {
    return 'unknown';
  }
}
