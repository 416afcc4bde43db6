import * as vscode from 'vscode';
import { CHECK_CODES, checkDocument, checkSteps, type CheckCode, type CheckOptions, type Finding } from '../core/check/checker';
import { formatForLanguage } from '../core/references/citation';
import type { FactStore } from '../core/facts/factStore';
import { checkOptionsFor } from '../core/settings';
import { escapeMarkdown } from '../core/document/text';
import type { Severity } from '../core/types';
import { COMMANDS } from '../workbench/ids';
import { isSupported, readCheckSettings, readSettings, SELECTOR } from '../workbench/config';
import { nextTurn } from '../platform/nextTurn';

/** Checks wait this long after the last keystroke, so that typing is never checked letter by letter. */
const DEBOUNCE_MS = 300;

/**
 * A longer document is checked in slices of about SLICE_MS, one per turn of
 * the event loop: a first check of a long draft (opened, or the fact base
 * replaced) reads every paragraph, and would otherwise hold the extension
 * host, and the writer's typing, for its whole length.
 */
const SLICED_ABOVE = 64 * 1024;
const SLICE_MS = 4;
const SOURCE = 'Agreement Cite';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

const TITLES: Record<CheckCode, string> = {
  misquote: 'Misquote',
  'rendering-as-words': 'Rendering quoted as the speaker’s words',
  'wrong-event-date': 'Wrong date',
  'role-not-held': 'Role not held at that date',
  'role-unconfirmed': 'Role not confirmed past the day it was last checked',
  'inconsistent-spelling': 'Inconsistent spelling',
  'unrecorded-quote': 'Quotation not in the recorded words',
};

/** Documents in these schemes are views of other text (diffs, output), not drafts. */
const IGNORED_SCHEMES = new Set(['git', 'output', 'debug', 'vscode-scm', 'search-editor']);

/** A finding as the Check Document command returns it: what a writer sees, in editor positions. */
export interface ListedFinding {
  code: CheckCode;
  message: string;
  severity: Severity;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  fixes: string[];
}

interface Checked {
  version: number;
  findings: Finding[];
  diagnostics: vscode.Diagnostic[];
}

/**
 * The document check in the editor: findings of the pure checker as
 * diagnostics, refreshed a moment after typing stops, when a document opens,
 * when settings or the fact base change; cleared when it closes. Quick fixes,
 * the word diff of a misquote on hover, the Check Document command and the
 * count in the status bar all read the findings of the document's current
 * version, kept here.
 */
export class DocumentCheck implements vscode.Disposable, vscode.CodeActionProvider, vscode.HoverProvider {
  static readonly providedCodeActionKinds = [vscode.CodeActionKind.QuickFix];

