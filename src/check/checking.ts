// What the check decides for a document, apart from scheduling and publishing (diagnostics.ts): whether it is
// checked, with which options, its findings; its quick fixes and a misquote's word diff. Free of `vscode`.
import * as l10n from '@vscode/l10n';
import { CHECK_CODES, checkDocument, type CheckCode, type CheckOptions, type Finding } from '../core/check/checker';
import { formatForLanguage, type TextEdit } from '../core/references/citation';
import type { FactIndex } from '../core/facts/factIndex';
import { checkOptionsFor } from '../core/settings';
import { escapeMarkdown } from '../core/document/text';
import { modelOf } from '../workbench/documents';
import { isSupported, type SettingsSource, type Span, type TextDocumentLike } from '../workbench/textDocument';

/** Documents in these schemes are views of other text (diffs, output), not drafts. */
const IGNORED_SCHEMES = new Set(['git', 'output', 'debug', 'vscode-scm', 'search-editor']);

/** Whether the document is one the check reads: a supported language, a draft (not a diff or output), the check on. */
export function isChecked(document: TextDocumentLike, settings: SettingsSource): boolean {
  return isSupported(document) && !IGNORED_SCHEMES.has(document.uri.scheme) && settings.checkSettings(document).enabled;
}

/** The options a document is checked with: its format and the writer's settings. */
export function checkOptionsOf(document: TextDocumentLike, settings: SettingsSource): CheckOptions {
  return checkOptionsFor(formatForLanguage(document.languageId), settings.settings(document), settings.checkSettings(document));
}

/** The findings of the document's current version, in one go. */
export function findingsOf(document: TextDocumentLike, index: FactIndex, settings: SettingsSource): Finding[] {
  return checkDocument(modelOf(document, settings), index, checkOptionsOf(document, settings));
}

/** A diagnostic as the editor hands it back: its code and where it is now. */
export interface ShownProblem extends Span {
  code: string | number | undefined;
}

export interface QuickFix {
  title: string;
  preferred: boolean;
  /** The finding fixed, by its place among the findings (and so among the diagnostics published with them). */
  finding: number;
  edits: TextEdit[];
}

/**
 * The fixes of the findings behind the check's diagnostics in a request: the
 * finding with the same code and span, or, for a diagnostic from before the
 * last edit, one of the same code where the request is.
 */
export function quickFixesFor(findings: readonly Finding[], diagnostics: readonly ShownProblem[], request: Span): QuickFix[] {
  const fixes: QuickFix[] = [];
  for (const d of diagnostics) {
    if (!CHECK_CODES.includes(d.code as CheckCode)) continue;
    const finding =
      findings.find((f) => f.code === d.code && f.start === d.start && f.end === d.end) ??
      findings.find((f) => f.code === d.code && f.start <= request.end && f.end >= request.start);
    if (!finding) continue;
    for (const fix of finding.fixes) fixes.push({ title: fix.title, preferred: fix.preferred === true, finding: findings.indexOf(finding), edits: fix.edits });
  }
  return fixes;
}

/** The word diff of a misquote at `offset`, and the recorded words, as Markdown beside the problem's own hover. */
export function misquoteCardAt(findings: readonly Finding[], offset: number): { markdown: string; start: number; end: number } | undefined {
  const finding = findings.find((f) => f.data.diff && f.start <= offset && offset <= f.end);
  if (!finding?.data.diff) return undefined;
  const diff = finding.data.diff
    .map((p) => {
      const text = escapeMarkdown(p.text);
      if (p.op === 'delete') return `~~${text}~~`;
      if (p.op === 'insert') return `**${text}**`;
      if (p.op === 'omitted') return '\\[…\\]';
      return text;
    })
    .join(' ');
  let markdown = `**${escapeMarkdown(l10n.t('How this quotation differs from the recorded words'))}** ${escapeMarkdown(l10n.t('(struck through: recorded; bold: written here)'))}\n\n${diff}\n\n`;
  if (finding.data.recorded) markdown += `${escapeMarkdown(l10n.t('Recorded:'))} “${escapeMarkdown(finding.data.recorded)}”`;
  return { markdown, start: finding.start, end: finding.end };
}
