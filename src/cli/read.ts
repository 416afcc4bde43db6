import fs from 'node:fs';
import { formatBytes } from '../core/packs/packLimits';

/** Drafts larger than this are not read unless `--max-file-size` says otherwise. */
export const DEFAULT_MAX_DOCUMENT_KB = 2048;

export type ReadResult = { ok: true; text: string; bom: boolean } | { ok: false; code: 'unreadable' | 'too-large' | 'binary' | 'not-utf8'; message: string };

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * A draft's text as the editor shows it: UTF-8 with any byte order mark
 * left out. A file that cannot be read, is over the size limit, holds binary
 * data (a NUL byte, as Git judges) or is not UTF-8 is not checked; the
 * reason says why.
 */
export function readDocument(file: string, maxBytes: number): ReadResult {
  let bytes: Buffer;
  try {
    const size = fs.statSync(file).size;
    if (size > maxBytes)
      return {
        ok: false,
        code: 'too-large',
        message: `not checked: the file is ${formatBytes(size)}, over the limit of ${formatBytes(maxBytes)} (--max-file-size, in KB)`,
      };
    bytes = fs.readFileSync(file);
  } catch (e) {
    return { ok: false, code: 'unreadable', message: `not checked: the file could not be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` };
  }
  if (bytes.subarray(0, 8000).includes(0)) return { ok: false, code: 'binary', message: 'not checked: the file holds binary data, not text' };
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  try {
    return { ok: true, text: decoder.decode(bom ? bytes.subarray(3) : bytes), bom };
  } catch {
    return { ok: false, code: 'not-utf8', message: 'not checked: the file is not UTF-8 text' };
  }
}
