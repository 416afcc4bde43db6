import * as vscode from 'vscode';
import bundled from 'agreement-cite:bundled-pack';
import { FactStore, bundledLoadedPack, type PackParser } from './core/factStore';
import type { FactIndex } from './core/factIndex';
import { registerCompletion } from './completion';
import { registerHover } from './hover';
import { registerInlineCompletion } from './inlineCompletion';
import { registerCitationCommands } from './insertCitation';
import { COMMANDS } from './commandIds';
import { createPack } from './newPack';
import { registerWorkspacePacks } from './packs';

/** What the extension offers other extensions and its own tests. */
export interface AgreementCiteApi {
  readonly index: FactIndex;
  readonly store: FactStore;
  /** Resolves when the workspace packs found at activation have loaded. */
  readonly packsReady: Promise<void>;
}

/** The YAML loader, evaluated on the first writer's pack only: activation does not pay for the parser. */
const parsePack: PackParser = (text, file, options) => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loader = require('./core/packLoader') as typeof import('./core/packLoader');
  return loader.parsePackText(text, file, options);
};

export function activate(context: vscode.ExtensionContext): AgreementCiteApi {
  const store = new FactStore(bundledLoadedPack(bundled), parsePack);
  const log = vscode.window.createOutputChannel('Agreement Cite', { log: true });
  const packs = registerWorkspacePacks(store, log);
  context.subscriptions.push(
    log,
    packs.disposable,
    registerHover(store),
    registerCompletion(store),
    registerInlineCompletion(store),
    registerCitationCommands(store),
    vscode.commands.registerCommand(COMMANDS.newPack, (name?: unknown) => createPack(typeof name === 'string' ? name : undefined)),
    vscode.commands.registerCommand(COMMANDS.showLog, () => log.show()),
  );
  return {
    get index() {
      return store.index;
    },
    store,
    packsReady: packs.ready,
  };
}

export function deactivate(): void {}
