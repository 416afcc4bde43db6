// The worker thread that parses writers' pack files. The YAML parser reads
// about 1.5 MB/s, so a pack near the size limit takes seconds: parsed here, it
// does not hold up the extension host, which keeps answering hovers,
// completions and checks meanwhile. Built by esbuild.js into a string that
// the extension bundle carries (src/packParsing.ts starts it).

import { parentPort } from 'worker_threads';
import { parsePackText, type LoadOptions } from '../core/packLoader';
import { toWire } from '../core/packWire';

export interface ParseRequest {
  id: number;
  text: string;
  file: string;
  options: LoadOptions;
}

parentPort?.on('message', (request: ParseRequest) => {
  try {
    const wire = toWire(parsePackText(request.text, request.file, request.options));
    parentPort!.postMessage({ id: request.id, wire }, [wire.pathRanges.buffer as ArrayBuffer]);
  } catch (e) {
    parentPort!.postMessage({ id: request.id, error: e instanceof Error ? e.message : String(e) });
  }
});
