// Loads the bundled extension in plain Node with a stand-in `vscode` module
// and activates it: a repeatable measure of code load + activate, apart from
// the editor's own start-up. The benchmark runs it in fresh processes (each
// load is cold, as in the extension host) and reads the JSON it prints.
//
//   node scripts/bench/activate-probe.mjs <path/to/extension.js>

import fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

/**
 * A `vscode` that accepts anything: every member is a callable, constructible
 * stand-in, so that features added to activate() later need no change here.
 * It is not thenable (awaiting it must not hang), iterates as empty, and
 * reads as 0 or "" where a primitive is wanted.
 */
function standIn() {
  const members = new Map();
  const target = function () {};
  return new Proxy(target, {
    get(_, prop) {
      if (prop === 'then') return undefined;
      if (prop === Symbol.iterator) return function* () {};
      if (prop === Symbol.toPrimitive) return (hint) => (hint === 'number' ? 0 : '');
      if (prop === 'dispose') return () => {};
      if (!members.has(prop)) members.set(prop, standIn());
      return members.get(prop);
    },
    set(_, prop, value) {
      members.set(prop, value);
      return true;
    },
    apply: () => standIn(),
    construct: () => standIn(),
  });
}

/**
 * The API's top-level names, from its type definitions: a bundle copies the
 * module's own keys (esbuild's `import * as vscode`), so the stand-in must list them.
 */
function apiNames() {
  const require = createRequire(import.meta.url);
  const dts = fs.readFileSync(require.resolve('@types/vscode/index.d.ts'), 'utf8');
  return [...new Set([...dts.matchAll(/^\s+export (?:namespace|class|enum|const|function|let|var) (\w+)/gm)].map((m) => m[1]))];
}

/** A plain object, as the real module is: a Proxy here would make the bundle's copy of its keys slow and the number wrong. */
function apiModule() {
  return Object.fromEntries(apiNames().map((n) => [n, standIn()]));
}

const vscode = apiModule();
const load = Module._load;
Module._load = function (request, parent, isMain) {
  if (request === 'vscode') return vscode;
  return load.call(this, request, parent, isMain);
};

const file = path.resolve(process.argv[2] ?? 'dist/extension.js');
const require = createRequire(import.meta.url);
const t0 = performance.now();
const ext = require(file);
const t1 = performance.now();
const context = {
  subscriptions: [],
  extensionUri: vscode,
  extensionPath: path.dirname(path.dirname(file)),
  globalState: vscode,
  workspaceState: vscode,
  extension: vscode,
};
const api = ext.activate(context);
const t2 = performance.now();
process.stdout.write(
  JSON.stringify({
    loadMs: t1 - t0,
    activateMs: t2 - t1,
    totalMs: t2 - t0,
    // What the extension measured itself (src/extension.ts), where the build records it.
    selfLoadMs: typeof api?.loadMs === 'number' ? api.loadMs : undefined,
    selfActivationMs: typeof api?.activationMs === 'number' ? api.activationMs : undefined,
  }) + '\n',
);
// Pending timers and watchers of the stand-in workspace must not keep the process alive.
process.exit(0);
