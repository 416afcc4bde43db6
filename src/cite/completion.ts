import * as vscode from 'vscode';
import type { FactStore } from '../core/facts/factStore';
import type { FactKind } from '../core/types';
import { SELECTOR, workspaceSettings } from '../workbench/config';
import { rangeOf, toTextEdit } from '../workbench/positions';
import type { SettingsSource } from '../workbench/textDocument';
import { completionCard, factCompletionsAt, type FactCompletion } from './completionItems';
import { readyToSearch } from './searchReady';

export { TRIGGER } from './completionItems';

/** An item that remembers its fact, so that its card is built only when shown. */
type FactItem = vscode.CompletionItem & { fact?: FactCompletion };

const ITEM_KINDS: Record<FactKind, vscode.CompletionItemKind> = {
  person: vscode.CompletionItemKind.User,
  role: vscode.CompletionItemKind.Property,
  event: vscode.CompletionItemKind.Event,
  place: vscode.CompletionItemKind.Module,
  organisation: vscode.CompletionItemKind.Class,
  agreement: vscode.CompletionItemKind.Struct,
  provision: vscode.CompletionItemKind.Field,
  figure: vscode.CompletionItemKind.Constant,
  term: vscode.CompletionItemKind.Keyword,
  quote: vscode.CompletionItemKind.Text,
};

/**
 * Offers facts while a known name is typed (where quick suggestions are on,
 * or on Ctrl+Space), and every fact after `;;`, which works everywhere,
 * Markdown included (completionItems.ts). Inline completion
 * (inlineCompletion.ts) completes names as ghost text in Markdown too.
 */
export class FactCompletionProvider implements vscode.CompletionItemProvider {
  constructor(
    private readonly store: FactStore,
    private readonly settings: SettingsSource = workspaceSettings,
  ) {}

  async provideCompletionItems(
    document: vscode.TextDocument,
    position: vscode.Position,
    token: vscode.CancellationToken,
  ): Promise<vscode.CompletionList | undefined> {
    const index = this.store.index;
    if (!(await readyToSearch(index, document, position, token))) return undefined;
    const list = factCompletionsAt(document, position, index, this.settings);
    if (!list) return undefined;
    return new vscode.CompletionList(
      list.items.map((f) => toItem(document, f)),
      list.isIncomplete,
    );
  }

  resolveCompletionItem(item: vscode.CompletionItem): vscode.CompletionItem {
    const fact = (item as FactItem).fact;
    if (fact && !item.documentation) {
      const doc = new vscode.MarkdownString(completionCard(fact, this.store.index));
      doc.isTrusted = false;
      item.documentation = doc;
    }
    return item;
  }
}

function toItem(document: vscode.TextDocument, f: FactCompletion): vscode.CompletionItem {
  const item: FactItem = new vscode.CompletionItem({ label: f.label, detail: f.labelDetail, description: f.description }, ITEM_KINDS[f.kind]);
  item.range = rangeOf(document, f.range);
  item.sortText = f.sortText;
  item.filterText = f.filterText;
  item.detail = f.detail;
  item.insertText = new vscode.SnippetString(f.snippet);
  item.additionalTextEdits = f.additionalEdits.map((e) => toTextEdit(document, e));
  item.fact = f;
  return item;
}

export function registerCompletion(store: FactStore): vscode.Disposable {
  return vscode.languages.registerCompletionItemProvider(SELECTOR, new FactCompletionProvider(store), ';');
}
