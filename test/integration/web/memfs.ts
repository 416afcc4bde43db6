// A file system that lives in memory (scheme memfs:), as a virtual workspace
// folder is for VS Code for the Web: nothing on disk, every read and write
// through vscode.workspace.fs, every change reported as it happens. The web
// worker run opens memfs:/book as a second workspace folder
// (scripts/vscode-test-web.mjs); web/index.ts registers this provider first.

import * as vscode from 'vscode';

type Dir = { type: vscode.FileType.Directory; entries: Map<string, Entry>; ctime: number; mtime: number };
type Entry = { type: vscode.FileType.File; data: Uint8Array; ctime: number; mtime: number } | Dir;

class MemFs implements vscode.FileSystemProvider {
  private readonly root: Dir = { type: vscode.FileType.Directory, entries: new Map(), ctime: Date.now(), mtime: Date.now() };
  private readonly emitter = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.emitter.event;

  watch(): vscode.Disposable {
    // Every change is reported (see fire), whoever watches.
    return new vscode.Disposable(() => undefined);
  }

  stat(uri: vscode.Uri): vscode.FileStat {
    const e = this.find(uri);
    return { type: e.type, ctime: e.ctime, mtime: e.mtime, size: e.type === vscode.FileType.File ? e.data.byteLength : 0 };
  }

  readDirectory(uri: vscode.Uri): [string, vscode.FileType][] {
    return [...this.dir(uri).entries].map(([name, e]) => [name, e.type]);
  }

  createDirectory(uri: vscode.Uri): void {
    const { parent, name } = this.parentOf(uri);
    if (parent.entries.has(name)) throw vscode.FileSystemError.FileExists(uri);
    parent.entries.set(name, { type: vscode.FileType.Directory, entries: new Map(), ctime: Date.now(), mtime: Date.now() });
    this.fire(uri, vscode.FileChangeType.Created);
  }

  readFile(uri: vscode.Uri): Uint8Array {
    const e = this.find(uri);
    if (e.type !== vscode.FileType.File) throw vscode.FileSystemError.FileIsADirectory(uri);
    return e.data;
  }

  writeFile(uri: vscode.Uri, content: Uint8Array, options: { create: boolean; overwrite: boolean }): void {
    const { parent, name } = this.parentOf(uri);
    const existing = parent.entries.get(name);
    if (existing?.type === vscode.FileType.Directory) throw vscode.FileSystemError.FileIsADirectory(uri);
    if (!existing && !options.create) throw vscode.FileSystemError.FileNotFound(uri);
    if (existing && !options.overwrite) throw vscode.FileSystemError.FileExists(uri);
    parent.entries.set(name, { type: vscode.FileType.File, data: content, ctime: existing?.ctime ?? Date.now(), mtime: Date.now() });
    this.fire(uri, existing ? vscode.FileChangeType.Changed : vscode.FileChangeType.Created);
  }

  delete(uri: vscode.Uri): void {
    const { parent, name } = this.parentOf(uri);
    if (!parent.entries.delete(name)) throw vscode.FileSystemError.FileNotFound(uri);
    this.fire(uri, vscode.FileChangeType.Deleted);
  }

  rename(from: vscode.Uri, to: vscode.Uri, options: { overwrite: boolean }): void {
    const source = this.parentOf(from);
    const entry = source.parent.entries.get(source.name);
    if (!entry) throw vscode.FileSystemError.FileNotFound(from);
    const target = this.parentOf(to);
    if (target.parent.entries.has(target.name) && !options.overwrite) throw vscode.FileSystemError.FileExists(to);
    source.parent.entries.delete(source.name);
    target.parent.entries.set(target.name, entry);
    this.emitter.fire([
      { type: vscode.FileChangeType.Deleted, uri: from },
      { type: vscode.FileChangeType.Created, uri: to },
    ]);
  }

  private fire(uri: vscode.Uri, type: vscode.FileChangeType): void {
    this.emitter.fire([{ type, uri }]);
  }

  private find(uri: vscode.Uri): Entry {
    let e: Entry = this.root;
    for (const part of uri.path.split('/').filter(Boolean)) {
      const next: Entry | undefined = e.type === vscode.FileType.Directory ? e.entries.get(part) : undefined;
      if (!next) throw vscode.FileSystemError.FileNotFound(uri);
      e = next;
    }
    return e;
  }

  private dir(uri: vscode.Uri): Dir {
    const e = this.find(uri);
    if (e.type !== vscode.FileType.Directory) throw vscode.FileSystemError.FileNotADirectory(uri);
    return e;
  }

  private parentOf(uri: vscode.Uri): { parent: Dir; name: string } {
    const name = uri.path.replace(/\/+$/, '').replace(/^.*\//, '');
    return { parent: this.dir(vscode.Uri.joinPath(uri, '..')), name };
  }
}

/** Registers memfs: with the folder /book in it. */
export function registerMemFs(): vscode.Disposable {
  const fs = new MemFs();
  fs.createDirectory(vscode.Uri.parse('memfs:/book'));
  return vscode.workspace.registerFileSystemProvider('memfs', fs, { isCaseSensitive: true });
}
