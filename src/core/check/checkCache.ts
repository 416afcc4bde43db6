// What earlier checks read, kept per fact base: each paragraph's names and dates by its text, and values by key.
import { findDates } from '../document/dates';
import { type AliasMatch } from '../facts/aliasMatcher';
import { derivedValue, type FactIndex, type IndexedFact } from '../facts/factIndex';
import { type Finding, type Fix, shifted, withFixes } from './findings';
import { type Quotation } from './quotations';
import { type DateInText } from '../document/documentDates';
import { type ScannedDocument } from './scannedDocument';

/**
 * A string that does not keep the text it was cut from: a key kept across
 * checks must not keep each version of a 1 MB draft alive.
 */
export function copyOf(text: string): string {
  return ` ${text}`.slice(1);
}

/** What the check read in one paragraph, in offsets of the paragraph. */
export interface ParagraphScan {
  matches: AliasMatch<IndexedFact>[];
  dates: ReturnType<typeof findDates>;
  /** The KIND_* bits of each match (small numbers in a plain array: a typed array per paragraph costs ten times its bytes). */
  kinds: number[];
  /**
   * The matches and dates in offsets of the document, for the paragraph
   * starting at `at`: a paragraph before the writer's edit has not moved,
   * and its copies are used again rather than made on every check.
   */
  placed?: { at: number; matches: AliasMatch<IndexedFact>[]; dates: DateInText[] };
  /** Wrong event dates found in it, by the date style and the years its yearless dates took. */
  events?: Kept<KeptFindings>;
  /** Wrong dates read from its relative dates ("on Monday"), by the same. */
  relative?: Kept<KeptFindings>;
  /** Roles not held, by the dates they were judged against. */
  roles?: Kept<KeptFindings>;
  /** Verdicts on the quotations in it, by what they depend on outside its text (`quotationContext`). */
  quotes?: Kept<QuoteFinding[]>;
  /** The words of people's names in it that have several spellings, read when first needed. */
  names?: NameWord[];
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

/** A paragraph's findings in its own offsets, and their copies for where the paragraph last stood. */
export interface KeptFindings {
  found: Finding[];
  placed?: { at: number; findings: Finding[] };
}

/** The kept findings in offsets of the document, for the paragraph starting at `at`. */
export function placedFindings(kept: KeptFindings, at: number): Finding[] {
  if (kept.placed?.at !== at) kept.placed = { at, findings: kept.found.map((f) => shifted(f, at)) };
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
  if (delta === 0) return withFixes({ ...f }, () => k.fixes(doc, k.q));
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
  private readonly paragraphs = shards<ParagraphScan>();
  private readonly values = shards<unknown>();
  private generation = 0;

  /** The index's cache, for one more check: what this check does not use is dropped a few checks later. */
  static of(index: FactIndex): CheckCache {
    const cache = index.derived(CHECK_CACHE);
    cache.generation++;
    return cache;
  }

  constructor(private readonly index: FactIndex) {}

  /** The names and dates of a paragraph, by its text; `reading` is told when it is not found here and is read. */
  paragraph(text: string, reading?: () => void): ParagraphScan {
    return this.kept(this.paragraphs, text, () => {
      reading?.();
      const matches = this.index.findAll(text);
      const kinds: number[] = [];
      for (let i = 0; i < matches.length; i++) kinds.push(kindsOf(matches[i].values));
      return { matches, kinds, dates: findDates(text, LEAP_YEAR) };
    });
  }

  /** A value computed from `key` alone, kept while checks keep asking for it. */
  get<T>(key: string, compute: () => T): T {
    return this.kept(this.values, key, compute) as T;
  }

  private kept<T>(maps: Shards<T>, key: string, compute: () => T): T {
    const map = maps[key.length & (SHARDS - 1)];
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
    const maps: Map<string, { used: number }>[] = [...this.paragraphs, ...this.values];
    if (maps.reduce((n, m) => n + m.size, 0) < 20_000 && this.generation % 8 !== 0) return;
    const keep = this.generation - 3;
    for (const map of maps) for (const [k, v] of map) if (v.used < keep) map.delete(k);
  }
}

/**
 * Entries are kept in several maps by their key's length: a map that grows
 * copies all its entries at once, and a first check of a long draft adds
 * thousands, so each copy stays a fraction of a check's step.
 */
const SHARDS = 16;

type Shards<T> = Map<string, { value: T; used: number }>[];

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

export function kindsOf(values: readonly IndexedFact[]): number {
  let k = kindCache.get(values);
  if (k === undefined) {
    k = 0;
    for (const v of values) k |= KIND_BITS[v.fact.kind] ?? 0;
    kindCache.set(values, k);
  }
  return k;
}

/** Placeholder year for dates written without one: a leap year, so 29 February is read. */
export const LEAP_YEAR = 2000;

const CHECK_CACHE = derivedValue('check: cache', (index) => new CheckCache(index));
