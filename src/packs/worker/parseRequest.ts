// One request to the pack-parsing thread and its answer, shared by the Node
// worker thread (packWorker.ts) and the browser's Web Worker (packWorker.web.ts).

import { parsePackText, type LoadOptions } from '../../core/packs/packLoader';
import { encodeBody, transferable, type EncodedBody } from '../../core/packs/packCacheEntry';
import { toWire, type WireResult } from '../../core/packs/packWire';
import { parsedWithForms } from '../../core/facts/languageForms';

export interface ParseRequest {
  id: number;
  /** The pack file's text, or its UTF-8 (`utf8`, sent without a copy). */
  text?: string;
  utf8?: Uint8Array;
  file: string;
  options: LoadOptions;
  /** The result as objects, not as a body to read back: for a parse in the host's own thread, where nothing is copied. */
  objects?: boolean;
}

export interface ParseReply {
  id: number;
  /** The result as objects, where it has no `body`. */
  wire?: WireResult;
  /** The result as a cache entry's body: read back a section at a time (packCacheEntry.ts), and kept if the request asked. */
  body?: EncodedBody;
  error?: string;
}

/**
 * Parses the request's text. The result travels as a cache entry's body, its
 * sections in buffers transferred, not copied: the extension host reads it back a
 * section at a time, where receiving it as objects would hold the host for
 * the whole copy (hundreds of milliseconds for a large pack). A result that
 * has no body (packCacheEntry.ts) travels as objects, its ranges transferred.
 */
export function answer(request: ParseRequest): { reply: ParseReply; transfer: ArrayBuffer[] } {
  try {
    // With the case forms of its names in other languages (languageForms.ts): the declension rules load in this thread only.
    // The BOM is kept: the text was decoded once already, and this gives it back as it was.
    const text = request.text ?? new TextDecoder('utf-8', { ignoreBOM: true }).decode(request.utf8);
    const result = parsedWithForms(parsePackText(text, request.file, request.options));
    const body = request.objects ? undefined : encodeBody(result);
    if (body) return { reply: { id: request.id, body }, transfer: transferable(body) };
    const wire = toWire(result);
    return { reply: { id: request.id, wire }, transfer: [wire.pathRanges.buffer as ArrayBuffer] };
  } catch (e) {
    return { reply: { id: request.id, error: e instanceof Error ? e.message : String(e) }, transfer: [] };
  }
}
