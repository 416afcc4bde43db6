import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';

/**
 * The core's messages (the check's findings, hover cards, pack problems) go
 * through @vscode/l10n, which knows nothing of VS Code: it is given the
 * bundle VS Code chose for the display language (l10n/bundle.l10n.<lang>.json),
 * the one `vscode.l10n.t` reads, so that every string a writer sees is in
 * that language. In English there is no bundle and both give the source text.
 */
export function useTranslations(): void {
  if (vscode.l10n.bundle) l10n.config({ contents: vscode.l10n.bundle });
}
