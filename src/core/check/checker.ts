import type { AliasMatch } from '../facts/aliasMatcher';
import { checkedDayOf, roleStateDuring } from '../facts/asOf';
import { citationEdits, definitionEdit, escapeLatex, formatCitation, type CitationOptions, type DocFormat, type TextEdit } from '../references/citation';
import { compareIso, daysInMonth, findDates, formatDate, isoSpan, MONTHS, parseIsoDate, todayIso, toIso, type DateStyle } from '../document/dates';
import type { FactIndex, IndexedFact } from '../facts/factIndex';
import { Pace } from './pace';
import { documentDate, proseText } from '../document/prose';
import { findQuotations, markupOf, quotedWords, type Quotation, type QuotedWords } from './quotations';
import { foldText, hasLetterOrDigit, paragraphAt } from '../document/text';
import type { Fact, IsoDate, RoleHeld, Severity, Source, Wording } from '../types';
import { alignWords, compactDiff, diffWords, wordTokens, type Alignment, type DiffPart } from './wordDiff';
import { canonicalWords } from '../facts/wordForms';
import { recorderOf } from '../facts/status';

/** The checks, by their stable codes: settings, diagnostics and quick fixes name them so. */
export const CHECK_CODES = ['misquote', 'rendering-as-words', 'wrong-event-date', 'role-not-held', 'role-unconfirmed', 'inconsistent-spelling', 'unrecorded-quote'] as const;
export type CheckCode = (typeof CHECK_CODES)[number];

/** A quick fix: edits in offsets of the text that was checked. */
export interface Fix {
  title: string;
  edits: TextEdit[];
  /** The fix to offer first. */
  preferred?: boolean;
}

/** What a finding is about, for hovers and tests. */
export interface FindingData {
  factId?: string;
  wordingId?: string;
  /** For quotations: the words of the recorded wording against the writer's. */
  diff?: DiffPart[];
  /** The recorded words compared with, for a misquote. */
  recorded?: string;
  personId?: string;
  roleId?: string;
  /** The date a role or an event date was judged against, and where it came from. */
  date?: IsoDate;
  dateSource?: 'paragraph' | 'document' | 'setting' | 'today';
  /** For spellings: the spelling used here and the one the fix writes. */
  spelling?: string;
  preferredSpelling?: string;
}

export interface Finding {
  code: CheckCode;
  start: number;
  end: number;
  message: string;
  severity: Severity;
  fixes: Fix[];
  data: FindingData;
}

export interface CheckOptions extends CitationOptions {
  /** Rules switched off by the writer are `false`; the rest run. */
  rules?: Partial<Record<CheckCode, boolean>>;
  /** The date the document speaks of when neither a paragraph nor the document names one (a setting). */
  documentDate?: IsoDate;
  /** Today, for roles when nothing else dates the text; the system date when not given. */
  today?: IsoDate;
  /** The writer's spellings, whole words: `{ "Zelenskyy": "Zelensky" }`. */
  spellings?: Readonly<Record<string, string>>;
}

/**
 * Fact-checks a draft against the fact base: misquotes, an outlet's
 * rendering presented as the speaker's words, wrong dates of known events,
 * roles that did not hold at the date in question, and one person spelled
 * several ways. Pure and linear in the text: one alias scan, one date scan,
 * one pass for quotation marks.
 */
