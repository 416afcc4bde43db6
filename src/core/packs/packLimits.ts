import * as l10n from '@vscode/l10n';
import type { Problem } from '../types';

// Kept apart from packLoader.ts, which imports the YAML parser: the adapters
// check sizes at activation, and importing these from the loader would make
// every activation evaluate the parser too (see docs/PERFORMANCE.md).

/** Largest pack file read by default: 5 MiB, well above a hand-written pack, small enough to parse off the typing path. */
export const DEFAULT_MAX_PACK_BYTES = 5 * 1024 * 1024;

/** Longest text a pack field holds: a fact's `text`, a note, an excerpt. */
export const MAX_TEXT_CHARS = 20_000;

/**
 * Longest value read from a pack file as it is written (indentation, line
 * breaks and escapes included): five times the longest text. A longer one is
 * refused before it is composed, which takes far longer per character than
 * reading the file.
 */
export const MAX_VALUE_CHARS = 100_000;

/** Deepest nesting of YAML collections read: deeper input would exhaust the parser's stack. */
export const MAX_NESTING = 64;

/** More values than any list inside a fact, a source or a pack's head may hold: twice the longest (500 forms of a name). */
export const MAX_LIST_VALUES = 1_000;

/** Most lines in a row that hold nothing but white space: each costs the YAML parser several tokens. */
export const MAX_BLANK_LINES = 1_000;

/** The problem of a pack file over the size limit, which is not read at all. */
export function tooLargeProblem(file: string, bytes: number, maxBytes: number): Problem {
  const start = { line: 0, character: 0 };
  return {
    file,
    range: { start, end: start },
    code: 'file-too-large',
    severity: 'error',
    message: l10n.t(
      'The pack file is {0}; packs are limited to {1} (setting agreementCite.packs.maxFileSizeKB). Split it into several files.',
      formatBytes(bytes),
      formatBytes(maxBytes),
    ),
  };
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} bytes`;
}

/**
 * The problem of a pack file whose load failed on an unexpected error: shown
 * in the file, so that the writer sees it and a fix reloads it, while every
 * other pack stays in use.
 */
export function loadFailedProblem(file: string, error: unknown): Problem {
  const start = { line: 0, character: 0 };
  const detail = error instanceof Error ? error.message : String(error);
  return {
    file,
    range: { start, end: start },
    code: 'load-failed',
    severity: 'error',
    message: l10n.t('The pack could not be loaded ({0}). The other packs stay in use; saving the file tries again.', detail.slice(0, 200)),
  };
}
