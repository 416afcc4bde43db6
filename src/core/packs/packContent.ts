/**
 * A pack file's content as its reader has it: the text, or the bytes read
 * from disk (UTF-8). Bytes are decoded only where the pack is parsed: a
 * window reload that finds every pack in the cache of parsed packs hashes
 * the bytes as they were read and never makes their text.
 */
export type PackContent = string | Uint8Array;

const decoder = new TextDecoder('utf-8');
const encoder = new TextEncoder();

/** The text of a pack file's content, decoded as a file's bytes are read as text: UTF-8, a leading byte-order mark dropped. */
export function packText(content: PackContent): string {
  return typeof content === 'string' ? content : decoder.decode(content);
}

/**
 * A file's bytes less a leading byte-order mark: the UTF-8 of the text
 * `packText` gives, read back the same with the mark kept (`ignoreBOM`).
 */
export function withoutByteOrderMark(bytes: Uint8Array): Uint8Array {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
}

/** Characters encoded a step: a few milliseconds. */
const ENCODE_SLICE = 256 * 1024;

/**
 * A text's UTF-8 bytes, encoded a slice at a time with `between` run after
 * each: encoding a pack file of several megabytes at once holds its thread
 * for tens of milliseconds.
 */
export async function utf8InSlices(text: string, between: () => Promise<void>): Promise<Uint8Array> {
  if (text.length <= ENCODE_SLICE) return encoder.encode(text);
  // Files loaded together each start here: each waits its turn before its buffer is made.
  await between();
  const out = new Uint8Array(text.length * 3);
  let read = 0;
  let written = 0;
  while (read < text.length) {
    let end = Math.min(read + ENCODE_SLICE, text.length);
    // A slice never ends between the two halves of a character outside the Basic Multilingual Plane.
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
    written += encoder.encodeInto(text.slice(read, end), out.subarray(written)).written;
    read = end;
    await between();
  }
  return out.subarray(0, written);
}

/** Bytes copied a step: a copy into new memory of a file of megabytes at once held its thread for tens of milliseconds. */
const COPY_SLICE = 1024 * 1024;

/**
 * A copy of `bytes` (into `out`, where given), made a slice at a time with
 * `between` run before each (see utf8InSlices).
 */
export async function copyInSlices(bytes: Uint8Array, between: () => Promise<void>, out = new Uint8Array(bytes.length)): Promise<Uint8Array> {
  for (let at = 0; at < bytes.length; at += COPY_SLICE) {
    if (bytes.length > COPY_SLICE) await between();
    out.set(bytes.subarray(at, at + COPY_SLICE), at);
  }
  return out;
}
