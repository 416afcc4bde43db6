import * as vscode from 'vscode';
import type { FactIndex, IndexedFact } from '../core/facts/factIndex';
import type { FactStore } from '../core/facts/factStore';
import { pickerRows, type PickerRow } from '../core/cite/search';
import { COMMANDS } from '../workbench/ids';
import { workspaceSettings } from '../workbench/config';
import { rangeOf } from '../workbench/positions';
import { citationEditsAt, copiedCitation, parseArgs } from './citationEdits';

export type { CitationArgs } from './citationEdits';

interface FactPick extends vscode.QuickPickItem {
  entry?: IndexedFact;
}

/** Picker rows: facts by kind, those the selection names first, each with its value, source and status. */
export function pickerItems(index: FactIndex, selection: string): FactPick[] {
  // The core keeps the rows per fact base (the same array while nothing is named), and their items are kept
  // here: a large pack's items are made once, not at every opening.
  const rows = pickerRows(index, selection);
  let items = itemsOf.get(rows);
  if (!items) {
    items = rows.map((row) => {
      let pick = picks.get(row);
      if (!pick)
        picks.set(
          row,
          (pick = row.separator
            ? { label: row.label, kind: vscode.QuickPickItemKind.Separator }
            : { label: row.label, description: row.description, detail: row.detail, entry: row.entry }),
        );
      return pick;
    });
    itemsOf.set(rows, items);
  }
  return items;
}

const picks = new WeakMap<PickerRow, FactPick>();
const itemsOf = new WeakMap<readonly PickerRow[], FactPick[]>();

/**
 * The picker over `index`, the store's index in use. An index just put in use
 * is still being readied a slice at a time: the picker opens at once, busy,
 * and lists the facts when their rows are ready, instead of making every
 * row in one go while the extension host waits.
 */
async function pickFact(store: FactStore, index: FactIndex, selection: string): Promise<IndexedFact | undefined> {
  const items: Thenable<FactPick[]> = store.readied().then(() => pickerItems(index, selection));
  const pick = await vscode.window.showQuickPick<FactPick>(items, {
    title: vscode.l10n.t('Insert Citation'),
    placeHolder: vscode.l10n.t('Search facts by name, value or source'),
    matchOnDescription: true,
    matchOnDetail: true,
  });
  return pick?.entry;
}

/**
 * Inserts a fact with its citation at every cursor, as one undo step; with
 * text selected, the citation goes after the selection and the text stays.
 * Returns whether the document changed.
 */
export async function insertCitation(store: FactStore, arg?: unknown): Promise<boolean> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Agreement Cite: open a document to insert a citation.'));
    return false;
  }
  const index = store.index;
  const args = parseArgs(arg);
  const { document } = editor;
  const firstSelection = editor.selections[0];
  let entry: IndexedFact | undefined;
  if (args.factId) {
    entry = index.fact(args.factId);
    if (!entry) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Agreement Cite: no fact has the id "{0}".', args.factId));
      return false;
    }
  } else {
    entry = await pickFact(store, index, document.getText(firstSelection));
    if (!entry) return false;
  }
  const spans = editor.selections.map((s) => ({ start: document.offsetAt(s.start), end: document.offsetAt(s.end) }));
  const edits = citationEditsAt(document, spans, entry, index, workspaceSettings, args);
  const ok = await editor.edit((builder) => {
    for (const e of edits) builder.replace(rangeOf(document, { start: e.offset, end: e.offset + e.length }), e.text);
  });
  if (!ok) void vscode.window.showErrorMessage(vscode.l10n.t('Agreement Cite: the citation could not be inserted; the document is unchanged.'));
  return ok;
}

/** Copies a fact with its citation, in the active document's format, to the clipboard. */
export async function copyCitation(store: FactStore, arg?: unknown): Promise<string | undefined> {
  const args = parseArgs(arg);
  const index = store.index;
  const entry = args.factId ? index.fact(args.factId) : await pickFact(store, index, '');
  if (!entry) {
    if (args.factId) void vscode.window.showErrorMessage(vscode.l10n.t('Agreement Cite: no fact has the id "{0}".', args.factId));
    return undefined;
  }
  const text = copiedCitation(entry, index, vscode.window.activeTextEditor?.document, workspaceSettings, args);
  await vscode.env.clipboard.writeText(text);
  void vscode.window.setStatusBarMessage(vscode.l10n.t('Agreement Cite: citation of "{0}" copied', entry.fact.label), 3000);
  return text;
}

/** Opens a source's address in the browser, after VS Code's usual link check. */
export async function openSource(store: FactStore, arg?: unknown): Promise<boolean> {
  const id = arg && typeof arg === 'object' ? (arg as { sourceId?: unknown }).sourceId : arg;
  const source = typeof id === 'string' ? store.index.source(id)?.source : undefined;
  if (!source?.url) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Agreement Cite: that source has no address.'));
    return false;
  }
  return vscode.env.openExternal(vscode.Uri.parse(source.url));
}

export function registerCitationCommands(store: FactStore): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(COMMANDS.insertCitation, (arg?: unknown) => insertCitation(store, arg)),
    vscode.commands.registerCommand(COMMANDS.copyCitation, (arg?: unknown) => copyCitation(store, arg)),
    vscode.commands.registerCommand(COMMANDS.openSource, (arg?: unknown) => openSource(store, arg)),
  );
}
