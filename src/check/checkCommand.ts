// Check Document: checks a document now, lists its findings in a picker that jumps to each, and returns them.
import * as vscode from 'vscode';
import type { CheckCode, Finding } from '../core/check/checker';
import type { Severity } from '../core/types';
import { isSupported, readCheckSettings } from '../workbench/config';
import type { DocumentCheck } from './diagnostics';
import { title } from './titles';

/** A finding as the Check Document command returns it: what a writer sees, in editor positions. */
export interface ListedFinding {
  code: CheckCode;
  message: string;
  severity: Severity;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  fixes: string[];
}

export class CheckCommand {
  constructor(private readonly check: DocumentCheck) {}

  /**
   * Checks the active document (or `uri`) now, lists its findings in a
   * picker that jumps to each (unless `list` is false), and returns them.
   */
  async run(arg?: unknown): Promise<ListedFinding[]> {
    const a = (arg && typeof arg === 'object' ? arg : {}) as { uri?: unknown; list?: unknown };
    const uri = typeof a.uri === 'string' ? a.uri : a.uri instanceof vscode.Uri ? a.uri.toString() : undefined;
    const document = uri ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri) : vscode.window.activeTextEditor?.document;
    if (!document || !isSupported(document)) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t('Agreement Cite: open a Markdown, LaTeX, plain text, AsciiDoc, reStructuredText or HTML document to check it.'),
      );
      return [];
    }
    if (!readCheckSettings(document).enabled) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Agreement Cite: the fact check is turned off (agreementCite.check.enabled).'));
      return [];
    }
    const checked = this.check.check(document);
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
        label: `${icon[f.severity]} ${title(f.code)}: ${document.getText(new vscode.Range(at, document.positionAt(Math.min(f.end, f.start + 60)))).replace(/\s+/g, ' ')}${f.end - f.start > 60 ? '…' : ''}`,
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
    const finding =
      document.version === version
        ? pick.finding
        : this.check.current(document)?.findings.find((f) => f.code === pick.finding.code && f.message === pick.finding.message);
    if (!finding) return;
    const editor = await vscode.window.showTextDocument(document);
    const range = new vscode.Range(document.positionAt(finding.start), document.positionAt(finding.end));
    editor.selection = new vscode.Selection(range.start, range.end);
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }
}
