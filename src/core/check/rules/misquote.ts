import * as l10n from '@vscode/l10n';
// Rule `misquote`: quoted words that differ from every recorded wording of the speaker; the quotations pass that runs the quotation rules.
import { canonicalWords } from '../../facts/wordForms';
import { type CheckCode, type Finding, type FindingData, describeSourceShort, publisherOf, withFixes } from '../findings';
import { type Quotation, type QuotedWords, markupOf, quotedWords } from '../quotations';
import { type Comparison, MIN_RENDERING_WORDS, NONE, type Verdict, judge, quoteIndex } from '../quoteIndex';
import { ScannedDocument } from '../scannedDocument';
import { outletOf, possessive, speakerLabel, speakerNamed, wordSpan } from '../speakers';
import { type Alignment, compactDiff, diffWords, wordTokens } from '../wordDiff';
import { renderingFinding } from './rendering';
import { unrecordedFinding } from './unrecordedQuote';

export function* checkQuotations(doc: ScannedDocument, on: (code: CheckCode) => boolean): Generator<void, Finding[], void> {
  const qi = quoteIndex(doc.index);
  if (qi.wordings.length === 0) return [];
  const markup = markupOf(doc.format);
  const out: Finding[] = [];
  for (const q of doc.quotations) {
    if (doc.pace.tick()) yield;
    // The same quotation is often quoted again, word for word: it is read and judged once.
    const inner = doc.prose.slice(q.innerStart, q.innerEnd);
    const verdict = doc.cache.get(`q\u0000${markup}\u0000${inner}`, () => {
      const words = quotedWords(doc.prose, q, markup);
      return words.words.length < 2 ? NONE : judge(words, qi);
    });
    if (verdict.kind === 'none') {
      if (on('unrecorded-quote')) {
        const f = unrecordedFinding(doc, q, inner, markup);
        if (f) out.push(f);
      }
      continue;
    }
    let words: QuotedWords | undefined;
    const finding = findingFor(doc, q, inner, () => (words ??= quotedWords(doc.prose, q, markup)), verdict, on);
    if (finding) out.push(finding);
  }
  return out;
}

/** `words` reads the quotation's words where they stand: only a fix needs their places. */
export function findingFor(doc: ScannedDocument, q: Quotation, inner: string, words: () => QuotedWords, verdict: Exclude<Verdict, { kind: 'none' }>, on: (code: CheckCode) => boolean): Finding | undefined {
  if (verdict.kind === 'rendering') return on('rendering-as-words') ? renderingFinding(doc, q, words, verdict.w) : undefined;
  const { best } = verdict;
  const para = doc.paragraphAt(q.start);
  // Without the speaker named nearby, only a quotation that is nearly all recorded words is taken for a misquote.
  if (!speakerNamed(doc, para, best.w.entry) && (best.dice < 0.8 || best.coverage < 0.75)) return undefined;
  if (best.changes === 0) {
    // The recorded words, with context around them that the pack does not hold.
    if (best.w.acceptable || !on('rendering-as-words') || best.q1 - best.q0 + 1 < MIN_RENDERING_WORDS) return undefined;
    return renderingFinding(doc, q, words, best.w);
  }
  return on('misquote') ? misquoteFinding(doc, q, inner, words, best) : undefined;
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
export function misquoteFinding(doc: ScannedDocument, q: Quotation, inner: string, words: () => QuotedWords, c: Comparison): Finding {
  const { w } = c;
  const speaker = speakerLabel(doc, w.entry);
  const said = doc.cache.get(`mq\u0000${doc.format}\u0000${doc.options.dateStyle}\u0000${inner}`, () => {
    const written = words();
    const recordedWords = doc.memo(`words\u0000${w.entry.fact.id}\u0000${w.wording.id}`, () => canonicalWords(wordTokens(w.wording.text))).slice(c.w0, c.w1 + 1);
    const writtenWords = written.words.slice(c.q0, c.q1 + 1);
    const segments = written.segments.map((s) => s - c.q0).filter((s) => s > 0 && s < writtenWords.length);
    const alignment: Alignment = c.pairs.map(([qi, wi]) => [wi - c.w0, qi - c.q0]);
    const diff = diffWords(w.wording.text, recordedWords, doc.prose, writtenWords, segments, alignment);
    // Where the closest wording is not the speaker's, the fix writes the wording that is.
    const target = w.acceptable ? w.wording : (w.entry.wording ?? w.wording);
    const targetText = target === w.wording
      ? w.wording.text.slice(recordedWords[0].start, recordedWords[recordedWords.length - 1].end)
      : target.text.replace(/^[\u2026.\s]+/, '');
    const outlet = outletOf(doc, w.wording);
    const by = w.wording.kind === 'verbatim'
      ? l10n.t('{0} words as recorded by {2}', possessive(speaker), speaker, describeSourceShort(publisherOf(doc.index, w.wording.citations), doc.options.dateStyle))
      : w.wording.kind === 'rendering'
        ? l10n.t('{2} rendering of {0} words', possessive(speaker), speaker, possessive(outlet), outlet)
        : l10n.t('{2} translation of {0} words', possessive(speaker), speaker, possessive(outlet), outlet);
    const note = w.acceptable ? '' : w.wording.kind === 'rendering'
      ? ` ${l10n.t('That rendering is not {0} recorded wording.', possessive(speaker), speaker)}`
      : ` ${l10n.t('That translation is not {0} recorded wording.', possessive(speaker), speaker)}`;
    const data: FindingData = { factId: w.entry.fact.id, wordingId: w.wording.id, diff, recorded: w.wording.text.slice(recordedWords[0].start, recordedWords[recordedWords.length - 1].end) };
    return { message: l10n.t('Misquote: differs in words from {0}: {1}', by, sentence(compactDiff(diff))) + note, data, targetText, source: publisherOf(doc.index, target.citations) };
  });
  return withFixes({
    code: 'misquote',
    start: q.start,
    end: q.end,
    severity: 'warning',
    message: said.message,
    data: said.data,
  }, () => {
    const span = wordSpan(words(), c.q0, c.q1);
    return [{
      title: l10n.t('Replace with {0} recorded words{2}', possessive(speaker), speaker, said.source ? ` (${said.source.publisher})` : ''),
      edits: [{ offset: span.start, length: span.end - span.start, text: doc.escape(said.targetText) }, ...(said.source ? doc.citation([said.source], q.end) : [])],
      preferred: true,
    }];
  });
}
