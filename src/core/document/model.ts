// One document at one version, as every feature reads it: the hover, the
// completion, Insert Citation, the fact check and the facts view. Each part
// (the prose, its paragraphs, the dates, the document's own date, its
// language) is found once, when first asked for, and the date a mention is
// read at comes from one chain: the nearest date in its paragraph, else the
// document's own date, else the date set for the check, else today.

import type { DocFormat } from '../references/citation';
import type { IsoDate } from '../types';
import { findDates, parseIsoDate, todayIso } from './dates';
import { placedDate, resolveYears, type DateInText } from './documentDates';
import { documentLanguage, type DocLanguage, type LanguageSetting } from './language';
import { paragraphBreaks } from './paragraphs';
import { documentDate, proseSteps, proseText } from './prose';
import { lowerBound } from './text';

export interface ModelSettings {
  /** The date set for the check (`agreementCite.check.documentDate`): read when neither a paragraph nor the document names one. */
  documentDate?: IsoDate;
  /** Today; the system date when not given. */
  today?: IsoDate;
}

/** The date the document as a whole speaks of, and where it was read. */
export interface DocumentDay {
  iso: IsoDate;
  source: 'document' | 'setting' | 'today';
  /** As the document writes it (its front matter, `\date{}`). */
  written?: string;
}

/** The date a mention is read at. */
export interface DateInQuestion {
  /** The first and last day the date covers ("in June 2025": the 1st to the 30th). */
  iso: IsoDate;
  last: IsoDate;
  /**
   * Where it came from: the paragraph's own date, the document's, the
   * setting, or the clock; `yearless` where the paragraph's nearest date has
   * no year the text gives ("on 3 March" in a draft with no date): no day can
   * be judged, and the features read today's.
   */
  source: 'paragraph' | 'document' | 'setting' | 'today' | 'yearless';
  /** The date as the text writes it (paragraph, document). */
  written?: string;
}

export class DocumentModel {
  private proseMemo?: string;
  private breaksMemo?: number[];
  private dayMemo?: DocumentDay;
  private datesMemo?: DateInText[];
  private readonly paragraphDates = new Map<number, DateInText[]>();
  private readonly memos = new Map<unknown, unknown>();

  constructor(
    readonly text: string,
    readonly format: DocFormat,
    readonly settings: Readonly<ModelSettings> = {},
  ) {}

  /** The text a reader reads: markup blanked out, every offset where it is in the text. */
  get prose(): string {
    return (this.proseMemo ??= proseText(this.text, this.format));
  }

  /** `prose` found in steps (`proseSteps`) where it has not been found yet: for the first check of a long draft. */
  *proseInSteps(): Generator<void, string, void> {
    return (this.proseMemo ??= yield* proseSteps(this.text, this.format));
  }

  /** Where paragraphs break in the prose: pairs of the start and end of each run of blank lines (`paragraphBreaks`). */
  get breaks(): readonly number[] {
    return (this.breaksMemo ??= paragraphBreaks(this.prose));
  }

  /** The paragraph around an offset: between the blank lines that enclose it. */
  paragraphAt(offset: number): { start: number; end: number } {
    const b = this.breaks;
    // Breaks come in pairs (start of the blank run, end of it); find the last end at or before the offset.
    let lo = 0;
    let hi = b.length / 2 - 1;
    let start = 0;
    let end = this.text.length;
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

  /** The document's own date, else the date set for the check, else today. */
  get day(): DocumentDay {
    if (this.dayMemo) return this.dayMemo;
    const own = documentDate(this.text, this.format);
    const setting = this.settings.documentDate;
    return (this.dayMemo = own
      ? { iso: own.iso, source: 'document', written: own.written }
      : setting && parseIsoDate(setting)?.day !== undefined
        ? { iso: setting, source: 'setting' }
        : { iso: this.settings.today ?? todayIso(), source: 'today' });
  }

  /** Every date in the prose, in order, with the years of those written without one (`resolveYears`). */
  get dates(): readonly DateInText[] {
    if (this.datesMemo) return this.datesMemo;
    const found: DateInText[] = [];
    const b = this.breaks;
    for (let k = 0; k <= b.length; k += 2) {
      const start = k === 0 ? 0 : b[k - 1];
      const end = k < b.length ? b[k] : this.prose.length;
      for (const d of findDates(this.prose.slice(start, end), YEARLESS)) found.push(placedDate(d, start));
    }
    return (this.datesMemo = resolveYears(found, b, this.ownYearSource()));
  }

  /**
   * The dates the fact check found, paragraph by paragraph from its cache:
   * the same dates `dates` would find, kept so that no feature reads them again.
   */
  adoptDates(dates: DateInText[]): void {
    this.datesMemo ??= dates;
  }

  /** The dates of the paragraph starting at `start`, with their years; read alone where the paragraph gives every year. */
  datesOfParagraph(para: { start: number; end: number }): readonly DateInText[] {
    if (this.datesMemo) return datesBetween(this.datesMemo, para.start, para.end);
    let own = this.paragraphDates.get(para.start);
    if (!own) {
      const found = findDates(this.prose.slice(para.start, para.end), YEARLESS).map((d) => placedDate(d, para.start));
      own = resolveYears(found, [], this.ownYearSource());
      // A yearless date in a paragraph with no full date, in a document with no date, takes its year from an earlier paragraph.
      if (own.some((d) => !d.first)) return datesBetween(this.dates, para.start, para.end);
      this.paragraphDates.set(para.start, own);
    }
    return own;
  }

  /**
   * The date a mention at `offset` is read at: the nearest date in its
   * paragraph (the earlier at equal distance), else the document's day.
   */
  dateInQuestionAt(offset: number): DateInQuestion {
    const para = this.paragraphAt(offset);
    let best: DateInText | undefined;
    let bestDistance = Infinity;
    for (const d of this.datesOfParagraph(para)) {
      const distance = offset < d.start ? d.start - offset : offset > d.end ? offset - d.end : 0;
      if (distance < bestDistance) {
        best = d;
        bestDistance = distance;
      }
    }
    const day = this.day;
    if (best) {
      const written = this.prose.slice(best.start, best.end);
      return best.first ? { iso: best.first, last: best.last!, source: 'paragraph', written } : { iso: day.iso, last: day.iso, source: 'yearless', written };
    }
    return { iso: day.iso, last: day.iso, source: day.source, written: day.written };
  }

  /** The language citations are written in: the setting, else what the document declares, else its script. */
  language(setting: LanguageSetting = 'auto'): DocLanguage {
    return this.memo(`language\u0000${setting}`, () => documentLanguage(this.text, this.format, setting));
  }

  /** A value worked out once for this version of the document: every item of a completion list asks the same question of it. */
  memo<T>(key: unknown, make: () => T): T {
    if (this.memos.has(key)) return this.memos.get(key) as T;
    const value = make();
    this.memos.set(key, value);
    return value;
  }

  /** The year a yearless date takes when its paragraph gives none: the document's or the setting's, never the clock's. */
  private ownYearSource(): IsoDate | undefined {
    return this.day.source === 'today' ? undefined : this.day.iso;
  }
}

/** A year with 29 February: a yearless date is read in it, and takes its real year later. */
export const YEARLESS = 2000;

function datesBetween(dates: readonly DateInText[], start: number, end: number): DateInText[] {
  const out: DateInText[] = [];
  for (let i = lowerBound(dates, start); i < dates.length && dates[i].start < end; i++) out.push(dates[i]);
  return out;
}
