// Quick fixes of the check's findings: each fix of the finding behind a diagnostic, as a code action (checking.ts finds them).
import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE, rangeOf } from '../workbench/positions';
import type { DocumentCheck } from './diagnostics';
import { quickFixesFor } from './checking';

export class QuickFixes implements vscode.CodeActionProvider {
  static readonly providedCodeActionKinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly check: DocumentCheck) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const ours = context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE);
    if (ours.length === 0) return [];
    const checked = this.check.current(document);
    if (!checked) return [];
    const shown = ours.map((d) => ({
      code: typeof d.code === 'object' ? d.code.value : d.code,
      start: document.offsetAt(d.range.start),
      end: document.offsetAt(d.range.end),
    }));
    const fixes = quickFixesFor(checked.findings, shown, { start: document.offsetAt(range.start), end: document.offsetAt(range.end) });
    return fixes.map((fix) => {
      const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
      action.diagnostics = [checked.diagnostics[fix.finding]];
      action.isPreferred = fix.preferred;
      const edit = new vscode.WorkspaceEdit();
      for (const e of fix.edits) edit.replace(document.uri, rangeOf(document, { start: e.offset, end: e.offset + e.length }), e.text);
      action.edit = edit;
      return action;
    });
  }
}
