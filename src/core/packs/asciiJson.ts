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

/** The hex digits of an escape, as bytes. */
const HEX = new Uint8Array([48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 97, 98, 99, 100, 101, 102]);

/**
 * `JSON.stringify(value)` as bytes that are all ASCII: each UTF-16 unit past
 * ASCII written as `\uXXXX` (a character outside the Basic Multilingual Plane
 * as its two halves, as JSON writes a lone one). JSON.parse gives back the
 * same value as from the plain JSON.
 */
export function asciiJson(value: unknown): Uint8Array {
  return asciiBytes(JSON.stringify(value) ?? 'null');
}

/** The bytes `asciiBytes` makes of `json`: a unit past ASCII takes six. */
export function asciiLength(json: string): number {
  let n = json.length;
  for (let i = 0; i < json.length; i++) if (json.charCodeAt(i) > 127) n += 5;
  return n;
}

/** A JSON text as bytes that are all ASCII (see asciiJson). */
export function asciiBytes(json: string): Uint8Array {
  const wide = (asciiLength(json) - json.length) / 5;
  if (wide === 0) return encoder.encode(json);
  const out = new Uint8Array(json.length + wide * 5);
  let at = 0;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (c < 128) out[at++] = c;
    else {
      out[at] = 92; // \
      out[at + 1] = 117; // u
      out[at + 2] = HEX[c >> 12];
      out[at + 3] = HEX[(c >> 8) & 15];
      out[at + 4] = HEX[(c >> 4) & 15];
      out[at + 5] = HEX[c & 15];
      at += 6;
    }
  }
  return out;
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
