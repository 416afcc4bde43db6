// What earlier checks read, kept per fact base: each paragraph's names and dates by its text, and values by key.
import { findDates } from '../document/dates';
import { type AliasEntry, type PackedMatches } from '../facts/aliasMatcher';
import { derivedValue, type FactIndex, type IndexedFact } from '../facts/factIndex';
import { type Finding, type Fix, shifted, withFixes } from './findings';
import { type Quotation } from './quotations';
import { type DateInText, placedDate } from '../document/documentDates';
import { type ScannedDocument } from './scannedDocument';

/**
 * A string that does not keep the text it was cut from: a key kept across
 * checks must not keep each version of a 1 MB draft alive.
 */
export function copyOf(text: string): string {
  return ` ${text}`.slice(1);
}

/**
 * What the check read in one paragraph: its names and dates, in offsets of
 * the document for the paragraph starting at `at` (where it stood when they
 * were last placed). A paragraph before the writer's edit has not moved and
 * is used as it is; one that moved is placed again (`placedAt`). Read once, a
 * paragraph's matches are made in place, never copied: a first check of a
 * long draft keeps each of its names and dates once.
 */
export interface ParagraphScan {
  at: number;
  matches: PackedMatches<IndexedFact>;
  dates: DateInText[];
  /** Wrong event dates found in it, by the date style and the years its yearless dates took. */
  events?: Kept<KeptFindings>;
  /** Wrong dates read from its relative dates ("on Monday"), by the same. */
  relative?: Kept<KeptFindings>;
  /** Roles not held, by the dates they were judged against. */
  roles?: Kept<KeptFindings>;
  /** Verdicts on the quotations in it, by what they depend on outside its text (`quotationContext`). */
  quotes?: Kept<QuoteFinding[]>;
  /** The words of people's names in it that have several spellings, read when first needed; in offsets of the paragraph. */
  names?: NameWord[];
  /** Its text: a slice of the prose of the last check that read it, not a copy. */
  text: string;
  /** The last check that used it (`CheckCache.sweep`). */
  used: number;
  /** The next paragraph whose text has the same hash. */
  next: ParagraphScan | undefined;
}

/**
 * What a rule found in a paragraph, and the key of what that depended on
 * outside the paragraph's text (the date style, the years of its yearless
 * dates); found again when the key changes. One per rule and paragraph: a
 * map each would make a first check of a long draft keep thousands of maps.
 */
export interface Kept<T> {
  key: string;
  value: T;
}

/** The kept value, where it was found under the same key. */
export function keptUnder<T>(kept: Kept<T> | undefined, key: string): T | undefined {
  return kept?.key === key ? kept.value : undefined;
}

/**
 * A paragraph's findings, in offsets of the document for the paragraph
 * starting at `at`, where they were found; and their copies for where the
 * paragraph stands now, once it has moved. Copies are made from the findings
 * as found, never from other copies: each keeps its fixes' maker, and a copy
 * of a copy would keep every earlier copy.
 */
export interface KeptFindings {
  at: number;
  findings: Finding[];
  placed?: { at: number; findings: Finding[] };
}

/** What a paragraph with nothing found keeps, wherever it stands. */
const NO_FINDINGS: KeptFindings = Object.freeze({ at: -1, findings: Object.freeze([]) as unknown as Finding[] });

/** The kept findings in offsets of the document, for the paragraph starting at `at`. */
export function placedFindings(kept: KeptFindings, at: number): Finding[] {
  if (kept.at === at || kept.findings.length === 0) return kept.findings;
  if (kept.placed?.at !== at) kept.placed = { at, findings: kept.findings.map((f) => shifted(f, at - kept.at)) };
  return kept.placed.findings;
}

/**
 * A finding on a quotation, without its fixes: those cite sources with a
 * footnote whose number and definition depend on the whole document, so they
 * are made for the check that reports the finding, from the quotation where
 * it stands then.
 */
export interface QuoteFinding {
  finding: Omit<Finding, 'fixes'>;
  q: Quotation;
  fixes: (doc: ScannedDocument, q: Quotation) => Fix[];
}

/** A quotation finding moved by `delta` characters; its fixes are made for `doc` when first read. */
export function placedQuoteFinding(doc: ScannedDocument, k: QuoteFinding, delta: number): Finding {
  const f = k.finding;
  if (delta === 0) return withFixes(f, () => k.fixes(doc, k.q));
  const q = { start: k.q.start + delta, end: k.q.end + delta, innerStart: k.q.innerStart + delta, innerEnd: k.q.innerEnd + delta, block: k.q.block };
  return withFixes({ code: f.code, start: f.start + delta, end: f.end + delta, message: f.message, severity: f.severity, data: f.data }, () => k.fixes(doc, q));
}

