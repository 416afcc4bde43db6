import fs from 'node:fs';
import { checkDocument, type CheckOptions, type Finding } from '../core/check/checker';
import { formatForLanguage } from '../core/references/citation';
import type { FactIndex } from '../core/facts/factIndex';
import { checkOptionsFor } from '../core/settings';
import { LineIndex } from '../core/document/text';
import type { Target } from './files';
import { applySafeFixes, unifiedDiff } from './fix';
import { readDocument } from './read';
import type { FileReport, Item } from './report';
import { settingsFor, type Overrides, type WorkspaceSettings } from './settings';

/** How every file of a run is checked: the same in the main thread and in a worker. */
export interface CheckPlan {
  workspace: WorkspaceSettings;
  overrides: Overrides;
  today: string;
  maxBytes: number;
  mode: 'check' | 'fix' | 'dry-run';
  /** The fixes' titles in each finding (the JSON output lists them; working them out costs). */
  withFixes: boolean;
}

/** A file's outcome: its report, the fixes made (or that would be) as lines, the patch of a dry run. */
export interface FileResult {
  report: FileReport;
  fixes: string[];
  patch?: string;
}

function items(text: string, findings: readonly Finding[], withFixes: boolean): Item[] {
  if (findings.length === 0) return [];
  const lines = new LineIndex(text);
  return findings.map((f) => ({
    code: f.code,
    severity: f.severity,
    message: f.message,
    range: lines.rangeOf(f.start, f.end),
    ...(withFixes ? { fixes: f.fixes.map((x) => x.title) } : {}),
  }));
}

const optionsByPlan = new WeakMap<CheckPlan, Map<string, CheckOptions>>();

/** The options of a language's drafts, worked out once per run. */
function optionsFor(plan: CheckPlan, language: string): CheckOptions {
  let byLanguage = optionsByPlan.get(plan);
  if (!byLanguage) optionsByPlan.set(plan, (byLanguage = new Map()));
  let options = byLanguage.get(language);
  if (!options) {
    const { settings, check } = settingsFor(plan.workspace, language, plan.overrides);
    byLanguage.set(language, (options = checkOptionsFor(formatForLanguage(language), settings, check, plan.today)));
  }
  return options;
}

/** Reads one draft, checks it with the options the editor would use for it and, with --fix, writes its fixes. */
export function checkFile(target: Target, index: FactIndex, plan: CheckPlan): FileResult {
  const read = readDocument(target.path, plan.maxBytes);
  if (!read.ok) return { report: { display: target.display, items: [], notChecked: { code: read.code, message: read.message } }, fixes: [] };
  const options = optionsFor(plan, target.language);
  if (plan.mode === 'check')
    return { report: { display: target.display, items: items(read.text, checkDocument(read.text, index, options), plan.withFixes) }, fixes: [] };
  const fixed = applySafeFixes(read.text, index, options);
  const fixes = fixed.applied.map((f) => {
    const at = new LineIndex(f.text).positionAt(f.offset);
    return `${target.display}:${at.line + 1}:${at.character + 1}: ${plan.mode === 'fix' ? 'fixed' : 'would fix'} ${f.code}: ${f.title}`;
  });
  if (plan.mode === 'dry-run') {
    // Nothing is written: the findings are those of the file as it is.
    return {
      report: { display: target.display, items: items(read.text, checkDocument(read.text, index, options), plan.withFixes) },
      fixes,
      patch: fixed.applied.length > 0 ? unifiedDiff(target.display, read.text, fixed.text) : undefined,
    };
  }
  if (fixed.applied.length > 0) {
    try {
      fs.writeFileSync(target.path, (read.bom ? '\uFEFF' : '') + fixed.text);
    } catch (e) {
      return {
        report: {
          display: target.display,
          items: [],
          notChecked: {
            code: 'unwritable',
            message: `the fixes could not be written (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); the file is unchanged`,
          },
        },
        fixes: [],
      };
    }
  }
  return { report: { display: target.display, items: items(fixed.text, fixed.remaining, plan.withFixes) }, fixes };
}
