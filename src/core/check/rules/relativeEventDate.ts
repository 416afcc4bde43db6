import * as l10n from '@vscode/l10n';
// Rule `wrong-event-date`, for dates written relative to another: "two days after the London talks, the UK announced
// …" where the pack dates the two events otherwise, and "the next day" after a date the next day's event did not follow.
import { formatDate, parseIsoDate, toIso } from '../../document/dates';
import { type RelativeDate, findRelativeDates, relationText } from '../../document/relativeDates';
import { ukRelationText } from '../../document/ukRelativeDates';
import { sentencesOf } from '../../document/sentences';
import { foldText } from '../../document/text';
import { type AliasMatch } from '../../facts/aliasMatcher';
import { type IndexedFact } from '../../facts/factIndex';
import { type Fact, type IsoDate } from '../../types';
import { keptUnder, placedFindings } from '../checkCache';
import { type EventLinks, linksOf } from '../eventLinks';
import { type Finding, changeTo, withFixes } from '../findings';
import { type ScannedDocument } from '../scannedDocument';
import { judgeFromDocument } from './documentRelativeDate';
import { type EventAt, checkSentence, clearOfDates, daysOf, eventsIn, rewriteDate } from './eventDate';
import { lazy } from '../../lazy';

/** Every relative date names a day or a week, or (Ukrainian) a day counted from the story's: paragraphs without one of these are not read further. */
const DAY_OR_WEEK = lazy(
  () =>
    /\b(?:days?|weeks?|morning)\b|(?<!\p{L})(?:д(?:ень|ні|нів|ня|нем|нями)|тиж\p{L}*|ранку|вчора|учора|позавчора|сьогодні|напередодні|понеділ\p{L}*|вівтор\p{L}*|серед[уи]|четвер\p{L}*|п.ятниц\p{L}*|субот\p{L}*|неділ\p{L}*|місяця)(?!\p{L})/iu,
);

/** Relative dates judged in one sentence, the first so many: "On 23 June …, the next day … and two days later …" has three. */
export const MAX_RELATIVES_PER_SENTENCE = 8;

/** The key under which a paragraph with no relative date is kept. */
const NONE = 'relative\u0000none';

export function* checkRelativeEventDates(doc: ScannedDocument): Generator<void, Finding[], void> {
  const out: Finding[] = [];
  const links = linksOf(doc.index);
  if (links.described.size === 0 && links.byAgreement.size === 0) return out;
  for (const [start, scan] of doc.scans) {
    if (doc.pace.tick()) yield;
    // A paragraph without a relative date is read once, not at every check.
    if (scan.relative?.key === NONE) continue;
    const para = doc.paragraphAt(start);
    if (!DAY_OR_WEEK().test(doc.prose.slice(para.start, para.end))) {
      scan.relative = doc.cache.keepFindings(NONE, para.start, []);
      continue;
    }
    // A paragraph's findings depend on its text and on the years its yearless dates take from the text before it.
    // Ukrainian "вчора", "у четвер" count from the story's date.
    const key = `relative\u0000${doc.options.dateStyle}\u0000${doc.date.source === 'today' ? '' : doc.date.iso}\u0000${doc
      .datesIn(para.start, para.end)
      .map((d) => d.first ?? '?')
      .join(',')}`;
    let kept = keptUnder(scan.relative, key);
    if (!kept) {
      const found: Finding[] = [];
      const relatives = findRelativeDates(doc.prose, para.start, para.end).filter((r) => !doc.quoted(r.start));
      if (relatives.length > 0) {
        const sentences = sentencesOf(doc.prose, para.start, para.end);
        // The relative dates and the sentences both come in the order of the text: each is found from where the last was.
        let k = 0;
        let judgedIn = 0;
        let counting = -1;
        for (const r of relatives) {
          while (k < sentences.length && sentences[k].end < r.end) k++;
          if (k >= sentences.length || sentences[k].start > r.start) continue;
          if (k !== counting) {
            counting = k;
            judgedIn = 0;
          }
          // Each judgement reads the sentence: one with more relative dates than a story's sentence has is a list, read in part.
          if (++judgedIn > MAX_RELATIVES_PER_SENTENCE) continue;
          const f =
            r.base === 'document'
              ? judgeFromDocument(doc, links, sentences[k], r)
              : r.anchor
                ? judgeNamed(doc, links, sentences[k], r)
                : judgeFollowing(doc, links, sentences, k, r);
          if (f) found.push(f);
        }
      }
      scan.relative = doc.cache.keepFindings(key, para.start, found);
      kept = scan.relative.value;
    }
    for (const f of placedFindings(kept, para.start)) out.push(f);
  }
  return out;
}

type Span = { start: number; end: number };

