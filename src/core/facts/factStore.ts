import * as l10n from '@vscode/l10n';
import {
  buildFactIndex,
  buildFactIndexSteps,
  emptyLocations,
  IndexMemo,
  type BuildOptions,
  type BuildResult,
  type EvidenceSummary,
  type FactIndex,
  type LoadedPack,
} from './factIndex';
import { now } from '../check/pace';
import { inSlices, SLICE_MS } from '../steps';
import { capProblems } from '../packs/problemCap';
import { checkProvenance, type EvidenceCheck } from './provenance';
import { snapshotSteps, type IndexSnapshot } from './indexSnapshot';
import type { LoadOptions, LoadResult } from '../packs/packLoader';
import { packText, type PackContent } from '../packs/packContent';
import type { Pack, Problem } from '../types';

/** Facts a step of a build the store runs in slices (`buildFactIndexSteps`). */
const FACTS_PER_BUILD_STEP = 20;

export type PackParser = (text: string, file: string, options: LoadOptions) => LoadResult;
/** A parser that may run elsewhere (the extension's worker thread), so that a large pack does not hold up the caller. */
export type AsyncPackParser = (content: PackContent, file: string, options: LoadOptions) => Promise<LoadResult>;

interface WorkspacePackState {
  /** The last version that loaded without errors: kept in use while the file is broken. */
  good?: LoadedPack;
  /** Problems of the file's current text. */
  problems: Problem[];
}

/**
 * How a store rebuilds its index without holding up its host: `yieldToHost`
 * lets the host answer requests between slices of the work, and `readying`
 * builds, in steps (a generator that yields between them), what an index
 * in use should have made ahead of requests (the completion buckets, the
 * picker's rows). It runs once the index is in use: a request that comes
 * first makes what it needs of it itself (a bucket, a kind's rows), and the
 * facts are in use without waiting for the rest.
 */
export interface StoreScheduling {
  yieldToHost: () => Promise<void>;
  readying?: (index: FactIndex) => Iterator<void, void, void>;
  /** Milliseconds of work between two yields (SLICE_MS by default: a pause of the collector that falls in a slice adds to it). */
  sliceMs?: number;
  /**
   * Where snapshots of built indexes are kept (the cache of parsed packs),
   * if anywhere: the store's first build of writers' packs takes the
   * snapshot of the same packs, when there is one, instead of judging every
   * fact and adding every alias again (a window reload), and each index put
   * in use is kept as the snapshot once readied.
   */
  snapshots?: () => SnapshotStore | undefined;
}

/** Snapshots of built indexes (IndexSnapshot), by a key of what they were built of (see PackCache). */
export interface SnapshotStore {
  snapshotKey(packs: readonly LoadedPack[], options: BuildOptions & LoadOptions): Promise<string | undefined>;
  readSnapshot(key: string): Promise<IndexSnapshot | undefined>;
  /** Resolves to whether it was written. */
  writeSnapshot(key: string, make: () => Iterator<void, IndexSnapshot | undefined, void>): Promise<boolean>;
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
  /** Load count per file, so that a slow load overtaken by a newer one is dropped. */
  private readonly versions = new Map<string, number>();
  /** Undefined until first asked for: see `index`. */
  private current?: FactIndex;
  private indexProblems: Problem[] = [];
  /** Open `batch` calls, and whether a change waits for the rebuild at the end of the outermost. */
  private batches = 0;
  private pendingRebuild = false;
  /** Loads begun and not yet in use, and who waits for none to be under way (`whenInUse`). */
  private loads = 0;
  private waitingForLoads: (() => void)[] = [];
  /** Rebuilds started; a rebuild in steps that a newer one overtook is dropped. */
  private rebuilds = 0;
  /** The latest rebuild: one overtaken waits for it. */
  private rebuilding: Promise<void> = Promise.resolve();
  /** The readying of the index in use (see StoreScheduling). */
  private readying: Promise<void> = Promise.resolve();
  private readonly listeners = new Set<(change: StoreChange) => void>();
  /**
   * The last index built, whose shares keep what each fact's checks found: a
   * rebuild judges again only the facts of the packs that changed (not those
   * read again as they were written) and those whose sources or referenced
   * facts did, and takes the other packs' shares whole (`memo.last` counts
   * the facts judged and kept).
   */
  readonly memo = new IndexMemo();
  /** The key of the snapshot written or taken last (see StoreScheduling.snapshots): the same one is not written again. */
  private snapshotKey?: string;

