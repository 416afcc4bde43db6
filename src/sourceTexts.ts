import * as vscode from 'vscode';

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
  if (/^[a-z][a-z0-9+.-]*:|^[\\/]/i.test(relative) || relative.includes('\\') || relative.includes('\0')) {
    return { refused: 'a text file is given by a path relative to the pack, with "/" between folders' };
  }
  const target = vscode.Uri.joinPath(pack, '..', relative);
  if (target.scheme !== folder.uri.scheme || target.authority !== folder.uri.authority || !inside(folder.uri.path, target.path)) {
    return { refused: 'it is outside the workspace folder that holds the pack' };
  }
  return withTimeout((async (): Promise<SourceTextResult> => {
    if (target.scheme === 'file') {
      const real = await realPaths(folder.uri.fsPath, target.fsPath);
      if (real && !inside(real.folder, real.target, realSeparator())) return { refused: 'it links to a file outside the workspace folder that holds the pack' };
    }
    const stat = await vscode.workspace.fs.stat(target);
    if ((stat.type & vscode.FileType.File) === 0) return { refused: 'it is not a file' };
    if (stat.size > maxBytes) return { refused: `it is ${Math.ceil(stat.size / 1024)} KiB; source texts are limited to ${Math.floor(maxBytes / 1024)} KiB (setting agreementCite.packs.maxSourceTextKB)` };
    const bytes = await vscode.workspace.fs.readFile(target);
    if (bytes.byteLength > maxBytes) return { refused: `it is over the limit of ${Math.floor(maxBytes / 1024)} KiB (setting agreementCite.packs.maxSourceTextKB)` };
    return { text: decoder.decode(bytes) };
  })().catch((e: unknown) => ({ refused: `it could not be read (${e instanceof Error ? e.message : String(e)})` })), timeoutMs);
}

function inside(folder: string, target: string, sep = '/'): boolean {
  const base = folder.endsWith(sep) ? folder : folder + sep;
  return target.startsWith(base);
}

function realSeparator(): string {
  return typeof process !== 'undefined' && process.platform === 'win32' ? '\\' : '/';
}

/** Both paths with symbolic links resolved, where Node's file system is there (not in VS Code for the Web). */
async function realPaths(folder: string, target: string): Promise<{ folder: string; target: string } | undefined> {
  let fs: typeof import('fs');
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    fs = require('fs') as typeof import('fs');
  } catch {
    return undefined;
  }
  return { folder: await fs.promises.realpath(folder), target: await fs.promises.realpath(target) };
}

function withTimeout(work: Promise<SourceTextResult>, ms: number): Promise<SourceTextResult> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<SourceTextResult>((resolve) => {
    timer = setTimeout(() => resolve({ refused: `reading it took longer than ${ms / 1000} s` }), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}
