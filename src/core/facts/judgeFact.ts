// A fact's checks: what the index records for a fact, given what it looks up
// (its cited sources, the kinds of the facts it names), and the problems
// found. Each build judges the facts it cannot take from an earlier one
// (src/core/facts/factIndex.ts), or takes their outcomes from a snapshot.

import * as l10n from '@vscode/l10n';
import { dateAliases, compareIso, isoSpan, ukDateAliases } from '../document/dates';
import { backingCitations, earnedStatus, overclaims, wordingDispute, type StatusBacking } from './status';
import { STATUSES, type Citation, type Fact, type FactKind, type IsoDate, type Problem, type Range, type Severity, type Source, type Status } from '../types';
import type { EvidenceSummary, LoadedPack } from './factIndex';
import type { IndexSnapshot } from './indexSnapshot';

/** What a fact's checks found, and what the index records for it when they passed: all it depends on besides the fact and its pack is what it looked up. */
export interface FactOutcome {
  problems: readonly Problem[];
  ok: boolean;
  status?: Status;
  statusReason?: string;
  origins?: number;
  evidence?: EvidenceSummary;
  aliases?: readonly string[];
  /** How many of `aliases` are the fact's own names; the rest come from `dateLists`. */
  ownAliases?: number;
  /** The lists of generated date aliases it has, each shared by the facts of one day. */
  dateLists?: readonly (readonly string[])[];
  /** The sources of the citations behind the fact, without repeats. */
  sourceIds?: string[];
}

/** The sources a fact's checks looked up, in turn, each once: its id, then what it found, and so on. */
export type SourceLookups = (string | Source | undefined)[];
/** The same for the kinds of the facts they referred to. */
export type KindLookups = (string | FactKind | undefined)[];
/** What a fact that looked nothing up keeps: one list for all. */
export const NONE: readonly never[] = Object.freeze([]);

/**
 * `look`, each id's answer put in `list` (its id, then the answer): a fact
 * looks up its few sources several times, the second time from its own list.
 */
export function remembered<V>(list: (string | V | undefined)[], look: (id: string) => V | undefined): (id: string) => V | undefined {
  return (id) => {
    const at = lookedAt(list, id);
    if (at >= 0) return list[at + 1] as V | undefined;
    const found = look(id);
    list.push(id, found);
    return found;
  };
}

/** Where `id` is among the ids of a list of lookups (its even places); -1 where it is not. */
function lookedAt(list: readonly unknown[], id: string): number {
  for (let i = 0; i < list.length; i += 2) if (list[i] === id) return i;
  return -1;
}

/**
 * What a build works out once for the many facts that share it (made per
 * build: the sources are fixed while it runs):
 * - `statuses`: the status that a citation of one source earns, by its
 *   source id, with the ids looked up to judge it; each fact still records
 *   those lookups (IndexMemo);
 * - `dates`, `ukDates`: a date's generated aliases, the same strings for every
 *   fact of that day (a fact base of 100k facts has some 300,000 of them).
 */
export interface BuildShared {
  statuses: Map<string, { backing: StatusBacking; looked: string[] }>;
  dates: Map<IsoDate, readonly string[]>;
  ukDates: Map<IsoDate, readonly string[]>;
}

function memoised(map: Map<IsoDate, readonly string[]>, date: IsoDate, make: (date: IsoDate) => string[]): readonly string[] {
  let list = map.get(date);
  if (!list) map.set(date, (list = make(date)));
  return list;
}

function statusOf(
  citations: readonly Citation[],
  sourceOf: (id: string) => Source | undefined,
  hasVariants: boolean,
  statuses: BuildShared['statuses'],
): StatusBacking {
  // Many facts cite the same one source; sets of several rarely repeat, and a key for them costs more than it saves.
  if (citations.length !== 1 || hasVariants) return earnedStatus(citations, sourceOf, hasVariants);
  const key = citations[0].source;
  const known = statuses.get(key);
  if (known) {
    for (const id of known.looked) sourceOf(id);
    return known.backing;
  }
  const looked: string[] = [];
  const backing = earnedStatus(
    citations,
    (id) => {
      looked.push(id);
      return sourceOf(id);
    },
    hasVariants,
  );
  statuses.set(key, { backing, looked });
  return backing;
}

