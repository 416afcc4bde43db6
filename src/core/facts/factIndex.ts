import * as l10n from '@vscode/l10n';
import { AliasMatcher, type AliasEntry, type AliasMatch, type MatcherEdit, type PackedMatches } from './aliasMatcher';
import { checkedDayOf, roleStateOn, type RoleState } from './asOf';
import { assignCitationKeys, citationKey } from '../references/citationKeys';
import { compareIso, dateAliases, isoSpan, ukDateAliases } from '../document/dates';
import { backingCitations, earnedStatus, overclaims, preferredWording, wordingDispute, type StatusBacking } from './status';
import {
  STATUSES,
  type Citation,
  type Fact,
  type FactKind,
  type IsoDate,
  type Pack,
  type PackLocations,
  type Problem,
  type Range,
  type RoleHeld,
  type Severity,
  type Source,
  type Status,
  type Wording,
} from '../types';
import type { IndexSnapshot } from './indexSnapshot';
import { toEnd } from '../steps';
import { sameValue } from '../sameValue';

/** Where a pack came from: the one shipped with the extension, or a writer's file. */
export type PackOrigin = 'bundled' | 'workspace';

export interface LoadedPack {
  pack: Pack;
  locations: PackLocations;
  origin: PackOrigin;
  /** How the pack is named to writers, e.g. its workspace-relative path; defaults to its file. */
  label?: string;
  /** For packs whose sources have local texts: how many excerpts of each fact were found there verbatim. */
  evidence?: ReadonlyMap<string, EvidenceSummary>;
}

export interface EvidenceSummary {
  found: number;
  missing: number;
}

export interface IndexedSource {
  source: Source;
  pack: LoadedPack;
}

export interface IndexedFact {
  fact: Fact;
  pack: LoadedPack;
  /** The status shown to writers: the declared one where it does not overclaim, else what the citations earn. */
  status: Status;
  statusReason: string;
  /** How many independent origins the citations behind the fact have (a source and its rewrites are one). */
  origins: number;
  /** For quotes: the wording to insert. */
  wording?: Wording;
  /** The sources of the citations behind the fact, in citation order, without repeats. */
  sources: IndexedSource[];
  /** Excerpts checked against local source texts, where the pack has them. */
  evidence?: EvidenceSummary;
  /** Every phrase that finds this fact: label, aliases and generated date aliases. */
  aliases: readonly string[];
}

/** A person's role on a date, with the role fact resolved. */
export interface RoleAtDate {
  held: RoleHeld;
  role?: IndexedFact;
  /** The day the period was last checked (its own, its person's, or its pack's). */
  checked?: IsoDate;
}

/** A role period read on a date: held, not held, or open-ended past its checked day. */
export interface RoleOnDate extends RoleAtDate {
  state: RoleState;
}

export interface BuildOptions {
  /** Most facts accepted across all packs; the rest are left out with a problem. */
  maxFacts?: number;
  /** Most aliases accepted across all packs (generated date aliases included). */
  maxAliases?: number;
}

export const DEFAULT_MAX_FACTS = 200_000;
export const DEFAULT_MAX_ALIASES = 2_000_000;

/** A kind of value derived from an index (`FactIndex.derived`): one key object per kind, made once at module load. */
export interface Derived<T> {
  readonly name: string;
  make(index: FactIndex): T;
}

export function derivedValue<T>(name: string, make: (index: FactIndex) => T): Derived<T> {
  return { name, make };
}

/**
 * How an index differs from the one it was made from (see IndexMemo): the
 * entries of that one it no longer has, and its own that that one did not
 * have; every other entry is the same object, in the same order. What is
 * derived from an index (the completion prefixes) can then be derived from
 * the earlier one's instead of from every fact again.
 */
export interface IndexBasis {
  index: FactIndex;
  removed: readonly IndexedFact[];
  added: readonly IndexedFact[];
}

/**
 * A fact a build accepted (its id not taken by an earlier one, within the
 * cap): its pack, its entry where its checks passed, and what they found.
 */
export interface Held {
  readonly fact: Fact;
  readonly pack: LoadedPack;
  entry?: IndexedFact;
  outcome?: FactOutcome;
  /** The outcome with what it looked up, where the build kept them for the next (IndexMemo). */
  kept?: KeptOutcome;
}

/**
 * One pack's share of an index: the facts of the pack it accepted, its
 * entries, their problems and their lookups by kind and source. A share is
 * made once and not changed after: the next index takes it whole where its
 * pack is the same, no pack that came or went touches its ids, and nothing
 * its facts looked up changed (see `buildFactIndexSteps`), so that one
 * changed file of many costs that file's facts, not all of them.
 */
export interface PackShare {
  readonly pack: LoadedPack;
  readonly accepted: readonly Held[];
  /** The ids of its facts left out as repeats of an id accepted before. */
  readonly repeats: ReadonlySet<string>;
  /** The problems found as its facts were accepted: repeated ids, the cap on facts. */
  readonly acceptProblems: readonly Problem[];
  /** The problems its accepted facts' checks found, in their order. */
  readonly problems: Problem[];
  /** Whether a cap on facts or aliases left some of its facts out. */
  capped: boolean;
  readonly entries: IndexedFact[];
  readonly positions: Map<IndexedFact, number>;
  readonly byKind: Map<FactKind, IndexedFact[]>;
  readonly bySource: Map<string, IndexedFact[]>;
  /** How many aliases its entries have. */
  aliases: number;
  /** Every source and fact id its facts looked up, where the build kept them (IndexMemo). */
  looked?: Set<string>;
}

