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
import { SUITE_START_MARKER, recordOutcomes, reportText, summarize, type Outcome } from './report';

export { SUITE_START_MARKER, summaryLine } from './report';

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
      recordOutcomes(
        mocha.run((n) => resolve(n)),
        outcomes,
      );
    });
  } catch (err) {
    // A test file that throws while loading lands here (mocha.run loads files synchronously).
    const message = err instanceof Error ? (err.stack ?? err.message) : String(err);
    console.error(`Could not load the test files:\n${message}`);
    outcomes.push({ title: 'loading test files', state: 'failed', error: message });
    failures = 1;
  }

  const { passed, failed, skipped, summary } = summarize(outcomes, failures);
  writeReport(outcomes, files, summary, Date.now() - started);

  console.log(summary);
  if (failed > 0) throw new Error(`${failed} integration test(s) failed`);
  if (passed + skipped === 0) throw new Error(`no integration tests ran (looked in ${testsRoot})`);
}

function writeReport(outcomes: Outcome[], files: string[], summary: string, elapsedMs: number): void {
  const heading =
    `agreement-cite integration tests (${process.env.AGREEMENT_CITE_TEST_HOST ?? 'unknown host'}, ` +
    `VS Code ${safeVscodeVersion()}, workspace trust requested: ${process.env.AGREEMENT_CITE_WORKSPACE_TRUST ?? 'n/a'})`;
  try {
    const dir = resultsDir();
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(
      path.join(dir, 'integration.txt'),
      reportText(
        heading,
        files.map((f) => path.relative(__dirname, f)),
        outcomes,
        summary,
        elapsedMs,
      ),
    );
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
