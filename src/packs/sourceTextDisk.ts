import { isInside } from '../core/packs/sourceTextPath';

/** The part of Node's `fs.promises` this needs: passed in, so that no bundle for the web holds Node's file system. */
export interface DiskAccess {
  realpath(p: string): Promise<string>;
  stat(p: string): Promise<{ isFile(): boolean; size: number }>;
}

/**
 * On disk, before a source text is read: the file, with symbolic links
 * followed, must still be inside the workspace folder (also resolved), be a
 * file, and be no larger than `maxBytes`. Undefined when it may be read;
 * otherwise why not. Nothing of the file is read here.
 */
export async function refusedOnDisk(disk: DiskAccess, sep: string, folder: string, target: string, maxBytes: number): Promise<string | undefined> {
  const [realFolder, realTarget] = await Promise.all([disk.realpath(folder), disk.realpath(target)]);
  if (!isInside(realFolder, realTarget, sep)) return 'it links to a file outside the workspace folder that holds the pack';
  const stat = await disk.stat(realTarget);
  if (!stat.isFile()) return 'it is not a file';
  if (stat.size > maxBytes) return sizeRefusal(stat.size, maxBytes);
  return undefined;
}

export function sizeRefusal(size: number, maxBytes: number): string {
  return `it is ${Math.ceil(size / 1024)} KiB; source texts are limited to ${Math.floor(maxBytes / 1024)} KiB (setting agreementCite.packs.maxSourceTextKB)`;
}
