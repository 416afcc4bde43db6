import type { Citation, Fact, Source, SourceKind, Status, Wording } from './types';

const RECORD_KINDS: readonly SourceKind[] = ['official-record', 'parliament', 'government'];

/** Why a status holds, in words a writer can check. */
export interface StatusBacking {
  status: Status;
  reason: string;
}

/**
 * The status the citations earn: confirmed by an official record or by two
 * publishers independently; reported by one; disputed where variants exist.
 */
export function earnedStatus(citations: readonly Citation[], sourceOf: (id: string) => Source | undefined, hasVariants: boolean): StatusBacking {
  const sources = citations.map((c) => sourceOf(c.source)).filter((s): s is Source => s !== undefined);
  const publishers = new Set(sources.map((s) => s.publisher.trim().toLowerCase()));
  const record = sources.find((s) => RECORD_KINDS.includes(s.kind));
  if (hasVariants) return { status: 'disputed', reason: 'sources give different values' };
  if (record) return { status: 'confirmed', reason: `in an official record (${record.publisher})` };
  if (publishers.size >= 2) return { status: 'confirmed', reason: `${publishers.size} independent publishers agree` };
  if (sources.length === 0) return { status: 'reported', reason: 'no source could be resolved' };
  return { status: 'reported', reason: `one publisher (${sources[0].publisher})` };
}

/** The wording to offer for a quote: the one marked preferred, else the first verbatim one, else the first. */
export function preferredWording(fact: Fact): Wording | undefined {
  const w = fact.wordings;
  if (!w || w.length === 0) return undefined;
  return w.find((x) => x.preferred) ?? w.find((x) => x.kind === 'verbatim') ?? w[0];
}

/** The citations a fact's status rests on: for a quote, those of its preferred wording as well. */
export function backingCitations(fact: Fact): Citation[] {
  const wording = preferredWording(fact);
  return wording ? [...fact.citations, ...wording.citations] : fact.citations;
}

const STRENGTH: Record<Status, number> = { disputed: 0, reported: 1, confirmed: 2 };

/** Whether a declared status claims more than the citations earn. */
export function overclaims(declared: Status, earned: Status): boolean {
  if (earned === 'disputed') return declared !== 'disputed';
  return STRENGTH[declared] > STRENGTH[earned];
}
