// One request to the pack-parsing thread and its answer, shared by the Node
// worker thread (packWorker.ts) and the browser's Web Worker (packWorker.web.ts).

import { parsePackText, type LoadOptions } from '../../core/packs/packLoader';
import { encodeBody, type EncodedBody } from '../../core/packs/packCacheEntry';
import { toWire, type WireResult } from '../../core/packs/packWire';
import { parsedWithForms } from '../../core/facts/languageForms';

export interface ParseRequest {
  id: number;
  text: string;
  file: string;
  options: LoadOptions;
  /** Whether the reply should carry the result as a cache entry's body too (src/core/packs/packCache.ts). */
  encode?: boolean;
}

export interface ParseReply {
  id: number;
  wire?: WireResult;
  body?: EncodedBody;
  error?: string;
}

/** Parses the request's text; the reply's ranges travel as a transferred buffer, not copied. */
export function answer(request: ParseRequest): { reply: ParseReply; transfer: ArrayBuffer[] } {
  try {
    // With the case forms of its names in other languages (languageForms.ts): the declension rules load in this thread only.
    const result = parsedWithForms(parsePackText(request.text, request.file, request.options));
    // Encoded here, not in the extension host: writing a large pack's entry takes tens of milliseconds.
    const body = request.encode ? encodeBody(result) : undefined;
    const wire = toWire(result);
    const transfer = [wire.pathRanges.buffer as ArrayBuffer];
    if (body) transfer.push(body.bytes.buffer as ArrayBuffer);
    return { reply: { id: request.id, wire, body }, transfer };
  } catch (e) {
    return { reply: { id: request.id, error: e instanceof Error ? e.message : String(e) }, transfer: [] };
  }
}
