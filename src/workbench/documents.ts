import * as vscode from 'vscode';
import { DocumentModel, type DateInQuestion } from '../core/document/model';
import { formatForLanguage } from '../core/references/citation';
import type { InsertOptions } from '../core/references/citation';
import { dateStyleIn, todayIso } from '../core/document/dates';
import type { DocLanguage } from '../core/document/language';
import { readCheckSettings, readSettings } from './config';

/**
 * The model of each open document at its current version (core/document/model.ts):
 * the hover, completion, Insert Citation, the check and the facts view read
 * the same one. Held by the document object only: a closed document's text
 * is not kept here.
 */
const models = new WeakMap<vscode.TextDocument, { version: number; model: DocumentModel }>();

/** The document's model at its current version, for its language and the date set for the check. */
export function modelOf(document: vscode.TextDocument): DocumentModel {
  const format = formatForLanguage(document.languageId);
  const documentDate = readCheckSettings(document).documentDate;
  const today = todayIso();
  const held = models.get(document)?.version === document.version ? models.get(document)!.model : undefined;
  if (held && held.format === format && held.settings.documentDate === documentDate && held.settings.today === today) return held;
  const model = new DocumentModel(document.getText(), format, { documentDate, today });
  models.set(document, { version: document.version, model });
  return model;
}

/** The date a mention at `offset` is read at: its paragraph's, the document's, the setting's, or today (DocumentModel.dateInQuestionAt). */
export function dateInQuestionFor(document: vscode.TextDocument, offset: number): DateInQuestion {
  return modelOf(document).dateInQuestionAt(offset);
}

/** The language citations are written in for this document: `agreementCite.language`, else what the document declares or its script. */
export function languageOf(document: vscode.TextDocument, setting = readSettings(document).language): DocLanguage {
  return modelOf(document).language(setting);
}

/** How citations are written in this document, from its format, its language and the settings. */
export function insertOptionsFor(document: vscode.TextDocument, atDate?: string): InsertOptions {
  const s = readSettings(document);
  const language = languageOf(document, s.language);
  return { format: formatForLanguage(document.languageId), style: s.citationStyle, dateStyle: dateStyleIn(s.dateStyle, language), spellings: s.spellings, atDate, language };
}
