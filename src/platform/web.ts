// The web worker extension host (VS Code for the Web: vscode.dev, github.dev,
// code-server with the extension run in the browser): no Node API. Writers'
// packs are parsed in a Web Worker made from the bundled worker code; where the
// host cannot make one, the caller parses them in its own thread.

import type { ParseReply } from '../packs/worker/parseRequest';
import type { Platform, StartPackThread } from './platform';

/** The parts of the browser's worker API used here (the project compiles without the DOM library). */
interface BrowserGlobals {
  Worker?: new (
    url: string,
    options?: { name?: string },
  ) => {
    onmessage: ((event: { data: ParseReply }) => void) | null;
    onerror: ((event: unknown) => void) | null;
    onmessageerror: ((event: unknown) => void) | null;
    postMessage(message: unknown, transfer?: ArrayBuffer[]): void;
    terminate(): void;
  };
  Blob: new (parts: string[], options: { type: string }) => unknown;
  URL: { createObjectURL(blob: unknown): string; revokeObjectURL(url: string): void };
}

const startPackThread: StartPackThread = (code, events) => {
  const web = globalThis as unknown as BrowserGlobals;
  if (typeof web.Worker !== 'function') throw new Error('no Web Worker in this extension host');
  const url = web.URL.createObjectURL(new web.Blob([code], { type: 'text/javascript' }));
  let worker: InstanceType<NonNullable<BrowserGlobals['Worker']>>;
  try {
    worker = new web.Worker(url, { name: 'Agreement Cite packs' });
  } catch (e) {
    web.URL.revokeObjectURL(url);
    throw e;
  }
  worker.onmessage = (event) => events.message(event.data);
  // A worker whose script could not load reports it here, after the fact: what it was sent is then parsed in the host's thread.
  worker.onerror = () => events.failed();
  worker.onmessageerror = () => events.failed();
  return {
    post: (request, transfer) => worker.postMessage(request, transfer ?? []),
    terminate: () => {
      worker.terminate();
      web.URL.revokeObjectURL(url);
    },
  };
};

/** The extension's folder is wherever the workbench serves it from (a web address, a remote): read through VS Code's file system API. */
const readExtensionFile: Platform['readExtensionFile'] = async (context, relativePath) => {
  // Asked for here, not imported: the rest of this module runs without VS Code (the unit tests).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const vscode = require('vscode') as typeof import('vscode');
  return vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, ...relativePath.split('/')));
};

/** The browser's count, where it gives one. */
const processors = (): number => (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator?.hardwareConcurrency ?? 2;

export const webPlatform: Platform = { host: 'web', startPackThread, readExtensionFile, processors };
