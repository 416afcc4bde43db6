import * as vscode from 'vscode';
import type { FactStore } from '../core/facts/factStore';
import { loadFailedProblem, tooLargeProblem } from '../core/packs/packLimits';
import { formatLocation } from '../core/document/text';
import type { Problem } from '../core/types';
import type { Log } from '../workbench/log';
import { DEFAULT_MAX_SOURCE_TEXT_KB, readSourceText } from './sourceTexts';
import { toDiagnostic } from '../workbench/positions';

import { DEFAULT_PACK_GLOBS } from '../core/settings';

export { DEFAULT_PACK_GLOBS };

/** Reloads wait this long after the last change to a pack file, so a burst of saves loads once. */
const DEBOUNCE_MS = 150;

/** At most this many paths created or changed in one burst are looked at for new folders. */
const MAX_CREATED_CHECKED = 200;

function readSettings(): { globs: string[]; maxBytes: number; maxSourceTextBytes: number } {
  const c = vscode.workspace.getConfiguration('agreementCite.packs');
  const globs = c.get<unknown>('include', DEFAULT_PACK_GLOBS);
  const kb = c.get<number>('maxFileSizeKB', 5120);
  const textKb = c.get<number>('maxSourceTextKB', DEFAULT_MAX_SOURCE_TEXT_KB);
  return {
    globs: Array.isArray(globs) ? globs.filter((g): g is string => typeof g === 'string' && g.trim() !== '') : DEFAULT_PACK_GLOBS,
    maxBytes: Math.max(1, Number.isFinite(kb) ? kb : 5120) * 1024,
    maxSourceTextBytes: Math.max(1, Number.isFinite(textKb) ? textKb : DEFAULT_MAX_SOURCE_TEXT_KB) * 1024,
  };
}

/**
 * Writers' pack files in the workspace: found by the `agreementCite.packs.include`
 * globs, read through `vscode.workspace.fs`, reloaded when created, changed or
 * deleted, with every problem shown in the pack file itself. In Restricted
 * Mode no workspace pack is read, until the workspace is trusted.
 */
export class WorkspacePacks implements vscode.Disposable {
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('agreementCite.packs');
  private watchers: vscode.Disposable[] = [];
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();
  /** Reads scheduled per file so far: a deletion checked meanwhile yields to them. */
  private readonly events = new Map<string, number>();
  private readonly disposables: vscode.Disposable[] = [];
  private settings = readSettings();
  private disposed = false;

