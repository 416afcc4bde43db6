import * as vscode from 'vscode';
import { renderCard, type CardLinks } from './core/card';
import { dateInQuestion, todayIso } from './core/dates';
import type { FactStore } from './core/factStore';
import { COMMANDS, commandLink } from './commandIds';
import { readSettings, SELECTOR } from './config';

const links: CardLinks = {
  insert: (factId) => commandLink(COMMANDS.insertCitation, { factId }),
  copy: (factId) => commandLink(COMMANDS.copyCitation, { factId }),
  openSource: (sourceId) => commandLink(COMMANDS.openSource, { sourceId }),
};

/** Cards for every known name, role, date, place, term and quote under the pointer. */
export class FactHoverProvider implements vscode.HoverProvider {
  constructor(private readonly store: FactStore) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const text = document.getText();
    const offset = document.offsetAt(position);
    const index = this.store.index;
    const matches = index.findAt(text, offset);
    if (matches.length === 0) return undefined;
    const longest = matches[0];
    const settings = readSettings(document);
    const contextDate = dateInQuestion(text, offset);
    const cards = longest.values.map((entry) => renderCard(entry, index, { dateStyle: settings.dateStyle, contextDate, today: todayIso(), links }));
    const markdown = new vscode.MarkdownString(cards.join('\n\n---\n\n'));
    // Only the extension's own commands run from a card; text from packs is escaped when the card is built.
    markdown.isTrusted = { enabledCommands: Object.values(COMMANDS) };
    markdown.supportHtml = false;
    return new vscode.Hover(markdown, new vscode.Range(document.positionAt(longest.start), document.positionAt(longest.end)));
  }
}

export function registerHover(store: FactStore): vscode.Disposable {
  return vscode.languages.registerHoverProvider(SELECTOR, new FactHoverProvider(store));
}
