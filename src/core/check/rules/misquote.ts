import * as l10n from '@vscode/l10n';
// Rule `misquote`: quoted words that differ from every recorded wording of the speaker; the quotations pass that runs the quotation rules.
import { canonicalWords } from '../../facts/wordForms';
import { type QuoteFinding, keptUnder, placedQuoteFinding } from '../checkCache';
import { type CheckCode, type Finding, type FindingData, describeSourceShort, publisherOf } from '../findings';
import { type Source } from '../../types';
import { type Quotation, type QuotedWords, markupOf, quotedWords } from '../quotations';
import { type Comparison, MIN_RENDERING_WORDS, NONE, type QuoteIndex, type Verdict, judge, quoteIndex } from '../quoteIndex';
import { lowerBound } from '../../document/text';
import { ScannedDocument } from '../scannedDocument';
import { namedIds, outletOf, possessive, previousParagraph, speakerLabel, speakerNamed, wordSpan } from '../speakers';
import { type Alignment, compactDiff, diffWords, wordTokens } from '../wordDiff';
import { renderingFinding } from './rendering';
import { unrecordedFinding } from './unrecordedQuote';

export function* checkQuotations(doc: ScannedDocument, on: (code: CheckCode) => boolean): Generator<void, Finding[], void> {
  const qi = quoteIndex(doc.index);
  if (qi.wordings.length === 0) return [];
  const out: Finding[] = [];
  const qs = doc.quotations;
  for (let i = 0; i < qs.length;) {
    // The quotations of a paragraph are judged together, and kept with the paragraph's scan: a check after an
    // edit finds the verdicts on the paragraphs the writer did not touch there, and only makes their findings.
    const para = doc.paragraphAt(qs[i].start);
    let j = i + 1;
    let inside = qs[i].end <= para.end;
    for (; j < qs.length && qs[j].start < para.end; j++) inside &&= qs[j].end <= para.end;
    const scan = inside ? doc.scans.get(para.start) : undefined;
    if (!scan) {
      // A quotation that runs on past its paragraph (a block of several) is judged where it stands, every check.
      for (let k = i; k < j; k++) {
        if (doc.pace.tick()) yield;
        const f = judgeQuotation(doc, qs[k]);
        if (f && on(f.finding.code)) out.push(placedQuoteFinding(doc, f, 0));
      }
      i = j;
      continue;
    }
    const key = quotationContext(doc, para, i, j);
    let kept = keptUnder(scan.quotes, key);
    if (!kept) {
      kept = [];
      for (let k = i; k < j; k++) {
        if (doc.pace.tick()) yield;
        const f = judgeQuotation(doc, qs[k]);
        if (f) kept.push(moved(f, -para.start));
      }
      scan.quotes = doc.cache.keepQuotes(key, kept);
    } else if (doc.pace.tick()) yield;
    // Kept findings are of every quotation rule; those switched off are left out here.
    for (const f of kept) if (on(f.finding.code)) out.push(placedQuoteFinding(doc, f, para.start));
    i = j;
  }
  return out;
}

/**
 * What the verdicts on the quotations [i, j) of a paragraph depend on besides
 * its text: where the quotations stand in it, the document's format, date
 * style and date, the years its yearless dates take from the text before it,
 * and, for a paragraph that names no one, who the paragraph before names and
 * the days it speaks of (a quotation run on from it is its speaker's).
 */
export function quotationContext(doc: ScannedDocument, para: { start: number; end: number }, i: number, j: number): string {
  let key = `${doc.format}\u0000${doc.options.dateStyle}\u0000${doc.date.iso}\u0000${doc.date.source}\u0000`;
  for (let k = i; k < j; k++) {
    const q = doc.quotations[k];
    key += `${q.start - para.start},${q.end - para.start},${q.innerStart - para.start},${q.innerEnd - para.start},${q.block ? 1 : 0};`;
  }
  key += `\u0000${yearsTaken(doc, para)}`;
  const prev = previousParagraph(doc, para);
  if (prev)
    key += `\u0000${[...namedIds(doc, prev)].join(',')}\u0000${doc
      .datesIn(prev.start, prev.end)
      .map((d) => (d.hasDay && d.first === d.last ? (d.first ?? '?') : ''))
      .join(',')}`;
  return key;
}

/** The year each yearless date of a paragraph took from the text before it. */
export function yearsTaken(doc: ScannedDocument, para: { start: number; end: number }): string {
  let out = '';
  for (let k = lowerBound(doc.dates, para.start); k < doc.dates.length && doc.dates[k].start < para.end; k++) {
    const d = doc.dates[k];
    out += d.hasYear ? ',' : `${d.first ?? '?'},`;
  }
  return out;
}

/** A quotation finding in offsets moved by `delta`: kept in offsets of its paragraph. */
function moved(f: QuoteFinding, delta: number): QuoteFinding {
  const q = f.q;
  return {
    finding: { ...f.finding, start: f.finding.start + delta, end: f.finding.end + delta },
    q: { start: q.start + delta, end: q.end + delta, innerStart: q.innerStart + delta, innerEnd: q.innerEnd + delta, block: q.block },
    fixes: f.fixes,
  };
}

/** The verdict on one quotation, as a finding of any quotation rule, or none. */
export function judgeQuotation(doc: ScannedDocument, q: Quotation): QuoteFinding | undefined {
  const markup = markupOf(doc.format);
  // The same quotation is often quoted again, word for word: it is read and judged once.
  const inner = doc.prose.slice(q.innerStart, q.innerEnd);
  const verdict = doc.cache.get(`q\u0000${markup}\u0000${inner}`, () => {
    const words = quotedWords(doc.prose, q, markup);
    return words.words.length < 2 ? NONE : judge(words, qi(doc));
  });
  if (verdict.kind === 'none') return unrecordedFinding(doc, q, inner, markup);
  return findingFor(doc, q, inner, verdict);
}

