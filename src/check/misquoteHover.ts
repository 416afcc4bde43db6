// The word diff of a misquote, and the recorded words, beside the problem's own hover.
import * as vscode from 'vscode';
import { escapeMarkdown } from '../core/document/text';
import type { DocumentCheck } from './diagnostics';

export class MisquoteHover implements vscode.HoverProvider {
  constructor(private readonly check: DocumentCheck) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const checked = this.check.published(document);
    if (!checked) return undefined;
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
}
