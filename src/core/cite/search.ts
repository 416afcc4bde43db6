import * as l10n from '@vscode/l10n';
import { kindTitle, statusLabel } from '../facts/labels';
import { factText } from '../references/citation';
import { formatDate, todayIso } from '../document/dates';
import { derivedValue, type FactIndex, type IndexedFact } from '../facts/factIndex';
import { labelCollator } from '../document/text';
import { prefixIndexFor } from './prefixIndex';
import { FACT_KINDS, type FactKind, type IsoDate } from '../types';
import { sortInSteps, toEnd } from '../steps';

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
  const keyed = new Map([...scores.keys()].map((entry) => [entry, { entry, plain: plainKey(entry.fact.label) }]));
  return [...scores.entries()]
    .sort((a, b) => b[1] - a[1] || compareBase(index, keyed.get(a[0])!, keyed.get(b[0])!))
    .map(([entry, score]) => ({ entry, score }));
}

/** The base order (kind, then label, then the index's order), as the picker lists facts, of two facts. */
function compareBase(index: FactIndex, a: Keyed, b: Keyed): number {
  return (
    FACT_KINDS.indexOf(a.entry.fact.kind) - FACT_KINDS.indexOf(b.entry.fact.kind) ||
    compareLabels(a, b) ||
    index.positionOf(a.entry)! - index.positionOf(b.entry)!
  );
}

export { AliasPrefixIndex, prefixIndexFor, type PrefixHit } from './prefixIndex';

/** A kind's facts by label, with their labels' plain keys. */
interface KindOrder {
  order: IndexedFact[];
  plain: (string | undefined)[];
}

const KIND_ORDERS = derivedValue('picker: facts of each kind by label', () => new Map<FactKind, KindOrder>());

/** One kind's facts by label: the picker's order within a kind, sorted once per index. */
function kindOrder(index: FactIndex, kind: FactKind): IndexedFact[] {
  return index.derived(KIND_ORDERS).get(kind)?.order ?? toEnd(kindOrderSteps(index, kind));
}

/** `kindOrder` in steps: a kind of 50,000 facts is keyed and sorted a few thousand facts a step. */
function* kindOrderSteps(index: FactIndex, kind: FactKind): Generator<void, IndexedFact[], void> {
  const kinds = index.derived(KIND_ORDERS);
  let made = kinds.get(kind);
  if (!made) {
    const keyed = editedKindOrder(index, kind) ?? (yield* byLabel(index.byKind(kind)));
    kinds.set(kind, (made = { order: keyed.map((k) => k.entry), plain: keyed.map((k) => k.plain) }));
  }
  return made.order;
}

interface Keyed {
  entry: IndexedFact;
  plain: string | undefined;
}

/**
 * The order of labels: the collator's, which takes about a microsecond a
 * comparison; most labels are plain (see plainKey), and for two plain labels
 * comparing their keys gives the collator's answer, so those pairs are
 * compared that way.
 */
function compareLabels(a: Keyed, b: Keyed): number {
  return a.plain !== undefined && b.plain !== undefined
    ? a.plain < b.plain
      ? -1
      : a.plain > b.plain
        ? 1
        : 0
    : labelCollator().compare(a.entry.fact.label, b.entry.fact.label);
}

/** Entries sorted by label, those of one label in the order given; in steps (see `sortInSteps`). */
function* byLabel(entries: readonly IndexedFact[]): Generator<void, Keyed[], void> {
  const keyed: Keyed[] = [];
  for (const entry of entries) {
    keyed.push({ entry, plain: plainKey(entry.fact.label) });
    if (keyed.length % KEYS_PER_STEP === 0) yield;
  }
  return yield* sortInSteps(keyed, compareLabels);
}

/** Labels keyed per step of `byLabel`: 4,096 made steps of 20–40 ms at 100k facts. */
const KEYS_PER_STEP = 1024;

/**
 * A kind's order in an index made from another (`FactIndex.basis`) whose
 * order of that kind was sorted: that order less the facts removed, with the
 * added ones put in by binary search. Facts of one label stay in index order,
 * as the sort leaves them. Undefined where there is nothing to make it from.
 */
