import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CHECK_CODES } from '../core/check/checker';
import { parseIsoDate } from '../core/document/dates';
import type { Severity } from '../core/types';
import { CliError } from './errors';
import { DEFAULT_MAX_DOCUMENT_KB } from './read';

export type OutputFormat = 'text' | 'json' | 'sarif' | 'github';

export const HELP: Record<'main' | 'check' | 'packs' | 'export', string> = {
  main: `agreement-cite: fact-check drafts about the UK–Ukraine agreements against fact packs

Usage:
  agreement-cite check [files, folders or globs…]   check drafts (Markdown, LaTeX, AsciiDoc, reStructuredText, HTML, text)
  agreement-cite packs check [files or folders…]    validate fact packs
  agreement-cite export --format bibtex|csl-json    write the sources as BibTeX or CSL-JSON

Options:
  -h, --help      help for a command (agreement-cite check --help)
  -v, --version   the version

Settings come from .vscode/settings.json in the working folder (agreementCite.*),
packs from the bundled pack and the workspace's (.factpacks/, *.factpack.yaml).
Exit codes: 0 no finding at or above --max-severity, 1 findings, 2 usage error,
a pack that does not load, or a file that could not be checked.
`,
  check: `Usage: agreement-cite check [options] [files, folders or globs…]

Checks drafts as the editor does: misquotes, renderings quoted as the speaker's
words, wrong event dates, roles not held at the date in question, inconsistent
spellings. The format comes from the extension (.md, .tex, .adoc, .rst, .html,
.txt…). Without arguments, every draft under the working folder; a folder means
the drafts in it; quote globs ('drafts/**/*.md') so that the shell leaves them.

Options:
  --format <text|json|sarif|github>  output (default: text; github prints workflow annotations)
  --max-severity <error|warning|info>
                           exit 1 when a finding is at or above this (default: warning)
  --pack <file or folder>  also load this fact pack (repeatable)
  --no-workspace-packs     leave out the workspace's packs (.factpacks/, *.factpack.yaml)
  --rule <code>=<on|off>   switch a rule, over the settings (repeatable); codes:
                           ${CHECK_CODES.join(', ')}
  --date <YYYY-MM-DD>      the date the drafts speak of where they name none
                           (over agreementCite.check.documentDate)
  --fix                    make the fixes that have exactly one choice, write the
                           files, and list what changed
  --fix-dry-run            print the fixes as a unified diff; change nothing
  --max-file-size <KB>     larger files are not checked (default: ${DEFAULT_MAX_DOCUMENT_KB})
  --jobs <n>               threads checking files at once (default: one per processor
                           but one; a short list is checked in one thread)
  -h, --help               this help
`,
  packs: `Usage: agreement-cite packs check [options] [files or folders…]

Validates fact packs: YAML syntax, the pack format, references between facts
and sources, ids across packs (with the bundled pack), and evidence against the
sources' local texts. Every problem is printed with file:line:col. Without
arguments, the packs of the working folder (agreementCite.packs.include, by
default .factpacks/**/*.{yaml,yml,json} and **/*.factpack.{yaml,yml,json}); a folder means
the packs in it.

Options:
  --format <text|json|sarif|github>  output (default: text)
  --max-severity <error|warning|info>
                           exit 1 when a problem is at or above this (default: warning)
  -h, --help               this help
`,
  export: `Usage: agreement-cite export --format <bibtex|csl-json> [options]

Writes the sources of the fact base (the bundled pack and the workspace's packs)
as BibTeX (biblatex) or CSL-JSON, as the editor's Export Sources command does:
all of them, or those the named drafts cite.

Options:
  --format <bibtex|csl-json>  the format (required)
  --cited <file>           only the sources this draft cites (repeatable; globs too)
  -o, --output <file>      write here instead of standard output
  --pack <file or folder>  also load this fact pack (repeatable)
  --no-workspace-packs     leave out the workspace's packs
  -h, --help               this help
`,
};

export interface CheckArgs {
  command: 'check';
  targets: string[];
  format: OutputFormat;
  maxSeverity: Severity;
  packs: string[];
  workspacePacks: boolean;
  rules: Record<string, boolean>;
  date?: string;
  fix: boolean;
  fixDryRun: boolean;
  maxFileKB: number;
  /** Threads to check with; undefined: one per processor but one. */
  jobs?: number;
}

export interface PacksArgs {
  command: 'packs';
  targets: string[];
  format: OutputFormat;
  maxSeverity: Severity;
}

export interface ExportArgs {
  command: 'export';
  format: 'bibtex' | 'csl-json';
  cited?: string[];
  output?: string;
  packs: string[];
  workspacePacks: boolean;
}

export type Parsed = CheckArgs | PacksArgs | ExportArgs | { command: 'help'; text: string } | { command: 'version' };

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], flag: string, fallback?: T): T {
  if (value === undefined) {
    if (fallback !== undefined) return fallback;
    throw new CliError(`${flag} is required: one of ${allowed.join(', ')}.`);
  }
  if (!(allowed as readonly string[]).includes(value)) throw new CliError(`${flag} ${value}: expected one of ${allowed.join(', ')}.`);
  return value as T;
}

