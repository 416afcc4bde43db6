import * as l10n from '@vscode/l10n';
// Rule `wrong-event-date`, for dates counted from the story's own date: "вчора Зеленський і Стармер підписали …"
// in a story dated two days after the signing, "у четвер" for an event on a Friday, "минулого тижня" for one this week.
import { formatDate, toIso } from '../../document/dates';
import { type RelativeDate } from '../../document/relativeDates';
import { ukDayWord, ukWeekdayText } from '../../document/ukRelativeDates';
import { type IsoDate } from '../../types';
import { type EventLinks } from '../eventLinks';
import { type Finding } from '../findings';
import { type ScannedDocument } from '../scannedDocument';
import { daysOf } from './eventDate';
import { eventsOf, oneDay, wrongRelativeDate } from './relativeEventDate';

type Span = { start: number; end: number };

/** A weekday further than this from the story's date could be the one before or after: not judged. */
const WEEKDAY_REACH = 6;

/** Days and weeks from the story's date further than this are more likely another occasion than a slip. */
const REACH = 14;

/** "Вчора", "у четвер", "минулого тижня" in sentence `s`: the event the rest of it describes must be on the day or in the period. */
export function judgeFromDocument(doc: ScannedDocument, links: EventLinks, s: Span, r: RelativeDate): Finding | undefined {
  // Only a date the writer gave the story is counted from, not the day it is checked on.
  if (doc.date.source === 'today') return undefined;
  // A sentence that gives any date of its own ("у четвер, 16 січня", "у січні") is judged by it.
  if (doc.datesIn(s.start, s.end).some((d) => d.start < s.end)) return undefined;
  const rest = [
    { start: s.start, end: r.start },
    { start: r.end, end: s.end },
  ].filter((p) => p.end > p.start);
  const subjects = [...eventsOf(doc, links, rest).values()];
  if (subjects.length === 0) return undefined;
  const on = oneDay(subjects, (f) => f.date);
  if (!on) return undefined;
  const story = daysOf(doc.date.iso);
  const day = daysOf(on);
  const written = doc.prose.slice(r.start, r.end);
  const capital = /^\p{Lu}/u.test(written);
  let meant: string;
  let right: string | undefined;
  if (r.weekday !== undefined) {
    if (Math.abs(day - story) > WEEKDAY_REACH || weekdayOf(day) === r.weekday) return undefined;
    // The written weekday nearest the event: the one before the story's date or the one after it, the earlier on a tie.
    let before = story;
    while (weekdayOf(before) !== r.weekday) before--;
    const after = before === story ? story : before + 7;
    meant = formatDate(toIso(ymd(Math.abs(after - day) < Math.abs(day - before) ? after : before)), doc.options.dateStyle);
    right = ukWeekdayText(weekdayOf(day), written);
  } else if (r.period !== undefined) {
    const unitOf = r.unit === 'month' ? monthOf : weekOf;
    const target = unitOf(story) + r.period;
    if (unitOf(day) === target || Math.abs(day - story) > (r.unit === 'month' ? 2 * REACH : REACH)) return undefined;
    // "Минулого тижня" is also said of the days a week or so before the story's date, across a calendar week.
    if (r.unit === 'week' && r.period === -1 && story - day >= 7 && story - day <= 10) return undefined;
    const [first, last] = r.unit === 'month' ? monthSpan(target) : [target * 7 - 3, target * 7 + 3];
    meant = `${formatDate(toIso(ymd(first)), doc.options.dateStyle)} – ${formatDate(toIso(ymd(last)), doc.options.dateStyle)}`;
    const off = unitOf(day) - unitOf(story);
    const what = r.unit === 'month' ? 'місяця' : 'тижня';
    right = off === 0 ? `цього ${what}` : off === -1 ? `минулого ${what}` : undefined;
  } else {
    const want = story + r.days;
    if (day === want || Math.abs(day - want) > REACH) return undefined;
    meant = formatDate(toIso(ymd(want)), doc.options.dateStyle);
    const distance = day - story;
    right =
      ukDayWord(distance, written) ??
      (Math.abs(distance) <= WEEKDAY_REACH ? ukWeekdayText(weekdayOf(day), 'у ') : formatDate(on, 'uk').replace(/ \d{4} року$/, ''));
  }
  const fix = right && capital ? right[0].toUpperCase() + right.slice(1) : right;
  const from = `${doc.formatDate(doc.date.iso as IsoDate)} (${l10n.t('the document’s date')})`;
  return wrongRelativeDate(doc, subjects[0].event.fact, on, r, from, meant, fix ? { start: r.start, end: r.end, text: fix } : undefined);
}

/** Sunday 0, as Date.getUTCDay: 1 January 1970 was a Thursday. */
const weekdayOf = (days: number): number => (((days + 4) % 7) + 7) % 7;

/** The calendar week, Monday to Sunday, a day is in: week w runs from day 7w − 3 to 7w + 3. */
const weekOf = (days: number): number => Math.floor((days + 3) / 7);

const ymd = (days: number): { year: number; month: number; day: number } => {
  const d = new Date(days * 86_400_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
};

/** Months counted from January of year 0. */
const monthOf = (days: number): number => {
  const d = ymd(days);
  return d.year * 12 + d.month - 1;
};

function monthSpan(month: number): [number, number] {
  const year = Math.floor(month / 12);
  const m = month % 12;
  return [Date.UTC(year, m, 1) / 86_400_000, Date.UTC(year, m + 1, 0) / 86_400_000];
}
