// JSON kept as bytes that are all ASCII, and UTF-8 read back as text.
//
// An entry of the cache of parsed packs (packCacheEntry.ts) is JSON read back
// on every window reload: 100 MB of it for a fact base of 100,000 facts. Its
// facts are mostly ASCII with some Ukrainian, and decoding UTF-8 that holds
// any character past ASCII ran at about 150 MB/s in the Node extension host
// (TextDecoder), where bytes that are all ASCII are made a text by Node's
// Buffer some thirty times faster. So the few characters past ASCII are
// written as JSON's \u escapes, which JSON.parse reads back as the same
// characters, and a host that has such a reader uses it.

const encoder = new TextEncoder();
const strictDecoder = new TextDecoder('utf-8', { fatal: true });

/** A character past ASCII, and runs of them. */
const WIDE = /[\u0080-\uffff]/;
const WIDE_RUNS = /[\u0080-\uffff]+/g;

/** A run of characters past ASCII as JSON escapes, a UTF-16 unit each. */
function escapeRun(run: string): string {
  let out = '';
  for (let i = 0; i < run.length; i++) out += `\\u${run.charCodeAt(i).toString(16).padStart(4, '0')}`;
  return out;
}

/**
 * A JSON text with each UTF-16 unit past ASCII written as `\uXXXX` (a
 * character outside the Basic Multilingual Plane as its two halves, as JSON
 * writes a lone one): JSON.parse gives back the same value, and the text is
 * all ASCII, one byte a character in UTF-8.
 */
export function asciiText(json: string): string {
  return WIDE.test(json) ? json.replace(WIDE_RUNS, escapeRun) : json;
}

/** `JSON.stringify(value)` as bytes that are all ASCII (see asciiText). */
export function asciiJson(value: unknown): Uint8Array {
  return encoder.encode(asciiText(JSON.stringify(value) ?? 'null'));
}

/** Reads UTF-8 bytes as text; throws where they are not UTF-8. */
export type ReadText = (bytes: Uint8Array) => string;

/**
 * A host's quicker reading of bytes that are all ASCII: their text, or
 * undefined where any byte is past ASCII (Node: `buffer.isAscii` and
 * `Buffer.toString('ascii')`).
 */
export type ReadAscii = (bytes: Uint8Array) => string | undefined;

/** UTF-8 as TextDecoder reads it, strictly. */
export const readUtf8: ReadText = (bytes) => strictDecoder.decode(bytes);

/** Reads with `ascii` where the bytes are all ASCII, as UTF-8 otherwise (and everywhere without it). */
export function textReader(ascii?: ReadAscii): ReadText {
  return ascii ? (bytes) => ascii(bytes) ?? strictDecoder.decode(bytes) : readUtf8;
}
