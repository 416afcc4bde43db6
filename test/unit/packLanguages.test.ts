// A fact in other languages (`languages:`, keyed by a language tag): what a
// writer's pack may hold, and the located problems for what it may not.

import assert from 'node:assert/strict';
import { compilePackFiles, missingLanguages } from '../../src/core/packs/compilePack';
import { buildFactIndex } from '../../src/core/facts/factIndex';
import { parsePackText, type LoadResult } from '../../src/core/packs/packLoader';
import type { Problem } from '../../src/core/types';
import { describeProblems, factYaml, lineOf, packYaml, withCode } from './helpers';

const FILE = 'team.factpack.yaml';

function parse(text: string): LoadResult {
  return parsePackText(text, FILE);
}

function only(result: LoadResult, code: string): Problem {
  const found = withCode(result.problems, code);
  assert.equal(found.length, 1, `expected one "${code}" problem, got:\n${describeProblems(result.problems)}`);
  return found[0];
}

const UMEROV = factYaml('person.umerov', {
  kind: 'person',
  lines: [
    'languages:',
    '  uk:',
    '    label: Рустем Умєров',
    '    text: Рустем Умєров, секретар РНБО',
    '    aliases: [Умєров, Умеров]',
    '    name: { given: Рустем, family: Умєров, gender: masculine }',
    '  pt-BR:',
    '    label: Rustem Umerov',
    '    text: Rustem Umerov, secretário do Conselho',
  ],
});