function editedKindOrder(index: FactIndex, kind: FactKind): Keyed[] | undefined {
  const before = index.basis?.index.derivedIfMade(KIND_ORDERS)?.get(kind);
  if (!before) return undefined;
  const kept: Keyed[] = [];
  for (let i = 0; i < before.order.length; i++) {
    if (index.positionOf(before.order[i]) !== undefined) kept.push({ entry: before.order[i], plain: before.plain[i] });
  }
  const added = toEnd(byLabel(index.basis!.added.filter((e) => e.fact.kind === kind)));
  const out: Keyed[] = [];
  let from = 0;
  for (const a of added) {
    const at = index.positionOf(a.entry)!;
    let lo = from;
    let hi = kept.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const c = compareLabels(kept[mid], a) || index.positionOf(kept[mid].entry)! - at;
      if (c < 0) lo = mid + 1;
      else hi = mid;
    }
    for (let i = from; i < lo; i++) out.push(kept[i]);
    out.push(a);
    from = lo;
  }
  for (let i = from; i < kept.length; i++) out.push(kept[i]);
  return out;
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
function baseOrder(index: FactIndex): { order: IndexedFact[] } {
  return index.derived(BASE_ORDER);
}

const BASE_ORDER = derivedValue('picker: facts by kind, then label', (index) => {
  // concat, not flatMap: a sixth of the time for 100,000 facts (2 ms, not 13–17).
  const order = ([] as IndexedFact[]).concat(...FACT_KINDS.map((kind) => kindOrder(index, kind)));
  return { order };
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
  /** The rows of the index this one was made from, for the facts both have: `at` is how far its order was read. */
  before?: { index: FactIndex; order: readonly IndexedFact[]; rows: readonly PickerRow[]; at: number };
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
  if (!made) {
    made = { rows: facts.length === 0 ? [] : [{ label: kindTitle(kind), separator: true }], done: 0, before: rowsBefore(index, kind, today) };
    cached.rows.set(kind, made);
  }
  const end = Math.min(facts.length, made.done + budget);
  for (let i = made.done; i < end; i++) made.rows.push(keptRow(made, facts[i], index) ?? pickerRow(facts[i], index, today));
  made.done = end;
  if (end === facts.length) made.before = undefined;
  return made.rows;
}

/** All rows of a kind made for the index this one was made from, on the same day, if there are. */
function rowsBefore(index: FactIndex, kind: FactKind, today: IsoDate): KindRows['before'] {
  const before = index.basis?.index;
  const cached = before?.derivedIfMade(KIND_ROWS);
  const order = before?.derivedIfMade(KIND_ORDERS)?.get(kind)?.order;
  const made = cached?.rows.get(kind);
  if (!before || cached?.today !== today || !order || !made || made.done !== order.length) return undefined;
  return { index: before, order, rows: made.rows, at: 0 };
}

/**
 * The row made before for a fact both indexes have, when it reads the same:
 * a fact's row depends on itself alone, and a person's on the roles they hold,
 * which must be the same facts. Both orders have the facts they share in the
 * same order, so the earlier one is read once, from where the last row was found.
 */
function keptRow(made: KindRows, entry: IndexedFact, index: FactIndex): PickerRow | undefined {
  const before = made.before;
  if (!before || before.index.positionOf(entry) === undefined) return undefined;
  while (before.at < before.order.length && before.order[before.at] !== entry) before.at++;
  if (before.at === before.order.length) return undefined;
  const row = before.rows[before.at + 1];
  const roles = entry.fact.kind === 'person' ? (entry.fact.roles ?? []) : [];
  return roles.every((r) => index.fact(r.role) === before.index.fact(r.role)) ? row : undefined;
}

/** Rows made per preparation step: a few milliseconds of work on a busy machine (125 made steps of 11–20 ms at 100k facts). */
const ROWS_PER_STEP = 25;

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
    all.rows = Object.freeze(([] as PickerRow[]).concat(...FACT_KINDS.map((kind) => kindRows(index, kind, today))));
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
 * build while the writer waits, in small steps (a generator that yields
 * between them): the extension runs them between other work, for the bundled
 * index after activation and for each later index before it is put in use,
 * so that no step holds up a keystroke for long.
 */
export function* preparationSteps(index: FactIndex, today: IsoDate = todayIso()): Generator<void, void, void> {
  yield* prefixIndexFor(index).preparation();
  for (const kind of FACT_KINDS) {
    yield* kindOrderSteps(index, kind);
    yield;
    const facts = index.byKind(kind).length;
    for (let done = 0; done < facts; done += ROWS_PER_STEP) {
      kindRows(index, kind, today, ROWS_PER_STEP);
      yield;
    }
  }
  baseOrder(index);
}

/** All of preparationSteps at once. */
export function prepareSearch(index: FactIndex, today: IsoDate = todayIso()): void {
  toEnd(preparationSteps(index, today));
}
