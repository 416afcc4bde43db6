// The script that parses writers' pack files in a thread of its own: a worker
// thread in the Node extension host, a Web Worker in VS Code for the Web. The
// YAML parser reads about 1.5 MB/s, so a pack near the size limit takes
// seconds: parsed here, it does not hold up the extension host, which keeps
// answering hovers, completions and checks meanwhile.
//
// esbuild.js builds it into dist/packWorker.js, one script for both hosts and
// the only copy of the YAML parser the extension ships; the extension reads it
// when the first writer's pack is parsed (src/packs/packParsing.ts). Where no thread
// can be made, the extension evaluates the same script in its own thread,
// handing it `agreementCiteInThread` to receive the parse.

import * as l10n from '@vscode/l10n';
import { answer, type ParseRequest } from './parseRequest';

export type { ParseRequest } from './parseRequest';

/** Given by the extension when it evaluates this script in its own thread (src/packs/packParsing.ts). */
declare const agreementCiteInThread: { answer?: typeof answer } | undefined;
/** The interface's translations, written before this script by the extension (src/packParsing.ts); absent in English. */
declare const agreementCiteTranslations: l10n.l10nJsonFormat | undefined;
/** Defined in a Web Worker, as in every worker scope of the browser. */
declare const importScripts: unknown;

/** The parts of a Web Worker's scope used here (the project compiles without the DOM library). */
interface WebWorkerScope {
  onmessage: ((event: { data: ParseRequest }) => void) | null;
  postMessage(message: unknown, transfer: ArrayBuffer[]): void;
}

// Problems in the writer's language: the core's messages go through @vscode/l10n.
if (typeof agreementCiteTranslations === 'object' && agreementCiteTranslations !== null) l10n.config({ contents: agreementCiteTranslations });

if (typeof agreementCiteInThread === 'object' && agreementCiteInThread !== null) {
  agreementCiteInThread.answer = answer;
} else if (typeof importScripts === 'function') {
  const scope = globalThis as unknown as WebWorkerScope;
  scope.onmessage = (event) => {
    const { reply, transfer } = answer(event.data);
    scope.postMessage(reply, transfer);
  };
} else {
  // A Node worker thread (src/platform/node.ts).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { parentPort } = require('worker_threads') as typeof import('worker_threads');
  parentPort?.on('message', (request: ParseRequest) => {
    const { reply, transfer } = answer(request);
    parentPort.postMessage(reply, transfer);
  });
}
