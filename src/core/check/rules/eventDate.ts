import * as l10n from '@vscode/l10n';
// Rule `wrong-event-date`: a known event, named or described, put on a day it did not happen.
import { type DateStyle, MONTHS, compareIso, formatDate, isoSpan, parseIsoDate, toIso } from '../../document/dates';
import { sentencesOf } from '../../document/sentences';
import { foldText, lowerBound } from '../../document/text';
import { type AliasMatch } from '../../facts/aliasMatcher';
import { type IndexedFact } from '../../facts/factIndex';
import { type Fact, type IsoDate } from '../../types';
import { KIND_AGREEMENT, KIND_EVENT, keptUnder, placedFindings } from '../checkCache';
import { type EventLinks, VERB_CLASSES, describedEvents, linksOf, siblingEvents } from '../eventLinks';
import { type Finding, changeTo, withFixes } from '../findings';
import { type DateInText } from '../../document/documentDates';
import { ScannedDocument } from '../scannedDocument';
import { ukRewriteDate } from '../ukProse';

/** Words that put a date before, after or around an event rather than on it. */
export const RELATIVE =
  /\b(?:before|after|ahead|prior|following|followed|since|until|till|later|earlier|previous|previously|preceding|preceded|eve|afterwards|next|by then|ago)\b/;

/** A date right after these is when something was reported, not when the event happened; "as reported earlier, on …" recalls the event's own date. */
export const REPORTED =
  /\b(?<!\bas\s)(?:reported|wrote|published|posted|said|says|told|stated|tweeted|noted|added|recalled|confirmed|explained|commented|reporting|writing)\b[^.;:]{0,30}$/;

export function daysOf(iso: IsoDate): number {
  const p = parseIsoDate(iso)!;
  return Date.UTC(p.year, (p.month ?? 1) - 1, p.day ?? 1) / 86_400_000;
}

/** Whether a written date is (one of) the event's days. */
export const eventSpans = new WeakMap<Fact, { first: IsoDate; last: IsoDate }>();

export function dateMatches(d: DateInText, e: Fact): boolean {
  let span = eventSpans.get(e);
  if (!span) {
    span = { first: isoSpan(e.date!)!.first, last: isoSpan(e.endDate ?? e.date!)!.last };
    eventSpans.set(e, span);
  }
  const { first, last } = span;
  if (d.hasYear) return compareIso(d.first!, last) <= 0 && compareIso(d.last!, first) >= 0;
  for (let day = daysOf(first); day <= Math.min(daysOf(last), daysOf(first) + 366); day++) {
    const date = new Date(day * 86_400_000);
    if (date.getUTCMonth() + 1 === d.month && date.getUTCDate() === d.day) return true;
  }
  return false;
}

/**
 * Whether the written date is one a writer could have meant for the event:
 * a few days off, the right day in the wrong year, or the right day in the
 * wrong month. A date far from the event is more likely about another
 * occasion (another visit, another summit), and is left alone.
 */
export function plausibleSlip(d: DateInText, e: Fact): boolean {
  const ep = parseIsoDate(e.date!);
  if (ep?.day === undefined || ep.month === undefined || d.month === undefined || d.day === undefined) return false;
  const year = d.hasYear ? parseIsoDate(d.first!)!.year : ep.year;
  const written = toIso({ year, month: d.month, day: d.day });
  if (!parseIsoDate(written)) return false;
  const distance = Math.abs(daysOf(written) - daysOf(e.date!));
  if (year === ep.year) return distance <= 14 || d.day === ep.day;
  return d.month === ep.month && d.day === ep.day;
}

/** "24–25 June 2025", "June 24–25, 2025", or both dates in full when the months differ. */
export function dateRange(first: IsoDate, last: IsoDate, style: DateStyle): string {
  const a = parseIsoDate(first);
  const b = parseIsoDate(last);
  if (style !== 'iso' && a?.day !== undefined && b?.day !== undefined && a.year === b.year && a.month === b.month) {
    const month = MONTHS[a.month! - 1];
    return style === 'en-US' ? `${month} ${a.day}\u2013${b.day}, ${a.year}` : `${a.day}\u2013${b.day} ${month} ${a.year}`;
  }
  return `${formatDate(first, style)}\u2013${formatDate(last, style)}`;
}

export function writtenStyle(written: string): DateStyle {
  if (/^\d{4}-\d{2}-\d{2}$/.test(written)) return 'iso';
  return /^[A-Za-z]/.test(written) ? 'en-US' : 'en-GB';
}

