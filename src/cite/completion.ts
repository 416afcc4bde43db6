import * as vscode from 'vscode';
import type { DocumentModel } from '../core/document/model';
import { renderCard } from '../core/cite/card';
import { labelIn, type InsertOptions } from '../core/references/citation';
import { todayIso, type DateStyle } from '../core/document/dates';
import type { FactIndex, IndexedFact } from '../core/facts/factIndex';
import type { FactStore } from '../core/facts/factStore';
import { kindLabel, kindTitle, statusLabel } from '../core/facts/labels';
import { prefixIndexFor, TRIGGER_LIST_LIMIT, type AliasPrefixIndex } from '../core/cite/search';
import { factSnippet } from '../core/cite/snippets';
import { FACT_KINDS, type FactKind } from '../core/types';
import { SELECTOR } from '../workbench/config';
import { dateInQuestionFor, insertOptionsFor, modelOf } from '../workbench/documents';
import { definitionEdits } from './editing';

/** Typed twice, it lists every fact by kind: rare in prose, and unused by Markdown, LaTeX and Pandoc. */
export const TRIGGER = ';;';

/** Fewest letters typed before names are offered while typing. */
const MIN_PREFIX = 3;
const MAX_ITEMS = 50;

interface RequestContext {
  document: vscode.TextDocument;
  model: DocumentModel;
  text: string;
  offset: number;
  options: InsertOptions;
}

/** An item that remembers its fact, so that its card is built only when shown. */
type FactItem = vscode.CompletionItem & { entry?: IndexedFact; dateStyle?: DateStyle };

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
 * Markdown included. Inline completion (inlineCompletion.ts) completes names
 * as ghost text in Markdown too.
 */
export class FactCompletionProvider implements vscode.CompletionItemProvider {
  constructor(private readonly store: FactStore) {}

  provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): vscode.CompletionList | undefined {
    const line = document.lineAt(position.line).text.slice(0, position.character);
    const index = this.store.index;
    const trigger = line.lastIndexOf(TRIGGER);
    const afterTrigger = line.slice(trigger + TRIGGER.length);
    if (trigger >= 0 && /^[\p{L}\p{N} .'’-]*$/u.test(afterTrigger)) {
      const range = new vscode.Range(position.line, trigger, position.line, position.character);
      const context = this.context(document, position);
      // A large pack lists its first facts by kind; typing after the trigger narrows by name.
      const typed = afterTrigger.trim();
      const entries = typed.length > 0 ? this.prefixesFor(index).search(typed, TRIGGER_LIST_LIMIT).map((h) => h.entry) : index.facts.slice(0, TRIGGER_LIST_LIMIT);
      const items = entries.map((entry) => this.item(context, entry, labelIn(entry, context.options.language), range, true));
      // Once a phrase is typed the list is asked for again at each keystroke: the editor's own fuzzy filter over an
      // earlier, shorter phrase's list would rank a fact whose name merely contains its letters ("Mariinskyi" for "massive").
      return new vscode.CompletionList(items, typed.length > 0 || entries.length >= TRIGGER_LIST_LIMIT);
    }
    const hits = this.wordHits(line, index);
    if (!hits) return undefined;
    const range = new vscode.Range(position.line, hits.start, position.line, position.character);
    const context = this.context(document, position);
    return new vscode.CompletionList(hits.entries.map((h) => this.item(context, h.entry, h.alias, range, false)), true);
  }

  resolveCompletionItem(item: vscode.CompletionItem): vscode.CompletionItem {
    const entry = (item as FactItem).entry;
    if (entry && !item.documentation) {
      const doc = new vscode.MarkdownString(renderCard(entry, this.store.index, { dateStyle: (item as FactItem).dateStyle ?? 'en-GB', today: todayIso() }));
      doc.isTrusted = false;
      item.documentation = doc;
    }
    return item;
  }

  /** What every item of one request shares: the document's text and the citation settings. */
  private context(document: vscode.TextDocument, position: vscode.Position): RequestContext {
    const model = modelOf(document);
    const offset = document.offsetAt(position);
    const atDate = dateInQuestionFor(document, offset).iso;
    return { document, model, text: model.text, offset, options: insertOptionsFor(document, atDate) };
  }

  /** Aliases that start with the last one, two or three words typed, longest typed phrase first. */
  private wordHits(line: string, index: FactIndex): { start: number; entries: { alias: string; entry: IndexedFact }[] } | undefined {
    const word = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*$/u.exec(line);
    if (!word) return undefined;
    const prefixes = this.prefixesFor(index);
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

  private prefixesFor(index: FactIndex): AliasPrefixIndex {
    // One per fact base, shared with inline completion.
    return prefixIndexFor(index);
  }

  private item(context: RequestContext, entry: IndexedFact, alias: string, range: vscode.Range, byKind: boolean): vscode.CompletionItem {
    const { fact } = entry;
    const item: FactItem = new vscode.CompletionItem({ label: alias, detail: alias === fact.label ? undefined : `  ${fact.label}`, description: `${kindLabel(fact.kind)} · ${statusLabel(entry.status)}` }, ITEM_KINDS[fact.kind]);
    item.range = range;
    const kindOrder = FACT_KINDS.indexOf(fact.kind);
    item.sortText = byKind ? `${String(kindOrder).padStart(2, '0')} ${fact.label}` : `${String(alias.length).padStart(4, '0')} ${alias}`;
    // Filtering runs on the text in `range`, which includes the trigger when there is one.
    item.filterText = byKind ? `${TRIGGER}${alias} ${fact.label} ${kindTitle(fact.kind)} ${fact.aliases.join(' ')}` : alias;
    item.detail = `${kindTitle(fact.kind)} · ${statusLabel(entry.status)} · ${entry.sources.map((s) => s.source.publisher).join(', ')}`;
    const snippet = factSnippet(entry, this.store.index, context.options, context.model, context.offset);
    item.insertText = new vscode.SnippetString(snippet.body);
    // The request's text, read once: reading the document again per item made a long list cost a pass over the document per item.
    item.additionalTextEdits = definitionEdits(context.document, snippet.definitions, context.model);
    item.entry = entry;
    item.dateStyle = context.options.dateStyle;
    return item;
  }
}

export function registerCompletion(store: FactStore): vscode.Disposable {
  return vscode.languages.registerCompletionItemProvider(SELECTOR, new FactCompletionProvider(store), ';');
}