/**
 * The merged fact base: every pack's sources and facts by id, kind, source and
 * alias. Built once per change of packs and read by every provider.
 */
export class FactIndex {
  readonly packs: readonly LoadedPack[];
  /** @internal each pack's share, in the packs' order (set by the builder) */
  shares: readonly PackShare[] = [];
  private entries: IndexedFact[] = [];
  private held = HeldTable.empty();
  /** @internal how many facts the build accepted */
  accepted = 0;
  private readonly starts = new Map<LoadedPack, { share: PackShare; start: number }>();
  private readonly sourcesById = new Map<string, IndexedSource>();
  private readonly kindLists = new Map<FactKind, readonly IndexedFact[]>();
  private readonly sourceLists = new Map<string, readonly IndexedFact[]>();
  /** @internal set by the builder: made for all aliases at once, or edited from the previous index's */
  matcher!: AliasMatcher<IndexedFact>;
  private readonly derivedValues = new Map<Derived<unknown>, unknown>();
  /**
   * The index this one was made from and what changed, while it may be of use:
   * the next index made from this one drops it, so that indexes do not keep
   * each other alive in a chain.
   */
  basis?: IndexBasis;

  constructor(packs: readonly LoadedPack[]) {
    this.packs = packs;
  }

  /** Every entry, in the packs' order. */
  get facts(): IndexedFact[] {
    return this.entries;
  }

  fact(id: string): IndexedFact | undefined {
    return this.held.get(id)?.entry;
  }

  /** @internal the accepted fact of an id, with or without an entry */
  heldOf(id: string): Held | undefined {
    return this.held.get(id);
  }

  /** The share of a pack in this index. @internal */
  shareOf(pack: LoadedPack): PackShare | undefined {
    return this.starts.get(pack)?.share;
  }

  /** Where an entry is in `facts`; undefined for an entry of another index. */
  positionOf(entry: IndexedFact): number | undefined {
    const at = this.starts.get(entry.pack);
    const inShare = at?.share.positions.get(entry);
    return inShare === undefined ? undefined : at!.start + inShare;
  }

  source(id: string): IndexedSource | undefined {
    return this.sourcesById.get(id);
  }

  get sources(): IndexedSource[] {
    return [...this.sourcesById.values()];
  }

  byKind(kind: FactKind): readonly IndexedFact[] {
    return joined(this.kindLists, kind, this.shares, (s) => s.byKind.get(kind));
  }

  bySource(sourceId: string): readonly IndexedFact[] {
    return joined(this.sourceLists, sourceId, this.shares, (s) => s.bySource.get(sourceId));
  }

  /** Facts whose aliases cover the offset, longest match first. */
  findAt(text: string, offset: number): AliasMatch<IndexedFact>[] {
    return this.matcher.findAt(text, offset);
  }

  findAll(text: string): AliasMatch<IndexedFact>[] {
    return this.matcher.findAll(text);
  }

  /** `findAll`, packed into `out`, each offset moved by `at` (see `PackedMatches`). */
  findAllPacked(text: string, at: number, out: PackedMatches<IndexedFact>, tag: (entry: AliasEntry<IndexedFact>) => number): PackedMatches<IndexedFact> {
    return this.matcher.findAllPacked(text, at, out, tag);
  }

  /**
   * The roles a person is known to have held on a date (ISO, full). An
   * open-ended role is known only up to the day it was last checked: on a
   * later date it is not listed (see `roleStatesAt`).
   */
  rolesAt(personId: string, date: IsoDate): RoleAtDate[] {
    return this.roleStatesAt(personId, date).filter((r) => r.state === 'held');
  }

  /** Every role period of a person read on a date: held, not held, or unconfirmed past its checked day. */
  roleStatesAt(personId: string, date: IsoDate): RoleOnDate[] {
    const entry = this.fact(personId);
    if (!entry?.fact.roles) return [];
    return entry.fact.roles.map((held) => {
      const checked = checkedDayOf(held, entry.fact, entry.pack.pack.meta);
      return { held, role: this.fact(held.role), checked, state: roleStateOn(held, date, checked) };
    });
  }

  /** All roles of a person, oldest first, with the role facts resolved. */
  roleHistory(personId: string): RoleAtDate[] {
    const entry = this.fact(personId);
    if (!entry?.fact.roles) return [];
    return [...entry.fact.roles]
      .sort((a, b) => compareIso(a.from ?? '0000', b.from ?? '0000'))
      .map((held) => ({ held, role: this.fact(held.role), checked: checkedDayOf(held, entry.fact, entry.pack.pack.meta) }));
  }

  /**
   * A value read from this index, made on first use and kept as long as the
   * index: the check's quote index, the picker's rows, the completion
   * prefixes. A new fact base is a new index, so nothing outlives its facts.
   */
  derived<T>(key: Derived<T>): T {
    if (this.derivedValues.has(key)) return this.derivedValues.get(key) as T;
    const value = key.make(this);
    this.derivedValues.set(key, value);
    return value;
  }

  /** The derived value if it was made already, without making it. */
  derivedIfMade<T>(key: Derived<T>): T | undefined {
    return this.derivedValues.get(key) as T | undefined;
  }

