// What the runner tells the tests. Both runners (scripts/run-vscode-tests.mjs
// for code-server, test/integration/runElectron.ts for @vscode/test-electron)
// pass these as environment variables; the extension host inherits them (for
// code-server: from the server process, which forks the extension host with
// its own environment).

import * as path from 'path';

/** Extension id (`publisher.name` from package.json). */
export const EXTENSION_ID = 'agreement-cite.agreement-cite';

/** Which VS Code the suite runs in: 'code-server' (web workbench), 'electron', or 'unknown'. */
export function testHost(): 'code-server' | 'electron' | 'unknown' {
  const host = process.env.AGREEMENT_CITE_TEST_HOST;
  return host === 'code-server' || host === 'electron' ? host : 'unknown';
}

/**
 * Whether the runner opened the workspace in Restricted Mode (untrusted) on
 * purpose (`--restricted`). Compare with `vscode.workspace.isTrusted`, which
 * is what the extension sees.
 */
export function restrictedModeRequested(): boolean {
  return process.env.AGREEMENT_CITE_WORKSPACE_TRUST === 'restricted';
}

/** Folder for reports and screenshots (git-ignored `test-results/`). */
export function resultsDir(): string {
  // Compiled to out/test/integration/, so the project root is three levels up.
  return process.env.AGREEMENT_CITE_RESULTS_DIR || path.resolve(__dirname, '..', '..', '..', 'test-results');
}

/** The workspace fixture the runners open (`test/fixtures/workspace`). */
export function fixtureWorkspace(): string {
  return path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'workspace');
}

/**
 * The extension host the runner put the extension and the suite in: 'web' is
 * the browser's web worker host (VS Code for the Web; `--web`, bundled by
 * test/integration/web/index.ts), 'node' the Node extension host.
 */
export function extensionHostMode(): 'node' | 'web' {
  return process.env.AGREEMENT_CITE_EXTENSION_HOST === 'web' ? 'web' : 'node';
}

/** Skips the calling test or suite (a mocha `this`) unless the suite runs in `mode`, and says why. */
export function onlyIn(mode: 'node' | 'web', context: Mocha.Context, reason: string): void {
  if (extensionHostMode() === mode) return;
  console.log(`  skipped in the ${extensionHostMode() === 'web' ? 'web worker' : 'Node'} extension host: ${reason}`);
  context.skip();
}
