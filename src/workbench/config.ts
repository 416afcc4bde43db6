import * as vscode from 'vscode';
import { checkSettingsFrom, settingsFrom, type CheckSettings, type Settings } from '../core/settings';

/** The languages Agreement Cite works in; each maps to a citation format. */
export const SUPPORTED_LANGUAGES = ['markdown', 'latex', 'tex', 'plaintext', 'asciidoc', 'restructuredtext', 'html'] as const;

export const SELECTOR: vscode.DocumentSelector = SUPPORTED_LANGUAGES.map((language) => ({ language }));

export function isSupported(document: vscode.TextDocument): boolean {
  return (SUPPORTED_LANGUAGES as readonly string[]).includes(document.languageId);
}

export type { Settings };

/** The writer's settings for a document, with unknown values falling back to the defaults. */
export function readSettings(scope?: vscode.ConfigurationScope): Settings {
  const c = vscode.workspace.getConfiguration('agreementCite', scope);
  return settingsFrom({ citationStyle: c.get('citationStyle'), dateLocale: c.get('dateLocale'), preferredSpellings: c.get('preferredSpellings'), language: c.get('language') });
}

/** `agreementCite.check.*` for a document. */
export function readCheckSettings(scope: vscode.ConfigurationScope): CheckSettings {
  const c = vscode.workspace.getConfiguration('agreementCite.check', scope);
  return checkSettingsFrom({ enabled: c.get('enabled'), rules: c.get('rules'), documentDate: c.get('documentDate') });
}

