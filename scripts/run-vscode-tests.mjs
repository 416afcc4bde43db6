#!/usr/bin/env node
// Runs the integration suite (out/test/integration/index.js) inside a real VS
// Code, offline: code-server serves VS Code's server and web workbench,
// Debian's Chromium (driven by playwright-core) opens it, and the workbench
// loads the extension under development and runs the suite in the real
// (remote, Node) extension host. See /work/shared/docs/testing-in-real-vscode.md.
// With --web, the extension's browser bundle and the suite run in the
// browser's web worker extension host instead, as in VS Code for the Web
// (scripts/vscode-test-web.mjs bundles the suite for it).
//
// Every run fails if the workbench logs an error that names the extension.
//
// Builds nothing: run `npm run build` (dist/extension.js) and
// `tsc -p tsconfig.test.json` (out/) first, and scripts/setup-vscode-test.mjs once.
//
// Usage: node scripts/run-vscode-tests.mjs [--restricted | --web] [--timeout <seconds>] [--grep <pattern>] [--verbose]
//
// Exit code: the suite's (0 all passed, 1 a test failed), 2 when the harness
// itself failed (server/browser did not start, workbench closed early),
// 124 on timeout, 130/143 when interrupted.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import util, { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import {
  CODE_SERVER_VERSION,
  NODE_VERSION,
  chromiumPath,
  codeServerEntry,
  expectedMarker,
  freePort,
  markerFile,
  node24Bin,
  projectRoot,
} from './vscode-test-env.mjs';
import { activatedInRemoteHost, bundleWebSuite, writeWebWorkspace } from './vscode-test-web.mjs';

const EXIT_HARNESS = 2;
const EXIT_TIMEOUT = 124;
/** First line test/integration/index.ts prints; keep the two in sync. */
const SUITE_START_MARKER = '[agreement-cite] integration suite starting';
/** The suite's closing line (also what CI reads). */
const SUMMARY_LINE = /^\d+ passed, \d+ failed(, \d+ skipped)?$/;
/**
 * Workbench log entries seen while tests run that say nothing about them
 * (the workbench and the extension host share one log channel here).
 */
const WORKBENCH_CHATTER = new RegExp(
  '^(Ignoring fetching additional builtin extensions|Updating additional builtin extensions cache' +
    '|Resolving connection token|Resolved connection token|Creating a socket' +
    '|\\[(AccountPolicyGate|AgentHost[^\\]]*|Service Worker|reconnection-grace-time)\\])' +
    // --web: the workbench reads memfs:/book before the suite serves it.
    "|.*(ENOPRO: No file system provider found for resource 'memfs:|Unable to read file 'memfs:|from memfs:/book/)",
);

