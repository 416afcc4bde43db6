// The quick reader of packs written as JSON (src/core/packs/quickJson.ts) must
// give what the `yaml` library's composer gives, node for node and offset for
// offset, for every text it reads, and leave every other text to the library:
// the loader's results (facts, problems, every value's range) are then the
// same whichever read the text.

import assert from 'node:assert/strict';
import { parseDocument, type YAMLMap } from 'yaml';
import { parsePackText } from '../../src/core/packs/packLoader';
import { readJson } from '../../src/core/packs/quickJson';
import { bundledFiles, prng } from './helpers';
import { assertSameLoad, composedDifference as difference, libraryCompose as library } from './packEdits';

type Random = ReturnType<typeof prng>;

/** The root the JSON reader composes, or undefined where it leaves the text to the others. */
function quickComposeJson(text: string): YAMLMap | undefined {
  return readJson(text)?.root;
}

/** A bundled pack file's values, as the library reads them. */
function packValue(text: string): unknown {
  return parseDocument(text).toJS();
}

/** Asserts that the quick reader reads `text` as the library composes it, with no fault found by either. */
function assertReadAsLibrary(text: string, what: string): void {
  const quick = quickComposeJson(text);
  assert.ok(quick, `${what} is left to the library`);
  const doc = library(text);
  assert.deepEqual(
    [...doc.errors, ...doc.warnings].map((e) => e.message),
    [],
    `${what}: the library finds fault with it`,
  );
  assert.equal(difference(quick, doc.contents), undefined, what);
}

/** Strings and plain values of JSON, some that YAML reads in ways of its own when unquoted. */
const STRINGS = [
  '',
  'plain',
  'a: b',
  '- item',
  '# not a comment',
  '[x]',
  '{y}',
  'x, y',
  'Київ',
  'zażółć',
  '😀',
  'quote " inside',
  'back \\ slash',
  'tab\there',
  'line\nbreak',
  '2025-06-23',
  'true',
  '1e3',
  '~',
  ' padded ',
  "it's",
];
const PLAIN = ['0', '-0', '12', '-12', '1.5', '1e3', '1E+3', '2.5e-2', '12345678901234567890', 'true', 'false', 'null'];

/** Whitespace between tokens, as writers' tools and hands leave it. */
function gap(r: Random): string {
  return r.pick(['', '', ' ', '  ', '\n', '\n  ', '\n    ', ' \n', '\n\n  ', '\n ']);
}

