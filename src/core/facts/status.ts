import * as l10n from '@vscode/l10n';
import type { Citation, Fact, Source, SourceKind, Status, Wording } from '../types';
import { alignWords, wordTokens } from '../check/wordDiff';
import { canonicalWords } from './wordForms';

const RECORD_KINDS: readonly SourceKind[] = ['official-record', 'parliament', 'government'];

/** Why a status holds, in words a writer can check. */
export interface StatusBacking {
  status: Status;
  reason: string;
  /** How many independent origins the citations have. */
  origins: number;
}

type SourceOf = (id: string) => Source | undefined;

/** Most `basedOn` links followed from one source: a chain longer than this is cut, a cycle is harmless. */
const MAX_CHAIN = 64;

/** What makes a source the same witness as another: its publisher, and each source it is based on (transitively), with theirs. */
function witnessKeys(source: Source, sourceOf: SourceOf): string[] {
  const keys = new Set<string>();
  const seen = new Set<string>();
  const queue: Source[] = [source];
  while (queue.length > 0 && seen.size < MAX_CHAIN) {
    const s = queue.shift()!;
    if (seen.has(s.id)) continue;
    seen.add(s.id);
    keys.add(`id:${s.id}`);
    keys.add(`publisher:${s.publisher.trim().toLowerCase()}`);
    for (const id of s.basedOn ?? []) {
      const base = sourceOf(id);
      // A source this one is based on that no pack defines still joins everything else based on it.
      if (base) queue.push(base);
      else keys.add(`id:${id}`);
    }
  }
  return [...keys];
}

/**
 * The independent origins of some sources: a source, those it rewrites or
 * republishes (`basedOn`, followed transitively) and those of the same
 * publisher are one origin. Each origin is listed by its sources, in the
 * order given.
 */
export function independentOrigins(sources: readonly Source[], sourceOf: SourceOf): Source[][] {
  const unique = [...new Map(sources.map((s) => [s.id, s])).values()];
  const parent = unique.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const owner = new Map<string, number>();
  unique.forEach((s, i) => {
    for (const key of witnessKeys(s, sourceOf)) {
      const j = owner.get(key);
      if (j === undefined) owner.set(key, i);
      else parent[find(i)] = find(j);
    }
  });
  const groups = new Map<number, Source[]>();
  unique.forEach((s, i) => {
    const root = find(i);
    const list = groups.get(root);
    if (list) list.push(s);
    else groups.set(root, [s]);
  });
  return [...groups.values()];
}

/** The name of an origin: the publisher of the source the others are based on, else of its first source. */
export function originName(origin: readonly Source[]): string {
  const ids = new Set(origin.map((s) => s.id));
  const root = origin.find((s) => !(s.basedOn ?? []).some((id) => ids.has(id))) ?? origin[0];
  const base = root.basedOn?.[0];
  return base && !ids.has(base) ? l10n.t('{0} (based on {1})', root.publisher, base) : root.publisher;
}

/**
 * The status the citations earn: confirmed by an official record or by two
 * independent origins; reported by one; disputed where variants exist or
 * independent recorders disagree. A rewrite of a wire story is not a second
 * witness to it.
 */
export function earnedStatus(citations: readonly Citation[], sourceOf: SourceOf, hasVariants: boolean, dispute?: string): StatusBacking {
  const sources = citations.map((c) => sourceOf(c.source)).filter((s): s is Source => s !== undefined);
  const origins = independentOrigins(sources, sourceOf);
  const record = sources.find((s) => RECORD_KINDS.includes(s.kind));
  const n = origins.length;
  if (hasVariants) return { status: 'disputed', reason: l10n.t('sources give different values'), origins: n };
  if (dispute) return { status: 'disputed', reason: dispute, origins: n };
  if (record) return { status: 'confirmed', reason: l10n.t('in an official record ({0})', record.publisher), origins: n };
  if (n >= 2) return { status: 'confirmed', reason: l10n.t('{0} independent origins agree ({1})', n, origins.map(originName).join('; ')), origins: n };
  if (sources.length === 0) return { status: 'reported', reason: l10n.t('no source could be resolved'), origins: 0 };
  const one = originName(origins[0]);
  return {
    status: 'reported',
    reason: sources.length > 1 ? l10n.t('one origin ({0}), in {1} sources', one, sources.length) : l10n.t('one publisher ({0})', one),
    origins: 1,
  };
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

/** The recorder of a wording: the origin of its cited sources, by name. */
export function recorderOf(wording: Wording, sourceOf: SourceOf): string {
  const sources = wording.citations.map((c) => sourceOf(c.source)).filter((s): s is Source => s !== undefined);
  if (sources.length === 0) return wording.by ?? l10n.t('an unknown recorder');
  return independentOrigins(sources, sourceOf).map(originName).join('; ');
}

function comparable(text: string): string[] {
  return canonicalWords(wordTokens(text)).map((w) => w.text);
}

function contains(outer: readonly string[], inner: readonly string[]): boolean {
  outer: for (let i = 0; i + inner.length <= outer.length; i++) {
    for (let k = 0; k < inner.length; k++) if (outer[i + k] !== inner[k]) continue outer;
    return true;
  }
  return inner.length === 0;
}

/** Two recordings of a quote that disagree: verbatim, in one language, by independent recorders. */
export interface WordingDispute {
  a: Wording;
  b: Wording;
  message: string;
}

/**
 * Whether independent recorders disagree on a quote's words: two verbatim
 * wordings in one language whose recorders share no origin, that overlap
 * (their common words are at least half of the shorter) and of which
 * neither holds the other. Contractions and spelling variants are not a
 * difference; a longer recording that holds a shorter one agrees with it.
 */
export function wordingDispute(fact: Fact, sourceOf: SourceOf): WordingDispute | undefined {
  const verbatim = (fact.wordings ?? []).filter((w) => w.kind === 'verbatim');
  if (verbatim.length < 2) return undefined;
  const words = verbatim.map((w) => comparable(w.text));
  const sources = verbatim.map((w) => w.citations.map((c) => sourceOf(c.source)).filter((s): s is Source => s !== undefined));
  for (let i = 0; i < verbatim.length; i++) {
    for (let j = i + 1; j < verbatim.length; j++) {
      const a = verbatim[i];
      const b = verbatim[j];
      if (a.language !== b.language || sources[i].length === 0 || sources[j].length === 0) continue;
      // Recorders that share an origin are one witness: their wordings are one recording.
      if (
        independentOrigins([...sources[i], ...sources[j]], sourceOf).length <
        independentOrigins(sources[i], sourceOf).length + independentOrigins(sources[j], sourceOf).length
      )
        continue;
      const [x, y] = [words[i], words[j]];
      if (contains(x, y) || contains(y, x)) continue;
      const common = alignWords(x, y).length;
      if (common * 2 < Math.min(x.length, y.length)) continue;
      return {
        a,
        b,
        message: l10n.t(
          'independent recorders disagree on the words: {0} has “{1}”, {2} has “{3}”',
          recorderOf(a, sourceOf),
          a.text,
          recorderOf(b, sourceOf),
          b.text,
        ),
      };
    }
  }
  return undefined;
}

const STRENGTH: Record<Status, number> = { disputed: 0, reported: 1, confirmed: 2 };

/** Whether a declared status claims more than the citations earn. */
export function overclaims(declared: Status, earned: Status): boolean {
  if (earned === 'disputed') return declared !== 'disputed';
  return STRENGTH[declared] > STRENGTH[earned];
}
