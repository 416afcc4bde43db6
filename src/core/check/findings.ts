import * as l10n from '@vscode/l10n';
// What the check reports: its rule codes, findings and their quick fixes (made when first read).
import { type DateStyle, formatDate } from '../document/dates';
import { type FactIndex } from '../facts/factIndex';
import { type CitationOptions, type TextEdit } from '../references/citation';
import { type LanguageSetting } from '../document/language';
import { type IsoDate, type Severity, type Source } from '../types';
import { type DiffPart } from './wordDiff';

/** The checks, by their stable codes: settings, diagnostics and quick fixes name them so. */
export const CHECK_CODES = [
  'misquote',
  'rendering-as-words',
  'wrong-event-date',
  'role-not-held',
  'role-unconfirmed',
  'inconsistent-spelling',
  'unrecorded-quote',
] as const;

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
  /**
   * `agreementCite.language`: a fix that cites a source writes the citation in
   * the language it gives the document (writtenIn.ts), as Insert Citation does.
   */
  languageSetting?: LanguageSetting;
}

/**
 * Edits in document order, with insertions at one place joined into one, in
 * the order given: editors do not promise an order for two insertions at the
 * same position ("(in Euromaidan Press’s rendering)" before its footnote).
 */
export function mergeInsertions(edits: readonly TextEdit[]): TextEdit[] {
  const sorted = edits
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.offset - b.e.offset || a.i - b.i)
    .map((x) => x.e);
  const out: TextEdit[] = [];
  for (const e of sorted) {
    const last = out[out.length - 1];
    if (last && last.length === 0 && e.length === 0 && last.offset === e.offset) out[out.length - 1] = { ...last, text: last.text + e.text };
    else out.push(e);
  }
  return out;
}

/** Fixes whose edits are in order already: findings of one spelling share their fixes. */
export const inOrder = new WeakSet<Fix>();

/**
 * A finding whose fixes are made when first read. A check reports every
 * finding on each pass, but a writer opens the fixes of one at a time, and
 * the fixes (citations, every mention of a spelling) cost more than the rest.
 */
export function withFixes(f: Omit<Finding, 'fixes'>, make: () => Fix[]): Finding {
  return new LazyFinding(f, make);
}

/**
 * The finding `withFixes` makes, its fields copied from the one given. Its fixes are read through a getter its
 * class shares: a getter defined on each finding gave each its own shape
 * (some 550 bytes a finding, which the collector copied while a long draft
 * was checked).
 */
class LazyFinding implements Finding {
  readonly code: CheckCode;
  readonly start: number;
  readonly end: number;
  readonly message: string;
  readonly severity: Severity;
  readonly data: FindingData;
  #make: (() => Fix[]) | undefined;
  #fixes: Fix[] | undefined;

  constructor(f: Omit<Finding, 'fixes'>, make: () => Fix[]) {
    this.code = f.code;
    this.start = f.start;
    this.end = f.end;
    this.message = f.message;
    this.severity = f.severity;
    this.data = f.data;
    this.#make = make;
  }

  get fixes(): Fix[] {
    if (this.#fixes === undefined) {
      this.#fixes = this.#make!().map((fix) => {
        if (!inOrder.has(fix)) {
          fix.edits = mergeInsertions(fix.edits);
          inOrder.add(fix);
        }
        return fix;
      });
      this.#make = undefined;
    }
    return this.#fixes;
  }
}

export function publisherOf(index: FactIndex, citations: readonly { source: string }[]): Source | undefined {
  for (const c of citations) {
    const s = index.source(c.source);
    if (s) return s.source;
  }
  return undefined;
}

export function describeSourceShort(source: Source | undefined, style: DateStyle): string {
  if (!source) return 'its source';
  return source.date ? `${source.publisher}, ${formatDate(source.date, style)}` : source.publisher;
}

/**
 * Fixes that replace [start, end) with each text in turn, the first
 * preferred: "Change to 24 June 2025". Made here, not where a rule judged, so
 * that a finding kept across checks keeps nothing of the check that found it.
 */
export function changeTo(start: number, end: number, texts: readonly string[]): () => Fix[] {
  return () =>
    texts.map((text, i) => ({
      title: l10n.t('Change to {0}', text),
      edits: [{ offset: start, length: end - start, text }],
      ...(i === 0 ? { preferred: true } : {}),
    }));
}

/** A finding moved by `delta` characters, its fixes with it. */
export function shifted(f: Finding, delta: number): Finding {
  return withFixes({ code: f.code, start: f.start + delta, end: f.end + delta, message: f.message, severity: f.severity, data: f.data }, () =>
    f.fixes.map((x) => ({ ...x, edits: x.edits.map((e) => ({ ...e, offset: e.offset + delta })) })),
  );
}
