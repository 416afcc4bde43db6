import * as l10n from '@vscode/l10n';
// Rule `unrecorded-quote`: a known speaker at a recorded occasion, quoted in words no recording has.
import { parseIsoDate } from '../../document/dates';
import { derivedValue, type FactIndex, type IndexedFact } from '../../facts/factIndex';
import { KIND_PERSON } from '../checkCache';
import { type QuoteFinding } from '../checkCache';
import { publisherOf } from '../findings';
import { type Source } from '../../types';
import { type Quotation, markupOf, quotedWords } from '../quotations';
import { type IndexedWording, STOPWORDS, coveringWordings, quoteIndex } from '../quoteIndex';
import { ScannedDocument } from '../scannedDocument';
import { possessive, speakerLabel, speakerNamed, wordSpan } from '../speakers';

/** The recorded quotes by the day they were said, and every wording of each speaker. */
export interface Occasions {
  byDay: Map<string, IndexedFact[]>;
  bySpeaker: Map<string, IndexedWording[]>;
  /** The content words of every wording of a quote. */
  content: Map<IndexedFact, Set<string>>;
}

const OCCASIONS = derivedValue('check: occasions', readOccasions);

export function occasionsOf(index: FactIndex): Occasions {
  return index.derived(OCCASIONS);
}

function readOccasions(index: FactIndex): Occasions {
  const occ: Occasions = { byDay: new Map(), bySpeaker: new Map(), content: new Map() };
  for (const [entry, wordings] of quoteIndex(index).byFact) {
    const speaker = entry.fact.speaker;
    if (!speaker) continue;
    const list = occ.bySpeaker.get(speaker);
    if (list) list.push(...wordings);
    else occ.bySpeaker.set(speaker, [...wordings]);
    occ.content.set(entry, new Set(wordings.flatMap((w) => w.texts.filter(isContentWord))));
    if (parseIsoDate(entry.fact.date ?? '')?.day === undefined) continue;
    const day = occ.byDay.get(entry.fact.date!);
    if (day) day.push(entry);
    else occ.byDay.set(entry.fact.date!, [entry]);
  }
  return occ;
}

export function isContentWord(w: string): boolean {
  return w.length > 2 && !STOPWORDS.has(w);
}

/** A quotation shorter than this (in words) is a phrase, not a statement to hold against the record. */
export const MIN_UNRECORDED_WORDS = 6;

/** Content words a paraphrase shares with the recorded words of its occasion, at least, and as a share of its own. */
export const MIN_SHARED_WORDS = 3;

export const MIN_SHARED_SHARE = 0.3;

/**
 * A quotation of a known speaker, dated to an occasion the pack records, in
 * words none of the recorded wordings has: a paraphrase presented as a quote.
 * Judged only where the quotation shares enough words with what was recorded
 * to be about the same remarks; a remark the pack does not hold is left alone.
 */