/** The names in [start, end) a writer wrote as theirs: not quoted, not part of a date. */
function namesIn(doc: ScannedDocument, span: Span): AliasMatch<IndexedFact>[] {
  const clear = clearOfDates(doc.datesIn(span.start, span.end));
  return doc.matches.within(span.start, span.end).filter((m) => !doc.quoted(m.start) && clear(m));
}

/** The events some parts of a sentence name or describe, the other parts blanked. */
export function eventsOf(doc: ScannedDocument, links: EventLinks, parts: Span[]): Map<string, EventAt> {
  const matches = parts.flatMap((p) => namesIn(doc, p));
  const at = parts[0];
  return eventsIn(
    links,
    matches,
    () => foldText(parts.map((p) => doc.unquoted(p.start, p.end)).join(' \u2026 ')),
    () => ({ start: at.start, end: at.start, alias: '', values: [] }),
  );
}

/** The day of the events the rest of a sentence names, those it counts from left out. */
function subjectDay(doc: ScannedDocument, links: EventLinks, rest: Span[], counted: Map<string, EventAt>): IsoDate | undefined {
  const subjects = [...eventsOf(doc, links, rest).values()].filter((e) => !counted.has(e.event.fact.id));
  return subjects.length > 0 ? oneDay(subjects, (f) => f.date) : undefined;
}

/** The one day the events are on, if they are all on one day and each has its day. */
export function oneDay(events: Iterable<EventAt>, pick: (f: Fact) => IsoDate | undefined): IsoDate | undefined {
  const days = new Set<IsoDate>();
  for (const { event } of events) {
    const d = pick(event.fact);
    if (!d || parseIsoDate(d)?.day === undefined) return undefined;
    days.add(d);
  }
  return days.size === 1 ? [...days][0] : undefined;
}

export const labelOf = (f: Fact): string => f.label.replace(/\s*\([^()]*\d{4}\)$/, '');

/** "Two days after the London talks, the UK announced the drone agreement": both events known, the distance wrong. */
function judgeNamed(doc: ScannedDocument, links: EventLinks, s: Span, r: RelativeDate): Finding | undefined {
  const anchor = r.anchor!;
  const rest = [
    { start: s.start, end: r.start },
    { start: anchor.end, end: s.end },
  ].filter((p) => p.end > p.start);
  // A sentence that gives its own date is judged by it.
  if (rest.some((p) => doc.datesIn(p.start, p.end).some((d) => d.hasDay))) return undefined;
  // What it counts from: a date ("two days after 23 June") or one known event.
  const anchorDates = doc.datesIn(anchor.start, anchor.end).filter((d) => d.end <= anchor.end);
  const counted = eventsOf(doc, links, [anchor]);
  let from: IsoDate | undefined;
  let fromLabel: string;
  if (anchorDates.length > 0) {
    const d = anchorDates[0];
    if (anchorDates.length > 1 || !d.hasDay || !d.first || d.first !== d.last) return undefined;
    from = d.first;
    fromLabel = doc.prose.slice(d.start, d.end);
  } else {
    if (counted.size === 0) return undefined;
    // After an event of several days counts from its last day, before it from its first.
    from = oneDay(counted.values(), (f) => (r.days > 0 ? (f.endDate ?? f.date) : f.date));
    if (!from) return undefined;
    const start = oneDay(counted.values(), (f) => f.date);
    const end = oneDay(counted.values(), (f) => f.endDate ?? f.date);
    // The right relation counts the same way: before an event from its first day, after it from its last.
    if (start && end && subjectDay(doc, links, rest, counted) !== undefined) {
      const on = subjectDay(doc, links, rest, counted)!;
      from = daysOf(on) < daysOf(start) ? start : daysOf(on) > daysOf(end) ? end : on;
      if (from === on && r.days !== 0 && start !== end) return undefined;
    }
    const first = [...counted.values()][0].event.fact;
    fromLabel = counted.size === 1 ? `“${labelOf(first)}”` : doc.prose.slice(anchor.start, anchor.end);
  }
  // Ukrainian runs on without a comma from what it counts from to what happened ("через два дні після ратифікації угоди
  // Радою угода набула чинності"): the names there may belong to what happened, the events it names excepted.
  const told = CYRILLIC().test(doc.prose.slice(r.start, r.end)) ? [...rest, anchor] : rest;
  const subjects = [...eventsOf(doc, links, told).values()].filter((e) => !counted.has(e.event.fact.id));
  if (subjects.length === 0) return undefined;
  const on = oneDay(subjects, (f) => f.date);
  if (!on) return undefined;
  const distance = daysOf(on) - daysOf(from);
  if (!wrongDistance(distance, r)) return undefined;
  const written = doc.prose.slice(r.start, r.end);
  const capital = /^\p{Lu}/u.test(written);
  const right = CYRILLIC().test(written) ? ukRelationText(distance, r.unit, capital) : relationText(distance, r.unit, capital);
  const subject = subjects[0].event.fact;
  return withFixes(
    {
      code: 'wrong-event-date',
      start: r.start,
      end: r.end,
      severity: 'warning',
      message: l10n.t(
        'Wrong date: “{0}” was on {1}, {2} {3}, not {4}.',
        labelOf(subject),
        doc.formatDate(on),
        relationText(distance, r.unit, false),
        fromLabel,
        uncapitalised(written),
      ),
      data: { factId: subject.id, date: on },
    },
    changeTo(r.start, r.end, [right]),
  );
}