const t0 = Date.now();
const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(1)}s`;
const log = (msg) => console.log(`[vscode-test ${elapsed()}] ${msg}`);

class HarnessError extends Error {}

// ------------------------------------------------------------------ options

const { values: argv } = parseArgs({
  options: {
    restricted: { type: 'boolean', default: false },
    web: { type: 'boolean', default: false },
    timeout: { type: 'string' },
    grep: { type: 'string' },
    verbose: { type: 'boolean', default: false },
  },
});

const truthy = (v) => v !== undefined && v !== '' && v !== '0' && v.toLowerCase() !== 'false';
const restricted = argv.restricted || truthy(process.env.AGREEMENT_CITE_RESTRICTED);
/** The browser's web worker extension host (VS Code for the Web) instead of the Node one. */
const web = argv.web || truthy(process.env.AGREEMENT_CITE_WEB);
if (web && restricted) {
  console.error('[vscode-test] --web and --restricted are separate runs');
  process.exit(EXIT_HARNESS);
}
const verbose = argv.verbose || truthy(process.env.AGREEMENT_CITE_VSCODE_VERBOSE);
const timeoutS = Number(argv.timeout ?? process.env.AGREEMENT_CITE_VSCODE_TIMEOUT ?? 900);
if (!Number.isFinite(timeoutS) || timeoutS <= 0) {
  console.error(`[vscode-test] invalid timeout: ${argv.timeout ?? process.env.AGREEMENT_CITE_VSCODE_TIMEOUT}`);
  process.exit(EXIT_HARNESS);
}
const grep = argv.grep ?? process.env.AGREEMENT_CITE_TEST_GREP;

const extPath = path.resolve(process.env.AGREEMENT_CITE_EXT_PATH || projectRoot);
const testsPath = path.resolve(process.env.AGREEMENT_CITE_TESTS_PATH || path.join(projectRoot, 'out', 'test', 'integration', 'index.js'));
const workspaceSource = path.resolve(process.env.AGREEMENT_CITE_WORKSPACE || path.join(projectRoot, 'test', 'fixtures', 'workspace'));
/** The folder VS Code opens: a fresh copy of the fixtures per run, so tests may write to it and runs never meet. */
let workspace = workspaceSource;
const resultsDir = path.resolve(process.env.AGREEMENT_CITE_RESULTS_DIR || path.join(projectRoot, 'test-results'));
const screenshotsDir = path.join(resultsDir, 'screenshots');
const reportFile = path.join(resultsDir, web ? 'integration-web.txt' : 'integration.txt');

// ------------------------------------------------------------------ cleanup

/** The workbench page, once open (for the timeout screenshot). */
let currentPage;

/** Everything to undo, newest first; run once on any exit path. */
const cleanups = [];
let serverPgid;

/**
 * Last resort if the process dies without reaching cleanup (an uncaught
 * exception, process.exit elsewhere): kill code-server's whole process group
 * (server, extension host, file watcher, pty host) synchronously.
 */
process.on('exit', () => {
  if (serverPgid) {
    try {
      process.kill(-serverPgid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});

async function cleanup() {
  while (cleanups.length) {
    const fn = cleanups.pop();
    try {
      await fn();
    } catch (err) {
      if (verbose) log(`cleanup step failed: ${err}`);
    }
  }
}

/** Exit code to use once a signal asked us to stop (130 SIGINT, 143 SIGTERM). */
let interruptedCode;
for (const [sig, code] of [['SIGINT', 130], ['SIGTERM', 143]]) {
  process.on(sig, () => {
    if (interruptedCode) process.exit(code); // second signal: leave now (the 'exit' hook still kills the server)
    interruptedCode = code;
    log(`${sig}: stopping`);
    cleanup().finally(() => process.exit(code));
  });
}

// ------------------------------------------------------------------ helpers

function httpStatus(url) {
  return new Promise((resolve) => {
    const req = http.get(url, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', () => resolve(0));
    req.setTimeout(2000, () => req.destroy());
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** A path for messages: relative inside the project, absolute outside it. */
function shown(p) {
  const rel = path.relative(projectRoot, p);
  return rel.startsWith('..') || path.isAbsolute(rel) ? p : rel;
}

function preflight() {
  const marker = (() => {
    try {
      return JSON.parse(fs.readFileSync(markerFile, 'utf8'));
    } catch {
      return undefined;
    }
  })();
  const want = expectedMarker();
  if (!marker || Object.entries(want).some(([k, v]) => marker[k] !== v) || !fs.existsSync(codeServerEntry) || !fs.existsSync(node24Bin)) {
    throw new HarnessError(`code-server ${CODE_SERVER_VERSION} / Node ${NODE_VERSION} are not set up. Run: npm run setup:vscode-test`);
  }
  if (!fs.existsSync(chromiumPath)) throw new HarnessError(`${chromiumPath} is missing. Run: npm run setup:vscode-test`);

  let pkg;
  try {
    pkg = JSON.parse(fs.readFileSync(path.join(extPath, 'package.json'), 'utf8'));
  } catch (err) {
    throw new HarnessError(`extension at ${extPath} has no readable package.json: ${err.message}`);
  }
  const main = pkg.main ? path.resolve(extPath, pkg.main) : undefined;
  const mainExists = main && [main, `${main}.js`].some((p) => fs.existsSync(p));
  if (main && !mainExists) {
    throw new HarnessError(`extension entry ${shown(main)} does not exist. Run: npm run build`);
  }
  const browserEntry = pkg.browser ? path.resolve(extPath, pkg.browser) : undefined;
  if (web && !(browserEntry && fs.existsSync(browserEntry))) {
    throw new HarnessError(`the browser entry ${browserEntry ? shown(browserEntry) : '(package.json names none)'} does not exist. Run: npm run build`);
  }
  if (!fs.existsSync(testsPath)) {
    throw new HarnessError(`test entry ${shown(testsPath)} does not exist. Run: tsc -p tsconfig.test.json`);
  }
  if (!fs.statSync(workspaceSource, { throwIfNoEntry: false })?.isDirectory()) {
    throw new HarnessError(`workspace folder ${workspaceSource} does not exist`);
  }
  return `${pkg.publisher}.${pkg.name}`;
}

/** Workbench settings for a quiet, deterministic test window. */
function userSettings() {
  return {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'chat.disableAIFeatures': true,
    'git.enabled': false,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    // Restricted runs: open the folder untrusted without the modal "Do you
    // trust the authors?" dialog (the runner also dismisses it if it shows).
    'security.workspace.trust.startupPrompt': 'never',
    'security.workspace.trust.emptyWindow': false,
  };
}

/**
 * Waits until the workbench shows every text of `texts` (inside the elements
 * matching `within`, if given; white space compared loosely), and until no
 * element matching `hidden` is visible. Rejects after `timeoutMs`, saying
 * what was on screen instead.
 */
/* global document -- the functions given to page.waitForFunction and page.evaluate run in the workbench page */
async function untilShown(page, { texts = [], within, hidden, timeoutMs = 30_000 }) {
  if (!page) throw new Error('no workbench page');
  const wanted = texts.map(String);
  try {
    if (wanted.length > 0) {
      await page.waitForFunction(([wanted, within]) => {
        const roots = within ? [...document.querySelectorAll(within)] : [document.body];
        const seen = roots.map((r) => r.innerText ?? '').join('\n').replace(/\s+/g, ' ');
        return wanted.every((t) => seen.includes(t.replace(/\s+/g, ' ')));
      }, [wanted, within], { timeout: timeoutMs, polling: 100 });
    }
    if (hidden) await page.waitForSelector(hidden, { state: 'hidden', timeout: timeoutMs });
  } catch (cause) {
    const seen = await page.evaluate((within) => [...document.querySelectorAll(within || 'body')].map((r) => r.innerText ?? '').join(' | ').replace(/\s+/g, ' ').slice(0, 400), within).catch(() => '?');
    throw new Error(`the workbench did not show ${wanted.map((t) => `"${t}"`).join(', ') || 'the change'}${within ? ` in ${within}` : ''}${hidden ? ` with ${hidden} hidden` : ''} within ${timeoutMs} ms; it showed: ${seen}`, { cause });
  }
}

/**
 * Screenshot and keyboard endpoints for the tests (see test/integration/screenshot.ts).
 * Listens on 127.0.0.1 only, under an unguessable path, so nothing else on
 * the machine can drive the browser.
 */
async function startScreenshotServer(getPage) {
  const token = randomBytes(16).toString('hex');
  const server = http.createServer((req, res) => {
    // The web worker host calls from the workbench's origin: allowed, as the token still guards the endpoints.
    const reply = (status, obj) => {
      res.writeHead(status, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
      res.end(JSON.stringify(obj));
    };
    const keyboard = req.url === `/${token}/keyboard`;
    const report = req.url === `/${token}/report`;
    const shows = req.url === `/${token}/shows`;
    if (req.method !== 'POST' || (req.url !== `/${token}/screenshot` && !keyboard && !report && !shows)) return reply(404, { error: 'not found' });
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c) => (body += c));
    req.on('end', async () => {
      if (report) {
        // The suite's report from the web worker host, which cannot write files.
        fs.mkdirSync(path.dirname(reportFile), { recursive: true });
        fs.writeFileSync(reportFile, body);
        return reply(200, { ok: true });
      }
      if (shows) {
        // What a test waits for on screen: texts shown (in a part of the workbench), or a part gone.
        try {
          const page = getPage();
          if (!page) return reply(503, { error: 'no workbench page' });
          await untilShown(page, JSON.parse(body || '{}'));
          return reply(200, { ok: true });
        } catch (err) {
          return reply(500, { error: String(err?.message ?? err) });
        }
      }
      if (keyboard) {
        // Real keystrokes in the browser, for what a test cannot reach through the API (the picker's input).
        try {
          const { type, press, waitFor } = JSON.parse(body || '{}');
          const page = getPage();
          if (!page) return reply(503, { error: 'no workbench page' });
          // What the keys are for (a picker, say) shown first: a loaded machine may take seconds.
          if (typeof waitFor === 'string') await page.waitForSelector(waitFor, { state: 'visible', timeout: 30_000 });
          if (typeof type === 'string') await page.keyboard.type(type, { delay: 40 });
          if (typeof press === 'string') await page.keyboard.press(press);
          return reply(200, { ok: true });
        } catch (err) {
          return reply(500, { error: String(err?.message ?? err) });
        }
      }
      try {
        const { name, expect } = JSON.parse(body || '{}');
        // A screenshot is of something: the texts it must show are on screen first, or the test fails.
        if (expect) await untilShown(getPage(), expect);
        const safe = (web ? 'web-' : '') + String(name || 'screenshot').replace(/\.png$/i, '').replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '_') || 'screenshot';
        const file = path.join(screenshotsDir, `${safe}.png`);
        const page = getPage();
        if (!page) return reply(503, { error: 'no workbench page' });
        fs.mkdirSync(screenshotsDir, { recursive: true });
        await page.screenshot({ path: file, animations: 'disabled', caret: 'hide', timeout: 20_000 });
        log(`screenshot saved: ${shown(file)}`);
        reply(200, { path: file });
      } catch (err) {
        reply(500, { error: String(err?.message ?? err) });
      }
    });
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  cleanups.push(() => new Promise((r) => server.close(() => r())));
  return `http://127.0.0.1:${server.address().port}/${token}/screenshot`;
}

