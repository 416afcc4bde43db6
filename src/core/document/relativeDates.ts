// Dates written relative to an event or to the date before them, as news writes them: "two days after the
// signing", "the day before the London talks", "the next day", "a day later". English here; Ukrainian, with the
// words counted from the story's own date ("вчора", "у четвер"), in ukRelativeDates.ts.
import { findUkRelativeDates } from './ukRelativeDates';

export interface RelativeDate {
  /** The words that say how far and which way: "Two days after", "the next day", "a day later". */
  start: number;
  end: number;
  /** Days from what it counts from: 2 for "two days after", -1 for "the day before", 0 for "the same day". */
  days: number;
  /** How it is counted as written: a writer may write "a week after" for six or eight days. */
  unit: 'day' | 'week' | 'month';
  /**
   * Counted from the story's own date (the document's), not from an event or the date before: "вчора" (-1),
   * "сьогодні" (0); a weekday ("у четвер") or a period ("минулого тижня") near it.
   */
  base?: 'document';
  /** "у четвер": the weekday, Sunday 0 (as Date.getUTCDay), nearest the story's date. */
  weekday?: number;
  /** "минулого тижня" (-1), "цього місяця" (0): the calendar week or month, counted from the story's, of `unit`. */
  period?: number;
  /**
   * What it counts from when it names it ("the London talks" in "two days after the London talks"): the words
   * after the relation up to the end of the clause. None for "the next day", which counts from the date before it.
   */
  anchor?: { start: number; end: number };
}

const NUMBERS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };
const NUMBER = '(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|\\d{1,2})';

/**
 * One pattern, its alternatives in groups:
 * 1–4 "two days after|before …" / "two days later|earlier";
 * 5–6 "the day after|before …" (also "the week after");
 * 7 "the next|following day", "the next morning", "the previous day";
 * 8 "the same day", "that same day", "later|earlier that day".
 */
const PATTERN = new RegExp(
  [
    `\\b(${NUMBER})\\s+(days?|weeks?)\\s+(?:(after|following|before|prior\\s+to)\\b|(later|earlier|afterwards)\\b)`,
    `\\bthe\\s+(day|week)\\s+(after|following|before)\\b`,
    `\\bthe\\s+(next\\s+day|following\\s+day|next\\s+morning|following\\s+morning|previous\\s+day|preceding\\s+day)\\b`,
    `\\b(the\\s+same\\s+day|that\\s+same\\s+day|later\\s+that\\s+day|earlier\\s+that\\s+day)\\b`,
  ].join('|'),
  'gi',
);

/** Words before a distance that make it approximate ("about two days after", "within a week of"). */
const APPROXIMATE = /\b(?:about|around|some|nearly|almost|roughly|approximately|over|than|within|under|up\s+to|barely|few|several|couple\s+of)\s+$/i;

/** Where a named anchor ends: the end of its clause. */
const CLAUSE_END =
  /[,;:.!?()\u2013\u2014]|\s(?:when|where|while|which|who|as|and|but|because|after|before)\s|\s(?:коли|де|поки|щоб|що|який|яка|яке|які|і|й|та|а|але|проте|бо|оскільки)\s|\s-\s/u;

/** The relative dates in `text` between `from` and `to`, English and Ukrainian, in offsets of `text`. */
export function findRelativeDates(text: string, from = 0, to = text.length): RelativeDate[] {
  const english = findEnglish(text, from, to);
  if (!/\p{Script=Cyrillic}/u.test(text.slice(from, to))) return english;
  return [...english, ...findUkRelativeDates(text, from, to)].sort((a, b) => a.start - b.start);
}

function findEnglish(text: string, from: number, to: number): RelativeDate[] {
  return scanRelativeDates(text, from, to, PATTERN, APPROXIMATE, 20, read);
}

/**
 * Every match of `pattern` in `text` between `from` and `to` that `read` reads as a relative date, in offsets of
 * `text`; a match that `approximate` finds in the `behind` characters before it ("about two days after") is left out.
 * One scan for each language's expressions.
 */
