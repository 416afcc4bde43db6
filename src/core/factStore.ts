import { buildFactIndex, emptyLocations, type BuildOptions, type FactIndex, type LoadedPack } from './factIndex';
import type { LoadOptions, LoadResult } from './packLoader';
import type { Pack, Problem } from './types';

export type PackParser = (text: string, file: string, options: LoadOptions) => LoadResult;

interface WorkspacePackState {
  /** The last version that loaded without errors: kept in use while the file is broken. */
  good?: LoadedPack;
  /** Problems of the file's current text. */
  problems: Problem[];
}

export interface StoreChange {
  index: FactIndex;
  /** Every current problem, by file. */
  problems: ReadonlyMap<string, Problem[]>;
}

/**
 * The fact base in use: the bundled pack plus writers' packs, rebuilt into
 * one index on every change. A pack file that fails to load keeps its last
 * good version in use; its problems are reported against the file.
 */
export class FactStore {
  private readonly workspace = new Map<string, WorkspacePackState>();
  private current: FactIndex;
  private indexProblems: Problem[] = [];
  private readonly listeners = new Set<(change: StoreChange) => void>();

  /**
   * `parse` is `parsePackText`, passed in so that the YAML parser is loaded
   * only when a writer's pack is read: the bundled pack is compiled at build time.
   */
  constructor(
    private readonly bundled: LoadedPack,
    private readonly parse: PackParser,
    private readonly options: LoadOptions & BuildOptions = {},
  ) {
    const built = buildFactIndex([bundled], options);
    this.current = built.index;
    this.indexProblems = built.problems;
  }

  get index(): FactIndex {
    return this.current;
  }

  /** Loads or reloads a writer's pack file from its text. Returns the file's problems. */
  setWorkspacePack(file: string, text: string): Problem[] {
    const r = this.parse(text, file, this.options);
    const hasErrors = r.problems.some((p) => p.severity === 'error');
    const prior = this.workspace.get(file);
    const state: WorkspacePackState = { problems: r.problems, good: prior?.good };
    if (!hasErrors && r.pack) state.good = { pack: r.pack, locations: r.locations, origin: 'workspace' };
    else if (prior?.good) {
      state.problems = [...r.problems, {
        file, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, code: 'last-good-in-use', severity: 'info',
        message: 'This pack has errors: its last version that loaded cleanly stays in use until they are fixed.',
      }];
    }
    this.workspace.set(file, state);
    this.rebuild();
    return this.problemsOf(file);
  }

  removeWorkspacePack(file: string): void {
    if (this.workspace.delete(file)) this.rebuild();
  }

  /** Problems of one file: its own, and those the merged index found in it. */
  problemsOf(file: string): Problem[] {
    return [...(this.workspace.get(file)?.problems ?? []), ...this.indexProblems.filter((p) => p.file === file)];
  }

  get workspaceFiles(): string[] {
    return [...this.workspace.keys()];
  }

  onDidChange(listener: (change: StoreChange) => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  private rebuild(): void {
    const packs = [this.bundled, ...[...this.workspace.values()].map((s) => s.good).filter((p): p is LoadedPack => p !== undefined)];
    const built = buildFactIndex(packs, this.options);
    this.current = built.index;
    this.indexProblems = built.problems;
    const problems = new Map<string, Problem[]>();
    for (const file of this.workspace.keys()) problems.set(file, this.problemsOf(file));
    for (const l of this.listeners) l({ index: built.index, problems });
  }
}

/** The bundled pack as compiled into the extension at build time. */
export function bundledLoadedPack(pack: Pack): LoadedPack {
  return { pack, locations: emptyLocations('bundled'), origin: 'bundled' };
}