/** A word of a person's name, in a paragraph, whose spelling class is known; offsets in the paragraph. */
export interface NameWord {
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
export class CheckCache {
  /** Paragraphs by the hash of their text (`textHash`), those of one hash chained. */
  private readonly paragraphs = new Map<number, ParagraphScan>();
  private readonly values = shards<{ value: unknown; used: number }>();
  private generation = 0;

  /** The index's cache, for one more check: what this check does not use is dropped a few checks later. */
  static of(index: FactIndex): CheckCache {
    const cache = index.derived(CHECK_CACHE);
    cache.generation++;
    return cache;
  }

  constructor(private readonly index: FactIndex) {}

  /**
   * The names and dates of the paragraph [start, end) of the prose, found by
   * its text, placed where it stands; `reading` is told when it is not found
   * here and is read.
   */
  paragraph(prose: string, start: number, end: number, reading?: () => void): ParagraphScan {
    const hash = textHash(prose, start, end);
    const head = this.paragraphs.get(hash);
    let scan = head;
    while (scan !== undefined && !(scan.text.length === end - start && prose.startsWith(scan.text, start))) scan = scan.next;
    const text = prose.slice(start, end);
    if (scan === undefined) {
      reading?.();
      // Found into one array kept for the purpose, then copied at their size: an array grown a push at a time has room for half as many again.
      const found = this.index.findAllPacked(text, start, this.found, kindsOfEntry);
      const matches = found.length === 0 ? NO_MATCHES : found.slice();
      found.length = 0;
      const inText = findDates(text, LEAP_YEAR);
      const dates: DateInText[] = inText.length === 0 ? NO_DATES : new Array(inText.length);
      for (let i = 0; i < inText.length; i++) dates[i] = placedDate(inText[i], start);
      // Every field named from the start: one added later gives each paragraph a second block of fields, and a copy of it when it grows.
      scan = {
        at: start,
        matches,
        dates,
        events: undefined,
        relative: undefined,
        roles: undefined,
        quotes: undefined,
        names: undefined,
        text,
        used: this.generation,
        next: head,
      };
      this.paragraphs.set(hash, scan);
    }
    // The text is kept as a slice of the latest prose it was found in: no copy of it is made, and an earlier
    // version of the document is kept only by paragraphs it no longer has, until they are swept.
    scan.text = text;
    scan.used = this.generation;
    return placedAt(scan, start);
  }

  private readonly strings = new Map<string, string>();

  private readonly found: PackedMatches<IndexedFact> = [];

  /**
   * One copy of a string kept across checks (a key of what a verdict
   * depended on, a name as written): thousands of paragraphs share a few.
   */
  intern(text: string): string {
    let kept = this.strings.get(text);
    if (kept === undefined) {
      if (this.strings.size >= 50_000) this.strings.clear();
      kept = copyOf(text);
      this.strings.set(kept, kept);
    }
    return kept;
  }

  private readonly nothingFound = new Map<string, Kept<KeptFindings>>();

  private readonly noQuoteFindings = new Map<string, Kept<QuoteFinding[]>>();

  /**
   * A paragraph's findings kept under `key`, in offsets of the document for
   * the paragraph starting at `at`. Most paragraphs have none: those share
   * one object per key.
   */
  keepFindings(key: string, at: number, findings: Finding[]): Kept<KeptFindings> {
    if (findings.length > 0) return { key: this.intern(key), value: { at, findings } };
    return shared(this.nothingFound, this.intern(key), NO_FINDINGS);
  }

  /** The verdicts on a paragraph's quotations kept under `key`; as above, one object per key where none was found. */
  keepQuotes(key: string, found: QuoteFinding[]): Kept<QuoteFinding[]> {
    if (found.length > 0) return { key: this.intern(key), value: found };
    return shared(this.noQuoteFindings, this.intern(key), NO_QUOTE_FINDINGS);
  }

  /** A value computed from `key` alone, kept while checks keep asking for it. */
  get<T>(key: string, compute: () => T): T {
    return this.kept(this.values, key, compute) as T;
  }

