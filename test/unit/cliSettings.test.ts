// The agreementCite.* settings as the extension and the command line both
// read them (src/core/settings.ts), and .vscode/settings.json as the command
// line reads it (src/cli/settings.ts).

import * as assert from 'assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkOptionsFor, checkSettingsFrom, DEFAULT_PACK_GLOBS, settingsFrom } from '../../src/core/settings';
import { packSettings, readWorkspaceSettings, settingsFor } from '../../src/cli/settings';
import { CliError } from '../../src/cli/errors';

function workspaceWith(settings: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'agreement-cite-settings-'));
  fs.mkdirSync(path.join(dir, '.vscode'));
  fs.writeFileSync(path.join(dir, '.vscode', 'settings.json'), settings);
  return dir;
}

suite('settings: one reading for the editor and the command line', () => {
  test('unknown values fall back to the defaults', () => {
    assert.deepStrictEqual(settingsFrom({}), { citationStyle: 'auto', dateStyle: 'en-GB', spellings: {}, language: 'auto' });
    assert.deepStrictEqual(settingsFrom({ citationStyle: 'footnote', dateLocale: 'fr-FR', preferredSpellings: ['x'] }), {
      citationStyle: 'auto',
      dateStyle: 'en-GB',
      spellings: {},
      language: 'auto',
    });
    assert.deepStrictEqual(settingsFrom({ citationStyle: 'inline', dateLocale: 'iso', preferredSpellings: { Zelenskyy: 'Zelensky', bad: 3 } }), {
      citationStyle: 'inline',
      dateStyle: 'iso',
      spellings: { Zelenskyy: 'Zelensky' },
      language: 'auto',
    });
  });

  test('a rule is off only when false; a document date counts only when it names a day', () => {
    const c = checkSettingsFrom({ rules: { misquote: false, 'role-not-held': 'no' }, documentDate: ' 2025-06-23 ' });
    assert.strictEqual(c.enabled, true);
    assert.strictEqual(c.rules.misquote, false);
    assert.strictEqual(c.rules['role-not-held'], true);
    assert.strictEqual(c.documentDate, '2025-06-23');
    assert.strictEqual(checkSettingsFrom({ documentDate: '2025-06' }).documentDate, undefined);
    assert.strictEqual(checkSettingsFrom({ enabled: false }).enabled, false);
    const o = checkOptionsFor('latex', settingsFrom({ dateLocale: 'en-US' }), c, '2026-01-01');
    assert.deepStrictEqual([o.format, o.dateStyle, o.today, o.documentDate], ['latex', 'en-US', '2026-01-01', '2025-06-23']);
  });

  test('.vscode/settings.json: comments, trailing commas, language sections for the language-overridable setting only', () => {
    const dir = workspaceWith(`{
      // comment
      "agreementCite.citationStyle": "inline",
      "agreementCite.check.rules": { "misquote": false, },
      "[latex]": { "agreementCite.citationStyle": "latex-cite", "agreementCite.dateLocale": "iso" },
      "editor.fontSize": 14,
    }`);
    const w = readWorkspaceSettings(dir);
    assert.strictEqual(settingsFor(w, 'markdown', { rules: {} }).settings.citationStyle, 'inline');
    const latex = settingsFor(w, 'latex', { rules: { misquote: true } });
    assert.strictEqual(latex.settings.citationStyle, 'latex-cite');
    assert.strictEqual(latex.settings.dateStyle, 'en-GB', 'dateLocale is not language-overridable: VS Code ignores it there');
    assert.strictEqual(latex.check.rules.misquote, true, 'a flag overrides the file');
    assert.strictEqual(settingsFor(w, 'markdown', { rules: {} }).check.rules.misquote, false);
    assert.deepStrictEqual(packSettings(w), { globs: DEFAULT_PACK_GLOBS, maxBytes: 5120 * 1024 });
  });

  test('no settings file is no settings; a broken one is an error at its line and column', () => {
    assert.deepStrictEqual(readWorkspaceSettings(fs.mkdtempSync(path.join(os.tmpdir(), 'agreement-cite-none-'))).values, {});
    const dir = workspaceWith('{\n  "agreementCite.dateLocale": "iso",,\n}');
    assert.throws(
      () => readWorkspaceSettings(dir),
      (e: unknown) => e instanceof CliError && /settings\.json:2:37: error: the settings file is not valid JSON: ValueExpected/.test(e.message),
    );
  });
});
