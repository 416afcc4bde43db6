import * as vscode from 'vscode';
import bundled from 'agreement-cite:bundled-pack';
import { FactStore, bundledLoadedPack, type PackParser } from './core/factStore';
import type { FactIndex } from './core/factIndex';
import { registerCompletion } from './completion';
import { registerHover } from './hover';
import { registerCitationCommands } from './insertCitation';

/** What the extension offers other extensions and its own tests. */
export interface AgreementCiteApi {
  readonly index: FactIndex;
  readonly store: FactStore;
}

/** The YAML loader, evaluated on the first writer's pack only: activation does not pay for the parser. */
const parsePack: PackParser = (text, file, options) => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const loader = require('./core/packLoader') as typeof import('./core/packLoader');
  return loader.parsePackText(text, file, options);
};

export function activate(context: vscode.ExtensionContext): AgreementCiteApi {
  const store = new FactStore(bundledLoadedPack(bundled), parsePack);
  context.subscriptions.push(
    registerHover(store),
    registerCompletion(store),
    registerCitationCommands(store),
  );
  return {
    get index() {
      return store.index;
    },
    store,
  };
}

export function deactivate(): void {}
