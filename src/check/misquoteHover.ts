// The word diff of a misquote, and the recorded words, beside the problem's own hover (checking.ts writes it).
import * as vscode from 'vscode';
import { rangeOf } from '../workbench/positions';
import type { DocumentCheck } from './diagnostics';
import { misquoteCardAt } from './checking';

export class MisquoteHover implements vscode.HoverProvider {
  constructor(private readonly check: DocumentCheck) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const checked = this.check.published(document);
    const card = checked && misquoteCardAt(checked.findings, document.offsetAt(position));
    if (!card) return undefined;
    const markdown = new vscode.MarkdownString(card.markdown);
    markdown.isTrusted = false;
    return new vscode.Hover(markdown, rangeOf(document, card));
  }
}