  constructor(
    private readonly store: FactStore,
    private readonly log: Log,
  ) {
    this.disposables.push(
      this.diagnostics,
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('agreementCite.packs')) void this.restart();
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => void this.restart()),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.restart()),
      // A pack saved in the editor is reloaded at once, without waiting for the file watcher.
      vscode.workspace.onDidSaveTextDocument((doc) => {
        if (vscode.workspace.isTrusted && this.settings.globs.some((pattern) => vscode.languages.match({ pattern }, doc) > 0)) this.schedule(doc.uri);
      }),
    );
  }

  /** Finds and loads every pack; resolves when all have loaded. */
  async start(): Promise<void> {
    await this.restart();
  }

  private async restart(): Promise<void> {
    if (this.disposed) return;
    this.settings = readSettings();
    this.store.setMaxBytes(this.settings.maxBytes);
    for (const w of this.watchers) w.dispose();
    this.watchers = [];
    if (!vscode.workspace.isTrusted) {
      this.log.info('Restricted Mode: workspace fact packs are not read until the workspace is trusted; the bundled pack is in use.');
      for (const file of this.store.workspaceFiles) void this.store.removeWorkspacePack(file);
      this.diagnostics.clear();
      return;
    }
    // Deleting a folder reports the folder only: drop every pack that was inside it.
    // Creating a folder with a pack in it (a copy, a checkout, a first pack)
    // can report the folder only too: the file may be written before the
    // folder is watched. A new folder is searched for packs. A folder deleted
    // and made again at once is reported as changed (VS Code joins the two
    // events), so a changed folder is searched too.
    const folders = vscode.workspace.createFileSystemWatcher('**/*');
    folders.onDidDelete(
      (uri) => {
        const prefix = `${uri.toString()}/`;
        for (const file of this.store.workspaceFiles) if (file.startsWith(prefix)) void this.removeIfGone(vscode.Uri.parse(file));
      },
      undefined,
      this.watchers,
    );
    folders.onDidCreate((uri) => this.noteCreated(uri), undefined, this.watchers);
    folders.onDidChange((uri) => this.noteCreated(uri), undefined, this.watchers);
    this.watchers.push(folders);
    const found = new Map<string, vscode.Uri>();
    for (const glob of this.settings.globs) {
      const watcher = vscode.workspace.createFileSystemWatcher(glob);
      watcher.onDidCreate((uri) => this.schedule(uri), undefined, this.watchers);
      watcher.onDidChange((uri) => this.schedule(uri), undefined, this.watchers);
      watcher.onDidDelete((uri) => void this.removeIfGone(uri), undefined, this.watchers);
      this.watchers.push(watcher);
      for (const uri of await vscode.workspace.findFiles(glob, '**/node_modules/**', 1000)) found.set(uri.toString(), uri);
    }
    // All of them with one rebuild of the index at the end, then reported: not a rebuild per file (docs/PERFORMANCE.md).
    let results: vscode.Uri[];
    try {
      results = await this.store.batch(async () => {
        for (const file of this.store.workspaceFiles) {
          if (!found.has(file)) this.remove(vscode.Uri.parse(file));
        }
        return Promise.all(
          [...found.values()].map(async (uri) => {
            await this.read(uri);
            return uri;
          }),
        );
      });
    } catch (e) {
      // One pack broke the joint rebuild: each is loaded on its own, so that only that one fails.
      this.log.warn(`Loading the packs together failed (${e instanceof Error ? e.message : String(e)}); loading them one by one.`);
      results = [...found.values()];
      for (const uri of results) await this.read(uri);
    }
    this.publish();
    // Asked again now: the problems the merged index finds (ids across packs, references) exist only after the rebuild.
    for (const uri of results) this.report(uri, this.store.problemsOf(uri.toString()));
    this.log.info(`Fact base: ${this.store.index.facts.length} facts from the bundled pack and ${found.size} workspace pack${found.size === 1 ? '' : 's'}.`);
  }

  /** Created or changed paths, gathered for one search once a burst of them is over. */
  private created = new Set<string>();
  private createdTimer: ReturnType<typeof setTimeout> | undefined;

  private noteCreated(uri: vscode.Uri): void {
    // An install or a checkout creates thousands of these: never a writer's pack folder.
    if (/\/(?:node_modules|\.git)(?:\/|$)/.test(uri.path)) return;
    if (this.created.size < MAX_CREATED_CHECKED) this.created.add(uri.toString());
    clearTimeout(this.createdTimer);
    this.createdTimer = setTimeout(() => void this.searchNewFolders(), DEBOUNCE_MS);
  }

  /** If any of those paths is a folder, finds the packs not yet known and loads them. */
  private async searchNewFolders(): Promise<void> {
    const created = [...this.created];
    this.created.clear();
    const isFolder = await Promise.all(
      created.map((u) =>
        vscode.workspace.fs.stat(vscode.Uri.parse(u)).then(
          (s) => (s.type & vscode.FileType.Directory) !== 0,
          () => false,
        ),
      ),
    );
    if (!isFolder.some(Boolean) || !vscode.workspace.isTrusted) return;
    const known = new Set(this.store.workspaceFiles);
    for (const glob of this.settings.globs) {
      for (const uri of await vscode.workspace.findFiles(glob, '**/node_modules/**', 1000)) {
        const key = uri.toString();
        if (!known.has(key) && !this.pending.has(key)) this.schedule(uri);
      }
    }
  }

  private schedule(uri: vscode.Uri): void {
    const key = uri.toString();
    this.events.set(key, (this.events.get(key) ?? 0) + 1);
    clearTimeout(this.pending.get(key));
    this.pending.set(
      key,
      setTimeout(() => {
        this.pending.delete(key);
        void this.load(uri);
      }, DEBOUNCE_MS),
    );
  }

  /** Loads one pack file; a file that cannot be read or has errors keeps its last good version in use. */
  async load(uri: vscode.Uri): Promise<Problem[]> {
    const problems = await this.read(uri);
    this.publish();
    this.report(uri, problems);
    return problems;
  }

  /** Reads a pack file into the store; returns its problems. */
  private async read(uri: vscode.Uri): Promise<Problem[]> {
    const file = uri.toString();
    // Taken before reading: a slow read of a file since deleted or changed must not replace a newer load.
    const ticket = this.store.ticket(file);
    // Its bytes as read: a pack found in the cache of parsed packs is never decoded (src/core/packs/packContent.ts).
    let bytes: Uint8Array | undefined;
    let failure: Problem | undefined;
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      // A file over the limit is not read at all.
      if (stat.size > this.settings.maxBytes) failure = tooLargeProblem(file, stat.size, this.settings.maxBytes);
      else bytes = await vscode.workspace.fs.readFile(uri);
    } catch (e) {
      const start = { line: 0, character: 0 };
      failure = {
        file,
        range: { start, end: start },
        code: 'unreadable',
        severity: 'error',
        message: vscode.l10n.t('The pack file could not be read: {0}', e instanceof Error ? e.message : String(e)),
      };
    }
    if (bytes === undefined) return this.store.failWorkspacePack(file, [failure!], ticket);
    try {
      return await this.store.loadWorkspacePack(file, bytes, (relative) => this.readSourceText(uri, relative), vscode.workspace.asRelativePath(uri), ticket);
    } catch (e) {
      // A load that throws: the file is dropped from the fact base, so that the
      // other packs stay in use, and shows why; saving it tries again.
      await this.store.removeWorkspacePack(file).catch(() => undefined);
      return this.store.failWorkspacePack(file, [loadFailedProblem(file, e)]);
    }
  }

  /** A source's local text, from inside the pack's workspace folder only; undefined (a problem in the pack) otherwise. */
  private async readSourceText(pack: vscode.Uri, relative: string): Promise<string | undefined> {
    const r = await readSourceText(pack, relative, this.settings.maxSourceTextBytes);
    if ('text' in r) return r.text;
    this.log.warn(`${vscode.workspace.asRelativePath(pack)}: the text file "${relative}" is not read: ${r.refused}.`);
    return undefined;
  }

  /** Logs how a pack file's load went. */
  private report(uri: vscode.Uri, problems: readonly Problem[]): void {
    const file = uri.toString();
    const errors = problems.filter((p) => p.severity === 'error');
    const name = vscode.workspace.asRelativePath(uri);
    if (errors.length === 0) this.log.info(`${name}: loaded (${this.factCount(file)} facts).`);
    else {
      this.log.warn(
        `${name}: ${errors.length} error${errors.length === 1 ? '' : 's'}${this.factCount(file) > 0 ? '; its last good version stays in use' : ''}.`,
      );
      for (const p of errors) this.log.warn(`  ${formatLocation(name, p.range.start)}: ${p.message}`);
    }
  }

  private factCount(file: string): number {
    return this.store.index.facts.filter((f) => f.pack.locations.file === file).length;
  }

  /**
   * A deletion the watcher reports: events can come late, after the file (or
   * its folder) was made again, so a pack is dropped only if it is really
   * gone, and read again if it is there.
   */
  private async removeIfGone(uri: vscode.Uri): Promise<void> {
    const file = uri.toString();
    const seen = this.events.get(file) ?? 0;
    const exists = await vscode.workspace.fs.stat(uri).then(
      () => true,
      () => false,
    );
    // An event that came while the file was looked at (made again, changed) is
    // newer than this deletion: the read it scheduled stands.
    if ((this.events.get(file) ?? 0) !== seen) return;
    if (exists) this.schedule(uri);
    else this.remove(uri);
  }

  private remove(uri: vscode.Uri): void {
    const file = uri.toString();
    clearTimeout(this.pending.get(file));
    this.pending.delete(file);
    const removed = this.store.removeWorkspacePack(file);
    this.publish();
    void removed.then(() => {
      this.publish();
      this.log.info(`${vscode.workspace.asRelativePath(uri)}: removed; its facts are no longer offered.`);
    });
  }

  /** Shows every file's current problems, clearing those of files that have none. */
  private publish(): void {
    this.diagnostics.clear();
    for (const file of this.store.workspaceFiles) {
      const problems = this.store.problemsOf(file);
      if (problems.length > 0) this.diagnostics.set(vscode.Uri.parse(file), problems.map(toDiagnostic));
    }
  }

  dispose(): void {
    this.disposed = true;
    for (const t of this.pending.values()) clearTimeout(t);
    clearTimeout(this.createdTimer);
    for (const w of this.watchers) w.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

/**
 * Finds, watches and loads the workspace packs once activation is over:
 * activation neither waits for the search nor sets up the watchers.
 */
export function registerWorkspacePacks(store: FactStore, log: Log): { disposable: vscode.Disposable; ready: Promise<void> } {
  let packs: WorkspacePacks | undefined;
  let disposed = false;
  const ready = new Promise<void>((resolve) => setTimeout(resolve, 0)).then(() => {
    if (disposed) return;
    packs = new WorkspacePacks(store, log);
    return packs.start();
  });
  return {
    disposable: new vscode.Disposable(() => {
      disposed = true;
      packs?.dispose();
    }),
    ready,
  };
}
