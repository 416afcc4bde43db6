import { todayIso } from '../core/document/dates';
import type { CheckArgs } from './args';
import type { CheckPlan } from './checkFile';
import { factBaseFor, type Io } from './context';
import { EXIT, CliError } from './errors';
import { expandTargets } from './files';
import { JsonReporter, SarifReporter } from './formatJson';
import { GithubReporter, TextReporter } from './formatText';
import { checkAll } from './pool';
import { count, emptySummary, SEVERITY_RANK, type Reporter } from './report';
import { packSettings, readWorkspaceSettings, settingsFor } from './settings';

/** The reporter of an output format; `packs` for pack problems, whose rules are the problems' codes. */
export function reporterFor(format: CheckArgs['format'], io: Io, packs?: { codes: readonly string[] }): Reporter {
  switch (format) {
    case 'json':
      return new JsonReporter(io.stdout, io.version);
    case 'sarif':
      return new SarifReporter(io.stdout, io.version, io.cwd, packs?.codes);
    case 'github':
      return new GithubReporter(io.stdout);
    default:
      return new TextReporter(io.stdout, io.colour, packs ? { item: 'problem', file: 'pack' } : undefined);
  }
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
  const plan: CheckPlan = {
    workspace,
    overrides,
    today: todayIso(),
    maxBytes: a.maxFileKB * 1024,
    mode: a.fix ? 'fix' : a.fixDryRun ? 'dry-run' : 'check',
    withFixes: a.format === 'json',
  };
  // With --fix-dry-run standard output is the patch alone (`> fixes.patch`, then `git apply`): the report goes to standard error.
  const out = a.fixDryRun ? io.stderr : io.stdout;
  const reporter = reporterFor(a.format, { ...io, stdout: out });
  const summary = emptySummary();
  const fixLog = a.format === 'text' ? out : io.stderr;
  let worst = -1;
  const setup = { packFiles: base.files, packMaxBytes: packSettings(workspace).maxBytes, cwd: io.cwd };
  for await (const result of checkAll(files, () => base.store.index, plan, setup, a.jobs)) {
    for (const line of result.fixes) fixLog(`${line}\n`);
    if (result.patch) io.stdout(result.patch);
    count(summary, result.report);
    for (const i of result.report.items) worst = Math.max(worst, SEVERITY_RANK[i.severity]);
    reporter.file(result.report);
  }
  reporter.end(summary);
  if (summary.notChecked > 0) return EXIT.usage;
  return worst >= SEVERITY_RANK[a.maxSeverity] ? EXIT.findings : EXIT.clean;
}
