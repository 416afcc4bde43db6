import * as vscode from 'vscode';
import { EXPORT_EXTENSIONS, exportSources, type ExportFormat } from '../core/references/export';
import type { FactStore } from '../core/facts/factStore';
import { findCitations } from '../core/references/citationsInText';
import { frontMatterBibliography, sortSources, updateSourcesSection, type SectionAction } from '../core/references/sourcesSection';
import { isSupported, workspaceSettings } from '../workbench/config';
import { insertOptionsFor } from '../workbench/documents';
import { COMMANDS } from '../workbench/ids';

/** What the Sources section command did, for callers and tests. */
export interface SourcesSectionResult {
  action: SectionAction;
  /** Ids of the sources listed, in list order. */
  sources: string[];
}

/**
 * Inserts the Sources section of the active document, or brings it up to
 * date in place, as one undo step. Makes no edit when it is already current.
 */
export async function insertSourcesSection(store: FactStore): Promise<SourcesSectionResult | undefined> {
  const editor = vscode.window.activeTextEditor;
  // A YAML or code file has no Sources section: it would get a plain-text one.
  if (!editor || !isSupported(editor.document)) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t('Agreement Cite: open a Markdown, LaTeX, AsciiDoc, reStructuredText, HTML or plain text document to add its Sources section.'),
    );
    return undefined;
  }
  const { document } = editor;
  const update = updateSourcesSection(document.getText(), insertOptionsFor(document, workspaceSettings), store.index);
  const result: SourcesSectionResult = { action: update.action, sources: update.sources.map((s) => s.source.id) };
  const count = update.sources.length;
  if (update.edit) {
    const e = update.edit;
    const range = new vscode.Range(document.positionAt(e.offset), document.positionAt(e.offset + e.length));
    if (!(await editor.edit((b) => b.replace(range, e.text)))) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Agreement Cite: the Sources section could not be written; the document is unchanged.'));
      return undefined;
    }
  }
  switch (update.action) {
    case 'inserted':
    case 'updated':
      void vscode.window.setStatusBarMessage(
        count === 1
          ? vscode.l10n.t('Agreement Cite: Sources section lists 1 source')
          : vscode.l10n.t('Agreement Cite: Sources section lists {0} sources', count),
        4000,
      );
      break;
    case 'unchanged':
      void vscode.window.setStatusBarMessage(vscode.l10n.t('Agreement Cite: the Sources section is up to date'), 4000);
      break;
    case 'removed':
      void vscode.window.showInformationMessage(vscode.l10n.t('Agreement Cite: the document cites no source any more, so its Sources section was removed.'));
      break;
    case 'nothing-cited':
      void vscode.window.showInformationMessage(vscode.l10n.t('Agreement Cite: this document cites no source yet. Insert a citation first.'));
      break;
    case 'broken':
    case 'bibliography':
      void vscode.window.showWarningMessage(`Agreement Cite: ${update.message ?? ''}`);
      break;
  }
  return result;
}

export type ExportScope = 'all' | 'cited';

/** Arguments of the export command, for tests and keybindings; without targets the command asks. */
export interface ExportArgs {
  scope?: ExportScope;
  /** Where to write the BibTeX file. */
  bibtex?: vscode.Uri | string;
  /** Where to write the CSL-JSON file. */
  cslJson?: vscode.Uri | string;
}

export interface ExportResult {
  scope: ExportScope;
  /** Ids of the sources written, in file order. */
  sources: string[];
  files: { format: ExportFormat; uri: string }[];
}

function toUri(target: vscode.Uri | string): vscode.Uri {
  if (typeof target !== 'string') return target;
  return /^[a-z][a-z0-9+.-]+:/i.test(target) && !/^[a-z]:[\\/]/i.test(target) ? vscode.Uri.parse(target) : vscode.Uri.file(target);
}

function parseExportArgs(arg: unknown): ExportArgs {
  if (!arg || typeof arg !== 'object') return {};
  const a = arg as Record<string, unknown>;
  const target = (v: unknown): vscode.Uri | string | undefined => (typeof v === 'string' || v instanceof vscode.Uri ? v : undefined);
  return {
    scope: a.scope === 'all' || a.scope === 'cited' ? a.scope : undefined,
    bibtex: target(a.bibtex),
    cslJson: target(a.cslJson),
  };
}

interface ScopePick extends vscode.QuickPickItem {
  scope: ExportScope;
}

interface FormatPick extends vscode.QuickPickItem {
  formats: ExportFormat[];
}