/** "The next day, Umerov announced …" after a sentence with a date: the event must be on the day it says. */
function judgeFollowing(doc: ScannedDocument, links: EventLinks, sentences: Span[], k: number, r: RelativeDate): Finding | undefined {
  const s = sentences[k];
  // What it counts from: a date earlier in the sentence ("On 23 June …, and the next day …"), else in the one before.
  const here = doc.datesIn(s.start, r.start).filter((d) => d.end <= r.start);
  const prev = k > 0 ? sentences[k - 1] : undefined;
  const before = here.length > 0 ? here : prev ? doc.datesIn(prev.start, prev.end).filter((d) => d.end <= prev.end) : [];
  if (before.length === 0 || before.some((d) => !d.hasDay || !d.first || d.first !== d.last)) return undefined;
  const firsts = new Set(before.map((d) => d.first!));
  if (firsts.size !== 1) return undefined;
  const from = before[0].first!;
  // A date the check finds wrong is no ground to count from.
  if (here.length === 0 && prev && checkSentence(doc, prev, links)) return undefined;
  if (here.length > 0 && checkSentence(doc, { start: s.start, end: r.start }, links)) return undefined;
  const rest = [
    { start: here.length > 0 ? r.start : s.start, end: r.start },
    { start: r.end, end: s.end },
  ].filter((p) => p.end > p.start);
  if (rest.some((p) => doc.datesIn(p.start, p.end).some((d) => d.hasDay))) return undefined;
  const subjects = [...eventsOf(doc, links, rest).values()];
  if (subjects.length === 0) return undefined;
  const on = oneDay(subjects, (f) => f.date);
  if (!on) return undefined;
  const distance = daysOf(on) - daysOf(from);
  if (!wrongDistance(distance, r)) return undefined;
  // The fix writes the date as the date counted from is written, without its year: "the next day" becomes "on 24 June".
  const written = doc.prose.slice(r.start, r.end);
  const uk = CYRILLIC().test(written);
  const withOn = uk ? null : /\bon\s+$/i.exec(doc.prose.slice(Math.max(s.start, r.start - 3), r.start));
  const start = withOn ? r.start - withOn[0].length : r.start;
  const lead = doc.prose.slice(start, r.end);
  const date = rewriteDate(doc.prose.slice(before[0].start, before[0].end), on, false);
  // Ukrainian writes the day alone: "наступного дня" becomes "24 червня".
  const right = uk ? date : `${/^\p{Lu}/u.test(lead) ? 'On' : 'on'} ${date}`;
  const meant = toIso(fromDays(daysOf(from) + r.days));
  return wrongRelativeDate(doc, subjects[0].event.fact, on, r, doc.prose.slice(before[0].start, before[0].end), formatDate(meant, doc.options.dateStyle), {
    start,
    end: r.end,
    text: right,
  });
}

/**
 * The finding on a relative date that gives its event the wrong day: "“{label}” was on {on}; “{written}” from
 * {from} is {meant}", with the fix that writes `fix.text` over [fix.start, fix.end), where there is one.
 */
export function wrongRelativeDate(
  doc: ScannedDocument,
  subject: Fact,
  on: IsoDate,
  r: Span,
  from: string,
  meant: string,
  fix: (Span & { text: string }) | undefined,
): Finding {
  return withFixes(
    {
      code: 'wrong-event-date',
      start: r.start,
      end: r.end,
      severity: 'warning',
      message: l10n.t(
        'Wrong date: “{0}” was on {1}; “{2}” from {3} is {4}.',
        labelOf(subject),
        doc.formatDate(on),
        doc.prose.slice(r.start, r.end),
        from,
        meant,
      ),
      data: { factId: subject.id, date: on },
    },
    fix ? changeTo(fix.start, fix.end, [fix.text]) : changeTo(r.start, r.end, []),
  );
}

const CYRILLIC = lazy(() => /\p{Script=Cyrillic}/u);

const uncapitalised = (s: string): string => s.charAt(0).toLowerCase() + s.slice(1);

/** Whether the events are not as far apart as written; weeks are read loosely, a day either way. */
function wrongDistance(distance: number, r: RelativeDate): boolean {
  const off = Math.abs(distance - r.days);
  if (off === 0 || (r.unit === 'week' && off <= 1)) return false;
  // A distance far from the one written is more likely about another occasion than a slip.
  return off <= 14;
}

function fromDays(days: number): { year: number; month: number; day: number } {
  const d = new Date(days * 86_400_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}
