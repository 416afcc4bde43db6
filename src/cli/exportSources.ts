import fs from 'node:fs';
import { formatForLanguage } from '../core/references/citation';
import { exportSources } from '../core/references/export';
import type { IndexedSource } from '../core/facts/factIndex';
import { findCitations } from '../core/references/citationsInText';
import { sortSources } from '../core/references/sourcesSection';
import type { ExportArgs } from './args';
import { factBaseFor, type Io } from './context';
import { CliError, EXIT } from './errors';
import { expandTargets } from './files';
import { DEFAULT_MAX_DOCUMENT_KB, readDocument } from './read';
import { readWorkspaceSettings } from './settings';

/**
 * `agreement-cite export`: the Export Sources command of the editor. Every
 * source of the fact base, or those the drafts named with --cited cite, as
 * BibTeX or CSL-JSON.
 */
export async function runExport(a: ExportArgs, io: Io): Promise<number> {
  const workspace = readWorkspaceSettings(io.cwd);
  const drafts = a.cited ? expandTargets(a.cited, io.cwd).files : undefined;
  const base = await factBaseFor(io, workspace, a.packs, a.workspacePacks);
  if (typeof base === 'number') return base;
  const index = base.store.index;
  let sources: IndexedSource[];
  if (drafts) {
    const cited = new Map<string, IndexedSource>();
    for (const d of drafts) {
      const read = readDocument(d.path, DEFAULT_MAX_DOCUMENT_KB * 1024);
      if (!read.ok) throw new CliError(`${d.display}: ${read.message}.`);
      for (const s of findCitations(read.text, formatForLanguage(d.language), index).sources) cited.set(s.source.id, s);
    }
    sources = sortSources([...cited.values()]);
    if (sources.length === 0) {
      io.stderr(`${drafts.map((d) => d.display).join(', ')} cite${drafts.length === 1 ? 's' : ''} no source yet; nothing was exported.\n`);
      return EXIT.findings;
    }
  } else sources = sortSources(index.sources);
  const text = exportSources(sources, a.format);
  if (a.output) {
    try {
      fs.writeFileSync(a.output, text);
    } catch (e) {
      throw new CliError(`${a.output}: could not be written (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).`);
    }
    io.stderr(`Exported ${sources.length} source${sources.length === 1 ? '' : 's'} to ${a.output}.\n`);
  } else io.stdout(text);
  return EXIT.clean;
}
