// How the worker that parses writers' packs (src/worker/packWorker.ts) is
// bundled, for the Node worker thread and the browser's Web Worker. esbuild.js carries the result in the extension as a string; the
// unit tests and the benchmark build the same worker the same way.

const path = require('node:path');

/** @returns {import('esbuild').BuildOptions & { write: false }} */
function packWorkerBuildOptions() {
  return {
    entryPoints: [path.join(__dirname, '..', 'src', 'worker', 'packWorker.ts')],
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'es2022',
    write: false,
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
  };
}

/** The same parse as a Web Worker for VS Code for the Web (src/worker/packWorker.web.ts): no Node API, one script. */
function packWebWorkerBuildOptions() {
  return {
    ...packWorkerBuildOptions(),
    entryPoints: [path.join(__dirname, '..', 'src', 'worker', 'packWorker.web.ts')],
    format: 'iife',
    platform: 'browser',
  };
}

module.exports = { packWorkerBuildOptions, packWebWorkerBuildOptions };
