// The recorded wordings of every quote, indexed by word pairs, and the verdict on a quotation's words against them.
import { derivedValue, type FactIndex, type IndexedFact } from '../facts/factIndex';
import { canonicalWords } from '../facts/wordForms';
import { type Wording } from '../types';
import { type QuotedWords } from './quotations';
import { alignWords, wordTokens } from './wordDiff';

/** A recorded wording, ready for comparison. */
export interface IndexedWording {
  entry: IndexedFact;
  wording: Wording;
  /** The wording's words, folded; where they stand in its text is read again only for a finding. */
  texts: string[];
  /** The speaker's own words, or a translation of words spoken in another language. */
  acceptable: boolean;
}

export interface QuoteIndex {
  wordings: IndexedWording[];
  byFact: Map<IndexedFact, IndexedWording[]>;
  /** Word pairs ("proud that") to the wordings that contain them. */
  pairs: Map<string, number[]>;
}

const QUOTEINDEXES = derivedValue('check: quote index', readQuoteIndex);

export function quoteIndex(index: FactIndex): QuoteIndex {
  return index.derived(QUOTEINDEXES);
}

function readQuoteIndex(index: FactIndex): QuoteIndex {
  const qi: QuoteIndex = { wordings: [], byFact: new Map(), pairs: new Map() };
  for (const entry of index.byKind('quote')) {
    const all = entry.fact.wordings ?? [];
    for (const wording of all) {
      const words = canonicalWords(wordTokens(wording.text));
      if (words.length === 0) continue;
      // A translation is how a speaker of another language is quoted; where the speaker's own words in that language are recorded, it is not.
      const acceptable =
        wording.kind === 'verbatim' || (wording.kind === 'translation' && !all.some((w) => w.kind === 'verbatim' && w.language === wording.language));
      const id = qi.wordings.length;
      const indexed: IndexedWording = { entry, wording, texts: words.map((w) => w.text), acceptable };
      qi.wordings.push(indexed);
      const list = qi.byFact.get(entry);
      if (list) list.push(indexed);
      else qi.byFact.set(entry, [indexed]);
      const seen = new Set<string>();
      for (let i = 0; i + 1 < words.length; i++) {
        const key = `${words[i].text} ${words[i + 1].text}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const list = qi.pairs.get(key);
        if (list) list.push(id);
        else qi.pairs.set(key, [id]);
      }
    }
  }
  return qi;
}

/** Common words: a misquote must share more than these with the recorded words. */
export const STOPWORDS = new Set(
  "a an and are as at be been but by for from had has have he her his i i'm in is it it's its me my of on or our she so that the their them there they this to was we we're were will with you your not no".split(
    ' ',
  ),
);

/** Most recorded wordings a quotation is aligned with: those that share the most word pairs with it. */
export const MAX_CANDIDATES = 8;

/** Most quotes whose wordings are searched for the quotation's words, those sharing the most pairs first. */
export const MAX_COVER_CANDIDATES = 12;

/** A word pair that more wordings than this share says nothing about which quote is meant. */
export const MAX_POSTINGS = 2000;

/** How many of a quotation's rarest word pairs choose the wordings it is compared with. */
export const RARE_PAIRS = 6;

/** Quotations longer than this (in words) are only compared word for word. */
export const MAX_COMPARED_WORDS = 400;

/** A quotation shorter than this is too short to call a misquote. */
export const MIN_MISQUOTE_WORDS = 5;

/** Quoting this many words of a rendering is presenting it, not echoing a phrase. */
export const MIN_RENDERING_WORDS = 6;

export function isSubSpan(seg: readonly string[], words: readonly string[]): boolean {
  if (seg.length === 0) return true;
  outer: for (let i = 0; i + seg.length <= words.length; i++) {
    for (let k = 0; k < seg.length; k++) if (words[i + k] !== seg[k]) continue outer;
    return true;
  }
  return false;
}

export function isPrefix(seg: readonly string[], words: readonly string[]): boolean {
  if (seg.length > words.length) return false;
  for (let k = 0; k < seg.length; k++) if (words[k] !== seg[k]) return false;
  return true;
}

/**
 * The wordings of one quote that a segment of quoted words is made of: one
 * wording it is part of, or the end of one and the start of another (a
 * quotation that runs on from one outlet's recording into another's).
 */
export function coveringWordings(seg: readonly string[], wordings: readonly IndexedWording[]): IndexedWording[][] {
  const out: IndexedWording[][] = [];
  for (const w of wordings) if (isSubSpan(seg, w.texts)) out.push([w]);
  if (out.length > 0 || seg.length < 2) return out;
  // The segment's head must run to the end of one wording, from a place where the wording has its first word.
  for (const a of wordings) {
    for (let pos = 0; pos < a.texts.length; pos++) {
      const head = a.texts.length - pos;
      if (a.texts[pos] !== seg[0] || head >= seg.length) continue;
      let same = true;
      for (let t = 1; t < head && same; t++) same = seg[t] === a.texts[pos + t];
      if (!same) continue;
      const tail = seg.slice(head);
      for (const b of wordings) if (b !== a && isPrefix(tail, b.texts)) out.push([a, b]);
    }
  }
  return out;
}

export interface Comparison {
  w: IndexedWording;
  /**
   * The words aligned, two numbers a pair: the quoted word's index, then the
   * recorded word's. Flat: a verdict is kept for every quotation of a draft.
   */
  pairs: number[];
  /** The writer's words compared (indexes, inclusive), and the recorded words they stand against. */
  q0: number;
  q1: number;
  w0: number;
  w1: number;
  dice: number;
  coverage: number;
  content: number;
  run: number;
  changes: number;
}

/**
 * Compares quoted words with a recorded wording: the longest common
 * subsequence, trimmed of stray matches at its ends, and widened over words
 * that stand against each other at its edges ("for the rest of the war").
 * Words the writer quotes beyond the recorded ones are context the pack does
 * not hold, not a difference.
 */
export function compare(q: QuotedWords, w: IndexedWording): Comparison | undefined {
  const texts = q.words.map((x) => x.text);
  let pairs = alignWords(texts, w.texts).map(([a, b]) => [a, b] as [number, number]);
  // Word order is quotation first: pairs are [quoted index, recorded index].
  while (pairs.length >= 2 && pairs[1][1] - pairs[0][1] - 1 > 2 * (pairs[1][0] - pairs[0][0] - 1) + 2) pairs = pairs.slice(1);
  while (pairs.length >= 2) {
    const a = pairs[pairs.length - 2];
    const b = pairs[pairs.length - 1];
    if (b[1] - a[1] - 1 > 2 * (b[0] - a[0] - 1) + 2) pairs = pairs.slice(0, -1);
    else break;
  }
  if (pairs.length === 0) return undefined;
  const [qa, wa] = pairs[0];
  const [qb, wb] = pairs[pairs.length - 1];
  const lead = Math.min(qa, wa);
  const trail = Math.min(texts.length - 1 - qb, w.texts.length - 1 - wb);
  const q0 = qa - lead;
  const q1 = qb + trail;
  const w0 = wa - lead;
  const w1 = wb + trail;
  let run = 1;
  let best = 1;
  for (let k = 1; k < pairs.length; k++) {
    run = pairs[k][0] === pairs[k - 1][0] + 1 && pairs[k][1] === pairs[k - 1][1] + 1 ? run + 1 : 1;
    best = Math.max(best, run);
  }
  const m = pairs.length;
  const qLen = q1 - q0 + 1;
  const wLen = w1 - w0 + 1;
  // Words left out where the writer marked an omission ("…") are not a change.
  let changes = 0;
  let prev: [number, number] = [q0 - 1, w0 - 1];
  for (const p of [...pairs, [q1 + 1, w1 + 1] as [number, number]]) {
    const inserted = p[0] - prev[0] - 1;
    const deleted = p[1] - prev[1] - 1;
    const marked = inserted === 0 && deleted > 0 && q.segments.includes(p[0]);
    if ((inserted > 0 || deleted > 0) && !marked) changes++;
    prev = p;
  }
  return {
    w,
    pairs: pairs.flat(),
    q0,
    q1,
    w0,
    w1,
    dice: (2 * m) / (qLen + wLen),
    coverage: m / texts.length,
    content: pairs.filter(([i]) => !STOPWORDS.has(texts[i])).length,
    run: best,
    changes,
  };
}

/** What a quotation's words are, whatever paragraph they stand in. */
export type Verdict =
  | { kind: 'none' }
  /** Recorded words, but only in an outlet's rendering or a translation not to be quoted as the speaker's own. */
  | { kind: 'rendering'; w: IndexedWording; length: number }
  /** Not recorded words: the closest wording, for the thresholds that depend on the paragraph. */
  | { kind: 'compare'; best: Comparison };

export const NONE: Verdict = { kind: 'none' };

export function judge(words: QuotedWords, qi: QuoteIndex): Verdict {
  // The quotation's word pairs ("proud that") that recorded wordings have, rarest first: a wording that holds the
  // quotation, or nearly does, has its rarest pairs, so only their wordings are candidates. Common pairs ("we will")
  // would make every quote a candidate.
  const pairs: { at: number; list: number[] }[] = [];
  for (let i = 0; i + 1 < words.words.length; i++) {
    const list = qi.pairs.get(`${words.words[i].text} ${words.words[i + 1].text}`);
    if (list && list.length <= MAX_POSTINGS) pairs.push({ at: i, list });
  }
  if (pairs.length === 0) return NONE;
  pairs.sort((a, b) => a.list.length - b.list.length);
  // Three pairs always (a changed word breaks at most two); more only while they stay rare.
  const rare = pairs.filter((p, k) => k < 3 || (k < RARE_PAIRS && p.list.length <= 32));
  const hits = new Map<number, number>();
  for (const { list } of rare) for (const id of list) hits.set(id, (hits.get(id) ?? 0) + 1);
  const texts = words.words.map((w) => w.text);
  const segments = words.segments.map((s, k) => texts.slice(s, words.segments[k + 1] ?? texts.length)).filter((s) => s.length > 0);
  const ranked = [...hits.entries()].sort((a, b) => b[1] - a[1]);
  // A wording that holds the quotation has all its rare pairs; one that holds it with another (Reuters' words run on into PA's) all but one.
  const facts: IndexedFact[] = [];
  for (const [id, count] of ranked) {
    if (count < ranked[0][1] - 1 || facts.length === MAX_COVER_CANDIDATES) break;
    const entry = qi.wordings[id].entry;
    if (!facts.includes(entry)) facts.push(entry);
  }
  let rendering: { w: IndexedWording; length: number } | undefined;
  for (const entry of facts) {
    const wordings = qi.byFact.get(entry)!;
    const covers = segments.map((seg) => coveringWordings(seg, wordings));
    if (covers.some((c) => c.length === 0)) continue;
    // Every segment is recorded words; if each has a wording that is the speaker's, the quotation is right.
    let onlyRendered: { w: IndexedWording; length: number } | undefined;
    covers.forEach((c, k) => {
      if (c.some((ws) => ws.every((w) => w.acceptable))) return;
      const w = c[0].find((x) => !x.acceptable)!;
      const length = segments[k].length;
      if (!onlyRendered || length > onlyRendered.length) onlyRendered = { w, length };
    });
    if (!onlyRendered) return NONE;
    if (!rendering || onlyRendered.length > rendering.length) rendering = onlyRendered;
  }
  if (rendering) return rendering.length >= MIN_RENDERING_WORDS ? { kind: 'rendering', ...rendering } : NONE;
  if (texts.length < MIN_MISQUOTE_WORDS || texts.length > MAX_COMPARED_WORDS) return NONE;
  // A near match has most of the rarest pairs: only the wordings that have the most are aligned word by word.
  const minPairs = rare.length <= 3 ? 1 : Math.ceil(0.4 * rare.length);
  let best: Comparison | undefined;
  for (const [id, count] of ranked.slice(0, MAX_CANDIDATES)) {
    const w = qi.wordings[id];
    if (count < minPairs || w.texts.length > MAX_COMPARED_WORDS) continue;
    const c = compare(words, w);
    if (!c) continue;
    if (!best || c.dice > best.dice || (c.dice === best.dice && c.w.acceptable && !best.w.acceptable)) best = c;
  }
  // The loosest thresholds any paragraph allows; the paragraph's own are applied per quotation.
  if (!best || best.pairs.length < 4 || best.content < 3 || best.run < 3 || best.dice < 0.7 || best.coverage < 0.6) return NONE;
  return { kind: 'compare', best };
}
