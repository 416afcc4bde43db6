// The quick reader of pack YAML (src/core/packs/quickYaml.ts) must give what
// the `yaml` library's composer gives, node for node and offset for offset,
// for every text it reads, and leave every other text to the library: the
// loader's results (facts, problems, every value's range) are then the same
// whichever read the text.

import assert from 'node:assert/strict';
import { quickCompose } from '../../src/core/packs/quickYaml';
import { bundledFiles } from './helpers';
import { assertSameLoad, composedDifference as difference, libraryCompose as library, mutate } from './packEdits';

suite('quick YAML reader', () => {
  const packs = bundledFiles();

  test('reads every bundled pack file, node for node and offset for offset as the library composes it', () => {
    for (const { path, text } of packs) {
      const quick = quickCompose(text);
      assert.ok(quick, `${path} is left to the library`);
      assert.equal(difference(quick, library(text).contents), undefined, path);
    }
  });

  test('gives the loader the same facts, problems and ranges as the library, for the bundled packs', () => {
    for (const { path, text } of packs) assertSameLoad(text, path);
  });

  test('leaves to the library what it does not read: anchors, tags, tabs, values over several lines, document markers', () => {
    const left = [
      'pack: &p x\n',
      'pack: *p\n',
      'pack: !!str 1\n',
      'pack:\n\tid: x\n',
      'pack:\r\n  id: x\r\n',
      '---\npack: x\n',
      'pack: x\n...\n',
      'pack: one\n  two\n',
      'pack: "one\n  two"\n',
      'pack: [a,\n  b]\n',
      'pack: |+\n  x\n',
      'pack: >2\n   x\n',
      'pack:\n  id: x\n    # a comment deeper than the line after it\nfacts: []\n',
      'pack:\n  id: x\n  # a comment after the last value of "pack"\nfacts: []\n',
      'pack:  # a comment after an empty value\nfacts: []\n',
      '? pack\n: x\n',
      '"pack": x\n',
      '- pack\n',
      '  pack: x\n',
      'pack: a: b\n',
      'pack: "a" b\n',
      `pack: ${'x'.repeat(60_000)}\n`,
      `pack: x\n${'\n'.repeat(1_200)}facts: []\n`,
    ];
    for (const text of left) {
      assert.equal(quickCompose(text), undefined, JSON.stringify(text.slice(0, 80)));
      assertSameLoad(text, 'left.yaml');
    }
  });

  test('on 400 seeded random edits of the bundled packs, whatever it reads it reads as the library does, and the loads agree', function () {
    this.timeout(300_000);
    let read = 0;
    for (let seed = 1; seed <= 400; seed++) {
      const { path, text } = packs[seed % packs.length];
      const edited = mutate(text, seed);
      const quick = quickCompose(edited);
      if (!quick) continue;
      read++;
      const doc = library(edited);
      assert.deepEqual(
        [...doc.errors, ...doc.warnings].map((e) => e.message),
        [],
        `seed ${seed}: read a text the library finds fault with`,
      );
      assert.equal(difference(quick, doc.contents), undefined, `seed ${seed} (${path})`);
      if (seed % 10 === 0) assertSameLoad(edited, path);
    }
    // Most single edits keep a pack in the form read quickly; the others went to the library.
    assert.ok(read > 100, `${read} of 400 read quickly`);
  });
});