/** A JSON text of `value` with random whitespace between its tokens, strings written with escapes at random. */
function written(value: unknown, r: Random): string {
  if (typeof value === 'string') {
    const json = JSON.stringify(value);
    return r.int(4) === 0 ? json.replace(/[^\x20-\x7e]|\//g, (c) => (c === '/' ? '\\/' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)) : json;
  }
  if (Array.isArray(value)) return `[${gap(r)}${value.map((v) => written(v, r) + gap(r)).join(`,${gap(r)}`)}]`;
  if (value && typeof value === 'object') {
    const pairs = Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}${r.pick(['', ' '])}:${gap(r)}${written(v, r)}${gap(r)}`);
    return `{${gap(r)}${pairs.join(`,${gap(r)}`)}}`;
  }
  return typeof value === 'number' ? r.pick(PLAIN.filter((p) => Number(p) === value)) : String(value);
}

/** A random value of strings, plain values, arrays and objects, `depth` levels at most. */
function randomValue(r: Random, depth: number): unknown {
  const k = r.int(depth > 0 ? 5 : 3);
  if (k === 0) return r.pick(STRINGS);
  if (k === 1 || k === 2) {
    const p = r.pick(PLAIN);
    return p === 'true' || p === 'false' || p === 'null' ? JSON.parse(p) : Number(p);
  }
  if (k === 3) return Array.from({ length: r.int(4) }, () => randomValue(r, depth - 1));
  return Object.fromEntries(Array.from({ length: r.int(4) }, (_, i) => [r.pick(['id', 'label', `k${i}`, 'a b', 'Київ', '']), randomValue(r, depth - 1)]));
}

suite('quick JSON reader', () => {
  const packs = bundledFiles().map(({ path, text }) => ({ path, value: packValue(text) }));

  test('reads every bundled pack written as JSON, indented or on one line, node for node as the library composes it', () => {
    for (const { path, value } of packs) {
      for (const indent of [2, 4, 0]) assertReadAsLibrary(`${JSON.stringify(value, null, indent)}\n`, `${path} indented ${indent}`);
    }
  });

  test('gives the loader the same facts, problems and ranges as the library, and the same facts as the pack in YAML', () => {
    for (const { path, value } of packs) {
      const json = JSON.stringify(value, null, 2);
      assertSameLoad(json, path);
      const yaml = parsePackText(bundledFiles().find((f) => f.path === path)!.text, path);
      assert.deepEqual(parsePackText(json, path).pack, yaml.pack, path);
    }
  });

  test('on 600 seeded random JSON texts, with line breaks and spaces anywhere between tokens, reads each as the library does', () => {
    for (let seed = 1; seed <= 600; seed++) {
      const r = prng(seed);
      const value = { pack: randomValue(r, 3), facts: randomValue(r, 3) };
      const text = `${r.pick(['', '\n', '  '])}${written(value, r)}${r.pick(['', '\n', '\n\n', ' \n'])}`;
      assertReadAsLibrary(text, `seed ${seed}: ${JSON.stringify(text.slice(0, 120))}`);
    }
  });

  test('on 600 seeded random edits of a pack written as JSON, whatever it reads it reads as the library does, and the loads agree', function () {
    this.timeout(300_000);
    const whole = packs[0].value as { sources: unknown[]; facts: unknown[] };
    const json = `${JSON.stringify({ ...whole, sources: whole.sources.slice(0, 3), facts: whole.facts.slice(0, 4) }, null, 2)}\n`;
    const pieces = [',', ':', '"', '[', ']', '{', '}', ' ', '\n', '#', '\t', 'x', '1', '\\', "'", '-', '\n]', '\n}'];
    let read = 0;
    for (let seed = 1; seed <= 600; seed++) {
      const r = prng(seed);
      let text = json;
      for (let m = 1 + r.int(2); m > 0; m--) {
        const at = r.int(text.length);
        text = r.int(2) ? text.slice(0, at) + r.pick(pieces) + text.slice(at) : text.slice(0, at) + text.slice(at + 1 + r.int(3));
      }
      const quick = quickComposeJson(text);
      if (quick) {
        read++;
        const doc = library(text);
        assert.deepEqual(
          [...doc.errors, ...doc.warnings].map((e) => e.message),
          [],
          `seed ${seed}: read a text the library finds fault with`,
        );
        assert.equal(difference(quick, doc.contents), undefined, `seed ${seed}`);
      }
      if (seed % 5 === 0) assertSameLoad(text, 'edited.json.yaml');
    }
    // Edits inside strings, and of spaces and line breaks, keep the text JSON; the others went to the library.
    assert.ok(read > 150, `${read} of 600 read quickly`);
  });

  test('reads keys given twice, escapes, empty keys and numbers YAML writes otherwise, as the library does, and the loads agree', () => {
    const texts = [
      '{"pack": 1, "pack": 2}',
      '{"pack": {"id": "x", "id": [1, {"id": 2}]}, "pack": null, "facts": []}',
      '{"": "", "\\u0000": 1, "facts": [{"id": "a\\tb"}]}',
      '{"pack": "\\ud83d\\ude00", "sources": "\\/\\"\\\\\\b\\f\\n\\r\\t"}',
      '{"pack": {"version": 1.0, "n": -0, "big": 1E400, "small": 0.10, "exp": 2.5e-3}}',
    ];
    for (const text of texts) {
      assertReadAsLibrary(text, text);
      assertSameLoad(text, 'keys.yaml');
    }
  });

  test('leaves to the library what is not JSON of that form, and the loads agree', () => {
    const left = [
      '{"pack": 1, // a comment\n}',
      '{"pack": 1 # a comment\n}',
      '{"pack": [1, 2,]}',
      '{"pack": 1,}',
      '{pack: 1}',
      "{'pack': 1}",
      '{"pack":\t1}',
      '{"pack": 1}\r\n',
      '\uFEFF{"pack": 1}',
      '{"pack": "a\nb"}',
      '{"pack": 1} {"facts": 2}',
      '{"pack": 1}\n---\n',
      '["pack"]',
      '{"pack": 01}',
      '{"pack": +1}',
      '{"pack": .5}',
      '{"pack": True}',
      '{"pack": "x" "y"}',
      '{"pack" 1}',
      '{"pack": &a 1}',
      '{"pack": !!str 1}',
      '{"pack"\n: 1}',
      `{"pack": ${'['.repeat(70)}${']'.repeat(70)}}`,
      `{"pack": "${'x'.repeat(60_000)}"}`,
      'pack: {"id": 1}',
    ];
    for (const text of left) {
      assert.equal(quickComposeJson(text), undefined, JSON.stringify(text.slice(0, 80)));
      assertSameLoad(text, 'left.yaml');
    }
  });

  test('a pack written as JSON on one line is read, not refused as a line crowded with values in brackets', () => {
    const value = packs[0].value as { facts: unknown[] };
    const oneLine = JSON.stringify(value);
    assert.ok(oneLine.split(',').length > 1_000, 'more than 1,000 values on its line');
    const result = parsePackText(oneLine, 'pack.yaml');
    assert.deepEqual(result.problems, []);
    assert.equal(result.pack?.facts.length, value.facts.length);
    // The same facts as the same pack indented, which the library reads too.
    assert.deepEqual(result.pack, parsePackText(JSON.stringify(value, null, 2), 'pack.yaml').pack);
    // The library is not given such a line: without the quick readers, it is refused at a bracket.
    const slow = parsePackText(oneLine, 'pack.yaml', { quickReader: false });
    assert.deepEqual(
      slow.problems.map((p) => [p.code, p.range.start.line]),
      [['yaml-syntax', 0]],
    );
  });

  test('a list inside a fact longer than any pack list is left to the loader, whose guards refuse it on one line; the list of facts may be long', () => {
    const fact = (i: number, aliases: number): object => ({
      id: `f${i}`,
      kind: 'event',
      label: `Event ${i}`,
      text: `Event ${i}.`,
      aliases: Array.from({ length: aliases }, (_, k) => `alias ${k}`),
      citations: [{ source: 's' }],
    });
    const pack = (facts: object[]): object => ({
      pack: { id: 'p', title: 'P', version: '1', language: 'en', checked: '2026-12-01' },
      sources: [{ id: 's', title: 'S', publisher: 'P', kind: 'outlet', language: 'en', url: 'https://example.org/s' }],
      facts,
    });
    const long = JSON.stringify(pack([fact(0, 1_001)]));
    assert.equal(quickComposeJson(long), undefined);
    assert.deepEqual(
      parsePackText(long, 'p.yaml').problems.map((p) => p.code),
      ['yaml-syntax'],
    );
    const indented = JSON.stringify(pack([fact(0, 1_001)]), null, 2);
    assert.equal(quickComposeJson(indented), undefined);
    assert.deepEqual(
      parsePackText(indented, 'p.yaml').problems.map((p) => p.message),
      ['fact "f0".aliases has 1001 items; at most 200 are allowed'],
    );
    const many = JSON.stringify(pack(Array.from({ length: 1_500 }, (_, i) => fact(i, 2))));
    assert.ok(quickComposeJson(many));
    assert.equal(parsePackText(many, 'p.yaml').pack?.facts.length, 1_500);
  });

  test('a pack written as JSON on one line with a mistake in it: the problem is where it stops being JSON, and both readers agree', () => {
    const value = packs[0].value as { facts: { label?: string }[] };
    const oneLine = JSON.stringify(value);
    const label = JSON.stringify(value.facts[40].label);
    const cases: [string, string, number][] = [
      ['a comma lost', oneLine.replace(`"label":${label},`, `"label":${label}`), oneLine.indexOf(`"label":${label},`) + `"label":${label}`.length],
      ['a comma too many', oneLine.replace(`"label":${label},`, `"label":${label},,`), oneLine.indexOf(`"label":${label},`) + `"label":${label},`.length],
      // Its string then runs on to the next quote, and the text stops being JSON just after it.
      [
        'a closing quote lost',
        oneLine.replace(`"label":${label}`, `"label":${label.slice(0, -1)}`),
        oneLine.indexOf(`"label":${label}`) + '"label":'.length + label.length + 1,
      ],
      ['the last bracket lost', oneLine.slice(0, -1), oneLine.length - 1],
    ];
    for (const [what, text, at] of cases) {
      const result = parsePackText(text, 'p.json');
      assert.deepEqual(
        result.problems.map((p) => [p.code, p.range.start.line, p.range.start.character]),
        [['yaml-syntax', 0, at]],
        what,
      );
      assert.match(
        result.problems[0].message,
        /^YAML syntax: this pack, written as JSON, cannot be read from here: is a comma, a quote or a bracket missing\? Its line 1 holds more than 1,000 values in brackets/,
        what,
      );
      assertSameLoad(text, 'p.json');
    }
    // A YAML pack's crowded line is told as before, at its bracket.
    const yaml = `pack: x\nfacts: [${'a, '.repeat(1_200)}\n`;
    assert.match(parsePackText(yaml, 'p.yaml').problems[0].message, /the brackets this "\[" opens hold more than 1,000 values on line 2/);
  });
});
