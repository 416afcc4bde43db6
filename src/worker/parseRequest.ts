// One request to the pack-parsing thread and its answer, shared by the Node
// worker thread (packWorker.ts) and the browser's Web Worker (packWorker.web.ts).

import { parsePackText, type LoadOptions } from '../core/packLoader';
import { toWire, type WireResult } from '../core/packWire';

export interface ParseRequest {
  id: number;
  text: string;
  file: string;
  options: LoadOptions;
}

export interface ParseReply {
  id: number;
  wire?: WireResult;
  error?: string;
}

/** Parses the request's text; the reply's ranges travel as a transferred buffer, not copied. */
export function answer(request: ParseRequest): { reply: ParseReply; transfer: ArrayBuffer[] } {
  try {
    const wire = toWire(parsePackText(request.text, request.file, request.options));
    return { reply: { id: request.id, wire }, transfer: [wire.pathRanges.buffer as ArrayBuffer] };
  } catch (e) {
    return { reply: { id: request.id, error: e instanceof Error ? e.message : String(e) }, transfer: [] };
  }
}
