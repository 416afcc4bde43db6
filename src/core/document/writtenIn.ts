// How what Agreement Cite writes into a document is written: in the document's language, with its date style.
// Insert Citation, completion and the check's fixes read this one answer, so a fix cites as Insert Citation would.
import type { CitationOptions, CitationStyle } from '../references/citation';
import { dateStyleIn, type DateStyle } from './dates';
import type { LanguageSetting } from './language';
import type { DocumentModel } from './model';

/**
 * The citation options of a document: its format, the writer's citation
 * style, and the language (`agreementCite.language`, else what the document
 * declares, else its script: `model.language`) with the date style written in
 * it ("23 червня 2025 року" in a Ukrainian document unless ISO is set).
 */
export function writtenIn(
  model: DocumentModel,
  style: CitationStyle,
  dateStyle: DateStyle,
  setting: LanguageSetting = 'auto',
): CitationOptions & { language: string } {
  const language = model.language(setting);
  return { format: model.format, style, dateStyle: dateStyleIn(dateStyle, language), language };
}
