// How a card names the date it reads a mention at (DocumentModel.dateInQuestionAt):
// "Defence Minister Rustem Umerov" in a report dated 1 March 2024 is read on
// that day by every feature, and the card says so.

import { formatDate, type DateStyle } from './dates';
import type { DateInQuestion } from './model';

/** "on 23 June 2025", "1 March 2024 (the document’s date)", or undefined for today and for a date whose year is not known. */
export function dateInQuestionText(d: DateInQuestion, style: DateStyle): string | undefined {
  switch (d.source) {
    case 'paragraph':
      return d.written ?? formatDate(d.iso, style);
    case 'document':
      return `${formatDate(d.iso, style)} (the document’s date)`;
    case 'setting':
      return `${formatDate(d.iso, style)} (the date set for the check)`;
    case 'today':
    case 'yearless':
      return undefined;
  }
}
