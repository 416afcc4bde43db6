// Dates as a document holds them: each in offsets of the document, a date
// written without a year given the year the text around it speaks of.
import { daysInMonth, parseIsoDate, toIso, type findDates } from './dates';
import type { IsoDate } from '../types';

export interface DateInText {
  start: number;
  end: number;
  /** Full ISO dates; for a date written without a year, those of the year the text around it speaks of. */
  first?: IsoDate;
  last?: IsoDate;
  month?: number;
  day?: number;
  hasYear: boolean;
  hasDay: boolean;
}

/** A date found in a paragraph, in offsets of the document; a date without a year takes one later (`resolveYears`). */
export function placedDate(d: ReturnType<typeof findDates>[number], at: number): DateInText {
  // `first` is a full ISO date: read by position, as there are thousands in a draft.
  const month = Number(d.first.slice(5, 7));
  const day = Number(d.first.slice(8, 10));
  if (d.hasYear)
    return { start: d.start + at, end: d.end + at, first: d.first, last: d.last, month, day: d.hasDay ? day : undefined, hasYear: true, hasDay: d.hasDay };
  return { start: d.start + at, end: d.end + at, month, day, hasYear: false, hasDay: true };
}

/**
 * Gives a date written without a year ("on 23 June") a year: that of the
 * nearest full date in its paragraph (the last before it, else the first
 * after it), else the document's own date (its front matter or the setting;
 * a day more than two months after that date is last year's), else that of
 * the last full date before it in the document. Without any, the date stays
 * without a year.
 */
export function resolveYears(found: DateInText[], breaks: readonly number[], documentDate?: IsoDate): DateInText[] {
  let year: number | undefined;
  let yearAt = -1;
  const out: DateInText[] = new Array(found.length);
  const docParts = documentDate ? parseIsoDate(documentDate) : undefined;
  // The paragraph of each date, by the index of the blank run before it.
  let b = 0;
  const paraOf = (offset: number): number => {
    while (b < breaks.length && breaks[b] <= offset) b += 2;
    return b;
  };
  const paras = found.map((d) => paraOf(d.start));
  // The year of the first full date after each date in its paragraph, read backwards once.
  const nextYear: (number | undefined)[] = new Array(found.length);
  for (let i = found.length - 1, next: number | undefined; i >= 0; i--) {
    if (i + 1 < found.length && paras[i + 1] !== paras[i]) next = undefined;
    nextYear[i] = next;
    if (found[i].hasYear) next = Number(found[i].first!.slice(0, 4));
  }
  for (let i = 0; i < found.length; i++) {
    const d = found[i];
    if (d.hasYear) {
      year = Number(d.first!.slice(0, 4));
      yearAt = paras[i];
      out[i] = d;
      continue;
    }
    let y: number | undefined = yearAt === paras[i] ? year : nextYear[i];
    if (y === undefined && docParts?.month !== undefined && docParts.day !== undefined) {
      y = docParts.year;
      const after = (d.month! - docParts.month) * 31 + (d.day! - docParts.day);
      if (after > 62) y--;
    }
    y ??= year;
    const iso = y !== undefined && d.day! <= daysInMonth(y, d.month!) ? toIso({ year: y, month: d.month!, day: d.day! }) : undefined;
    out[i] = iso === d.first ? d : { ...d, first: iso, last: iso };
  }
  return out;
}
