// Dates Ukrainian news writes relative to an event, to the date before them or to the story's own date:
// "через два дні після переговорів у Лондоні", "за день до саміту", "наступного дня", "того ж дня",
// "напередодні", "двома днями пізніше"; "вчора", "позавчора", "сьогодні", "у четвер", "в п'ятницю",
// "минулого тижня", "цього місяця". "Днями" (lately, or soon) and "нещодавно" name no date and are not read.
import { lazy } from '../lazy';
import { anchorAfter, type RelativeDate, scanRelativeDates } from './relativeDates';

/** An apostrophe as Ukrainian is typed: ASCII, typographic, the modifier letter. */
const APOS = "['\u2019\u02bc`]";

/** Not inside a longer word: JavaScript's \b knows only Latin letters. */
const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';

/** A count of days or weeks, as the accusative after "через"/"за" and the nominative before "по тому". */
const COUNTS: Record<string, number> = {
  один: 1,
  одну: 1,
  два: 2,
  дві: 2,
  три: 3,
  чотири: 4,
  "п'ять": 5,
  шість: 6,
  сім: 7,
  вісім: 8,
  "дев'ять": 9,
  десять: 10,
};
const COUNT = `(?:\\d{1,2}|один|одну|два|дві|три|чотири|п${APOS}ять|шість|сім|вісім|дев${APOS}ять|десять)`;

/** The same counts in the instrumental, before "днями пізніше": "двома днями пізніше". */
const BY: Record<string, number> = { двома: 2, трьома: 3, чотирма: 4, "п'ятьма": 5, шістьма: 6, сімома: 7 };
const BY_COUNT = `(?:двома|трьома|чотирма|п${APOS}ятьма|шістьма|сімома)`;

const DAY = '(?:день|дні|днів)';
const WEEK = '(?:тиждень|тижні|тижнів)';

/** The weekdays, Sunday first (as Date.getUTCDay), in the accusative after "у"/"в" and the genitive after "минулого"/"минулої". */
const WEEKDAY_STEMS = ['неділ', 'понеділ', 'вівтор', 'серед', 'четвер', "п'ятниц", 'субот'];
const WEEKDAY_ACCUSATIVE = `(неділю|понеділок|вівторок|середу|четвер|п${APOS}ятницю|суботу)`;
const WEEKDAY_GENITIVE = `(неділі|понеділка|вівторка|середи|четверга|п${APOS}ятниці|суботи)`;

/**
 * One pattern, its alternatives in groups:
 * 1–4 "через два дні після …" / "за тиждень до …";
 * 5–7 "двома днями пізніше", "днем раніше", "на два дні пізніше", "два дні по тому";
 * 8 "наступного дня", "попереднього дня", "на наступний день";
 * 9 "того ж дня", "у той самий день";
 * 10 "напередодні";
 * 11 "вчора", "позавчора", "сьогодні";
 * 12–13 "у четвер", "минулої п'ятниці";
 * 14 "минулого тижня", "цього місяця".
 * Not inside a longer word: one test before the alternatives and one after, not one each (under `iu`, each
 * builds the case-closed class of every letter: ten times the time to make the expression and to first run it).
 */
const PATTERN = lazy(
  () =>
    new RegExp(
      `${B}(?:${[
        `(через|за)\\s+(?:(${COUNT})\\s+)?(${DAY}|${WEEK})\\s+(після|до)`,
        `(?:(?:(${BY_COUNT})\\s+(?:днями|тижнями))|(днем|тижнем)|(?:на\\s+(${COUNT})\\s+${DAY}))\\s+(пізніше|раніше)`,
        `(?:(${COUNT})\\s+${DAY}\\s+(?:по\\s+тому|потому))`,
        `(наступного\\s+дня|наступного\\s+ранку|на\\s+наступний\\s+день|попереднього\\s+дня)`,
        `(того\\s+ж(?:е)?\\s+дня|того\\s+самого\\s+дня|цього\\s+ж\\s+дня|(?:у|в)\\s+той\\s+(?:же|самий)\\s+день)`,
        `(напередодні)`,
        `(позавчора|вчора|учора|сьогодні)`,
        `(?:у|в|во)\\s+${WEEKDAY_ACCUSATIVE}`,
        `минул(?:ого|ої)\\s+${WEEKDAY_GENITIVE}`,
        `((?:минулого|цього)\\s+(?:тижня|місяця)|на\\s+(?:минулому|цьому)\\s+тижні)`,
      ].join('|')})${E}`,
      'giu',
    ),
);

