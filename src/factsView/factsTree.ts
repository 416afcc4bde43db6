// The facts view's rows and the facts a document cites, free of `vscode` (factsView.ts shows them as a tree).
import { citedSources } from '../core/references/citation';
import type { FactIndex, IndexedFact } from '../core/facts/factIndex';
import { citedFacts, type CitedFact } from '../core/references/citedFacts';
import { findCitations } from '../core/references/citationsInText';
import { sortSources } from '../core/references/sourcesSection';
import { labelCollator } from '../core/document/text';
import { FACT_KINDS, type FactKind } from '../core/types';
import { modelOf } from '../workbench/documents';
import type { SettingsSource, TextDocumentLike } from '../workbench/textDocument';

/**
 * A row of the facts view. Fact rows carry `factId` and `sourceId`, and
 * source rows `sourceId`, so that the context menu's Copy Citation and Open
 * Source, which receive the row, read them as their usual arguments.
 */
export type FactsNode =
  | { readonly type: 'cited' }
  | { readonly type: 'kinds' }
  | { readonly type: 'sources' }
  | { readonly type: 'kind'; readonly kind: FactKind; readonly parent: FactsNode }
  | { readonly type: 'source'; readonly sourceId: string; readonly parent: FactsNode }
  | { readonly type: 'fact'; readonly factId: string; readonly sourceId?: string; readonly parent: FactsNode; readonly cited?: CitedFact };

export interface CitedState {
  /** The facts named next to a citation of one of their sources, in document order. */
  facts: CitedFact[];
  /** How many sources the document cites. */
  sources: number;
}

/** Made on first sort, not at load: the first Intl.Collator costs activation milliseconds (see labelCollator). */
const collator = { compare: (a: string, b: string): number => labelCollator().compare(a, b) };

/** The facts a document cites, found once per version of it (its model) and of the fact base. */
export function citedStateOf(document: TextDocumentLike, index: FactIndex, settings: SettingsSource): CitedState {
  const model = modelOf(document, settings);
  return model.memo(index, (): CitedState => {
    const citations = findCitations(model.text, model.format, index);
    return { facts: citedFacts(citations, index), sources: citations.sources.length };
  });
}

/** The rows under a row: cited facts; kinds and sources that have facts; a kind's facts by label; a source's facts by kind, then label. */
export function childrenOf(node: FactsNode, index: FactIndex, cited: CitedState | undefined): FactsNode[] {
  switch (node.type) {
    case 'cited':
      return (cited?.facts ?? []).map((c) => ({ type: 'fact', factId: c.entry.fact.id, sourceId: c.sources[0]?.source.id, parent: node, cited: c }));
    case 'kinds':
      return FACT_KINDS.filter((k) => index.byKind(k).length > 0).map((kind) => ({ type: 'kind', kind, parent: node }));
    case 'sources':
      return sortSources(index.sources)
        .filter((s) => index.bySource(s.source.id).length > 0)
        .map((s) => ({ type: 'source', sourceId: s.source.id, parent: node }));
    case 'kind':
      return [...index.byKind(node.kind)].sort((a, b) => collator.compare(a.fact.label, b.fact.label)).map((e) => factNode(e, index, node));
    case 'source':
      return [...index.bySource(node.sourceId)]
        .sort((a, b) => FACT_KINDS.indexOf(a.fact.kind) - FACT_KINDS.indexOf(b.fact.kind) || collator.compare(a.fact.label, b.fact.label))
        .map((e) => factNode(e, index, node));
    case 'fact':
      return [];
  }
}

function factNode(entry: IndexedFact, index: FactIndex, parent: FactsNode): FactsNode {
  return { type: 'fact', factId: entry.fact.id, sourceId: citedSources(entry, index)[0]?.source.id, parent };
}

/** A row's path from the root, unique in the tree: a fact under two kinds or sources has two. */
export function pathOf(node: FactsNode): string {
  switch (node.type) {
    case 'cited':
    case 'kinds':
    case 'sources':
      return node.type;
    case 'kind':
      return `kinds/${node.kind}`;
    case 'source':
      return `sources/${node.sourceId}`;
    case 'fact':
      return `${pathOf(node.parent)}/${node.factId}`;
  }
}