export function judgeFact(
  fact: Fact,
  pack: LoadedPack,
  sourceOf: (id: string) => Source | undefined,
  kindOf: (id: string) => FactKind | undefined,
  shared: BuildShared,
): FactOutcome {
  const at = (path: string): Range | undefined => pack.locations.paths.get(`${factPath(pack, fact)}${path}`) ?? pack.locations.facts.get(fact.id);
  const own: Problem[] = [];
  const bad = (path: string, code: string, message: string, severity: Severity = 'error'): void => {
    own.push({ file: pack.locations.file, range: at(path) ?? zero, code, message, severity });
  };
  let ok = true;

  const checkCitations = (list: readonly Citation[], path: string): void => {
    list.forEach((c, i) => {
      if (!sourceOf(c.source)) {
        bad(`${path}/${i}/source`, 'unknown-source', l10n.t('Fact "{0}" cites source "{1}", which no pack defines.', fact.id, c.source));
        ok = false;
      }
    });
  };
  const checkRef = (target: string | undefined, path: string, kind: FactKind | undefined, what: string): void => {
    if (target === undefined) return;
    const k = kindOf(target);
    if (k === undefined) {
      bad(path, 'unknown-fact', l10n.t('Fact "{0}": {1} "{2}" is not a fact in any pack.', fact.id, what, target));
      ok = false;
    } else if (kind && k !== kind) {
      bad(path, 'wrong-kind', l10n.t('Fact "{0}": {1} "{2}" is a {3}, not a {4}.', fact.id, what, target, k, kind));
      ok = false;
    }
  };

  checkCitations(fact.citations, '/citations');
  checkRef(fact.place, '/place', 'place', 'place');
  checkRef(fact.speaker, '/speaker', 'person', 'speaker');
  fact.related?.forEach((r, i) => checkRef(r, `/related/${i}`, undefined, 'related fact'));
  fact.roles?.forEach((r, i) => {
    checkRef(r.role, `/roles/${i}/role`, 'role', 'role');
    checkCitations(r.citations, `/roles/${i}/citations`);
    if (r.from && r.to && compareIso(isoSpan(r.from)!.first, isoSpan(r.to)!.last) > 0) {
      bad(`/roles/${i}/to`, 'bad-period', l10n.t('Fact "{0}": role "{1}" ends ({2}) before it starts ({3}).', fact.id, r.role, r.to ?? '', r.from ?? ''));
      ok = false;
    }
  });
  fact.variants?.forEach((v, i) => checkCitations(v.citations, `/variants/${i}/citations`));
  fact.wordings?.forEach((w, i) => checkCitations(w.citations, `/wordings/${i}/citations`));
  if (fact.date && fact.endDate && compareIso(isoSpan(fact.date)!.first, isoSpan(fact.endDate)!.last) > 0) {
    bad('/endDate', 'bad-period', l10n.t('Fact "{0}" ends ({1}) before it starts ({2}).', fact.id, fact.endDate ?? '', fact.date ?? ''));
    ok = false;
  }
  if (fact.kind === 'quote') {
    if (!fact.speaker) {
      bad('', 'quote-speaker', l10n.t('Quote "{0}" needs a "speaker" (a person fact id).', fact.id));
      ok = false;
    }
    if (!fact.wordings || fact.wordings.length === 0) {
      bad('', 'quote-wordings', l10n.t('Quote "{0}" needs at least one wording, each with its source.', fact.id));
      ok = false;
    } else {
      const preferred = fact.wordings.filter((w) => w.preferred);
      if (preferred.length > 1) {
        bad('/wordings', 'quote-preferred', l10n.t('Quote "{0}" marks {1} wordings as preferred; mark one.', fact.id, preferred.length));
        ok = false;
      }
      const ids = new Set<string>();
      fact.wordings.forEach((w, i) => {
        if (ids.has(w.id)) {
          bad(`/wordings/${i}/id`, 'duplicate-id', l10n.t('Quote "{0}" has two wordings with id "{1}".', fact.id, w.id));
          ok = false;
        }
        ids.add(w.id);
        if (w.kind !== 'verbatim' && !w.by)
          bad(`/wordings/${i}`, 'wording-by', l10n.t('Wording "{0}" of "{1}" is a {2}: say whose ("by").', w.id, fact.id, w.kind), 'warning');
      });
      if (preferred.length === 1 && preferred[0].kind === 'rendering') {
        bad(
          '/wordings',
          'quote-preferred',
          l10n.t('Quote "{0}" prefers a rendering, which is not the speaker\'s own words; prefer a verbatim wording or a translation.', fact.id),
        );
        ok = false;
      }
    }
  } else if (fact.wordings) {
    bad('/wordings', 'not-a-quote', l10n.t('Fact "{0}" is a {1}; only quotes have wordings.', fact.id, fact.kind));
    ok = false;
  }
  if (fact.roles && fact.kind !== 'person') {
    bad('/roles', 'not-a-person', l10n.t('Fact "{0}" is a {1}; only people hold roles.', fact.id, fact.kind));
    ok = false;
  }
  if (!ok) return { problems: own, ok: false };

  const dispute = fact.kind === 'quote' ? wordingDispute(fact, sourceOf) : undefined;
  const hasVariants = (fact.variants?.length ?? 0) > 0;
  const earned: StatusBacking = dispute
    ? earnedStatus(backingCitations(fact), sourceOf, hasVariants, dispute.message)
    : statusOf(backingCitations(fact), sourceOf, hasVariants, shared.statuses);
  let status = earned.status;
  let statusReason = earned.reason;
  if (fact.status) {
    if (overclaims(fact.status, earned.status)) {
      bad(
        '/status',
        'status-overclaims',
        l10n.t(
          'Fact "{0}" is marked "{1}", but its citations back only "{2}" ({3}). Confirmed needs an official record or two independent origins (a rewrite or republication of a source is not a second one); a fact with variants, or a quote whose independent recorders disagree, is disputed.',
          fact.id,
          fact.status ?? '',
          earned.status,
          earned.reason,
        ),
      );
    } else {
      status = fact.status;
      statusReason = fact.status === earned.status ? earned.reason : `marked ${fact.status} by the pack`;
    }
  }

  const evidence = pack.evidence?.get(fact.id);
  if (evidence && evidence.missing > 0 && status === 'confirmed') {
    // An excerpt that its source does not contain backs nothing.
    status = 'reported';
    statusReason =
      evidence.missing === 1
        ? l10n.t('1 evidence excerpt was not found in the source text')
        : l10n.t('{0} evidence excerpts were not found in the source text', evidence.missing);
  }

  const named = factAliases(fact, shared, (path, what, name) =>
    bad(
      path,
      'short-alias',
      l10n.t(
        'Fact "{0}": the {1} "{2}" would match every such letter in a draft, so it is not used to find the fact; names that find a fact need at least {3} letters or digits.',
        fact.id,
        what,
        name,
        MIN_ALIAS_LETTERS,
      ),
      'warning',
    ),
  );
  return {
    problems: own.length > 0 ? own : NONE,
    ok: true,
    status,
    statusReason,
    origins: earned.origins,
    evidence,
    ...named,
    sourceIds: backingSourceIds(fact),
  };
}