export function rewriteDate(written: string, iso: IsoDate, hasYear: boolean): string {
  const uk = ukRewriteDate(written, iso, hasYear);
  if (uk !== undefined) return uk;
  const style = writtenStyle(written);
  const full = formatDate(iso, style);
  if (hasYear || style === 'iso') return full;
  const p = parseIsoDate(iso)!;
  const month = MONTHS[p.month! - 1];
  const abbreviated = !new RegExp(`\\b${month}\\b`, 'i').test(written);
  const m = abbreviated ? month.slice(0, 3) : month;
  return style === 'en-US' ? `${m} ${p.day}` : `${p.day} ${m}`;
}

export function* checkEventDates(doc: ScannedDocument): Generator<void, Finding[], void> {
  const out: Finding[] = [];
  const links = linksOf(doc.index);
  const dates = doc.dates;
  for (let i = 0; i < dates.length;) {
    if (doc.pace.tick()) yield;
    const para = doc.paragraphAt(dates[i].start);
    let j = i;
    while (j < dates.length && dates[j].start < para.end) j++;
    const own = dates.slice(i, j);
    i = j;
    if (!own.some((d) => d.hasDay) || (links.described.size === 0 && !doc.matches.hasKind(para.start, para.end, KIND_EVENT | KIND_AGREEMENT))) continue;
    // A paragraph's findings depend on its text and on the year its yearless dates take from the text before it.
    const key = `${doc.options.dateStyle}\u0000${own.map((d) => (d.hasYear ? '' : (d.first ?? '?'))).join(',')}`;
    const scan = doc.scans.get(para.start);
    if (!scan) continue;
    let kept = keptUnder(scan.events, key);
    if (!kept) {
      const found: Finding[] = [];
      let checked = -1;
      const sentences = sentencesOf(doc.prose, para.start, para.end);
      // Dates and sentences are both in order: one pass over each, however long the paragraph.
      let k = 0;
      for (const d of own) {
        if (!d.hasDay) continue;
        if (doc.pace.tick()) yield;
        while (k < sentences.length && sentences[k].end <= d.start) k++;
        // Only sentences with a date are read, each once.
        const s = sentences[k] && sentences[k].start <= d.start ? sentences[k] : undefined;
        if (!s || s.start === checked) continue;
        checked = s.start;
        const f = checkSentence(doc, s, links);
        if (f) found.push(f);
      }
      scan.events = doc.cache.keepFindings(key, para.start, found);
      kept = scan.events.value;
    }
    for (const f of placedFindings(kept, para.start)) out.push(f);
  }
  return out;
}

/**
 * Whether a span overlaps none of `dates` (in the order they start): of the
 * dates starting before the span ends (`lowerBound`), the latest end. A
 * sentence may hold thousands of dates and names (a list of days), and a
 * test of every name against every date took seconds on 64 KB.
 */
export function clearOfDates(dates: readonly DateInText[]): (span: { start: number; end: number }) => boolean {
  const latestEnd: number[] = [];
  let latest = -1;
  for (const d of dates) latestEnd.push((latest = Math.max(latest, d.end)));
  return ({ start, end }) => {
    const before = lowerBound(dates, end);
    return before === 0 || latestEnd[before - 1] <= start;
  };
}

/** Where a described event stands in a sentence when no name marks it: the sentence's start, before its dates. */
export function describedAt(doc: ScannedDocument, s: { start: number; end: number }, dates: readonly DateInText[]): AliasMatch<IndexedFact> {
  const end = Math.max(s.start, Math.min(s.end, ...dates.map((d) => d.start)));
  return { start: s.start, end: s.start === end ? s.start : s.start, alias: doc.prose.slice(s.start, end), values: [] };
}

