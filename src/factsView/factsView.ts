import * as vscode from 'vscode';
import { describeSource, factText } from '../core/references/citation';
import { formatDate } from '../core/document/dates';
import type { FactIndex, IndexedSource } from '../core/facts/factIndex';
import type { FactStore } from '../core/facts/factStore';
import type { CitedFact } from '../core/references/citedFacts';
import { kindTitle, statusLabel } from '../core/facts/labels';
import { escapeMarkdown } from '../core/document/text';
import type { FactKind, SourceKind } from '../core/types';
import { COMMANDS, VIEWS } from '../workbench/ids';
import { isSupported, readSettings, workspaceSettings } from '../workbench/config';
import { childrenOf, citedStateOf, pathOf, type CitedState, type FactsNode } from './factsTree';

export type { FactsNode } from './factsTree';

/** Runs when a fact row is clicked or Enter is pressed on it; not in the palette. */
/** The document's own changes refresh the view this long after the last keystroke. */
const DEBOUNCE_MS = 300;

/** What tests and other extensions can read of the view: its rows as the tree shows them, and the status bar item. */
export interface FactsViewApi {
  getChildren(node?: FactsNode): FactsNode[];
  getTreeItem(node: FactsNode): vscode.TreeItem;
  reveal(node: FactsNode, options?: { expand?: boolean | number; select?: boolean; focus?: boolean }): Thenable<void>;
  /** The facts the tracked document cites, in document order. */
  citedFacts(): CitedFact[];
  readonly statusBar: { readonly text: string; readonly tooltip: string; readonly visible: boolean };
}

const KIND_ICONS: Record<FactKind, string> = {
  person: 'person',
  role: 'briefcase',
  event: 'calendar',
  place: 'location',
  organisation: 'organization',
  agreement: 'law',
  provision: 'list-ordered',
  figure: 'symbol-number',
  term: 'symbol-keyword',
  quote: 'quote',
};

const SOURCE_ICONS: Record<SourceKind, string> = {
  wire: 'radio-tower',
  outlet: 'book',
  parliament: 'law',
  'official-record': 'law',
  government: 'law',
  encyclopedia: 'library',
  'social-media': 'comment',
  other: 'file',
};

/**
 * The facts view, in a view container of its own so that the tree has the
 * side bar's height: the facts cited in the active document,
 * every fact by kind and by source with its status; clicking a fact inserts
 * its citation into the document last edited. A status bar item counts the
 * facts the document cites.
 */
