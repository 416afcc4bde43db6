import * as vscode from 'vscode';
import type { CitationParts } from '../core/references/citation';
import type { FactStore } from '../core/facts/factStore';
import { COMMANDS } from '../workbench/ids';
import { SELECTOR, workspaceSettings } from '../workbench/config';
import { rangeOf } from '../workbench/positions';
import type { SettingsSource } from '../workbench/textDocument';
import { ghostTextAt, missingDefinitionEdits } from './ghostText';
import { readyToSearch } from './searchReady';

/**
 * Completes a known name as ghost text while it is typed, with its citation:
 * "Umer" offers "Umerov[^key]", accepted with Tab (ghostText.ts). Inline
 * suggestions are on by default everywhere, Markdown included, where the
 * suggestion list only opens on request or after the `;;` trigger.
 */
export class FactInlineCompletionProvider implements vscode.InlineCompletionItemProvider {
  constructor(
    private readonly store: FactStore,
    private readonly settings: SettingsSource = workspaceSettings,
  ) {}

  async provideInlineCompletionItems(
    document: vscode.TextDocument,
    position: vscode.Position,
    _context: vscode.InlineCompletionContext,
    token: vscode.CancellationToken,
  ): Promise<vscode.InlineCompletionItem[] | undefined> {
    const index = this.store.index;
    if (!(await readyToSearch(index, document, position, token))) return undefined;
    const ghost = ghostTextAt(document, position, index, this.settings);
    if (!ghost) return undefined;
    const item = new vscode.InlineCompletionItem(ghost.text, rangeOf(document, ghost.range));
    if (ghost.definitions.length > 0) {
      item.command = { command: COMMANDS.addDefinitions, title: vscode.l10n.t('Add footnote definitions'), arguments: [document.uri, ghost.definitions] };
    }
    return [item];
  }
}

/** Appends footnote definitions that a document lacks, after an inline completion was accepted. */
export async function addDefinitions(uri: vscode.Uri, definitions: CitationParts['definitions']): Promise<boolean> {
  const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (!document || !Array.isArray(definitions)) return false;
  const edits = missingDefinitionEdits(document.getText(), definitions);
  if (edits.length === 0) return true;
  const edit = new vscode.WorkspaceEdit();
  for (const e of edits) edit.replace(uri, rangeOf(document, { start: e.offset, end: e.offset + e.length }), e.text);
  return vscode.workspace.applyEdit(edit);
}

export function registerInlineCompletion(store: FactStore): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.languages.registerInlineCompletionItemProvider(SELECTOR, new FactInlineCompletionProvider(store)),
    vscode.commands.registerCommand(COMMANDS.addDefinitions, addDefinitions),
  );
}