export function scanRelativeDates(
  text: string,
  from: number,
  to: number,
  pattern: RegExp,
  approximate: RegExp,
  behind: number,
  read: (m: RegExpExecArray, slice: string, end: number) => Omit<RelativeDate, 'start' | 'end'> | undefined,
): RelativeDate[] {
  const out: RelativeDate[] = [];
  const slice = text.slice(from, to);
  pattern.lastIndex = 0;
  for (let m = pattern.exec(slice); m !== null; m = pattern.exec(slice)) {
    const start = m.index;
    const end = m.index + m[0].length;
    if (approximate.test(slice.slice(Math.max(0, start - behind), start))) continue;
    const found = read(m, slice, end);
    if (!found) continue;
    const anchor = found.anchor ? { start: from + found.anchor.start, end: from + found.anchor.end } : undefined;
    out.push({ ...found, start: from + start, end: from + end, anchor });
  }
  return out;
}

function read(m: RegExpExecArray, slice: string, end: number): { days: number; unit: 'day' | 'week'; anchor?: { start: number; end: number } } | undefined {
  const word = (s: string): string => s.toLowerCase().replace(/\s+/g, ' ');
  if (m[1] !== undefined) {
    const n = /^\d+$/.test(m[1]) ? Number(m[1]) : NUMBERS[word(m[1])];
    const unit = word(m[2]).startsWith('week') ? 'week' : 'day';
    // "a days after" is no English; "two day after" neither.
    if ((n === 1) !== !m[2].toLowerCase().endsWith('s')) return undefined;
    const size = n * (unit === 'week' ? 7 : 1);
    if (m[4] !== undefined) return { days: word(m[4]) === 'earlier' ? -size : size, unit };
    const sign = /^(?:before|prior to)$/.test(word(m[3])) ? -1 : 1;
    const anchor = anchorAfter(slice, end);
    return anchor ? { days: sign * size, unit, anchor } : undefined;
  }
  if (m[5] !== undefined) {
    const unit = word(m[5]) === 'week' ? 'week' : 'day';
    const size = unit === 'week' ? 7 : 1;
    const sign = word(m[6]) === 'before' ? -1 : 1;
    const anchor = anchorAfter(slice, end);
    // "The day before, …": nothing named, counted from the date before; "the week before" is too loose for that.
    if (!anchor) return unit === 'day' ? { days: sign, unit } : undefined;
    return { days: sign * size, unit, anchor };
  }
  if (m[7] !== undefined) {
    const w = word(m[7]);
    const sign = /^(?:previous|preceding)/.test(w) ? -1 : 1;
    return { days: sign, unit: 'day' };
  }
  if (m[8] !== undefined) return { days: 0, unit: 'day' };
  return undefined;
}

/** The words after a relation that name what it counts from, up to the end of their clause; none if there are none. */
export function anchorAfter(slice: string, end: number, reach = 100): { start: number; end: number } | undefined {
  let start = end;
  while (start < slice.length && /\s/.test(slice[start])) start++;
  const rest = slice.slice(start, start + reach);
  const stop = CLAUSE_END.exec(rest);
  const length = stop ? stop.index : rest.length;
  const words = rest.slice(0, length).trimEnd();
  // An anchor is words; punctuation or nothing right after the relation means it names nothing.
  if (!/[\p{L}\d]/u.test(words)) return undefined;
  return { start, end: start + words.length };
}

/** How a distance in days is written, for a fix: "Two days after", "The day before", "On the day of". */
export function relationText(days: number, unit: 'day' | 'week' | 'month', capital: boolean): string {
  const n = Math.abs(days);
  const names = ['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
  const way = days < 0 ? 'before' : 'after';
  let text: string;
  if (days === 0) text = 'on the day of';
  else if (unit === 'week' && n % 7 === 0) text = n === 7 ? `a week ${way}` : `${names[n / 7] ?? n / 7} weeks ${way}`;
  else if (n === 1) text = `the day ${way}`;
  else text = `${names[n] ?? n} days ${way}`;
  return capital ? text[0].toUpperCase() + text.slice(1) : text;
}
