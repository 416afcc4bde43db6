// The document as every rule reads it: its prose, paragraphs, names, dates and quotations, each found once.
import { paragraphBreaks } from '../document/paragraphs';
import { daysInMonth, findDates, formatDate, parseIsoDate, toIso, todayIso } from '../document/dates';
import { documentDate, proseText } from '../document/prose';
import { hasLetterOrDigit } from '../document/text';
import { type AliasMatch } from '../facts/aliasMatcher';
import { type FactIndex, type IndexedFact } from '../facts/factIndex';
import { type DocFormat, type TextEdit, citationEdits, definitionEdit, escapeLatex, formatCitation } from '../references/citation';
import { type IsoDate, type Source } from '../types';
import { CheckCache, type ParagraphScan } from './checkCache';
import { type CheckOptions } from './findings';
import { Pace } from './pace';
import { type Quotation, findQuotations } from './quotations';


export interface DateInText {
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
export function* readDocument(text: string, index: FactIndex, options: CheckOptions, cache: CheckCache, stepChars: number, pace: Pace): Generator<void, ScannedDocument, void> {
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
export const NOTHING_PLACED = { at: -1, matches: [], dates: [] };

/** A paragraph's matches and dates in offsets of the document, for the paragraph starting at `at`. */
export function placedAt(scan: ParagraphScan, at: number): NonNullable<ParagraphScan['placed']> {
  if (scan.placed?.at === at) return scan.placed;
  if (scan.matches.length === 0 && scan.dates.length === 0) return NOTHING_PLACED;
  return (scan.placed = {
    at,
    matches: at === 0 ? scan.matches : scan.matches.map((x) => ({ start: x.start + at, end: x.end + at, alias: x.alias, values: x.values })),
    dates: scan.dates.map((d) => placedDate(d, at)),
  });
}

/** A date found in a paragraph, in offsets of the document; a date without a year takes one later (`resolveYears`). */
export function placedDate(d: ReturnType<typeof findDates>[number], at: number): DateInText {
  // `first` is a full ISO date: read by position, as there are thousands in a draft.
  const month = Number(d.first.slice(5, 7));
  const day = Number(d.first.slice(8, 10));
  if (d.hasYear) return { start: d.start + at, end: d.end + at, first: d.first, last: d.last, month, day: d.hasDay ? day : undefined, hasYear: true, hasDay: d.hasDay };
  return { start: d.start + at, end: d.end + at, month, day, hasYear: false, hasDay: true };
}

/** What every rule reads: the prose, its aliases, dates, quotations and paragraphs, each found once. */
export class ScannedDocument {
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

export function lowerBound(list: readonly { start: number }[], offset: number): number {
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
export function resolveYears(found: DateInText[], breaks: readonly number[], documentDate?: IsoDate): DateInText[] {
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

export function kindOf(entry: IndexedFact): string {
  return entry.fact.kind;
}

export function factsOfKind(match: AliasMatch<IndexedFact>, kind: string): IndexedFact[] {
  return match.values.filter((v) => kindOf(v) === kind);
}
