// The count of the active document's findings in the status bar; a click lists them (Check Document).
import * as vscode from 'vscode';
import { CHECK_CODES } from '../core/check/checker';
import { COMMANDS } from '../workbench/ids';
import type { DocumentCheck } from './diagnostics';
import { title } from './titles';

export class StatusItem implements vscode.Disposable {
  private readonly status = vscode.window.createStatusBarItem('agreementCite.checkFindings', vscode.StatusBarAlignment.Right, 99);
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly check: DocumentCheck) {
    this.status.name = vscode.l10n.t('Agreement Cite: fact check');
    this.status.command = COMMANDS.checkDocument;
    // Hidden until the check publishes the active document's findings: activation reads no settings for it.
    this.disposables = [this.status, check.onDidChange(() => this.update()), vscode.window.onDidChangeActiveTextEditor(() => this.update())];
  }

  private update(): void {
    const document = vscode.window.activeTextEditor?.document;
    if (!document || !this.check.wanted(document)) {
      this.status.hide();
      return;
    }
    const checked = this.check.published(document);
    if (!checked) {
      this.status.hide();
      return;
    }
    const n = checked.findings.length;
    const counts = CHECK_CODES.map((code) => [code, checked.findings.filter((f) => f.code === code).length] as const).filter(([, c]) => c > 0);
    this.status.text = n === 0 ? '$(check) 0' : `$(warning) ${n}`;
    this.status.tooltip =
      n === 0
        ? vscode.l10n.t('Agreement Cite: no fact-check findings in this document')
        : `${vscode.l10n.t('Agreement Cite: {0} fact-check findings in this document', n)} (${counts.map(([code, c]) => `${title(code)}: ${c}`).join(', ')}). ${vscode.l10n.t('Click to list them.')}`;
    this.status.accessibilityInformation = { label: typeof this.status.tooltip === 'string' ? this.status.tooltip : '' };
    this.status.show();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
