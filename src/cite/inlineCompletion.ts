import * as vscode from 'vscode';
import { citationEdits, citedSources, formatCitation, hasDefinition, type CitationParts } from '../core/references/citation';
import type { FactIndex } from '../core/facts/factIndex';
import type { FactStore } from '../core/facts/factStore';
import { prefixIndexFor, type AliasPrefixIndex } from '../core/cite/search';
import { foldText } from '../core/document/text';
import { COMMANDS } from '../workbench/ids';
import { SELECTOR } from '../workbench/config';
import { insertOptionsFor, modelOf } from '../workbench/documents';

/** Fewest characters typed before a name is completed inline. */
const MIN_TYPED = 3;

/**
 * Completes a known name as ghost text while it is typed, with its citation:
 * "Umer" offers "Umerov[^key]", accepted with Tab. Inline suggestions are on
 * by default everywhere, Markdown included, where the suggestion list only
 * opens on request or after the `;;` trigger.
 */
export class FactInlineCompletionProvider implements vscode.InlineCompletionItemProvider {
  constructor(private readonly store: FactStore) {}

  provideInlineCompletionItems(document: vscode.TextDocument, position: vscode.Position): vscode.InlineCompletionItem[] | undefined {
    const line = document.lineAt(position.line).text;
    // Only at the end of a word: never in the middle of one.
    if (/^[\p{L}\p{N}]/u.test(line.slice(position.character))) return undefined;
    const before = line.slice(0, position.character);
    const index = this.store.index;
    const words = [...before.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu)].slice(-3);
    for (const w of words) {
      const typed = before.slice(w.index);
      if (typed.length < MIN_TYPED) continue;
      const folded = foldText(typed);
      const hit = this.prefixesFor(index).search(typed, 1)[0];
      // Complete only what is unfinished: a name typed in full gets no ghost text.
      if (!hit || foldText(hit.alias).length <= folded.length) continue;
      const options = insertOptionsFor(document);
      const citation = formatCitation(citedSources(hit.entry, index).map((s) => s.source), options, modelOf(document));
      const completion = typed + hit.alias.slice(typed.length) + citation.inline;
      const item = new vscode.InlineCompletionItem(completion, new vscode.Range(position.line, w.index!, position.line, position.character));
      if (citation.definitions.length > 0) {
        item.command = { command: COMMANDS.addDefinitions, title: vscode.l10n.t('Add footnote definitions'), arguments: [document.uri, citation.definitions] };
      }
      return [item];
    }
    return undefined;
  }

  private prefixesFor(index: FactIndex): AliasPrefixIndex {
    // One per fact base, shared with completion.
    return prefixIndexFor(index);
  }
}

/** Appends footnote definitions that a document lacks, after an inline completion was accepted. */
export async function addDefinitions(uri: vscode.Uri, definitions: CitationParts['definitions']): Promise<boolean> {
  const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (!document || !Array.isArray(definitions)) return false;
  const text = document.getText();
  // Another citation may have added a definition since the suggestion was made.
  const missing = definitions.filter((d) => typeof d?.key === 'string' && typeof d.text === 'string' && !hasDefinition(text, d.key));
  const edits = citationEdits(text, [], missing);
  if (edits.length === 0) return true;
  const edit = new vscode.WorkspaceEdit();
  for (const e of edits) edit.replace(uri, new vscode.Range(document.positionAt(e.offset), document.positionAt(e.offset + e.length)), e.text);
  return vscode.workspace.applyEdit(edit);
}

export function registerInlineCompletion(store: FactStore): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.languages.registerInlineCompletionItemProvider(SELECTOR, new FactInlineCompletionProvider(store)),
    vscode.commands.registerCommand(COMMANDS.addDefinitions, addDefinitions),
  );
}
