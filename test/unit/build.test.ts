// The build as a pack author meets it: a broken pack stops `node esbuild.js`
// with file:line:col; the JSON Schema that YAML tooling uses agrees with the
// loader; and the pack example in the README is a valid pack.

import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Ajv from 'ajv';
import { parse as parseYaml } from 'yaml';
import { bundleOrder, MAIN_PACK_FILE } from '../../src/core/packs/buildTools';
import { buildFactIndex } from '../../src/core/facts/factIndex';
import { parsePackText } from '../../src/core/packs/packLoader';
import { packJsonSchema } from '../../src/core/packs/packSchema';
import { bundledFiles } from './helpers';

const root = path.resolve(__dirname, '..', '..', '..');

function checkData(files: Record<string, string>): { status: number | null; output: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'agreement-cite-data-'));
  try {
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
    const r = spawnSync(process.execPath, ['esbuild.js', '--check-only'], {
      cwd: root,
      env: { ...process.env, AGREEMENT_CITE_DATA_DIR: dir },
      encoding: 'utf8',
    });
    return { status: r.status, output: `${r.stdout}${r.stderr}`.replaceAll(dir + path.sep, '') };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const GOOD = `pack:
  id: t
  title: T
  version: 1.0.0
  language: en
  checked: 2025-07-01
sources:
  - id: s
    title: S
    publisher: P
    kind: outlet
    language: en
facts:
  - id: f
    kind: term
    label: Term
    text: A term.
    aliases: [a term]
    citations:
      - source: s
    languages:
      uk:
        label: Термін
        text: Термін.
`;

suite('build: checking data/*.yaml', function () {
  this.timeout(60_000);

  test('the bundled pack passes the check', () => {
    const r = spawnSync(process.execPath, ['esbuild.js', '--check-only'], { cwd: root, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /fact pack: \d+ facts, \d+ sources; evidence checked verbatim: (\d+)\/\1/);
  });

  test('a good pack passes', () => {
    const r = checkData({ 'good.yaml': GOOD });
    assert.equal(r.status, 0, r.output);
  });

  test('a dangling source reference stops the build at its line and column', () => {
    const r = checkData({ 'broken.yaml': GOOD.replace('      - source: s\n', '      - source: missing\n') });
    assert.equal(r.status, 1);
    assert.match(r.output, /^broken\.yaml:20:17: error: Fact "f" cites source "missing", which no pack defines\. \[unknown-source\]$/m);
    assert.match(r.output, /The fact pack has 1 error; the build stops here\./);
  });

  test('a fact without its Ukrainian label and text stops the build at the fact', () => {
    const r = checkData({ 'broken.yaml': GOOD.replace(/ {4}languages:\n[^]*$/, '') });
    assert.equal(r.status, 1);
    assert.match(
      r.output,
      /^broken\.yaml:14:5: error: Fact "f" has no Ukrainian label and text: add "languages: uk: \{ label, text \}" \(every fact of this pack is written in Ukrainian too\)\. \[missing-language\]$/m,
    );
    assert.match(r.output, /The fact pack has 1 error; the build stops here\./);
  });

  test('every fact of the bundled pack has its Ukrainian label and text, and every person the parts of the name', () => {
    for (const file of bundledFiles()) {
      for (const fact of (
        parseYaml(file.text) as { facts: { id: string; kind: string; languages?: { uk?: { label?: string; text?: string; name?: unknown } } }[] }
      ).facts) {
        const uk = fact.languages?.uk;
        assert.ok(uk?.label && uk.text, `${fact.id}: no Ukrainian label and text`);
        assert.match(`${uk.label} ${uk.text}`, /[а-яєіїґ]/i, `${fact.id}: the Ukrainian text is not in Ukrainian`);
        if (fact.kind === 'person') assert.ok(uk.name, `${fact.id}: a person without the parts of the name`);
      }
    }
  });

  test('a YAML syntax error stops the build at its line', () => {
    const r = checkData({ 'broken.yaml': GOOD.replace('    label: Term\n', '    label: [Term\n') });
    assert.equal(r.status, 1);
    assert.match(r.output, /^broken\.yaml:16:\d+: error: YAML syntax: /m);
  });

  test('a duplicate id across two pack files is reported in both', () => {
    const r = checkData({ 'a.yaml': GOOD, 'b.yaml': GOOD.replace('id: s\n', 'id: s2\n').replace('source: s\n', 'source: s2\n') });
    assert.equal(r.status, 1);
    assert.match(r.output, /^b\.yaml:14:5: error: The fact id "f" is already used/m);
    assert.match(r.output, /^a\.yaml:14:5: error: The fact id "f" is used again in .*b\.yaml/m);
  });

  test('the main pack is merged first, so the bundle carries its metadata whatever the other files are called', () => {
    assert.deepEqual(bundleOrder(['defence-industry.yaml', MAIN_PACK_FILE, 'a.yaml']), [MAIN_PACK_FILE, 'a.yaml', 'defence-industry.yaml']);
    assert.deepEqual(bundleOrder(['b.yaml', 'a.yaml']), ['a.yaml', 'b.yaml']);
    // The unit tests read the pack files in the order the build merges them.
    const names = bundledFiles().map((f) => path.basename(f.path));
    assert.equal(names[0], MAIN_PACK_FILE);
    assert.deepEqual(bundleOrder(names), names);
  });

  test('an empty data folder is an error, not an empty extension', () => {
    const r = checkData({});
    assert.equal(r.status, 1);
    assert.match(r.output, /no pack files \(\*\.yaml\) found/);
  });
});

suite('build: the JSON Schema agrees with the loader', () => {
  const schemaFile = path.join(root, 'schema', 'factpack.schema.json');
  const validate = new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(fs.readFileSync(schemaFile, 'utf8')));

  test('the committed schema is the one the loader generates', () => {
    assert.deepEqual(JSON.parse(fs.readFileSync(schemaFile, 'utf8')), packJsonSchema());
  });

  test('every file of the bundled pack is valid against the schema', () => {
    const files = bundledFiles();
    assert.ok(files.length >= 2, files.map((f) => f.path).join(', '));
    for (const file of files) {
      const data = parseYaml(file.text);
      assert.ok(validate(data), `${path.basename(file.path)}: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
    }
  });

  for (const [name, text] of [
    ['an unknown key', GOOD.replace('    label: Term\n', '    label: Term\n    colour: red\n')],
    ['a bad kind', GOOD.replace('kind: term', 'kind: rumour')],
    ['a missing label', GOOD.replace('    label: Term\n', '')],
    ['a bad date', GOOD.replace('    kind: outlet\n', '    kind: outlet\n    date: 23 June\n')],
    ['no citations', GOOD.replace('    citations:\n      - source: s\n', '    citations: []\n')],
    ['a language key that is not a tag', GOOD.replace('      uk:\n', '      Ukrainian:\n')],
    ['an unknown key in a language', GOOD.replace('        label: Термін\n', '        label: Термін\n        colour: red\n')],
    ['an empty text in a language', GOOD.replace('        text: Термін.\n', '        text: ""\n')],
  ] as const) {
    test(`both reject ${name}`, () => {
      assert.equal(validate(parseYaml(text)), false, `the schema accepts ${name}`);
      assert.ok(
        parsePackText(text, 'x.yaml').problems.some((p) => p.severity === 'error'),
        `the loader accepts ${name}`,
      );
    });
  }
});

suite('README: the pack example', () => {
  test('is a valid pack with no problem at all', () => {
    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
    const example = /```yaml\n(pack:[\s\S]*?)```/.exec(readme)?.[1];
    assert.ok(example, 'the README has a yaml block starting with "pack:"');
    const r = parsePackText(example, 'README.md');
    assert.deepEqual(r.problems, []);
    const built = buildFactIndex([{ pack: r.pack!, locations: r.locations, origin: 'workspace' }]);
    assert.deepEqual(built.problems, []);
    assert.equal(built.index.fact('quote.example')?.wording?.text, 'We are on schedule.');
  });
});
