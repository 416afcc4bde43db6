// Before anything starts: is code-server set up, is the extension built, does
// the suite exist? Each missing piece is one clear message with its remedy.

import fs from 'node:fs';
import path from 'node:path';
import { CODE_SERVER_VERSION, NODE_VERSION, chromiumPath, codeServerEntry, expectedMarker, markerFile, node24Bin } from '../vscode-test-env.mjs';
import { HarnessError, shown } from './log.mjs';

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Throws a HarnessError naming what is missing; returns the extension's id (`publisher.name`). */
export function preflight({ extPath, testsPath, workspaceSource, web }) {
  const marker = readJson(markerFile);
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
  if (main && ![main, `${main}.js`].some((p) => fs.existsSync(p))) {
    throw new HarnessError(`extension entry ${shown(main)} does not exist. Run: npm run build`);
  }
  const browserEntry = pkg.browser ? path.resolve(extPath, pkg.browser) : undefined;
  if (web && !(browserEntry && fs.existsSync(browserEntry))) {
    throw new HarnessError(`the browser entry ${browserEntry ? shown(browserEntry) : '(package.json names none)'} does not exist. Run: npm run build`);
  }
  // A web run bundles its own suite from the sources (scripts/vscode/webSuite.mjs).
  if (!web && !fs.existsSync(testsPath)) {
    throw new HarnessError(`test entry ${shown(testsPath)} does not exist. Run: tsc -p tsconfig.test.json`);
  }
  if (!fs.statSync(workspaceSource, { throwIfNoEntry: false })?.isDirectory()) {
    throw new HarnessError(`workspace folder ${workspaceSource} does not exist`);
  }
  return `${pkg.publisher}.${pkg.name}`;
}