  /**
   * `parse` is `parsePackText`, passed in so that the YAML parser is loaded
   * only when a writer's pack is read: the bundled pack is compiled at build
   * time. `parseAsync`, when given, parses the packs `loadWorkspacePack` reads.
   * With `scheduling`, the changes made by `loadWorkspacePack`, `batch` and
   * `removeWorkspacePack` are indexed in slices, the index in use answering
   * until the new one is ready; without it (and always for
   * `setWorkspacePack`) at once. `bundled` may come later (`setBundled`).
   */
  constructor(
    private bundled: LoadedPack | undefined,
    private readonly parse: PackParser,
    private options: LoadOptions & BuildOptions = {},
    private readonly parseAsync?: AsyncPackParser,
    private readonly scheduling?: StoreScheduling,
  ) {}

  /** The largest pack file read (a writer's setting); applies from the next load. */
  setMaxBytes(maxBytes: number): void {
    this.options = { ...this.options, maxBytes };
  }

  /**
   * The fact base in use. The bundled pack's index is built on first use,
   * not when the store is made: activation only wires the extension up, and
   * the first request (or an idle moment after activation) pays for it.
   */
  get index(): FactIndex {
    if (!this.current) {
      const built = buildFactIndex(this.bundled ? [this.bundled] : [], this.options);
      this.current = built.index;
      this.indexProblems = built.problems;
    }
    return this.current;
  }

  /**
   * Puts the bundled pack in use, read after the store was made (the
   * extension reads it from its own folder after activation). Resolves when
   * the index holds it, or at once if no index was built yet: the first one
   * built will.
   */
  setBundled(bundled: LoadedPack): Promise<void> {
    this.bundled = bundled;
    return this.current || this.rebuilds > 0 ? this.changed(true) : Promise.resolve();
  }

  /**
   * Loads or reloads a writer's pack file from its text. `sourceTexts` holds
   * the local texts its sources point to (`textFile` → text, undefined when
   * unreadable), against which evidence is checked. Returns the file's problems.
   */
  setWorkspacePack(file: string, text: string, sourceTexts: ReadonlyMap<string, string | undefined> = new Map(), label?: string): Problem[] {
    this.versions.set(file, (this.versions.get(file) ?? 0) + 1);
    this.apply(file, this.parse(text, file, this.options), sourceTexts, label);
    this.changed(false);
    return this.problemsOf(file);
  }

  /**
   * A place in line for a file's next load, taken before the file is read: a
   * load or failure given an older ticket (one begun before the file was
   * deleted, changed or read again) is dropped when it arrives.
   */
  ticket(file: string): number {
    const version = (this.versions.get(file) ?? 0) + 1;
    this.versions.set(file, version);
    return version;
  }

  /**
   * As `setWorkspacePack`, reading each source's `textFile` through
   * `readRelative` (a path relative to the pack file). The file's content may
   * be its bytes as read (see PackContent). A result overtaken by a newer load
   * of the same file is dropped.
   */
  async loadWorkspacePack(
    file: string,
    content: PackContent,
    readRelative: (path: string) => Promise<string | undefined>,
    label?: string,
    ticket?: number,
  ): Promise<Problem[]> {
    this.loads++;
    try {
      return await this.load(file, content, readRelative, label, ticket);
    } finally {
      this.loads--;
      this.wakeWaiting();
    }
  }