/**
 * Starts code-server in its own process group on a free port and waits until
 * it answers. Resolves { ok: true, host, serverExit } or { ok: false, reason,
 * addressInUse }. Registers the cleanup that kills the whole group.
 */
async function startCodeServer({ tmp, userDataDir, env, log: serverLog }) {
  const host = `127.0.0.1:${await freePort()}`;
  const args = [
    codeServerEntry,
    '--auth', 'none',
    '--bind-addr', host,
    '--disable-telemetry',
    '--disable-update-check',
    '--user-data-dir', userDataDir,
    '--extensions-dir', path.join(tmp, 'extensions'),
    '--vscode-option', 'enable-smoke-test-driver',
    '--vscode-option', 'enable-proposed-api',
    ...(restricted ? [] : ['--disable-workspace-trust']),
    workspace,
  ];
  log(`starting code-server ${CODE_SERVER_VERSION} on ${host} (${restricted ? 'Restricted Mode' : 'workspace trust disabled'})`);
  const child = spawn(node24Bin, args, {
    cwd: tmp,
    env,
    detached: true, // own process group: it and everything it forks are killed together
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  serverPgid = child.pid;
  let exited = false;
  let startupOutput = '';
  const serverExit = new Promise((resolve) => child.on('exit', (code, signal) => {
    exited = true;
    resolve(signal ?? code);
  }));
  for (const stream of [child.stdout, child.stderr]) {
    stream.on('data', (d) => {
      serverLog.write(d);
      if (startupOutput.length < 100_000) startupOutput += d;
      if (verbose) process.stdout.write(`[code-server] ${d}`);
    });
  }
  // Always signal the group, even when the server itself has exited: its
  // extension host or pty host may still be running.
  const killGroup = async () => {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return; // nothing left in the group
    }
    // A moment to stop the extension host cleanly, then make sure.
    await Promise.race([serverExit, sleep(3000)]);
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
    if (serverPgid === child.pid) serverPgid = undefined;
  };
  cleanups.push(killGroup);

  const deadline = Date.now() + 60_000;
  while ((await httpStatus(`http://${host}/healthz`)) !== 200) {
    if (exited || Date.now() > deadline) {
      const reason = exited ? 'it exited during startup' : `no answer on ${host} within 60 s`;
      await killGroup();
      return { ok: false, host, reason, addressInUse: /EADDRINUSE/.test(startupOutput) };
    }
    await sleep(200);
  }
  return { ok: true, host, serverExit };
}

// ------------------------------------------------------------------ main

async function main() {
  const extensionId = preflight();
  fs.mkdirSync(screenshotsDir, { recursive: true });
  fs.rmSync(reportFile, { force: true }); // never report a previous run's results

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'agreement-cite-vscode-'));
  const keepTmp = truthy(process.env.AGREEMENT_CITE_KEEP_TMP);
  cleanups.push(() => (keepTmp ? log(`kept ${tmp}`) : fs.rmSync(tmp, { recursive: true, force: true })));
  workspace = path.join(tmp, 'workspace');
  fs.cpSync(workspaceSource, workspace, { recursive: true, filter: (src) => !src.split(path.sep).includes('.scratch') });
  const userDataDir = path.join(tmp, 'user-data');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  // --web: the extension runs in the browser's web worker extension host. A
  // development extension that the server loads would otherwise be preferred
  // in the remote host: as 'ui' (what a writer's setting for an installed
  // extension says) it still goes there, as 'web' it does not. (The payload's
  // extensionDevelopmentKind is not read by this browser workbench.)
  const settings = { ...userSettings(), ...(web ? { 'remote.extensionKind': { [extensionId]: ['web'] } } : {}) };
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify(settings, null, 2));

  let page;
  const screenshotUrl = await startScreenshotServer(() => page);

  const testSettings = {
    AGREEMENT_CITE_TEST_HOST: 'code-server',
    AGREEMENT_CITE_EXTENSION_HOST: web ? 'web' : 'node',
    AGREEMENT_CITE_WORKSPACE_TRUST: restricted ? 'restricted' : 'trusted',
    AGREEMENT_CITE_SCREENSHOT_URL: screenshotUrl,
    AGREEMENT_CITE_RESULTS_DIR: resultsDir,
    ...(grep ? { AGREEMENT_CITE_TEST_GREP: grep } : {}),
  };
  // The web worker host has no environment: its suite is bundled with the settings written in.
  let webRun;
  if (web) {
    // VS Code runs the suite in the host of the extension whose folder holds it: the web worker host.
    webRun = {
      tests: await bundleWebSuite(path.join(extPath, 'out', 'web-suite'), testSettings),
      workspaceFile: writeWebWorkspace(path.join(tmp, 'web.code-workspace'), workspace),
    };
    log('bundled the suite for the web worker host');
  }

  // The extension host is forked by the server and inherits its environment:
  // this is how the runner talks to the tests (see test/integration/harness.ts).
  const serverEnv = {
    ...process.env,
    // Keep code-server's config.yaml, heartbeat and logs, and VS Code's
    // device id (~/.cache/Microsoft), out of the user's home.
    XDG_CONFIG_HOME: path.join(tmp, 'xdg-config'),
    XDG_DATA_HOME: path.join(tmp, 'xdg-data'),
    XDG_CACHE_HOME: path.join(tmp, 'xdg-cache'),
    // No extension marketplace: offline it only produces DNS errors and delays.
    EXTENSIONS_GALLERY: '{}',
    ...testSettings,
  };
  delete serverEnv.NODE_OPTIONS; // a caller's flags (e.g. a debugger) must not leak into Node 24
  const serverLogFile = path.join(resultsDir, 'code-server.log');
  const serverLog = fs.createWriteStream(serverLogFile);
  cleanups.push(() => new Promise((r) => serverLog.end(r)));

  // The free port is found by binding and releasing it, so another process can
  // take it before code-server binds; then code-server exits with EADDRINUSE
  // and the start is retried on a new port.
  let server;
  for (let attempt = 1; ; attempt++) {
    server = await startCodeServer({ tmp, userDataDir, env: serverEnv, log: serverLog });
    if (server.ok) break;
    if (!server.addressInUse || attempt === 3) {
      throw new HarnessError(`code-server did not start (${server.reason}); see ${shown(serverLogFile)}`);
    }
    log(`port ${server.host} was taken; retrying`);
  }
  const { host, serverExit } = server;
  log('code-server is up');

  // ---- Chromium
  const browser = await chromium.launch({
    executablePath: chromiumPath, // Debian's; Playwright must never download a browser here
    headless: true,
    timeout: 60_000,
    // Chromium creates ~/.config/chromium/Crash Reports even with a temporary
    // profile; keep that in the run's temp dir too.
    env: { ...process.env, XDG_CONFIG_HOME: path.join(tmp, 'xdg-config'), XDG_CACHE_HOME: path.join(tmp, 'xdg-cache') },
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  cleanups.push(() => browser.close());
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  page = await context.newPage();
  currentPage = page;

  /** @type {'before' | 'relaying' | 'after'} */
  let relayState = 'before';
  let resolveExit;
  const testExit = new Promise((r) => (resolveExit = r));
  // Called by the workbench when the extension host running the tests ends:
  // code 0 when run() resolved. The second argument carries VS Code's own logs.
  await page.exposeFunction('codeAutomationExit', (code, logs) => {
    try {
      const dir = path.join(resultsDir, 'vscode-logs');
      fs.rmSync(dir, { recursive: true, force: true });
      for (const { relativePath, contents } of Array.isArray(logs) ? logs : []) {
        const file = path.join(dir, relativePath);
        if (!file.startsWith(dir + path.sep)) continue;
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, contents);
      }
    } catch {
      // logs are a debugging aid only
    }
    relayState = 'after';
    resolveExit(Number(code));
  });
  // With the smoke-test driver enabled, the workbench's log service writes
  // every entry here as (level, [format, ...args]), and so does the extension
  // host's console (mocha's reporter, console.log in tests and the extension)
  // while tests run: VS Code logs it without a tag. So entries are relayed from
  // the suite's start marker (printed first by test/integration/index.ts) to
  // its exit; before that it is workbench chatter, shown only with --verbose.
  // Relaying stops at the suite's summary line, so that line stays the last
  // test output (the workbench logs teardown errors after it).
  await page.exposeFunction('codeAutomationLog', (level, message) => {
    const text = Array.isArray(message) ? util.format(...message) : String(message);
    if (level === 'error') noteError(text);
    if (relayState === 'before' && text.includes(SUITE_START_MARKER)) relayState = 'relaying';
    if (relayState === 'relaying' && !WORKBENCH_CHATTER.test(text)) {
      console.log(level === 'info' || level === 'trace' || level === 'debug' ? text : `[${level}] ${text}`);
      if (SUMMARY_LINE.test(text)) relayState = 'after';
    } else if (verbose) {
      console.log(`[workbench:${level}] ${text}`);
    }
  });
  // The page console repeats the log entries above with CSS formatting; only
  // --verbose shows it (it also has network and iframe warnings).
  // Errors that name the extension (a contribution the workbench rejects, an
  // uncaught error in either extension host) fail the run.
  page.on('console', (msg) => {
    if (verbose) console.log(`[browser:${msg.type()}] ${msg.text()}`);
    if (msg.type() === 'error') noteError(msg.text());
  });
  page.on('pageerror', (err) => {
    if (verbose) console.log(`[browser:pageerror] ${err.message}`);
    noteError(err.message);
  });
  const pageGone = new Promise((resolve) => {
    page.on('crash', () => resolve('the workbench page crashed'));
    page.on('close', () => resolve('the workbench page closed'));
  });

  // The payload must be passed exactly like this (not URL-encoded, with the
  // enableProposedApi pair), and paths as full vscode-remote:// URIs, or the
  // workbench does not start the tests.
  const remote = (p) => `vscode-remote://${host}${p}`;
  const payload = JSON.stringify([
    ['extensionDevelopmentPath', remote(extPath)],
    ['extensionTestsPath', remote(webRun ? webRun.tests : testsPath)],
    ['enableProposedApi', ''],
    ['skipWelcome', 'true'],
  ]);
  const opened = webRun ? `workspace=${remote(webRun.workspaceFile)}` : `folder=${remote(workspace)}`;
  const url = `http://${host}/?${opened}&payload=${payload}`;
  log(`opening the workbench (extension ${extensionId} from ${extPath}${web ? ', in the web worker extension host' : ''})`);
  // A loaded machine can take a while to serve the workbench's first page.
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 120_000 });

  let settled = false;
  if (restricted) void dismissTrustDialog(page, () => settled);

  const outcome = await Promise.race([
    testExit.then((code) => ({ code })),
    serverExit.then((c) => ({ error: `code-server exited (${c}) before the tests finished` })),
    pageGone.then((why) => ({ error: why })),
  ]);
  settled = true;

  if (outcome.error) throw new HarnessError(`${outcome.error}; see ${shown(serverLogFile)}`);

  log(`tests finished with exit code ${outcome.code}`);
  if (!fs.existsSync(reportFile)) log(`warning: no report in ${shown(reportFile)}`);
  let ok = outcome.code === 0;
  // Where the extension ran, seen from outside: the remote (Node) host's log.
  const inRemote = activatedInRemoteHost(userDataDir, extensionId);
  if (inRemote === undefined) {
    log('ERROR: no remote extension host log to check where the extension ran');
    ok = false;
  } else if (inRemote === web) {
    log(`ERROR: the remote (Node) extension host ${inRemote ? 'activated' : 'did not activate'} ${extensionId}; expected it ${web ? 'in the web worker host only' : 'there'}`);
    ok = false;
  } else {
    log(web ? `the remote (Node) extension host's log has no activation of ${extensionId}: it ran in the web worker host` : `the remote (Node) extension host activated ${extensionId}`);
  }
  if (extensionErrors.length > 0) {
    log(`ERROR: the workbench logged ${extensionErrors.length} error(s) naming the extension:`);
    for (const e of extensionErrors) console.log(`  ${e.split('\n').slice(0, 6).join('\n  ')}`);
    ok = false;
  }
  return ok ? 0 : 1;
}