function parse(argv: string[], options: ParseArgsConfig['options'], help: string): ReturnType<typeof parseArgs> {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new CliError(`${(e as Error).message.replace(/\. To specify.*$/s, '.')}\n\n${help}`);
  }
}

const FORMATS = ['text', 'json', 'sarif', 'github'] as const;
const SEVERITIES = ['error', 'warning', 'info'] as const;

/** Reads the command line; a mistake is a CliError with the command's help. */
export function parseCommandLine(argv: readonly string[]): Parsed {
  const [command, ...rest] = argv;
  if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
    const topic = command === 'help' ? rest[0] : undefined;
    return { command: 'help', text: topic && topic in HELP ? HELP[topic as keyof typeof HELP] : HELP.main };
  }
  if (command === '-v' || command === '--version') return { command: 'version' };
  if (command === 'check') {
    const { values: v, positionals } = parse(
      rest,
      {
        format: { type: 'string' },
        'max-severity': { type: 'string' },
        pack: { type: 'string', multiple: true },
        'no-workspace-packs': { type: 'boolean' },
        rule: { type: 'string', multiple: true },
        date: { type: 'string' },
        fix: { type: 'boolean' },
        'fix-dry-run': { type: 'boolean' },
        'max-file-size': { type: 'string' },
        jobs: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      HELP.check,
    );
    if (v.help) return { command: 'help', text: HELP.check };
    const rules: Record<string, boolean> = {};
    for (const r of (v.rule as string[] | undefined) ?? []) {
      const m = /^([a-z-]+)=(on|off|true|false)$/.exec(r.trim());
      if (!m) throw new CliError(`--rule ${r}: expected <code>=on or <code>=off.`);
      if (!(CHECK_CODES as readonly string[]).includes(m[1])) throw new CliError(`--rule ${r}: no rule ${m[1]}; the rules are ${CHECK_CODES.join(', ')}.`);
      rules[m[1]] = m[2] === 'on' || m[2] === 'true';
    }
    const date = v.date as string | undefined;
    if (date !== undefined && parseIsoDate(date)?.day === undefined) throw new CliError(`--date ${date}: expected a day as YYYY-MM-DD.`);
    const kb = v['max-file-size'] === undefined ? DEFAULT_MAX_DOCUMENT_KB : Number(v['max-file-size']);
    if (!Number.isFinite(kb) || kb <= 0) throw new CliError(`--max-file-size ${String(v['max-file-size'])}: expected a number of kilobytes.`);
    const jobs = v.jobs === undefined ? undefined : Number(v.jobs);
    if (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 1))
      throw new CliError(`--jobs ${String(v.jobs)}: expected a whole number of threads, 1 or more.`);
    if (v.fix && v['fix-dry-run']) throw new CliError('--fix and --fix-dry-run: choose one.');
    return {
      command: 'check',
      targets: positionals,
      format: oneOf(v.format as string | undefined, FORMATS, '--format', 'text'),
      maxSeverity: oneOf(v['max-severity'] as string | undefined, SEVERITIES, '--max-severity', 'warning'),
      packs: (v.pack as string[] | undefined) ?? [],
      workspacePacks: !v['no-workspace-packs'],
      rules,
      date,
      fix: v.fix === true,
      fixDryRun: v['fix-dry-run'] === true,
      maxFileKB: kb,
      jobs,
    };
  }
  if (command === 'packs') {
    const [sub, ...more] = rest;
    if (sub === '-h' || sub === '--help' || sub === undefined) return { command: 'help', text: HELP.packs };
    if (sub !== 'check') throw new CliError(`packs ${sub}: unknown; the command is "packs check".\n\n${HELP.packs}`);
    const { values: v, positionals } = parse(
      more,
      { format: { type: 'string' }, 'max-severity': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      HELP.packs,
    );
    if (v.help) return { command: 'help', text: HELP.packs };
    return {
      command: 'packs',
      targets: positionals,
      format: oneOf(v.format as string | undefined, FORMATS, '--format', 'text'),
      maxSeverity: oneOf(v['max-severity'] as string | undefined, SEVERITIES, '--max-severity', 'warning'),
    };
  }
  if (command === 'export') {
    const { values: v, positionals } = parse(
      rest,
      {
        format: { type: 'string' },
        cited: { type: 'string', multiple: true },
        output: { type: 'string', short: 'o' },
        pack: { type: 'string', multiple: true },
        'no-workspace-packs': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      HELP.export,
    );
    if (v.help) return { command: 'help', text: HELP.export };
    if (positionals.length > 0) throw new CliError(`export: unexpected argument ${positionals[0]} (drafts are named with --cited).\n\n${HELP.export}`);
    return {
      command: 'export',
      format: oneOf(v.format as string | undefined, ['bibtex', 'csl-json'] as const, '--format'),
      cited: v.cited as string[] | undefined,
      output: v.output as string | undefined,
      packs: (v.pack as string[] | undefined) ?? [],
      workspacePacks: !v['no-workspace-packs'],
    };
  }
  throw new CliError(`${command}: unknown command.\n\n${HELP.main}`);
}
