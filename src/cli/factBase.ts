import fs from 'node:fs';
import path from 'node:path';
import bundled from 'agreement-cite:bundled-pack';
import { globSync } from 'tinyglobby';
import { bundledLoadedPack, FactStore } from '../core/facts/factStore';
import { parsePackText } from '../core/packs/packLoader';
import { tooLargeProblem } from '../core/packs/packLimits';
import { parsedWithForms } from '../core/facts/languageForms';
import type { Problem } from '../core/types';
import { CliError } from './errors';
import { displayPath } from './files';

export interface FactBase {
  store: FactStore;
  /** The writers' pack files read, absolute. */
  files: string[];
  /** Every problem of those files, in file order. */
  problems: Problem[];
}

/** The pack files under `root` that the extension's `agreementCite.packs.include` globs find. */
export function findPackFiles(root: string, globs: readonly string[]): string[] {
  if (globs.length === 0) return [];
  // Dot folders are searched as VS Code's findFiles does; installed packages and version control are not.
  return globSync([...globs], { cwd: root, absolute: true, onlyFiles: true, dot: true, ignore: ['**/node_modules/**', '**/.git/**'], expandDirectories: false })
    .map((f) => path.normalize(f))
    .sort();
}

/** Pack files named with `--pack` or `packs check`: a file as it is, a folder for the packs in it. */
export function namedPackFiles(args: readonly string[], cwd: string, globs: readonly string[]): string[] {
  const out: string[] = [];
  for (const arg of args) {
    const full = path.resolve(cwd, arg);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(full);
    } catch {
      throw new CliError(`${arg}: no such pack file or folder.`);
    }
    if (stat.isDirectory()) {
      // In a .factpacks folder every YAML file is a pack; elsewhere, what the include globs find.
      const all = full.split(path.sep).includes('.factpacks');
      const found = findPackFiles(full, all ? ['**/*.{yaml,yml}'] : globs);
      if (found.length === 0) throw new CliError(`${arg}: the folder holds no fact pack (${all ? '*.yaml, *.yml' : globs.join(', ')}).`);
      out.push(...found);
    } else out.push(full);
  }
  return [...new Set(out)];
}

const decoder = new TextDecoder('utf-8');

/**
 * The bundled pack and the writers' packs, loaded as the extension loads
 * them (one index for all, evidence checked against the sources' local
 * texts), with every problem of every file.
 */
export async function loadFactBase(packFiles: readonly string[], maxBytes: number, cwd: string): Promise<FactBase> {
  const store = new FactStore(bundledLoadedPack(bundled), (text, file, options) => parsedWithForms(parsePackText(text, file, options)), { maxBytes });
  await store.batch(async () => {
    for (const file of packFiles) {
      let text: string | undefined;
      try {
        const size = fs.statSync(file).size;
        if (size > maxBytes) {
          store.failWorkspacePack(file, [tooLargeProblem(file, size, maxBytes)]);
          continue;
        }
        text = decoder.decode(fs.readFileSync(file));
      } catch (e) {
        const start = { line: 0, character: 0 };
        store.failWorkspacePack(file, [
          {
            file,
            range: { start, end: start },
            code: 'unreadable',
            severity: 'error',
            message: `The pack file could not be read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
          },
        ]);
        continue;
      }
      await store.loadWorkspacePack(
        file,
        text,
        async (relative) => {
          try {
            return decoder.decode(await fs.promises.readFile(path.resolve(path.dirname(file), relative)));
          } catch {
            return undefined;
          }
        },
        displayPath(file, cwd),
      );
    }
  });
  return { store, files: [...packFiles], problems: packFiles.flatMap((f) => store.problemsOf(f)) };
}
