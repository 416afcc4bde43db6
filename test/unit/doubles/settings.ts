// The writer's settings without a workspace: raw values as in settings.json, read by the same functions as the editor's.
import { checkSettingsFrom, settingsFrom, type CheckSettings, type Settings } from '../../../src/core/settings';
import type { SettingsSource, TextDocumentLike } from '../../../src/workbench/textDocument';

/** `agreementCite.*` values: `citationStyle`, `dateLocale`, `preferredSpellings`, `language`. */
export type SettingValues = Parameters<typeof settingsFrom>[0];
/** `agreementCite.check.*` values: `enabled`, `rules`, `documentDate`. */
export type CheckValues = Parameters<typeof checkSettingsFrom>[0];

/** Settings for every document, with per-language overrides (as `"[latex]": {…}` in settings.json), changeable during a test. */
export class InMemorySettings implements SettingsSource {
  private readonly byLanguage = new Map<string, SettingValues>();

  constructor(
    public values: SettingValues = {},
    public check: CheckValues = {},
  ) {}

  /** Values for one language, over the others. */
  forLanguage(languageId: string, values: SettingValues): this {
    this.byLanguage.set(languageId, values);
    return this;
  }

  settings(document: TextDocumentLike): Settings {
    return settingsFrom({ ...this.values, ...this.byLanguage.get(document.languageId) });
  }

  checkSettings(): CheckSettings {
    return checkSettingsFrom(this.check);
  }
}