export class FactsView implements vscode.TreeDataProvider<FactsNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<FactsNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly roots: { cited: FactsNode; kinds: FactsNode; sources: FactsNode } = {
    cited: { type: 'cited' },
    kinds: { type: 'kinds' },
    sources: { type: 'sources' },
  };
  private readonly statusItem = vscode.window.createStatusBarItem('agreementCite.citedFacts', vscode.StatusBarAlignment.Right, 100);
  private readonly disposables: vscode.Disposable[] = [];
  /** The report the view speaks of: the active editor's, kept while focus is in the view or a panel. */
  private document?: vscode.TextDocument;
  private viewColumn?: vscode.ViewColumn;
  private timer?: ReturnType<typeof setTimeout>;
  private treeView?: vscode.TreeView<FactsNode>;

  constructor(private readonly store: FactStore) {
    this.statusItem.name = vscode.l10n.t('Agreement Cite: cited facts');
    this.statusItem.command = `${VIEWS.facts}.focus`;
    this.disposables.push(
      this.changed,
      this.statusItem,
      store.onDidChange(() => this.refresh()),
      vscode.window.onDidChangeActiveTextEditor((e) => this.follow(e)),
      vscode.window.onDidChangeVisibleTextEditors(() => this.follow(vscode.window.activeTextEditor)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === this.document && e.contentChanges.length > 0) this.schedule();
      }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (d === this.document) this.follow(undefined);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('agreementCite')) this.refresh();
      }),
    );
    // Activation does not wait for the first count: it is made just after.
    const first = vscode.window.activeTextEditor;
    if (first && isSupported(first.document)) {
      this.document = first.document;
      this.viewColumn = first.viewColumn;
      this.schedule();
    }
  }

  attach(treeView: vscode.TreeView<FactsNode>): void {
    this.treeView = treeView;
  }

  /** Tracks the active editor's document; a panel or the view taking focus keeps the last one. */
  private follow(editor: vscode.TextEditor | undefined): void {
    let next = this.document;
    if (editor && editor.document.uri.scheme !== 'output') {
      next = isSupported(editor.document) ? editor.document : undefined;
      if (next) this.viewColumn = editor.viewColumn;
    } else if (!editor && next && !vscode.window.visibleTextEditors.some((e) => e.document === next)) {
      next = undefined;
    }
    if (next === this.document) return;
    this.document = next;
    this.updateCited();
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.updateCited();
    }, DEBOUNCE_MS);
  }

  private refresh(): void {
    this.updateStatus();
    this.changed.fire(undefined);
  }

  private updateCited(): void {
    this.updateStatus();
    this.changed.fire(this.roots.cited);
  }

  /** The facts the tracked document cites, found once per version of it (its model) and of the fact base. */
  citedState(): CitedState | undefined {
    const doc = this.document;
    if (!doc || doc.isClosed) return undefined;
    return citedStateOf(doc, this.store.index, workspaceSettings);
  }

  private updateStatus(): void {
    const state = this.citedState();
    if (!state) {
      this.statusItem.hide();
      return;
    }
    const n = state.facts.length;
    this.statusItem.text = `$(book) ${vscode.l10n.t('{0} cited', n)}`;
    const facts = n === 1 ? vscode.l10n.t('1 fact') : vscode.l10n.t('{0} facts', n);
    const sources = state.sources === 1 ? vscode.l10n.t('1 source') : vscode.l10n.t('{0} sources', state.sources);
    this.statusItem.tooltip = vscode.l10n.t('{0} cited from {1} in this document. Click to show the facts.', facts, sources);
    this.statusItem.show();
  }

  get statusBar(): FactsViewApi['statusBar'] {
    const tooltip = this.statusItem.tooltip;
    return { text: this.statusItem.text, tooltip: typeof tooltip === 'string' ? tooltip : (tooltip?.value ?? ''), visible: this.citedState() !== undefined };
  }

  getChildren(node?: FactsNode): FactsNode[] {
    return node ? childrenOf(node, this.store.index, this.citedState()) : [this.roots.cited, this.roots.kinds, this.roots.sources];
  }

  getParent(node: FactsNode): FactsNode | undefined {
    return 'parent' in node ? node.parent : undefined;
  }

  getTreeItem(node: FactsNode): vscode.TreeItem {
    const index = this.store.index;
    const dateStyle = readSettings(this.document).dateStyle;
    const Collapsed = vscode.TreeItemCollapsibleState.Collapsed;
    switch (node.type) {
      case 'cited': {
        const state = this.citedState();
        const name = this.document ? this.document.uri.path.replace(/^.*\//, '') : '';
        const item = new vscode.TreeItem(
          state ? vscode.l10n.t('Cited in this document ({0})', state.facts.length) : vscode.l10n.t('Cited in this document'),
          state && state.facts.length > 0 ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None,
        );
        item.id = 'cited';
        item.description = state ? name : vscode.l10n.t('no report open');
        item.iconPath = new vscode.ThemeIcon('bookmark');
        item.tooltip = state
          ? vscode.l10n.t('Facts named next to a citation of one of their sources in {0}', name)
          : vscode.l10n.t('Open a Markdown, LaTeX, AsciiDoc, reStructuredText, HTML or plain text document to see the facts it cites.');
        return item;
      }
      case 'kinds': {
        const item = new vscode.TreeItem(vscode.l10n.t('By kind'), Collapsed);
        item.id = 'kinds';
        item.description = vscode.l10n.t('{0} facts', index.facts.length);
        item.iconPath = new vscode.ThemeIcon('symbol-class');
        return item;
      }
      case 'sources': {
        const item = new vscode.TreeItem(vscode.l10n.t('By source'), Collapsed);
        item.id = 'sources';
        item.description = vscode.l10n.t('{0} sources', index.sources.length);
        item.iconPath = new vscode.ThemeIcon('library');
        return item;
      }
      case 'kind': {
        const item = new vscode.TreeItem(kindTitle(node.kind), Collapsed);
        item.id = `kind:${node.kind}`;
        item.description = String(index.byKind(node.kind).length);
        item.iconPath = new vscode.ThemeIcon(KIND_ICONS[node.kind]);
        return item;
      }
      case 'source':
        return this.sourceItem(node.sourceId, index, dateStyle);
      case 'fact':
        return this.factItem(node, index, dateStyle);
    }
  }

  private sourceItem(sourceId: string, index: FactIndex, dateStyle: ReturnType<typeof readSettings>['dateStyle']): vscode.TreeItem {
    const s = index.source(sourceId);
    const item = new vscode.TreeItem(s?.source.publisher ?? sourceId, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = `source:${sourceId}`;
    if (!s) return item;
    const { source } = s;
    item.description = [source.date ? formatDate(source.date, dateStyle) : undefined, `\u201C${source.title}\u201D`].filter(Boolean).join(' \u00B7 ');
    item.tooltip = new vscode.MarkdownString(
      `${escapeMarkdown(describeSource(source, dateStyle))}${source.url ? `\n\n${escapeMarkdown(source.url)}` : ''}\n\n${escapeMarkdown(vscode.l10n.t('{0} facts', index.bySource(sourceId).length))}`,
    );
    item.iconPath = new vscode.ThemeIcon(SOURCE_ICONS[source.kind]);
    item.contextValue = source.url ? 'source-linked' : 'source';
    return item;
  }

  private factItem(node: Extract<FactsNode, { type: 'fact' }>, index: FactIndex, dateStyle: ReturnType<typeof readSettings>['dateStyle']): vscode.TreeItem {
    const entry = index.fact(node.factId);
    const item = new vscode.TreeItem(entry?.fact.label ?? node.factId, vscode.TreeItemCollapsibleState.None);
    item.id = `${pathOf(node.parent)}/fact:${node.factId}`;
    if (!entry) return item;
    const source: IndexedSource | undefined = node.sourceId ? index.source(node.sourceId) : undefined;
    item.description = statusLabel(entry.status);
    const value = entry.fact.kind === 'quote' && entry.wording ? `\u201C${entry.wording.text}\u201D` : factText(entry, dateStyle);
    const lines = [
      `**${escapeMarkdown(entry.fact.label)}** \u2014 ${escapeMarkdown(statusLabel(entry.status))} (${escapeMarkdown(entry.statusReason)})`,
      escapeMarkdown(value),
    ];
    if (node.cited) lines.push(escapeMarkdown(vscode.l10n.t('Cited with: {0}', node.cited.sources.map((s) => describeSource(s.source, dateStyle)).join('; '))));
    else if (source) lines.push(escapeMarkdown(vscode.l10n.t('Source: {0}', describeSource(source.source, dateStyle))));
    lines.push(escapeMarkdown(vscode.l10n.t('Click to insert it with its citation.')));
    item.tooltip = new vscode.MarkdownString(lines.join('\n\n'));
    item.iconPath = new vscode.ThemeIcon(
      KIND_ICONS[entry.fact.kind],
      entry.status === 'disputed' ? new vscode.ThemeColor('list.warningForeground') : undefined,
    );
    item.contextValue = source?.source.url ? 'fact-linked' : 'fact';
    item.command = { command: COMMANDS.insertFromFactsView, title: vscode.l10n.t('Insert Citation'), arguments: [{ factId: entry.fact.id }] };
    item.accessibilityInformation = { label: `${entry.fact.label}, ${kindTitle(entry.fact.kind)}, ${statusLabel(entry.status)}` };
    return item;
  }

  /**
   * Inserts a fact into the document the view speaks of: clicking a row moves
   * focus to the view, so the editor is brought back first and keeps its cursors.
   */
  async insertFromView(arg: unknown): Promise<unknown> {
    const doc = this.document;
    if (doc && !doc.isClosed) {
      const active = vscode.window.activeTextEditor;
      await vscode.window.showTextDocument(doc, { viewColumn: active?.document === doc ? active.viewColumn : this.viewColumn, preserveFocus: false });
    }
    return vscode.commands.executeCommand(COMMANDS.insertCitation, arg);
  }

  reveal(node: FactsNode, options?: { expand?: boolean | number; select?: boolean; focus?: boolean }): Thenable<void> {
    return this.treeView ? this.treeView.reveal(node, options) : Promise.resolve();
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}

export function registerFactsView(store: FactStore): { disposable: vscode.Disposable; api: FactsViewApi } {
  const view = new FactsView(store);
  const treeView = vscode.window.createTreeView(VIEWS.facts, { treeDataProvider: view, showCollapseAll: true });
  view.attach(treeView);
  const api: FactsViewApi = {
    getChildren: (node) => view.getChildren(node),
    getTreeItem: (node) => view.getTreeItem(node),
    reveal: (node, options) => view.reveal(node, options),
    citedFacts: () => view.citedState()?.facts ?? [],
    get statusBar() {
      return view.statusBar;
    },
  };
  return {
    disposable: vscode.Disposable.from(
      view,
      treeView,
      vscode.commands.registerCommand(COMMANDS.insertFromFactsView, (arg?: unknown) => view.insertFromView(arg)),
    ),
    api,
  };
}
