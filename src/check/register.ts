// The check room's one registration: the diagnostics, their quick fixes and hover, the command and the status bar item.
import * as vscode from 'vscode';
import type { FactStore } from '../core/facts/factStore';
import { COMMANDS } from '../workbench/ids';
import { SELECTOR } from '../workbench/config';
import { CheckCommand } from './checkCommand';
import { DocumentCheck } from './diagnostics';
import { MisquoteHover } from './misquoteHover';
import { QuickFixes } from './quickFixes';
import { StatusItem } from './statusItem';

export type { ListedFinding } from './checkCommand';

export function registerDocumentCheck(store: FactStore): vscode.Disposable {
  const check = new DocumentCheck(store);
  const command = new CheckCommand(check);
  return vscode.Disposable.from(
    check,
    new StatusItem(check),
    vscode.languages.registerCodeActionsProvider(SELECTOR, new QuickFixes(check), { providedCodeActionKinds: QuickFixes.providedCodeActionKinds }),
    vscode.languages.registerHoverProvider(SELECTOR, new MisquoteHover(check)),
    vscode.commands.registerCommand(COMMANDS.checkDocument, (arg?: unknown) => command.run(arg)),
  );
}
