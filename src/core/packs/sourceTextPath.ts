import * as l10n from '@vscode/l10n';

/**
 * Where a pack's `textFile` points, as a URI path: relative to the pack file,
 * with "." and ".." resolved, and only inside the workspace folder that holds
 * the pack. Otherwise says why it is refused. Symbolic links are checked on
 * disk (sourceTextDisk.ts); this is the part that needs no file system.
 */
export function sourceTextPath(folderPath: string, packPath: string, relative: string): { path: string } | { refused: string } {
  if (/^[a-z][a-z0-9+.-]*:|^[\\/]/i.test(relative) || relative.includes('\\') || relative.includes('\0')) {
    return { refused: l10n.t('a text file is given by a path relative to the pack, with "/" between folders') };
  }
  const parts = packPath.split('/').slice(0, -1);
  for (const part of relative.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length <= 1) return { refused: outside() };
      parts.pop();
    } else parts.push(part);
  }
  const path = parts.join('/');
  return isInside(folderPath, path) ? { path } : { refused: outside() };
}

function outside(): string {
  return l10n.t('it is outside the workspace folder that holds the pack');
}

/** Whether `target` lies under `folder` (not the folder itself), both with `sep` between names. */
export function isInside(folder: string, target: string, sep = '/'): boolean {
  const base = folder.endsWith(sep) ? folder : folder + sep;
  return target.startsWith(base);
}
