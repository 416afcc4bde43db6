// The runner's own lines on the console, stamped with the time since it started.

import path from 'node:path';
import { projectRoot } from '../vscode-test-env.mjs';

/** A log function for one run: `[vscode-test 12.3s] message`. */
export function createLog(startedAt = Date.now()) {
  return (message) => console.log(`[vscode-test ${((Date.now() - startedAt) / 1000).toFixed(1)}s] ${message}`);
}

/** A path for messages: relative inside the project, absolute outside it. */
export function shown(p) {
  const rel = path.relative(projectRoot, p);
  return rel.startsWith('..') || path.isAbsolute(rel) ? p : rel;
}

/** The runner's exit codes besides the suite's own (0 all passed, 1 a test failed). */
export const EXIT = Object.freeze({ harness: 2, timeout: 124 });

/** The harness itself failed (setup missing, server or browser did not start, workbench closed early): exit EXIT.harness. */
export class HarnessError extends Error {}
