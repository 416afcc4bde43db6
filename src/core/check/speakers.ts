// Who said a quotation and who recorded it: the speaker named in the paragraph, the outlet credited.
import { foldText } from '../document/text';
import { derivedValue, type IndexedFact } from '../facts/factIndex';
import { type Wording } from '../types';
import { KIND_PERSON, KIND_ROLE } from './checkCache';
import { publisherOf } from './findings';
import { type QuotedWords } from './quotations';
import { ScannedDocument } from './scannedDocument';

/** Whether the paragraph names the speaker, by name or by a role the speaker holds. */
export function speakerNamed(doc: ScannedDocument, para: { start: number; end: number }, quote: IndexedFact): boolean {
  const speaker = quote.fact.speaker;
  if (!speaker) return false;
  if (namedIn(doc, namedIds(doc, para), speaker)) return true;
  // A paragraph that names no one quotes the speaker of the paragraph before: a quotation run on, or a block
  // quotation after the sentence that introduces it.
  const prev = previousParagraph(doc, para);
  return prev !== undefined && namedIn(doc, namedIds(doc, prev), speaker);
}

function namedIn(doc: ScannedDocument, ids: ReadonlySet<string>, speaker: string): boolean {
  if (ids.size === 0) return false;
  if (ids.has(speaker)) return true;
  for (const role of rolesOf(doc, speaker)) if (ids.has(role)) return true;
  return false;
}

/** The roles a speaker is recorded holding, at any date. */
function rolesOf(doc: ScannedDocument, speaker: string): readonly string[] {
  const all = doc.index.derived(SPEAKER_ROLES);
  let roles = all.get(speaker);
  if (!roles) all.set(speaker, (roles = (doc.index.fact(speaker)?.fact.roles ?? []).map((r) => r.role)));
  return roles;
}

const SPEAKER_ROLES = derivedValue('check: roles of speakers', () => new Map<string, readonly string[]>());

/** The facts the people and roles named in a paragraph stand for; once per paragraph and check. */
export function namedIds(doc: ScannedDocument, para: { start: number; end: number }): ReadonlySet<string> {
  return doc.perParagraph(NAMED, para.start, () => {
    const ids = new Set<string>();
    const ms = doc.matches;
    for (let i = ms.from(para.start); i < ms.count && ms.starts[i] < para.end; i++) {
      if ((ms.kinds[i] & (KIND_PERSON | KIND_ROLE)) === 0) continue;
      for (const v of ms.entries[i].values) ids.add(v.fact.id);
    }
    return ids;
  });
}

const NAMED = 'named';

/**
 * The paragraph before one that names no one, whose speaker a quotation in it
 * is taken to be quoting; undefined where the paragraph names someone or
 * opens the document.
 */
export function previousParagraph(doc: ScannedDocument, para: { start: number; end: number }): { start: number; end: number } | undefined {
  if (para.start === 0 || doc.matches.hasKind(para.start, para.end, KIND_PERSON)) return undefined;
  let k = para.start - 1;
  while (k > 0 && /\s/.test(doc.prose[k])) k--;
  const prev = doc.paragraphAt(k);
  return prev.start < para.start ? prev : undefined;
}

export function speakerLabel(doc: ScannedDocument, quote: IndexedFact): string {
  return (quote.fact.speaker && doc.index.fact(quote.fact.speaker)?.fact.label) || 'the speaker';
}

export function possessive(name: string): string {
  return `${name}\u2019s`;
}

/** Who made a translation or rendering, short enough for a message and an attribution. */
export function outletOf(doc: ScannedDocument, w: Wording): string {
  const publisher = publisherOf(doc.index, w.citations)?.publisher;
  if (w.by && w.by.length <= 30) return w.by;
  return publisher ?? w.by ?? 'the outlet';
}

/**
 * Names that credit a wording of `quote` to its outlet when they appear in the paragraph, as one case-blind
 * expression: made and compiled once per fact base (the check cache's), not once per check. A wording's id is
 * its quote's own: two quotes may each have a wording of the same id.
 */
export function creditPattern(doc: ScannedDocument, quote: IndexedFact, w: Wording): RegExp {
  return doc.cache.get(`credit\u0000${quote.fact.id}\u0000${w.id}`, () => {
    const names = creditNames(doc, w).map((n) =>
      n
        .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
        .replace(/'/g, "['\u2019]")
        .replace(/ /g, '\\s+'),
    );
    if (w.kind === 'translation') names.push('translat');
    return names.length > 0 ? new RegExp(names.join('|'), 'iu') : /$^/;
  });
}

export function creditNames(doc: ScannedDocument, w: Wording): string[] {
  const names = new Set<string>();
  for (const c of w.citations) {
    const s = doc.index.source(c.source)?.source;
    if (s) names.add(s.publisher);
  }
  if (w.by) {
    for (const part of w.by.split(/,|\bas carried by\b|\bvia\b/)) {
      const name = part.trim().replace(/^\S+['\u2019]s\s+/, '');
      if (name.length >= 3) names.add(name);
    }
  }
  return [...names].map((n) => foldText(n)).filter((n) => n.length >= 3);
}

/** The quotation's words from the first to the last, where a fix writes the recorded ones. */
export function wordSpan(words: QuotedWords, from = 0, to = words.words.length - 1): { start: number; end: number } {
  return { start: words.words[from].start, end: words.words[to].end };
}
