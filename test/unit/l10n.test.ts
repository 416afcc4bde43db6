// The interface in Ukrainian: every string the extension shows is in
// l10n/bundle.l10n.json (written by `npm run l10n` from the l10n.t calls in
// src), and both Ukrainian files translate every key, no stale one, with the
// same placeholders; the core's words come out in Ukrainian once @vscode/l10n
// is given the Ukrainian bundle, as the extension gives it VS Code's.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as l10n from '@vscode/l10n';
import { getL10nJson } from '@vscode/l10n-dev';
import { buildSync, type BuildOptions } from 'esbuild';
import { renderCard } from '../../src/core/cite/card';
import { checkDocument } from '../../src/core/check/checker';
import { parsePackText } from '../../src/core/packs/packLoader';
import { packFileName } from '../../src/core/packs/packName';
import { parserFromWorkerCode, withTranslations } from '../../src/packs/packParsing';
import { bundledFiles, factYaml, indexOf, packYaml, projectRoot, unescapeMarkdown } from './helpers';

type Strings = Record<string, string | { message: string; comment: string[] }>;

const readJson = (file: string): Strings => JSON.parse(fs.readFileSync(path.join(projectRoot, file), 'utf8')) as Strings;
const text = (v: Strings[string]): string => (typeof v === 'string' ? v : v.message);
const placeholders = (s: string): string[] => [...new Set(s.match(/\{\d+\}/g) ?? [])].sort();

/** Every TypeScript file under src. */
function sources(dir = path.join(projectRoot, 'src')): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : /\.ts$/.test(e.name) && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

/** Keys of `want` missing from `got`, and keys of `got` that `want` no longer has. */
function compareKeys(want: object, got: object): { missing: string[]; stale: string[] } {
  return {
    missing: Object.keys(want).filter((k) => !(k in got)),
    stale: Object.keys(got).filter((k) => !(k in want)),
  };
}

/** Words a translation may keep as they are: names, codes. */
const SAME_IN_UKRAINIAN = new Set(['Agreement Cite', 'YAML: {0}']);

/**
 * Arguments the core passes that the English does not show: an English
 * possessive ("Keir Starmer’s") is {0}, the plain name that Ukrainian needs
 * is {1}; an outlet's possessive {2}, its name {3}.
 */
const UNUSED_IN_ENGLISH: Record<string, string[]> = {
  'Not recorded words: no recorded wording of {0} remarks ({2}) has these words{3}. Quote the recorded words, or drop the quotation marks.': ['{1}'],
  'Replace with {0} recorded words{2}': ['{1}'],
  'Quote {0} recorded words ({2})': ['{1}'],
  'Quoted as {0} own words, but this is {2} rendering, not the recorded wording{4}. Quote the recorded words, or attribute this version to {3}.': ['{1}'],
  'Quoted as {0} own words, but this is {2} translation, not the recorded wording{4}. Quote the recorded words, or attribute this version to {3}.': ['{1}'],
  '{0} words as recorded by {2}': ['{1}'],
  '{2} rendering of {0} words': ['{1}', '{3}'],
  '{2} translation of {0} words': ['{1}', '{3}'],
  'That rendering is not {0} recorded wording.': ['{1}'],
  'That translation is not {0} recorded wording.': ['{1}'],
};

/** A translation's problems: empty, left in English, or with placeholders the English has not. */
function badTranslations(english: Strings, ukrainian: Strings): string[] {
  const bad: string[] = [];
  for (const [key, value] of Object.entries(ukrainian)) {
    if (!(key in english)) continue;
    const en = text(english[key]);
    const uk = text(value);
    if (uk.trim() === '') bad.push(`${key}: empty`);
    else if (uk === en && !SAME_IN_UKRAINIAN.has(en)) bad.push(`${key}: not translated`);
    else if (!/[А-ЩЬЮЯҐЄІЇа-щьюяґєії]/.test(uk) && !SAME_IN_UKRAINIAN.has(en) && /\p{L}/u.test(uk.replace(/\{\d+\}/g, '')))
      bad.push(`${key}: no Ukrainian word in "${uk}"`);
    const known = [...placeholders(en), ...(UNUSED_IN_ENGLISH[key] ?? [])];
    const extra = placeholders(uk).filter((p) => !known.includes(p));
    if (extra.length > 0) bad.push(`${key}: placeholders ${extra.join(', ')} that the English has not`);
    // A message whose only argument is dropped would lose what it is about.
    if (placeholders(en).length > 0 && placeholders(uk).length === 0) bad.push(`${key}: drops every placeholder`);
  }
  return bad;
}

