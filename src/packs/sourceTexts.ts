import * as vscode from 'vscode';
import { sourceTextPath } from '../core/packs/sourceTextPath';
import { refusedOnDisk, sizeRefusal, type DiskAccess } from './sourceTextDisk';

/** A source text read longer than this is given up: a file that never answers must not hold up loading. */
export const SOURCE_TEXT_TIMEOUT_MS = 10_000;
/** Default `agreementCite.packs.maxSourceTextKB`. */
export const DEFAULT_MAX_SOURCE_TEXT_KB = 4096;

const decoder = new TextDecoder('utf-8');

export type SourceTextResult = { text: string } | { refused: string };

/**
 * Reads a source's local text (`textFile`, relative to the pack file) for the
 * evidence check, only from inside the workspace folder that holds the pack:
 * after `..` is resolved and, on disk, after symbolic links are followed. A
 * file over `maxBytes` is not read, and a read that takes longer than the
 * timeout is given up. Otherwise says why it was refused.
 */
export async function readSourceText(pack: vscode.Uri, relative: string, maxBytes: number, timeoutMs = SOURCE_TEXT_TIMEOUT_MS): Promise<SourceTextResult> {
  const folder = vscode.workspace.getWorkspaceFolder(pack);
  if (!folder) return { refused: 'the pack is not inside a workspace folder' };
  const where = sourceTextPath(folder.uri.path, pack.path, relative);
  if ('refused' in where) return where;
  const target = pack.with({ path: where.path, query: '', fragment: '' });
  if (target.scheme !== folder.uri.scheme || target.authority !== folder.uri.authority) {
    return { refused: 'it is outside the workspace folder that holds the pack' };
  }
  return withTimeout(
    (async (): Promise<SourceTextResult> => {
      const disk = target.scheme === 'file' ? nodeDisk() : undefined;
      if (disk) {
        const refused = await refusedOnDisk(disk, realSeparator(), folder.uri.fsPath, target.fsPath, maxBytes);
        if (refused) return { refused };
      }
      const stat = await vscode.workspace.fs.stat(target);
      if ((stat.type & vscode.FileType.File) === 0) return { refused: 'it is not a file' };
      if (stat.size > maxBytes) return { refused: sizeRefusal(stat.size, maxBytes) };
      const bytes = await vscode.workspace.fs.readFile(target);
      if (bytes.byteLength > maxBytes)
        return { refused: `it is over the limit of ${Math.floor(maxBytes / 1024)} KiB (setting agreementCite.packs.maxSourceTextKB)` };
      return { text: decoder.decode(bytes) };
    })().catch((e: unknown) => ({ refused: `it could not be read (${e instanceof Error ? e.message : String(e)})` })),
    timeoutMs,
  );
}

function realSeparator(): string {
  return typeof process !== 'undefined' && process.platform === 'win32' ? '\\' : '/';
}

/** Node's file system, where it is there (not in VS Code for the Web). */
function nodeDisk(): DiskAccess | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require('fs') as typeof import('fs')).promises;
  } catch {
    return undefined;
  }
}

function withTimeout(work: Promise<SourceTextResult>, ms: number): Promise<SourceTextResult> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<SourceTextResult>((resolve) => {
    timer = setTimeout(() => resolve({ refused: `reading it took longer than ${ms / 1000} s` }), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}
