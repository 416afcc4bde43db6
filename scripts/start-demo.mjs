// `npm start`: a VS Code in the browser with Agreement Cite installed from its
// .vsix and a sample report open. Builds the package, installs what the
// real-VS-Code tests use (cached in .vscode-test/), starts code-server on
// 127.0.0.1 and prints the address. Stop it with Ctrl-C.
//
//   npm start                 port 8123, or AGREEMENT_CITE_PORT
//   npm start -- --port 9000

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { cacheDir, codeServerEntry, node24Bin, projectRoot } from './vscode-test-env.mjs';
import { CodeServer, codeServerArgs } from './vscode/codeServer.mjs';
import { QUIET_SETTINGS } from './vscode/workbenchSettings.mjs';

const argPort = process.argv.indexOf('--port');
const port = Number(argPort > 0 ? process.argv[argPort + 1] : process.env.AGREEMENT_CITE_PORT || 8123);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`start: "${port}" is not a port number`);
  process.exit(2);
}

function run(command, args, what) {
  console.log(`start: ${what}`);
  const r = spawnSync(command, args, { cwd: projectRoot, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`start: ${what} failed (exit ${r.status ?? r.signal})`);
    process.exit(1);
  }
}

function portFree(p) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(p, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

if (!(await portFree(port))) {
  console.error(`start: port ${port} on 127.0.0.1 is in use; choose another with --port`);
  process.exit(2);
}

const vsix = path.join(projectRoot, 'agreement-cite.vsix');
run(process.execPath, ['esbuild.js', '--production'], 'building the extension');
run(process.execPath, ['scripts/package.mjs', vsix, '--demo'], 'packaging agreement-cite.vsix');
run(process.execPath, ['scripts/setup-vscode-test.mjs'], 'checking code-server and Node 24 (installed once, then cached)');

// A fresh profile and a copy of the sample workspace, so the demo never changes the repository.
const demoRoot = path.join(cacheDir, 'demo');
fs.rmSync(demoRoot, { recursive: true, force: true });
const workspace = path.join(demoRoot, 'sample-report');
fs.cpSync(path.join(projectRoot, 'demo'), workspace, { recursive: true });
const userData = path.join(demoRoot, 'user-data');
const extensions = path.join(demoRoot, 'extensions');
fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify(QUIET_SETTINGS, null, 2));

const env = { ...process.env, EXTENSIONS_GALLERY: '{}', XDG_CONFIG_HOME: path.join(demoRoot, 'config'), XDG_DATA_HOME: path.join(demoRoot, 'data') };
const common = ['--user-data-dir', userData, '--extensions-dir', extensions];
console.log('start: installing the .vsix into code-server');
const install = spawnSync(node24Bin, [codeServerEntry, ...common, '--install-extension', vsix], { env, encoding: 'utf8' });
if (install.status !== 0 || !/successfully installed/i.test(install.stdout + install.stderr)) {
  console.error(install.stdout, install.stderr);
  console.error('start: installing the extension failed');
  process.exit(1);
}

const logFile = path.join(demoRoot, 'code-server.log');
const host = `127.0.0.1:${port}`;
// The sample folder is ours: trusted, so its fact pack loads (Restricted Mode uses the bundled pack only).
const server = new CodeServer({
  host,
  args: codeServerArgs({ host, userDataDir: userData, extensionsDir: extensions, trusted: true, folder: workspace }),
  env,
  cwd: demoRoot,
  output: fs.createWriteStream(logFile),
});

let stopping = false;
const stop = (exitCode = 0) => {
  stopping = true;
  return server.stop().finally(() => process.exit(exitCode));
};
process.on('SIGINT', () => stop());
process.on('SIGTERM', () => stop());
void server.exited.then((code) => {
  if (stopping) return;
  console.error(`start: code-server stopped (exit ${code}); see ${logFile}`);
  process.exit(typeof code === 'number' ? code : 1);
});

const failed = await server.untilUp(60_000);
if (failed) {
  console.error(`start: code-server did not start (${failed}); see ${logFile}`);
  await stop(1);
}
const url = `http://${host}/?folder=${encodeURIComponent(workspace)}`;
console.log(`\nAgreement Cite is running in VS Code at\n\n  ${url}\n\nOpen sample-report.md, hover a name or a date, type ;; or press Ctrl+Alt+C.`);
console.log(`Server log: ${logFile}. Stop with Ctrl-C.`);
