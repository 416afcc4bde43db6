import { extendMarkdownIt } from './markdownPreview';
import * as vscode from 'vscode';
import bundled from 'agreement-cite:bundled-pack';
import packWorkerCode from 'agreement-cite:pack-worker';
import { FactStore, bundledLoadedPack, type PackParser } from './core/factStore';
import type { FactIndex } from './core/factIndex';
import { prepareInIdleMoments } from './prepare';
import { preparationSteps } from './core/search';
import { registerCompletion } from './completion';
import { registerHover } from './hover';
import { registerInlineCompletion } from './inlineCompletion';
import { registerCitationCommands } from './insertCitation';
import { COMMANDS } from './commandIds';
import { createPack } from './newPack';
import { registerWorkspacePacks } from './packs';
import { registerFactsView, type FactsViewApi } from './factsView';
import { registerReferenceCommands } from './references';
import { registerDocumentCheck } from './diagnostics';
import { Log } from './log';
import { PackParsing } from './packParsing';
import { nextTurn } from './nextTurn';
import type { Platform } from './platform/platform';

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
  /** Resolves when the workspace packs found at activation have loaded. */
  readonly packsReady: Promise<void>;
  /** The facts view's rows and its status bar count, as a writer sees them. */
  readonly factsView: FactsViewApi;
  /** How many writers' pack files were parsed in the worker (a worker thread, or a Web Worker) and in the extension host's own thread. */
  readonly packParsing: { readonly worker: number; readonly inThread: number };
  /** Which extension host runs the extension: 'node' (desktop, remote) or 'web' (the browser's web worker, VS Code for the Web). */
  readonly host: Platform['host'];
  /** Milliseconds spent evaluating the bundle, for the benchmark (docs/PERFORMANCE.md). */
  readonly loadMs?: number;
  /** Milliseconds activate() took, for the benchmark. */
  readonly activationMs: number;
}

/** The YAML loader, evaluated on the first writer's pack only: activation does not pay for the parser. */
const parsePack: PackParser = (text, file, options) => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loader = require('./core/packLoader') as typeof import('./core/packLoader');
  return loader.parsePackText(text, file, options);
};

/** Called by the entry point of each host (src/extension.node.ts, src/extension.browser.ts) with what differs there. */
export function activate(context: vscode.ExtensionContext, platform: Platform): AgreementCiteApi {
  const started = performance.now();
  const parsing = new PackParsing(packWorkerCode, parsePack, platform.startPackThread);
  // Writers' packs are parsed in the worker and indexed a slice at a time, ready for the first request, while the index in use answers.
  const store = new FactStore(bundledLoadedPack(bundled), parsePack, {}, (text, file, options) => parsing.parse(text, file, options), {
    yieldToHost: nextTurn,
    readying: (index) => preparationSteps(index),
  });
  // The index is built on first use (FactStore.index), so activation does not wait for it; this builds it, and
  // what the first requests need, in idle moments instead.
  context.subscriptions.push(prepareInIdleMoments(store));
  const log = new Log();
  const packs = registerWorkspacePacks(store, log);
  const factsView = registerFactsView(store);
  context.subscriptions.push(
    parsing,
    log,
    packs.disposable,
    registerHover(store),
    registerCompletion(store),
    registerInlineCompletion(store),
    registerCitationCommands(store),
    registerReferenceCommands(store),
    registerDocumentCheck(store),
    factsView.disposable,
    vscode.commands.registerCommand(COMMANDS.newPack, (name?: unknown) => createPack(typeof name === 'string' ? name : undefined)),
    vscode.commands.registerCommand(COMMANDS.showLog, () => log.show()),
  );
  return {
    extendMarkdownIt,
    get index() {
      return store.index;
    },
    store,
    packsReady: packs.ready,
    factsView: factsView.api,
    packParsing: parsing.counts,
    host: platform.host,
    loadMs,
    activationMs: performance.now() - started,
  };
}

export function deactivate(): void {}
