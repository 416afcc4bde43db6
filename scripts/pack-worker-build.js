// How the script that parses writers' packs (src/packs/worker/packWorker.ts) is
// bundled: one script for the Node worker thread and the browser's Web Worker,
// which esbuild.js writes to dist/packWorker.js. The unit tests and the
// benchmark build the same script the same way.

const path = require('node:path');

/** @returns {import('esbuild').BuildOptions & { write: false }} */
function packWorkerBuildOptions() {
  return {
    entryPoints: [path.join(__dirname, '..', 'src', 'packs', 'worker', 'packWorker.ts')],
    bundle: true,
    // One plain script: a Web Worker loads no module system, and the extension may evaluate it in its own thread.
    format: 'iife',
    // No Node API, except worker_threads, asked for only in a Node worker thread.
    platform: 'browser',
    external: ['worker_threads'],
    target: 'es2022',
    write: false,
    minify: true,
    // Ukrainian text (the declension tables) as UTF-8, not \u escapes three times its size: the extension reads the script as UTF-8.
    charset: 'utf8',
    legalComments: 'none',
    logLevel: 'warning',
  };
}

module.exports = { packWorkerBuildOptions };
