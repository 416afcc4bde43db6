// Entry of the integration suite in the browser's web worker extension host
// (VS Code for the Web), loaded as `extensionTestsPath` by
// scripts/run-vscode-tests.mjs --web. That host loads one CommonJS file and
// gives it no Node API, so the runner bundles this file, mocha's browser build
// and the test files with esbuild (platform browser), writing the run's
// settings in for `process.env`. Tests that need Node skip themselves there
// and say why (harness.ts `onlyIn`).
//
// Same output as index.ts: the start marker, each test, the closing line
// `N passed, N failed[, N skipped]`; the report goes to the runner, which
// writes test-results/integration.txt.

import * as vscode from 'vscode';
import { SUITE_START_MARKER, recordOutcomes, reportText, summarize, type Outcome } from '../report';
import { sendReport } from '../screenshot';
import { registerMemFs } from './memfs';

/** The suites that run here, in order; perf.test needs Node's file system and runs in the benchmark only. */
const FILES = ['smoke.test', 'webHost.test', 'editor.test', 'checker.test', 'references.test', 'packs.test'];

function loadTests(): void {
  // Required after mocha.setup(), which defines suite/test; esbuild bundles each as a module evaluated here.
  /* eslint-disable @typescript-eslint/no-require-imports */
  require('../smoke.test');
  require('../webHost.test');
  require('../editor.test');
  require('../checker.test');
  require('../references.test');
  require('../packs.test');
  /* eslint-enable @typescript-eslint/no-require-imports */
}

/** mocha's browser build: a global `mocha` set up for one run. */
interface BrowserMocha {
  setup(options: { ui: 'tdd'; reporter: unknown; timeout: number; slow: number; color: boolean }): void;
  grep(pattern: string): void;
  run(done: (failures: number) => void): Mocha.Runner;
}

/** Prints each test as it ends; the runner relays the extension host's console. */
class LineReporter {
  constructor(runner: Mocha.Runner) {
    runner.on('suite', (s: Mocha.Suite) => s.title && console.log(s.title));
    runner.on('pass', (t: Mocha.Test) => console.log(`  ✔ ${t.title} (${t.duration} ms)`));
    runner.on('pending', (t: Mocha.Test) => console.log(`  - ${t.title} (skipped)`));
    runner.on('fail', (t: Mocha.Runnable, err: unknown) => console.log(`  ✘ ${t.title}\n${err instanceof Error ? (err.stack ?? err.message) : String(err)}`));
  }
}

export async function run(): Promise<void> {
  // The workspace folder that is not on disk (memfs:/book) is served from here on.
  registerMemFs();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('mocha/mocha.js');
  const { mocha, Mocha } = globalThis as unknown as { mocha: BrowserMocha; Mocha: { prototype: BrowserMocha } };
  mocha.setup({ ui: 'tdd', reporter: LineReporter, timeout: Number(process.env.AGREEMENT_CITE_TEST_TIMEOUT_MS) || 30_000, slow: 5_000, color: false });
  if (process.env.AGREEMENT_CITE_TEST_GREP) mocha.grep(process.env.AGREEMENT_CITE_TEST_GREP);
  loadTests();

  console.log(`${SUITE_START_MARKER} (${FILES.length} file(s), web worker extension host)`);
  const outcomes: Outcome[] = [];
  const started = Date.now();
  // Mocha's own run, not the browser build's wrapper, which reads the page's address (a worker has none).
  const failures = await new Promise<number>((resolve) =>
    recordOutcomes(
      Mocha.prototype.run.call(mocha, (n) => resolve(n)),
      outcomes,
    ),
  );
  const { passed, failed, skipped, summary } = summarize(outcomes, failures);
  const heading = `agreement-cite integration tests (code-server, web worker extension host, VS Code ${vscode.version}, workspace trust requested: ${process.env.AGREEMENT_CITE_WORKSPACE_TRUST ?? 'n/a'})`;
  try {
    await sendReport(
      reportText(
        heading,
        FILES.map((f) => `${f}.js`),
        outcomes,
        summary,
        Date.now() - started,
      ),
    );
  } catch (err) {
    console.warn(`could not send the report: ${String(err)}`);
  }
  console.log(summary);
  if (failed > 0) throw new Error(`${failed} integration test(s) failed`);
  if (passed + skipped === 0) throw new Error('no integration tests ran');
}
