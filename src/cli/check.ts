import fs from 'node:fs';
import { checkDocument, type Finding } from '../core/checker';
import { formatForLanguage } from '../core/citation';
import { todayIso } from '../core/dates';
import { checkOptionsFor } from '../core/settings';
import { LineIndex } from '../core/text';
import type { CheckArgs } from './args';
import { factBaseFor, type Io } from './context';
import { EXIT, CliError } from './errors';
import { expandTargets, type Target } from './files';
import { applySafeFixes, unifiedDiff } from './fix';
import { JsonReporter, SarifReporter } from './formatJson';
import { GithubReporter, TextReporter } from './formatText';
import { readDocument } from './read';
import { count, emptySummary, SEVERITY_RANK, type FileReport, type Item, type Reporter } from './report';
import { readWorkspaceSettings, settingsFor } from './settings';

/** The reporter of an output format; `packs` for pack problems, whose rules are the problems' codes. */
export function reporterFor(format: CheckArgs['format'], io: Io, packs?: { codes: readonly string[] }): Reporter {
  switch (format) {
    case 'json': return new JsonReporter(io.stdout, io.version);
    case 'sarif': return new SarifReporter(io.stdout, io.version, io.cwd, packs?.codes);
    case 'github': return new GithubReporter(io.stdout);
    default: return new TextReporter(io.stdout, io.colour, packs ? { item: 'problem', file: 'pack' } : undefined);
  }
}

function items(text: string, findings: readonly Finding[], withFixes: boolean): Item[] {
  if (findings.length === 0) return [];
  const lines = new LineIndex(text);
  return findings.map((f) => ({
    code: f.code,
    severity: f.severity,
    message: f.message,
    range: lines.rangeOf(f.start, f.end),
    // Fixes are worked out when asked for; only the JSON output lists them.
    ...(withFixes ? { fixes: f.fixes.map((x) => x.title) } : {}),
  }));
}

/**
 * `agreement-cite check`: each draft read, checked with the core checker and
 * the options the editor would use for it, and reported, one at a time.
 */
export async function runCheck(a: CheckArgs, io: Io): Promise<number> {
  const workspace = readWorkspaceSettings(io.cwd);
  const { files, skipped } = expandTargets(a.targets, io.cwd);
  if (skipped.length > 0) io.stderr(`Not checked, not a draft format (by extension): ${skipped.join(', ')}\n`);
  if (files.length === 0) throw new CliError('No draft to check: the arguments name only files that are not drafts (.md, .tex, .adoc, .rst, .html, .txt…).');
  const base = await factBaseFor(io, workspace, a.packs, a.workspacePacks);
  if (typeof base === 'number') return base;
  const overrides = { rules: a.rules, documentDate: a.date };
  if (!settingsFor(workspace, 'plaintext', overrides).check.enabled) {
    io.stderr(`The fact check is turned off in ${workspace.file} (agreementCite.check.enabled: false): nothing was checked.\n`);
    return EXIT.clean;
  }
  const index = base.store.index;
  const today = todayIso();
  // With --fix-dry-run standard output is the patch alone (`> fixes.patch`, then `git apply`): the report goes to standard error.
  const out = a.fixDryRun ? io.stderr : io.stdout;
  const reporter = reporterFor(a.format, { ...io, stdout: out });
  const summary = emptySummary();
  const fixLog = (line: string): void => (a.format === 'text' ? out : io.stderr)(`${line}\n`);
  let worst = -1;
  for (const target of files) {
    const report = checkOne(target);
    count(summary, report);
    for (const i of report.items) worst = Math.max(worst, SEVERITY_RANK[i.severity]);
    reporter.file(report);
  }
  reporter.end(summary);
  if (summary.notChecked > 0) return EXIT.usage;
  return worst >= SEVERITY_RANK[a.maxSeverity] ? EXIT.findings : EXIT.clean;

  function checkOne(target: Target): FileReport {
    const read = readDocument(target.path, a.maxFileKB * 1024);
    if (!read.ok) return { display: target.display, items: [], notChecked: { code: read.code, message: read.message } };
    const { settings, check } = settingsFor(workspace, target.language, overrides);
    const options = checkOptionsFor(formatForLanguage(target.language), settings, check, today);
    if (!a.fix && !a.fixDryRun) return { display: target.display, items: items(read.text, checkDocument(read.text, index, options), a.format === 'json') };
    const fixed = applySafeFixes(read.text, index, options);
    for (const f of fixed.applied) {
      const at = new LineIndex(f.text).positionAt(f.offset);
      fixLog(`${target.display}:${at.line + 1}:${at.character + 1}: ${a.fix ? 'fixed' : 'would fix'} ${f.code}: ${f.title}`);
    }
    if (a.fixDryRun) {
      if (fixed.applied.length > 0) io.stdout(unifiedDiff(target.display, read.text, fixed.text));
      // Nothing is written: the findings are those of the file as it is.
      return { display: target.display, items: items(read.text, checkDocument(read.text, index, options), a.format === 'json') };
    }
    if (fixed.applied.length > 0) {
      try {
        fs.writeFileSync(target.path, (read.bom ? '\uFEFF' : '') + fixed.text);
      } catch (e) {
        return { display: target.display, items: [], notChecked: { code: 'unwritable', message: `the fixes could not be written (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); the file is unchanged` } };
      }
    }
    return { display: target.display, items: items(fixed.text, fixed.remaining, a.format === 'json') };
  }
}
