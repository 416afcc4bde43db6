// The workbench page while the suite runs in it: opens it with the suite's
// payload, relays the suite's output to the console, keeps VS Code's logs,
// collects errors that name the extension, and tells how the run ended.

import fs from 'node:fs';
import path from 'node:path';
import util from 'node:util';

/** First line test/integration/index.ts (and web/index.ts) print; keep the two in sync (test/integration/report.ts). */
export const SUITE_START_MARKER = '[agreement-cite] integration suite starting';
/** The suite's closing line (also what CI reads). */
export const SUMMARY_LINE = /^\d+ passed, \d+ failed(, \d+ skipped)?$/;
/**
 * Workbench log entries seen while tests run that say nothing about them
 * (the workbench and the extension host share one log channel here).
 */
const WORKBENCH_CHATTER = new RegExp(
  '^(Ignoring fetching additional builtin extensions|Updating additional builtin extensions cache' +
    '|Resolving connection token|Resolved connection token|Creating a socket' +
    '|\\[(AccountPolicyGate|AgentHost[^\\]]*|Service Worker|reconnection-grace-time)\\])' +
    // --web: the workbench reads memfs:/book before the suite serves it.
    "|.*(ENOPRO: No file system provider found for resource 'memfs:|Unable to read file 'memfs:|from memfs:/book/)" +
    // --locale: the workbench asks the (absent) gallery for built-in extensions' translations.
    '|No extension gallery service configured',
);

const escapeRegExp = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The URL that opens the workbench on `host` with the extension under
 * development and the suite. The payload must be passed exactly like this (not
 * URL-encoded, with the enableProposedApi pair), and paths as full
 * vscode-remote:// URIs, or the workbench does not start the tests.
 */
export function workbenchUrl({ host, extPath, testsPath, folder, workspaceFile }) {
  const remote = (p) => `vscode-remote://${host}${p}`;
  const payload = JSON.stringify([
    ['extensionDevelopmentPath', remote(extPath)],
    ['extensionTestsPath', remote(testsPath)],
    ['enableProposedApi', ''],
    ['skipWelcome', 'true'],
  ]);
  const opened = workspaceFile ? `workspace=${remote(workspaceFile)}` : `folder=${remote(folder)}`;
  return `http://${host}/?${opened}&payload=${payload}`;
}

/** What names the extension in a log: its id, its commands and settings, or its bundles (not its messages to the writer, which tests provoke on purpose). */
export function namesExtension(extPath) {
  return new RegExp(['agreement-cite\\.agreement-cite', 'agreementCite\\.', `${escapeRegExp(extPath)}/dist/`].join('|'));
}

/** One run of the suite in a workbench page. */
export class SuiteSession {
  /** Errors seen in the workbench (its log and the page's console) that name the extension. */
  extensionErrors = [];
  /** Resolves `{ code }` when the suite's extension host ends (0: run() resolved), or `{ error }` when the page crashed or closed. */
  ended;
  /** @type {'before' | 'relaying' | 'after'} */
  #relay = 'before';
  #namesExtension;
  #verbose;
  #logsDir;

  /**
   * Attach before the page opens the workbench: the functions the workbench
   * calls exist from its first script on.
   */
  static async attach(page, { extPath, resultsDir, verbose }) {
    const session = new SuiteSession(extPath, resultsDir, verbose);
    let resolveExit;
    const exit = new Promise((r) => (resolveExit = r));
    // Called by the workbench when the extension host running the tests ends. The second argument carries VS Code's own logs.
    await page.exposeFunction('codeAutomationExit', (code, logs) => {
      session.#saveLogs(logs);
      session.#relay = 'after';
      resolveExit({ code: Number(code) });
    });
    // With the smoke-test driver enabled, the workbench's log service writes
    // every entry here as (level, [format, ...args]), and so does the extension
    // host's console (mocha's reporter, console.log in tests and the extension)
    // while tests run: VS Code logs it without a tag.
    await page.exposeFunction('codeAutomationLog', (level, message) => session.#onLog(level, message));
    // The page console repeats the log entries above with CSS formatting; only
    // --verbose shows it (it also has network and iframe warnings).
    page.on('console', (msg) => {
      if (verbose) console.log(`[browser:${msg.type()}] ${msg.text()}`);
      if (msg.type() === 'error') session.#noteError(msg.text());
    });
    page.on('pageerror', (err) => {
      if (verbose) console.log(`[browser:pageerror] ${err.message}`);
      session.#noteError(err.message);
    });
    const gone = new Promise((resolve) => {
      page.on('crash', () => resolve({ error: 'the workbench page crashed' }));
      page.on('close', () => resolve({ error: 'the workbench page closed' }));
    });
    session.ended = Promise.race([exit, gone]);
    return session;
  }

  constructor(extPath, resultsDir, verbose) {
    this.#namesExtension = namesExtension(extPath);
    this.#verbose = verbose;
    this.#logsDir = path.join(resultsDir, 'vscode-logs');
  }

  /**
   * Entries are relayed from the suite's start marker to its summary line (the
   * workbench logs teardown errors after it, and the summary stays the last
   * test output); before that it is workbench chatter, shown only with --verbose.
   */
  #onLog(level, message) {
    const text = Array.isArray(message) ? util.format(...message) : String(message);
    if (level === 'error') this.#noteError(text);
    if (this.#relay === 'before' && text.includes(SUITE_START_MARKER)) this.#relay = 'relaying';
    if (this.#relay === 'relaying' && !WORKBENCH_CHATTER.test(text)) {
      console.log(level === 'info' || level === 'trace' || level === 'debug' ? text : `[${level}] ${text}`);
      if (SUMMARY_LINE.test(text)) this.#relay = 'after';
    } else if (this.#verbose) {
      console.log(`[workbench:${level}] ${text}`);
    }
  }

  #noteError(text) {
    if (this.#namesExtension.test(text) && !this.extensionErrors.includes(text)) this.extensionErrors.push(text);
  }

  /** VS Code's logs, as the workbench hands them over, into test-results/vscode-logs/ (a debugging aid only). */
  #saveLogs(logs) {
    try {
      fs.rmSync(this.#logsDir, { recursive: true, force: true });
      for (const { relativePath, contents } of Array.isArray(logs) ? logs : []) {
        const file = path.join(this.#logsDir, relativePath);
        if (!file.startsWith(this.#logsDir + path.sep)) continue;
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, contents);
      }
    } catch {
      // logs are a debugging aid only
    }
  }
}

/** The suite's `N passed, N failed` line from its report, if it wrote one. */
export function reportSummary(reportFile) {
  try {
    return fs
      .readFileSync(reportFile, 'utf8')
      .split('\n')
      .reverse()
      .find((l) => SUMMARY_LINE.test(l));
  } catch {
    return undefined;
  }
}
