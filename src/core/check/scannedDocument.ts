// The document as every rule reads it: its prose, paragraphs, names, dates and quotations, each found once.
import { formatDate } from '../document/dates';
import { resolveYears, type DateInText } from '../document/documentDates';
import { DocumentModel, type DocumentDay } from '../document/model';
import { hasLetterOrDigit, lowerBound } from '../document/text';
import { writtenIn } from '../document/writtenIn';
import { type AliasMatch } from '../facts/aliasMatcher';
import { type FactIndex, type IndexedFact } from '../facts/factIndex';
import { type CitationOptions, type DocFormat, type TextEdit, citationEdits, definitionEdit, escapeLatex, formatCitation } from '../references/citation';
import { type IsoDate, type Source } from '../types';
import { CheckCache, type ParagraphScan } from './checkCache';
import { DocumentMatches } from './documentMatches';
import { type CheckOptions } from './findings';
import { Pace } from './pace';
import { type Quotation, quotationSteps } from './quotations';

/**
 * Reads a document for the rules: its prose, and the names and dates of each
 * paragraph. A paragraph the writer did not touch since the last check is
 * found in the cache, not read again; yields after reading about
 * `stepChars` characters.
 */
export function* readDocument(
  model: DocumentModel,
  index: FactIndex,
  options: CheckOptions,
  cache: CheckCache,
  stepChars: number,
  pace: Pace,
): Generator<void, ScannedDocument, void> {
  const long = model.text.length > stepChars;
  const prose = yield* model.proseInSteps();
  if (long) yield;
  const breaks = model.breaks;
  if (long) yield;
  // A paragraph of prose names something every 60 characters or so.
  const matches = new DocumentMatches(Math.ceil(prose.length / 48));
  const dates: DateInText[] = [];
  const scans = new Map<number, ParagraphScan>();
  let read = 0;
  for (let k = 0; k <= breaks.length; k += 2) {
    const start = k === 0 ? 0 : breaks[k - 1];
    const end = k < breaks.length ? breaks[k] : prose.length;
    // Without a letter or a digit, a paragraph names nothing and dates nothing (a run of blank lines, a rule).
    if (!hasLetterOrDigit(prose, start, end)) continue;
    const scan = cache.paragraph(prose, start, end, () => {
      read += end - start;
    });
    scans.set(start, scan);
    matches.add(scan.matches);
    for (const d of scan.dates) dates.push(d);
    if (read >= stepChars) {
      read = 0;
      pace.reset();
      yield;
    } else if (pace.tick()) yield;
  }
  if (long) yield;
  const quotations = yield* quotationSteps(prose, options.format);
  if (long) yield;
  pace.reset();
  const doc = new ScannedDocument(model, index, options, cache, pace, { matches, dates, scans, quotations });
  if (long) yield;
  return doc;
}

/** What every rule reads: the prose, its aliases, dates, quotations and paragraphs, each found once. */
export class ScannedDocument {
  readonly format: DocFormat;
  readonly prose: string;
  /** Its alias matches, in order (`within` a span, `hasKind` of fact there). */
  readonly matches: DocumentMatches;
  readonly dates: DateInText[];
  readonly quotations: Quotation[];
  /** What was read in each paragraph, by the paragraph's start. */
  readonly scans: Map<number, ParagraphScan>;
  readonly text: string;
  readonly date: DocumentDay;

  constructor(
    readonly model: DocumentModel,
    readonly index: FactIndex,
    readonly options: CheckOptions,
    readonly cache: CheckCache,
    readonly pace: Pace,
    read: { matches: DocumentMatches; dates: DateInText[]; scans: Map<number, ParagraphScan>; quotations: Quotation[] },
  ) {
    this.text = model.text;
    this.format = options.format;
    this.prose = model.prose;
    this.matches = read.matches;
    this.scans = read.scans;
    this.quotations = read.quotations;
    this.date = model.day;
    this.dates = resolveYears(read.dates, model.breaks, this.date.source === 'today' ? undefined : this.date.iso);
    model.adoptDates(this.dates);
  }

  /** The paragraph around an offset: between the blank lines that enclose it. */
  paragraphAt(offset: number): { start: number; end: number } {
    return this.model.paragraphAt(offset);
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
      for (let i = ms.from(a); i < ms.count && ms.starts[i] === a && !v; i++) {
        if (ms.ends[i] === b && ms.entries[i].values.some((x) => x.fact.kind !== 'quote' && x.fact.kind !== 'figure')) v = true;
      }
      this.names.set(q.start, v);
    }
    return v;
  }

  private readonly memos = new Map<string, unknown>();

  private readonly paragraphMemos = new Map<string, Map<number, unknown>>();

  /** A value computed once per check for the paragraph starting at `start`, without a key string per question. */
  perParagraph<T>(kind: string, start: number, make: () => T): T {
    let byStart = this.paragraphMemos.get(kind) as Map<number, T> | undefined;
    if (!byStart) this.paragraphMemos.set(kind, (byStart = new Map()));
    let v = byStart.get(start);
    if (v === undefined) byStart.set(start, (v = make()));
    return v;
  }

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

  private citing?: CitationOptions;

  /** How a fix's citation is written: in the document's language and date style, as Insert Citation writes it there. */
  get citationOptions(): CitationOptions {
    return (this.citing ??= writtenIn(this.model, this.options.style, this.options.dateStyle, this.options.languageSetting));
  }

  /** The edits that cite sources right after `after`, with the footnote definition they need. */
  citation(sources: readonly Source[], after: number): TextEdit[] {
    const key = sources.map((s) => s.id).join('\u0000');
    let c = this.citations.get(key);
    if (!c) {
      const parts = formatCitation(sources, this.citationOptions, this.model);
      c = { parts, definition: definitionEdit(this.model, parts.definitions) };
      this.citations.set(key, c);
    }
    const probe = c.parts.inline.trimStart();
    // A citation the writer already has right after the quotation is kept as it is.
    if (
      probe !== '' &&
      this.text
        .slice(after, after + probe.length + 1)
        .trimStart()
        .startsWith(probe)
    )
      return [];
    const insertion: TextEdit = { offset: after, length: 0, text: c.parts.inline };
    if (after === this.text.length) return citationEdits(this.model, [insertion], c.parts.definitions);
    return c.definition ? [insertion, c.definition] : [insertion];
  }

  escape(text: string): string {
    if (this.format === 'latex') return escapeLatex(text);
    if (this.format === 'html') return text.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!);
    return text;
  }
}

export function kindOf(entry: IndexedFact): string {
  return entry.fact.kind;
}

export function factsOfKind(match: AliasMatch<IndexedFact>, kind: string): IndexedFact[] {
  return match.values.filter((v) => kindOf(v) === kind);
}