suite('pack format: a fact in other languages', () => {
  test("a writer's pack may give a fact in any language; the loaded fact carries each as written", () => {
    const r = parse(packYaml(UMEROV));
    assert.deepEqual(r.problems, []);
    const fact = r.pack!.facts[0];
    assert.deepEqual(fact.languages, {
      uk: {
        label: 'Рустем Умєров',
        text: 'Рустем Умєров, секретар РНБО',
        aliases: ['Умєров', 'Умеров'],
        name: { given: 'Рустем', family: 'Умєров', gender: 'masculine' },
      },
      'pt-BR': { label: 'Rustem Umerov', text: 'Rustem Umerov, secretário do Conselho' },
    });
    // Other languages are optional in a writer's pack: the same pack without them has no problem either.
    assert.deepEqual(parse(packYaml(factYaml('f1'))).problems, []);
  });

  test("a writer's pack compiles without Ukrainian; only the bundled pack requires it", () => {
    const files = [{ path: FILE, text: packYaml(factYaml('f1')) }];
    assert.deepEqual(compilePackFiles(files, () => undefined).problems, []);
    const required = compilePackFiles(files, () => undefined, { requiredLanguages: ['uk'] }).problems;
    assert.equal(required.length, 1, describeProblems(required));
    assert.equal(required[0].code, 'missing-language');
    assert.equal(required[0].severity, 'error');
    assert.match(required[0].message, /Fact "f1" has no Ukrainian label and text/);
    assert.equal(required[0].range.start.line, lineOf(files[0].text, '- id: f1'));
  });

  test('a fact that has languages but not the required one is pointed at its languages', () => {
    const text = packYaml(factYaml('f1', { lines: ['languages:', '  de:', '    label: Begriff', '    text: Ein Begriff.'] }));
    const r = parse(text);
    assert.deepEqual(r.problems, []);
    const [p] = missingLanguages({ pack: r.pack!, locations: r.locations, origin: 'bundled' }, ['uk']);
    assert.equal(p.range.start.line, lineOf(text, '  de:'));
    assert.equal(missingLanguages({ pack: r.pack!, locations: r.locations, origin: 'bundled' }, ['de']).length, 0);
  });

  test('a language key that is not a language tag is refused at the key, and the fact is left out', () => {
    const text = packYaml(factYaml('f1', { lines: ['languages:', '  Ukrainian:', '    label: Термін', '    text: Термін.'] }));
    const r = parse(text);
    const p = only(r, 'bad-format');
    assert.match(p.message, /fact "f1"\.languages: key "Ukrainian" must be a language tag such as "uk"/);
    assert.deepEqual(p.range.start, { line: lineOf(text, 'Ukrainian:'), character: 6 });
    assert.equal(r.pack!.facts.length, 0);
    for (const key of ['UK', 'u', 'uk_UA', 'constructor', '__proto__', 'uk-']) {
      const bad = parse(packYaml(factYaml('f1', { lines: ['languages:', `  ${key}:`, '    label: Термін', '    text: Термін.'] })));
      assert.equal(withCode(bad.problems, 'bad-format').length, 1, `${key}: ${describeProblems(bad.problems)}`);
    }
    for (const key of ['uk', 'en-GB', 'pt-BR', 'zh-Hant', 'crh']) {
      assert.deepEqual(parse(packYaml(factYaml('f1', { lines: ['languages:', `  ${key}:`, '    label: L', '    text: T.'] }))).problems, [], key);
    }
  });

  test('wrong types are located: languages as a list, a language as text, aliases as text', () => {
    let text = packYaml(factYaml('f1', { lines: ['languages: [uk]'] }));
    let p = only(parse(text), 'wrong-type');
    assert.match(p.message, /fact "f1"\.languages must be a mapping/);
    assert.equal(p.range.start.line, lineOf(text, 'languages: [uk]'));
    text = packYaml(factYaml('f1', { lines: ['languages:', '  uk: Термін'] }));
    p = only(parse(text), 'wrong-type');
    assert.match(p.message, /fact "f1"\.languages\.uk must be a mapping/);
    assert.deepEqual(p.range.start, { line: lineOf(text, 'uk: Термін'), character: 10 });
    text = packYaml(factYaml('f1', { lines: ['languages:', '  uk:', '    label: Термін', '    text: Термін.', '    aliases: Термін'] }));
    p = only(parse(text), 'wrong-type');
    assert.match(p.message, /fact "f1"\.languages\.uk\.aliases must be a list/);
    assert.equal(p.range.start.line, lineOf(text, 'aliases: Термін'));
  });

  test('an unknown key in a language suggests the known one; a missing text is named', () => {
    const text = packYaml(factYaml('f1', { lines: ['languages:', '  uk:', '    lable: Термін', '    text: Термін.'] }));
    const r = parse(text);
    const unknown = only(r, 'unknown-key');
    assert.match(unknown.message, /fact "f1"\.languages\.uk: unknown key "lable" \(did you mean "label"\?\); allowed: label, text, aliases, name, forms/);
    assert.equal(unknown.range.start.line, lineOf(text, 'lable:'));
    const missing = only(r, 'missing-key');
    assert.match(missing.message, /fact "f1"\.languages\.uk is missing "label"/);
    assert.match(only(parse(packYaml(factYaml('f1', { lines: ['languages:', '  uk:', '    label: Термін'] }))), 'missing-key').message, /is missing "text"/);
  });

  test('empty label, text or alias in a language is refused where it stands', () => {
    for (const [line, what] of [
      ['label: ""', 'label'],
      ['text: "  "', 'text'],
    ] as const) {
      const lines = ['languages:', '  uk:', '    label: Термін', '    text: Термін.'].map((l) => (l.trim().startsWith(`${what}:`) ? `    ${line}` : l));
      const text = packYaml(factYaml('f1', { lines }));
      const p = only(parse(text), 'too-short');
      assert.match(p.message, new RegExp(`fact "f1"\\.languages\\.uk\\.${what} must not be empty`));
      assert.equal(p.range.start.line, lineOf(text, line));
    }
    const text = packYaml(factYaml('f1', { lines: ['languages:', '  uk:', '    label: Термін', '    text: Термін.', '    aliases: [Термін, "Т"]'] }));
    assert.match(only(parse(text), 'too-short').message, /languages\.uk\.aliases\[2\] must be at least 2 characters/);
  });

  test('a name needs its family name and a gender of the two the declension knows', () => {
    const withName = (name: string): LoadResult =>
      parse(packYaml(factYaml('person.x', { kind: 'person', lines: ['languages:', '  uk:', '    label: Ікс', '    text: Ікс', `    name: ${name}`] })));
    assert.match(only(withName('{ given: Ікс, gender: masculine }'), 'missing-key').message, /languages\.uk\.name is missing "family"/);
    assert.match(
      only(withName('{ family: Ікс, gender: male }'), 'bad-value').message,
      /languages\.uk\.name\.gender "male" must be one of: masculine, feminine/,
    );
    assert.match(only(withName('Ікс'), 'wrong-type').message, /languages\.uk\.name must be a mapping/);
    assert.deepEqual(withName('{ given: Ікс, patronymic: Іксович, family: Ікс, gender: feminine }').problems, []);
  });

  test('name parts on a fact that is not a person are refused at the name', () => {
    const text = packYaml(
      factYaml('place.kyiv', {
        kind: 'place',
        lines: ['languages:', '  uk:', '    label: Київ', '    text: Київ', '    name: { family: Київ, gender: masculine }'],
      }),
    );
    const p = only(parse(text), 'not-a-person');
    assert.match(p.message, /fact "place\.kyiv"\.languages\.uk\.name: only a person's name has parts .* this fact is a place/);
    assert.equal(p.range.start.line, lineOf(text, 'name: { family: Київ'));
  });

  test('a fact in other languages is indexed like any other: hover and the check see the same fact', () => {
    const r = parse(packYaml(UMEROV));
    const built = buildFactIndex([{ pack: r.pack!, locations: r.locations, origin: 'workspace' }]);
    assert.deepEqual(built.problems, []);
    assert.equal(built.index.fact('person.umerov')?.fact.languages?.uk.label, 'Рустем Умєров');
  });
});
