import * as vscode from 'vscode';
import { citationEdits, citationPlace, citedSources, formatCitation, insertionText, withCitation, type InsertOptions, type TextEdit } from '../core/references/citation';
import { todayIso } from '../core/document/dates';
import type { FactIndex, IndexedFact } from '../core/facts/factIndex';
import type { FactStore } from '../core/facts/factStore';
import { pickerRows, type PickerRow } from '../core/cite/search';
import { COMMANDS } from '../workbench/ids';
import { dateInQuestionFor, insertOptionsFor, modelOf } from '../workbench/documents';

/** Arguments of the Insert Citation and Copy Citation commands, for links, keybindings and tests. */
export interface CitationArgs {
  factId?: string;
  /**
   * `text` inserts the fact's words and citation; `citation` only the citation,
   * after whatever is selected. Default: `citation` where text is selected, else `text`.
   */
  mode?: 'text' | 'citation';
  /** Attribution verb for a quote; default "said". */
  verb?: string;
}

interface FactPick extends vscode.QuickPickItem {
  entry?: IndexedFact;
}

function parseArgs(arg: unknown): CitationArgs {
  if (typeof arg === 'string') return { factId: arg };
  if (arg && typeof arg === 'object') {
    const a = arg as Record<string, unknown>;
    return {
      factId: typeof a.factId === 'string' ? a.factId : undefined,
      mode: a.mode === 'text' || a.mode === 'citation' ? a.mode : undefined,
      verb: typeof a.verb === 'string' && a.verb.length <= 60 ? a.verb : undefined,
    };
  }
  return {};
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
      if (!pick) picks.set(row, (pick = row.separator ? { label: row.label, kind: vscode.QuickPickItemKind.Separator } : { label: row.label, description: row.description, detail: row.detail, entry: row.entry }));
      return pick;
    });
    itemsOf.set(rows, items);
  }
  return items;
}

const picks = new WeakMap<PickerRow, FactPick>();
const itemsOf = new WeakMap<readonly PickerRow[], FactPick[]>();

async function pickFact(index: FactIndex, selection: string): Promise<IndexedFact | undefined> {
  const pick = await vscode.window.showQuickPick(pickerItems(index, selection), {
    title: vscode.l10n.t('Insert Citation'),
    placeHolder: vscode.l10n.t('Search facts by name, value or source'),
    matchOnDescription: true,
    matchOnDetail: true,
  });
  return pick?.entry;
}

/** The text a citation inserts at one cursor. */
function textAt(entry: IndexedFact, index: FactIndex, options: InsertOptions, documentText: string, offset: number, selected: boolean, args: CitationArgs): { inline: string; definitions: ReturnType<typeof formatCitation>['definitions'] } {
  const mode = args.mode ?? (selected ? 'citation' : 'text');
  const words = mode === 'text' ? insertionText(entry, index, options, args.verb ?? 'said', documentText) : '';
  // Inside a footnote the citation joins its text; elsewhere it follows the inserted words, or what is before the cursor.
  const place = citationPlace(documentText, offset, options.format);
  const citation = formatCitation(citedSources(entry, index).map((s) => s.source), options, documentText, words && place !== 'footnote' ? 'word' : place);
  return { inline: withCitation(words, citation.inline), definitions: citation.definitions };
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
    entry = await pickFact(index, document.getText(firstSelection));
    if (!entry) return false;
  }
  const text = modelOf(document).text;
  const selections = [...editor.selections].sort((a, b) => document.offsetAt(a.start) - document.offsetAt(b.start));
  let definitions: ReturnType<typeof formatCitation>['definitions'] = [];
  const insertions: TextEdit[] = [];
  for (const selection of selections) {
    const options = insertOptionsFor(document, dateInQuestionFor(document, document.offsetAt(selection.start)).iso);
    // A selection keeps its words: the citation goes after it.
    const at = selection.isEmpty ? document.offsetAt(selection.start) : document.offsetAt(selection.end);
    const parts = textAt(entry, index, options, text, at, !selection.isEmpty, args);
    definitions = parts.definitions;
    insertions.push({ offset: at, length: 0, text: parts.inline });
  }
  const edits = citationEdits(text, insertions, definitions);
  const ok = await editor.edit((builder) => {
    for (const e of edits) builder.replace(new vscode.Range(document.positionAt(e.offset), document.positionAt(e.offset + e.length)), e.text);
  });
  if (!ok) void vscode.window.showErrorMessage(vscode.l10n.t('Agreement Cite: the citation could not be inserted; the document is unchanged.'));
  return ok;
}

/** Copies a fact with its citation, in the active document's format, to the clipboard. */
export async function copyCitation(store: FactStore, arg?: unknown): Promise<string | undefined> {
  const args = parseArgs(arg);
  const index = store.index;
  const entry = args.factId ? index.fact(args.factId) : await pickFact(index, '');
  if (!entry) {
    if (args.factId) void vscode.window.showErrorMessage(vscode.l10n.t('Agreement Cite: no fact has the id "{0}".', args.factId));
    return undefined;
  }
  const editor = vscode.window.activeTextEditor;
  const options: InsertOptions = editor ? insertOptionsFor(editor.document, todayIso()) : { format: 'plaintext', style: 'auto', dateStyle: 'en-GB', atDate: todayIso() };
  const citation = formatCitation(citedSources(entry, index).map((s) => s.source), options);
  const text = [withCitation(insertionText(entry, index, options, args.verb ?? 'said', editor?.document.getText()), citation.inline), ...citation.definitions.map((d) => d.text)].join('\n\n');
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