function qi(doc: ScannedDocument): QuoteIndex {
  return quoteIndex(doc.index);
}

/** The quotation's words where it stands in the check's document: only a fix needs their places. */
export function wordsAt(doc: ScannedDocument, q: Quotation): QuotedWords {
  return quotedWords(doc.prose, q, markupOf(doc.format));
}

export function findingFor(doc: ScannedDocument, q: Quotation, inner: string, verdict: Exclude<Verdict, { kind: 'none' }>): QuoteFinding | undefined {
  if (verdict.kind === 'rendering') return renderingFinding(doc, q, verdict.w);
  const { best } = verdict;
  const para = doc.paragraphAt(q.start);
  // Without the speaker named nearby, only a quotation that is nearly all recorded words is taken for a misquote.
  if (!speakerNamed(doc, para, best.w.entry) && (best.dice < 0.8 || best.coverage < 0.75)) return undefined;
  if (best.changes === 0) {
    // The recorded words, with context around them that the pack does not hold.
    if (best.w.acceptable || best.q1 - best.q0 + 1 < MIN_RENDERING_WORDS) return undefined;
    return renderingFinding(doc, q, best.w);
  }
  return misquoteFinding(doc, q, inner, best);
}

/** Ends a sentence with a full stop, unless it ends with an ellipsis already. */
export function sentence(text: string): string {
  return /[.…]$/.test(text) ? text : `${text}.`;
}

/**
 * A misquote's message and what it found, by the quotation's words: the same
 * words misquote the same way wherever they stand, so a check after an edit
 * finds them here instead of aligning them again.
 */
export function misquoteFinding(doc: ScannedDocument, q: Quotation, inner: string, c: Comparison): QuoteFinding {
  const { w } = c;
  const speaker = speakerLabel(doc, w.entry);
  const said = doc.cache.get(`mq\u0000${doc.format}\u0000${doc.options.dateStyle}\u0000${inner}`, () => {
    const written = wordsAt(doc, q);
    const recordedWords = doc
      .memo(`words\u0000${w.entry.fact.id}\u0000${w.wording.id}`, () => canonicalWords(wordTokens(w.wording.text)))
      .slice(c.w0, c.w1 + 1);
    const writtenWords = written.words.slice(c.q0, c.q1 + 1);
    const segments = written.segments.map((s) => s - c.q0).filter((s) => s > 0 && s < writtenWords.length);
    const alignment: Alignment = [];
    for (let k = 0; k < c.pairs.length; k += 2) alignment.push([c.pairs[k + 1] - c.w0, c.pairs[k] - c.q0]);
    // The writer's words are slices of the prose: kept with the verdict, they are copied, not a version of the draft.
    const diff = diffWords(w.wording.text, recordedWords, doc.prose, writtenWords, segments, alignment).map((op) => ({
      ...op,
      text: doc.cache.intern(op.text),
    }));
    // Where the closest wording is not the speaker's, the fix writes the wording that is.
    const target = w.acceptable ? w.wording : (w.entry.wording ?? w.wording);
    const targetText =
      target === w.wording
        ? w.wording.text.slice(recordedWords[0].start, recordedWords[recordedWords.length - 1].end)
        : target.text.replace(/^[\u2026.\s]+/, '');
    const outlet = outletOf(doc, w.wording);
    const by =
      w.wording.kind === 'verbatim'
        ? l10n.t(
            '{0} words as recorded by {2}',
            possessive(speaker),
            speaker,
            describeSourceShort(publisherOf(doc.index, w.wording.citations), doc.options.dateStyle),
          )
        : w.wording.kind === 'rendering'
          ? l10n.t('{2} rendering of {0} words', possessive(speaker), speaker, possessive(outlet), outlet)
          : l10n.t('{2} translation of {0} words', possessive(speaker), speaker, possessive(outlet), outlet);
    const note = w.acceptable
      ? ''
      : w.wording.kind === 'rendering'
        ? ` ${l10n.t('That rendering is not {0} recorded wording.', possessive(speaker), speaker)}`
        : ` ${l10n.t('That translation is not {0} recorded wording.', possessive(speaker), speaker)}`;
    const data: FindingData = {
      factId: w.entry.fact.id,
      wordingId: w.wording.id,
      diff,
      recorded: w.wording.text.slice(recordedWords[0].start, recordedWords[recordedWords.length - 1].end),
    };
    return {
      message: l10n.t('Misquote: differs in words from {0}: {1}', by, sentence(compactDiff(diff))) + note,
      data,
      targetText,
      source: publisherOf(doc.index, target.citations),
    };
  });
  return {
    finding: { code: 'misquote', start: q.start, end: q.end, severity: 'warning', message: said.message, data: said.data },
    q,
    fixes: misquoteFixes(speaker, said, c.q0, c.q1),
  };
}

/**
 * A misquote's fix, made for the document where the quotation stands when a
 * writer asks: made outside `misquoteFinding`, so that a verdict kept across
 * checks keeps no scanned document.
 */
function misquoteFixes(speaker: string, said: { targetText: string; source?: Source }, q0: number, q1: number): QuoteFinding['fixes'] {
  return (doc, q) => {
    const span = wordSpan(wordsAt(doc, q), q0, q1);
    return [
      {
        title: l10n.t('Replace with {0} recorded words{2}', possessive(speaker), speaker, said.source ? ` (${said.source.publisher})` : ''),
        edits: [
          { offset: span.start, length: span.end - span.start, text: doc.escape(said.targetText) },
          ...(said.source ? doc.citation([said.source], q.end) : []),
        ],
        preferred: true,
      },
    ];
  };
}
