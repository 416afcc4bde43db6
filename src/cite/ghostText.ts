// Inline completion's ghost text at a cursor, and the footnote definitions it needs; free of `vscode` (inlineCompletion.ts shows it).
import { citationEdits, citedSources, formatCitation, hasDefinition, type CitationParts, type TextEdit } from '../core/references/citation';
import type { FactIndex } from '../core/facts/factIndex';
import { prefixIndexFor } from '../core/cite/search';
import { foldText } from '../core/document/text';
import { insertOptionsFor, modelOf } from '../workbench/documents';
import { isSupported, type DocumentPosition, type SettingsSource, type Span, type TextDocumentLike } from '../workbench/textDocument';

/** Fewest characters typed before a name is completed inline. */
const MIN_TYPED = 3;

export interface GhostText {
  /** The words typed, the rest of the name, and its citation. */
  text: string;
  /** What the text replaces: the words typed. */
  range: Span;
  /** Footnote definitions to add once the text is accepted. */
  definitions: CitationParts['definitions'];
}

/**
 * A known name completed with its citation, where one is being typed at the
 * end of a word: "Umer" gives "Umerov[^key]". Nothing for a name typed in
 * full, in the middle of a word, or in a language not supported.
 */
export function ghostTextAt(document: TextDocumentLike, position: DocumentPosition, index: FactIndex, settings: SettingsSource): GhostText | undefined {
  if (!isSupported(document)) return undefined;
  const line = document.lineAt(position.line).text;
  // Only at the end of a word: never in the middle of one.
  if (/^[\p{L}\p{N}]/u.test(line.slice(position.character))) return undefined;
  const before = line.slice(0, position.character);
  // VS Code's offsetAt takes only its own Position objects: the position given, never one made here.
  const lineStart = document.offsetAt(position) - before.length;
  const words = [...before.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu)].slice(-3);
  for (const w of words) {
    const typed = before.slice(w.index);
    if (typed.length < MIN_TYPED) continue;
    const folded = foldText(typed);
    // One prefix index per fact base, shared with completion.
    const hit = prefixIndexFor(index).search(typed, 1)[0];
    // Complete only what is unfinished: a name typed in full gets no ghost text.
    if (!hit || foldText(hit.alias).length <= folded.length) continue;
    const model = modelOf(document, settings);
    const citation = formatCitation(
      citedSources(hit.entry, index).map((s) => s.source),
      insertOptionsFor(document, settings, undefined, model),
      model,
    );
    return {
      text: typed + hit.alias.slice(typed.length) + citation.inline,
      range: { start: lineStart + w.index, end: lineStart + before.length },
      definitions: citation.definitions,
    };
  }
  return undefined;
}

/** Edits adding the definitions a document lacks, after ghost text was accepted; another citation may have added some since. */
export function missingDefinitionEdits(text: string, definitions: unknown): TextEdit[] {
  if (!Array.isArray(definitions)) return [];
  const missing = (definitions as CitationParts['definitions']).filter(
    (d) => typeof d?.key === 'string' && typeof d.text === 'string' && !hasDefinition(text, d.key),
  );
  return citationEdits(text, [], missing);
}
