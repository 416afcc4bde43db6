import * as vscode from 'vscode';
import { formatForLanguage, type CitationStyle, type InsertOptions } from './core/citation';
import { DATE_STYLES, type DateStyle } from './core/dates';

/** The languages Agreement Cite works in; each maps to a citation format. */
export const SUPPORTED_LANGUAGES = ['markdown', 'latex', 'tex', 'plaintext', 'asciidoc', 'restructuredtext', 'html'] as const;

export const SELECTOR: vscode.DocumentSelector = SUPPORTED_LANGUAGES.map((language) => ({ language }));

export function isSupported(document: vscode.TextDocument): boolean {
  return (SUPPORTED_LANGUAGES as readonly string[]).includes(document.languageId);
}

export interface Settings {
  citationStyle: CitationStyle;
  dateStyle: DateStyle;
  spellings: Record<string, string>;
}

/** The writer's settings for a document, with unknown values falling back to the defaults. */
export function readSettings(scope?: vscode.ConfigurationScope): Settings {
  const c = vscode.workspace.getConfiguration('agreementCite', scope);
  const style = c.get<string>('citationStyle', 'auto');
  const date = c.get<string>('dateLocale', 'en-GB');
  const spellings = c.get<Record<string, unknown>>('preferredSpellings', {});
  return {
    citationStyle: style === 'inline' || style === 'latex-cite' ? style : 'auto',
    dateStyle: (DATE_STYLES as readonly string[]).includes(date) ? (date as DateStyle) : 'en-GB',
    spellings: Object.fromEntries(Object.entries(spellings ?? {}).filter((e): e is [string, string] => typeof e[1] === 'string')),
  };
}

/** How citations are written in this document, from its language and the settings. */
export function insertOptionsFor(document: vscode.TextDocument, atDate?: string): InsertOptions {
  const s = readSettings(document);
  return { format: formatForLanguage(document.languageId), style: s.citationStyle, dateStyle: s.dateStyle, spellings: s.spellings, atDate };
}
