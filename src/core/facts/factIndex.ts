import * as l10n from '@vscode/l10n';
import { AliasMatcher, type AliasEntry, type AliasMatch, type MatcherEdit, type PackedMatches } from './aliasMatcher';
import { checkedDayOf, roleStateOn, type RoleState } from './asOf';
import { assignCitationKeys, citationKey } from '../references/citationKeys';
import { compareIso, isoSpan } from '../document/dates';
import { preferredWording } from './status';
import {
  factPath,
  judgeFact,
  NONE,
  remembered,
  snapshotOutcome,
  lookedUpOnce,
  zero,
  type BuildShared,
  type FactOutcome,
  type KindLookups,
  type SourceLookups,
} from './judgeFact';
import {
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
import { IdMap } from './idMap';
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
  private readonly sourcesById = new IdMap<IndexedSource>();
  /** The sources in the order they were added. */
  private readonly sourceOrder: IndexedSource[] = [];
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
    return [...this.sourceOrder];
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
    // The builder adds an id once (a second source with it is reported, not added); were one added again, it
    // would take the first's place, as in a Map.
    const prior = this.sourcesById.get(source.source.id);
    if (prior) this.sourceOrder[this.sourceOrder.indexOf(prior)] = source;
    else this.sourceOrder.push(source);
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
    private readonly base: IdMap<Held>,
    private readonly own: IdMap<Held | null>,
  ) {}

  static empty(): HeldTable {
    return new HeldTable(new IdMap(), new IdMap());
  }

  /** A table of this one's facts, to be changed without changing this one. */
  derived(): HeldTable {
    return new HeldTable(this.base, new IdMap(this.own));
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
    if (this.base.size === 0) return new HeldTable(this.own as IdMap<Held>, new IdMap());
    if (this.own.size * 4 <= this.base.size) return this;
    const base = new IdMap<Held>();
    let n = 0;
    for (const share of shares) {
      for (const held of share.accepted) {
        if (++n % perStep === 0) yield;
        base.set(held.fact.id, held);
      }
    }
    return new HeldTable(base, new IdMap());
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
  const change = previous && packChange(previous.packs, packs);
  const untouched =
    previous && change && memo && !snapshot && change.sameOrder && packs.reduce((k, p) => k + p.pack.facts.length, 0) <= maxFacts
      ? yield* untouchedShares(previous, packs, change, factsPerStep * 8)
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
  const changed = previous && change ? yield* changedLookups(previous, index, change, acceptances, maxFacts, factsPerStep * 8) : undefined;
  const moved = previous && !sourcesAsBefore ? movedSources(previous, index) : new Set<string>();
  /** Entries new to this index, in its order, and whether the others kept their order. */
  const added: IndexedFact[] = [];
  const shared: BuildShared = { statuses: new Map(), dates: new Map(), ukDates: new Map() };
  const shares: PackShare[] = [];
  const taken = new Set<PackShare>();
  /** The shares of the previous index's packs that went, by file. */
  const went = new Set(change?.went);
  const formerShares = previous && new Map(previous.shares.filter((s) => went.has(s.pack)).map((s) => [s.pack.locations.file, s]));
  let ordered = true;
  let lastPosition = -1;
  let aliasCount = 0;
  let at = 0;
  const sourceOf = (id: string): Source | undefined => index.source(id)?.source;
  const kindOf = (id: string): FactKind | undefined => index.heldOf(id)?.fact.kind;
  const sourceAt = snapshot && lookedUpOnce(snapshot.strings, sourceOf);
  const kindAt = snapshot && lookedUpOnce(snapshot.strings, kindOf);
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
          ? snapshotOutcome(snapshot, i, fact, pack, shared, sources, factKinds, sourceAt!, kindAt!)
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
    // A step by aliases added, not facts: a fact may have dozens (a person's names in each case of another language).
    let aliasesThisStep = 0;
    for (const share of shares) {
      for (const { entry, outcome } of share.accepted) {
        if (!entry) continue;
        if (aliasesThisStep >= factsPerStep * 4) {
          aliasesThisStep = 0;
          yield;
        }
        aliasesThisStep += entry.aliases.length;
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
function* untouchedShares(
  previous: FactIndex,
  packs: readonly LoadedPack[],
  { came, went }: PackChange,
  perStep: number,
): Generator<void, Map<LoadedPack, PackShare>, void> {
  const now = new Set(packs);
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

/** How the packs of a build differ from those of the index before it: those that came, those that went, and whether the others keep their order. */
interface PackChange {
  came: LoadedPack[];
  went: LoadedPack[];
  sameOrder: boolean;
}

function packChange(before: readonly LoadedPack[], now: readonly LoadedPack[]): PackChange {
  const inBefore = new Set(before);
  const inNow = new Set(now);
  return { came: now.filter((p) => !inBefore.has(p)), went: before.filter((p) => !inNow.has(p)), sameOrder: inTheSameOrder(before, now) };
}

/** The source and fact ids that resolve otherwise in `index` (whose facts `accepted` are, pack by pack) than in `previous` (a source counts as the same when written the same). */
function* changedLookups(
  previous: FactIndex,
  index: FactIndex,
  { came, went, sameOrder }: PackChange,
  accepted: readonly { accepted: readonly Held[] }[],
  maxFacts: number,
  perStep: number,
): Generator<void, Set<string>, void> {
  const out = new Set<string>();
  let n = 0;
  const kindIn = (i: FactIndex, id: string): FactKind | undefined => i.heldOf(id)?.fact.kind;
  // Where the packs that are in both builds come in the same order and no build met the cap on facts, an id
  // whose accepted fact changed is an id of a fact in a pack that came or went: only those are looked at.
  if (sameOrder && index.accepted < maxFacts && previous.accepted < maxFacts) {
    for (const pack of [...came, ...went]) {
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
