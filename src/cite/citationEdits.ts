// What Insert Citation and Copy Citation write, for given selections; free of `vscode` (insertCitation.ts runs them).
import {
  citationEdits,
  citationPlace,
  citedSources,
  formatCitation,
  insertionText,
  withCitation,
  type CitationParts,
  type InsertOptions,
  type TextEdit,
} from '../core/references/citation';
import { todayIso } from '../core/document/dates';
import type { FactIndex, IndexedFact } from '../core/facts/factIndex';
import { insertOptionsFor, modelOf } from '../workbench/documents';
import type { SettingsSource, Span, TextDocumentLike } from '../workbench/textDocument';

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

/** The command's argument (a fact id, or an object from a link or a keybinding), keeping only what is well formed. */
export function parseArgs(arg: unknown): CitationArgs {
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

/** The text a citation inserts at one cursor. */
function textAt(
  entry: IndexedFact,
  index: FactIndex,
  options: InsertOptions,
  documentText: string,
  offset: number,
  selected: boolean,
  args: CitationArgs,
): { inline: string; definitions: CitationParts['definitions'] } {
  const mode = args.mode ?? (selected ? 'citation' : 'text');
  const words = mode === 'text' ? insertionText(entry, index, options, args.verb ?? 'said', documentText) : '';
  // Inside a footnote the citation joins its text; elsewhere it follows the inserted words, or what is before the cursor.
  const place = citationPlace(documentText, offset, options.format);
  const citation = formatCitation(
    citedSources(entry, index).map((s) => s.source),
    options,
    documentText,
    words && place !== 'footnote' ? 'word' : place,
  );
  return { inline: withCitation(words, citation.inline), definitions: citation.definitions };
}

/**
 * The edits inserting a fact with its citation at every selection, each
 * written for the date in question where it is: an empty selection gets the
 * fact's words and citation, a selection keeps its words and gets the
 * citation after it; footnote definitions are added once, at the end.
 */
export function citationEditsAt(
  document: TextDocumentLike,
  selections: readonly Span[],
  entry: IndexedFact,
  index: FactIndex,
  settings: SettingsSource,
  args: CitationArgs = {},
): TextEdit[] {
  const model = modelOf(document, settings);
  const text = model.text;
  let definitions: CitationParts['definitions'] = [];
  const insertions: TextEdit[] = [];
  for (const selection of [...selections].sort((a, b) => a.start - b.start)) {
    const options = insertOptionsFor(document, settings, model.dateInQuestionAt(selection.start).iso, model);
    const empty = selection.start === selection.end;
    const at = empty ? selection.start : selection.end;
    const parts = textAt(entry, index, options, text, at, !empty, args);
    definitions = parts.definitions;
    insertions.push({ offset: at, length: 0, text: parts.inline });
  }
  return citationEdits(text, insertions, definitions);
}

/** A fact with its citation and footnote definitions, as Copy Citation puts it on the clipboard, in the document's format (plain text without one). */
export function copiedCitation(
  entry: IndexedFact,
  index: FactIndex,
  document: TextDocumentLike | undefined,
  settings: SettingsSource,
  args: CitationArgs = {},
): string {
  const options: InsertOptions = document
    ? insertOptionsFor(document, settings, todayIso())
    : { format: 'plaintext', style: 'auto', dateStyle: 'en-GB', atDate: todayIso() };
  const citation = formatCitation(
    citedSources(entry, index).map((s) => s.source),
    options,
  );
  return [
    withCitation(insertionText(entry, index, options, args.verb ?? 'said', document?.getText()), citation.inline),
    ...citation.definitions.map((d) => d.text),
  ].join('\n\n');
}