export function checkSentence(doc: ScannedDocument, s: { start: number; end: number }, links: EventLinks): Finding | undefined {
  if (links.described.size === 0 && !doc.matches.hasKind(s.start, s.end, KIND_EVENT | KIND_AGREEMENT)) return undefined;
  const dates = doc.datesIn(s.start, s.end).filter((d) => d.hasDay && d.end <= s.end);
  if (dates.length === 0) return undefined;
  // Names and verbs inside quotation marks are someone's words, not the writer's claim about a date.
  const clear = clearOfDates(dates);
  const matches = doc.matches.within(s.start, s.end).filter((m) => clear(m) && !doc.quoted(m.start));
  const events = eventsIn(
    links,
    matches,
    () => foldText(doc.unquoted(s.start, s.end)),
    () => describedAt(doc, s, dates),
  );
  if (events.size === 0) return undefined;
  // A named event is judged with the other events of its kind on the same thing: Project OCTOPUS was announced by the
  // UK on 10 September and by Ukraine on 11 September, and a sentence may mean either.
  for (const { event, at } of [...events.values()]) {
    for (const sibling of siblingEvents(links, event)) if (!events.has(sibling.fact.id)) events.set(sibling.fact.id, { event: sibling, at });
  }
  let all = [...events.values()];
  // Where the sentence says who acted ("Shmyhal announced Project Octopus"), the events of that person are the ones
  // it can mean: a person named before the event, as its subject; one named after it is someone else in the story.
  if (all.length > 1) {
    const first = Math.min(...all.map((e) => e.at.start));
    const people = new Set(matches.filter((m) => m.end <= first).flatMap((m) => m.values.filter((v) => v.fact.kind === 'person').map((v) => v.fact.id)));
    const theirs = all.filter((e) => (e.event.fact.related ?? []).some((id) => people.has(id)));
    if (theirs.length > 0 && theirs.length < all.length) all = theirs;
  }
  const unmatchedDates = dates.filter((d) => !all.some((e) => dateMatches(d, e.event.fact)));
  let unmatchedEvents = all.filter((e) => !dates.some((d) => dateMatches(d, e.event.fact)));
  if (unmatchedDates.length === 1 && unmatchedEvents.length > 1) {
    // Several events and one date: the date is the one event's named right before it ("the NATO summit in The
    // Hague, which opens on 26 June"), with no other event named between them.
    const d = unmatchedDates[0];
    const before = unmatchedEvents.filter((e) => e.at.end > e.at.start && e.at.end <= d.start).sort((a, b) => b.at.end - a.at.end);
    const nearest = before[0];
    if (nearest && d.start - nearest.at.end <= 30 && all.every((e) => e === nearest || e.at.end <= nearest.at.start || e.at.start >= d.end))
      unmatchedEvents = [nearest];
  }
  let others: IsoDate[] = [];
  if (unmatchedDates.length === 1 && unmatchedEvents.length > 1 && unmatchedEvents.length === all.length) {
    // One date, several events it could be, none on that day and all within a day or two of each other (the UK
    // announced Project OCTOPUS on 10 September, Ukraine on 11 September): wrong whichever is meant. The first named
    // is reported, the others' days offered too.
    const days = [...new Set(all.map((e) => e.event.fact.date!))].sort();
    if (
      days.length <= 2 &&
      daysOf(days[days.length - 1]) - daysOf(days[0]) <= 2 &&
      all.every((e) => !e.event.fact.endDate && plausibleSlip(unmatchedDates[0], e.event.fact))
    ) {
      const first = all.reduce((a, b) => (b.at.start < a.at.start ? b : a));
      others = days.filter((x) => x !== first.event.fact.date);
      unmatchedEvents = [first];
    }
  }
  if (unmatchedDates.length === 1 && unmatchedEvents.length === 0 && dates.length > 1) {
    // Two dates, each after the events of its clause ("lunched with the King at Windsor Castle on 23 June and held
    // talks in Downing Street on 24 June"): the date that fits no event is judged against the events of its clause.
    const d = unmatchedDates[0];
    const from = Math.max(s.start, ...dates.filter((x) => x.end <= d.start).map((x) => x.end));
    const clause = all.filter((e) => e.at.end > e.at.start && e.at.start >= from && e.at.end <= d.start);
    const clauseDays = new Set(clause.map((e) => e.event.fact.date));
    if (clause.length > 0 && clauseDays.size === 1 && all.every((e) => clause.includes(e) || e.at.end <= from || e.at.start >= d.end))
      unmatchedEvents = [clause[0]];
  }
  if (unmatchedDates.length !== 1 || unmatchedEvents.length !== 1) return undefined;
  const d = unmatchedDates[0];
  const { event, at } = unmatchedEvents[0];
  if (!plausibleSlip(d, event.fact)) return undefined;
  // The date must be the event's: no "a week before", no "reported on" between them.
  const from = Math.min(at.end, d.end);
  const to = Math.max(at.start, d.start);
  const between = foldText(doc.prose.slice(Math.min(from, to), Math.max(from, to)));
  const lead = foldText(doc.prose.slice(Math.max(s.start, Math.min(at.start, d.start) - 25), Math.min(at.start, d.start)));
  // "ahead of the NATO summit, which opens on 26 June": the date is said of the event itself, whatever comes before it.
  const ofItself = at.end <= d.start && OF_ITSELF.test(between);
  if (RELATIVE.test(between) || (!ofItself && RELATIVE.test(lead))) return undefined;
  if (REPORTED.test(foldText(doc.prose.slice(Math.max(s.start, d.start - 50), d.start)))) return undefined;
  if (doc.quoted(d.start)) return undefined;
  const written = doc.prose.slice(d.start, d.end);
  const right = rewriteDate(written, event.fact.date!, d.hasYear);
  const span = event.fact.endDate ? dateRange(event.fact.date!, event.fact.endDate, doc.options.dateStyle) : doc.formatDate(event.fact.date!);
  const sources = [...new Set(event.sources.map((x) => x.source.publisher))].join('; ');
  return withFixes(
    {
      code: 'wrong-event-date',
      start: d.start,
      end: d.end,
      severity: 'warning',
      message: l10n.t(
        'Wrong date: “{0}” was on {1}, not {2}{3}.',
        event.fact.label.replace(/\s*\([^()]*\d{4}\)$/, ''),
        span,
        written,
        sources ? ` (${sources})` : '',
      ),
      data: { factId: event.fact.id, date: event.fact.date },
    },
    changeTo(d.start, d.end, [right, ...others.map((iso) => rewriteDate(written, iso, d.hasYear))]),
  );
}

