import * as l10n from '@vscode/l10n';
import { kindTitle, statusLabel } from '../facts/labels';
import { factText } from '../references/citation';
import { formatDate, todayIso } from '../document/dates';
import { derivedValue, type FactIndex, type IndexedFact } from '../facts/factIndex';
import { foldCode, foldText, labelCollator } from '../document/text';
import { FACT_KINDS, type FactKind, type IsoDate } from '../types';

export interface PrefixHit {
  /** The alias as written in the pack. */
  alias: string;
  entry: IndexedFact;
}

interface AliasEntry {
  folded: string;
  alias: string;
  entry: IndexedFact;
}

/**
 * The bucket of an alias: its folded form's first two characters (foldText
 * drops leading spaces and makes each run of spaces one), as one number; the
 * second is 0 for a one-character alias. -1 for an alias with no character.
 */
function bucketKey(alias: string): number {
  let i = 0;
  let first = -1;
  for (; i < alias.length; i++) {
    const c = foldCode(alias.charCodeAt(i));
    if (c !== 32) {
      first = c;
      break;
    }
  }
  if (first < 0) return -1;
  let spaced = false;
  for (i++; i < alias.length; i++) {
    const c = foldCode(alias.charCodeAt(i));
    if (c === 32) spaced = true;
    else return first * 65536 + (spaced ? 32 : c);
  }
  return first * 65536;
}

/**
 * Aliases sorted by their folded form, for completion: a binary search finds
 * every alias starting with what the writer has typed. The aliases are kept
 * in buckets by their first two folded characters, and a bucket is folded
 * and sorted when first searched, or ahead of use a bucket per step
 * (`preparationSteps`): no step sorts more than a small share of a large
 * fact base's aliases.
 */
export class AliasPrefixIndex {
  private readonly facts: readonly IndexedFact[];
  /** Aliases not yet folded, by bucket: pairs of (fact, alias) positions, in fact order then alias order. */
  private readonly pending = new Map<number, number[]>();
  private readonly buckets = new Map<number, AliasEntry[]>();
  /** Bucket keys by first character, ascending: a one-character prefix reads them in turn. */
  private byFirst?: Map<number, number[]>;

  constructor(index: FactIndex) {
    // Positions, not objects: this pass runs over every alias of the fact base on the first keystroke after a change.
    this.facts = index.facts;
    for (let f = 0; f < this.facts.length; f++) {
      const aliases = this.facts[f].aliases;
      for (let a = 0; a < aliases.length; a++) {
        const key = bucketKey(aliases[a]);
        if (key < 0) continue;
        let list = this.pending.get(key);
        if (!list) this.pending.set(key, (list = []));
        list.push(f, a);
      }
    }
  }

  /** The aliases of one bucket, sorted by folded form. */
  private bucket(key: number): AliasEntry[] {
    let entries = this.buckets.get(key);
    if (entries) return entries;
    entries = [];
    let current: IndexedFact | undefined;
    let seen: string[] = [];
    const positions = this.pending.get(key) ?? [];
    // A fact's aliases are next to each other here, and the same folded alias twice is offered once.
    for (let i = 0; i < positions.length; i += 2) {
      const entry = this.facts[positions[i]];
      const alias = entry.aliases[positions[i + 1]];
      if (entry !== current) {
        current = entry;
        seen = [];
      }
      const folded = foldText(alias);
      if (seen.includes(folded)) continue;
      seen.push(folded);
      entries.push({ folded, alias, entry });
    }
    entries.sort((a, b) => (a.folded < b.folded ? -1 : a.folded > b.folded ? 1 : 0));
    this.buckets.set(key, entries);
    this.pending.delete(key);
    return entries;
  }

  /** Every bucket's key: `prepare` each to have them all sorted. */
  bucketKeys(): number[] {
    return [...new Set([...this.pending.keys(), ...this.buckets.keys()])];
  }

