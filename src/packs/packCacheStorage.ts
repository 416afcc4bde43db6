import * as vscode from 'vscode';
import { PackCache, type CacheStorage, type PackCacheOptions } from '../core/packs/packCache';
import { nextTurn } from '../platform/nextTurn';

/** Where the secret that signs cache entries is kept: VS Code's state, not the storage folder the entries are in. */
const SECRET_KEY = 'agreementCite.packCache.secret';
const FOLDER = 'pack-cache';

/** A folder of cache entries read and written through `vscode.workspace.fs`, so the same code runs in VS Code for the Web. */
export function workspaceFsStorage(folder: vscode.Uri): CacheStorage {
  const fs = vscode.workspace.fs;
  const uri = (name: string): vscode.Uri => vscode.Uri.joinPath(folder, name);
  let made: Thenable<void> | undefined;
  return {
    read: (name) =>
      Promise.resolve(fs.readFile(uri(name))).then(
        (d) => d,
        () => undefined,
      ),
    write: async (name, data) => {
      made ??= fs.createDirectory(folder);
      await made;
      await fs.writeFile(uri(name), data);
    },
    delete: async (name) => {
      await fs.delete(uri(name));
    },
    list: async () => {
      const names = await Promise.resolve(fs.readDirectory(folder)).then(
        (entries) => entries,
        () => [],
      );
      const out: { name: string; size: number; mtime: number }[] = [];
      for (const [name, type] of names) {
        if (type !== vscode.FileType.File) continue;
        const stat = await Promise.resolve(fs.stat(uri(name))).then(
          (s) => s,
          () => undefined,
        );
        if (stat) out.push({ name, size: stat.size, mtime: stat.mtime });
      }
      return out;
    },
  };
}

function secretOf(context: vscode.ExtensionContext): Uint8Array {
  const kept = context.globalState.get<unknown>(SECRET_KEY);
  if (typeof kept === 'string' && /^[0-9a-f]{64}$/.test(kept)) return Uint8Array.from(kept.match(/../g)!.map((b) => parseInt(b, 16)));
  const secret = new Uint8Array(32);
  globalThis.crypto.getRandomValues(secret);
  void context.globalState.update(SECRET_KEY, [...secret].map((b) => b.toString(16).padStart(2, '0')).join(''));
  return secret;
}

/**
 * The cache of parsed writers' packs, in the workspace's storage folder (or
 * the extension's global one when no folder is open); undefined where the
 * host has no Web Crypto.
 */
export function createPackCache(
  context: vscode.ExtensionContext,
  host: Pick<PackCacheOptions, 'sha256' | 'readAscii' | 'writeAfter'> = {},
): PackCache | undefined {
  const base = context.storageUri ?? context.globalStorageUri;
  if (!base || !globalThis.crypto?.subtle) return undefined;
  // An entry keeps its problems' messages as written: one folder per display language.
  const folder = vscode.env.language === 'en' ? FOLDER : `${FOLDER}.${vscode.env.language.replace(/[^A-Za-z0-9-]/g, '_')}`;
  return new PackCache({
    storage: workspaceFsStorage(vscode.Uri.joinPath(base, folder)),
    secret: secretOf(context),
    yieldToHost: nextTurn,
    ...host,
  });
}
