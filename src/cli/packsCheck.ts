import type { PacksArgs } from './args';
import { reporterFor } from './check';
import type { Io } from './context';
import { CliError, EXIT } from './errors';
import { findPackFiles, loadFactBase, namedPackFiles } from './factBase';
import { displayPath } from './files';
import { count, emptySummary, SEVERITY_RANK } from './report';
import { packSettings, readWorkspaceSettings } from './settings';

/**
 * `agreement-cite packs check`: loads the packs with the bundled one, as the
 * extension does, and reports every problem of every file (exit 1 when one is
 * at or above --max-severity).
 */
export async function runPacksCheck(a: PacksArgs, io: Io): Promise<number> {
  const settings = packSettings(readWorkspaceSettings(io.cwd));
  const files = a.targets.length === 0 ? findPackFiles(io.cwd, settings.globs) : namedPackFiles(a.targets, io.cwd, settings.globs);
  if (files.length === 0) throw new CliError(`No fact pack under ${io.cwd} (${settings.globs.join(', ')}).`);
  const base = await loadFactBase(files, settings.maxBytes, io.cwd);
  const codes = [...new Set(base.problems.map((p) => p.code))].sort();
  const reporter = reporterFor(a.format, io, { codes });
  const summary = emptySummary();
  let worst = -1;
  for (const file of files) {
    const problems = base.problems
      .filter((p) => p.file === file)
      .sort((x, y) => x.range.start.line - y.range.start.line || x.range.start.character - y.range.start.character);
    const report = {
      display: displayPath(file, io.cwd),
      items: problems.map((p) => ({ code: p.code, severity: p.severity, message: p.message, range: p.range })),
    };
    for (const p of problems) worst = Math.max(worst, SEVERITY_RANK[p.severity]);
    count(summary, report);
    reporter.file(report);
  }
  reporter.end(summary);
  return worst >= SEVERITY_RANK[a.maxSeverity] ? EXIT.findings : EXIT.clean;
}