  /** Folds and sorts one bucket ahead of use. */
  prepare(key: number): void {
    this.bucket(key);
  }

  /** The entries whose folded form starts with `p` (folded, not empty), in sorted order, lazily. */
  private *from(p: string): Generator<AliasEntry> {
    if (p.length >= 2) {
      const entries = this.bucket(p.charCodeAt(0) * 65536 + p.charCodeAt(1));
      let lo = 0;
      let hi = entries.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (entries[mid].folded < p) lo = mid + 1;
        else hi = mid;
      }
      for (let i = lo; i < entries.length && entries[i].folded.startsWith(p); i++) yield entries[i];
      return;
    }
    // One character: its buckets in order of their second character are in sorted order, one after another.
    if (!this.byFirst) {
      this.byFirst = new Map();
      for (const key of this.bucketKeys().sort((a, b) => a - b)) {
        const first = Math.floor(key / 65536);
        const list = this.byFirst.get(first) ?? [];
        list.push(key);
        this.byFirst.set(first, list);
      }
    }
    for (const key of this.byFirst.get(p.charCodeAt(0)) ?? []) yield* this.bucket(key);
  }

  /** Facts with an alias starting with `prefix`, one hit per fact (its shortest matching alias), at most `limit`. */
  search(prefix: string, limit = 100): PrefixHit[] {
    const p = foldText(prefix);
    if (p.length === 0) return [];
    const best = new Map<IndexedFact, AliasEntry>();
    for (const e of this.from(p)) {
      const prior = best.get(e.entry);
      if (!prior || e.folded.length < prior.folded.length) best.set(e.entry, e);
      if (best.size >= limit * 4) break;
    }
    return [...best.values()]
      .sort((a, b) => a.folded.length - b.folded.length || (a.folded < b.folded ? -1 : 1))
      .slice(0, limit)
      .map((e) => ({ alias: e.alias, entry: e.entry }));
  }
}

const PREFIXES = derivedValue('completion: alias prefixes', (index) => new AliasPrefixIndex(index));

/** The prefix index of a fact index: made once, and shared by completion and inline completion. */
export function prefixIndexFor(index: FactIndex): AliasPrefixIndex {
  return index.derived(PREFIXES);
}

/**
 * Most facts the `;;` list offers at once: a writer scans a few dozen, and
 * typing after the trigger narrows a large pack (the list is then asked again).
 */
export const TRIGGER_LIST_LIMIT = 200;

export interface RankedFact {
  entry: IndexedFact;
  /** How well the fact fits the selection: 0 when it does not. */
  score: number;
}

/**
 * All facts grouped by kind, those that the selected text names first: an
 * alias found in the selection scores by its length, so "Rustem Umerov" ranks
 * the person above a fact that only mentions "Umerov".
 */
export function rankFacts(index: FactIndex, selection: string): RankedFact[] {
  const scores = selectionScores(index, selection);
  const { order } = baseOrder(index);
  return [...namedFacts(index, scores), ...order.filter((e) => !scores.has(e)).map((entry) => ({ entry, score: 0 }))];
}

/** Facts an alias found in the selection names, with the summed length of their aliases there. */
function selectionScores(index: FactIndex, selection: string): Map<IndexedFact, number> {
  const scores = new Map<IndexedFact, number>();
  if (selection.trim() !== '') {
    for (const m of index.findAll(selection)) {
      for (const entry of m.values) scores.set(entry, (scores.get(entry) ?? 0) + (m.end - m.start));
    }
  }
  return scores;
}

/** The named facts, best score first, ties in the base order. */
function namedFacts(index: FactIndex, scores: ReadonlyMap<IndexedFact, number>): RankedFact[] {
  if (scores.size === 0) return [];
  const { position } = baseOrder(index);
  return [...scores.entries()].sort((a, b) => b[1] - a[1] || position.get(a[0])! - position.get(b[0])!).map(([entry, score]) => ({ entry, score }));
}

