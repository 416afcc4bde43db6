// The one DocumentModel of each document version, and what the providers derive from it with the settings.
// Free of `vscode`: the adapters pass the workspace's settings (config.ts), tests a double.
import { DocumentModel, type DateInQuestion } from '../core/document/model';
import { formatForLanguage } from '../core/references/citation';
import type { InsertOptions } from '../core/references/citation';
import { dateStyleIn, todayIso } from '../core/document/dates';
import type { DocLanguage } from '../core/document/language';
import type { SettingsSource, TextDocumentLike } from './textDocument';

/**
 * The model of each open document at its current version (core/document/model.ts):
 * the hover, completion, Insert Citation, the check and the facts view read
 * the same one. Held by the document object only: a closed document's text
 * is not kept here.
 */
const models = new WeakMap<TextDocumentLike, { version: number; model: DocumentModel }>();

/** The document's model at its current version, for its language and the date set for the check. */
export function modelOf(document: TextDocumentLike, settings: SettingsSource): DocumentModel {
  const format = formatForLanguage(document.languageId);
  const documentDate = settings.checkSettings(document).documentDate;
  const today = todayIso();
  const kept = models.get(document);
  const held = kept?.version === document.version ? kept.model : undefined;
  if (held && held.format === format && held.settings.documentDate === documentDate && held.settings.today === today) return held;
  const model = new DocumentModel(document.getText(), format, { documentDate, today });
  models.set(document, { version: document.version, model });
  return model;
}

/** The date a mention at `offset` is read at: its paragraph's, the document's, the setting's, or today (DocumentModel.dateInQuestionAt). */
export function dateInQuestionFor(document: TextDocumentLike, offset: number, settings: SettingsSource): DateInQuestion {
  return modelOf(document, settings).dateInQuestionAt(offset);
}

/** The language citations are written in for this document: `agreementCite.language`, else what the document declares or its script. */
export function languageOf(document: TextDocumentLike, settings: SettingsSource): DocLanguage {
  return modelOf(document, settings).language(settings.settings(document).language);
}

/** How citations are written in this document, from its format, its language and the settings. */
export function insertOptionsFor(document: TextDocumentLike, settings: SettingsSource, atDate?: string): InsertOptions {
  const s = settings.settings(document);
  const language = modelOf(document, settings).language(s.language);
  return {
    format: formatForLanguage(document.languageId),
    style: s.citationStyle,
    dateStyle: dateStyleIn(s.dateStyle, language),
    spellings: s.spellings,
    atDate,
    language,
  };
}
