// The web worker run of the integration suite (scripts/run-vscode-tests.mjs
// --web): the extension's browser bundle in the browser's web worker extension
// host, as in VS Code for the Web. That host loads one CommonJS file per
// extension and has no Node API, so the suite is bundled here with esbuild
// (platform browser). VS Code runs a suite in the host of the extension whose
// folder holds it: the bundle is written inside the extension's folder.

import fs from 'node:fs';
import path from 'node:path';
import esbuild from 'esbuild';
import { projectRoot } from '../vscode-test-env.mjs';

/** Node built-ins the test files import for their Node-only parts: empty here, so a Node-only use fails loudly, not the load. */
const NODE_ONLY = /^(node:)?(fs|path|http|url|perf_hooks|os|child_process)$/;

/** @type {import('esbuild').Plugin} */
const nodeOnlyPlugin = {
  name: 'node-only',
  setup(build) {
    build.onResolve({ filter: NODE_ONLY }, (args) => ({ path: args.path, namespace: 'node-only' }));
    build.onLoad({ filter: /.*/, namespace: 'node-only' }, () => ({ contents: 'module.exports = {};', loader: 'js' }));
  },
};

/**
 * Bundles test/integration/web/index.ts (and the test files it requires) into
 * `outDir/index.js`. `env` is what the tests read as `process.env` (the
 * runner's settings, which the Node runs pass through the environment).
 */
export async function bundleWebSuite(outDir, env) {
  const outfile = path.join(outDir, 'index.js');
  await esbuild.build({
    entryPoints: [path.join(projectRoot, 'test', 'integration', 'web', 'index.ts')],
    bundle: true,
    format: 'cjs',
    platform: 'browser',
    target: 'es2022',
    outfile,
    sourcemap: 'inline',
    // The parsers of the export test run in Node only (that suite skips itself here).
    external: ['vscode', '@citation-js/*', '@retorquere/*'],
    // process.stderr: the `assert` package asks it while writing a failure's message.
    define: { 'process.env': JSON.stringify(env), 'process.pid': '"web"', 'process.stderr': 'undefined' },
    plugins: [nodeOnlyPlugin],
    logLevel: 'error',
  });
  return outfile;
}

/** A multi-root workspace: the fixture folder copy on the server's disk and memfs:/book, which is not on disk. */
export function writeWebWorkspace(file, folder) {
  fs.writeFileSync(file, JSON.stringify({ folders: [{ path: folder }, { uri: 'memfs:/book', name: 'book' }], settings: {} }, null, 2));
  return file;
}

/** The remote (Node) extension host's logs in the server's user-data folder; empty when there are none. */
function remoteHostLogs(userDataDir) {
  const logs = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.name === 'remoteexthost.log') logs.push(full);
    }
  };
  try {
    walk(path.join(userDataDir, 'logs'));
  } catch {
    return [];
  }
  return logs;
}

/**
 * Whether the remote (Node) extension host activated the extension, from its
 * log in the server's user-data folder: undefined when no such log exists.
 */
export function activatedInRemoteHost(userDataDir, extensionId) {
  const logs = remoteHostLogs(userDataDir);
  if (logs.length === 0) return undefined;
  const activation = new RegExp(`_doActivateExtension ${extensionId.replace(/\./g, '\\.')}\\b`);
  return logs.some((f) => activation.test(fs.readFileSync(f, 'utf8')));
}

/**
 * The errors and warnings in the remote (Node) extension host's log that
 * `names` matches, each with the lines that follow it (its stack) up to the
 * next entry: what the host reports of the extension there (a deprecated API
 * used, as `navigator` in Node) never reaches the page's console.
 */
export function remoteHostErrors(userDataDir, names) {
  const errors = [];
  for (const file of remoteHostLogs(userDataDir)) {
    const entries = fs.readFileSync(file, 'utf8').split(/\n(?=\d{4}-\d\d-\d\d[ T]\d\d:\d\d)/);
    for (const entry of entries) {
      // A request VS Code withdrew ("Unable to refresh tree view …: Canceled", as the window closes at the end of
      // the suite) is no failure of the extension's.
      if (/: Canceled\s*$/.test(entry)) continue;
      if (/^\S+ \S+ \[(?:error|warning)\]/.test(entry) && names.test(entry)) errors.push(entry.trim());
    }
  }
  return errors;
}
