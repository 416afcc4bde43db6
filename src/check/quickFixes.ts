// Quick fixes of the check's findings: each fix of the finding behind a diagnostic, as a code action.
import * as vscode from 'vscode';
import { CHECK_CODES, type CheckCode } from '../core/check/checker';
import { DIAGNOSTIC_SOURCE } from '../workbench/positions';
import type { DocumentCheck } from './diagnostics';

export class QuickFixes implements vscode.CodeActionProvider {
  static readonly providedCodeActionKinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly check: DocumentCheck) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const ours = context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE && CHECK_CODES.includes(d.code as CheckCode));
    if (ours.length === 0) return [];
    const checked = this.check.current(document);
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
}
