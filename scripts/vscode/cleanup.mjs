// What a run must undo (servers, the browser, temporary files), newest first,
// once, whichever way the run ends: normally, on an error, on a timeout, or
// on Ctrl-C.

/** The undo steps of one run. */
export class Cleanup {
  #steps = [];
  /** Process groups to kill synchronously if the process exits before run() reaches them. */
  #groups = new Set();
  #onError;
  #killGroupsNow = () => {
    for (const pgid of this.#groups) {
      try {
        process.kill(-pgid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  };

  /** @param {(message: string) => void} [onError] told about a step that failed (the others still run) */
  constructor(onError) {
    this.#onError = onError;
    // Last resort if the process dies without reaching run() (an uncaught exception, a second Ctrl-C):
    // a server's whole process group (server, extension host, file watcher, pty host) goes too.
    process.on('exit', this.#killGroupsNow);
  }

  /** Adds a step, run before those added earlier. */
  add(step) {
    this.#steps.push(step);
  }

  /** Kills this process group even if the runner exits abruptly; call the returned function once it is gone. */
  guardProcessGroup(pgid) {
    this.#groups.add(pgid);
    return () => this.#groups.delete(pgid);
  }

  /** Runs every step, newest first; a step that fails does not stop the others. */
  async run() {
    while (this.#steps.length > 0) {
      const step = this.#steps.pop();
      try {
        await step();
      } catch (err) {
        this.#onError?.(`cleanup step failed: ${err}`);
      }
    }
  }
}

/**
 * On SIGINT or SIGTERM, cleans up and exits with 130 or 143; a second signal
 * exits at once (the 'exit' hook of Cleanup still kills the servers).
 * `code()` says which code a signal asked for, if one came.
 */
export function exitOnSignals(cleanup, log) {
  let asked;
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ]) {
    process.on(signal, () => {
      if (asked) process.exit(code);
      asked = code;
      log(`${signal}: stopping`);
      cleanup.run().finally(() => process.exit(code));
    });
  }
  return { code: () => asked };
}