  private async load(
    file: string,
    content: PackContent,
    readRelative: (path: string) => Promise<string | undefined>,
    label: string | undefined,
    ticket: number | undefined,
  ): Promise<Problem[]> {
    const version = ticket ?? this.ticket(file);
    if (this.versions.get(file) !== version) return this.problemsOf(file);
    const parsed = this.parseAsync ? await this.parseAsync(content, file, this.options) : this.parse(packText(content), file, this.options);
    // Receiving a large parse took a slice of the host's time already: what follows waits for the next turn.
    if (this.parseAsync && this.scheduling) await this.scheduling.yieldToHost();
    if (this.versions.get(file) !== version) return this.problemsOf(file);
    const texts = new Map<string, string | undefined>();
    for (const source of parsed.pack?.sources ?? []) {
      if (source.textFile && !texts.has(source.textFile)) texts.set(source.textFile, await readRelative(source.textFile).catch(() => undefined));
    }
    if (this.versions.get(file) !== version) return this.problemsOf(file);
    this.apply(file, parsed, texts, label);
    await this.changed(true);
    return this.problemsOf(file);
  }

  /**
   * Records that a pack file could not be loaded at all (unreadable, too
   * large): its last good version stays in use.
   */
  failWorkspacePack(file: string, problems: Problem[], ticket?: number): Problem[] {
    if (ticket !== undefined && this.versions.get(file) !== ticket) return this.problemsOf(file);
    this.versions.set(file, (this.versions.get(file) ?? 0) + 1);
    this.apply(file, { problems, locations: emptyLocations(file) }, new Map());
    // A file that failed whole changes nothing in use: its last good version stays.
    return this.problemsOf(file);
  }

  private apply(file: string, r: LoadResult, sourceTexts: ReadonlyMap<string, string | undefined>, label?: string): void {
    const hasErrors = r.problems.some((p) => p.severity === 'error');
    const prior = this.workspace.get(file);
    const state: WorkspacePackState = { problems: r.problems, good: prior?.good };
    const start = { line: 0, character: 0 };
    if (r.pack && (!hasErrors || !prior?.good)) {
      // A clean file replaces what was in use; a broken first version offers the facts that have no error.
      const loaded: LoadedPack = { pack: r.pack, locations: r.locations, origin: 'workspace', label };
      const provenance = checkProvenance(loaded, (source) => (source.textFile ? sourceTexts.get(source.textFile) : undefined));
      state.problems = [...r.problems, ...provenance.problems];
      state.good = { ...loaded, evidence: summarise(provenance.checks) };
      if (hasErrors) {
        state.problems.push({
          file,
          range: { start, end: start },
          code: 'partly-loaded',
          severity: 'info',
          message: l10n.t('This pack has errors: only its facts without errors are in use until they are fixed.'),
        });
      }
    } else if (prior?.good) {
      state.problems = [
        ...r.problems,
        {
          file,
          range: { start, end: start },
          code: 'last-good-in-use',
          severity: 'info',
          message: l10n.t('This pack has errors: its last version that loaded cleanly stays in use until they are fixed.'),
        },
      ];
    }
    this.workspace.set(file, state);
  }

  /** Forgets a pack file; resolves when the index no longer holds its facts. */
  removeWorkspacePack(file: string): Promise<void> {
    // Counted on, not forgotten: a load begun before the delete must lose to one begun after it.
    this.versions.set(file, (this.versions.get(file) ?? 0) + 1);
    return this.workspace.delete(file) ? this.changed(true) : Promise.resolve();
  }

  /** Problems of one file: its own, and those the merged index found in it. */
  problemsOf(file: string): Problem[] {
    void this.index; // the index's problems exist once it is built
    // A file with thousands of bad facts shows a readable number of problems, not one per fact.
    return capProblems(file, [...(this.workspace.get(file)?.problems ?? []), ...this.indexProblems.filter((p) => p.file === file)]);
  }

  get workspaceFiles(): string[] {
    return [...this.workspace.keys()];
  }

