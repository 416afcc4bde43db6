// The valid-pack reader (src/core/packs/validPack.ts) reads a valid pack file
// straight into its values. Whatever it reads must load exactly as the `yaml`
// library's reading of the same text loads (facts, problems, every value's
// range, in the order recorded); whatever is not valid, or not in its form,
// it leaves to the loader's general reading.

import assert from 'node:assert/strict';
import { PACK_SHAPES, parsePackText } from '../../src/core/packs/packLoader';
import { LineIndex } from '../../src/core/document/text';
import { readValidPack } from '../../src/core/packs/validPack';
import { bundledFiles, factYaml, packYaml, withCode } from './helpers';
import { assertSameLoad, mutate, reform } from './packEdits';

function readsValid(text: string): boolean {
  return readValidPack(text, new LineIndex(text), PACK_SHAPES) !== undefined;
}

suite('valid-pack reader', () => {
  const packs = bundledFiles();

  test('reads every bundled pack file, and the loader gives what the library reading gives', () => {
    for (const { path, text } of packs) {
      assert.ok(readsValid(text), `${path} is left to the general reading`);
      assertSameLoad(text, path);
    }
  });

  test('on 200 seeded rewrites of the bundled packs in other forms of the same meaning, it reads most, each as the library reads it', function () {
    this.timeout(300_000);
    let read = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const { path, text } = packs[seed % packs.length];
      const edited = reform(text, seed);
      if (readsValid(edited)) read++;
      assert.doesNotThrow(() => assertSameLoad(edited, path), `seed ${seed} (${path})`);
    }
    assert.ok(read > 130, `${read} of 200 read by the valid-pack reader`);
  });

  test('on 400 seeded random edits of the bundled packs, whatever it reads loads as the library reads it, with no problem of its own', function () {
    this.timeout(300_000);
    let read = 0;
    for (let seed = 1; seed <= 400; seed++) {
      const { path, text } = packs[seed % packs.length];
      const edited = mutate(text, seed);
      if (!readsValid(edited)) continue;
      read++;
      const slow = parsePackText(edited, path, { quickReader: false });
      // Only the checks made after reading (citation keys, names of non-people) may find a problem in what it reads.
      assert.deepEqual(
        slow.problems.filter((p) => p.code !== 'citation-key-collision' && p.code !== 'not-a-person'),
        [],
        `seed ${seed}: read a pack the library finds fault with`,
      );
      assertSameLoad(edited, path);
    }
    assert.ok(read > 50, `${read} of 400 read by the valid-pack reader`);
  });

  test('leaves every fault to the general reading, which finds and locates it', () => {
    const fact = factYaml('event.a');
    const faults: [string, string][] = [
      [packYaml(fact).replace('  - id: event.a', '  - id: event.a\n    colour: blue'), 'unknown-key'],
      [packYaml(fact).replace('  - id: event.a', '  - id: event.a\n    id: event.b'), 'duplicate-key'],
      [packYaml(fact).replace(/\n {4}label: .*/, ''), 'missing-key'],
      [packYaml(fact).replace(/\n {4}kind: event/, '\n    kind: evnt'), 'bad-value'],
      [packYaml(fact).replace(/\n {4}kind: event/, '\n    kind: event\n    date: 23 June'), 'bad-date'],
      [packYaml(fact).replace(/\n {4}kind: event/, '\n    kind: event\n    number: "12"'), 'wrong-type'],
      [packYaml(fact).replace(/\n {4}kind: event/, '\n    kind: event\n    note: "a\\eb"'), 'control-character'],
      [packYaml(fact).replace(/\n {4}kind: event/, '\n    kind: event\n    note: true'), 'wrong-type'],
      [packYaml(fact).replace(/\n {4}kind: event/, '\n    kind: event\n    note:'), 'wrong-type'],
      [packYaml(fact).replace(/\n {4}aliases: .*/, `\n    aliases: [${Array.from({ length: 201 }, (_, i) => `a${i}`).join(', ')}]`), 'too-many-items'],
      [packYaml(fact).replace(/\n {4}kind: event/, '\n    kind: event\n    related: []\n    wordings: []'), 'too-few-items'],
      [packYaml(fact).replace('facts:', 'extra: 1\nfacts:'), 'unknown-key'],
    ];
    for (const [text, code] of faults) {
      assert.equal(readsValid(text), false, code);
      assert.ok(withCode(parsePackText(text, 'f.yaml').problems, code).length > 0, `${code} in ${text}`);
      assertSameLoad(text, 'f.yaml');
    }
  });

  test('types values as the library does: a number written bare is text where text is asked, an id that YAML reads as a number is located by its text', () => {
    const text = packYaml(factYaml('1e3', { kind: 'term' })).replace('version: "1.0.0"', 'version: 1.0');
    assert.ok(readsValid(text));
    const loaded = parsePackText(text, 'f.yaml');
    assert.equal(loaded.pack?.meta.version, '1.0');
    assert.equal(loaded.pack?.facts[0].id, '1e3');
    assert.ok(loaded.locations.facts.get('1e3'));
    assertSameLoad(text, 'f.yaml');
    const numbered = packYaml(factYaml('term.n', { kind: 'term' })).replace('  - id: term.n', '  - id: term.n\n    number: 1e3\n    unit: drones');
    assert.ok(readsValid(numbered));
    assert.equal(parsePackText(numbered, 'f.yaml').pack?.facts[0].number, 1000);
    assertSameLoad(numbered, 'f.yaml');
  });

  test('reads "pack", "sources" and "facts" in that order only; another order loads the same by the general reading', () => {
    const text = packYaml(factYaml('person.a'));
    const facts = text.indexOf('facts:');
    const reordered = text.slice(facts) + text.slice(0, facts);
    assert.equal(readsValid(reordered), false);
    assertSameLoad(reordered, 'f.yaml');
    assert.ok(parsePackText(reordered, 'f.yaml').pack);
  });

  test('a valid pack whose text holds many "[" in plain values is read, not refused as nested too deeply; deep nesting still is', () => {
    const many = Array.from({ length: 70 }, (_, i) => factYaml(`term.t${i}`, { kind: 'term' }).replace(/\n {4}label: (.*)/, '\n    label: $1 [sic')).join('');
    const text = packYaml(many);
    const loaded = parsePackText(text, 'f.yaml');
    assert.deepEqual(loaded.problems, []);
    assert.equal(loaded.pack?.facts.length, 70);
    const deep = packYaml(factYaml('person.a')).replace('facts:', `note: ${'['.repeat(70)}${']'.repeat(70)}\nfacts:`);
    assert.equal(withCode(parsePackText(deep, 'f.yaml').problems, 'nested-too-deeply').length, 1);
  });
});
