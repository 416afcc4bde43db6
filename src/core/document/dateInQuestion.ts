// The date a mention is read at, asked by the hover, completion, Insert
// Citation and the fact check alike, by one chain: the nearest full date in
// the mention's paragraph, else the document's own date (front matter,
// \date{}, a date meta tag), else the date set for the check, else today.
// "Defence Minister Rustem Umerov" in a report dated 1 March 2024 is read on
// that day by every feature, not on the day the writer happens to hover.

import type { DocFormat } from '../references/citation';
import { contextDateAt, formatDate, parseIsoDate, todayIso, type DateStyle } from './dates';
import { documentDate, proseText } from './prose';
import { paragraphAt } from './paragraphs';
import type { IsoDate } from '../types';

export interface DateInQuestion {
  iso: IsoDate;
  /** Where it came from: the paragraph's own date, the document's, the setting, or the clock. */
  source: 'paragraph' | 'document' | 'setting' | 'today';
  /** The date as the text writes it (paragraph, document). */
  written?: string;
}

export function dateInQuestionAt(text: string, offset: number, format: DocFormat, setting?: IsoDate, today: IsoDate = todayIso()): DateInQuestion {
  // The paragraph's prose: a date in markup (a LaTeX preamble, a link, a comment) is not the paragraph's.
  const para = paragraphAt(text, offset);
  const prose = proseText(text.slice(para.start, para.end), format);
  const own = contextDateAt(prose, offset - para.start, { start: 0, end: prose.length });
  if (own) return { iso: own.iso, source: 'paragraph', written: own.written };
  const doc = documentDate(text, format);
  if (doc) return { iso: doc.iso, source: 'document', written: doc.written };
  if (setting && parseIsoDate(setting)?.day !== undefined) return { iso: setting, source: 'setting' };
  return { iso: today, source: 'today' };
}

/** How a card names the date it reads roles at: "on 23 June 2025", "on 1 March 2024 (the document's date)", or undefined for today. */
export function dateInQuestionText(d: DateInQuestion, style: DateStyle): string | undefined {
  switch (d.source) {
    case 'paragraph':
      return d.written ?? formatDate(d.iso, style);
    case 'document':
      return `${formatDate(d.iso, style)} (the document’s date)`;
    case 'setting':
      return `${formatDate(d.iso, style)} (the date set for the check)`;
    case 'today':
      return undefined;
  }
}