/** Errors seen in the workbench (its log and the page's console) that name the extension. */
const extensionErrors = [];
/** Its id, its commands and settings, or its bundles (not its messages to the writer, which tests provoke on purpose). */
const NAMES_EXTENSION = new RegExp(['agreement-cite\\.agreement-cite', 'agreementCite\\.', `${extPath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/dist/`].join('|'));
function noteError(text) {
  if (NAMES_EXTENSION.test(text) && !extensionErrors.includes(text)) extensionErrors.push(text);
}

/** The suite's `N passed, N failed` line from its report, if it wrote one. */
function reportSummary() {
  try {
    return fs.readFileSync(reportFile, 'utf8').split('\n').reverse().find((l) => SUMMARY_LINE.test(l));
  } catch {
    return undefined;
  }
}

/**
 * In Restricted Mode VS Code may ask "Do you trust the authors of the files in
 * this folder?" in a modal dialog. The settings above (startupPrompt: never)
 * normally prevent it; should it show anyway, answer "No" so the run goes on
 * untrusted instead of waiting on the dialog until the timeout.
 */
async function dismissTrustDialog(page, isDone) {
  const noButton = page.getByRole('button', { name: /don't trust/i });
  while (!isDone()) {
    try {
      if (await noButton.isVisible()) {
        await noButton.click();
        log('answered the workspace trust dialog with "No" (Restricted Mode)');
      }
    } catch {
      // page navigating or closed
    }
    await sleep(500);
  }
}

// The timeout bounds the whole run, startup included.
let timer;
const timedOut = new Promise((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutS * 1000)));
let exitCode;
try {
  const result = await Promise.race([main(), timedOut]);
  if (result === 'timeout') {
    log(`TIMEOUT: no result after ${timeoutS} s (AGREEMENT_CITE_VSCODE_TIMEOUT / --timeout)`);
    if (currentPage) {
      const file = path.join(screenshotsDir, 'timeout.png');
      await currentPage.screenshot({ path: file, timeout: 10_000 }).then(
        () => log(`saved ${shown(file)}`),
        () => {},
      );
    }
    exitCode = EXIT_TIMEOUT;
  } else {
    exitCode = result;
  }
} catch (err) {
  // After a signal, the browser and server going away is expected, not an error.
  if (interruptedCode) exitCode = interruptedCode;
  else {
    if (err instanceof HarnessError) console.error(`[vscode-test] ERROR: ${err.message}`);
    else console.error('[vscode-test] ERROR:', err);
    exitCode = EXIT_HARNESS;
  }
} finally {
  clearTimeout(timer);
  await cleanup();
}
if (interruptedCode) exitCode = interruptedCode;
log(`done (exit ${exitCode})`);
// Repeat the suite's summary as the very last line, where CI looks for it.
const summary = exitCode === EXIT_HARNESS ? undefined : reportSummary();
if (summary) console.log(summary);
process.exit(exitCode);
