import { CHECK_CODES, type CheckCode, type CheckOptions } from './check/checker';
import type { CitationStyle, DocFormat } from './references/citation';
import { DATE_STYLES, parseIsoDate, todayIso, type DateStyle } from './document/dates';
import { languageSetting, type LanguageSetting } from './document/language';
import type { IsoDate } from './types';

/*
 * The writer's `agreementCite.*` settings, read from plain values: the
 * extension hands in what VS Code's configuration returns, the command line
 * what it read from `.vscode/settings.json`. One reading, so that both check a
 * draft with the same options.
 */

/** Where writers keep packs unless `agreementCite.packs.include` says otherwise. */
export const DEFAULT_PACK_GLOBS = ['**/.factpacks/**/*.{yaml,yml,json}', '**/*.factpack.{yaml,yml,json}'];

export interface Settings {
  citationStyle: CitationStyle;
  dateStyle: DateStyle;
  spellings: Record<string, string>;
  /** `agreementCite.language`: the language citations are written in, `auto` from the document (language.ts). */
  language: LanguageSetting;
}

export interface CheckSettings {
  enabled: boolean;
  rules: Partial<Record<CheckCode, boolean>>;
  documentDate?: IsoDate;
}

/** `agreementCite.citationStyle`, `dateLocale`, `preferredSpellings` and `language`; unknown values fall back to the defaults. */
export function settingsFrom(values: { citationStyle?: unknown; dateLocale?: unknown; preferredSpellings?: unknown; language?: unknown }): Settings {
  const style = values.citationStyle;
  const date = values.dateLocale;
  const spellings = values.preferredSpellings;
  return {
    citationStyle: style === 'inline' || style === 'latex-cite' || style === 'pandoc' ? style : 'auto',
    dateStyle: typeof date === 'string' && (DATE_STYLES as readonly string[]).includes(date) ? (date as DateStyle) : 'en-GB',
    spellings:
      spellings && typeof spellings === 'object' && !Array.isArray(spellings)
        ? Object.fromEntries(Object.entries(spellings).filter((e): e is [string, string] => typeof e[1] === 'string'))
        : {},
    language: languageSetting(values.language),
  };
}

/** `agreementCite.check.enabled`, `.rules` and `.documentDate`: a rule is off only where it is `false`; a date counts only if it names a day. */
export function checkSettingsFrom(values: { enabled?: unknown; rules?: unknown; documentDate?: unknown }): CheckSettings {
  const rules = (values.rules && typeof values.rules === 'object' ? values.rules : {}) as Record<string, unknown>;
  const date = typeof values.documentDate === 'string' ? values.documentDate.trim() : '';
  return {
    enabled: values.enabled !== false,
    rules: Object.fromEntries(CHECK_CODES.map((code) => [code, rules[code] !== false])),
    documentDate: parseIsoDate(date)?.day !== undefined ? date : undefined,
  };
}

/** The options a document is checked with. */
export function checkOptionsFor(format: DocFormat, settings: Settings, check: CheckSettings, today: IsoDate = todayIso()): CheckOptions {
  return {
    format,
    style: settings.citationStyle,
    dateStyle: settings.dateStyle,
    spellings: settings.spellings,
    rules: check.rules,
    documentDate: check.documentDate,
    today,
    languageSetting: settings.language,
  };
}
