import type { Problem } from '../core/types';
import { EXIT } from './errors';
import { loadFactBase, findPackFiles, namedPackFiles, type FactBase } from './factBase';
import { displayPath } from './files';
import { packSettings, type WorkspaceSettings } from './settings';

/** Where a command runs and writes. */
export interface Io {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether standard output takes colour. */
  colour: boolean;
  version: string;
}

export function problemLine(p: Problem, cwd: string): string {
  return `${displayPath(p.file, cwd)}:${p.range.start.line + 1}:${p.range.start.character + 1}: ${p.severity}: ${p.message} [${p.code}]`;
}

/**
 * The fact base a check or an export uses: the bundled pack, the workspace's
 * packs (unless left out) and those named with --pack. Their problems go to
 * standard error; a pack with an error stops the command (exit 2), as a
 * build stops on a broken pack.
 */
export async function factBaseFor(io: Io, workspace: WorkspaceSettings, named: readonly string[], workspacePacks: boolean): Promise<FactBase | number> {
  const settings = packSettings(workspace);
  const files = [...new Set([...(workspacePacks ? findPackFiles(io.cwd, settings.globs) : []), ...namedPackFiles(named, io.cwd, settings.globs)])];
  const base = await loadFactBase(files, settings.maxBytes, io.cwd);
  for (const p of base.problems) io.stderr(`${problemLine(p, io.cwd)}\n`);
  const broken = new Set(base.problems.filter((p) => p.severity === 'error').map((p) => p.file));
  if (broken.size > 0) {
    io.stderr(
      `\n${broken.size === 1 ? 'A fact pack does' : `${broken.size} fact packs do`} not load (${[...broken].map((f) => displayPath(f, io.cwd)).join(', ')}): fix ${broken.size === 1 ? 'it' : 'them'}, or leave the workspace's packs out with --no-workspace-packs.\n`,
    );
    return EXIT.usage;
  }
  return base;
}
