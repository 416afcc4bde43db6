// A short title for each rule, as the findings list and the status bar name them.
import * as vscode from 'vscode';
import type { CheckCode } from '../core/check/checker';

/** A finding's kind as the Check Document list and the status bar name it, in the display language. */
export function title(code: CheckCode): string {
  switch (code) {
    case 'misquote':
      return vscode.l10n.t('Misquote');
    case 'rendering-as-words':
      return vscode.l10n.t('Rendering quoted as the speaker’s words');
    case 'wrong-event-date':
      return vscode.l10n.t('Wrong date');
    case 'role-not-held':
      return vscode.l10n.t('Role not held at that date');
    case 'role-unconfirmed':
      return vscode.l10n.t('Role not confirmed past the day it was last checked');
    case 'inconsistent-spelling':
      return vscode.l10n.t('Inconsistent spelling');
    case 'unrecorded-quote':
      return vscode.l10n.t('Quotation not in the recorded words');
  }
}
