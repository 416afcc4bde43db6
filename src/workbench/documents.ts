// The one DocumentModel of each document version, and what the providers derive from it with the settings.
// Free of `vscode`: the adapters pass the workspace's settings (config.ts), tests a double.
import { DocumentModel } from '../core/document/model';
import { formatForLanguage } from '../core/references/citation';
import type { InsertOptions } from '../core/references/citation';
import { todayIso } from '../core/document/dates';
import { writtenIn } from '../core/document/writtenIn';
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

/**
 * How citations are written in this document, from its format, its language
 * (`agreementCite.language`, else what the document declares or its script)
 * and the settings. A caller that has the document's model passes it.
 */
export function insertOptionsFor(document: TextDocumentLike, settings: SettingsSource, atDate?: string, model = modelOf(document, settings)): InsertOptions {
  const s = settings.settings(document);
  return { ...writtenIn(model, s.citationStyle, s.dateStyle, s.language), spellings: s.spellings, atDate };
}
