import * as l10n from '@vscode/l10n';
// Rule `rendering-as-words`: an outlet's rendering or translation quoted as the speaker's own words.
import { type QuoteFinding } from '../checkCache';
import { type Fix, publisherOf } from '../findings';
import { type Source } from '../../types';
import { type Quotation, markupOf, quotedWords } from '../quotations';
import { type IndexedWording } from '../quoteIndex';
import { ScannedDocument } from '../scannedDocument';
import { creditPattern, outletOf, possessive, speakerLabel, speakerNamed, wordSpan } from '../speakers';

export function renderingFinding(doc: ScannedDocument, q: Quotation, w: IndexedWording): QuoteFinding | undefined {
  const para = doc.paragraphAt(q.start);
  if (!speakerNamed(doc, para, w.entry)) return undefined;
  const credited = () => creditPattern(doc, w.entry, w.wording).test(doc.prose.slice(para.start, para.end));
  if (doc.memo(`credited\u0000${para.start}\u0000${w.entry.fact.id}\u0000${w.wording.id}`, credited)) return undefined;
  const speaker = speakerLabel(doc, w.entry);
  const outlet = outletOf(doc, w.wording);
  const what = w.wording.kind === 'rendering' ? 'rendering' : 'translation';
  const preferred = w.entry.wording !== w.wording ? w.entry.wording : undefined;
  const recordedSource = preferred ? publisherOf(doc.index, preferred.citations) : undefined;
  const fixes = renderingFixes(speaker, outlet, what, w.wording, preferred, recordedSource);
  const recorded = recordedSource ? ` (${recordedSource.publisher})` : '';
  return {
    finding: {
      code: 'rendering-as-words',
      start: q.start,
      end: q.end,
      severity: 'warning',
      message:
        what === 'rendering'
          ? l10n.t(
              'Quoted as {0} own words, but this is {2} rendering, not the recorded wording{4}. Quote the recorded words, or attribute this version to {3}.',
              possessive(speaker),
              speaker,
              possessive(outlet),
              outlet,
              recorded,
            )
          : l10n.t(
              'Quoted as {0} own words, but this is {2} translation, not the recorded wording{4}. Quote the recorded words, or attribute this version to {3}.',
              possessive(speaker),
              speaker,
              possessive(outlet),
              outlet,
              recorded,
            ),
      data: { factId: w.entry.fact.id, wordingId: w.wording.id },
    },
    q,
    fixes,
  };
}

/**
 * The fixes of a rendering quoted as words, made for the document where the
 * quotation stands when a writer asks: made outside `renderingFinding`, so
 * that a verdict kept across checks keeps no scanned document.
 */
function renderingFixes(
  speaker: string,
  outlet: string,
  what: 'rendering' | 'translation',
  wording: IndexedWording['wording'],
  preferred: IndexedWording['wording'] | undefined,
  recordedSource: Source | undefined,
): QuoteFinding['fixes'] {
  return (doc, q) => {
    const out: Fix[] = [];
    if (preferred) {
      const span = wordSpan(quotedWords(doc.prose, q, markupOf(doc.format)));
      out.push({
        title: l10n.t('Quote {0} recorded words ({2})', possessive(speaker), speaker, recordedSource?.publisher ?? l10n.t('recorded wording')),
        edits: [
          { offset: span.start, length: span.end - span.start, text: doc.escape(preferred.text.replace(/^[\u2026.\s]+/, '')) },
          ...(recordedSource ? doc.citation([recordedSource], q.end) : []),
        ],
        preferred: true,
      });
    }
    const outletSource = publisherOf(doc.index, wording.citations);
    out.push({
      title: what === 'rendering' ? l10n.t('Attribute this wording to {0} (rendering)', outlet) : l10n.t('Attribute this wording to {0} (translation)', outlet),
      edits: [{ offset: q.end, length: 0, text: doc.escape(attribution(doc, outlet, what)) }, ...(outletSource ? doc.citation([outletSource], q.end) : [])],
    });
    return out;
  };
}

/** "(in Espreso’s translation)", in the document's language: "(у перекладі Espreso)", "(у переказі Espreso)". */
function attribution(doc: ScannedDocument, outlet: string, what: 'rendering' | 'translation'): string {
  if (doc.citationOptions.language === 'uk') return ` (${what === 'rendering' ? 'у переказі' : 'у перекладі'} ${outlet})`;
  return ` (in ${possessive(outlet)} ${what})`;
}
