import fs from 'node:fs';
import path from 'node:path';
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { LineIndex } from '../core/document/text';
import { checkSettingsFrom, DEFAULT_PACK_GLOBS, settingsFrom, type CheckSettings, type Settings } from '../core/settings';
import { CliError } from './errors';

/** The `agreementCite.*` values of `.vscode/settings.json`, with its language sections (`"[markdown]": { … }`). */
export interface WorkspaceSettings {
  /** The file read, when there was one. */
  file?: string;
  values: Record<string, unknown>;
  languages: Map<string, Record<string, unknown>>;
}

const PREFIX = 'agreementCite.';

/**
 * Reads `.vscode/settings.json` under `root` as VS Code does: JSON with
 * comments and trailing commas. A file that does not parse is a usage error
 * with its file:line:col; a missing file is no settings.
 */
export function readWorkspaceSettings(root: string): WorkspaceSettings {
  const file = path.join(root, '.vscode', 'settings.json');
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { values: {}, languages: new Map() };
    throw new CliError(`${file}: the settings could not be read: ${(e as Error).message}`);
  }
  const errors: ParseError[] = [];
  const tree: unknown = parse(text, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true });
  if (errors.length > 0) {
    const lines = new LineIndex(text);
    throw new CliError(
      errors
        .map((e) => {
          const at = lines.positionAt(e.offset);
          return `${path.relative(process.cwd(), file) || file}:${at.line + 1}:${at.character + 1}: error: the settings file is not valid JSON: ${printParseErrorCode(e.error)}`;
        })
        .join('\n'),
    );
  }
  const root_ = tree && typeof tree === 'object' && !Array.isArray(tree) ? (tree as Record<string, unknown>) : {};
  const languages = new Map<string, Record<string, unknown>>();
  for (const [key, value] of Object.entries(root_)) {
    // "[markdown]" or "[markdown][latex]": settings for documents in those languages.
    if (!/^\[.+\]$/.test(key) || !value || typeof value !== 'object') continue;
    for (const language of key.slice(1, -1).split(']['))
      languages.set(language, { ...languages.get(language), ...overridable(ours(value as Record<string, unknown>)) });
  }
  return { file, values: ours(root_), languages };
}

/** The settings a language section can change (`"scope": "language-overridable"` in package.json): VS Code ignores the rest there. */
const LANGUAGE_OVERRIDABLE = new Set(['citationStyle']);

function overridable(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([k]) => LANGUAGE_OVERRIDABLE.has(k)));
}

function ours(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(values)
      .filter(([k]) => k.startsWith(PREFIX))
      .map(([k, v]) => [k.slice(PREFIX.length), v]),
  );
}

/** What the command line changes: rules switched, a document date. */
export interface Overrides {
  rules: Record<string, boolean>;
  documentDate?: string;
}

/** The settings a document in `language` is checked with: the workspace's, its language section's, then the flags. */
export function settingsFor(workspace: WorkspaceSettings, language: string, overrides: Overrides): { settings: Settings; check: CheckSettings } {
  const v = { ...workspace.values, ...workspace.languages.get(language) };
  const rules = v['check.rules'] && typeof v['check.rules'] === 'object' ? (v['check.rules'] as Record<string, unknown>) : {};
  return {
    settings: settingsFrom({ citationStyle: v.citationStyle, dateLocale: v.dateLocale, preferredSpellings: v.preferredSpellings }),
    check: checkSettingsFrom({
      enabled: v['check.enabled'],
      rules: { ...rules, ...overrides.rules },
      documentDate: overrides.documentDate ?? v['check.documentDate'],
    }),
  };
}

/** `agreementCite.packs.include` and `.maxFileSizeKB`, as the extension reads them. */
export function packSettings(workspace: WorkspaceSettings): { globs: string[]; maxBytes: number } {
  const globs = workspace.values['packs.include'];
  const kb = workspace.values['packs.maxFileSizeKB'];
  return {
    globs: Array.isArray(globs) ? globs.filter((g): g is string => typeof g === 'string' && g.trim() !== '') : DEFAULT_PACK_GLOBS,
    maxBytes: Math.max(1, typeof kb === 'number' && Number.isFinite(kb) ? kb : 5120) * 1024,
  };
}