export function unrecordedFinding(doc: ScannedDocument, q: Quotation, inner: string, markup: ReturnType<typeof markupOf>): QuoteFinding | undefined {
  if (doc.nameQuoted(q)) return undefined;
  const occ = occasionsOf(doc.index);
  const para = doc.paragraphAt(q.start);
  // The days the paragraph speaks of, else the document's own date: read once per paragraph.
  const days = doc.memo(`days\u0000${para.start}`, () => {
    const found = new Set<string>();
    const read = (from: number, to: number): void => {
      for (const d of doc.datesIn(from, to)) if (d.hasDay && d.first && d.first === d.last) found.add(d.first);
    };
    read(para.start, para.end);
    // A paragraph that names no one and no day continues the one before.
    if (found.size === 0 && para.start > 0 && !doc.matches.hasKind(para.start, para.end, KIND_PERSON)) {
      let k = para.start - 1;
      while (k > 0 && /\s/.test(doc.prose[k])) k--;
      const prev = doc.paragraphAt(k);
      if (prev.start < para.start) read(prev.start, prev.end);
    }
    if (found.size === 0 && doc.date.source !== 'today') found.add(doc.date.iso);
    return [...found];
  });
  const candidates: IndexedFact[] = [];
  for (const day of days) for (const e of occ.byDay.get(day) ?? []) if (speakerNamed(doc, para, e)) candidates.push(e);
  if (candidates.length === 0) return undefined;
  // The quotation's words are read only where a recorded occasion and its speaker are in question.
  const read = doc.cache.get(`uw\u0000${markup}\u0000${inner}`, () => {
    const w = quotedWords(doc.prose, q, markup);
    const texts = w.words.map((x) => x.text);
    return {
      texts,
      segments: w.segments.map((st, k) => texts.slice(st, w.segments[k + 1] ?? texts.length)).filter((x) => x.length > 0),
      content: new Set(texts.filter(isContentWord)),
    };
  });
  if (read.texts.length < MIN_UNRECORDED_WORDS || read.content.size < MIN_SHARED_WORDS) return undefined;
  const best = doc.cache.get(`uq\u0000${markup}\u0000${candidates.map((c) => c.fact.id).join(',')}\u0000${inner}`, () => {
    // Words the speaker is recorded saying, on this occasion or another, are not this rule's to judge.
    for (const speaker of new Set(candidates.map((c) => c.fact.speaker!))) {
      const wordings = occ.bySpeaker.get(speaker) ?? [];
      if (read.segments.every((seg) => coveringWordings(seg, wordings).length > 0)) return undefined;
    }
    let top: { entry: IndexedFact; shared: number } | undefined;
    for (const entry of candidates) {
      const recorded = occ.content.get(entry);
      if (!recorded) continue;
      let shared = 0;
      for (const w of read.content) if (recorded.has(w)) shared++;
      if (!top || shared > top.shared) top = { entry, shared };
    }
    if (!top || top.shared < MIN_SHARED_WORDS || top.shared < MIN_SHARED_SHARE * read.content.size) return undefined;
    return top.entry;
  });
  if (!best) return undefined;
  const speaker = speakerLabel(doc, best);
  const recorded = best.wording ?? best.fact.wordings?.[0];
  const source = recorded ? publisherOf(doc.index, recorded.citations) : undefined;
  const occasion = best.fact.occasion ? `${best.fact.occasion}, ` : '';
  const recordedText = recorded?.text.replace(/^[\u2026.\s]+/, '');
  return {
    finding: {
      code: 'unrecorded-quote',
      start: q.start,
      end: q.end,
      severity: 'info',
      message: l10n.t(
        'Not recorded words: no recorded wording of {0} remarks ({2}) has these words{3}. Quote the recorded words, or drop the quotation marks.',
        possessive(speaker),
        speaker,
        `${occasion}${doc.formatDate(best.fact.date!)}`,
        recordedText ? l10n.t('; recorded: “{0}”', recordedText) : '',
      ),
      data: { factId: best.fact.id, wordingId: recorded?.id, recorded: recordedText },
    },
    q,
    fixes: unrecordedFixes(speaker, recordedText, source, markup),
  };
}

/**
 * The fix of words not recorded, made for the document where the quotation
 * stands when a writer asks: made outside `unrecordedFinding`, so that a
 * verdict kept across checks keeps no scanned document.
 */
function unrecordedFixes(
  speaker: string,
  recordedText: string | undefined,
  source: Source | undefined,
  markup: ReturnType<typeof markupOf>,
): QuoteFinding['fixes'] {
  return (doc, q) => {
    if (!recordedText) return [];
    const words = quotedWords(doc.prose, q, markup);
    if (words.words.length === 0) return [];
    const span = wordSpan(words);
    return [
      {
        title: l10n.t('Replace with {0} recorded words{2}', possessive(speaker), speaker, source ? ` (${source.publisher})` : ''),
        edits: [{ offset: span.start, length: span.end - span.start, text: doc.escape(recordedText) }, ...(source ? doc.citation([source], q.end) : [])],
        preferred: true,
      },
    ];
  };
}
