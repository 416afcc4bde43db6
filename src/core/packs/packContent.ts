/**
 * A pack file's content as its reader has it: the text, or the bytes read
 * from disk (UTF-8). Bytes are decoded only where the pack is parsed: a
 * window reload that finds every pack in the cache of parsed packs hashes
 * the bytes as they were read and never makes their text.
 */
export type PackContent = string | Uint8Array;

const decoder = new TextDecoder('utf-8');

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
