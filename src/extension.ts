import { extendMarkdownIt } from './references/markdownPreview';
import * as vscode from 'vscode';
import { FactStore } from './core/facts/factStore';
import type { FactIndex } from './core/facts/factIndex';
import { prepareInIdleMoments } from './packs/prepare';
import { preparationSteps } from './core/cite/search';
import { registerCompletion } from './cite/completion';
import { registerHover } from './cite/hover';
import { registerInlineCompletion } from './cite/inlineCompletion';
import { registerCitationCommands } from './cite/insertCitation';
import { COMMANDS } from './workbench/ids';
import { createPack } from './packs/newPack';
import { registerWorkspacePacks } from './packs/workspacePacks';
import { registerFactsView, type FactsViewApi } from './factsView/factsView';
import { registerReferenceCommands } from './references/sourcesCommands';
import { registerDocumentCheck } from './check/register';
import { Log } from './workbench/log';
import { PACK_WORKER_FILE, PackParsing, parsingThreads, withTranslations } from './packs/packParsing';
import { useTranslations } from './workbench/l10n';
import { createPackCache } from './packs/packCacheStorage';
import type { PackCache } from './core/packs/packCache';
import { nextTurn } from './platform/nextTurn';
import type { Platform } from './platform/platform';
import { loadBundledPack } from './packs/bundledPackFile';

/** Set by the bundle's first statement (the banner in esbuild.js); undefined where this module is loaded otherwise. */
declare const __agreementCiteLoadStart: number | undefined;
/** Code load: from the bundle's first statement to here, its last module's body. */
const loadMs = typeof __agreementCiteLoadStart === 'number' ? performance.now() - __agreementCiteLoadStart : undefined;

/** What the extension offers other extensions and its own tests. */
export interface AgreementCiteApi {
  /** Footnotes in VS Code's Markdown preview (`markdown.markdownItPlugins`). */
  readonly extendMarkdownIt: typeof extendMarkdownIt;
  readonly index: FactIndex;
  readonly store: FactStore;
  /** Resolves when the bundled pack (read after activation) and the workspace packs found at activation are in use. */
  readonly packsReady: Promise<void>;
  /** The facts view's rows and its status bar count, as a writer sees them. */
  readonly factsView: FactsViewApi;
  /** How many writers' pack files were parsed in the worker (a worker thread, or a Web Worker) and in the extension host's own thread. */
  readonly packParsing: { readonly worker: number; readonly inThread: number };
  /** Writers' packs read from the cache of parsed packs (hits), parsed (misses), entries refused, written and evicted. */
  readonly packCache?: PackCache['counts'];
  /** Snapshots of the index of writers' packs read back (a window reload), refused and written, kept beside the cache. */
  readonly indexSnapshots?: PackCache['snapshotCounts'];
  /** Which extension host runs the extension: 'node' (desktop, remote) or 'web' (the browser's web worker, VS Code for the Web). */
  readonly host: Platform['host'];
  /** Milliseconds spent evaluating the bundle, for the benchmark (docs/PERFORMANCE.md). */
  readonly loadMs?: number;
  /** Milliseconds activate() took, for the benchmark. */
  readonly activationMs: number;
  /** Milliseconds each part of activate() took, in order, for the benchmark. */
  readonly activationSteps: Readonly<Record<string, number>>;
  /** Milliseconds from the start of activate() until the bundled pack, read after it returns, was in the store; undefined until then. */
  readonly bundledPackMs?: number;
}

/** Called by the entry point of each host (src/extension.node.ts, src/extension.browser.ts) with what differs there. */
export function activate(context: vscode.ExtensionContext, platform: Platform): AgreementCiteApi {
  const started = performance.now();
  const steps: Record<string, number> = {};
  let mark = started;
  const step = <T>(name: string, value: T): T => {
    const now = performance.now();
    steps[name] = now - mark;
    mark = now;
    return value;
  };
  step('translations', useTranslations());
  // The YAML parser is in the worker's script (dist/packWorker.js), read when the first writer's pack is parsed:
  // activation does not pay for it, and the extension ships one copy of it for both hosts.
  const parsing = new PackParsing(
    async () => withTranslations(new TextDecoder('utf-8').decode(await platform.readExtensionFile(context, PACK_WORKER_FILE)), vscode.l10n.bundle),
    undefined,
    platform.startPackThread,
    () => parsingThreads(platform.processors()),
    platform.readAscii,
  );
  step('pack parsing', undefined);
  // A pack parsed in an earlier session is read from the cache; others are parsed in the worker and kept there.
  // The cache is opened for the first writer's pack: activation does not pay for it. Its entries are written once the
  // facts loaded are in use.
  let cache: PackCache | undefined | null = null;
  const cacheOf = (): PackCache | undefined =>
    cache === null
      ? (cache = createPackCache(context, { sha256: platform.sha256, readAscii: platform.readAscii, writeAfter: () => store.whenInUse() }))
      : cache;
  // Writers' packs are parsed in the worker and indexed a slice at a time, ready for the first request, while the index in use answers.
  const store = new FactStore(
    undefined,
    (text, file, options) => parsing.parseInThread(text, file, options),
    {},
    (content, file, options) => {
      const c = cacheOf();
      return c ? c.parse(content, file, options, (t, f, o, utf8) => parsing.parseForCache(t, f, o, utf8)) : parsing.parse(content, file, options);
    },
    {
      yieldToHost: nextTurn,
      readying: (index) => preparationSteps(index),
      snapshots: cacheOf,
    },
  );
  const log = step('fact store and log', new Log());
  // The bundled pack is read from the extension's folder after activation (src/packs/bundledPackFile.ts). The index is
  // built on first use (FactStore.index), so activation does not wait for it; once the pack is in, this builds
  // it, and what the first requests need, in idle moments instead.
  let bundledPackMs: number | undefined;
  // Begun on the next turn: activation does not wait for even the start of a file read.
  const bundledReady = nextTurn()
    .then(() => loadBundledPack(context, platform, store, log))
    .then(() => {
      bundledPackMs = performance.now() - started;
      context.subscriptions.push(prepareInIdleMoments(store));
    });
  step('bundled pack read begun', undefined);
  const packs = step('workspace packs', registerWorkspacePacks(store, log));
  const factsView = step('facts view', registerFactsView(store));
  context.subscriptions.push(
    parsing,
    log,
    packs.disposable,
    step('hover', registerHover(store)),
    step('completion', registerCompletion(store)),
    step('inline completion', registerInlineCompletion(store)),
    step('citation commands', registerCitationCommands(store)),
    step('reference commands', registerReferenceCommands(store)),
    step('document check', registerDocumentCheck(store)),
    factsView.disposable,
    vscode.commands.registerCommand(COMMANDS.newPack, (name?: unknown) => createPack(typeof name === 'string' ? name : undefined)),
    step(
      'other commands',
      vscode.commands.registerCommand(COMMANDS.showLog, () => log.show()),
    ),
  );
  return {
    extendMarkdownIt,
    get index() {
      return store.index;
    },
    store,
    packsReady: Promise.all([bundledReady, packs.ready]).then(() => undefined),
    factsView: factsView.api,
    packParsing: parsing.counts,
    get packCache() {
      return cacheOf()?.counts;
    },
    get indexSnapshots() {
      return cacheOf()?.snapshotCounts;
    },
    host: platform.host,
    loadMs,
    activationMs: performance.now() - started,
    activationSteps: steps,
    get bundledPackMs() {
      return bundledPackMs;
    },
  };
}

export function deactivate(): void {}