suite('l10n: the interface in Ukrainian', () => {
  test('l10n/bundle.l10n.json holds exactly the l10n.t strings of src (npm run l10n writes it)', async function () {
    this.timeout(60_000);
    const files = sources().map((f) => ({ contents: fs.readFileSync(f, 'utf8'), extension: '.ts' }));
    const extracted = await getL10nJson(files);
    const committed = readJson('l10n/bundle.l10n.json');
    const { missing, stale } = compareKeys(extracted, committed);
    assert.deepEqual(missing, [], 'strings in src that l10n/bundle.l10n.json lacks: run npm run l10n');
    assert.deepEqual(stale, [], 'strings in l10n/bundle.l10n.json that src no longer has: run npm run l10n');
    assert.ok(
      Object.keys(extracted).length > 150,
      `only ${Object.keys(extracted).length} strings found: is the extraction still reading the core's l10n.t calls?`,
    );
  });

  test('no string that reaches the writer is built outside l10n.t in the core files that speak to them', () => {
    // A message or title written as a bare template would stay English in Ukrainian.
    const rules = fs.readdirSync(path.join(projectRoot, 'src/core/check/rules')).map((f) => `src/core/check/rules/${f}`);
    for (const file of ['src/core/cite/card.ts', ...rules]) {
      const source = fs.readFileSync(path.join(projectRoot, file), 'utf8');
      const bare = source.split('\n').filter((l) => /\b(message|title):\s*`/.test(l));
      assert.deepEqual(bare, [], `${file}: messages or titles not given to l10n.t`);
    }
  });

  test('l10n/bundle.l10n.uk.json translates every key of bundle.l10n.json, no stale one, with its placeholders', () => {
    const english = readJson('l10n/bundle.l10n.json');
    const ukrainian = readJson('l10n/bundle.l10n.uk.json');
    assert.deepEqual(compareKeys(english, ukrainian), { missing: [], stale: [] });
    assert.deepEqual(badTranslations(english, ukrainian), []);
    assert.deepEqual(
      Object.keys(UNUSED_IN_ENGLISH).filter((k) => !(k in english)),
      [],
      'UNUSED_IN_ENGLISH names strings the source no longer has',
    );
  });

  test('package.nls.uk.json translates every key of package.nls.json, and package.json names no key that is missing', () => {
    const english = readJson('package.nls.json');
    const ukrainian = readJson('package.nls.uk.json');
    assert.deepEqual(compareKeys(english, ukrainian), { missing: [], stale: [] });
    assert.deepEqual(badTranslations(english, ukrainian), []);
    const manifest = fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8');
    const named = [...manifest.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
    assert.ok(named.length > 20);
    assert.deepEqual(
      named.filter((k) => !(k in english)),
      [],
    );
    assert.deepEqual(
      Object.keys(english).filter((k) => !named.includes(k)),
      [],
      'keys of package.nls.json that package.json no longer uses',
    );
  });

  test('the package ships both Ukrainian files', () => {
    const ignore = fs.readFileSync(path.join(projectRoot, '.vscodeignore'), 'utf8').split('\n');
    assert.ok(ignore.includes('!package.nls.*.json'), '.vscodeignore must keep package.nls.uk.json');
    assert.ok(ignore.includes('!l10n/bundle.l10n.*.json'), '.vscodeignore must keep l10n/bundle.l10n.uk.json');
  });

  suite('the core in Ukrainian', () => {
    // A fresh index: what is computed while the Ukrainian bundle is in use stays out of the shared one other tests read.
    let index: ReturnType<typeof indexOf>['index'];
    suiteSetup(() => {
      index = indexOf(bundledFiles().map((f) => ({ text: f.text, file: f.path, origin: 'bundled' as const }))).index;
      l10n.config({ contents: readJson('l10n/bundle.l10n.uk.json') });
    });
    suiteTeardown(() => l10n.config({ contents: {} }));

    test('the hover card names its fields, the kind and the status in Ukrainian', () => {
      const card = unescapeMarkdown(
        renderCard(index.fact('person.umerov')!, index, {
          dateStyle: 'en-GB',
          today: '2026-03-01',
          contextDate: { iso: '2025-06-23', written: '23 June 2025' },
        }),
      );
      assert.match(card.split('\n')[0], /^\*\*Rustem Umerov\*\* · особа · ✅ підтверджено$/);
      for (const field of ['**Посада на 23 June 2025:**', '**Посади:**', '**Джерело:**', '**Статус:**', '**Пакет:** вбудований в Agreement Cite']) {
        assert.ok(card.includes(field), `${field} in:\n${card}`);
      }
      assert.doesNotMatch(card, /\*\*(Source|Status|Roles|Pack):\*\*/);
    });

    test('a finding and its quick fix are in Ukrainian; names and dates stay as written', () => {
      const text = 'On 24 February 2026 Defence Minister Rustem Umerov spoke.';
      const [f] = checkDocument(text, index, { format: 'markdown', style: 'auto', dateStyle: 'en-GB', today: '2026-03-01' });
      assert.equal(f.code, 'role-not-held');
      assert.match(
        f.message,
        /^Rustem Umerov не обіймав\(-ла\) посаду «Minister of Defence of Ukraine» 24 February 2026 \(дата в цьому абзаці\); періоди: з 6 September 2023 до 16 July 2025\. На ту дату: /,
      );
      assert.match(f.fixes[0].title, /^Замінити на /);
    });

    test("a pack's problems and a refused file name are in Ukrainian", () => {
      const text = packYaml(factYaml('event.x', { kind: 'persn' }));
      const [problem] = parsePackText(text, '/w/.factpacks/team.yaml').problems;
      assert.equal(problem.code, 'bad-value');
      assert.match(problem.message, /^факт «event\.x»\.kind «persn»: має бути одне з: person, /);
      assert.deepEqual(packFileName('../x'), { refused: 'назва файлу пакета — це назва, а не шлях: без «/», «\\», «:» і «..»' });
    });
  });

  test("the pack worker's script, given the translations, reports problems in Ukrainian; without them, in English", function () {
    this.timeout(60_000);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { packWorkerBuildOptions } = require(path.join(projectRoot, 'scripts', 'pack-worker-build.js')) as {
      packWorkerBuildOptions: () => BuildOptions & { write: false };
    };
    const code = buildSync(packWorkerBuildOptions()).outputFiles[0].text;
    const text = 'pack: [unclosed\n';
    const file = '/w/.factpacks/team.yaml';
    const uk = parserFromWorkerCode(withTranslations(code, readJson('l10n/bundle.l10n.uk.json') as Record<string, string>))(text, file, {});
    assert.match(uk.problems[0].message, /^Синтаксис YAML: /);
    const en = parserFromWorkerCode(withTranslations(code, undefined))(text, file, {});
    assert.match(en.problems[0].message, /^YAML syntax: /);
  });
});