const KIND_ORDERS = derivedValue('picker: facts of each kind by label', () => new Map<FactKind, IndexedFact[]>());

/** One kind's facts by label: the picker's order within a kind, sorted once per index. */
function kindOrder(index: FactIndex, kind: FactKind): IndexedFact[] {
  const kinds = index.derived(KIND_ORDERS);
  let order = kinds.get(kind);
  if (!order) {
    const collator = labelCollator();
    // The collator takes about a microsecond a comparison; most labels are plain (see plainKey), and for two
    // plain labels comparing their keys gives the collator's answer, so those pairs are compared that way.
    const keyed = index.byKind(kind).map((entry) => ({ entry, plain: plainKey(entry.fact.label) }));
    keyed.sort((a, b) =>
      a.plain !== undefined && b.plain !== undefined
        ? a.plain < b.plain
          ? -1
          : a.plain > b.plain
            ? 1
            : 0
        : collator.compare(a.entry.fact.label, b.entry.fact.label),
    );
    kinds.set(kind, (order = keyed.map((k) => k.entry)));
  }
  return order;
}

/**
 * A key that orders plain labels (ASCII letters, digits, spaces, commas and
 * full stops) as the collator orders them, case-blind and numbers by value:
 * lower case, each run of digits as its length and its digits without leading
 * zeros. Undefined for other labels. fastPaths.test.ts checks the agreement.
 */
export function plainKey(label: string): string | undefined {
  if (!PLAIN_LABEL.test(label) || LONG_NUMBER.test(label)) return undefined;
  return label.toLowerCase().replace(/\d+/g, (digits) => {
    const value = digits.replace(/^0+/, '');
    return String(value.length).padStart(2, '0') + value;
  });
}

const PLAIN_LABEL = /^[A-Za-z0-9 .,]*$/;
const LONG_NUMBER = /\d{60}/;

/**
 * Facts by kind, then label: computed once per index, since a large pack
 * makes this the costly part. Sorting kind by kind gives the order a sort by
 * (kind, label) gives, and lets the work be done a kind at a time.
 */
function baseOrder(index: FactIndex): { order: IndexedFact[]; position: Map<IndexedFact, number> } {
  return index.derived(BASE_ORDER);
}

const BASE_ORDER = derivedValue('picker: facts by kind, then label', (index) => {
  const order = FACT_KINDS.flatMap((kind) => kindOrder(index, kind));
  return { order, position: new Map(order.map((e, i) => [e, i])) };
});

/** A row of the Insert Citation picker: a fact, or the heading of a group. */
export interface PickerRow {
  label: string;
  description?: string;
  detail?: string;
  entry?: IndexedFact;
  /** A group heading ("People", "Named in the selection"), not a fact. */
  separator?: boolean;
}

/** Rows of a kind: those of its first `done` facts in picker order, heading first. */
interface KindRows {
  rows: PickerRow[];
  done: number;
}

/** Rows are made once per index and day: a person's row shows the role held that day. */
const KIND_ROWS = derivedValue('picker: rows of each kind', () => ({ today: '', rows: new Map<FactKind, KindRows>() }));
const UNRANKED_ROWS = derivedValue('picker: every row', () => ({ today: '', rows: [] as readonly PickerRow[] }));

/**
 * The rows of one kind, heading first, made once per index and day. With a
 * `budget`, makes at most that many more and returns the rows so far: the
 * idle preparation builds a large kind in slices.
 */
function kindRows(index: FactIndex, kind: FactKind, today: IsoDate, budget = Infinity): PickerRow[] {
  const cached = index.derived(KIND_ROWS);
  if (cached.today !== today) {
    cached.today = today;
    cached.rows = new Map();
  }
  const facts = kindOrder(index, kind);
  let made = cached.rows.get(kind);
  if (!made) cached.rows.set(kind, (made = { rows: facts.length === 0 ? [] : [{ label: kindTitle(kind), separator: true }], done: 0 }));
  const end = Math.min(facts.length, made.done + budget);
  for (let i = made.done; i < end; i++) made.rows.push(pickerRow(facts[i], index, today));
  made.done = end;
  return made.rows;
}

