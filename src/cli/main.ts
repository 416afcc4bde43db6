import { parseCommandLine } from './args';
import { runCheck } from './check';
import type { Io } from './context';
import { CliError, EXIT } from './errors';
import { runExport } from './exportSources';
import { useColour } from './formatText';
import { runPacksCheck } from './packsCheck';
import { runWorker, type WorkerSetup } from './pool';

/** Set by the build (esbuild.js) from package.json. */
declare const __AGREEMENT_CITE_VERSION__: string;

/** Runs one command line; resolves to the exit code. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  try {
    const parsed = parseCommandLine(argv);
    switch (parsed.command) {
      case 'help':
        io.stdout(parsed.text);
        return EXIT.clean;
      case 'version':
        io.stdout(`${io.version}\n`);
        return EXIT.clean;
      case 'check':
        return await runCheck(parsed, io);
      case 'packs':
        return await runPacksCheck(parsed, io);
      case 'export':
        return await runExport(parsed, io);
    }
  } catch (e) {
    if (e instanceof CliError) {
      io.stderr(`agreement-cite: ${e.message}\n`);
      return EXIT.usage;
    }
    throw e;
  }
}

/** Writes to a standard stream: on Linux and macOS, files and pipes are written synchronously, so output is never held whole. */
function writer(stream: NodeJS.WriteStream): (text: string) => void {
  return (text) => {
    stream.write(text);
  };
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
const threads = typeof __AGREEMENT_CITE_VERSION__ !== 'undefined' ? (require('node:worker_threads') as typeof import('node:worker_threads')) : undefined;
const setup = threads && !threads.isMainThread ? (threads.workerData as WorkerSetup | undefined) : undefined;
if (setup?.agreementCiteWorker) {
  void runWorker(setup);
} else if (threads) {
  const io: Io = {
    cwd: process.cwd(),
    stdout: writer(process.stdout),
    stderr: writer(process.stderr),
    colour: useColour(process.stdout),
    version: __AGREEMENT_CITE_VERSION__,
  };
  main(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`agreement-cite: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = 70;
    },
  );
}
