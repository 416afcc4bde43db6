import * as vscode from 'vscode';
import { formatForLanguage, type InsertOptions } from '../core/references/citation';
import { dateInQuestionAt, type DateInQuestion } from '../core/document/dateInQuestion';
import { checkSettingsFrom, settingsFrom, type CheckSettings, type Settings } from '../core/settings';
import { dateStyleIn } from '../core/document/dates';
import { documentLanguage, type DocLanguage } from '../core/document/language';

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

/** The date a mention at `offset` is read at: its paragraph's, the document's, the setting's, or today (core/dateInQuestion.ts). */
export function dateInQuestionFor(document: vscode.TextDocument, text: string, offset: number): DateInQuestion {
  return dateInQuestionAt(text, offset, formatForLanguage(document.languageId), readCheckSettings(document).documentDate);
}

/** The last document whose language was read, at its version: completions ask on every keystroke. */
let lastLanguage: { document: vscode.TextDocument; version: number; setting: string; language: DocLanguage } | undefined;

/** The language citations are written in for this document: `agreementCite.language`, else what the document declares or its script. */
export function languageOf(document: vscode.TextDocument, setting = readSettings(document).language): DocLanguage {
  const l = lastLanguage;
  if (l && l.document === document && l.version === document.version && l.setting === setting) return l.language;
  const language = documentLanguage(document.getText(), formatForLanguage(document.languageId), setting);
  lastLanguage = { document, version: document.version, setting, language };
  return language;
}

/** How citations are written in this document, from its format, its language and the settings. */
export function insertOptionsFor(document: vscode.TextDocument, atDate?: string): InsertOptions {
  const s = readSettings(document);
  const language = languageOf(document, s.language);
  return { format: formatForLanguage(document.languageId), style: s.citationStyle, dateStyle: dateStyleIn(s.dateStyle, language), spellings: s.spellings, atDate, language };
}
