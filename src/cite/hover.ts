import * as vscode from 'vscode';
import type { FactStore } from '../core/facts/factStore';
import { CARD_COMMANDS } from '../workbench/ids';
import { SELECTOR, workspaceSettings } from '../workbench/config';
import { rangeOf } from '../workbench/positions';
import type { SettingsSource } from '../workbench/textDocument';
import { factHoverAt } from './hoverCard';

/** Cards for every known name, role, date, place, term and quote under the pointer (hoverCard.ts). */
export class FactHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly store: FactStore,
    private readonly settings: SettingsSource = workspaceSettings,
  ) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const card = factHoverAt(document, document.offsetAt(position), this.store.index, this.settings);
    if (!card) return undefined;
    const markdown = new vscode.MarkdownString(card.markdown);
    // Only the extension's own commands run from a card; text from packs is escaped when the card is built.
    markdown.isTrusted = { enabledCommands: [...CARD_COMMANDS] };
    markdown.supportHtml = false;
    return new vscode.Hover(markdown, rangeOf(document, card));
  }
}

export function registerHover(store: FactStore): vscode.Disposable {
  return vscode.languages.registerHoverProvider(SELECTOR, new FactHoverProvider(store));
}
