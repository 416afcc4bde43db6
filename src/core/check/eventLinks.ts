// How events are named and described: by the agreements they belong to, their verbs, participants, place and words.
import { foldText, isLetterOrDigitCode } from '../document/text';
import { derivedValue, type FactIndex, type IndexedFact } from '../facts/factIndex';
import { UK_VERBS } from './ukProse';
import { lazy } from '../lazy';

/** Verbs that say what happened to an agreement, in English and (ukProse.ts) Ukrainian. */
export const VERB_CLASSES = lazy((): Record<string, RegExp> => ({
  sign: new RegExp(`\\bsign(?:s|ed|ing)?\\b|${UK_VERBS.sign}`, 'u'),
  ratify: new RegExp(`\\bratif(?:y|ies|ied|ying|ication)\\b|${UK_VERBS.ratify}`, 'u'),
  force: new RegExp(`\\binto force\\b|${UK_VERBS.force}`, 'u'),
  announce: new RegExp(`\\bannounc(?:e|es|ed|ing|ement)\\b|${UK_VERBS.announce}`, 'u'),
}));

export interface EventLinks {
  /** Events linked to each agreement, by verb class. */
  byAgreement: Map<string, Map<string, IndexedFact[]>>;
  /** Facts whose mention in a sentence corroborates an event named by a common phrase. */
  corroborating: Map<string, Set<string>>;
  /** For each event, the others linked to one of its agreements by the same verb. */
  siblings: Map<string, IndexedFact[]>;
  /** Events with words that describe them, by the first word of each action ("signed", "held talks"). */
  described: Map<string, { event: IndexedFact; action: string }[]>;
  /** Each described event's participants and place, and its other words, folded. */
  describing: Map<string, { ids: Set<string>; words: string[] }>;
}

/** Whether `phrase` (folded) stands in `text` (folded) as whole words. */
export function hasPhrase(text: string, phrase: string): boolean {
  for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) {
    const before = text.charCodeAt(at - 1);
    const after = text.charCodeAt(at + phrase.length);
    if (!isWordCode(before) && !isWordCode(after)) return true;
  }
  return false;
}

export function isWordCode(c: number): boolean {
  return !Number.isNaN(c) && isLetterOrDigitCode(c);
}

/** What may join the parts of a word: an apostrophe, straight or curly, and a hyphen. */
const WORD_JOINERS = [39, 0x2019, 45];

/** How much a sentence (folded) says of a described event: each of its participants and its place named, and each of its words, by their length. */
function describingScore(links: EventLinks, event: IndexedFact, folded: string, mentioned: () => Set<string>): number {
  const d = links.describing.get(event.fact.id)!;
  let score = 0;
  for (const id of d.ids) if (mentioned().has(id)) score++;
  // A longer phrase says more: "National Security and Defence Council" over "defence minister".
  for (const w of d.words) if (hasPhrase(folded, w)) score += w.split(' ').length;
  return score;
}

/**
 * The events a sentence describes in its own words rather than by a name:
 * one of an event's actions ("signed", "talks") with one of its participants
 * or its place named, or with one of its words ("century-long pact").
 */
export function describedEvents(links: EventLinks, folded: string, mentioned: () => Set<string>, named: ReadonlySet<string>): IndexedFact[] {
  const out = new Set<IndexedFact>();
  if (links.described.size === 0) return [];
  // An event's score is the sentence's, wherever its action stands: counted once, not at each of its actions (a
  // sentence may repeat "signed" thousands of times, and each count reads the whole sentence).
  const scores = new Map<IndexedFact, number>();
  // Each word ("century-long", "pm’s"), read without a match object per word: a draft has thousands of dated sentences.
  const n = folded.length;
  for (let at = 0, end: number; at < n; at = end) {
    end = at + 1;
    if (!isLetterOrDigitCode(folded.charCodeAt(at))) continue;
    while (end < n && (isLetterOrDigitCode(folded.charCodeAt(end)) || WORD_JOINERS.includes(folded.charCodeAt(end)))) end++;
    const actions = links.described.get(folded.slice(at, end));
    if (actions === undefined) continue;
    const here: { event: IndexedFact; score: number }[] = [];
    for (const { event, action } of actions) {
      if (!folded.startsWith(action, at) || isWordCode(folded.charCodeAt(at + action.length))) continue;
      let score = scores.get(event);
      if (score === undefined) scores.set(event, (score = describingScore(links, event, folded, mentioned)));
      if (score > 0) here.push({ event, score });
    }
    // Of the events an action could be, those the sentence says most about: "signed … in Kyiv" fits several
    // signings, "signed the century-long pact in Kyiv with Zelenskyy" one.
    // An action that can be an event the sentence names is that event's.
    if (here.some((f) => named.has(f.event.fact.id))) continue;
    const top = Math.max(0, ...here.map((f) => f.score));
    for (const f of here) if (f.score === top) out.add(f.event);
  }
  return [...out];
}

