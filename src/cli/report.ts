import type { Range, Severity } from '../core/types';

/** One finding or pack problem, located in editor positions (zero-based, UTF-16 columns). */
export interface Item {
  code: string;
  severity: Severity;
  message: string;
  range: Range;
  /** The titles of its fixes, as the editor's quick fixes offer them. */
  fixes?: string[];
}

/** What became of one file. */
export interface FileReport {
  /** The path as printed: relative to the working folder where it is inside it. */
  display: string;
  items: Item[];
  /** Why the file was not checked (unreadable, binary, too large, not UTF-8). */
  notChecked?: { code: string; message: string };
}

export interface Summary {
  files: number;
  notChecked: number;
  counts: Record<Severity, number>;
}

/** Prints a run's results: `file` as each file is done (text formats print then), `end` once. */
export interface Reporter {
  file(report: FileReport): void;
  end(summary: Summary): void;
}

export const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

export function emptySummary(): Summary {
  return { files: 0, notChecked: 0, counts: { error: 0, warning: 0, info: 0 } };
}

export function count(summary: Summary, report: FileReport): void {
  summary.files++;
  if (report.notChecked) summary.notChecked++;
  for (const i of report.items) summary.counts[i.severity]++;
}
