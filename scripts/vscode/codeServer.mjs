// code-server: VS Code's server and web workbench, on 127.0.0.1, in its own
// process group so that it and everything it forks (extension host, file
// watcher, pty host) stop together. Used by the test runner and by the demo
// (`npm start`).

import { spawn } from 'node:child_process';
import http from 'node:http';
import { CODE_SERVER_VERSION, codeServerEntry, freePort, node24Bin } from '../vscode-test-env.mjs';
import { HarnessError, shown } from './log.mjs';

/** What code-server prints once it accepts connections. */
const LISTENING = /HTTP server listening on http:\/\/\S+/;

/** code-server's command line: no login, no telemetry or update check, this profile, and the folder to open. */
export function codeServerArgs({ host, userDataDir, extensionsDir, trusted = true, testDriver = false, locale, folder }) {
  return [
    codeServerEntry,
    '--auth',
    'none',
    '--bind-addr',
    host,
    '--disable-telemetry',
    '--disable-update-check',
    '--user-data-dir',
    userDataDir,
    '--extensions-dir',
    extensionsDir,
    // The workbench calls window.codeAutomationLog / codeAutomationExit and runs extensionTestsPath.
    ...(testDriver ? ['--vscode-option', 'enable-smoke-test-driver', '--vscode-option', 'enable-proposed-api'] : []),
    ...(trusted ? ['--disable-workspace-trust'] : []),
    ...(locale ? ['--locale', locale] : []),
    ...(folder ? [folder] : []),
  ];
}

function healthy(host) {
  return new Promise((resolve) => {
    const req = http.get(`http://${host}/healthz`, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.setTimeout(2000, () => req.destroy());
  });
}

/** One code-server process group, from its start until stop(). */
export class CodeServer {
  /** Resolves with the exit code or signal once the server process ends. */
  exited;
  #child;
  #startupOutput = '';
  #listening;

  /**
   * Starts code-server with these arguments (codeServerArgs); its output goes
   * to `output` (a writable stream), and to the console with `echo`.
   */
  constructor({ host, args, env, cwd, output, echo = false }) {
    this.host = host;
    this.#child = spawn(node24Bin, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    this.exited = new Promise((resolve) => this.#child.on('exit', (code, signal) => resolve(signal ?? code)));
    this.#listening = new Promise((resolve) => {
      for (const stream of [this.#child.stdout, this.#child.stderr]) {
        stream.on('data', (d) => {
          output?.write(d);
          if (echo) process.stdout.write(`[code-server] ${d}`);
          if (this.#startupOutput.length < 100_000) this.#startupOutput += d;
          if (LISTENING.test(this.#startupOutput)) resolve(true);
        });
      }
    });
  }

  /** The process group's id (the server's pid). */
  get pgid() {
    return this.#child.pid;
  }

  /** Whether its startup output says another process had the port. */
  get addressInUse() {
    return /EADDRINUSE/.test(this.#startupOutput);
  }

  /**
   * Waits until the server says it listens and answers /healthz, it exits, or
   * `timeoutMs` pass: resolves undefined when up, else why not.
   */
  async untilUp(timeoutMs = 60_000) {
    const deadline = Date.now() + timeoutMs;
    let exited = false;
    void this.exited.then(() => (exited = true));
    let timer;
    const timedOut = new Promise((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
    try {
      const first = await Promise.race([this.#listening, this.exited.then(() => 'exited'), timedOut]);
      if (first === 'exited') return 'it exited during startup';
      // Listening: it answers at once, but a loaded machine can be slow to; asked again until the deadline.
      while (!exited && Date.now() < deadline) {
        if (await healthy(this.host)) return undefined;
        await new Promise((r) => setTimeout(r, 200));
      }
      return exited ? 'it exited during startup' : `no answer on ${this.host} within ${timeoutMs / 1000} s`;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Stops the whole group: SIGTERM, up to 3 s for the extension host to stop cleanly, then SIGKILL. */
  async stop() {
    // Always signal the group, even when the server itself has exited: its extension host or pty host may still run.
    try {
      process.kill(-this.pgid, 'SIGTERM');
    } catch {
      return; // nothing left in the group
    }
    let timer;
    await Promise.race([this.exited, new Promise((r) => (timer = setTimeout(r, 3000)))]);
    clearTimeout(timer);
    try {
      process.kill(-this.pgid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

/**
 * Starts code-server for a test run on a free port, and registers its stop
 * with `cleanup`. The free port is found by binding and releasing it, so
 * another process can take it first: then code-server exits with EADDRINUSE
 * and is started again on a new port (three tries).
 */
export async function startTestServer({ options, run, env, output, outputFile, cleanup, log }) {
  for (let attempt = 1; ; attempt++) {
    const host = `127.0.0.1:${await freePort()}`;
    const args = codeServerArgs({
      host,
      userDataDir: run.userDataDir,
      extensionsDir: run.extensionsDir,
      trusted: !options.restricted,
      testDriver: true,
      locale: options.locale,
      folder: run.workspace,
    });
    log(`starting code-server ${CODE_SERVER_VERSION} on ${host} (${options.restricted ? 'Restricted Mode' : 'workspace trust disabled'})`);
    const server = new CodeServer({ host, args, env, cwd: run.tmp, output, echo: options.verbose });
    const release = cleanup.guardProcessGroup(server.pgid);
    cleanup.add(() => server.stop().finally(release));
    const failed = await server.untilUp();
    if (!failed) return server;
    await server.stop();
    if (!server.addressInUse || attempt === 3) throw new HarnessError(`code-server did not start (${failed}); see ${shown(outputFile)}`);
    log(`port ${host} was taken; retrying`);
  }
}
