import * as vscode from 'vscode';
import { checkSteps, type Finding } from '../core/check/checker';
import { now } from '../core/check/pace';
import { inSlices, SLICE_MS } from '../core/steps';
import type { FactStore } from '../core/facts/factStore';
import { workspaceSettings } from '../workbench/config';
import { modelOf } from '../workbench/documents';
import type { SettingsSource } from '../workbench/textDocument';
import { checkOptionsOf, findingsOf, isChecked } from './checking';
import { nextTurn } from '../platform/nextTurn';
import { rangeOf, toDiagnostic } from '../workbench/positions';

/** Checks wait this long after the last keystroke, so that typing is never checked letter by letter. */
const DEBOUNCE_MS = 300;

/**
 * A longer document is checked in slices of about SLICE_MS, one per turn of
 * the event loop: a first check of a long draft (opened, or the fact base
 * replaced) reads every paragraph, and would otherwise hold the extension
 * host, and the writer's typing, for its whole length.
 */
const SLICED_ABOVE = 64 * 1024;

export interface Checked {
  version: number;
  findings: Finding[];
  diagnostics: vscode.Diagnostic[];
}

/**
 * The document check in the editor: findings of the pure checker as
 * diagnostics, refreshed a moment after typing stops, when a document opens,
 * when settings or the fact base change; cleared when it closes. Quick fixes
 * (quickFixes.ts), the word diff of a misquote on hover (misquoteHover.ts),
 * the Check Document command (checkCommand.ts) and the count in the status
 * bar (statusItem.ts) all read the findings of the document's current
 * version, kept here.
 */
export class DocumentCheck implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('agreementCite.check');
  private readonly results = new Map<string, Checked>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** The check under way for each document: a newer one replaces it. */
  private readonly runs = new Map<string, object>();
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fired when the findings of a document are published or dropped. */
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly store: FactStore,
    private readonly settings: SettingsSource = workspaceSettings,
  ) {
    this.disposables.push(
      this.collection,
      this.changed,
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0) this.schedule(e.document);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d.uri)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('agreementCite')) this.scheduleAll();
      }),
      store.onDidChange(() => this.scheduleAll()),
    );
    // Documents already open are checked after activation, and looked at after it too: activation reads no settings for them.
    const initial = setTimeout(() => this.scheduleAll(), 0);
    this.disposables.push({ dispose: () => clearTimeout(initial) });
  }

  /** Whether the document is one the check reads: a supported language, a draft (not a diff or output), the check on. */
  wanted(document: vscode.TextDocument): boolean {
    return isChecked(document, this.settings);
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
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        if (!document.isClosed) void this.checkInSlices(document, run);
      }, delay),
    );
  }

  /**
   * Checks a document and publishes its findings; a long one a slice at a
   * time, given up when the document changes or a newer check of it is
   * scheduled.
   */
  private async checkInSlices(document: vscode.TextDocument, run: object): Promise<void> {
    const key = document.uri.toString();
    const version = document.version;
    const model = modelOf(document, this.settings);
    if (model.text.length <= SLICED_ABOVE) {
      this.runs.delete(key);
      this.check(document);
      return;
    }
    const steps = checkSteps(model, this.store.index, checkOptionsOf(document, this.settings));
    const stopped = (): boolean => this.runs.get(key) !== run || document.isClosed || document.version !== version;
    const done = await inSlices(steps, nextTurn, SLICE_MS, now, stopped);
    if (!done) return;
    this.runs.delete(key);
    this.publish(document, version, done.value);
  }

  private scheduleAll(): void {
    for (const d of vscode.workspace.textDocuments) this.schedule(d);
    this.changed.fire();
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.runs.delete(key);
    this.results.delete(key);
    this.collection.delete(uri);
    this.changed.fire();
  }

  /** Checks a document now, in one go, and publishes its diagnostics. */
  check(document: vscode.TextDocument): Checked {
    return this.publish(document, document.version, findingsOf(document, this.store.index, this.settings));
  }

  /** Shows the findings of a version of a document as its diagnostics. */
  private publish(document: vscode.TextDocument, version: number, findings: Finding[]): Checked {
    const diagnostics = findings.map((f) => toDiagnostic({ range: rangeOf(document, f), message: f.message, severity: f.severity, code: f.code }));
    const checked = { version, findings, diagnostics };
    this.results.set(document.uri.toString(), checked);
    this.collection.set(document.uri, diagnostics);
    this.changed.fire();
    return checked;
  }

  /** The findings of the version checked last, if that is the document's current version. */
  published(document: vscode.TextDocument): Checked | undefined {
    const checked = this.results.get(document.uri.toString());
    return checked && checked.version === document.version ? checked : undefined;
  }

  /** The findings of the document as it is now, checking it again if it changed since. */
  current(document: vscode.TextDocument): Checked | undefined {
    if (!this.wanted(document)) return undefined;
    const checked = this.results.get(document.uri.toString());
    return checked && checked.version === document.version ? checked : this.check(document);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    for (const d of this.disposables) d.dispose();
  }
}
