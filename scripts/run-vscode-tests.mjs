#!/usr/bin/env node
// Runs the integration suite (out/test/integration/index.js) inside a real VS
// Code, offline: code-server serves VS Code's server and web workbench,
// Debian's Chromium (driven by playwright-core) opens it, and the workbench
// loads the extension under development and runs the suite in the real
// (remote, Node) extension host. See /work/shared/docs/testing-in-real-vscode.md.
// With --web, the extension's browser bundle and the suite run in the
// browser's web worker extension host instead, as in VS Code for the Web
// (scripts/vscode/webSuite.mjs bundles the suite for it).
//
// Every run fails if the workbench logs an error that names the extension.
//
// Builds nothing: run `npm run build` (dist/extension.js) and
// `tsc -p tsconfig.test.json` (out/) first, and scripts/setup-vscode-test.mjs once.
//
// With --locale uk, VS Code runs with that display language (scripts/vscode-test-locale.mjs).
//
// Usage: node scripts/run-vscode-tests.mjs [--restricted | --web] [--locale <code>] [--timeout <seconds>] [--grep <pattern>] [--verbose]
// (each also an environment variable: scripts/vscode/options.mjs)
//
// Exit code: the suite's (0 all passed, 1 a test failed), 2 when the harness
// itself failed (server/browser did not start, workbench closed early),
// 124 on timeout, 130/143 when interrupted.
//
// The parts, one job each, are in scripts/vscode/; this file wires them.

import fs from 'node:fs';
import path from 'node:path';
import { prepareLocale } from './vscode-test-locale.mjs';
import { openBrowserPage } from './vscode/chromium.mjs';
import { Cleanup, exitOnSignals } from './vscode/cleanup.mjs';
import { startTestServer } from './vscode/codeServer.mjs';
import { EXIT, HarnessError, createLog, shown } from './vscode/log.mjs';
import { OptionsError, readOptions } from './vscode/options.mjs';
import { preflight } from './vscode/preflight.mjs';
import { makeRunFolder } from './vscode/runFolder.mjs';
import { ScreenshotServer } from './vscode/screenshotServer.mjs';
import { answerTrustDialog } from './vscode/trustDialog.mjs';
import { verdict } from './vscode/verdict.mjs';
import { bundleWebSuite, writeWebWorkspace } from './vscode/webSuite.mjs';
import { SuiteSession, reportSummary, workbenchUrl } from './vscode/workbench.mjs';

const log = createLog();
let options;
try {
  options = readOptions();
} catch (err) {
  if (!(err instanceof OptionsError)) throw err;
  console.error(`[vscode-test] ${err.message}`);
  process.exit(EXIT.harness);
}
const cleanup = new Cleanup((message) => options.verbose && log(message));
const signals = exitOnSignals(cleanup, log);
const endpoints = new ScreenshotServer(options, log);

/** What the runner tells the tests (test/integration/harness.ts reads it). */
function suiteEnvironment(screenshotUrl) {
  return {
    AGREEMENT_CITE_TEST_HOST: 'code-server',
    AGREEMENT_CITE_EXTENSION_HOST: options.web ? 'web' : 'node',
    AGREEMENT_CITE_WORKSPACE_TRUST: options.restricted ? 'restricted' : 'trusted',
    AGREEMENT_CITE_SCREENSHOT_URL: screenshotUrl,
    AGREEMENT_CITE_RESULTS_DIR: options.resultsDir,
    ...(options.grep ? { AGREEMENT_CITE_TEST_GREP: options.grep } : {}),
    ...(options.locale ? { AGREEMENT_CITE_LOCALE: options.locale } : {}),
  };
}