  /** @internal used by the builder */
  addSource(source: IndexedSource): void {
    this.sourcesById.set(source.source.id, source);
  }

  /** @internal used by the builder: an accepted fact, put in place of any other with its id */
  hold(held: Held): void {
    this.held.set(held);
  }

  /** @internal used by the builder: the accepted facts of the index it is made from, to be changed without changing that one's */
  holdFrom(previous: FactIndex): void {
    this.held = previous.held.derived();
  }

  /** @internal used by the builder: no fact is accepted with this id (yet) */
  unhold(id: string): void {
    this.held.delete(id);
  }

  /** @internal used by the builder, once, with every pack's share in the packs' order */
  setShares(shares: readonly PackShare[]): void {
    this.shares = shares;
    let start = 0;
    for (const share of shares) {
      if (!this.starts.has(share.pack)) this.starts.set(share.pack, { share, start });
      start += share.entries.length;
    }
    this.entries = ([] as IndexedFact[]).concat(...shares.map((s) => s.entries));
  }

  /** @internal used by the builder once the shares are set: the accepted facts' table settled, in steps of `perStep` facts */
  *settleSteps(perStep: number): Generator<void, void, void> {
    this.held = yield* this.held.settledSteps(this.shares, perStep);
  }
}

/**
 * The accepted facts of an index by id: a map of its own over a base shared
 * with the indexes it was made from (its own holds null for an id of the
 * base it has no fact for), so that a build that takes most shares whole
 * sets only the others' ids. Its own becomes the base again once it has
 * grown past a quarter of it.
 */
class HeldTable {
  private constructor(
    private readonly base: ReadonlyMap<string, Held>,
    private readonly own: Map<string, Held | null>,
  ) {}

  static empty(): HeldTable {
    return new HeldTable(new Map(), new Map());
  }

  /** A table of this one's facts, to be changed without changing this one. */
  derived(): HeldTable {
    return new HeldTable(this.base, new Map(this.own));
  }

  get(id: string): Held | undefined {
    const held = this.own.get(id);
    return held === undefined ? this.base.get(id) : (held ?? undefined);
  }

  set(held: Held): void {
    this.own.set(held.fact.id, held);
  }

  delete(id: string): void {
    if (this.base.has(id)) this.own.set(id, null);
    else this.own.delete(id);
  }

  /** This table, or one of the same facts (the shares' accepted ones) with them all in its base where its own has grown. */
  *settledSteps(shares: readonly PackShare[], perStep: number): Generator<void, HeldTable, void> {
    if (this.base.size === 0) return new HeldTable(this.own as Map<string, Held>, new Map());
    if (this.own.size * 4 <= this.base.size) return this;
    const base = new Map<string, Held>();
    let n = 0;
    for (const share of shares) {
      for (const held of share.accepted) {
        if (++n % perStep === 0) yield;
        base.set(held.fact.id, held);
      }
    }
    return new HeldTable(base, new Map());
  }
}

/** The shares' lists of one key, joined in the shares' order on first use and kept. */
function joined<K>(
  made: Map<K, readonly IndexedFact[]>,
  key: K,
  shares: readonly PackShare[],
  listOf: (s: PackShare) => IndexedFact[] | undefined,
): readonly IndexedFact[] {
  let list = made.get(key);
  if (!list) {
    const lists = shares.map(listOf).filter((l): l is IndexedFact[] => l !== undefined);
    made.set(key, (list = lists.length === 1 ? lists[0] : ([] as IndexedFact[]).concat(...lists)));
  }
  return list;
}

/** A new share of a pack, its entries to be added (`addEntry`). */
function newShare(pack: LoadedPack, accepted: readonly Held[], repeats: ReadonlySet<string>, acceptProblems: readonly Problem[], capped: boolean): PackShare {
  return {
    pack,
    accepted,
    repeats,
    acceptProblems,
    problems: [],
    capped,
    entries: [],
    positions: new Map(),
    byKind: new Map(),
    bySource: new Map(),
    aliases: 0,
  };
}

