// The completion list at a cursor, as plain items; free of `vscode` (completion.ts shows them).
import { renderCard } from '../core/cite/card';
import { definitionEdit, labelIn, type InsertOptions, type TextEdit } from '../core/references/citation';
import { todayIso, type DateStyle } from '../core/document/dates';
import type { DocumentModel } from '../core/document/model';
import type { FactIndex, IndexedFact } from '../core/facts/factIndex';
import { kindLabel, kindTitle, statusLabel } from '../core/facts/labels';
import { prefixIndexFor, TRIGGER_LIST_LIMIT } from '../core/cite/search';
import { factSnippet } from '../core/cite/snippets';
import { FACT_KINDS, type FactKind } from '../core/types';
import { insertOptionsFor, modelOf } from '../workbench/documents';
import { isSupported, type DocumentPosition, type SettingsSource, type Span, type TextDocumentLike } from '../workbench/textDocument';

/** Typed twice, it lists every fact by kind: rare in prose, and unused by Markdown, LaTeX and Pandoc. */
export const TRIGGER = ';;';

/** Fewest letters typed before names are offered while typing. */
const MIN_PREFIX = 3;
const MAX_ITEMS = 50;

/** One fact offered: what the list shows, how it sorts and filters, and what accepting it writes. */
export interface FactCompletion {
  entry: IndexedFact;
  /** The name as typed or listed. */
  label: string;
  /** The fact's own label beside a different alias. */
  labelDetail?: string;
  /** Kind and status, right of the label. */
  description: string;
  kind: FactKind;
  /** Kind, status and publishers. */
  detail: string;
  /** What accepting replaces: the typed words or the trigger, to the cursor. */
  range: Span;
  sortText: string;
  filterText: string;
  /** Snippet syntax (core/cite/snippets.ts). */
  snippet: string;
  /** Footnote definitions the citation needs, as edits elsewhere in the document. */
  additionalEdits: TextEdit[];
  /** For the card shown beside the item. */
  dateStyle: DateStyle;
}

export interface FactCompletions {
  items: FactCompletion[];
  /** Whether the list is to be asked for again as the writer types on. */
  isIncomplete: boolean;
}

interface RequestContext {
  model: DocumentModel;
  offset: number;
  options: InsertOptions;
}

/**
 * Facts for a cursor: every fact by kind after `;;` (narrowed by a phrase
 * typed after it), or the facts whose names start with the last one, two or
 * three words typed. Nothing elsewhere, or in a language not supported.
 */
export function factCompletionsAt(
  document: TextDocumentLike,
  position: DocumentPosition,
  index: FactIndex,
  settings: SettingsSource,
): FactCompletions | undefined {
  if (!isSupported(document)) return undefined;
  const line = document.lineAt(position.line).text.slice(0, position.character);
  // VS Code's offsetAt takes only its own Position objects: the position given, never one made here.
  const offset = document.offsetAt(position);
  const lineStart = offset - line.length;
  const trigger = line.lastIndexOf(TRIGGER);
  const afterTrigger = line.slice(trigger + TRIGGER.length);
  if (trigger >= 0 && /^[\p{L}\p{N} .'’-]*$/u.test(afterTrigger)) {
    const context = contextAt(document, offset, settings);
    // A large pack lists its first facts by kind; typing after the trigger narrows by name.
    const typed = afterTrigger.trim();
    const entries =
      typed.length > 0
        ? prefixIndexFor(index)
            .search(typed, TRIGGER_LIST_LIMIT)
            .map((h) => h.entry)
        : index.facts.slice(0, TRIGGER_LIST_LIMIT);
    const range = { start: lineStart + trigger, end: offset };
    const items = entries.map((entry) => item(context, index, entry, labelIn(entry, context.options.language), range, true));
    // Once a phrase is typed the list is asked for again at each keystroke: the editor's own fuzzy filter over an
    // earlier, shorter phrase's list would rank a fact whose name merely contains its letters ("Mariinskyi" for "massive").
    return { items, isIncomplete: typed.length > 0 || entries.length >= TRIGGER_LIST_LIMIT };
  }
  const hits = wordHits(line, index);
  if (!hits) return undefined;
  const context = contextAt(document, offset, settings);
  const range = { start: lineStart + hits.start, end: offset };
  return { items: hits.entries.map((h) => item(context, index, h.entry, h.alias, range, false)), isIncomplete: true };
}

/** The card shown beside a selected item, as Markdown. */
export function completionCard(item: Pick<FactCompletion, 'entry' | 'dateStyle'>, index: FactIndex): string {
  return renderCard(item.entry, index, { dateStyle: item.dateStyle, today: todayIso() });
}

/** What every item of one request shares: the document's model and the citation settings at the cursor. */
function contextAt(document: TextDocumentLike, offset: number, settings: SettingsSource): RequestContext {
  const model = modelOf(document, settings);
  return { model, offset, options: insertOptionsFor(document, settings, model.dateInQuestionAt(offset).iso, model) };
}

/** Aliases that start with the last one, two or three words typed, longest typed phrase first. */
function wordHits(line: string, index: FactIndex): { start: number; entries: { alias: string; entry: IndexedFact }[] } | undefined {
  const word = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*$/u.exec(line);
  if (!word) return undefined;
  // One per fact base, shared with inline completion.
  const prefixes = prefixIndexFor(index);
  const starts: number[] = [];
  const words = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu;
  const tail = line.slice(Math.max(0, word.index - 60));
  const offset = line.length - tail.length;
  for (let m = words.exec(tail); m; m = words.exec(tail)) starts.push(offset + m.index);
  for (const start of starts.slice(-3)) {
    const typed = line.slice(start);
    if (typed.length < MIN_PREFIX) continue;
    const entries = prefixes.search(typed, MAX_ITEMS);
    if (entries.length > 0) return { start, entries };
  }
  return undefined;
}

function item(context: RequestContext, index: FactIndex, entry: IndexedFact, alias: string, range: Span, byKind: boolean): FactCompletion {
  const { fact } = entry;
  const snippet = factSnippet(entry, index, context.options, context.model, context.offset);
  // The request's model, read once: reading the document again per item made a long list cost a pass over the document per item.
  const definitions = definitionEdit(context.model, snippet.definitions);
  return {
    entry,
    label: alias,
    labelDetail: alias === fact.label ? undefined : `  ${fact.label}`,
    description: `${kindLabel(fact.kind)} · ${statusLabel(entry.status)}`,
    kind: fact.kind,
    detail: `${kindTitle(fact.kind)} · ${statusLabel(entry.status)} · ${entry.sources.map((s) => s.source.publisher).join(', ')}`,
    range,
    sortText: byKind ? `${String(FACT_KINDS.indexOf(fact.kind)).padStart(2, '0')} ${fact.label}` : `${String(alias.length).padStart(4, '0')} ${alias}`,
    // Filtering runs on the text in `range`, which includes the trigger when there is one.
    filterText: byKind ? `${TRIGGER}${alias} ${fact.label} ${kindTitle(fact.kind)} ${fact.aliases.join(' ')}` : alias,
    snippet: snippet.body,
    additionalEdits: definitions ? [definitions] : [],
    dateStyle: context.options.dateStyle,
  };
}