/** Rows made per preparation step: about ten milliseconds of work on a slow machine. */
const ROWS_PER_STEP = 500;

/**
 * The picker's rows: the facts the selection names first, under their own
 * heading, then every other fact by kind, each with its value, source and
 * status. The rows of the unranked list are made once per fact base (and
 * day: a person's row shows the role held today), so that opening the picker
 * over 100,000 facts does not rebuild 100,000 rows.
 */
export function pickerRows(index: FactIndex, selection: string, today: IsoDate = todayIso()): readonly PickerRow[] {
  const all = index.derived(UNRANKED_ROWS);
  if (all.today !== today) {
    all.today = today;
    all.rows = Object.freeze(FACT_KINDS.flatMap((kind) => kindRows(index, kind, today)));
  }
  const unranked = all.rows;
  const named = namedFacts(index, selectionScores(index, selection));
  // The same (frozen) array each time: the adapter keeps its items for it, so opening the picker again costs nothing.
  if (named.length === 0) return unranked;
  const out: PickerRow[] = [{ label: l10n.t('Named in the selection'), separator: true }];
  const skip = new Set<IndexedFact>();
  for (const { entry } of named) {
    out.push(pickerRow(entry, index, today));
    skip.add(entry);
  }
  // A kind's heading goes out only with a fact under it that the selection did not name.
  let heading: PickerRow | undefined;
  for (const row of unranked) {
    if (row.separator) heading = row;
    else if (!skip.has(row.entry!)) {
      if (heading) out.push(heading);
      heading = undefined;
      out.push(row);
    }
  }
  return out;
}

function pickerRow(entry: IndexedFact, index: FactIndex, today: IsoDate): PickerRow {
  return {
    label: entry.fact.label,
    description: pickerValue(entry, index, today),
    detail: `${statusLabel(entry.status)} · ${entry.sources.map((s) => s.source.publisher).join(', ')}${entry.pack.origin === 'workspace' ? ` · ${entry.pack.locations.file}` : ''}`,
    entry,
  };
}

/** What a picker row shows beside the label: the words, the role held today, or the date. */
function pickerValue(entry: IndexedFact, index: FactIndex, today: IsoDate): string {
  const { fact } = entry;
  if (fact.kind === 'quote' && entry.wording) return `\u201C${entry.wording.text}\u201D`;
  if (fact.kind === 'person') {
    const roles = index
      .rolesAt(fact.id, today)
      .map((r) => r.role?.fact.label)
      .filter(Boolean);
    if (roles.length > 0) return roles.join('; ');
  }
  const text = factText(entry, 'en-GB');
  if (text !== fact.label) return text;
  return fact.date ? formatDate(fact.date, 'en-GB') : '';
}

/**
 * What the first completion and the first picker on an index would otherwise
 * build while the writer waits, as small steps: the extension runs them
 * between other work, for the bundled index after activation and for each
 * later index before it is put in use, so that no step holds up a keystroke
 * for long.
 */
export function preparationSteps(index: FactIndex, today: IsoDate = todayIso()): (() => void)[] {
  const prefixes = prefixIndexFor(index);
  return [
    ...prefixes.bucketKeys().map((key) => () => prefixes.prepare(key)),
    ...FACT_KINDS.flatMap((kind) => [
      () => void kindOrder(index, kind),
      ...Array.from({ length: Math.ceil(index.byKind(kind).length / ROWS_PER_STEP) }, () => () => void kindRows(index, kind, today, ROWS_PER_STEP)),
    ]),
    () => void baseOrder(index),
  ];
}

/** All of preparationSteps at once. */
export function prepareSearch(index: FactIndex, today: IsoDate = todayIso()): void {
  for (const step of preparationSteps(index, today)) step();
}
