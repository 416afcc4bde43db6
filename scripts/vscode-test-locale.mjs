// The workbench in another display language, for a run of the real-VS-Code
// suite (scripts/run-vscode-tests.mjs --locale uk). Offline there is no
// language pack to install, and code-server resolves `--locale` through the
// language packs recorded in its user-data folder: without one,
// `vscode.env.language` stays `en` and no extension sees its translations.
// So a minimal language pack is made here (it translates none of the
// workbench's own strings), installed, and recorded; then VS Code runs in that
// language and each extension's `vscode.l10n` reads its
// l10n/bundle.l10n.<locale>.json. See /work/shared/docs/testing-in-real-vscode.md.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { codeServerEntry, node24Bin, projectRoot } from './vscode-test-env.mjs';

const PUBLISHER = 'agreement-cite-test';
const VERSION = '1.0.0';

/** Display language codes VS Code knows that a run may ask for. */
export function checkLocale(locale) {
  if (!/^[a-z]{2,3}(-[a-z]{2,4})?$/i.test(locale)) throw new Error(`--locale "${locale}": give a language code such as uk`);
  return locale.toLowerCase();
}

/**
 * Makes and installs the language pack for `locale` into `extensionsDir`,
 * records it in `userDataDir/languagepacks.json` and sets the locale in
 * argv.json. The caller still starts code-server with `--locale <locale>` and
 * opens the page with that locale (`serverArgs`, `browserLocale`).
 */
export function prepareLocale({ locale, tmp, userDataDir, extensionsDir, env }) {
  const name = `language-pack-${locale}`;
  const id = `${PUBLISHER}.${name}`;
  const dir = path.join(tmp, name);
  fs.mkdirSync(path.join(dir, 'translations'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'translations', 'main.i18n.json'), JSON.stringify({ version: VERSION, contents: {} }));
  fs.writeFileSync(path.join(dir, 'LICENSE'), 'MIT\n');
  fs.writeFileSync(
    path.join(dir, 'package.json'),
    JSON.stringify(
      {
        name,
        publisher: PUBLISHER,
        displayName: `Test language pack (${locale})`,
        version: VERSION,
        license: 'MIT',
        engines: { vscode: '^1.95.0' },
        categories: ['Language Packs'],
        contributes: {
          localizations: [
            {
              languageId: locale,
              languageName: locale,
              localizedLanguageName: locale,
              translations: [{ id: 'vscode', path: './translations/main.i18n.json' }],
            },
          ],
        },
      },
      null,
      2,
    ),
  );
  const vsix = path.join(tmp, `${name}.vsix`);
  const vsce = path.join(projectRoot, 'node_modules', '@vscode', 'vsce', 'vsce');
  const packed = spawnSync(process.execPath, [vsce, 'package', '--allow-missing-repository', '--skip-license', '--out', vsix], { cwd: dir, encoding: 'utf8' });
  if (packed.status !== 0) throw new Error(`the ${locale} language pack could not be packaged:\n${packed.stdout}${packed.stderr}`);
  const installed = spawnSync(node24Bin, [codeServerEntry, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--install-extension', vsix], {
    encoding: 'utf8',
    env,
  });
  if (installed.status !== 0) throw new Error(`the ${locale} language pack could not be installed:\n${installed.stdout}${installed.stderr}`);
  const folder = path.join(extensionsDir, `${id}-${VERSION}`);
  const translations = path.join(folder, 'translations', 'main.i18n.json');
  if (!fs.existsSync(translations)) throw new Error(`the ${locale} language pack is not where it was installed (${folder})`);
  fs.writeFileSync(
    path.join(userDataDir, 'languagepacks.json'),
    JSON.stringify(
      {
        [locale]: {
          hash: `${PUBLISHER}-${locale}-${VERSION}`,
          extensions: [{ extensionIdentifier: { id }, version: VERSION }],
          translations: { vscode: translations },
          label: locale,
        },
      },
      null,
      2,
    ),
  );
  fs.writeFileSync(path.join(userDataDir, 'User', 'argv.json'), JSON.stringify({ locale }));
  return { serverArgs: ['--locale', locale], browserLocale: locale };
}
