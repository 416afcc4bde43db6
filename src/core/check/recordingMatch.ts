// For the hover: whose recording a quotation matches, where it is not the preferred wording.
import { proseText } from '../document/prose';
import { paragraphAt } from '../document/paragraphs';
import { type FactIndex, type IndexedFact } from '../facts/factIndex';
import { recorderOf } from '../facts/status';
import { type DocFormat } from '../references/citation';
import { type Source } from '../types';
import { findQuotations, markupOf, quotedWords } from './quotations';
import { coveringWordings, quoteIndex } from './quoteIndex';

/** Whose recording a quotation matches, where it is not the quote's preferred wording. */
export interface RecordingMatch {
  factId: string;
  /** The wordings the quotation's words are found in. */
  wordingIds: string[];
  /** Their recorders, by origin (a rewrite of a wire story is the wire's). */
  recorders: string[];
  /** The quotation, in offsets of the text. */
  start: number;
  end: number;
}

/**
 * The recorded wording a quotation at `offset` matches, when it is not the
 * one the pack prefers: "strengthen both nations" is PA's recording of
 * Zelenskyy, not AFP's. Undefined where the quotation matches the preferred
 * wording, or no recording of the speaker's own words.
 */
export function recordingMatchedAt(text: string, offset: number, index: FactIndex, format: DocFormat): RecordingMatch | undefined {
  // The paragraph alone: a hover must not read a whole long draft.
  const para = paragraphAt(text, offset);
  const prose = proseText(text.slice(para.start, para.end), format);
  const at = offset - para.start;
  const q = findQuotations(prose, format)
    .filter((x) => x.innerStart <= at && at <= x.innerEnd)
    .sort((a, b) => a.end - a.start - (b.end - b.start))[0];
  if (!q) return undefined;
  const words = quotedWords(prose, q, markupOf(format));
  if (words.words.length < 2) return undefined;
  const qi = quoteIndex(index);
  const texts = words.words.map((w) => w.text);
  const segments = words.segments.map((st, k) => texts.slice(st, words.segments[k + 1] ?? texts.length)).filter((x) => x.length > 0);
  const candidates = new Set<IndexedFact>();
  for (let i = 0; i + 1 < texts.length; i++) for (const id of qi.pairs.get(`${texts[i]} ${texts[i + 1]}`) ?? []) candidates.add(qi.wordings[id].entry);
  for (const entry of candidates) {
    const own = qi.byFact.get(entry)!.filter((w) => w.acceptable);
    const covers = segments.map((seg) => coveringWordings(seg, own));
    if (covers.some((c) => c.length === 0)) continue;
    // Matched by the preferred wording somewhere: nothing to say.
    if (covers.every((c) => c.some((ws) => ws.some((w) => w.wording === entry.wording)))) return undefined;
    const used = [...new Set(covers.flatMap((c) => c[0]))].map((w) => w.wording);
    const sourceOf = (id: string): Source | undefined => index.source(id)?.source;
    return {
      factId: entry.fact.id,
      wordingIds: used.map((w) => w.id),
      recorders: [...new Set(used.map((w) => recorderOf(w, sourceOf)))],
      start: para.start + q.start,
      end: para.start + q.end,
    };
  }
  return undefined;
}
