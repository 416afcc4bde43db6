// The worker thread that parses writers' pack files. The YAML parser reads
// about 1.5 MB/s, so a pack near the size limit takes seconds: parsed here, it
// does not hold up the extension host, which keeps answering hovers,
// completions and checks meanwhile. Built by esbuild.js into a string that
// the extension bundle carries (src/platform/node.ts starts it).
// VS Code for the Web runs the same parse in a Web Worker (packWorker.web.ts).

import { parentPort } from 'worker_threads';
import { answer, type ParseRequest } from './parseRequest';

export type { ParseRequest } from './parseRequest';

parentPort?.on('message', (request: ParseRequest) => {
  const { reply, transfer } = answer(request);
  parentPort!.postMessage(reply, transfer);
});