/** Words before a distance that make it approximate: "приблизно за тиждень до", "майже через два дні після". */
const APPROXIMATE = lazy(
  () => /(?:^|[^\p{L}])(?:приблизно|близько|майже|щонайменше|щонайбільше|понад|менш\s+ніж|більш\s+ніж|лише|усього|всього|десь|орієнтовно)\s+$/iu,
);

/** "Напередодні" alone, or before the time of day, is the day before; before a noun it is often "in the run-up to", not read. */
const EVE_ALONE = lazy(() => /^(?:\s*[,;:.!?\u2013\u2014)]|\s+(?:ввечері|увечері|вночі|уночі|вдень|удень|зранку|вранці|уранці)(?![\p{L}]))/u);

const fold = (s: string): string =>
  s
    .toLowerCase()
    .replace(/['\u2019\u02bc`]/g, "'")
    .replace(/\s+/g, ' ');

const countOf = (s: string | undefined): number | undefined => (s === undefined ? undefined : /^\d+$/.test(s) ? Number(s) : COUNTS[fold(s)]);

/** The Ukrainian relative dates in `text` between `from` and `to`, in offsets of `text`. */
export function findUkRelativeDates(text: string, from = 0, to = text.length): RelativeDate[] {
  return scanRelativeDates(text, from, to, PATTERN(), APPROXIMATE(), 24, read);
}

type Read = Omit<RelativeDate, 'start' | 'end'>;

function read(m: RegExpExecArray, slice: string, end: number): Read | undefined {
  if (m[3] !== undefined) {
    // "через … після" counts forward, "за … до" back; "за тиждень після" is not said.
    const forward = fold(m[1]) === 'через';
    if (forward !== (fold(m[4]) === 'після')) return undefined;
    const unitWord = fold(m[3]);
    const unit = unitWord.startsWith('тиж') ? 'week' : 'day';
    const n = m[2] === undefined ? (/^(?:день|тиждень)$/.test(unitWord) ? 1 : undefined) : countOf(m[2]);
    // "через дні після" names no distance; "через два день" is no Ukrainian.
    if (n === undefined || (n === 1) !== /^(?:день|тиждень)$/.test(unitWord)) return undefined;
    const anchor = ukAnchorAfter(slice, end);
    if (!anchor) return undefined;
    const size = n * (unit === 'week' ? 7 : 1);
    return { days: forward ? size : -size, unit, anchor };
  }
  if (m[8] !== undefined) {
    const unit = m[6] !== undefined && fold(m[6]) === 'тижнем' ? 'week' : 'day';
    const n = m[5] !== undefined ? BY[fold(m[5])] : m[6] !== undefined ? 1 : countOf(m[7]);
    if (n === undefined) return undefined;
    const size = n * (unit === 'week' ? 7 : 1);
    return { days: fold(m[8]) === 'раніше' ? -size : size, unit };
  }
  if (m[9] !== undefined) {
    const n = countOf(m[9]);
    return n === undefined ? undefined : { days: n, unit: 'day' };
  }
  if (m[10] !== undefined) return { days: fold(m[10]).startsWith('попереднього') ? -1 : 1, unit: 'day' };
  if (m[11] !== undefined) return { days: 0, unit: 'day' };
  if (m[12] !== undefined) return EVE_ALONE().test(slice.slice(end, end + 12)) ? { days: -1, unit: 'day' } : undefined;
  if (m[13] !== undefined) {
    const w = fold(m[13]);
    return { days: w === 'позавчора' ? -2 : w === 'сьогодні' ? 0 : -1, unit: 'day', base: 'document' };
  }
  const weekday = m[14] ?? m[15];
  if (weekday !== undefined) {
    const w = fold(weekday);
    const day = WEEKDAY_STEMS.findIndex((s) => w.startsWith(s));
    return day < 0 ? undefined : { days: 0, unit: 'day', base: 'document', weekday: day };
  }
  if (m[16] !== undefined) {
    const w = fold(m[16]);
    const unit = w.includes('місяц') ? 'month' : 'week';
    return { days: 0, unit, base: 'document', period: /минул/.test(w) ? -1 : 0 };
  }
  return undefined;
}

/**
 * A finite verb, where Ukrainian goes on without a comma from what a relation counts from to what happened:
 * "через два дні після переговорів у Лондоні Британія оголосила угоду". Past tense ("оголосила", "підписали",
 * "зустрівся") and the verbs of the events the check knows.
 */
const VERB = lazy(() => /^(?:\p{L}{3,}(?:ла|ло|ли|лася|лося|лися|вся)|(?:підпис|ратифік|оголос|анонсув|зустр|прибу|провів|провел|заяв|повідом|набу)\p{L}*)$/u);

/** What a Ukrainian relation counts from: its clause, up to the verb of what happened, if one follows. */
function ukAnchorAfter(slice: string, end: number): { start: number; end: number } | undefined {
  const anchor = anchorAfter(slice, end, 200);
  if (!anchor) return undefined;
  const words = [...slice.slice(anchor.start, anchor.end).matchAll(/[\p{L}'’ʼ-]+/gu)];
  for (let i = 1; i < words.length; i++) {
    if (!VERB().test(words[i][0].toLowerCase())) continue;
    const cut = anchor.start + words[i].index;
    return { start: anchor.start, end: anchor.start + slice.slice(anchor.start, cut).trimEnd().length };
  }
  return anchor;
}

const UK_WEEKDAYS = ['неділю', 'понеділок', 'вівторок', 'середу', 'четвер', "п'ятницю", 'суботу'];

/** A weekday as written after "у": "у четвер", "в п'ятницю", with the apostrophe as the writer typed it. */
export function ukWeekdayText(day: number, written: string): string {
  const apostrophe = /['\u2019\u02bc`]/.exec(written)?.[0] ?? '\u2019';
  const preposition = /^\s*(\p{L}+)\s/u.exec(written)?.[1] ?? 'у';
  return `${preposition} ${UK_WEEKDAYS[day].replace("'", apostrophe)}`;
}

/** How a distance from the story's date is written: "сьогодні", "вчора", "позавчора"; none past two days. */
export function ukDayWord(days: number, written: string): string | undefined {
  const word = days === 0 ? 'сьогодні' : days === -1 ? (/^[уУ]/.test(written) ? 'учора' : 'вчора') : days === -2 ? 'позавчора' : undefined;
  if (!word) return undefined;
  return /^\p{Lu}/u.test(written) ? word[0].toUpperCase() + word.slice(1) : word;
}

const NUMBERS = ['', 'один', 'два', 'три', 'чотири', "п'ять", 'шість', 'сім', 'вісім', "дев'ять", 'десять'];

/** How a distance in days is written in Ukrainian, for a fix: "через два дні після", "за день до", "того ж дня". */
export function ukRelationText(days: number, unit: 'day' | 'week' | 'month', capital: boolean): string {
  const n = Math.abs(days);
  const way = days < 0 ? 'до' : 'після';
  const lead = days < 0 ? 'за' : 'через';
  const count = (k: number, one: string, few: string, many: string): string => {
    const word = k === 1 ? one : k >= 2 && k <= 4 ? few : many;
    return k === 1 ? word : `${k === 2 ? 'два' : (NUMBERS[k] ?? String(k))} ${word}`;
  };
  let text: string;
  if (days === 0) text = 'у день';
  else if (unit === 'week' && n % 7 === 0) text = `${lead} ${count(n / 7, 'тиждень', 'тижні', 'тижнів')} ${way}`;
  else text = `${lead} ${count(n, 'день', 'дні', 'днів')} ${way}`;
  return capital ? text[0].toUpperCase() + text.slice(1) : text;
}