/** The file name a new export is offered under: beside the document, named after it. */
function defaultTarget(document: vscode.TextDocument | undefined, extension: string): vscode.Uri | undefined {
  if (document && document.uri.scheme !== 'untitled') {
    const base = document.uri.path.replace(/^.*\//, '').replace(/\.[^.]*$/, '') || 'sources';
    return vscode.Uri.joinPath(document.uri, '..', `${base}.${extension}`);
  }
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  return folder ? vscode.Uri.joinPath(folder, `sources.${extension}`) : undefined;
}

/** The files a document's front matter names as its bibliography, in the formats their extensions say. */
function bibliographyTargets(document: vscode.TextDocument): { format: ExportFormat; uri: vscode.Uri }[] {
  const out: { format: ExportFormat; uri: vscode.Uri }[] = [];
  for (const file of frontMatterBibliography(document.getText()) ?? []) {
    const format: ExportFormat | undefined = /\.bib$/i.test(file) ? 'bibtex' : /\.json$/i.test(file) ? 'csl-json' : undefined;
    if (!format || /^[a-z][a-z0-9+.-]*:/i.test(file)) continue;
    out.push({ format, uri: file.startsWith('/') ? document.uri.with({ path: file }) : vscode.Uri.joinPath(document.uri, '..', file) });
  }
  return out;
}

/** The same file name with another extension. */
function withExtension(uri: vscode.Uri, extension: string): vscode.Uri {
  const path = /\.[^./]*$/.test(uri.path) ? uri.path.replace(/\.[^./]*$/, `.${extension}`) : `${uri.path}.${extension}`;
  return uri.with({ path });
}

/**
 * Writes the sources (all, or those the active document cites) as BibTeX
 * and/or CSL-JSON. With targets in the arguments it asks nothing.
 */
export async function exportSourceFiles(store: FactStore, arg?: unknown): Promise<ExportResult | undefined> {
  const args = parseExportArgs(arg);
  const editor = vscode.window.activeTextEditor;
  const document = editor && isSupported(editor.document) ? editor.document : undefined;
  const index = store.index;
  const cited = document ? sortSources(findCitations(document.getText(), insertOptionsFor(document, workspaceSettings).format, index).sources) : [];
  const all = sortSources(index.sources);

  let scope = args.scope;
  if (!scope) {
    if (!document || args.bibtex || args.cslJson) scope = document ? 'cited' : 'all';
    else {
      const name = document.uri.path.replace(/^.*\//, '');
      const pick = await vscode.window.showQuickPick<ScopePick>(
        [
          { label: vscode.l10n.t('Sources cited in {0}', name), description: String(cited.length), scope: 'cited' },
          { label: vscode.l10n.t('All sources in the fact base'), description: String(all.length), scope: 'all' },
        ],
        { title: vscode.l10n.t('Export Sources'), placeHolder: vscode.l10n.t('Which sources?') },
      );
      if (!pick) return undefined;
      scope = pick.scope;
    }
  }
  if (scope === 'cited' && !document) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Agreement Cite: open a document to export the sources it cites.'));
    return undefined;
  }
  const sources = scope === 'cited' ? cited : all;
  if (sources.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Agreement Cite: this document cites no source yet; nothing was exported.'));
    return undefined;
  }

  const targets: { format: ExportFormat; uri: vscode.Uri }[] = [];
  if (args.bibtex) targets.push({ format: 'bibtex', uri: toUri(args.bibtex) });
  if (args.cslJson) targets.push({ format: 'csl-json', uri: toUri(args.cslJson) });
  // A Markdown document whose front matter names its bibliography for Pandoc: that file is the one to write.
  const named = targets.length === 0 && document?.languageId === 'markdown' && document.uri.scheme !== 'untitled' ? bibliographyTargets(document) : [];
  targets.push(...named);
  if (targets.length === 0) {
    const formatPick = await vscode.window.showQuickPick<FormatPick>(
      [
        { label: 'BibTeX', description: '.bib', detail: vscode.l10n.t('For biblatex (\\cite{key}), Pandoc and Zotero'), formats: ['bibtex'] },
        { label: 'CSL-JSON', description: '.json', detail: vscode.l10n.t('For Pandoc (--bibliography, [@key]) and Zotero'), formats: ['csl-json'] },
        { label: vscode.l10n.t('Both'), description: '.bib + .json', detail: vscode.l10n.t('Two files with the same name'), formats: ['bibtex', 'csl-json'] },
      ],
      { title: vscode.l10n.t('Export Sources'), placeHolder: vscode.l10n.t('Which format?') },
    );
    if (!formatPick) return undefined;
    const first = formatPick.formats[0];
    const uri = await vscode.window.showSaveDialog({
      title: vscode.l10n.t('Export Sources'),
      defaultUri: defaultTarget(document, EXPORT_EXTENSIONS[first]),
      filters: first === 'bibtex' ? { BibTeX: ['bib'] } : { 'CSL-JSON': ['json'] },
      saveLabel: vscode.l10n.t('Export'),
    });
    if (!uri) return undefined;
    for (const format of formatPick.formats) targets.push({ format, uri: format === first ? uri : withExtension(uri, EXPORT_EXTENSIONS[format]) });
  }

  const encoder = new TextEncoder();
  try {
    for (const t of targets) await vscode.workspace.fs.writeFile(t.uri, encoder.encode(exportSources(sources, t.format)));
  } catch (err) {
    void vscode.window.showErrorMessage(
      vscode.l10n.t('Agreement Cite: the sources could not be written: {0}', err instanceof Error ? err.message : String(err)),
    );
    return undefined;
  }
  const names = targets.map((t) => t.uri.path.replace(/^.*\//, '')).join(', ');
  const open = vscode.l10n.t('Open');
  void vscode.window
    .showInformationMessage(
      sources.length === 1
        ? vscode.l10n.t('Agreement Cite: exported 1 source to {0}.', names)
        : vscode.l10n.t('Agreement Cite: exported {0} sources to {1}.', sources.length, names),
      open,
    )
    .then((choice) => (choice === open ? vscode.window.showTextDocument(targets[0].uri) : undefined));
  return { scope, sources: sources.map((s) => s.source.id), files: targets.map((t) => ({ format: t.format, uri: t.uri.toString() })) };
}

export function registerReferenceCommands(store: FactStore): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(COMMANDS.insertSourcesSection, () => insertSourcesSection(store)),
    vscode.commands.registerCommand(COMMANDS.exportSources, (arg?: unknown) => exportSourceFiles(store, arg)),
  );
}