export function checkDocument(text: string, index: FactIndex, options: CheckOptions): Finding[] {
  const steps = checkSteps(text, index, options, Infinity);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * `checkDocument` in small steps: it yields after reading about `stepChars`
 * characters of paragraphs it has not read before, and after every few
 * paragraphs or quotations each rule judges, and returns the findings. The
 * extension runs a long draft's check a slice of steps per turn of the event
 * loop, so that a first check (a draft opened, a fact base replaced) never
 * holds up typing for long. The text is read once, at the start: a caller
 * whose document changes meanwhile starts again.
 */
export function* checkSteps(text: string, index: FactIndex, options: CheckOptions, stepChars = 16_384): Generator<void, Finding[], void> {
  const on = (code: CheckCode): boolean => options.rules?.[code] !== false;
  if (!CHECK_CODES.some(on)) return [];
  const cache = CheckCache.of(index);
  const doc = yield* readDocument(text, index, options, cache, stepChars, new Pace(UNITS_PER_STEP, STEP_MS));
  const findings: Finding[] = [];
  if (on('misquote') || on('rendering-as-words') || on('unrecorded-quote')) findings.push(...(yield* checkQuotations(doc, on)));
  if (on('wrong-event-date')) findings.push(...(yield* checkEventDates(doc)));
  if (on('role-not-held') || on('role-unconfirmed')) findings.push(...(yield* checkRoles(doc, on)));
  if (on('inconsistent-spelling')) findings.push(...(yield* checkSpellings(doc)));
  yield;
  cache.sweep();
  return findings.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** Rules yield after judging this many paragraphs or quotations, */
const UNITS_PER_STEP = 32;
/** or sooner, once a step has taken this many milliseconds. */
const STEP_MS = 2;

/** Where paragraphs break: pairs of the start and the end of each run of blank lines. */
function paragraphBreaks(prose: string): number[] {
  const breaks: number[] = [];
  const blank = /\n[ \t]*\r?\n/g;
  let m: RegExpExecArray | null;
  while ((m = blank.exec(prose)) !== null) breaks.push(m.index, m.index + m[0].length);
  return breaks;
}

/**
 * A string that does not keep the text it was cut from: a key kept across
 * checks must not keep each version of a 1 MB draft alive.
 */
function copyOf(text: string): string {
  return ` ${text}`.slice(1);
}

/** What the check read in one paragraph, in offsets of the paragraph. */
interface ParagraphScan {
  matches: AliasMatch<IndexedFact>[];
  dates: ReturnType<typeof findDates>;
  /** The KIND_* bits of each match. */
  kinds: Uint8Array;
  /**
   * The matches and dates in offsets of the document, for the paragraph
   * starting at `at`: a paragraph before the writer's edit has not moved,
   * and its copies are used again rather than made on every check.
   */
  placed?: { at: number; matches: AliasMatch<IndexedFact>[]; dates: DateInText[] };
  /** Wrong event dates found in it, by the date style and the years its yearless dates took. */
  events?: Map<string, KeptFindings>;
  /** Roles not held, by the dates they were judged against. */
  roles?: Map<string, KeptFindings>;
  /** The words of people's names in it that have several spellings, read when first needed. */
  names?: NameWord[];
}

/** A paragraph's findings in its own offsets, and their copies for where the paragraph last stood. */
interface KeptFindings {
  found: Finding[];
  placed?: { at: number; findings: Finding[] };
}

/** The kept findings in offsets of the document, for the paragraph starting at `at`. */
function placedFindings(kept: KeptFindings, at: number): Finding[] {
  if (kept.placed?.at !== at) kept.placed = { at, findings: kept.found.map((f) => shifted(f, at)) };
  return kept.placed.findings;
}

/** A word of a person's name, in a paragraph, whose spelling class is known; offsets in the paragraph. */
interface NameWord {
  /** Where the name it is part of starts: quoted names are the speaker's, not the writer's. */
  match: number;
  start: number;
  end: number;
  cls: number;
  written: string;
  folded: string;
}

/**
 * What earlier checks read, per fact base: the names and dates of each
 * paragraph, by its text, and the verdict on each quotation, by its words.
 * A writer changes a paragraph or two between checks; the rest is found
 * here. Entries unused for a few checks are dropped, so that old versions of
 * a document are not kept.
 */
class CheckCache {
  private static readonly caches = new WeakMap<FactIndex, CheckCache>();
  private readonly paragraphs = new Map<string, { value: ParagraphScan; used: number }>();
  private readonly values = new Map<string, { value: unknown; used: number }>();
  private generation = 0;

  static of(index: FactIndex): CheckCache {
    let cache = CheckCache.caches.get(index);
    if (!cache) {
      cache = new CheckCache(index);
      CheckCache.caches.set(index, cache);
    }
    cache.generation++;
    return cache;
  }

  private constructor(private readonly index: FactIndex) {}

  /** The names and dates of a paragraph, by its text; `reading` is told when it is not found here and is read. */
  paragraph(text: string, reading?: () => void): ParagraphScan {
    return this.kept(this.paragraphs, text, () => {
      reading?.();
      const matches = this.index.findAll(text);
      const kinds = new Uint8Array(matches.length);
      for (let i = 0; i < matches.length; i++) kinds[i] = kindsOf(matches[i].values);
      return { matches, kinds, dates: findDates(text, LEAP_YEAR) };
    });
  }

  /** A value computed from `key` alone, kept while checks keep asking for it. */
  get<T>(key: string, compute: () => T): T {
    return this.kept(this.values, key, compute) as T;
  }

  private kept<T>(map: Map<string, { value: T; used: number }>, key: string, compute: () => T): T {
    let entry = map.get(key);
    if (!entry) {
      entry = { value: compute(), used: this.generation };
      map.set(copyOf(key), entry);
    }
    entry.used = this.generation;
    return entry.value;
  }

  /** Drops what the last checks did not use, once there is enough of it to matter. */
  sweep(): void {
    if (this.paragraphs.size + this.values.size < 20_000 && this.generation % 8 !== 0) return;
    const keep = this.generation - 3;
    for (const map of [this.paragraphs, this.values] as Map<string, { used: number }>[]) {
      for (const [k, v] of map) if (v.used < keep) map.delete(k);
    }
  }
}

/**
 * Edits in document order, with insertions at one place joined into one, in
 * the order given: editors do not promise an order for two insertions at the
 * same position ("(in Euromaidan Press’s rendering)" before its footnote).
 */
function mergeInsertions(edits: readonly TextEdit[]): TextEdit[] {
  const sorted = edits.map((e, i) => ({ e, i })).sort((a, b) => a.e.offset - b.e.offset || a.i - b.i).map((x) => x.e);
  const out: TextEdit[] = [];
  for (const e of sorted) {
    const last = out[out.length - 1];
    if (last && last.length === 0 && e.length === 0 && last.offset === e.offset) out[out.length - 1] = { ...last, text: last.text + e.text };
    else out.push(e);
  }
  return out;
}

/** Fixes whose edits are in order already: findings of one spelling share their fixes. */
const inOrder = new WeakSet<Fix>();

/**
 * A finding whose fixes are made when first read. A check reports every
 * finding on each pass, but a writer opens the fixes of one at a time, and
 * the fixes (citations, every mention of a spelling) cost more than the rest.
 */
function withFixes(f: Omit<Finding, 'fixes'>, make: () => Fix[]): Finding {
  let fixes: Fix[] | undefined;
  return Object.defineProperty(f as Finding, 'fixes', {
    enumerable: true,
    get: () => (fixes ??= make().map((fix) => {
      if (!inOrder.has(fix)) {
        fix.edits = mergeInsertions(fix.edits);
        inOrder.add(fix);
      }
      return fix;
    })),
  });
}

// ------------------------------------------------------------------ the scanned document

interface DateInText {
  start: number;
  end: number;
  /** Full ISO dates; for a date written without a year, those of the year the text around it speaks of. */
  first?: IsoDate;
  last?: IsoDate;
  month?: number;
  day?: number;
  hasYear: boolean;
  hasDay: boolean;
}

/**
 * Reads a document for the rules: its prose, and the names and dates of each
 * paragraph. A paragraph the writer did not touch since the last check is
 * found in the cache, not read again; yields after reading about
 * `stepChars` characters.
 */
function* readDocument(text: string, index: FactIndex, options: CheckOptions, cache: CheckCache, stepChars: number, pace: Pace): Generator<void, ScannedDocument, void> {
  const long = text.length > stepChars;
  const prose = proseText(text, options.format);
  if (long) yield;
  const breaks = paragraphBreaks(prose);
  const matches: AliasMatch<IndexedFact>[] = [];
  const dates: DateInText[] = [];
  const kinds: number[] = [];
  const scans = new Map<number, ParagraphScan>();
  let read = 0;
  for (let k = 0; k <= breaks.length; k += 2) {
    const start = k === 0 ? 0 : breaks[k - 1];
    const end = k < breaks.length ? breaks[k] : prose.length;
    // Without a letter or a digit, a paragraph names nothing and dates nothing (a run of blank lines, a rule).
    if (!hasLetterOrDigit(prose, start, end)) continue;
    const scan = cache.paragraph(prose.slice(start, end), () => {
      read += end - start;
    });
    scans.set(start, scan);
    const placed = placedAt(scan, start);
    for (const x of placed.matches) matches.push(x);
    for (const d of placed.dates) dates.push(d);
    for (const b of scan.kinds) kinds.push(b);
    if (read >= stepChars) {
      read = 0;
      pace.reset();
      yield;
    } else if (pace.tick()) yield;
  }
  if (long) yield;
  const quotations = findQuotations(prose, options.format);
  if (long) yield;
  pace.reset();
  return new ScannedDocument(text, index, options, cache, pace, { prose, breaks, matches, kinds: Uint8Array.from(kinds), dates, scans, quotations });
}

/** Where a paragraph without names or dates stands makes no difference. */
const NOTHING_PLACED = { at: -1, matches: [], dates: [] };

/** A paragraph's matches and dates in offsets of the document, for the paragraph starting at `at`. */
function placedAt(scan: ParagraphScan, at: number): NonNullable<ParagraphScan['placed']> {
  if (scan.placed?.at === at) return scan.placed;
  if (scan.matches.length === 0 && scan.dates.length === 0) return NOTHING_PLACED;
  return (scan.placed = {
    at,
    matches: at === 0 ? scan.matches : scan.matches.map((x) => ({ start: x.start + at, end: x.end + at, alias: x.alias, values: x.values })),
    dates: scan.dates.map((d) => placedDate(d, at)),
  });
}

/** A date found in a paragraph, in offsets of the document; a date without a year takes one later (`resolveYears`). */
function placedDate(d: ReturnType<typeof findDates>[number], at: number): DateInText {
  // `first` is a full ISO date: read by position, as there are thousands in a draft.
  const month = Number(d.first.slice(5, 7));
  const day = Number(d.first.slice(8, 10));
  if (d.hasYear) return { start: d.start + at, end: d.end + at, first: d.first, last: d.last, month, day: d.hasDay ? day : undefined, hasYear: true, hasDay: d.hasDay };
  return { start: d.start + at, end: d.end + at, month, day, hasYear: false, hasDay: true };
}

/** What every rule reads: the prose, its aliases, dates, quotations and paragraphs, each found once. */
class ScannedDocument {
  readonly format: DocFormat;
  readonly prose: string;
  readonly matches: AliasMatch<IndexedFact>[];
  readonly dates: DateInText[];
  readonly quotations: Quotation[];
  /** For each alias match, the kinds of fact it names (KIND_* bits): rules skip matches that name nothing they check. */
  readonly kinds: Uint8Array;
  private readonly paragraphBreaks: number[];
  /** What was read in each paragraph, by the paragraph's start. */
  readonly scans: Map<number, ParagraphScan>;
  readonly date: { iso: IsoDate; source: 'document' | 'setting' | 'today'; written?: string };

  constructor(
    readonly text: string, readonly index: FactIndex, readonly options: CheckOptions, readonly cache: CheckCache, readonly pace: Pace,
    read: { prose: string; breaks: number[]; matches: AliasMatch<IndexedFact>[]; kinds: Uint8Array; dates: DateInText[]; scans: Map<number, ParagraphScan>; quotations: Quotation[] },
  ) {
    this.format = options.format;
    this.prose = read.prose;
    this.paragraphBreaks = read.breaks;
    this.matches = read.matches;
    this.scans = read.scans;
    this.kinds = read.kinds;
    this.quotations = read.quotations;
    const own = documentDate(text, this.format);
    this.date = own
      ? { iso: own.iso, source: 'document', written: own.written }
      : options.documentDate && parseIsoDate(options.documentDate)?.day !== undefined
        ? { iso: options.documentDate, source: 'setting' }
        : { iso: options.today ?? todayIso(), source: 'today' };
    this.dates = resolveYears(read.dates, read.breaks, this.date.source === 'today' ? undefined : this.date.iso);
  }

  /** The paragraph around an offset: between the blank lines that enclose it. */
  paragraphAt(offset: number): { start: number; end: number } {
    const b = this.paragraphBreaks;
    // Breaks come in pairs (start of the blank run, end of it); find the last end at or before the offset.
    let lo = 0;
    let hi = b.length / 2 - 1;
    let start = 0;
    let end = this.prose.length;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (b[mid * 2 + 1] <= offset) {
        start = b[mid * 2 + 1];
        lo = mid + 1;
      } else {
        end = b[mid * 2];
        hi = mid - 1;
      }
    }
    return { start, end: Math.max(end, start) };
  }

  /** Alias matches inside [start, end). */
  matchesIn(start: number, end: number): AliasMatch<IndexedFact>[] {
    const out: AliasMatch<IndexedFact>[] = [];
    for (let i = lowerBound(this.matches, start); i < this.matches.length && this.matches[i].start < end; i++) {
      if (this.matches[i].end <= end) out.push(this.matches[i]);
    }
    return out;
  }

  /** Whether a match in [start, end) names a fact of one of the kinds (KIND_* bits). */
  hasKind(start: number, end: number, bits: number): boolean {
    for (let i = lowerBound(this.matches, start); i < this.matches.length && this.matches[i].start < end; i++) if (this.kinds[i] & bits) return true;
    return false;
  }

  datesIn(start: number, end: number): DateInText[] {
    const out: DateInText[] = [];
    for (let i = lowerBound(this.dates, start); i < this.dates.length && this.dates[i].start < end; i++) out.push(this.dates[i]);
    return out;
  }

  /** The prose of [start, end) with quoted words blanked out. */
  unquoted(start: number, end: number): string {
    let out = '';
    let at = start;
    for (let i = Math.max(0, lowerBound(this.quotations, start) - 8); i < this.quotations.length && this.quotations[i].start < end; i++) {
      const q = this.quotations[i];
      if (q.innerEnd <= at || this.nameQuoted(q)) continue;
      const from = Math.max(q.innerStart, at);
      const to = Math.min(q.innerEnd, end);
      if (from >= to) continue;
      out += this.prose.slice(at, from) + ' '.repeat(to - from);
      at = to;
    }
    return out + this.prose.slice(at, end);
  }

  /** Whether an offset is inside quotation marks: quoted words are the speaker's, checked as quotations only. */
  quoted(offset: number): boolean {
    const q = this.quotations;
    // Quotations may nest; any that starts before the offset and ends after it counts.
    for (let i = lowerBound(q, offset + 1) - 1, seen = 0; i >= 0 && seen < 8; i--, seen++) {
      if (q[i].innerStart <= offset && offset < q[i].innerEnd && !this.nameQuoted(q[i])) return true;
    }
    return false;
  }

  private readonly names = new Map<number, boolean>();

  /**
   * Whether a quotation holds nothing but a known name (the “Partnership
   * Agreement”, “Project Octopus”): scare quotes around a name, not someone's
   * words. A quote's own catchphrases are words, not names.
   */
  nameQuoted(q: Quotation): boolean {
    if (q.block) return false;
    let v = this.names.get(q.start);
    if (v === undefined) {
      v = false;
      let a = q.innerStart;
      let b = q.innerEnd;
      while (a < b && /[\s.,;:!?]/.test(this.prose[a])) a++;
      while (b > a && /[\s.,;:!?]/.test(this.prose[b - 1])) b--;
      if (/^the\s/i.test(this.prose.slice(a, a + 4))) a += 4;
      const ms = this.matches;
      for (let i = lowerBound(ms, a); i < ms.length && ms[i].start === a && !v; i++) {
        if (ms[i].end === b && ms[i].values.some((x) => x.fact.kind !== 'quote' && x.fact.kind !== 'figure')) v = true;
      }
      this.names.set(q.start, v);
    }
    return v;
  }

  private readonly memos = new Map<string, unknown>();

  /** A value computed once per check: findings that repeat (a name spelled the same wrong way on every page) share their words. */
  memo<T>(key: string, make: () => T): T {
    if (this.memos.has(key)) return this.memos.get(key) as T;
    const value = make();
    this.memos.set(key, value);
    return value;
  }

  formatDate(iso: IsoDate): string {
    return this.memo(`date\u0000${iso}`, () => formatDate(iso, this.options.dateStyle));
  }

  /** Citations by source, formatted once per check: every fix that cites a source adds the same definition. */
  private readonly citations = new Map<string, { parts: ReturnType<typeof formatCitation>; definition?: TextEdit }>();

  /** The edits that cite sources right after `after`, with the footnote definition they need. */
  citation(sources: readonly Source[], after: number): TextEdit[] {
    const key = sources.map((s) => s.id).join('\u0000');
    let c = this.citations.get(key);
    if (!c) {
      const parts = formatCitation(sources, this.options, this.text);
      c = { parts, definition: definitionEdit(this.text, parts.definitions) };
      this.citations.set(key, c);
    }
    const probe = c.parts.inline.trimStart();
    // A citation the writer already has right after the quotation is kept as it is.
    if (probe !== '' && this.text.slice(after, after + probe.length + 1).trimStart().startsWith(probe)) return [];
    const insertion: TextEdit = { offset: after, length: 0, text: c.parts.inline };
    if (after === this.text.length) return citationEdits(this.text, [insertion], c.parts.definitions);
    return c.definition ? [insertion, c.definition] : [insertion];
  }

  escape(text: string): string {
    if (this.format === 'latex') return escapeLatex(text);
    if (this.format === 'html') return text.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!);
    return text;
  }
}

const KIND_ROLE = 1;
const KIND_PERSON = 2;
const KIND_EVENT = 4;
const KIND_AGREEMENT = 8;
const KIND_BITS: Record<string, number> = { role: KIND_ROLE, person: KIND_PERSON, event: KIND_EVENT, agreement: KIND_AGREEMENT };

/** The KIND_* bits of the facts an alias names, once per alias: a draft names the same few people on every line. */
const kindCache = new WeakMap<readonly IndexedFact[], number>();

function kindsOf(values: readonly IndexedFact[]): number {
  let k = kindCache.get(values);
  if (k === undefined) {
    k = 0;
    for (const v of values) k |= KIND_BITS[v.fact.kind] ?? 0;
    kindCache.set(values, k);
  }
  return k;
}

/** Placeholder year for dates written without one: a leap year, so 29 February is read. */
const LEAP_YEAR = 2000;

