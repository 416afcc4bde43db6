import type { IsoDate } from '../types';
import { lazy } from '../lazy';

export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

const ISO = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export interface DateParts {
  year: number;
  month?: number;
  day?: number;
}

/** Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; undefined when the text is not a real calendar date. */
export function parseIsoDate(value: string): DateParts | undefined {
  const m = ISO.exec(value);
  if (!m) return undefined;
  const year = Number(m[1]);
  if (m[2] === undefined) return { year };
  const month = Number(m[2]);
  if (month < 1 || month > 12) return undefined;
  if (m[3] === undefined) return { year, month };
  const day = Number(m[3]);
  if (day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  // Arithmetic, not a Date: every date in a draft is checked on each document check.
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return MONTH_DAYS[month - 1] ?? new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function toIso(parts: DateParts): IsoDate {
  const y = String(parts.year).padStart(4, '0');
  if (parts.month === undefined) return y;
  const m = String(parts.month).padStart(2, '0');
  if (parts.day === undefined) return `${y}-${m}`;
  return `${y}-${m}-${String(parts.day).padStart(2, '0')}`;
}

/** First and last day an ISO date (possibly partial) covers, as full ISO dates. */
export function isoSpan(value: IsoDate): { first: IsoDate; last: IsoDate } | undefined {
  const p = parseIsoDate(value);
  if (!p) return undefined;
  const month1 = p.month ?? 1;
  const month2 = p.month ?? 12;
  return {
    first: toIso({ year: p.year, month: month1, day: p.day ?? 1 }),
    last: toIso({ year: p.year, month: month2, day: p.day ?? daysInMonth(p.year, month2) }),
  };
}

/** Date styles: the three a writer can choose, and Ukrainian, which a Ukrainian document takes in place of the first two. */
export type DateStyle = 'en-GB' | 'en-US' | 'iso' | 'uk';

/** The styles of the `agreementCite.dateLocale` setting. */
export const DATE_STYLES: readonly DateStyle[] = ['en-GB', 'en-US', 'iso'];
/** Every style a citation may have been written in. */
export const ALL_DATE_STYLES: readonly DateStyle[] = [...DATE_STYLES, 'uk'];

/** Ukrainian month names: "23 червня" (genitive), "червень 2025" (nominative), "у червні 2025" (locative). */
export const UK_MONTHS_GENITIVE = [
  'січня',
  'лютого',
  'березня',
  'квітня',
  'травня',
  'червня',
  'липня',
  'серпня',
  'вересня',
  'жовтня',
  'листопада',
  'грудня',
] as const;
export const UK_MONTHS = [
  'січень',
  'лютий',
  'березень',
  'квітень',
  'травень',
  'червень',
  'липень',
  'серпень',
  'вересень',
  'жовтень',
  'листопад',
  'грудень',
] as const;
const UK_MONTHS_LOCATIVE = ['січні', 'лютому', 'березні', 'квітні', 'травні', 'червні', 'липні', 'серпні', 'вересні', 'жовтні', 'листопаді', 'грудні'] as const;

/** The style a document's dates take: a Ukrainian document writes "23 червня 2025 року" unless its writer chose ISO dates. */
export function dateStyleIn(style: DateStyle, language: string | undefined): DateStyle {
  return language === 'uk' && style !== 'iso' ? 'uk' : style;
}

/** "23 June 2025", "June 23, 2025", "2025-06-23" or "23 червня 2025 року"; partial dates print what they know. */
export function formatDate(value: IsoDate, style: DateStyle): string {
  const p = parseIsoDate(value);
  if (!p) return value;
  if (style === 'uk' && p.month !== undefined)
    return p.day === undefined ? `${UK_MONTHS[p.month - 1]} ${p.year} року` : `${p.day} ${UK_MONTHS_GENITIVE[p.month - 1]} ${p.year} року`;
  if (style === 'iso' || style === 'uk' || p.month === undefined) return value;
  const month = MONTHS[p.month - 1];
  if (p.day === undefined) return `${month} ${p.year}`;
  return style === 'en-US' ? `${month} ${p.day}, ${p.year}` : `${p.day} ${month} ${p.year}`;
}

function ordinal(n: number): string {
  const mod100 = n % 100;
  if (mod100 >= 11 && mod100 <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}

/** The ways writers type a full date: with and without the year, day first or month first, ordinals. */
export function dateAliases(value: IsoDate): string[] {
  const p = parseIsoDate(value);
  if (!p || p.month === undefined || p.day === undefined) return [];
  const month = MONTHS[p.month - 1];
  const short = month.slice(0, 3);
  const out: string[] = [];
  for (const m of month === short ? [month] : [month, short]) {
    for (const d of [String(p.day), ordinal(p.day)]) {
      out.push(`${d} ${m} ${p.year}`, `${d} ${m}`, `${m} ${d}, ${p.year}`, `${m} ${d} ${p.year}`, `${m} ${d}`);
    }
  }
  out.push(value);
  return out;
}

/** The ways Ukrainian writes a full date: "23 червня 2025 року", "23 червня 2025 р.", "23 червня 2025", "23 червня", "23.06.2025". */
export function ukDateAliases(value: IsoDate): string[] {
  const p = parseIsoDate(value);
  if (!p || p.month === undefined || p.day === undefined) return [];
  const dm = `${p.day} ${UK_MONTHS_GENITIVE[p.month - 1]}`;
  const dotted = `${String(p.day).padStart(2, '0')}.${String(p.month).padStart(2, '0')}.${p.year}`;
  return [`${dm} ${p.year} року`, `${dm} ${p.year} р.`, `${dm} ${p.year}`, dm, dotted];
}

/** A date written in prose, with the span of days it stands for. */
export interface DateMention {
  start: number;
  end: number;
  /** First and last day meant; equal for a full date. */
  first: IsoDate;
  last: IsoDate;
  /** Whether the writer gave a year; without one, `first`/`last` use the year supplied by the caller. */
  hasYear: boolean;
  /** Whether the writer gave a day. */
  hasDay: boolean;
}

const MONTH_NAMES = 'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const YEAR = '((?:19|20)\\d{2})';
const DATE_PATTERN = lazy(
  () =>
    new RegExp(
      [
        `\\b${YEAR}-(\\d{2})-(\\d{2})\\b`, // ISO
        `\\b${DAY}(?:\\s*[-\u2013]\\s*\\d{1,2}(?:st|nd|rd|th)?)?(?:\\s+of)?\\s+(${MONTH_NAMES})\\.?(?:,?\\s+${YEAR})?\\b`, // 23 June 2025, 24–25 June
        `\\b(${MONTH_NAMES})\\.?\\s+${DAY}(?:,?\\s+${YEAR})?\\b`, // June 23, 2025
        `\\b(${MONTH_NAMES})\\s+${YEAR}\\b`, // June 2025
      ].join('|'),
      'gi',
    ),
);

const UK_DATE_PATTERN = lazy(
  () =>
    new RegExp(
      [
        `(?<![\\p{L}\\p{N}.])(\\d{1,2})\\.(\\d{1,2})\\.${YEAR}(?![\\p{L}\\p{N}]|\\.\\d)`, // 23.06.2025
        `(?<![\\p{L}\\p{N}])(\\d{1,2})(?:\\s*[-\u2013\u2014]\\s*\\d{1,2})?\\s+(${UK_MONTHS_GENITIVE.join('|')})(?:\\s+${YEAR}(?:\\s*(?:року|р\\.|рік))?)?(?![\\p{L}\\p{N}])`, // 16 січня 2025 року, 24–25 червня
        `(?<![\\p{L}\\p{N}])(${[...UK_MONTHS, ...UK_MONTHS_LOCATIVE].join('|')})\\s+${YEAR}(?:\\s*(?:року|р\\.|рік))?(?![\\p{L}\\p{N}])`, // (у) червні 2025 року, червень 2025
      ].join('|'),
      'giu',
    ),
);
const CYRILLIC = /[\u0400-\u04FF]/;

/** Dates written in Ukrainian: genitive month names with or without "року" / "р.", and day.month.year. */
function findUkrainianDates(text: string, defaultYear: number | undefined, out: DateMention[]): void {
  const pattern = UK_DATE_PATTERN();
  pattern.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = pattern.exec(text)) !== null) {
    let parts: DateParts | undefined;
    let hasYear = true;
    if (m[1] !== undefined) parts = { year: Number(m[3]), month: Number(m[2]), day: Number(m[1]) };
    else if (m[4] !== undefined) {
      hasYear = m[6] !== undefined;
      const year = hasYear ? Number(m[6]) : defaultYear;
      if (year !== undefined) parts = { year, month: UK_MONTHS_GENITIVE.indexOf(m[5].toLowerCase() as never) + 1, day: Number(m[4]) };
    } else if (m[7] !== undefined) {
      const name = m[7].toLowerCase();
      parts = { year: Number(m[8]), month: UK_MONTHS.indexOf(name as never) + 1 || UK_MONTHS_LOCATIVE.indexOf(name as never) + 1 };
    }
    if (!parts) continue;
    const span = spanOf(toIso(parts));
    if (!span) continue;
    out.push({ start: m.index, end: m.index + m[0].length, first: span.first, last: span.last, hasYear, hasDay: parts.day !== undefined });
  }
}

function monthNumber(name: string): number {
  const lower = name.toLowerCase().slice(0, 3);
  return MONTHS.findIndex((m) => m.slice(0, 3).toLowerCase() === lower) + 1;
}

/**
 * Finds dates written in prose. `defaultYear` completes dates written without
 * a year ("16 January"); without it such dates are skipped.
 */
export function findDates(text: string, defaultYear?: number): DateMention[] {
  const out: DateMention[] = [];
  const pattern = DATE_PATTERN();
  pattern.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = pattern.exec(text)) !== null) {
    let parts: DateParts | undefined;
    let hasYear = true;
    if (m[1] !== undefined) {
      parts = parseIsoDate(`${m[1]}-${m[2]}-${m[3]}`);
    } else if (m[4] !== undefined) {
      hasYear = m[6] !== undefined;
      const year = hasYear ? Number(m[6]) : defaultYear;
      if (year !== undefined) parts = { year, month: monthNumber(m[5]), day: Number(m[4]) };
    } else if (m[7] !== undefined) {
      hasYear = m[9] !== undefined;
      const year = hasYear ? Number(m[9]) : defaultYear;
      if (year !== undefined) parts = { year, month: monthNumber(m[7]), day: Number(m[8]) };
    } else if (m[10] !== undefined) {
      parts = { year: Number(m[11]), month: monthNumber(m[10]) };
    }
    if (!parts) continue;
    const span = spanOf(toIso(parts));
    if (!span) continue;
    out.push({ start: m.index, end: m.index + m[0].length, first: span.first, last: span.last, hasYear, hasDay: parts.day !== undefined });
  }
  // Ukrainian prose: the English patterns find "2025-06-23" there too; the Ukrainian ones are read only where Cyrillic is.
  if (CYRILLIC.test(text)) {
    const before = out.length;
    findUkrainianDates(text, defaultYear, out);
    if (out.length > before) out.sort((a, b) => a.start - b.start);
  }
  return out;
}

/**
 * The days a date found in prose spans, undefined where it is no calendar
 * date; one pair of strings per date however often a draft writes it (a
 * check keeps the dates of every paragraph it read).
 */
function spanOf(iso: IsoDate): { first: IsoDate; last: IsoDate } | undefined {
  let span = SPANS.get(iso);
  if (span === undefined && !SPANS.has(iso)) {
    span = parseIsoDate(iso) ? isoSpan(iso) : undefined;
    if (SPANS.size >= 20_000) SPANS.clear();
    SPANS.set(iso, span && Object.freeze(span));
  }
  return span;
}

const SPANS = new Map<IsoDate, { first: IsoDate; last: IsoDate } | undefined>();

/** Today as an ISO date, in UTC. */
export function todayIso(now: Date = new Date()): IsoDate {
  return now.toISOString().slice(0, 10);
}

/** Compares full ISO dates as strings: they sort lexically. */
export function compareIso(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