  private kept<T>(maps: Shards<{ value: T; used: number }>, key: string, compute: () => T): T {
    const map = maps[key.length & (SHARDS - 1)];
    let entry = map.get(key);
    if (!entry) {
      entry = { value: compute(), used: this.generation };
      map.set(copyOf(key), entry);
    }
    entry.used = this.generation;
    return entry.value;
  }

  /**
   * Drops what the last checks did not use, every few checks or once there is
   * enough of it to matter: a paragraph a writer changed keeps the prose of
   * the version it was read in until then.
   */
  sweep(): void {
    if (this.paragraphs.size + this.values.reduce((n, m) => n + m.size, 0) < 20_000 && this.generation % 4 !== 0) return;
    const keep = this.generation - 3;
    for (const map of this.values) for (const [k, v] of map) if (v.used < keep) map.delete(k);
    for (const [hash, head] of this.paragraphs) {
      let first: ParagraphScan | undefined;
      let last: ParagraphScan | undefined;
      for (let scan: ParagraphScan | undefined = head; scan !== undefined; scan = scan.next) {
        if (scan.used < keep) continue;
        if (last) last.next = scan;
        else first = scan;
        last = scan;
      }
      if (last) last.next = undefined;
      if (first === undefined) this.paragraphs.delete(hash);
      else if (first !== head) this.paragraphs.set(hash, first);
    }
  }
}

/** The FNV-1a hash of [start, end) of a text, as a small integer: read without slicing the text. */
export function textHash(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h & 0x3fffffff;
}

/**
 * Entries are kept in several maps by their key's length: a map that grows
 * copies all its entries at once, and a first check of a long draft adds
 * thousands, so each copy stays a fraction of a check's step.
 */
const SHARDS = 16;

type Shards<T> = Map<string, T>[];

function shards<T>(): Shards<T> {
  return Array.from({ length: SHARDS }, () => new Map());
}

export const KIND_ROLE = 1;

export const KIND_PERSON = 2;

export const KIND_EVENT = 4;

export const KIND_AGREEMENT = 8;

export const KIND_BITS: Record<string, number> = { role: KIND_ROLE, person: KIND_PERSON, event: KIND_EVENT, agreement: KIND_AGREEMENT };

/** The KIND_* bits of the facts an alias names, once per alias: a draft names the same few people on every line. */
export const kindCache = new WeakMap<readonly IndexedFact[], number>();

/** The KIND_* bits of what an alias names, the tag of each match a check keeps (`PackedMatches`). */
export const kindsOfEntry = (entry: AliasEntry<IndexedFact>): number => kindsOf(entry.values);

export function kindsOf(values: readonly IndexedFact[]): number {
  let k = kindCache.get(values);
  if (k === undefined) {
    k = 0;
    for (const v of values) k |= KIND_BITS[v.fact.kind] ?? 0;
    kindCache.set(values, k);
  }
  return k;
}

/** The scan's matches and dates placed for the paragraph starting at `at`: moved only when the paragraph has moved. */
export function placedAt(scan: ParagraphScan, at: number): ParagraphScan {
  if (scan.at === at) return scan;
  const delta = at - scan.at;
  scan.at = at;
  if (scan.matches.length > 0) scan.matches = scan.matches.map((x, i) => ((i & 3) < 2 ? (x as number) + delta : x));
  if (scan.dates.length > 0) scan.dates = scan.dates.map((d) => movedDate(d, delta));
  return scan;
}

function shared<T>(map: Map<string, Kept<T>>, key: string, nothing: T): Kept<T> {
  let kept = map.get(key);
  if (kept === undefined) {
    if (map.size >= 10_000) map.clear();
    map.set(key, (kept = Object.freeze({ key, value: nothing })));
  }
  return kept;
}

const NO_QUOTE_FINDINGS = Object.freeze([]) as unknown as QuoteFinding[];

function movedDate(d: DateInText, delta: number): DateInText {
  return { start: d.start + delta, end: d.end + delta, first: d.first, last: d.last, month: d.month, day: d.day, hasYear: d.hasYear, hasDay: d.hasDay };
}

/** A paragraph without names or dates shares these: a long draft has thousands. */
const NO_MATCHES = Object.freeze([]) as unknown as PackedMatches<IndexedFact>;
const NO_DATES = Object.freeze([]) as unknown as DateInText[];

/** Placeholder year for dates written without one: a leap year, so 29 February is read. */
export const LEAP_YEAR = 2000;

const CHECK_CACHE = derivedValue('check: cache', (index) => new CheckCache(index));