async function main() {
  const extensionId = preflight(options);
  fs.mkdirSync(options.screenshotsDir, { recursive: true });
  fs.rmSync(options.reportFile, { force: true }); // never report a previous run's results
  const run = makeRunFolder({ options, extensionId, cleanup, log });
  const screenshotUrl = await endpoints.listen();
  cleanup.add(() => endpoints.close());
  const suiteEnv = suiteEnvironment(screenshotUrl);

  // The web worker host has no environment: its suite is bundled with the settings written in, inside the
  // extension's folder (VS Code runs a suite in the host of the extension whose folder holds it).
  const webRun = options.web
    ? {
        tests: await bundleWebSuite(path.join(options.extPath, 'out', 'web-suite'), suiteEnv),
        workspaceFile: writeWebWorkspace(path.join(run.tmp, 'web.code-workspace'), run.workspace),
      }
    : undefined;
  if (webRun) log('bundled the suite for the web worker host');

  const serverLogFile = path.join(options.resultsDir, 'code-server.log');
  const serverLog = fs.createWriteStream(serverLogFile);
  cleanup.add(() => new Promise((r) => serverLog.end(r)));
  // The extension host is forked by the server and inherits its environment: this is how the runner talks to
  // the Node host's tests. No extension marketplace: offline it only produces DNS errors and delays. A caller's
  // NODE_OPTIONS (a debugger, say) must not leak into Node 24.
  const { NODE_OPTIONS: _callersNodeOptions, ...inherited } = process.env;
  const env = { ...inherited, ...run.xdg, EXTENSIONS_GALLERY: '{}', ...suiteEnv };
  if (options.locale) {
    prepareLocale({ locale: options.locale, tmp: run.tmp, userDataDir: run.userDataDir, extensionsDir: run.extensionsDir, env });
    log(`display language: ${options.locale}`);
  }
  const server = await startTestServer({ options, run, env, output: serverLog, outputFile: serverLogFile, cleanup, log });
  log('code-server is up');

  const page = await openBrowserPage({ xdg: run.xdg, cleanup, locale: options.locale });
  endpoints.page = page;
  const session = await SuiteSession.attach(page, options);
  log(`opening the workbench (extension ${extensionId} from ${options.extPath}${options.web ? ', in the web worker extension host' : ''})`);
  const url = workbenchUrl({
    host: server.host,
    extPath: options.extPath,
    testsPath: webRun?.tests ?? options.testsPath,
    folder: run.workspace,
    workspaceFile: webRun?.workspaceFile,
  });
  // A loaded machine can take a while to serve the workbench's first page.
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 120_000 });
  const trustDialog = options.restricted ? answerTrustDialog(page, log) : undefined;

  const outcome = await Promise.race([session.ended, server.exited.then((c) => ({ error: `code-server exited (${c}) before the tests finished` }))]);
  trustDialog?.stop();
  if (outcome.error) throw new HarnessError(`${outcome.error}; see ${shown(serverLogFile)}`);
  return verdict({ code: outcome.code, options, userDataDir: run.userDataDir, extensionId, extensionErrors: session.extensionErrors, log });
}

/** The timeout bounds the whole run, startup included; the workbench as it was then is saved for a look. */
async function onTimeout() {
  log(`TIMEOUT: no result after ${options.timeout} s (AGREEMENT_CITE_VSCODE_TIMEOUT / --timeout)`);
  if (!endpoints.page) return;
  const file = path.join(options.screenshotsDir, 'timeout.png');
  await endpoints.page.screenshot({ path: file, timeout: 10_000 }).then(
    () => log(`saved ${shown(file)}`),
    () => {},
  );
}

let timer;
let exitCode;
try {
  const timedOut = new Promise((resolve) => (timer = setTimeout(() => resolve('timeout'), options.timeoutMs)));
  const result = await Promise.race([main(), timedOut]);
  if (result === 'timeout') {
    await onTimeout();
    exitCode = EXIT.timeout;
  } else {
    exitCode = result;
  }
} catch (err) {
  // After a signal, the browser and server going away is expected, not an error.
  if (!signals.code()) {
    if (err instanceof HarnessError) console.error(`[vscode-test] ERROR: ${err.message}`);
    else console.error('[vscode-test] ERROR:', err);
  }
  exitCode = EXIT.harness;
} finally {
  clearTimeout(timer);
  await cleanup.run();
}
exitCode = signals.code() ?? exitCode;
log(`done (exit ${exitCode})`);
// Repeat the suite's summary as the very last line, where CI looks for it.
const summary = exitCode === EXIT.harness ? undefined : reportSummary(options.reportFile);
if (summary) console.log(summary);
process.exit(exitCode);