function addEntry(share: PackShare, entry: IndexedFact): void {
  share.positions.set(entry, share.entries.length);
  share.entries.push(entry);
  share.aliases += entry.aliases.length;
  push(share.byKind, entry.fact.kind, entry);
  for (const s of entry.sources) push(share.bySource, s.source.id, entry);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function emptyLocations(file: string): PackLocations {
  return { file, sources: new Map(), facts: new Map(), paths: new Map(), pathsById: new Map() };
}

/** Whether a role was held on a date: open ends are open; partial dates cover their whole month or year. */
export function heldOn(role: RoleHeld, date: IsoDate): boolean {
  const from = role.from ? isoSpan(role.from)?.first : undefined;
  const to = role.to ? isoSpan(role.to)?.last : undefined;
  if (from && compareIso(date, from) < 0) return false;
  if (to && compareIso(date, to) > 0) return false;
  return true;
}

export interface BuildResult {
  index: FactIndex;
  problems: Problem[];
}

/**
 * Merges packs into one index, checking what no single pack can check alone:
 * ids unique across packs, every reference resolving, declared statuses backed.
 * The first pack given wins a conflict (pass the bundled pack first), and both
 * places are reported: a writer's pack never silently replaces a bundled fact.
 */
export function buildFactIndex(packs: readonly LoadedPack[], options: BuildOptions = {}, memo?: IndexMemo, snapshot?: IndexSnapshot): BuildResult {
  return toEnd(buildFactIndexSteps(packs, options, Infinity, memo, snapshot));
}

/**
 * `buildFactIndex` in steps: it yields after every `factsPerStep` facts, so
 * that a large fact base is indexed a slice at a time while the index in use
 * keeps answering (FactStore). With `memo`, the facts of packs that did not
 * change since the build that filled it are not judged again (see IndexMemo):
 * the result is the same as without it. With `snapshot` (of a build of the
 * very same packs and options: the caller keys it so), each fact's outcome
 * and the alias matcher are taken from it instead of worked out, and the
 * memo is filled as if they had been; it throws where the snapshot does
 * not fit the packs' facts.
 */
export function* buildFactIndexSteps(
  packs: readonly LoadedPack[],
  options: BuildOptions = {},
  factsPerStep = 250,
  memo?: IndexMemo,
  snapshot?: IndexSnapshot,
): Generator<void, BuildResult, void> {
  let n = 0;
  const maxFacts = options.maxFacts ?? DEFAULT_MAX_FACTS;
  const maxAliases = options.maxAliases ?? DEFAULT_MAX_ALIASES;
  const index = new FactIndex(packs);
  const problems: Problem[] = [];
  const report = (to: Problem[], pack: LoadedPack, range: Range | undefined, code: string, message: string, severity: Severity = 'error'): void => {
    to.push({ file: pack.locations.file, range: range ?? zero, code, message, severity });
  };

  // The index the memo's entries were last put in: its entries that come out the same are taken as they are.
  const previous = memo?.previous;
  for (const pack of packs) {
    for (const source of pack.pack.sources) {
      if (++n % (factsPerStep * 8) === 0) yield;
      const prior = index.source(source.id);
      // Teams share sources between packs: the same source written the same way is no conflict.
      if (prior && sameSource(prior.source, source)) continue;
      if (prior) {
        duplicate(
          (...a) => report(problems, ...a),
          'source',
          source.id,
          prior.pack,
          pack,
          prior.pack.locations.sources.get(source.id),
          pack.locations.sources.get(source.id),
        );
        continue;
      }
      const before = previous?.source(source.id);
      index.addSource(before && before.source === source && before.pack === pack ? before : { source, pack });
    }
  }
  // Where every source is the previous index's own, an entry of the previous index has this index's sources.
  const sourcesAsBefore = previous !== undefined && (yield* sameSources(previous, index, factsPerStep * 8));
  for (const c of yield* assignCitationKeys(index.sources, factsPerStep * 8)) {
    const at = index.source(c.source.id)!.pack;
    report(
      problems,
      at,
      at.locations.sources.get(c.source.id),
      'citation-key-collision',
      l10n.t(
        'Source ids "{0}" and "{1}" make the same citation key "{2}": this source is cited as "{3}". Give it an id of letters, digits, "-" and "_" that no other source has.',
        c.keeps.id,
        c.source.id,
        citationKey(c.source.id),
        c.key,
      ),
      'warning',
    );
  }

  // The previous index's shares that may be taken whole: where no build can meet the cap on facts and the packs keep their order.
  const untouched =
    previous && memo && !snapshot && packs.reduce((k, p) => k + p.pack.facts.length, 0) <= maxFacts && inTheSameOrder(previous.packs, packs)
      ? yield* untouchedShares(previous, packs, factsPerStep * 8)
      : undefined;

  if (untouched) {
    // The previous index's accepted facts, less those of the shares not taken whole: those are accepted again in turn.
    index.holdFrom(previous!);
    for (const share of previous!.shares) {
      if (untouched.get(share.pack) === share) continue;
      for (const held of share.accepted) {
        if (++n % (factsPerStep * 8) === 0) yield;
        index.unhold(held.fact.id);
      }
    }
  }
  /** Each pack's accepted facts, and the share of the previous index it takes them from, if any. */
  const acceptances: { pack: LoadedPack; accepted: Held[]; repeats: Set<string>; problems: Problem[]; capped: boolean; from?: PackShare }[] = [];
  let acceptedCount = 0;
  let factCapReported = false;
  for (const pack of packs) {
    const from = untouched?.get(pack);
    if (from) {
      // Its ids meet the same facts before them as in the previous index: it accepts the same facts, with the same
      // problems (they are held already). A pack accepted again finds no id of a later share taken whole: that share
      // would then have left the id out as a repeat, and was not taken (untouchedShares).
      acceptedCount += from.accepted.length;
      acceptances.push({
        pack,
        accepted: from.accepted as Held[],
        repeats: from.repeats as Set<string>,
        problems: from.acceptProblems as Problem[],
        capped: false,
        from,
      });
      continue;
    }
    const a = { pack, accepted: [] as Held[], repeats: new Set<string>(), problems: [] as Problem[], capped: false };
    acceptances.push(a);
    for (const fact of pack.pack.facts) {
      if (++n % (factsPerStep * 8) === 0) yield;
      const prior = index.heldOf(fact.id)?.pack;
      if (prior) {
        a.repeats.add(fact.id);
        duplicate((...r) => report(a.problems, ...r), 'fact', fact.id, prior, pack, prior.locations.facts.get(fact.id), pack.locations.facts.get(fact.id));
        continue;
      }
      if (acceptedCount >= maxFacts) {
        a.capped = true;
        if (!factCapReported) {
          report(
            a.problems,
            pack,
            pack.locations.facts.get(fact.id),
            'too-many-facts',
            l10n.t('The fact base holds at most {0} facts; fact "{1}" and those after it are left out.', maxFacts.toLocaleString('en-GB'), fact.id),
          );
          factCapReported = true;
        }
        continue;
      }
      const held: Held = { fact, pack };
      index.hold(held);
      a.accepted.push(held);
      acceptedCount++;
    }
  }
  for (const a of acceptances) problems.push(...a.problems);
  index.accepted = acceptedCount;

  // A snapshot is of a build of these very packs: one that accepted other facts is of others.
  if (snapshot && snapshot.accepted !== acceptedCount) throw new Error(`the snapshot is of ${snapshot.accepted} facts, not ${acceptedCount}`);
  if (memo) memo.last.judged = memo.last.reused = memo.last.restored = 0;
  // The ids whose source or fact kind is not what the previous build had, and the sources that are other objects: an
  // outcome of the previous build that looked up none of the first holds; a share whose facts looked up none of either is taken whole.
  const changed = previous ? yield* changedLookups(previous, index, acceptances, maxFacts, factsPerStep * 8) : undefined;
  const moved = previous && !sourcesAsBefore ? movedSources(previous, index) : new Set<string>();
  /** Entries new to this index, in its order, and whether the others kept their order. */
  const added: IndexedFact[] = [];
  const shared: BuildShared = { statuses: new Map(), dates: new Map(), ukDates: new Map() };
  const shares: PackShare[] = [];
  const taken = new Set<PackShare>();
  /** The shares of the previous index's packs that went, by file. */
  const inUse = new Set(packs);
  const formerShares = previous && new Map(previous.shares.filter((s) => !inUse.has(s.pack)).map((s) => [s.pack.locations.file, s]));
  let ordered = true;
  let lastPosition = -1;
  let aliasCount = 0;
  let at = 0;
  const sourceOf = (id: string): Source | undefined => index.source(id)?.source;
  const kindOf = (id: string): FactKind | undefined => index.heldOf(id)?.fact.kind;
  for (const a of acceptances) {
    const from = a.from;
    if (from && !from.capped && aliasCount + from.aliases <= maxAliases && lookedUpNoneOf(from.looked, changed!, moved)) {
      shares.push(from);
      taken.add(from);
      aliasCount += from.aliases;
      at += from.accepted.length;
      memo!.last.reused += from.accepted.length;
      if (from.entries.length > 0) {
        const first = previous!.positionOf(from.entries[0])!;
        if (first <= lastPosition) ordered = false;
        lastPosition = first + from.entries.length - 1;
      }
      continue;
    }
    // Judged again: its facts held anew, so that the previous index's are left as they were.
    const accepted: Held[] = from ? a.accepted.map((h) => ({ fact: h.fact, pack: h.pack })) : a.accepted;
    if (from) for (const held of accepted) index.hold(held);
    const share = newShare(a.pack, accepted, a.repeats, a.problems, a.capped);
    shares.push(share);
    // The outcomes of the pack's facts in the previous index: each was judged or checked in its build.
    const before = previous?.shareOf(a.pack);
    const keptBefore = before && new Map(before.accepted.map((h) => [h.fact, h.kept]));
    // A file read again: the facts of its former version by id, whose outcomes hold for a fact written the same way.
    const formerShare = before ? undefined : formerShares?.get(a.pack.locations.file);
    const formerFacts = formerShare && new Map(formerShare.accepted.map((h) => [h.fact.id, h]));
    const looked = memo ? new Set<string>() : undefined;
    for (const held of accepted) {
      const { fact, pack } = held;
      const i = at++;
      if (++n % factsPerStep === 0) yield;
      let kept = keptBefore?.get(fact) ?? (formerFacts && asWrittenBefore(formerFacts.get(fact.id), held));
      let outcome: FactOutcome;
      if (kept && lookedUpNone(kept, changed!)) {
        outcome = kept.outcome;
        memo!.last.reused++;
      } else {
        // Kept for every fact of the fact base: two flat lists of (id, what it found), each id once.
        const sources: SourceLookups = [];
        const factKinds: KindLookups = [];
        outcome = snapshot
          ? snapshotOutcome(snapshot, i, fact, pack, shared, sources, factKinds, sourceOf, kindOf)
          : judgeFact(fact, pack, remembered(sources, sourceOf), remembered(factKinds, kindOf), shared);
        kept = undefined;
        if (memo) {
          // Copied to their length: a list grown by push keeps room for more.
          kept = { sources: sources.length > 0 ? sources.slice() : NONE, kinds: factKinds.length > 0 ? factKinds.slice() : NONE, outcome };
          if (snapshot) memo.last.restored++;
          else memo.last.judged++;
        }
      }
      held.outcome = outcome;
      held.kept = kept;
      if (kept && looked) {
        for (let k = 0; k < kept.sources.length; k += 2) looked.add(kept.sources[k] as string);
        for (let k = 0; k < kept.kinds.length; k += 2) looked.add(kept.kinds[k] as string);
      }
      share.problems.push(...outcome.problems);
      if (!outcome.ok) continue;
      const aliases = outcome.aliases!;
      if (aliasCount + aliases.length > maxAliases) {
        share.capped = true;
        report(
          share.problems,
          pack,
          pack.locations.paths.get(`${factPath(pack, fact)}/aliases`) ?? pack.locations.facts.get(fact.id),
          'too-many-aliases',
          l10n.t('The fact base holds at most {0} aliases; fact "{1}" is left out.', maxAliases.toLocaleString('en-GB'), fact.id),
        );
        continue;
      }
      aliasCount += aliases.length;

      const sourceIds = outcome.sourceIds!;
      // The previous index's entry when this one would be the same: same outcome, same sources.
      const formerEntry = kept?.entry;
      const beforeAt = formerEntry && previous?.positionOf(formerEntry);
      let entry: IndexedFact;
      if (formerEntry && beforeAt !== undefined && (sourcesAsBefore || formerEntry.sources.every((s, i) => s === index.source(sourceIds[i])))) {
        entry = formerEntry;
        if (beforeAt <= lastPosition) ordered = false;
        lastPosition = beforeAt;
      } else {
        entry = {
          fact,
          pack,
          status: outcome.status!,
          statusReason: outcome.statusReason!,
          origins: outcome.origins!,
          wording: preferredWording(fact),
          sources: sourceIds.map((id) => index.source(id)!),
          evidence: outcome.evidence,
          aliases,
        };
        if (kept) kept.entry = entry;
        added.push(entry);
      }
      held.entry = entry;
      addEntry(share, entry);
    }
    share.looked = looked;
  }
  index.setShares(shares);
  yield* index.settleSteps(factsPerStep * 8);
  for (const share of shares) problems.push(...share.problems);

  // Editing pays while most entries are kept; past that, adding every alias afresh is quicker.
  if (previous && ordered && added.length * 2 < index.facts.length) {
    // Most entries are the previous index's: its matcher, less the aliases of the entries gone and plus those of the new.
    const removed: IndexedFact[] = [];
    for (const share of previous.shares) {
      if (taken.has(share)) continue;
      for (const e of share.entries) {
        if (++n % (factsPerStep * 8) === 0) yield;
        if (index.positionOf(e) === undefined) removed.push(e);
      }
    }
    // A fact read again with the same names (a file saved again) takes the places of its former entry's aliases.
    const formerById = new Map(removed.map((e) => [e.fact.id, e]));
    const formerOf = (e: IndexedFact): IndexedFact | undefined => {
      const former = formerById.get(e.fact.id);
      return former && sameList(former.aliases, e.aliases) ? former : undefined;
    };
    const edit: MatcherEdit<IndexedFact> = {
      removed,
      added,
      aliasesOf: (e) => e.aliases,
      compare: (a, b) => index.positionOf(a)! - index.positionOf(b)!,
      formerOf,
      replaces: yield* replacements(added, formerOf, previous, packs, factsPerStep * 8),
    };
    index.matcher = yield* previous.matcher.editSteps(edit, factsPerStep);
    previous.basis = undefined;
    index.basis = { index: previous, removed, added };
  } else if (snapshot) {
    if (snapshot.entries !== index.facts.length) throw new Error(`the snapshot has ${snapshot.entries} entries, not ${index.facts.length}`);
    index.matcher = yield* AliasMatcher.restoreSteps(snapshot.matcher, index.facts, (e) => e.aliases, factsPerStep * 20);
  } else {
    index.matcher = new AliasMatcher(aliasCount);
    for (const share of shares) {
      for (const { entry, outcome } of share.accepted) {
        if (!entry) continue;
        if (++n % factsPerStep === 0) yield;
        const { ownAliases = entry.aliases.length, dateLists = NONE } = outcome!;
        for (let k = 0; k < ownAliases; k++) index.matcher.add(entry.aliases[k], entry);
        for (const list of dateLists) index.matcher.addShared(list, entry);
      }
    }
  }
  if (memo) memo.previous = index;
  return { index, problems };
}

/**
 * The shares of the previous index whose packs are still in use and accept
 * the same facts: none of their ids was gained or lost by a pack that came
 * or went (the packs keep their order: the caller checks), and none is an id
 * they left out as a repeat of such a pack's (its problem names the place of
 * the fact it repeats). A file read again in its place touches only the ids
 * it gained or lost, and those others left out.
 */
function* untouchedShares(previous: FactIndex, packs: readonly LoadedPack[], perStep: number): Generator<void, Map<LoadedPack, PackShare>, void> {
  const now = new Set(packs);
  const before = new Set(previous.packs);
  const came = packs.filter((p) => !before.has(p));
  const went = previous.packs.filter((p) => !now.has(p));
  const idsOf = (list: LoadedPack[]): Set<string> => new Set(list.flatMap((p) => p.pack.facts.map((f) => f.id)));
  const cameIds = idsOf(came);
  const wentIds = idsOf(went);
  const inPlace =
    came.length === 1 && went.length === 1 && came[0].locations.file === went[0].locations.file && packs.indexOf(came[0]) === previous.packs.indexOf(went[0]);
  /** Ids that a share accepting them, or leaving them out, no longer meets the same way. */
  const gainedOrLost = new Set<string>();
  let n = 0;
  for (const [one, other] of [
    [cameIds, wentIds],
    [wentIds, cameIds],
  ]) {
    for (const id of one) {
      if (++n % perStep === 0) yield;
      if (!inPlace || !other.has(id)) gainedOrLost.add(id);
    }
  }
  const touched = new Set<LoadedPack>();
  for (const id of gainedOrLost) {
    const held = previous.heldOf(id);
    if (held) touched.add(held.pack);
  }
  const out = new Map<LoadedPack, PackShare>();
  for (const share of previous.shares) {
    if (!now.has(share.pack) || touched.has(share.pack) || share.capped || out.has(share.pack)) continue;
    let repeatsTouched = false;
    for (const id of share.repeats) if (cameIds.has(id) || wentIds.has(id)) repeatsTouched = true;
    if (!repeatsTouched) out.set(share.pack, share);
  }
  return out;
}

/**
 * The outcome of a fact's former version, for the fact read again written
 * the same way: where its checks found no problem (a problem names its place
 * in the file) and its evidence is the same, what they found depends only on
 * what it is and on what it looked up. Its former entry is of the former
 * fact and pack: a new one is made.
 */
function asWrittenBefore(former: Held | undefined, held: Held): KeptOutcome | undefined {
  const kept = former?.kept;
  if (!kept || kept.outcome.problems.length > 0) return undefined;
  if (!sameValue(former.pack.evidence?.get(held.fact.id), held.pack.evidence?.get(held.fact.id)) || !sameValue(former.fact, held.fact)) return undefined;
  return { sources: kept.sources, kinds: kept.kinds, outcome: kept.outcome };
}

/** The sources that are other objects than in `previous` (read again with their pack), though written the same. */
function movedSources(previous: FactIndex, index: FactIndex): Set<string> {
  const out = new Set<string>();
  for (const list of [previous.sources, index.sources])
    for (const { source } of list) if (previous.source(source.id) !== index.source(source.id)) out.add(source.id);
  return out;
}

/** Whether a share's facts looked up none of the ids changed or moved (a share that kept no lookups is judged again). */
function lookedUpNoneOf(looked: ReadonlySet<string> | undefined, changed: ReadonlySet<string>, moved: ReadonlySet<string>): boolean {
  if (!looked) return false;
  for (const set of [changed, moved]) for (const id of set) if (looked.has(id)) return false;
  return true;
}

/**
 * The new entries that take the places of their former entries in the alias
 * matcher: each an entry of the same fact, with the same aliases, from the
 * same file, standing where its former stood against every other entry. That
 * holds where the files in both indexes come in the same order, for entries
 * that come in their formers' order: a fact moved in its file is added anew.
 */
function* replacements(
  added: readonly IndexedFact[],
  formerOf: (e: IndexedFact) => IndexedFact | undefined,
  previous: FactIndex,
  packs: readonly LoadedPack[],
  perStep: number,
): Generator<void, Map<IndexedFact, IndexedFact> | undefined, void> {
  const fileOf = (p: LoadedPack): string => p.locations.file;
  if (!inTheSameOrder(previous.packs.map(fileOf), packs.map(fileOf))) return undefined;
  const replaces = new Map<IndexedFact, IndexedFact>();
  let last = -1;
  for (let i = 0; i < added.length; i++) {
    if (i % perStep === perStep - 1) yield;
    const e = added[i];
    const former = formerOf(e);
    if (!former || former.pack.locations.file !== e.pack.locations.file) continue;
    const at = previous.positionOf(former)!;
    if (at <= last) continue;
    last = at;
    replaces.set(e, former);
  }
  return replaces;
}

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
type SourceLookups = (string | Source | undefined)[];
/** The same for the kinds of the facts they referred to. */
type KindLookups = (string | FactKind | undefined)[];
/** What a fact that looked nothing up keeps: one list for all. */
const NONE: readonly never[] = Object.freeze([]);

/**
 * `look`, each id's answer put in `list` (its id, then the answer): a fact
 * looks up its few sources several times, the second time from its own list.
 */
function remembered<V>(list: (string | V | undefined)[], look: (id: string) => V | undefined): (id: string) => V | undefined {
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

/** A fact's outcome kept from an earlier build, with every source and fact kind it looked up then. @internal read by snapshotOf */
export interface KeptOutcome {
  sources: Readonly<SourceLookups>;
  kinds: Readonly<KindLookups>;
  outcome: FactOutcome;
  /** The entry made for it last, taken again when it would come out the same. */
  entry?: IndexedFact;
}

/**
 * What a store's builds keep for the next: the last index built, whose
 * shares hold each accepted fact's outcome with what it looked up. A fact of
 * a pack that did not change, whose cited sources and referenced facts are
 * the same objects and kinds as before, is not judged again; a pack's share
 * whose facts looked up nothing that changed is taken whole. Kept by pack
 * and fact object, so that a reloaded pack's facts (new objects) are judged
 * afresh.
 */
export class IndexMemo {
  /** @internal the last index built with this memo */
  previous?: FactIndex;
  /** Facts judged afresh, taken from the memo, and taken from a snapshot in the last build: for the tests and the benchmark. */
  readonly last = { judged: 0, reused: 0, restored: 0 };
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
interface BuildShared {
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

function judgeFact(
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
function backingSourceIds(fact: Fact): string[] {
  return [...new Set(backingCitations(fact).map((c) => c.source))];
}

/**
 * Every phrase that finds a fact: its label and aliases, in each of its
 * languages with their case forms, then its date's generated aliases. A
 * name of one letter or digit would match every such letter in a draft: it
 * is left out, and told to `short` (a generated case form is left out quietly).
 */
function factAliases(
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
 * what judging it would give, without judging it.
 */
function snapshotOutcome(
  snapshot: IndexSnapshot,
  i: number,
  fact: Fact,
  pack: LoadedPack,
  shared: BuildShared,
  sources: SourceLookups,
  factKinds: KindLookups,
  sourceOf: (id: string) => Source | undefined,
  kindOf: (id: string) => FactKind | undefined,
): FactOutcome {
  const { strings, looks, lookStarts } = snapshot;
  for (let k = lookStarts[2 * i]; k < lookStarts[2 * i + 1]; k++) sources.push(strings[looks[k]], sourceOf(strings[looks[k]]));
  for (let k = lookStarts[2 * i + 1]; k < lookStarts[2 * i + 2]; k++) factKinds.push(strings[looks[k]], kindOf(strings[looks[k]]));
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

const zero: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** The source and fact ids that resolve otherwise in `index` (whose facts `accepted` are, pack by pack) than in `previous` (a source counts as the same when written the same). */
function* changedLookups(
  previous: FactIndex,
  index: FactIndex,
  accepted: readonly { accepted: readonly Held[] }[],
  maxFacts: number,
  perStep: number,
): Generator<void, Set<string>, void> {
  const out = new Set<string>();
  let n = 0;
  const kindIn = (i: FactIndex, id: string): FactKind | undefined => i.heldOf(id)?.fact.kind;
  // Where the packs that are in both builds come in the same order and no build met the cap on facts, an id
  // whose accepted fact changed is an id of a fact in a pack that came or went: only those are looked at.
  const packs = index.packs;
  const now = new Set(packs);
  const before = new Set(previous.packs);
  const changed = [...packs.filter((p) => !before.has(p)), ...previous.packs.filter((p) => !now.has(p))];
  if (inTheSameOrder(previous.packs, packs) && index.accepted < maxFacts && previous.accepted < maxFacts) {
    for (const pack of changed) {
      for (const { id } of pack.pack.facts) {
        if (++n % perStep === 0) yield;
        if (kindIn(previous, id) !== kindIn(index, id)) out.add(id);
      }
    }
  } else {
    for (const { fact } of acceptedIn(accepted)) {
      if (++n % perStep === 0) yield;
      if (kindIn(previous, fact.id) !== fact.kind) out.add(fact.id);
    }
    for (const { fact } of acceptedIn(previous.shares)) {
      if (++n % perStep === 0) yield;
      if (!index.heldOf(fact.id)) out.add(fact.id);
    }
  }
  for (const list of [previous.sources, index.sources]) {
    for (const { source } of list) {
      const before = previous.source(source.id)?.source;
      const now = index.source(source.id)?.source;
      if (now !== before && !(now && before && sameSource(now, before))) out.add(source.id);
    }
  }
  return out;
}

/** The facts accepted, pack by pack, in order. */
function* acceptedIn(packs: readonly { accepted: readonly Held[] }[]): Generator<Held, void, void> {
  for (const p of packs) yield* p.accepted;
}

/** Whether the items that are in both lists come in the same order in each. */
function inTheSameOrder<K>(before: readonly K[], now: readonly K[]): boolean {
  const inBefore = new Set(before);
  const inNow = new Set(now);
  const kept = now.filter((k) => inBefore.has(k));
  return before.filter((k) => inNow.has(k)).every((k, i) => kept[i] === k);
}

/** Whether `index` has the very sources of `previous` (the same objects, by the same ids), and no others. */
function* sameSources(previous: FactIndex, index: FactIndex, perStep: number): Generator<void, boolean, void> {
  const before = previous.sources;
  const now = index.sources;
  if (before.length !== now.length) return false;
  for (let i = 0; i < now.length; i++) {
    if (i % perStep === perStep - 1) yield;
    if (previous.source(now[i].source.id) !== now[i]) return false;
  }
  return true;
}

function lookedUpNone(kept: KeptOutcome, changed: ReadonlySet<string>): boolean {
  if (changed.size === 0) return true;
  for (let i = 0; i < kept.sources.length; i += 2) if (changed.has(kept.sources[i] as string)) return false;
  for (let i = 0; i < kept.kinds.length; i += 2) if (changed.has(kept.kinds[i] as string)) return false;
  return true;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function factPath(pack: LoadedPack, fact: Fact): string {
  return pack.locations.pathsById.get(fact.id) ?? '/facts/?';
}

function duplicate(
  report: (pack: LoadedPack, range: Range | undefined, code: string, message: string) => void,
  what: string,
  id: string,
  first: LoadedPack,
  second: LoadedPack,
  firstRange: Range | undefined,
  secondRange: Range | undefined,
): void {
  const where = (p: LoadedPack): string => p.label ?? (p.origin === 'bundled' ? l10n.t('the bundled pack') : p.locations.file);
  report(
    second,
    secondRange,
    'duplicate-id',
    l10n.t('The {0} id "{1}" is already used in {2}; this one is ignored. Give it another id.', what, id, where(first)),
  );
  if (first !== second)
    report(first, firstRange, 'duplicate-id', l10n.t('The {0} id "{1}" is used again in {2}, where it is ignored.', what, id, where(second)));
}

function sameSource(a: Source, b: Source): boolean {
  return sameValue(a, b);
}
