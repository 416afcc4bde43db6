import * as vscode from 'vscode';
import { checkSettingsFrom, settingsFrom, type CheckSettings, type Settings } from '../core/settings';
import { SUPPORTED_LANGUAGES, type SettingsSource, type TextDocumentLike } from './textDocument';

export { isSupported, SUPPORTED_LANGUAGES } from './textDocument';

export const SELECTOR: vscode.DocumentSelector = SUPPORTED_LANGUAGES.map((language) => ({ language }));

export type { Settings };

/**
 * The writer's settings for a document, with unknown values falling back to
 * the defaults. Without a document, those of the workspace (VS Code's `null`
 * scope: asked without one, it warns that resource settings need a resource).
 */
export function readSettings(scope?: vscode.ConfigurationScope): Settings {
  const c = vscode.workspace.getConfiguration('agreementCite', scope ?? null);
  return settingsFrom({
    citationStyle: c.get('citationStyle'),
    dateLocale: c.get('dateLocale'),
    preferredSpellings: c.get('preferredSpellings'),
    language: c.get('language'),
  });
}

/** `agreementCite.check.*` for a document. */
export function readCheckSettings(scope?: vscode.ConfigurationScope): CheckSettings {
  const c = vscode.workspace.getConfiguration('agreementCite.check', scope ?? null);
  return checkSettingsFrom({ enabled: c.get('enabled'), rules: c.get('rules'), documentDate: c.get('documentDate') });
}

/**
 * The workspace's settings, as the providers read them. In the editor every
 * document they are given is a vscode.TextDocument, which VS Code takes as
 * the scope (its folder and its language's overrides).
 */
export const workspaceSettings: SettingsSource = {
  settings: (document: TextDocumentLike) => readSettings(document as vscode.TextDocument),
  checkSettings: (document: TextDocumentLike) => readCheckSettings(document as vscode.TextDocument),
};