const EVENTLINKS = derivedValue('check: event links', readLinksOf);

export function linksOf(index: FactIndex): EventLinks {
  return index.derived(EVENTLINKS);
}

function readLinksOf(index: FactIndex): EventLinks {
  const links: EventLinks = { byAgreement: new Map(), corroborating: new Map(), siblings: new Map(), described: new Map(), describing: new Map() };
  const events = index.byKind('event');
  for (const e of events) {
    const by = e.fact.describedBy;
    if (!by || !e.fact.date) continue;
    const ids = new Set<string>(e.fact.related ?? []);
    if (e.fact.place) ids.add(e.fact.place);
    links.describing.set(e.fact.id, { ids, words: (by.words ?? []).map((w) => foldText(w)).filter((w) => w.length > 0) });
    for (const a of by.actions) {
      const action = foldText(a);
      const first = /^[\p{L}\p{N}][\p{L}\p{N}'’-]*/u.exec(action)?.[0];
      if (!first) continue;
      const list = links.described.get(first) ?? [];
      list.push({ event: e, action });
      links.described.set(first, list);
    }
  }
  for (const e of events) {
    // Its place is not enough: London and Kyiv see many events.
    const set = new Set<string>(e.fact.related ?? []);
    links.corroborating.set(e.fact.id, set);
  }
  for (const f of index.facts) {
    for (const r of f.fact.related ?? []) links.corroborating.get(r)?.add(f.fact.id);
  }
  // Events that name a fact among theirs, by that fact: read once, not once per agreement.
  const eventsRelatedTo = new Map<string, IndexedFact[]>();
  for (const e of events) for (const r of e.fact.related ?? []) eventsRelatedTo.set(r, [...(eventsRelatedTo.get(r) ?? []), e]);
  for (const a of index.byKind('agreement')) {
    const linked = new Set<IndexedFact>(eventsRelatedTo.get(a.fact.id) ?? []);
    for (const r of a.fact.related ?? []) {
      const e = index.fact(r);
      if (e?.fact.kind === 'event') linked.add(e);
    }
    const byClass = new Map<string, IndexedFact[]>();
    for (const [cls, re] of Object.entries(VERB_CLASSES())) {
      const list = [...linked].filter((e) => {
        const label = foldText(e.fact.label);
        if (!re.test(label)) return false;
        // An event described by two verbs ("signs the ratification law") belongs to neither.
        if (Object.entries(VERB_CLASSES()).some(([other, r]) => other !== cls && r.test(label))) return false;
        return cls !== 'sign' || !a.fact.date || e.fact.date === a.fact.date;
      });
      if (list.length > 0) byClass.set(cls, list);
    }
    links.byAgreement.set(a.fact.id, byClass);
    for (const list of byClass.values()) {
      if (list.length < 2) continue;
      for (const e of list) {
        const sib = links.siblings.get(e.fact.id) ?? [];
        for (const other of list) if (other !== e && !sib.includes(other)) sib.push(other);
        links.siblings.set(e.fact.id, sib);
      }
    }
  }
  return links;
}

/** The events linked to the same agreement as `event` by the same verb ("announced"), itself excluded. */
export function siblingEvents(links: EventLinks, event: IndexedFact): readonly IndexedFact[] {
  return links.siblings.get(event.fact.id) ?? [];
}