  private readonly collection = vscode.languages.createDiagnosticCollection('agreementCite.check');
  private readonly results = new Map<string, Checked>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** The check under way for each document: a newer one replaces it. */
  private readonly runs = new Map<string, object>();
  private readonly status = vscode.window.createStatusBarItem('agreementCite.checkFindings', vscode.StatusBarAlignment.Right, 99);
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly store: FactStore) {
    this.status.name = vscode.l10n.t('Agreement Cite: fact check');
    this.status.command = COMMANDS.checkDocument;
    this.disposables.push(
      this.collection,
      this.status,
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0) this.schedule(e.document);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d.uri)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('agreementCite')) this.scheduleAll();
      }),
      vscode.window.onDidChangeActiveTextEditor(() => this.updateStatus()),
      store.onDidChange(() => this.scheduleAll()),
    );
    // Documents already open are checked after activation, not during it.
    this.scheduleAll();
  }

  private wanted(document: vscode.TextDocument): boolean {
    return isSupported(document) && !IGNORED_SCHEMES.has(document.uri.scheme) && readCheckSettings(document).enabled;
  }

  private schedule(document: vscode.TextDocument, delay = DEBOUNCE_MS): void {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    if (!this.wanted(document)) {
      this.forget(document.uri);
      return;
    }
    const run = {};
    this.runs.set(key, run);
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      if (!document.isClosed) void this.checkInSlices(document, run);
    }, delay));
  }

  /**
   * Checks a document and publishes its findings; a long one a slice at a
   * time, given up when the document changes or a newer check of it is
   * scheduled.
   */
  private async checkInSlices(document: vscode.TextDocument, run: object): Promise<void> {
    const key = document.uri.toString();
    const version = document.version;
    const text = document.getText();
    if (text.length <= SLICED_ABOVE) {
      this.runs.delete(key);
      this.check(document);
      return;
    }
    const steps = checkSteps(text, this.store.index, this.options(document));
    for (;;) {
      const until = Date.now() + SLICE_MS;
      let r = steps.next();
      while (!r.done && Date.now() < until) r = steps.next();
      if (r.done) {
        this.runs.delete(key);
        this.publish(document, version, r.value);
        return;
      }
      await nextTurn();
      if (this.runs.get(key) !== run || document.isClosed || document.version !== version) return;
    }
  }

  private scheduleAll(): void {
    for (const d of vscode.workspace.textDocuments) this.schedule(d);
    this.updateStatus();
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.runs.delete(key);
    this.results.delete(key);
    this.collection.delete(uri);
    this.updateStatus();
  }

  private options(document: vscode.TextDocument): CheckOptions {
    return checkOptionsFor(formatForLanguage(document.languageId), readSettings(document), readCheckSettings(document));
  }

  /** Checks a document now, in one go, and publishes its diagnostics. */
  check(document: vscode.TextDocument): Checked {
    return this.publish(document, document.version, checkDocument(document.getText(), this.store.index, this.options(document)));
  }

  /** Shows the findings of a version of a document as its diagnostics. */
  private publish(document: vscode.TextDocument, version: number, findings: Finding[]): Checked {
    const diagnostics = findings.map((f) => {
      const d = new vscode.Diagnostic(new vscode.Range(document.positionAt(f.start), document.positionAt(f.end)), f.message, SEVERITY[f.severity]);
      d.source = SOURCE;
      d.code = f.code;
      return d;
    });
    const checked = { version, findings, diagnostics };
    this.results.set(document.uri.toString(), checked);
    this.collection.set(document.uri, diagnostics);
    this.updateStatus();
    return checked;
  }

  /** The findings of the document as it is now, checking it again if it changed since. */
  current(document: vscode.TextDocument): Checked | undefined {
    if (!this.wanted(document)) return undefined;
    const checked = this.results.get(document.uri.toString());
    return checked && checked.version === document.version ? checked : this.check(document);
  }

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const ours = context.diagnostics.filter((d) => d.source === SOURCE && CHECK_CODES.includes(d.code as CheckCode));
    if (ours.length === 0) return [];
    const checked = this.current(document);
    if (!checked) return [];
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of ours) {
      const start = document.offsetAt(diagnostic.range.start);
      const end = document.offsetAt(diagnostic.range.end);
      // The finding behind the diagnostic: same code and range, or, for a diagnostic from before the last edit, the same code where the request is.
      const finding = checked.findings.find((f) => f.code === diagnostic.code && f.start === start && f.end === end)
        ?? checked.findings.find((f) => f.code === diagnostic.code && f.start <= document.offsetAt(range.end) && f.end >= document.offsetAt(range.start));
      if (!finding) continue;
      const index = checked.findings.indexOf(finding);
      for (const fix of finding.fixes) {
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        action.diagnostics = [checked.diagnostics[index]];
        action.isPreferred = fix.preferred === true;
        const edit = new vscode.WorkspaceEdit();
        for (const e of fix.edits) edit.replace(document.uri, new vscode.Range(document.positionAt(e.offset), document.positionAt(e.offset + e.length)), e.text);
        action.edit = edit;
        actions.push(action);
      }
    }
    return actions;
  }

  /** The word diff of a misquote, and the recorded words, beside the problem's own hover. */
  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const checked = this.results.get(document.uri.toString());
    if (!checked || checked.version !== document.version) return undefined;
    const offset = document.offsetAt(position);
    const finding = checked.findings.find((f) => f.data.diff && f.start <= offset && offset <= f.end);
    if (!finding?.data.diff) return undefined;
    const diff = finding.data.diff
      .map((p) => {
        const text = escapeMarkdown(p.text);
        if (p.op === 'delete') return `~~${text}~~`;
        if (p.op === 'insert') return `**${text}**`;
        if (p.op === 'omitted') return '\\[…\\]';
        return text;
      })
      .join(' ');
    const markdown = new vscode.MarkdownString();
    markdown.appendMarkdown(`**${escapeMarkdown(vscode.l10n.t('How this quotation differs from the recorded words'))}** ${escapeMarkdown(vscode.l10n.t('(struck through: recorded; bold: written here)'))}\n\n`);
    markdown.appendMarkdown(`${diff}\n\n`);
    if (finding.data.recorded) markdown.appendMarkdown(`${escapeMarkdown(vscode.l10n.t('Recorded:'))} “${escapeMarkdown(finding.data.recorded)}”`);
    markdown.isTrusted = false;
    return new vscode.Hover(markdown, new vscode.Range(document.positionAt(finding.start), document.positionAt(finding.end)));
  }

  /**
   * Checks the active document (or `uri`) now, lists its findings in a
   * picker that jumps to each (unless `list` is false), and returns them.
   */
  async checkCommand(arg?: unknown): Promise<ListedFinding[]> {
    const a = (arg && typeof arg === 'object' ? arg : {}) as { uri?: unknown; list?: unknown };
    const uri = typeof a.uri === 'string' ? a.uri : a.uri instanceof vscode.Uri ? a.uri.toString() : undefined;
    const document = uri ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri) : vscode.window.activeTextEditor?.document;
    if (!document || !isSupported(document)) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Agreement Cite: open a Markdown, LaTeX, plain text, AsciiDoc, reStructuredText or HTML document to check it.'));
      return [];
    }
    if (!readCheckSettings(document).enabled) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Agreement Cite: the fact check is turned off (agreementCite.check.enabled).'));
      return [];
    }
    const checked = this.check(document);
    if (a.list !== false) void this.showList(document, checked.findings);
    return checked.findings.map((f) => {
      const start = document.positionAt(f.start);
      const end = document.positionAt(f.end);
      return {
        code: f.code,
        message: f.message,
        severity: f.severity,
        range: { start: { line: start.line, character: start.character }, end: { line: end.line, character: end.character } },
        fixes: f.fixes.map((x) => x.title),
      };
    });
  }

  private async showList(document: vscode.TextDocument, findings: readonly Finding[]): Promise<void> {
    if (findings.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Agreement Cite: no findings in {0}.', vscode.workspace.asRelativePath(document.uri)));
      return;
    }
    const icon: Record<Severity, string> = { error: '$(error)', warning: '$(warning)', info: '$(info)' };
    const version = document.version;
    const items = findings.map((f) => {
      const at = document.positionAt(f.start);
      return {
        label: `${icon[f.severity]} ${TITLES[f.code]}: ${document.getText(new vscode.Range(at, document.positionAt(Math.min(f.end, f.start + 60)))).replace(/\s+/g, ' ')}${f.end - f.start > 60 ? '…' : ''}`,
        description: vscode.l10n.t('line {0}', at.line + 1),
        detail: f.message.replace(/^(?:Misquote|Wrong date): /, ''),
        finding: f,
      };
    });
    const pick = await vscode.window.showQuickPick(items, {
      title: vscode.l10n.t('Agreement Cite: {0} findings', findings.length),
      placeHolder: vscode.l10n.t('Go to a finding'),
      matchOnDetail: true,
    });
    if (!pick || document.isClosed) return;
    // The document may have changed while the picker was open; the check's offsets are for the version listed.
    const finding = document.version === version ? pick.finding : this.current(document)?.findings.find((f) => f.code === pick.finding.code && f.message === pick.finding.message);
    if (!finding) return;
    const editor = await vscode.window.showTextDocument(document);
    const range = new vscode.Range(document.positionAt(finding.start), document.positionAt(finding.end));
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  private updateStatus(): void {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || !this.wanted(document)) {
      this.status.hide();
      return;
    }
    const checked = this.results.get(document.uri.toString());
    if (!checked) {
      this.status.hide();
      return;
    }
    const n = checked.findings.length;
    const counts = CHECK_CODES.map((code) => [code, checked.findings.filter((f) => f.code === code).length] as const).filter(([, c]) => c > 0);
    this.status.text = n === 0 ? '$(check) 0' : `$(warning) ${n}`;
    this.status.tooltip = n === 0
      ? vscode.l10n.t('Agreement Cite: no fact-check findings in this document')
      : `${vscode.l10n.t('Agreement Cite: {0} fact-check findings in this document', n)} (${counts.map(([code, c]) => `${TITLES[code]}: ${c}`).join(', ')}). ${vscode.l10n.t('Click to list them.')}`;
    this.status.accessibilityInformation = { label: typeof this.status.tooltip === 'string' ? this.status.tooltip : '' };
    this.status.show();
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    for (const d of this.disposables) d.dispose();
  }
}

export function registerDocumentCheck(store: FactStore): vscode.Disposable {
  const check = new DocumentCheck(store);
  return vscode.Disposable.from(
    check,
    vscode.languages.registerCodeActionsProvider(SELECTOR, check, { providedCodeActionKinds: DocumentCheck.providedCodeActionKinds }),
    vscode.languages.registerHoverProvider(SELECTOR, check),
    vscode.commands.registerCommand(COMMANDS.checkDocument, (arg?: unknown) => check.checkCommand(arg)),
  );
}