/** The sources of the citations behind a fact, without repeats. */
export function backingSourceIds(fact: Fact): string[] {
  return [...new Set(backingCitations(fact).map((c) => c.source))];
}

/**
 * Every phrase that finds a fact: its label and aliases, in each of its
 * languages with their case forms, then its date's generated aliases. A
 * name of one letter or digit would match every such letter in a draft: it
 * is left out, and told to `short` (a generated case form is left out quietly).
 */
export function factAliases(
  fact: Fact,
  shared: BuildShared,
  short?: (path: string, what: string, name: string) => void,
): Pick<FactOutcome, 'aliases' | 'ownAliases' | 'dateLists'> {
  const aliases = new Set<string>();
  const named = (name: string, path: string, what: string): void => {
    if (findsAlone(name)) aliases.add(name);
    else short?.(path, what, name);
  };
  named(fact.label, '/label', 'label');
  fact.aliases.forEach((a, i) => named(a, `/aliases/${i}`, 'alias'));
  // Its names in other languages, and their case forms (languageForms.ts): "Умєров", "Умєрова", "Рустемові Умєрову".
  for (const [lang, entry] of Object.entries(fact.languages ?? {})) {
    named(entry.label, `/languages/${lang}/label`, 'label');
    entry.aliases?.forEach((a, i) => named(a, `/languages/${lang}/aliases/${i}`, 'alias'));
    for (const f of entry.forms ?? []) if (findsAlone(f)) aliases.add(f);
  }
  // Then its date's generated aliases, last: lists shared by every fact of that day (see `AliasMatcher.addShared`).
  const ownAliases = aliases.size;
  let dateLists: readonly (readonly string[])[] = NONE;
  if (fact.date && (fact.dateAliases ?? fact.kind === 'event')) {
    const lists = [memoised(shared.dates, fact.date, dateAliases)];
    if (fact.languages?.uk) lists.push(memoised(shared.ukDates, fact.date, ukDateAliases));
    for (const list of lists) for (const a of list) aliases.add(a);
    dateLists = lists;
  }
  return { aliases: [...aliases], ownAliases, dateLists };
}