  /**
   * Resolves when the latest change the store has begun indexing is in use
   * and readied: its index built, put in use, and what `readying` makes ahead
   * of requests made (after `loadWorkspacePack` resolves, its file's).
   */
  async whenReadied(): Promise<void> {
    for (;;) {
      const rebuilding = this.rebuilding;
      await rebuilding;
      const readying = this.readying;
      await readying;
      if (rebuilding === this.rebuilding && readying === this.readying) return;
    }
  }

  /**
   * Resolves when the index in use is readied (what `readying` makes ahead of
   * requests), or when a newer one replaced it: a request that would make it
   * all at once (the picker's rows of every fact) can wait for it instead.
   */
  readied(): Promise<void> {
    return this.readying;
  }

  onDidChange(listener: (change: StoreChange) => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /**
   * Runs `work` (loading or removing several pack files) with one index
   * rebuild at its end instead of one per file: at start-up a fact base in
   * many files was rebuilt whole once per file. Inside the batch, `index` and
   * the index's problems are those of before it.
   */
  async batch<T>(work: () => Promise<T>): Promise<T> {
    this.batches++;
    let result: T;
    try {
      result = await work();
    } finally {
      if (--this.batches === 0) {
        if (this.pendingRebuild) {
          this.pendingRebuild = false;
          await this.rebuild(true);
        }
        this.wakeWaiting();
      }
    }
    return result;
  }

  /**
   * Resolves once what has been loaded is in use: no batch is open and the
   * latest rebuild is done (what `readying` makes may still be made after).
   */
  async whenInUse(): Promise<void> {
    for (;;) {
      if (this.batches > 0 || this.loads > 0) {
        await new Promise<void>((resolve) => this.waitingForLoads.push(resolve));
        continue;
      }
      const rebuilding = this.rebuilding;
      await rebuilding;
      if (this.batches === 0 && this.loads === 0 && rebuilding === this.rebuilding) return;
    }
  }

  private wakeWaiting(): void {
    if (this.batches === 0 && this.loads === 0) for (const wake of this.waitingForLoads.splice(0)) wake();
  }

  /** The packs changed: rebuilds now, or at the end of the batch under way; `inSteps` where the caller can wait. */
  private changed(inSteps: boolean): Promise<void> {
    if (this.batches > 0) {
      this.pendingRebuild = true;
      return Promise.resolve();
    }
    return this.rebuild(inSteps);
  }

  private rebuild(inSteps: boolean): Promise<void> {
    const ticket = ++this.rebuilds;
    // Writers' packs in the order of their files, not of their loads (which finish in any order): the first of two facts
    // with one id is the same one every time, and the same packs build the same index (a snapshot's).
    const files = [...this.workspace.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const packs = [...(this.bundled ? [this.bundled] : []), ...files.map((f) => this.workspace.get(f)!.good).filter((p): p is LoadedPack => p !== undefined)];
    if (!inSteps || !this.scheduling) {
      this.use(buildFactIndex(packs, this.options, this.memo));
      this.rebuilding = Promise.resolve();
      return this.rebuilding;
    }
    const run = this.rebuildInSteps(packs, ticket, this.scheduling);
    this.rebuilding = run;
    return run;
  }

  /**
   * Builds the index of `packs` a slice at a time and puts it in use, unless
   * a newer rebuild started meanwhile: that one puts its own in use, and this
   * resolves when it has. What `readying` makes is then made in slices after
   * (`whenReadied`), until a newer rebuild starts.
   */
  private async rebuildInSteps(packs: LoadedPack[], ticket: number, scheduling: StoreScheduling): Promise<void> {
    const sliceMs = scheduling.sliceMs ?? SLICE_MS;
    const overtaken = (): boolean => ticket !== this.rebuilds;
    const snapshots = packs.some((p) => p.origin === 'workspace') ? scheduling.snapshots?.() : undefined;
    // A snapshot is taken only by the first build: later ones edit the index before them.
    let snapshot: IndexSnapshot | undefined;
    if (snapshots && !this.memo.previous) {
      const key = await snapshots.snapshotKey(packs, this.options);
      snapshot = key === undefined ? undefined : await snapshots.readSnapshot(key);
      if (snapshot) this.snapshotKey = key;
      if (overtaken()) return this.rebuilding;
    }
    // 20 facts a step: a step stays within a few milliseconds on a busy machine even before the engine has compiled the
    // build's code (100 facts made a first step of 45–60 ms in a cold load of 100,000).
    const build = (from?: IndexSnapshot): Promise<{ value: BuildResult } | undefined> =>
      inSlices(buildFactIndexSteps(packs, this.options, FACTS_PER_BUILD_STEP, this.memo, from), scheduling.yieldToHost, sliceMs, now, overtaken);
    let done: { value: BuildResult } | undefined;
    try {
      done = await build(snapshot);
    } catch (e) {
      // A snapshot that does not fit these packs after all: they are built as if there were none.
      if (!snapshot) throw e;
      this.snapshotKey = undefined;
      done = await build();
    }
    if (!done || overtaken()) return this.rebuilding;
    const built = done.value;
    this.use(built);
    const readying = scheduling.readying && withRoom(scheduling.readying(built.index), built.index);
    const keep = (): Promise<void> => (snapshots ? this.keepSnapshot(built.index, packs, snapshots, overtaken) : Promise.resolve());
    this.readying = readying ? this.ready(built.index, readying, overtaken, scheduling, sliceMs).then(keep) : keep();
  }

  /** Keeps the index in use as the snapshot of its packs, unless it is kept already or a newer build started. */
  private async keepSnapshot(index: FactIndex, packs: readonly LoadedPack[], snapshots: SnapshotStore, overtaken: () => boolean): Promise<void> {
    if (overtaken()) return;
    const key = await snapshots.snapshotKey(packs, this.options);
    if (key === undefined || key === this.snapshotKey || overtaken()) return;
    // Made when its turn to be written comes, if a newer build has not replaced this index as the memo's last by then
    // (that build's index, of the same packs or not, is then written in its place); the key counts as kept once written.
    void snapshots
      .writeSnapshot(key, () => snapshotSteps(index, this.memo))
      .then((written) => {
        if (written) this.snapshotKey = key;
      });
  }

  /** Runs the readying of the index just put in use, a slice a turn, until it is done or a newer rebuild starts. */
  private async ready(
    index: FactIndex,
    steps: Iterator<void, void, void>,
    overtaken: () => boolean,
    scheduling: StoreScheduling,
    sliceMs: number,
  ): Promise<void> {
    if (!(await inSlices(steps, scheduling.yieldToHost, sliceMs, now, overtaken))) return;
    // What readying made from the index this one was made from is made: that one can go.
    index.basis = undefined;
  }

  private use(built: BuildResult): void {
    this.current = built.index;
    this.indexProblems = built.problems;
    const problems = new Map<string, Problem[]>();
    for (const file of this.workspace.keys()) problems.set(file, this.problemsOf(file));
    for (const l of this.listeners) l({ index: built.index, problems });
  }
}

/**
 * The readying's steps, then room made in the alias matcher for the next
 * edit: after a window reload the matcher's trie is read from the snapshot
 * with no room to spare, and the first file changed would otherwise wait
 * while it grows.
 */
function* withRoom(steps: Iterator<void, void, void>, index: FactIndex): Generator<void, void, void> {
  for (let r = steps.next(); !r.done; r = steps.next()) yield;
  yield* index.matcher.roomSteps();
}

/** The bundled pack as compiled into the extension at build time. */
export function bundledLoadedPack(pack: Pack): LoadedPack {
  return { pack, locations: emptyLocations('bundled'), origin: 'bundled' };
}

function summarise(checks: readonly EvidenceCheck[]): Map<string, EvidenceSummary> {
  const out = new Map<string, EvidenceSummary>();
  for (const c of checks) {
    const s = out.get(c.factId) ?? { found: 0, missing: 0 };
    if (c.found) s.found++;
    else s.missing++;
    out.set(c.factId, s);
  }
  return out;
}
