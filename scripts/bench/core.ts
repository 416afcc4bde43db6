// What the benchmark measures, bundled in memory by scripts/bench/bench.mjs:
// the pure core, and the paths each VS Code adapter runs per request.

import type { CardLinks } from '../../src/core/cite/card';
import { renderCard } from '../../src/core/cite/card';
import { definitionEdit, type InsertOptions } from '../../src/core/references/citation';
import { findDates, todayIso } from '../../src/core/document/dates';
import { DocumentModel } from '../../src/core/document/model';
import { dateInQuestionText } from '../../src/core/document/dateInQuestion';
import type { FactIndex, IndexedFact } from '../../src/core/facts/factIndex';
import { kindTitle } from '../../src/core/facts/labels';
import { FACT_KINDS } from '../../src/core/types';
import { pickerRows, prefixIndexFor, TRIGGER_LIST_LIMIT, type PickerRow } from '../../src/core/cite/search';
import { factSnippet } from '../../src/core/cite/snippets';

export { buildFactIndex, buildFactIndexSteps } from '../../src/core/facts/factIndex';
export { parsePackText } from '../../src/core/packs/packLoader';
export { FactStore, bundledLoadedPack } from '../../src/core/facts/factStore';
export { compilePackFiles } from '../../src/core/packs/compilePack';
export { bundleOrder, mergeForBundle } from '../../src/core/packs/buildTools';
export { AliasPrefixIndex, prefixIndexFor, preparationSteps, rankFacts } from '../../src/core/cite/search';
export { findDates } from '../../src/core/document/dates';
export { PackParsing } from '../../src/packs/packParsing';
export { PackCache } from '../../src/core/packs/packCache';
export { encodeBody } from '../../src/core/packs/packCacheEntry';
export { nodePlatform } from '../../src/platform/node';
export { nextTurn } from '../../src/platform/nextTurn';
export { inSlices, SLICE_MS } from '../../src/core/steps';
export * as naive from './naive';

const links: CardLinks = {
  insert: (id) => `command:agreementCite.insertCitation?${encodeURIComponent(JSON.stringify({ factId: id }))}`,
  copy: (id) => `command:agreementCite.copyCitation?${encodeURIComponent(JSON.stringify({ factId: id }))}`,
  openSource: (id) => `command:agreementCite.openSource?${encodeURIComponent(JSON.stringify({ sourceId: id }))}`,
};

/** The model of the draft's current version, as src/workbench/documents.ts keeps one per version. */
let lastModel: DocumentModel | undefined;
export function modelOf(text: string): DocumentModel {
  if (lastModel?.text !== text) lastModel = new DocumentModel(text, 'markdown', { today: todayIso() });
  return lastModel;
}

/** src/cite/hover.ts per hover: the facts under the pointer, the date in question, the cards. */
export function hoverPath(index: FactIndex, text: string, offset: number): string | undefined {
  const matches = index.findAt(text, offset);
  if (matches.length === 0) return undefined;
  const longest = matches[0];
  const when = modelOf(text).dateInQuestionAt(offset);
  const written = dateInQuestionText(when, 'en-GB');
  const contextDate = written === undefined ? undefined : { iso: when.iso, written };
  return longest.values.map((entry) => renderCard(entry, index, { dateStyle: 'en-GB', contextDate, today: todayIso(), links })).join('\n\n---\n\n');
}

interface Item {
  label: string;
  sortText: string;
  filterText: string;
  detail: string;
  body: string;
  definitions: number;
}

function item(index: FactIndex, text: string, offset: number, options: InsertOptions, entry: IndexedFact, alias: string, byKind: boolean): Item {
  const { fact } = entry;
  const kindOrder = FACT_KINDS.indexOf(fact.kind);
  const snippet = factSnippet(entry, index, options, modelOf(text), offset);
  // As src/cite/completionItems.ts adds definitions, with the request's model.
  const def = definitionEdit(modelOf(text), snippet.definitions);
  return {
    label: alias,
    sortText: byKind ? `${String(kindOrder).padStart(2, '0')} ${fact.label}` : `${String(alias.length).padStart(4, '0')} ${alias}`,
    filterText: byKind ? `;;${fact.label} ${kindTitle(fact.kind)} ${fact.aliases.join(' ')}` : alias,
    detail: `${kindTitle(fact.kind)} · ${entry.status} · ${entry.sources.map((s) => s.source.publisher).join(', ')}`,
    body: snippet.body,
    definitions: def ? 1 : 0,
  };
}

function options(text: string, offset: number): InsertOptions {
  const atDate = modelOf(text).dateInQuestionAt(offset).iso;
  return { format: 'markdown', style: 'auto', dateStyle: 'en-GB', spellings: {}, atDate };
}

/** src/cite/completion.ts for a word being typed: prefixes of the last words, then one item per hit. */
export function completionPath(index: FactIndex, text: string, offset: number, line: string): Item[] | undefined {
  const word = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*$/u.exec(line);
  if (!word) return undefined;
  const prefixes = prefixIndexFor(index);
  const starts: number[] = [];
  const words = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu;
  const tail = line.slice(Math.max(0, word.index - 60));
  const lineOffset = line.length - tail.length;
  for (let m = words.exec(tail); m; m = words.exec(tail)) starts.push(lineOffset + m.index);
  for (const start of starts.slice(-3)) {
    const typed = line.slice(start);
    if (typed.length < 3) continue;
    const hits = prefixes.search(typed, 50);
    if (hits.length > 0) {
      const o = options(text, offset);
      return hits.map((h) => item(index, text, offset, o, h.entry, h.alias, false));
    }
  }
  return undefined;
}

/** src/cite/completion.ts after the `;;` trigger: the first TRIGGER_LIST_LIMIT facts. */
export function triggerPath(index: FactIndex, text: string, offset: number): Item[] {
  const o = options(text, offset);
  return index.facts.slice(0, TRIGGER_LIST_LIMIT).map((entry) => item(index, text, offset, o, entry, entry.fact.label, true));
}

/** src/cite/insertCitation.ts pickerItems: the core's rows (the adapter only maps them to QuickPickItems). */
export function pickerPath(index: FactIndex, selection: string): readonly PickerRow[] {
  const rows = pickerRows(index, selection);
  let items = itemsOf.get(rows);
  if (!items) {
    items = rows.map((row) => {
      let pick = picks.get(row);
      if (!pick)
        picks.set(
          row,
          (pick = row.separator
            ? { label: row.label, separator: true }
            : { label: row.label, description: row.description, detail: row.detail, entry: row.entry }),
        );
      return pick;
    });
    itemsOf.set(rows, items);
  }
  return items;
}

const picks = new WeakMap<PickerRow, PickerRow>();
const itemsOf = new WeakMap<readonly PickerRow[], PickerRow[]>();

/** The document check's core until src/core/check/checker.ts exists: every alias and every date in the text. */
export function scanPath(index: FactIndex, text: string): number {
  return index.findAll(text).length + findDates(text, 2025).length;
}