function lowerBound(list: readonly { start: number }[], offset: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Gives a date written without a year ("on 23 June") a year: that of the
 * nearest full date in its paragraph (the last before it, else the first
 * after it), else the document's own date (its front matter or the setting;
 * a day more than two months after that date is last year's), else that of
 * the last full date before it in the document. Without any, the date stays
 * without a year.
 */
function resolveYears(found: DateInText[], breaks: readonly number[], documentDate?: IsoDate): DateInText[] {
  let year: number | undefined;
  let yearAt = -1;
  const out: DateInText[] = new Array(found.length);
  const docParts = documentDate ? parseIsoDate(documentDate) : undefined;
  // The paragraph of each date, by the index of the blank run before it.
  let b = 0;
  const paraOf = (offset: number): number => {
    while (b < breaks.length && breaks[b] <= offset) b += 2;
    return b;
  };
  const paras = found.map((d) => paraOf(d.start));
  // The year of the first full date after each date in its paragraph, read backwards once.
  const nextYear: (number | undefined)[] = new Array(found.length);
  for (let i = found.length - 1, next: number | undefined; i >= 0; i--) {
    if (i + 1 < found.length && paras[i + 1] !== paras[i]) next = undefined;
    nextYear[i] = next;
    if (found[i].hasYear) next = Number(found[i].first!.slice(0, 4));
  }
  for (let i = 0; i < found.length; i++) {
    const d = found[i];
    if (d.hasYear) {
      year = Number(d.first!.slice(0, 4));
      yearAt = paras[i];
      out[i] = d;
      continue;
    }
    let y: number | undefined = yearAt === paras[i] ? year : nextYear[i];
    if (y === undefined && docParts?.month !== undefined && docParts.day !== undefined) {
      y = docParts.year;
      const after = (d.month! - docParts.month) * 31 + (d.day! - docParts.day);
      if (after > 62) y--;
    }
    y ??= year;
    const iso = y !== undefined && d.day! <= daysInMonth(y, d.month!) ? toIso({ year: y, month: d.month!, day: d.day! }) : undefined;
    out[i] = iso === d.first ? d : { ...d, first: iso, last: iso };
  }
  return out;
}

function kindOf(entry: IndexedFact): string {
  return entry.fact.kind;
}

function factsOfKind(match: AliasMatch<IndexedFact>, kind: string): IndexedFact[] {
  return match.values.filter((v) => kindOf(v) === kind);
}

function publisherOf(index: FactIndex, citations: readonly { source: string }[]): Source | undefined {
  for (const c of citations) {
    const s = index.source(c.source);
    if (s) return s.source;
  }
  return undefined;
}

function describeSourceShort(source: Source | undefined, style: DateStyle): string {
  if (!source) return 'its source';
  return source.date ? `${source.publisher}, ${formatDate(source.date, style)}` : source.publisher;
}

// ------------------------------------------------------------------ quotations

/** A recorded wording, ready for comparison. */
interface IndexedWording {
  entry: IndexedFact;
  wording: Wording;
  /** The wording's words, folded; where they stand in its text is read again only for a finding. */
  texts: string[];
  /** The speaker's own words, or a translation of words spoken in another language. */
  acceptable: boolean;
}

interface QuoteIndex {
  wordings: IndexedWording[];
  byFact: Map<IndexedFact, IndexedWording[]>;
  /** Word pairs ("proud that") to the wordings that contain them. */
  pairs: Map<string, number[]>;
}

const quoteIndexes = new WeakMap<FactIndex, QuoteIndex>();

function quoteIndex(index: FactIndex): QuoteIndex {
  let qi = quoteIndexes.get(index);
  if (qi) return qi;
  qi = { wordings: [], byFact: new Map(), pairs: new Map() };
  for (const entry of index.byKind('quote')) {
    const all = entry.fact.wordings ?? [];
    for (const wording of all) {
      const words = canonicalWords(wordTokens(wording.text));
      if (words.length === 0) continue;
      // A translation is how a speaker of another language is quoted; where the speaker's own words in that language are recorded, it is not.
      const acceptable = wording.kind === 'verbatim' || (wording.kind === 'translation' && !all.some((w) => w.kind === 'verbatim' && w.language === wording.language));
      const id = qi.wordings.length;
      const indexed: IndexedWording = { entry, wording, texts: words.map((w) => w.text), acceptable };
      qi.wordings.push(indexed);
      const list = qi.byFact.get(entry);
      if (list) list.push(indexed);
      else qi.byFact.set(entry, [indexed]);
      const seen = new Set<string>();
      for (let i = 0; i + 1 < words.length; i++) {
        const key = `${words[i].text} ${words[i + 1].text}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const list = qi.pairs.get(key);
        if (list) list.push(id);
        else qi.pairs.set(key, [id]);
      }
    }
  }
  quoteIndexes.set(index, qi);
  return qi;
}

/** Common words: a misquote must share more than these with the recorded words. */
const STOPWORDS = new Set(
  'a an and are as at be been but by for from had has have he her his i i\'m in is it it\'s its me my of on or our she so that the their them there they this to was we we\'re were will with you your not no'.split(' '),
);

/** Most recorded wordings a quotation is aligned with: those that share the most word pairs with it. */
const MAX_CANDIDATES = 8;
/** Most quotes whose wordings are searched for the quotation's words, those sharing the most pairs first. */
const MAX_COVER_CANDIDATES = 12;
/** A word pair that more wordings than this share says nothing about which quote is meant. */
const MAX_POSTINGS = 2000;
/** How many of a quotation's rarest word pairs choose the wordings it is compared with. */
const RARE_PAIRS = 6;
/** Quotations longer than this (in words) are only compared word for word. */
const MAX_COMPARED_WORDS = 400;
/** A quotation shorter than this is too short to call a misquote. */
const MIN_MISQUOTE_WORDS = 5;
/** Quoting this many words of a rendering is presenting it, not echoing a phrase. */
const MIN_RENDERING_WORDS = 6;

function isSubSpan(seg: readonly string[], words: readonly string[]): boolean {
  if (seg.length === 0) return true;
  outer: for (let i = 0; i + seg.length <= words.length; i++) {
    for (let k = 0; k < seg.length; k++) if (words[i + k] !== seg[k]) continue outer;
    return true;
  }
  return false;
}

function isPrefix(seg: readonly string[], words: readonly string[]): boolean {
  if (seg.length > words.length) return false;
  for (let k = 0; k < seg.length; k++) if (words[k] !== seg[k]) return false;
  return true;
}

/**
 * The wordings of one quote that a segment of quoted words is made of: one
 * wording it is part of, or the end of one and the start of another (a
 * quotation that runs on from one outlet's recording into another's).
 */
function coveringWordings(seg: readonly string[], wordings: readonly IndexedWording[]): IndexedWording[][] {
  const out: IndexedWording[][] = [];
  for (const w of wordings) if (isSubSpan(seg, w.texts)) out.push([w]);
  if (out.length > 0 || seg.length < 2) return out;
  // The segment's head must run to the end of one wording, from a place where the wording has its first word.
  for (const a of wordings) {
    for (let pos = 0; pos < a.texts.length; pos++) {
      const head = a.texts.length - pos;
      if (a.texts[pos] !== seg[0] || head >= seg.length) continue;
      let same = true;
      for (let t = 1; t < head && same; t++) same = seg[t] === a.texts[pos + t];
      if (!same) continue;
      const tail = seg.slice(head);
      for (const b of wordings) if (b !== a && isPrefix(tail, b.texts)) out.push([a, b]);
    }
  }
  return out;
}

interface Comparison {
  w: IndexedWording;
  pairs: Alignment;
  /** The writer's words compared (indexes, inclusive), and the recorded words they stand against. */
  q0: number;
  q1: number;
  w0: number;
  w1: number;
  dice: number;
  coverage: number;
  content: number;
  run: number;
  changes: number;
}

/**
 * Compares quoted words with a recorded wording: the longest common
 * subsequence, trimmed of stray matches at its ends, and widened over words
 * that stand against each other at its edges ("for the rest of the war").
 * Words the writer quotes beyond the recorded ones are context the pack does
 * not hold, not a difference.
 */
function compare(q: QuotedWords, w: IndexedWording): Comparison | undefined {
  const texts = q.words.map((x) => x.text);
  let pairs = alignWords(texts, w.texts).map(([a, b]) => [a, b] as [number, number]);
  // Word order is quotation first: pairs are [quoted index, recorded index].
  while (pairs.length >= 2 && pairs[1][1] - pairs[0][1] - 1 > 2 * (pairs[1][0] - pairs[0][0] - 1) + 2) pairs = pairs.slice(1);
  while (pairs.length >= 2) {
    const a = pairs[pairs.length - 2];
    const b = pairs[pairs.length - 1];
    if (b[1] - a[1] - 1 > 2 * (b[0] - a[0] - 1) + 2) pairs = pairs.slice(0, -1);
    else break;
  }
  if (pairs.length === 0) return undefined;
  const [qa, wa] = pairs[0];
  const [qb, wb] = pairs[pairs.length - 1];
  const lead = Math.min(qa, wa);
  const trail = Math.min(texts.length - 1 - qb, w.texts.length - 1 - wb);
  const q0 = qa - lead;
  const q1 = qb + trail;
  const w0 = wa - lead;
  const w1 = wb + trail;
  let run = 1;
  let best = 1;
  for (let k = 1; k < pairs.length; k++) {
    run = pairs[k][0] === pairs[k - 1][0] + 1 && pairs[k][1] === pairs[k - 1][1] + 1 ? run + 1 : 1;
    best = Math.max(best, run);
  }
  const m = pairs.length;
  const qLen = q1 - q0 + 1;
  const wLen = w1 - w0 + 1;
  // Words left out where the writer marked an omission ("…") are not a change.
  let changes = 0;
  let prev: [number, number] = [q0 - 1, w0 - 1];
  for (const p of [...pairs, [q1 + 1, w1 + 1] as [number, number]]) {
    const inserted = p[0] - prev[0] - 1;
    const deleted = p[1] - prev[1] - 1;
    const marked = inserted === 0 && deleted > 0 && q.segments.includes(p[0]);
    if ((inserted > 0 || deleted > 0) && !marked) changes++;
    prev = p;
  }
  return {
    w, pairs, q0, q1, w0, w1,
    dice: (2 * m) / (qLen + wLen),
    coverage: m / texts.length,
    content: pairs.filter(([i]) => !STOPWORDS.has(texts[i])).length,
    run: best,
    changes,
  };
}

/** What a quotation's words are, whatever paragraph they stand in. */
type Verdict =
  | { kind: 'none' }
  /** Recorded words, but only in an outlet's rendering or a translation not to be quoted as the speaker's own. */
  | { kind: 'rendering'; w: IndexedWording; length: number }
  /** Not recorded words: the closest wording, for the thresholds that depend on the paragraph. */
  | { kind: 'compare'; best: Comparison };

const NONE: Verdict = { kind: 'none' };

function* checkQuotations(doc: ScannedDocument, on: (code: CheckCode) => boolean): Generator<void, Finding[], void> {
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
        const f = unrecordedFinding(doc, q, inner, markup, qi);
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

function judge(words: QuotedWords, qi: QuoteIndex): Verdict {
  // The quotation's word pairs ("proud that") that recorded wordings have, rarest first: a wording that holds the
  // quotation, or nearly does, has its rarest pairs, so only their wordings are candidates. Common pairs ("we will")
  // would make every quote a candidate.
  const pairs: { at: number; list: number[] }[] = [];
  for (let i = 0; i + 1 < words.words.length; i++) {
    const list = qi.pairs.get(`${words.words[i].text} ${words.words[i + 1].text}`);
    if (list && list.length <= MAX_POSTINGS) pairs.push({ at: i, list });
  }
  if (pairs.length === 0) return NONE;
  pairs.sort((a, b) => a.list.length - b.list.length);
  // Three pairs always (a changed word breaks at most two); more only while they stay rare.
  const rare = pairs.filter((p, k) => k < 3 || (k < RARE_PAIRS && p.list.length <= 32));
  const hits = new Map<number, number>();
  for (const { list } of rare) for (const id of list) hits.set(id, (hits.get(id) ?? 0) + 1);
  const texts = words.words.map((w) => w.text);
  const segments = words.segments.map((s, k) => texts.slice(s, words.segments[k + 1] ?? texts.length)).filter((s) => s.length > 0);
  const ranked = [...hits.entries()].sort((a, b) => b[1] - a[1]);
  // A wording that holds the quotation has all its rare pairs; one that holds it with another (Reuters' words run on into PA's) all but one.
  const facts: IndexedFact[] = [];
  for (const [id, count] of ranked) {
    if (count < ranked[0][1] - 1 || facts.length === MAX_COVER_CANDIDATES) break;
    const entry = qi.wordings[id].entry;
    if (!facts.includes(entry)) facts.push(entry);
  }
  let rendering: { w: IndexedWording; length: number } | undefined;
  for (const entry of facts) {
    const wordings = qi.byFact.get(entry)!;
    const covers = segments.map((seg) => coveringWordings(seg, wordings));
    if (covers.some((c) => c.length === 0)) continue;
    // Every segment is recorded words; if each has a wording that is the speaker's, the quotation is right.
    let onlyRendered: { w: IndexedWording; length: number } | undefined;
    covers.forEach((c, k) => {
      if (c.some((ws) => ws.every((w) => w.acceptable))) return;
      const w = c[0].find((x) => !x.acceptable)!;
      const length = segments[k].length;
      if (!onlyRendered || length > onlyRendered.length) onlyRendered = { w, length };
    });
    if (!onlyRendered) return NONE;
    if (!rendering || onlyRendered.length > rendering.length) rendering = onlyRendered;
  }
  if (rendering) return rendering.length >= MIN_RENDERING_WORDS ? { kind: 'rendering', ...rendering } : NONE;
  if (texts.length < MIN_MISQUOTE_WORDS || texts.length > MAX_COMPARED_WORDS) return NONE;
  // A near match has most of the rarest pairs: only the wordings that have the most are aligned word by word.
  const minPairs = rare.length <= 3 ? 1 : Math.ceil(0.4 * rare.length);
  let best: Comparison | undefined;
  for (const [id, count] of ranked.slice(0, MAX_CANDIDATES)) {
    const w = qi.wordings[id];
    if (count < minPairs || w.texts.length > MAX_COMPARED_WORDS) continue;
    const c = compare(words, w);
    if (!c) continue;
    if (!best || c.dice > best.dice || (c.dice === best.dice && c.w.acceptable && !best.w.acceptable)) best = c;
  }
  // The loosest thresholds any paragraph allows; the paragraph's own are applied per quotation.
  if (!best || best.pairs.length < 4 || best.content < 3 || best.run < 3 || best.dice < 0.7 || best.coverage < 0.6) return NONE;
  return { kind: 'compare', best };
}

// ------------------------------------------------------------------ unrecorded quotations

/** The recorded quotes by the day they were said, and every wording of each speaker. */
interface Occasions {
  byDay: Map<string, IndexedFact[]>;
  bySpeaker: Map<string, IndexedWording[]>;
  /** The content words of every wording of a quote. */
  content: Map<IndexedFact, Set<string>>;
}

const occasionIndexes = new WeakMap<FactIndex, Occasions>();

function occasionsOf(index: FactIndex, qi: QuoteIndex): Occasions {
  let occ = occasionIndexes.get(index);
  if (occ) return occ;
  occ = { byDay: new Map(), bySpeaker: new Map(), content: new Map() };
  for (const [entry, wordings] of qi.byFact) {
    const speaker = entry.fact.speaker;
    if (!speaker) continue;
    const list = occ.bySpeaker.get(speaker);
    if (list) list.push(...wordings);
    else occ.bySpeaker.set(speaker, [...wordings]);
    occ.content.set(entry, new Set(wordings.flatMap((w) => w.texts.filter(isContentWord))));
    if (parseIsoDate(entry.fact.date ?? '')?.day === undefined) continue;
    const day = occ.byDay.get(entry.fact.date!);
    if (day) day.push(entry);
    else occ.byDay.set(entry.fact.date!, [entry]);
  }
  occasionIndexes.set(index, occ);
  return occ;
}

function isContentWord(w: string): boolean {
  return w.length > 2 && !STOPWORDS.has(w);
}

/** A quotation shorter than this (in words) is a phrase, not a statement to hold against the record. */
const MIN_UNRECORDED_WORDS = 6;
/** Content words a paraphrase shares with the recorded words of its occasion, at least, and as a share of its own. */
const MIN_SHARED_WORDS = 3;
const MIN_SHARED_SHARE = 0.3;

/**
 * A quotation of a known speaker, dated to an occasion the pack records, in
 * words none of the recorded wordings has: a paraphrase presented as a quote.
 * Judged only where the quotation shares enough words with what was recorded
 * to be about the same remarks; a remark the pack does not hold is left alone.
 */
function unrecordedFinding(doc: ScannedDocument, q: Quotation, inner: string, markup: ReturnType<typeof markupOf>, qi: QuoteIndex): Finding | undefined {
  if (doc.nameQuoted(q)) return undefined;
  const occ = occasionsOf(doc.index, qi);
  const para = doc.paragraphAt(q.start);
  // The days the paragraph speaks of, else the document's own date: read once per paragraph.
  const days = doc.memo(`days\u0000${para.start}`, () => {
    const found = new Set<string>();
    const read = (from: number, to: number): void => {
      for (const d of doc.datesIn(from, to)) if (d.hasDay && d.first && d.first === d.last) found.add(d.first);
    };
    read(para.start, para.end);
    // A paragraph that names no one and no day continues the one before.
    if (found.size === 0 && para.start > 0 && !doc.hasKind(para.start, para.end, KIND_PERSON)) {
      let k = para.start - 1;
      while (k > 0 && /\s/.test(doc.prose[k])) k--;
      const prev = doc.paragraphAt(k);
      if (prev.start < para.start) read(prev.start, prev.end);
    }
    if (found.size === 0 && doc.date.source !== 'today') found.add(doc.date.iso);
    return [...found];
  });
  const candidates: IndexedFact[] = [];
  for (const day of days) for (const e of occ.byDay.get(day) ?? []) if (speakerNamed(doc, para, e)) candidates.push(e);
  if (candidates.length === 0) return undefined;
  // The quotation's words are read only where a recorded occasion and its speaker are in question.
  const read = doc.cache.get(`uw\u0000${markup}\u0000${inner}`, () => {
    const w = quotedWords(doc.prose, q, markup);
    const texts = w.words.map((x) => x.text);
    return { texts, segments: w.segments.map((st, k) => texts.slice(st, w.segments[k + 1] ?? texts.length)).filter((x) => x.length > 0), content: new Set(texts.filter(isContentWord)) };
  });
  if (read.texts.length < MIN_UNRECORDED_WORDS || read.content.size < MIN_SHARED_WORDS) return undefined;
  const best = doc.cache.get(`uq\u0000${markup}\u0000${candidates.map((c) => c.fact.id).join(',')}\u0000${inner}`, () => {
    // Words the speaker is recorded saying, on this occasion or another, are not this rule's to judge.
    for (const speaker of new Set(candidates.map((c) => c.fact.speaker!))) {
      const wordings = occ.bySpeaker.get(speaker) ?? [];
      if (read.segments.every((seg) => coveringWordings(seg, wordings).length > 0)) return undefined;
    }
    let top: { entry: IndexedFact; shared: number } | undefined;
    for (const entry of candidates) {
      const recorded = occ.content.get(entry);
      if (!recorded) continue;
      let shared = 0;
      for (const w of read.content) if (recorded.has(w)) shared++;
      if (!top || shared > top.shared) top = { entry, shared };
    }
    if (!top || top.shared < MIN_SHARED_WORDS || top.shared < MIN_SHARED_SHARE * read.content.size) return undefined;
    return top.entry;
  });
  if (!best) return undefined;
  const speaker = speakerLabel(doc, best);
  const recorded = best.wording ?? best.fact.wordings?.[0];
  const source = recorded ? publisherOf(doc.index, recorded.citations) : undefined;
  const occasion = best.fact.occasion ? `${best.fact.occasion}, ` : '';
  const recordedText = recorded?.text.replace(/^[\u2026.\s]+/, '');
  return withFixes({
    code: 'unrecorded-quote',
    start: q.start,
    end: q.end,
    severity: 'info',
    message: `Not recorded words: no recorded wording of ${possessive(speaker)} remarks (${occasion}${doc.formatDate(best.fact.date!)}) has these words${recordedText ? `; recorded: “${recordedText}”` : ''}. Quote the recorded words, or drop the quotation marks.`,
    data: { factId: best.fact.id, wordingId: recorded?.id, recorded: recordedText },
  }, () => {
    if (!recordedText) return [];
    const words = quotedWords(doc.prose, q, markup);
    if (words.words.length === 0) return [];
    const span = wordSpan(words);
    return [{
      title: `Replace with ${possessive(speaker)} recorded words${source ? ` (${source.publisher})` : ''}`,
      edits: [{ offset: span.start, length: span.end - span.start, text: doc.escape(recordedText) }, ...(source ? doc.citation([source], q.end) : [])],
      preferred: true,
    }];
  });
}

/** Whose recording a quotation matches, where it is not the quote's preferred wording. */
export interface RecordingMatch {
  factId: string;
  /** The wordings the quotation's words are found in. */
  wordingIds: string[];
  /** Their recorders, by origin (a rewrite of a wire story is the wire's). */
  recorders: string[];
  /** The quotation, in offsets of the text. */
  start: number;
  end: number;
}

/**
 * The recorded wording a quotation at `offset` matches, when it is not the
 * one the pack prefers: "strengthen both nations" is PA's recording of
 * Zelenskyy, not AFP's. Undefined where the quotation matches the preferred
 * wording, or no recording of the speaker's own words.
 */
export function recordingMatchedAt(text: string, offset: number, index: FactIndex, format: DocFormat): RecordingMatch | undefined {
  // The paragraph alone: a hover must not read a whole long draft.
  const para = paragraphAt(text, offset);
  const prose = proseText(text.slice(para.start, para.end), format);
  const at = offset - para.start;
  const q = findQuotations(prose, format).filter((x) => x.innerStart <= at && at <= x.innerEnd).sort((a, b) => (a.end - a.start) - (b.end - b.start))[0];
  if (!q) return undefined;
  const words = quotedWords(prose, q, markupOf(format));
  if (words.words.length < 2) return undefined;
  const qi = quoteIndex(index);
  const texts = words.words.map((w) => w.text);
  const segments = words.segments.map((st, k) => texts.slice(st, words.segments[k + 1] ?? texts.length)).filter((x) => x.length > 0);
  const candidates = new Set<IndexedFact>();
  for (let i = 0; i + 1 < texts.length; i++) for (const id of qi.pairs.get(`${texts[i]} ${texts[i + 1]}`) ?? []) candidates.add(qi.wordings[id].entry);
  for (const entry of candidates) {
    const own = qi.byFact.get(entry)!.filter((w) => w.acceptable);
    const covers = segments.map((seg) => coveringWordings(seg, own));
    if (covers.some((c) => c.length === 0)) continue;
    // Matched by the preferred wording somewhere: nothing to say.
    if (covers.every((c) => c.some((ws) => ws.some((w) => w.wording === entry.wording)))) return undefined;
    const used = [...new Set(covers.flatMap((c) => c[0]))].map((w) => w.wording);
    const sourceOf = (id: string): Source | undefined => index.source(id)?.source;
    return { factId: entry.fact.id, wordingIds: used.map((w) => w.id), recorders: [...new Set(used.map((w) => recorderOf(w, sourceOf)))], start: para.start + q.start, end: para.start + q.end };
  }
  return undefined;
}

/** `words` reads the quotation's words where they stand: only a fix needs their places. */
function findingFor(doc: ScannedDocument, q: Quotation, inner: string, words: () => QuotedWords, verdict: Exclude<Verdict, { kind: 'none' }>, on: (code: CheckCode) => boolean): Finding | undefined {
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

/** Whether the paragraph names the speaker, by name or by a role the speaker holds. */
function speakerNamed(doc: ScannedDocument, para: { start: number; end: number }, quote: IndexedFact): boolean {
  const speaker = quote.fact.speaker;
  if (!speaker) return false;
  // Once per paragraph and speaker: a long paragraph can hold many quotations.
  return doc.memo(`named\u0000${para.start}\u0000${speaker}`, () => {
    const roles = doc.memo(`roles\u0000${speaker}`, () => new Set((doc.index.fact(speaker)?.fact.roles ?? []).map((r) => r.role)));
    const namedIn = (from: number, to: number): boolean => {
      const ms = doc.matches;
      for (let i = lowerBound(ms, from); i < ms.length && ms[i].start < to; i++) {
        if ((doc.kinds[i] & (KIND_PERSON | KIND_ROLE)) === 0) continue;
        for (const v of ms[i].values) if (v.fact.id === speaker || roles.has(v.fact.id)) return true;
      }
      return false;
    };
    if (namedIn(para.start, para.end)) return true;
    // A paragraph that names no one quotes the speaker of the paragraph before: a quotation run on, or a block
    // quotation after the sentence that introduces it.
    if (para.start === 0 || doc.hasKind(para.start, para.end, KIND_PERSON)) return false;
    let k = para.start - 1;
    while (k > 0 && /\s/.test(doc.prose[k])) k--;
    const prev = doc.paragraphAt(k);
    return prev.start < para.start && namedIn(prev.start, prev.end);
  });
}

function speakerLabel(doc: ScannedDocument, quote: IndexedFact): string {
  return (quote.fact.speaker && doc.index.fact(quote.fact.speaker)?.fact.label) || 'the speaker';
}

function possessive(name: string): string {
  return `${name}\u2019s`;
}

/** Who made a translation or rendering, short enough for a message and an attribution. */
function outletOf(doc: ScannedDocument, w: Wording): string {
  const publisher = publisherOf(doc.index, w.citations)?.publisher;
  if (w.by && w.by.length <= 30) return w.by;
  return publisher ?? w.by ?? 'the outlet';
}

/** Names that credit a wording to its outlet when they appear in the paragraph, as one case-blind expression. */
function creditPattern(doc: ScannedDocument, w: Wording): RegExp {
  return doc.memo(`credit\u0000${w.id}`, () => {
    const names = creditNames(doc, w).map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['\u2019]").replace(/ /g, '\\s+'));
    if (w.kind === 'translation') names.push('translat');
    return names.length > 0 ? new RegExp(names.join('|'), 'iu') : /$^/;
  });
}

function creditNames(doc: ScannedDocument, w: Wording): string[] {
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
function wordSpan(words: QuotedWords, from = 0, to = words.words.length - 1): { start: number; end: number } {
  return { start: words.words[from].start, end: words.words[to].end };
}

function renderingFinding(doc: ScannedDocument, q: Quotation, words: () => QuotedWords, w: IndexedWording): Finding | undefined {
  const para = doc.paragraphAt(q.start);
  if (!speakerNamed(doc, para, w.entry)) return undefined;
  if (doc.memo(`credited\u0000${para.start}\u0000${w.wording.id}`, () => creditPattern(doc, w.wording).test(doc.prose.slice(para.start, para.end)))) return undefined;
  const speaker = speakerLabel(doc, w.entry);
  const outlet = outletOf(doc, w.wording);
  const what = w.wording.kind === 'rendering' ? 'rendering' : 'translation';
  const preferred = w.entry.wording !== w.wording ? w.entry.wording : undefined;
  const recordedSource = preferred ? publisherOf(doc.index, preferred.citations) : undefined;
  const fixes = (): Fix[] => {
    const out: Fix[] = [];
    if (preferred) {
      const span = wordSpan(words());
      out.push({
        title: `Quote ${possessive(speaker)} recorded words (${recordedSource?.publisher ?? 'recorded wording'})`,
        edits: [{ offset: span.start, length: span.end - span.start, text: doc.escape(preferred.text.replace(/^[\u2026.\s]+/, '')) }, ...(recordedSource ? doc.citation([recordedSource], q.end) : [])],
        preferred: true,
      });
    }
    const outletSource = publisherOf(doc.index, w.wording.citations);
    out.push({
      title: `Attribute this wording to ${outlet} (${what})`,
      edits: [{ offset: q.end, length: 0, text: doc.escape(` (in ${possessive(outlet)} ${what})`) }, ...(outletSource ? doc.citation([outletSource], q.end) : [])],
    });
    return out;
  };
  const recorded = recordedSource ? ` (${recordedSource.publisher})` : '';
  return withFixes({
    code: 'rendering-as-words',
    start: q.start,
    end: q.end,
    severity: 'warning',
    message: `Quoted as ${possessive(speaker)} own words, but this is ${possessive(outlet)} ${what}, not the recorded wording${recorded}. Quote the recorded words, or attribute this version to ${outlet}.`,
    data: { factId: w.entry.fact.id, wordingId: w.wording.id },
  }, fixes);
}

/** Ends a sentence with a full stop, unless it ends with an ellipsis already. */
function sentence(text: string): string {
  return /[.…]$/.test(text) ? text : `${text}.`;
}

/**
 * A misquote's message and what it found, by the quotation's words: the same
 * words misquote the same way wherever they stand, so a check after an edit
 * finds them here instead of aligning them again.
 */
function misquoteFinding(doc: ScannedDocument, q: Quotation, inner: string, words: () => QuotedWords, c: Comparison): Finding {
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
    const by = w.wording.kind === 'verbatim'
      ? `${possessive(speaker)} words as recorded by ${describeSourceShort(publisherOf(doc.index, w.wording.citations), doc.options.dateStyle)}`
      : `${possessive(outletOf(doc, w.wording))} ${w.wording.kind} of ${possessive(speaker)} words`;
    const note = w.acceptable ? '' : ` That ${w.wording.kind} is not ${possessive(speaker)} recorded wording.`;
    const data: FindingData = { factId: w.entry.fact.id, wordingId: w.wording.id, diff, recorded: w.wording.text.slice(recordedWords[0].start, recordedWords[recordedWords.length - 1].end) };
    return { message: `Misquote: differs in words from ${by}: ${sentence(compactDiff(diff))}${note}`, data, targetText, source: publisherOf(doc.index, target.citations) };
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
      title: `Replace with ${possessive(speaker)} recorded words${said.source ? ` (${said.source.publisher})` : ''}`,
      edits: [{ offset: span.start, length: span.end - span.start, text: doc.escape(said.targetText) }, ...(said.source ? doc.citation([said.source], q.end) : [])],
      preferred: true,
    }];
  });
}

// ------------------------------------------------------------------ event dates

const VERB_CLASSES: Record<string, RegExp> = {
  sign: /\bsign(?:s|ed|ing)?\b/,
  ratify: /\bratif(?:y|ies|ied|ying|ication)\b/,
  force: /\binto force\b/,
  announce: /\bannounc(?:e|es|ed|ing|ement)\b/,
};

/** Words that put a date before, after or around an event rather than on it. */
const RELATIVE = /\b(?:before|after|ahead|prior|following|followed|since|until|till|later|earlier|previous|previously|preceding|preceded|eve|afterwards|next|by then|ago)\b/;
/** A date right after these is when something was reported, not when the event happened. */
const REPORTED = /\b(?:reported|wrote|published|posted|said|says|told|stated|tweeted|noted|added|recalled|confirmed|explained|commented|reporting|writing)\b[^.;:]{0,30}$/;

interface EventLinks {
  /** Events linked to each agreement, by verb class. */
  byAgreement: Map<string, Map<string, IndexedFact[]>>;
  /** Facts whose mention in a sentence corroborates an event named by a common phrase. */
  corroborating: Map<string, Set<string>>;
  /** For each event, the others linked to one of its agreements by the same verb. */
  siblings: Map<string, IndexedFact[]>;
  /** Events with words that describe them, by the first word of each action ("signed", "held talks"). */
  described: Map<string, { event: IndexedFact; action: string }[]>;
  /** Each described event's participants and place, and its other words, folded. */
  describing: Map<string, { ids: Set<string>; words: string[] }>;
}

/** Whether `phrase` (folded) stands in `text` (folded) as whole words. */
function hasPhrase(text: string, phrase: string): boolean {
  for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) {
    const before = text.charCodeAt(at - 1);
    const after = text.charCodeAt(at + phrase.length);
    if (!isWordCode(before) && !isWordCode(after)) return true;
  }
  return false;
}

function isWordCode(c: number): boolean {
  return !Number.isNaN(c) && /[\p{L}\p{N}]/u.test(String.fromCharCode(c));
}

/**
 * The events a sentence describes in its own words rather than by a name:
 * one of an event's actions ("signed", "talks") with one of its participants
 * or its place named, or with one of its words ("century-long pact").
 */
function describedEvents(links: EventLinks, folded: string, mentioned: () => Set<string>, named: ReadonlySet<string>): IndexedFact[] {
  const out = new Set<IndexedFact>();
  if (links.described.size === 0) return [];
  for (const m of folded.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)) {
    const here: { event: IndexedFact; score: number }[] = [];
    for (const { event, action } of links.described.get(m[0]) ?? []) {
      if (!folded.startsWith(action, m.index) || isWordCode(folded.charCodeAt(m.index + action.length))) continue;
      const d = links.describing.get(event.fact.id)!;
      let score = 0;
      for (const id of d.ids) if (mentioned().has(id)) score++;
      // A longer phrase says more: "National Security and Defence Council" over "defence minister".
      for (const w of d.words) if (hasPhrase(folded, w)) score += w.split(' ').length;
      if (score > 0) here.push({ event, score });
    }
    // Of the events an action could be, those the sentence says most about: "signed … in Kyiv" fits several
    // signings, "signed the century-long pact in Kyiv with Zelenskyy" one.
    // An action that can be an event the sentence names is that event's.
    if (here.some((f) => named.has(f.event.fact.id))) continue;
    const top = Math.max(0, ...here.map((f) => f.score));
    for (const f of here) if (f.score === top) out.add(f.event);
  }
  return [...out];
}

const eventLinks = new WeakMap<FactIndex, EventLinks>();

function linksOf(index: FactIndex): EventLinks {
  let links = eventLinks.get(index);
  if (links) return links;
  links = { byAgreement: new Map(), corroborating: new Map(), siblings: new Map(), described: new Map(), describing: new Map() };
  const events = index.byKind('event');
  for (const e of events) {
    const by = e.fact.describedBy;
    if (!by || !e.fact.date) continue;
    const ids = new Set<string>(e.fact.related ?? []);
    if (e.fact.place) ids.add(e.fact.place);
    links.describing.set(e.fact.id, { ids, words: (by.words ?? []).map((w) => foldText(w)).filter((w) => w.length > 0) });
    for (const a of by.actions) {
      const action = foldText(a);
      const first = /^[\p{L}\p{N}][\p{L}\p{N}'’-]*/u.exec(action)?.[0];
      if (!first) continue;
      const list = links.described.get(first) ?? [];
      list.push({ event: e, action });
      links.described.set(first, list);
    }
  }
  for (const e of events) {
    // Its place is not enough: London and Kyiv see many events.
    const set = new Set<string>(e.fact.related ?? []);
    links.corroborating.set(e.fact.id, set);
  }
  for (const f of index.facts) {
    for (const r of f.fact.related ?? []) links.corroborating.get(r)?.add(f.fact.id);
  }
  // Events that name a fact among theirs, by that fact: read once, not once per agreement.
  const eventsRelatedTo = new Map<string, IndexedFact[]>();
  for (const e of events) for (const r of e.fact.related ?? []) eventsRelatedTo.set(r, [...(eventsRelatedTo.get(r) ?? []), e]);
  for (const a of index.byKind('agreement')) {
    const linked = new Set<IndexedFact>(eventsRelatedTo.get(a.fact.id) ?? []);
    for (const r of a.fact.related ?? []) {
      const e = index.fact(r);
      if (e?.fact.kind === 'event') linked.add(e);
    }
    const byClass = new Map<string, IndexedFact[]>();
    for (const [cls, re] of Object.entries(VERB_CLASSES)) {
      const list = [...linked].filter((e) => {
        const label = foldText(e.fact.label);
        if (!re.test(label)) return false;
        // An event described by two verbs ("signs the ratification law") belongs to neither.
        if (Object.entries(VERB_CLASSES).some(([other, r]) => other !== cls && r.test(label))) return false;
        return cls !== 'sign' || !a.fact.date || e.fact.date === a.fact.date;
      });
      if (list.length > 0) byClass.set(cls, list);
    }
    links.byAgreement.set(a.fact.id, byClass);
    for (const list of byClass.values()) {
      if (list.length < 2) continue;
      for (const e of list) {
        const sib = links.siblings.get(e.fact.id) ?? [];
        for (const other of list) if (other !== e && !sib.includes(other)) sib.push(other);
        links.siblings.set(e.fact.id, sib);
      }
    }
  }
  eventLinks.set(index, links);
  return links;
}

/** The events linked to the same agreement as `event` by the same verb ("announced"), itself excluded. */
function siblingEvents(links: EventLinks, event: IndexedFact): readonly IndexedFact[] {
  return links.siblings.get(event.fact.id) ?? [];
}

/** Sentences of a paragraph: ends at . ! ? before a capital or a digit, not after an abbreviation or an initial. */
function sentencesOf(text: string, start: number, end: number): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const re = /[.!?]+["'\u201D\u2019)\]]*(?=\s+["\u201C\u2018([]?[\p{Lu}\d])|\n(?=[ \t]*(?:[-*+]|\d+[.)]|#+)\s)/gu;
  // The paragraph alone: a regular expression over a slice of the whole document would copy the document each time.
  const slice = text.slice(start, end);
  let from = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(slice)) !== null) {
    if (m[0].charCodeAt(0) === 46 /* . */) {
      // The word before the full stop, read backwards: an abbreviation ("No.", "e.g.") or an initial does not end a sentence.
      let k = m.index;
      while (k > from && m.index - k < 12 && (slice[k - 1] === '.' || /\p{L}/u.test(slice[k - 1]))) k--;
      const word = slice.slice(k, m.index);
      if (ABBREVIATIONS.has(word.toLowerCase()) || (word.length === 1 && word !== word.toLowerCase())) continue;
    }
    out.push({ start: start + from, end: start + m.index + m[0].length });
    from = m.index + m[0].length;
  }
  if (from < slice.length) out.push({ start: start + from, end });
  return out;
}

const ABBREVIATIONS = new Set(['no', 'nos', 'mr', 'mrs', 'ms', 'dr', 'st', 'sr', 'jr', 'vs', 'etc', 'gen', 'col', 'lt', 'rt', 'hon', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'e.g', 'i.e', 'u.k', 'u.s', 'approx', 'cf', 'art', 'para', 'p', 'pp']);

function daysOf(iso: IsoDate): number {
  const p = parseIsoDate(iso)!;
  return Date.UTC(p.year, (p.month ?? 1) - 1, p.day ?? 1) / 86_400_000;
}

/** Whether a written date is (one of) the event's days. */
const eventSpans = new WeakMap<Fact, { first: IsoDate; last: IsoDate }>();

function dateMatches(d: DateInText, e: Fact): boolean {
  let span = eventSpans.get(e);
  if (!span) {
    span = { first: isoSpan(e.date!)!.first, last: isoSpan(e.endDate ?? e.date!)!.last };
    eventSpans.set(e, span);
  }
  const { first, last } = span;
  if (d.hasYear) return compareIso(d.first!, last) <= 0 && compareIso(d.last!, first) >= 0;
  for (let day = daysOf(first); day <= Math.min(daysOf(last), daysOf(first) + 366); day++) {
    const date = new Date(day * 86_400_000);
    if (date.getUTCMonth() + 1 === d.month && date.getUTCDate() === d.day) return true;
  }
  return false;
}

/**
 * Whether the written date is one a writer could have meant for the event:
 * a few days off, the right day in the wrong year, or the right day in the
 * wrong month. A date far from the event is more likely about another
 * occasion (another visit, another summit), and is left alone.
 */
function plausibleSlip(d: DateInText, e: Fact): boolean {
  const ep = parseIsoDate(e.date!);
  if (ep?.day === undefined || ep.month === undefined || d.month === undefined || d.day === undefined) return false;
  const year = d.hasYear ? parseIsoDate(d.first!)!.year : ep.year;
  const written = toIso({ year, month: d.month, day: d.day });
  if (!parseIsoDate(written)) return false;
  const distance = Math.abs(daysOf(written) - daysOf(e.date!));
  if (year === ep.year) return distance <= 14 || d.day === ep.day;
  return d.month === ep.month && d.day === ep.day;
}

/** "24–25 June 2025", "June 24–25, 2025", or both dates in full when the months differ. */
function dateRange(first: IsoDate, last: IsoDate, style: DateStyle): string {
  const a = parseIsoDate(first);
  const b = parseIsoDate(last);
  if (style !== 'iso' && a?.day !== undefined && b?.day !== undefined && a.year === b.year && a.month === b.month) {
    const month = MONTHS[a.month! - 1];
    return style === 'en-US' ? `${month} ${a.day}\u2013${b.day}, ${a.year}` : `${a.day}\u2013${b.day} ${month} ${a.year}`;
  }
  return `${formatDate(first, style)}\u2013${formatDate(last, style)}`;
}

function writtenStyle(written: string): DateStyle {
  if (/^\d{4}-\d{2}-\d{2}$/.test(written)) return 'iso';
  return /^[A-Za-z]/.test(written) ? 'en-US' : 'en-GB';
}

function rewriteDate(written: string, iso: IsoDate, hasYear: boolean): string {
  const style = writtenStyle(written);
  const full = formatDate(iso, style);
  if (hasYear || style === 'iso') return full;
  const p = parseIsoDate(iso)!;
  const month = MONTHS[p.month! - 1];
  const abbreviated = !new RegExp(`\\b${month}\\b`, 'i').test(written);
  const m = abbreviated ? month.slice(0, 3) : month;
  return style === 'en-US' ? `${m} ${p.day}` : `${p.day} ${m}`;
}

function* checkEventDates(doc: ScannedDocument): Generator<void, Finding[], void> {
  const out: Finding[] = [];
  const links = linksOf(doc.index);
  const dates = doc.dates;
  for (let i = 0; i < dates.length; ) {
    if (doc.pace.tick()) yield;
    const para = doc.paragraphAt(dates[i].start);
    let j = i;
    while (j < dates.length && dates[j].start < para.end) j++;
    const own = dates.slice(i, j);
    i = j;
    if (!own.some((d) => d.hasDay) || (links.described.size === 0 && !doc.hasKind(para.start, para.end, KIND_EVENT | KIND_AGREEMENT))) continue;
    // A paragraph's findings depend on its text and on the year its yearless dates take from the text before it.
    const key = `${doc.options.dateStyle}\u0000${own.map((d) => (d.hasYear ? '' : (d.first ?? '?'))).join(',')}`;
    const scan = doc.scans.get(para.start);
    if (!scan) continue;
    scan.events ??= new Map();
    let kept = scan.events.get(key);
    if (!kept) {
      const found: Finding[] = [];
      let checked = -1;
      const sentences = sentencesOf(doc.prose, para.start, para.end);
      // Dates and sentences are both in order: one pass over each, however long the paragraph.
      let k = 0;
      for (const d of own) {
        if (!d.hasDay) continue;
        if (doc.pace.tick()) yield;
        while (k < sentences.length && sentences[k].end <= d.start) k++;
        // Only sentences with a date are read, each once.
        const s = sentences[k] && sentences[k].start <= d.start ? sentences[k] : undefined;
        if (!s || s.start === checked) continue;
        checked = s.start;
        const f = checkSentence(doc, s, links);
        if (f) found.push(shifted(f, -para.start));
      }
      scan.events.set(key, (kept = { found }));
    }
    for (const f of placedFindings(kept, para.start)) out.push(f);
  }
  return out;
}

/** Where a described event stands in a sentence when no name marks it: the sentence's start, before its dates. */
function describedAt(doc: ScannedDocument, s: { start: number; end: number }, dates: readonly DateInText[]): AliasMatch<IndexedFact> {
  const end = Math.max(s.start, Math.min(s.end, ...dates.map((d) => d.start)));
  return { start: s.start, end: s.start === end ? s.start : s.start, alias: doc.prose.slice(s.start, end), values: [] };
}

/** A finding moved by `delta` characters, its fixes with it. */
function shifted(f: Finding, delta: number): Finding {
  return withFixes(
    { code: f.code, start: f.start + delta, end: f.end + delta, message: f.message, severity: f.severity, data: f.data },
    () => f.fixes.map((x) => ({ ...x, edits: x.edits.map((e) => ({ ...e, offset: e.offset + delta })) })),
  );
}

function checkSentence(doc: ScannedDocument, s: { start: number; end: number }, links: EventLinks): Finding | undefined {
  if (links.described.size === 0 && !doc.hasKind(s.start, s.end, KIND_EVENT | KIND_AGREEMENT)) return undefined;
  const dates = doc.datesIn(s.start, s.end).filter((d) => d.hasDay && d.end <= s.end);
  if (dates.length === 0) return undefined;
  // Names and verbs inside quotation marks are someone's words, not the writer's claim about a date.
  const matches = doc.matchesIn(s.start, s.end).filter((m) => !dates.some((d) => m.start < d.end && d.start < m.end) && !doc.quoted(m.start));
  let folded: string | undefined;
  const sentence = (): string => (folded ??= foldText(doc.unquoted(s.start, s.end)));
  let mentionedIds: Set<string> | undefined;
  const mentioned = (): Set<string> => (mentionedIds ??= new Set(matches.flatMap((m) => m.values.map((v) => v.fact.id))));
  const events = new Map<string, { event: IndexedFact; at: AliasMatch<IndexedFact> }>();
  for (const m of matches) {
    for (const v of m.values) {
      if (v.fact.kind === 'event' && v.fact.date) {
        // A common phrase ("ratification", "entry into force") names this event only beside something it concerns.
        const specific = /\p{Lu}/u.test(m.alias) && /\s/.test(m.alias.trim());
        if (specific || [...(links.corroborating.get(v.fact.id) ?? [])].some((id) => mentioned().has(id))) events.set(v.fact.id, { event: v, at: m });
      } else if (v.fact.kind === 'agreement') {
        for (const [cls, re] of Object.entries(VERB_CLASSES)) {
          if (!re.test(sentence())) continue;
          for (const e of links.byAgreement.get(v.fact.id)?.get(cls) ?? []) events.set(e.fact.id, { event: e, at: m });
        }
      }
    }
  }
  // Events the sentence describes by who, where and what, rather than names.
  for (const e of describedEvents(links, sentence(), mentioned, new Set(events.keys()))) {
    if (events.has(e.fact.id)) continue;
    const at = matches.find((m) => (links.describing.get(e.fact.id)?.ids.has(m.values[0]?.fact.id) ?? false)) ?? describedAt(doc, s, dates);
    events.set(e.fact.id, { event: e, at });
  }
  if (events.size === 0) return undefined;
  // A named event is judged with the other events of its kind on the same thing: Project OCTOPUS was announced by the
  // UK on 10 September and by Ukraine on 11 September, and a sentence may mean either.
  for (const { event, at } of [...events.values()]) {
    for (const sibling of siblingEvents(links, event)) if (!events.has(sibling.fact.id)) events.set(sibling.fact.id, { event: sibling, at });
  }
  let all = [...events.values()];
  // Where the sentence says who acted ("Shmyhal announced Project Octopus"), the events of that person are the ones
  // it can mean: a person named before the event, as its subject; one named after it is someone else in the story.
  if (all.length > 1) {
    const first = Math.min(...all.map((e) => e.at.start));
    const people = new Set(matches.filter((m) => m.end <= first).flatMap((m) => m.values.filter((v) => v.fact.kind === 'person').map((v) => v.fact.id)));
    const theirs = all.filter((e) => (e.event.fact.related ?? []).some((id) => people.has(id)));
    if (theirs.length > 0 && theirs.length < all.length) all = theirs;
  }
  const unmatchedDates = dates.filter((d) => !all.some((e) => dateMatches(d, e.event.fact)));
  let unmatchedEvents = all.filter((e) => !dates.some((d) => dateMatches(d, e.event.fact)));
  if (unmatchedDates.length === 1 && unmatchedEvents.length > 1) {
    // Several events and one date: the date is the one event's named right before it ("the NATO summit in The
    // Hague, which opens on 26 June"), with no other event named between them.
    const d = unmatchedDates[0];
    const before = unmatchedEvents.filter((e) => e.at.end > e.at.start && e.at.end <= d.start).sort((a, b) => b.at.end - a.at.end);
    const nearest = before[0];
    if (nearest && d.start - nearest.at.end <= 30 && all.every((e) => e === nearest || e.at.end <= nearest.at.start || e.at.start >= d.end)) unmatchedEvents = [nearest];
  }
  if (unmatchedDates.length !== 1 || unmatchedEvents.length !== 1) return undefined;
  const d = unmatchedDates[0];
  const { event, at } = unmatchedEvents[0];
  if (!plausibleSlip(d, event.fact)) return undefined;
  // The date must be the event's: no "a week before", no "reported on" between them.
  const from = Math.min(at.end, d.end);
  const to = Math.max(at.start, d.start);
  const between = foldText(doc.prose.slice(Math.min(from, to), Math.max(from, to)));
  const lead = foldText(doc.prose.slice(Math.max(s.start, Math.min(at.start, d.start) - 25), Math.min(at.start, d.start)));
  if (RELATIVE.test(between) || RELATIVE.test(lead)) return undefined;
  if (REPORTED.test(foldText(doc.prose.slice(Math.max(s.start, d.start - 50), d.start)))) return undefined;
  if (doc.quoted(d.start)) return undefined;
  const written = doc.prose.slice(d.start, d.end);
  const right = rewriteDate(written, event.fact.date!, d.hasYear);
  const span = event.fact.endDate ? dateRange(event.fact.date!, event.fact.endDate, doc.options.dateStyle) : doc.formatDate(event.fact.date!);
  const sources = [...new Set(event.sources.map((x) => x.source.publisher))].join('; ');
  return withFixes({
    code: 'wrong-event-date',
    start: d.start,
    end: d.end,
    severity: 'warning',
    message: `Wrong date: “${event.fact.label.replace(/\s*\([^()]*\d{4}\)$/, '')}” was on ${span}, not ${written}${sources ? ` (${sources})` : ''}.`,
    data: { factId: event.fact.id, date: event.fact.date },
  }, () => [{ title: `Change to ${right}`, edits: [{ offset: d.start, length: d.end - d.start, text: right }], preferred: true }]);
}

// ------------------------------------------------------------------ roles

/** Words before a role that say it is not meant at the date in question. */
const QUALIFIED = /\b(?:former|ex|then|later|future|outgoing|incoming|acting|previous|erstwhile|one-time|past|new|newly appointed|interim|designate|would-be|soon-to-be|late)[\s\u2010-\u2015-]*$/;
/** Between a name and a role after it: ", the", " (", " is", " remains". */
const NAME_THEN_ROLE = /^(?:\s*[,(]\s*|\s+(?:is|remains|serves as)\s+)(?:(?:the|now|currently|still|also|as|ukraine's|britain's|the uk's|who is)\s+)*$/;
/** After a role that follows a name: a period, not a date in question. */
const PERIOD_AFTER = /^\s*(?:until|till|from|between|since|in|during|at the time|then|before|after)\b/;

interface RoleMention {
  role: IndexedFact;
  person: IndexedFact;
  roleMatch: AliasMatch<IndexedFact>;
  personMatch: AliasMatch<IndexedFact>;
  /** The role written before the name ("Defence Minister Rustem Umerov") or after it ("Umerov, Ukraine's defence minister"). */
  before: boolean;
  /** "Shmyhal has been Minister of Defence since …": a claim that the role still holds at the document's date. */
  stillHeld?: boolean;
}

/** "has been" between a name and a role, with "since" after the role: the role is claimed to hold now. */
const HAS_BEEN = /^\s+(?:has|have)\s+(?:been|served as)\s+(?:the\s+|ukraine's\s+|britain's\s+|the uk's\s+)*$/;
const SINCE_AFTER = /^\s*since\b/;

/** Roles written beside a name among the matches [from, to). */
function roleMentions(doc: ScannedDocument, from: number, to: number): RoleMention[] {
  const out: RoleMention[] = [];
  const ms = doc.matches;
  const kinds = doc.kinds;
  for (let k = from; k + 1 < to; k++) {
    const ka = kinds[k];
    const kb = kinds[k + 1];
    const roleFirst = (ka & KIND_ROLE) !== 0 && (kb & KIND_PERSON) !== 0;
    const personFirst = (ka & KIND_PERSON) !== 0 && (kb & KIND_ROLE) !== 0;
    if (!roleFirst && !personFirst) continue;
    const a = ms[k];
    const b = ms[k + 1];
    if (b.start - a.end > 40) continue;
    const gap = doc.prose.slice(a.end, b.start);
    if (roleFirst && /^[ \t]*\r?\n?[ \t]*$/.test(gap)) {
      const lead = foldText(doc.prose.slice(Math.max(0, a.start - 30), a.start));
      if (!QUALIFIED.test(lead)) {
        for (const role of factsOfKind(a, 'role')) for (const person of factsOfKind(b, 'person')) out.push({ role, person, roleMatch: a, personMatch: b, before: true });
      }
      continue;
    }
    if (!personFirst) continue;
    const spaced = `${/^\s/.test(gap) ? ' ' : ''}${foldText(gap)} `;
    const after = foldText(doc.prose.slice(b.end, b.end + 30));
    if (HAS_BEEN.test(spaced) && SINCE_AFTER.test(after)) {
      for (const role of factsOfKind(b, 'role')) for (const person of factsOfKind(a, 'person')) out.push({ role, person, roleMatch: b, personMatch: a, before: false, stillHeld: true });
      continue;
    }
    if (!NAME_THEN_ROLE.test(spaced)) continue;
    if (PERIOD_AFTER.test(after)) continue;
    // "Umerov, Ukraine's defence minister, said" is an apposition; "According to Umerov, the defence minister will" is not.
    if (/^\s*[,(]/.test(gap) && !/^\s*(?:[,;:.)!?]|[-\u2013\u2014]\s|$)/.test(doc.prose.slice(b.end, b.end + 3))) continue;
    for (const role of factsOfKind(b, 'role')) for (const person of factsOfKind(a, 'person')) out.push({ role, person, roleMatch: b, personMatch: a, before: false });
  }
  return out;
}

/** The date a mention is judged at: the nearest date in its paragraph, else the document's, else today. */
function dateInQuestion(doc: ScannedDocument, offset: number): { first: IsoDate; last: IsoDate; source: FindingData['dateSource']; written?: string } | 'unknown' {
  const para = doc.paragraphAt(offset);
  let best: DateInText | undefined;
  let bestDistance = Infinity;
  for (const d of doc.datesIn(para.start, para.end)) {
    const distance = offset < d.start ? d.start - offset : offset > d.end ? offset - d.end : 0;
    if (distance < bestDistance) {
      best = d;
      bestDistance = distance;
    }
  }
  if (best) {
    // A day whose year the text does not give cannot be judged.
    if (!best.first) return 'unknown';
    return { first: best.first, last: best.last!, source: 'paragraph', written: doc.prose.slice(best.start, best.end) };
  }
  return { first: doc.date.iso, last: doc.date.iso, source: doc.date.source, written: doc.date.written };
}

function period(role: RoleHeld, style: DateStyle): string {
  const from = role.from ? formatDate(role.from, style) : undefined;
  const to = role.to ? formatDate(role.to, style) : undefined;
  if (from && to) return `from ${from} to ${to}`;
  if (from) return `from ${from}`;
  if (to) return `until ${to}`;
  return 'at other dates';
}

/** A role's name to write before a person's name: short, in title case. */
function roleTitle(role: IndexedFact): string {
  if (role.fact.label.length <= 32) return role.fact.label;
  const latin = role.fact.aliases.filter((a) => /^[A-Z][A-Za-z' ]+$/.test(a));
  return latin.sort((a, b) => a.length - b.length)[0] ?? role.fact.label;
}

function* checkRoles(doc: ScannedDocument, on: (code: CheckCode) => boolean): Generator<void, Finding[], void> {
  const out: Finding[] = [];
  const ms = doc.matches;
  for (let i = 0; i < ms.length; ) {
    if ((doc.kinds[i] & (KIND_ROLE | KIND_PERSON)) === 0) {
      i++;
      continue;
    }
    if (doc.pace.tick()) yield;
    // Roles are judged paragraph by paragraph: a name and its role never sit on either side of a blank line.
    const para = doc.paragraphAt(ms[i].start);
    let j = i;
    while (j < ms.length && ms[j].start < para.end) j++;
    const from = i;
    i = j;
    const scan = doc.scans.get(para.start);
    // The paragraph's findings depend on its text, the years of its yearless dates and the document's date.
    const years = doc.datesIn(para.start, para.end).map((d) => (d.hasYear ? '' : (d.first ?? '?'))).join(',');
    const key = `${doc.options.dateStyle}\u0000${doc.date.iso}\u0000${doc.date.source}\u0000${doc.date.written ?? ''}\u0000${years}`;
    if (scan) scan.roles ??= new Map();
    let kept = scan?.roles?.get(key);
    if (!kept) {
      kept = { found: rolesIn(doc, from, j).map((f) => shifted(f, -para.start)) };
      scan?.roles?.set(key, kept);
    }
    // Kept findings are of both role rules; those switched off are left out here.
    for (const f of placedFindings(kept, para.start)) if (on(f.code)) out.push(f);
  }
  return out;
}

function rolesIn(doc: ScannedDocument, from: number, to: number): Finding[] {
  const out: Finding[] = [];
  const style = doc.options.dateStyle;
  for (const m of roleMentions(doc, from, to)) {
    if (doc.quoted(m.roleMatch.start) || doc.quoted(m.personMatch.start)) continue;
    const history = (m.person.fact.roles ?? []).filter((r) => r.role === m.role.fact.id);
    // A role the pack does not record for this person may still be right: the pack is not a biography.
    if (history.length === 0) continue;
    // "has been … since 17 July 2025" claims the role at the document's own date, not at the date after "since".
    const at = m.stillHeld ? { first: doc.date.iso, last: doc.date.iso, source: doc.date.source, written: doc.date.written } : dateInQuestion(doc, Math.min(m.roleMatch.start, m.personMatch.start));
    if (at === 'unknown') continue;
    const written = doc.prose.slice(m.roleMatch.start, m.roleMatch.end);
    // The same person, role and date give the same verdict and words wherever they are written.
    const key = `role\u0000${m.person.fact.id}\u0000${m.role.fact.id}\u0000${at.first}\u0000${at.last}\u0000${at.source}\u0000${m.before}\u0000${m.stillHeld === true}\u0000${written}`;
    const judged = doc.memo(key, () => {
      // An open-ended role holds as of the day it was last checked; after it, the pack cannot say.
      const person = m.person;
      const states = history.map((r) => ({ r, checked: checkedDayOf(r, person.fact, person.pack.pack.meta) }))
        .map((x) => ({ ...x, state: roleStateDuring(x.r, at.first, at.last, x.checked) }));
      if (states.some((x) => x.state === 'held')) return undefined;
      const when = at.first === at.last ? `on ${doc.formatDate(at.first)}` : `in ${at.written ?? doc.formatDate(at.first)}`;
      const whence = at.source === 'paragraph' ? 'the date in this paragraph' : at.source === 'document' ? 'the document’s date' : at.source === 'setting' ? 'the document date setting' : 'today';
      const open = states.find((x) => x.state === 'unconfirmed');
      if (open) {
        return {
          code: 'role-unconfirmed' as const,
          fixes: [],
          message: `${person.fact.label} as ${m.role.fact.label}: last confirmed on ${doc.formatDate(open.checked!)} (held ${period(open.r, style)}); check it still holds ${when} (${whence}).`,
        };
      }
      const held = doc.index.rolesAt(m.person.fact.id, at.first).filter((r) => r.role);
      const fixes: { title: string; text: string; replace: boolean }[] = held.map((r) => {
        const text = m.before ? roleTitle(r.role!) : r.role!.fact.label;
        return { title: `Change to ${text}`, text: doc.escape(text), replace: true };
      });
      const ended = history.every((r) => r.to && compareIso(at.first, isoSpan(r.to)!.last) > 0);
      if (ended) fixes.push({ title: `Change to “former ${written}”`, text: 'former ', replace: false });
      const now = held.length > 0 ? ` ${at.first === at.last ? 'On that date' : 'At that time'}: ${held.map((r) => r.role!.fact.label).join('; ')}.` : '';
      // "has been … since": the period is the writer's; which words should replace it is the writer's call.
      const claim = m.stillHeld ? ' “Has been … since” says the role still holds then.' : '';
      return { code: 'role-not-held' as const, fixes: m.stillHeld ? [] : fixes, message: `${m.person.fact.label} was not ${m.role.fact.label} ${when} (${whence}); held ${history.map((r) => period(r, style)).join(', ')}.${now}${claim}` };
    });
    if (!judged) continue;
    out.push(withFixes({
      code: judged.code,
      start: m.roleMatch.start,
      end: m.roleMatch.end,
      severity: judged.code === 'role-unconfirmed' ? 'info' : 'warning',
      message: judged.message,
      data: { factId: m.role.fact.id, personId: m.person.fact.id, roleId: m.role.fact.id, date: at.first, dateSource: at.source },
    }, () => judged.fixes.map((f, i) => ({
      title: f.title,
      edits: [{ offset: m.roleMatch.start, length: f.replace ? m.roleMatch.end - m.roleMatch.start : 0, text: f.text }],
      preferred: i === 0,
    }))));
  }
  return out;
}

// ------------------------------------------------------------------ spellings

interface SpellingClasses {
  /** Per person: folded word → class id. */
  byWord: Map<IndexedFact, Map<string, number>>;
  /** For each class: folded spelling → how the pack writes it. */
  classes: { person: IndexedFact; forms: Map<string, string> }[];
}

const spellingIndexes = new WeakMap<FactIndex, SpellingClasses>();

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length];
}

/**
 * The spelling variants of each person's names, from their aliases: words
 * in Latin script that differ by a letter or two ("Zelenskyy", "Zelensky",
 * "Zelenskiy"; "Umerov", "Umierov"). Other forms of a name ("Sir Keir") and
 * other scripts are not spellings of it.
 */
function spellingClasses(index: FactIndex): SpellingClasses {
  let sc = spellingIndexes.get(index);
  if (sc) return sc;
  sc = { byWord: new Map(), classes: [] };
  for (const person of index.byKind('person')) {
    const words = new Map<string, string>();
    for (const alias of [person.fact.label, ...person.fact.aliases]) {
      for (const w of alias.match(/[A-Za-z]+/g) ?? []) if (w.length >= 4 && /^[A-Z]/.test(w)) words.set(w.toLowerCase(), w);
    }
    const list = [...words.keys()];
    const parent = list.map((_, i) => i);
    const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i];
        const b = list[j];
        if (a[0] !== b[0] || Math.abs(a.length - b.length) > 2) continue;
        const d = editDistance(a, b);
        if (d <= 2 && d <= Math.max(a.length, b.length) / 3) parent[find(i)] = find(j);
      }
    }
    const groups = new Map<number, string[]>();
    list.forEach((w, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), w]));
    for (const group of groups.values()) {
      if (group.length < 2) continue;
      const id = sc.classes.length;
      sc.classes.push({ person, forms: new Map(group.map((w) => [w, words.get(w)!])) });
      const ids = sc.byWord.get(person) ?? new Map<string, number>();
      for (const w of group) ids.set(w, id);
      sc.byWord.set(person, ids);
    }
  }
  spellingIndexes.set(index, sc);
  return sc;
}

function* checkSpellings(doc: ScannedDocument): Generator<void, Finding[], void> {
  const sc = spellingClasses(doc.index);
  if (sc.classes.length === 0) return [];
  const seen = new Map<number, Map<string, { start: number; end: number; written: string }[]>>();
  for (const [at, scan] of doc.scans) {
    if (scan.names === undefined && doc.pace.tick()) yield;
    scan.names ??= nameWords(scan, doc.prose, at, sc);
    for (const w of scan.names) {
      if (doc.quoted(at + w.match)) continue;
      let forms = seen.get(w.cls);
      if (!forms) seen.set(w.cls, (forms = new Map()));
      let list = forms.get(w.folded);
      if (!list) forms.set(w.folded, (list = []));
      list.push({ start: at + w.start, end: at + w.end, written: w.written });
    }
  }
  yield;
  const out: Finding[] = [];
  for (const [id, forms] of seen) {
    if (forms.size < 2) continue;
    const cls = sc.classes[id];
    const preferred = preferredSpelling(cls, forms, doc.options.spellings);
    const counts = [...forms.values()].map((list) => `${list[0].written} (${list.length}×)`).join(', ');
    const fixFor = (target: string, display: string, isPreferred: boolean): Fix => ({
      title: `Spell every mention “${display}”`,
      edits: [...forms.entries()].filter(([f]) => f !== target).flatMap(([, list]) => list.map((o) => ({ offset: o.start, length: o.end - o.start, text: matchCase(display, o.written) }))),
      preferred: isPreferred,
    });
    const others = [...forms.keys()].filter((f) => f !== preferred.folded);
    let shared: Fix[] | undefined;
    const fixes = (): Fix[] => (shared ??= [fixFor(preferred.folded, preferred.display, true), ...others.map((x) => fixFor(x, forms.get(x)![0].written, false))]);
    const message = `${cls.person.fact.label} is spelled several ways in this document: ${counts}. Keep one spelling: “${preferred.display}”${preferred.fromSetting ? ' (your preferred spelling)' : ''}.`;
    for (const f of others) {
      for (const o of forms.get(f)!) {
        if (doc.pace.tick()) yield;
        out.push(withFixes({
          code: 'inconsistent-spelling',
          start: o.start,
          end: o.end,
          severity: 'info',
          message,
          data: { factId: cls.person.fact.id, personId: cls.person.fact.id, spelling: o.written, preferredSpelling: preferred.display },
        }, fixes));
      }
    }
  }
  return out;
}

/** The words of the names in a paragraph (at `at` in the prose) that belong to a spelling class, in order. */
function nameWords(scan: ParagraphScan, prose: string, at: number, sc: SpellingClasses): NameWord[] {
  const out: NameWord[] = [];
  for (const m of scan.matches) {
    if ((kindsOf(m.values) & KIND_PERSON) === 0) continue;
    for (const p of m.values) {
      const byWord = sc.byWord.get(p);
      if (!byWord) continue;
      // The Latin words of the name as written ("Volodymyr", "Zelensky"), read without a regular expression per mention.
      for (let i = at + m.start; i < at + m.end; ) {
        if (!isAsciiLetter(prose.charCodeAt(i))) {
          i++;
          continue;
        }
        let j = i + 1;
        while (j < at + m.end && isAsciiLetter(prose.charCodeAt(j))) j++;
        const written = prose.slice(i, j);
        const folded = written.toLowerCase();
        const cls = byWord.get(folded);
        if (cls !== undefined) out.push({ match: m.start, start: i - at, end: j - at, cls, written: copyOf(written), folded: copyOf(folded) });
        i = j;
      }
    }
  }
  return out;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function matchCase(display: string, written: string): string {
  if (written === written.toUpperCase() && written !== written.toLowerCase()) return display.toUpperCase();
  return display;
}

function preferredSpelling(
  cls: SpellingClasses['classes'][number], forms: Map<string, { written: string }[]>, spellings: Readonly<Record<string, string>> | undefined,
): { folded: string; display: string; fromSetting: boolean } {
  for (const [from, to] of Object.entries(spellings ?? {})) {
    const f = from.toLowerCase();
    const t = to.toLowerCase();
    if (cls.forms.has(t) && (forms.has(f) || cls.forms.has(f))) return { folded: t, display: to, fromSetting: true };
  }
  const labelWords = new Set((cls.person.fact.label.match(/[A-Za-z]+/g) ?? []).map((w) => w.toLowerCase()));
  const ranked = [...forms.entries()].sort((a, b) => b[1].length - a[1].length || Number(labelWords.has(b[0])) - Number(labelWords.has(a[0])) || a[1][0].written.localeCompare(b[1][0].written));
  const [folded, list] = ranked[0];
  return { folded, display: cls.forms.get(folded) ?? list[0].written, fromSetting: false };
}