/** Words between an event and a date that say the date is the event's own: "…, which opens on", "that began on". */
const OF_ITSELF =
  /^[^.;()]{0,40},?\s*(?:which|that)\s+(?:will\s+|is\s+to\s+)?(?:opens?|opened|begins?|began|starts?|started|took\s+place|takes\s+place|(?:is|was|will\s+be)\s+held)\s+on\s*$/;

/** A found event and the words that name or describe it. */
export interface EventAt {
  event: IndexedFact;
  at: AliasMatch<IndexedFact>;
}

/**
 * The dated events some words name or describe: by an event's name, by an agreement's name with the verb of one of
 * its events ("the partnership was ratified"), or by who, where and what (`describedEvents`). `matches` are the
 * names in the words, `text` the words folded, `fallback` where a described event stands when no name marks it.
 */
export function eventsIn(
  links: EventLinks,
  matches: readonly AliasMatch<IndexedFact>[],
  text: () => string,
  fallback: () => AliasMatch<IndexedFact>,
): Map<string, EventAt> {
  let folded: string | undefined;
  const sentence = (): string => (folded ??= text());
  let mentionedIds: Set<string> | undefined;
  const mentioned = (): Set<string> => (mentionedIds ??= new Set(matches.flatMap((m) => m.values.map((v) => v.fact.id))));
  const events = new Map<string, { event: IndexedFact; at: AliasMatch<IndexedFact> }>();
  const verbs = new Map<string, boolean>();
  for (const m of matches) {
    for (const v of m.values) {
      if (v.fact.kind === 'event' && v.fact.date) {
        // A common phrase ("ratification", "entry into force") names this event only beside something it concerns.
        const specific = /\p{Lu}/u.test(m.alias) && /\s/.test(m.alias.trim());
        if (specific || [...(links.corroborating.get(v.fact.id) ?? [])].some((id) => mentioned().has(id))) events.set(v.fact.id, { event: v, at: m });
      } else if (v.fact.kind === 'agreement') {
        for (const [cls, re] of Object.entries(VERB_CLASSES())) {
          // Read once a sentence, not once an agreement's mention: a sentence may name agreements thousands of times.
          let said = verbs.get(cls);
          if (said === undefined) verbs.set(cls, (said = re.test(sentence())));
          if (!said) continue;
          for (const e of links.byAgreement.get(v.fact.id)?.get(cls) ?? []) events.set(e.fact.id, { event: e, at: m });
        }
      }
    }
  }
  // Events the sentence describes by who, where and what, rather than names.
  for (const e of describedEvents(links, sentence(), mentioned, new Set(events.keys()))) {
    if (events.has(e.fact.id)) continue;
    const at = matches.find((m) => links.describing.get(e.fact.id)?.ids.has(m.values[0]?.fact.id) ?? false) ?? fallback();
    events.set(e.fact.id, { event: e, at });
  }
  return events;
}
