import fs from 'node:fs';
import path from 'node:path';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { CliError } from './errors';
import { DOCUMENT_EXTENSIONS, languageOf } from './formats';

/** A file to check: where it is, how to name it in output, and the language it is read in. */
export interface Target {
  path: string;
  display: string;
  language: string;
}

export interface Expanded {
  files: Target[];
  /** Files a glob or a folder matched that are not drafts (images, code): named, not checked. */
  skipped: string[];
}

/** Never searched: installed packages and version control. */
const IGNORE = ['**/node_modules/**', '**/.git/**'];

const DOCUMENTS = `**/*.{${DOCUMENT_EXTENSIONS.join(',')}}`;

export function displayPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative.split(path.sep).join('/') : file;
}

/**
 * The files named by the command line: files as they are (one with an
 * unknown extension is read as plain text, as the editor opens it), folders
 * for the drafts in them, globs for what they match. No argument means every
 * draft under `cwd`. A path that does not exist, or a glob or folder that
 * matches nothing, is a usage error.
 */
export function expandTargets(args: readonly string[], cwd: string): Expanded {
  const seen = new Set<string>();
  const files: Target[] = [];
  const skipped: string[] = [];
  const add = (file: string, language: string | undefined, explicit: boolean): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const display = displayPath(file, cwd);
    if (language === undefined && !explicit) skipped.push(display);
    else files.push({ path: file, display, language: language ?? 'plaintext' });
  };
  const search = (pattern: string, base: string, what: string): void => {
    const found = globSync(pattern, { cwd: base, absolute: true, onlyFiles: true, ignore: IGNORE, expandDirectories: false, followSymbolicLinks: true }).sort();
    if (found.length === 0) throw new CliError(`${what} matches no file.`);
    for (const f of found) add(path.normalize(f), languageOf(f), false);
  };
  if (args.length === 0) {
    search(DOCUMENTS, cwd, `No argument: the search for drafts (${DOCUMENTS}) under ${cwd}`);
    return { files, skipped };
  }
  for (const arg of args) {
    const full = path.resolve(cwd, arg);
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(full);
    } catch {
      stat = undefined;
    }
    if (stat?.isDirectory()) search(DOCUMENTS, full, `The folder ${arg}`);
    else if (stat) add(full, languageOf(full), true);
    else if (isDynamicPattern(arg)) search(arg.split(path.sep).join('/'), cwd, `The glob ${arg}`);
    else throw new CliError(`${arg}: no such file or folder.`);
  }
  return { files, skipped };
}