/**
 * A fact's outcome as a snapshot of an earlier build of the same packs
 * records it (IndexSnapshot), with what it looked up then looked up now:
 * what judging it would give, without judging it. The lookups are by the
 * id's place in the snapshot's strings (`lookedUpOnce`).
 */
export function snapshotOutcome(
  snapshot: IndexSnapshot,
  i: number,
  fact: Fact,
  pack: LoadedPack,
  shared: BuildShared,
  sources: SourceLookups,
  factKinds: KindLookups,
  sourceAt: (place: number) => Source | undefined,
  kindAt: (place: number) => FactKind | undefined,
): FactOutcome {
  const { strings, looks, lookStarts } = snapshot;
  for (let k = lookStarts[2 * i]; k < lookStarts[2 * i + 1]; k++) sources.push(strings[looks[k]], sourceAt(looks[k]));
  for (let k = lookStarts[2 * i + 1]; k < lookStarts[2 * i + 2]; k++) factKinds.push(strings[looks[k]], kindAt(looks[k]));
  const problems = snapshot.problems.get(i) ?? NONE;
  if (snapshot.ok[i] !== 1) return { problems, ok: false };
  return {
    problems,
    ok: true,
    status: STATUSES[snapshot.status[i]],
    statusReason: strings[snapshot.reasons[i]],
    origins: snapshot.origins[i],
    evidence: pack.evidence?.get(fact.id),
    ...factAliases(fact, shared),
    sourceIds: backingSourceIds(fact),
  };
}

/**
 * Looks up an id of the snapshot's strings by its place there, once for all
 * the facts that looked it up: when facts are judged, the index holds all
 * its sources and accepted facts, and they stay. At 100k facts, looking each
 * up anew took a window reload a quarter of a second.
 */
export function lookedUpOnce<T>(strings: readonly string[], of: (id: string) => T | undefined): (place: number) => T | undefined {
  const known: (T | null | undefined)[] = new Array(strings.length);
  return (place) => {
    let found = known[place];
    if (found === undefined) known[place] = found = of(strings[place]) ?? null;
    return found ?? undefined;
  };
}

/** A label or alias with fewer letters or digits than this does not find its fact in a draft. */
export const MIN_ALIAS_LETTERS = 2;

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

/**
 * Whether a name has MIN_ALIAS_LETTERS letters or digits (UTF-16 units, as
 * `name.replace(/[^\p{L}\p{N}]/gu, '').length` counts them), read a
 * character at a time and stopping there: a fact base has hundreds of
 * thousands of names, and most are plain ASCII.
 */
export function findsAlone(name: string): boolean {
  let n = 0;
  for (let i = 0; i < name.length && n < MIN_ALIAS_LETTERS; i++) {
    const c = name.charCodeAt(i);
    if (c < 128) {
      if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) n++;
      continue;
    }
    const cp = name.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    if (LETTER_OR_DIGIT.test(String.fromCodePoint(cp))) n += width;
    i += width - 1;
  }
  return n >= MIN_ALIAS_LETTERS;
}

export const zero: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export function factPath(pack: LoadedPack, fact: Fact): string {
  return pack.locations.pathsById.get(fact.id) ?? '/facts/?';
}
