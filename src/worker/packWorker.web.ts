// The Web Worker that parses writers' pack files in VS Code for the Web: the
// same parse as the Node worker thread (packWorker.ts), so a large pack does
// not hold up the web worker extension host. Built by esbuild.js into a string
// that the browser bundle carries (src/platform/web.ts starts it).

import { answer, type ParseRequest } from './parseRequest';

interface WorkerScope {
  onmessage: ((event: { data: ParseRequest }) => void) | null;
  postMessage(message: unknown, transfer: ArrayBuffer[]): void;
}

const scope = globalThis as unknown as WorkerScope;
scope.onmessage = (event) => {
  const { reply, transfer } = answer(event.data);
  scope.postMessage(reply, transfer);
};
