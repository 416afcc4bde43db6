// packLoader.parsePackText on bad input: every problem is located in the
// file, says what is wrong in words a pack author understands, and nothing throws.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { DEFAULT_MAX_PACK_BYTES, MAX_FLOW_VALUES_PER_LINE, parsePackText, type LoadResult } from '../../src/core/packs/packLoader';
import { MAX_BLANK_LINES, MAX_TEXT_CHARS, MAX_VALUE_CHARS } from '../../src/core/packs/packLimits';
import type { Problem } from '../../src/core/types';
import { characterOf, describeProblems, errors, factYaml, lineOf, PACK_HEAD, packYaml, withCode } from './helpers';

const FILE = 'packs/writer pack.yaml';

function parse(text: string, maxBytes?: number): LoadResult {
  let result: LoadResult | undefined;
  assert.doesNotThrow(() => {
    result = parsePackText(text, FILE, maxBytes === undefined ? {} : { maxBytes });
  });
  return result!;
}

/** The one problem with a code, failing with the full list when there is not exactly one. */
function only(result: LoadResult, code: string): Problem {
  const found = withCode(result.problems, code);
  assert.equal(found.length, 1, `expected one "${code}" problem, got:\n${describeProblems(result.problems)}`);
  return found[0];
}

function assertLocated(result: LoadResult, text: string): void {
  const lines = text.split(/\r?\n/);
  for (const p of result.problems) {
    assert.equal(p.file, FILE);
    assert.ok(p.message.length > 10, `problem ${p.code} has no real message`);
    for (const pos of [p.range.start, p.range.end]) {
      assert.ok(pos.line >= 0 && pos.line < Math.max(lines.length, 1), `${p.code} line ${pos.line} is outside the file`);
      assert.ok(pos.character >= 0 && pos.character <= lines[pos.line].length, `${p.code} character ${pos.character} is outside line ${pos.line}`);
    }
  }
}

function timed<T>(fn: () => T): { value: T; ms: number } {
  const t0 = process.hrtime.bigint();
  const value = fn();
  return { value, ms: Number(process.hrtime.bigint() - t0) / 1e6 };
}

suite('packLoader: a valid pack', () => {
  test('a small valid pack loads with no problems', () => {
    const r = parse(packYaml(factYaml('f1'), factYaml('f2')));
    assert.deepEqual(r.problems, []);
    assert.deepEqual(
      r.pack?.facts.map((f) => f.id),
      ['f1', 'f2'],
    );
    assert.equal(r.pack?.sources.length, 2);
  });

  test('bare numbers where text is meant ("version: 1.10") keep their written form', () => {
    const r = parse(packYaml(factYaml('f1')).replace('version: "1.0"', 'version: 1.10'));
    assert.deepEqual(errors(r.problems), []);
    assert.equal(r.pack?.meta.version, '1.10');
  });
});

suite('packLoader: malformed YAML', () => {
  const unclosed = packYaml(
    ['  - id: f1', '    kind: event', '    label: "Unclosed label', '    text: T', '    aliases: [a1]', '    citations:', '      - source: src-a', ''].join(
      '\n',
    ),
    factYaml('f2'),
  );

  test('an unclosed quote gives a yaml-syntax error saying the quote is not closed', () => {
    const r = parse(unclosed);
    assert.equal(r.pack, undefined);
    const syntax = withCode(r.problems, 'yaml-syntax');
    assert.ok(syntax.length >= 1, describeProblems(r.problems));
    assert.match(syntax[0].message, /closing "quote|quote/i);
    assertLocated(r, unclosed);
  });

  test('an unclosed quote is reported at the line that opens it, not at the end of the file', () => {
    const r = parse(unclosed);
    const bad = lineOf(unclosed, 'label: "Unclosed');
    const syntax = withCode(r.problems, 'yaml-syntax');
    assert.ok(
      syntax.some((p) => p.range.start.line <= bad && p.range.end.line >= bad),
      `expected a problem covering line ${bad} (the opening quote), got:\n${describeProblems(r.problems)}`,
    );
  });

  test('bad indentation is reported at the badly indented line', () => {
    const text = packYaml(['  - id: f1', '    kind: event', '   label: L', '    text: T', ''].join('\n'));
    const r = parse(text);
    const bad = lineOf(text, '   label: L');
    assert.equal(r.pack, undefined);
    const syntax = withCode(r.problems, 'yaml-syntax');
    assert.ok(syntax.length >= 1, describeProblems(r.problems));
    assert.equal(syntax[0].range.start.line, bad, describeProblems(r.problems));
    assert.match(syntax[0].message, /^YAML syntax: /);
    assertLocated(r, text);
  });

  test('a tab used for indentation is reported at its line, naming tabs', () => {
    const text = packYaml(factYaml('f1').replace('    text: Text of f1', '\ttext: Text of f1'));
    const r = parse(text);
    const first = withCode(r.problems, 'yaml-syntax')[0];
    assert.ok(first, describeProblems(r.problems));
    assert.equal(first.range.start.line, lineOf(text, '\ttext:'));
    assert.match(first.message, /tab/i);
  });

  test('an unclosed [ list is a yaml-syntax error inside the fact, not a crash', () => {
    const text = packYaml(factYaml('f1').replace('[alias f1]', '[alias f1'));
    const r = parse(text);
    const syntax = withCode(r.problems, 'yaml-syntax');
    assert.ok(syntax.length >= 1);
    assert.ok(syntax[0].range.start.line >= lineOf(text, 'aliases: [alias f1'), describeProblems(r.problems));
    assertLocated(r, text);
  });
});

suite('packLoader: wrong types', () => {
  test('"aliases: 5" says aliases must be a list, at the 5', () => {
    const text = packYaml(factYaml('f1', { omit: ['aliases'], lines: ['aliases: 5'] }));
    const r = parse(text);
    const p = only(r, 'wrong-type');
    assert.match(p.message, /fact "f1"\.aliases must be a list/);
    assert.equal(p.severity, 'error');
    assert.deepEqual(p.range.start, { line: lineOf(text, 'aliases: 5'), character: characterOf(text, '5') });
  });

  test('"date: 23 June" gives bad-date naming the value and the expected form', () => {
    const text = packYaml(factYaml('f1', { lines: ['date: 23 June'] }));
    const r = parse(text);
    const p = only(r, 'bad-date');
    assert.match(p.message, /"23 June"/);
    assert.match(p.message, /YYYY-MM-DD/);
    assert.deepEqual(p.range.start, { line: lineOf(text, 'date: 23 June'), character: characterOf(text, '23 June') });
    assert.deepEqual(p.range.end, { line: lineOf(text, 'date: 23 June'), character: characterOf(text, '23 June') + '23 June'.length });
  });

  test('"number: "many"" says number must be a number, not text', () => {
    const text = packYaml(factYaml('f1', { kind: 'figure', lines: ['number: "many"'] }));
    const p = only(parse(text), 'wrong-type');
    assert.match(p.message, /fact "f1"\.number must be a number, not text/);
    assert.equal(p.range.start.line, lineOf(text, 'number: "many"'));
  });

  test('"number: .inf" gets a message that does not contradict itself', () => {
    const text = packYaml(factYaml('f1', { kind: 'figure', lines: ['number: .inf'] }));
    const p = only(parse(text), 'wrong-type');
    assert.equal(p.range.start.line, lineOf(text, 'number: .inf'));
    assert.doesNotMatch(p.message, /must be a number, not a number/, `message: ${p.message}`);
  });

  test('an unknown kind lists the allowed kinds', () => {
    const text = packYaml(factYaml('f1', { kind: 'gadget' }));
    const p = only(parse(text), 'bad-value');
    assert.match(p.message, /"gadget"/);
    assert.match(p.message, /person, role, event/);
    assert.equal(p.range.start.line, lineOf(text, 'kind: gadget'));
  });

  test('"dateAliases: yes" says it must be true or false', () => {
    const p = only(parse(packYaml(factYaml('f1', { lines: ['dateAliases: yes'] }))), 'wrong-type');
    assert.match(p.message, /dateAliases must be true or false/);
  });

  test('a source address that is not http(s) is refused with a hint', () => {
    const text =
      PACK_HEAD.replace('    kind: outlet', '    url: javascript:alert(1)\n    kind: outlet') +
      factYaml('f1', { omit: ['citations'], lines: ['citations:', '  - source: src-b'] });
    const r = parse(text);
    const p = only(r, 'bad-format');
    assert.match(p.message, /http\(s\) address/);
    assert.equal(p.range.start.line, lineOf(text, 'url: javascript'));
  });
});

suite('packLoader: unknown, duplicate and missing keys', () => {
  test('a misspelt key "aliasses" suggests "aliases"', () => {
    const text = packYaml(factYaml('f1', { lines: ['aliasses: [x1]'] }));
    const p = only(parse(text), 'unknown-key');
    assert.match(p.message, /unknown key "aliasses"/);
    assert.match(p.message, /did you mean "aliases"\?/);
    assert.deepEqual(p.range, {
      start: { line: lineOf(text, 'aliasses'), character: 4 },
      end: { line: lineOf(text, 'aliasses'), character: 4 + 'aliasses'.length },
    });
  });

  test('an unknown key far from any known one gets no suggestion but the allowed keys', () => {
    const p = only(parse(packYaml(factYaml('f1', { lines: ['colour: blue'] }))), 'unknown-key');
    assert.doesNotMatch(p.message, /did you mean/);
    assert.match(p.message, /allowed: id, kind, label/);
  });

  test('an unknown top-level key is named, and the missing "facts" is reported', () => {
    const text = PACK_HEAD.replace('facts:', 'fatcs:') + factYaml('f1');
    const r = parse(text);
    const p = only(r, 'unknown-key');
    assert.match(p.message, /"fatcs"/);
    assert.equal(p.range.start.line, lineOf(text, 'fatcs:'));
    assert.ok(
      r.problems.some((x) => x.code === 'missing-key' && /missing "facts"/.test(x.message)),
      describeProblems(r.problems),
    );
  });

  test('a key given twice is reported at its second occurrence', () => {
    const text = packYaml(factYaml('f1', { lines: ['label: Second label'] }));
    const p = only(parse(text), 'duplicate-key');
    assert.match(p.message, /key "label" is given twice/);
    assert.equal(p.range.start.line, lineOf(text, 'label: Second label'));
  });

  test('a second top-level "facts:" block is reported, not silently dropped', () => {
    const text = packYaml(factYaml('f1')) + 'facts:\n' + factYaml('f2');
    const r = parse(text);
    const second = text.split('\n').lastIndexOf('facts:');
    assert.ok(
      r.problems.some((p) => p.code === 'duplicate-key' && p.range.start.line === second),
      `the facts of the second block (f2) are lost without a word; problems:\n${describeProblems(r.problems)}`,
    );
  });

  test("a fact missing label and text names each missing key on the fact's first line", () => {
    const text = packYaml(factYaml('f1', { omit: ['label', 'text'] }));
    const r = parse(text);
    const missing = withCode(r.problems, 'missing-key');
    assert.deepEqual(missing.map((p) => p.message).sort(), ['fact "f1" is missing "label"', 'fact "f1" is missing "text"']);
    for (const p of missing) {
      assert.equal(p.range.start.line, lineOf(text, '- id: f1'));
      assert.equal(p.range.end.line, p.range.start.line, 'a missing key marks one line, not the whole fact');
    }
  });

  test('a fact without an id is named by its position in the list', () => {
    const text = packYaml(factYaml('f1').replace('  - id: f1\n    kind', '  - kind'), factYaml('f2'));
    const r = parse(text);
    const p = only(r, 'missing-key');
    assert.equal(p.message, 'fact 1 is missing "id"');
    assert.deepEqual(
      r.pack?.facts.map((f) => f.id),
      ['f2'],
    );
  });

  test('a source missing its publisher says so', () => {
    const text = PACK_HEAD.replace('    publisher: Publisher B\n', '') + factYaml('f1');
    const p = only(parse(text), 'missing-key');
    assert.equal(p.message, 'source "src-b" is missing "publisher"');
    assert.equal(p.range.start.line, lineOf(text, '- id: src-b'));
  });

  test('pack metadata without a version says so, and no pack is returned', () => {
    const text = packYaml(factYaml('f1')).replace('  version: "1.0"\n', '');
    const r = parse(text);
    const p = only(r, 'missing-key');
    assert.equal(p.message, 'pack is missing "version"');
    assert.equal(r.pack, undefined);
  });

  test('a file without "pack" says it is missing, without a misleading "must be a mapping"', () => {
    const text = PACK_HEAD.replace(/^pack:\n( {2}.*\n)+/, '') + factYaml('f1');
    assert.ok(text.startsWith('sources:'));
    const r = parse(text);
    assert.ok(
      r.problems.some((p) => p.code === 'missing-key' && /missing "pack"/.test(p.message)),
      describeProblems(r.problems),
    );
    assert.deepEqual(withCode(r.problems, 'wrong-type'), [], `an absent "pack" is reported as the wrong type:\n${describeProblems(r.problems)}`);
  });
});

suite('packLoader: empty, huge and hostile files', () => {
  test('an empty file is one empty-file problem at line 0', () => {
    const r = parse('');
    assert.equal(r.pack, undefined);
    const p = only(r, 'empty-file');
    assert.match(p.message, /empty/);
    assert.deepEqual(p.range.start, { line: 0, character: 0 });
    assert.equal(p.file, FILE);
  });

  test('a whitespace-only file is reported as empty', () => {
    const r = parse('  \n\t\n   \r\n');
    assert.equal(r.pack, undefined);
    only(r, 'empty-file');
  });

  test('the default size limit is 5 MiB', () => {
    assert.equal(DEFAULT_MAX_PACK_BYTES, 5 * 1024 * 1024);
  });

  test('a file over the size limit is refused with both sizes in the message', () => {
    const text = packYaml(factYaml('f1'));
    const r = parse(text, 100);
    assert.equal(r.pack, undefined);
    const p = only(r, 'file-too-large');
    assert.match(p.message, new RegExp(`${Buffer.byteLength(text)} bytes`));
    assert.match(p.message, /limited to 100 bytes/);
    assert.deepEqual(p.range.start, { line: 0, character: 0 });
  });

  test('the size limit counts bytes, not characters, and a file exactly at it loads', () => {
    const text = packYaml(factYaml('f1', { omit: ['label'], lines: ['label: Київ Київ Київ'] }));
    const bytes = Buffer.byteLength(text, 'utf8');
    assert.ok(bytes > text.length);
    only(parse(text, text.length), 'file-too-large');
    assert.deepEqual(parse(text, bytes).problems, []);
  });

  test('a billion-laughs alias bomb returns in under a second without expanding', () => {
    const text = billionLaughs();
    const { value: r, ms } = timed(() => parse(text));
    assert.ok(ms < 1000, `took ${ms.toFixed(0)} ms`);
    assert.ok(r.problems.length > 0);
    assert.equal(r.pack, undefined);
    assertLocated(r, text);
  });

  test('a billion-laughs alias bomb is reported as yaml-alias at the first alias', () => {
    const text = billionLaughs();
    const r = parse(text);
    const firstAlias = { line: lineOf(text, '*a'), character: characterOf(text, '*a') };
    const alias = withCode(r.problems, 'yaml-alias');
    assert.ok(alias.length > 0, `no yaml-alias problem; got:\n${describeProblems(r.problems)}`);
    assert.deepEqual(alias[0].range.start, firstAlias);
  });

  test('an alias bomb anywhere in the file refuses the file with one yaml-alias problem at the first alias, in under a second', () => {
    const anchors = billionLaughs()
      .split('\n')
      .filter(Boolean)
      .map((l) => `  ${l}`)
      .join('\n');
    const text = `x-anchors:\n${anchors}\n` + packYaml(factYaml('f1'), factYaml('f2', { omit: ['aliases'], lines: ['aliases: *i'] }));
    const { value: r, ms } = timed(() => parse(text));
    assert.ok(ms < 1000, `took ${ms.toFixed(0)} ms`);
    const p = only(r, 'yaml-alias');
    assert.match(p.message, /YAML aliases \(\*a\) are not allowed in fact packs; write the value out\. The file uses \d+ aliases\./);
    assert.deepEqual(p.range.start, { line: lineOf(text, '*a'), character: characterOf(text, '*a') });
    assert.equal(r.pack, undefined, 'nothing of a file with aliases is used');
  });

  test('a hostile alias count (10,000 aliases, a hundred to a line) finishes quickly, the first reported at its position', () => {
    // A hundred to a line: all on one line, they are more values in brackets than a line may hold, a problem of its own.
    const refs = Array.from({ length: 100 }, () => Array(100).fill('*x').join(', ')).join(',\n        ');
    const text = packYaml(factYaml('f1', { omit: ['aliases'], lines: ['aliases: &x [one alias]'] }), factYaml('f2', { lines: [`related: [${refs}]`] }));
    const { value: r, ms } = timed(() => parse(text));
    assert.ok(ms < 2000, `took ${ms.toFixed(0)} ms`);
    const alias = withCode(r.problems, 'yaml-alias');
    assert.ok(alias.length > 0);
    assert.deepEqual(alias[0].range.start, { line: lineOf(text, 'related: ['), character: characterOf(text, '*x') });
  });

  test('a top-level list instead of a mapping says a pack must be a mapping', () => {
    const r = parse('- pack\n- sources\n- facts\n');
    assert.equal(r.pack, undefined);
    const p = only(r, 'wrong-type');
    assert.match(p.message, /must be a mapping with the keys "pack", "sources" and "facts"/);
    assert.equal(p.range.start.line, 0);
  });

  test('binary junk gives a located problem and no pack', () => {
    const junk = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0xff, 0xfe, 0x00, 0x7f]).toString(
      'latin1',
    );
    const r = parse(junk);
    assert.equal(r.pack, undefined);
    assert.ok(errors(r.problems).length > 0);
    for (const p of r.problems) assert.equal(p.file, FILE);
  });

  test('NUL bytes after a valid head give a located problem', () => {
    const text = PACK_HEAD + '\u0000\u0000\u0000garbage\u0000';
    const r = parse(text);
    assert.ok(errors(r.problems).length > 0);
    assertLocated(r, text);
  });

  test('a NUL byte inside a value is reported at its line', () => {
    const text = packYaml(factYaml('f1', { omit: ['text'], lines: ['text: "before\u0000after"'] }));
    const r = parse(text);
    assert.ok(
      r.problems.some((p) => p.severity === 'error' && p.range.start.line === lineOf(text, 'before')),
      `a NUL character is accepted into the fact text without a word; problems:\n${describeProblems(r.problems)}`,
    );
  });

  test('a very long single line (30,000 characters of text) is too-long, naming the length', () => {
    const long = 'x'.repeat(30_000);
    const text = packYaml(factYaml('f1', { omit: ['text'], lines: [`text: ${long}`] }), factYaml('f2'));
    const { value: r, ms } = timed(() => parse(text));
    assert.ok(ms < 1000, `took ${ms.toFixed(0)} ms`);
    const p = only(r, 'too-long');
    assert.match(p.message, /30000 characters; at most 20000/);
    assert.equal(p.range.start.line, lineOf(text, 'text: xxx'));
    assert.deepEqual(
      r.pack?.facts.map((f) => f.id),
      ['f2'],
    );
  });

  test('a one-line file of 1 MB does not crash and is reported on line 0', () => {
    const text = 'pack: ' + 'y'.repeat(1024 * 1024);
    const r = parse(text);
    assert.equal(r.pack, undefined);
    assert.ok(r.problems.length > 0);
    assert.ok(r.problems.every((p) => p.range.start.line === 0));
  });

  test(`a value longer than ${MAX_VALUE_CHARS} characters is one too-long problem at the value, naming both limits, and the file is not composed`, () => {
    const text = packYaml(factYaml('f1', { omit: ['text'], lines: [`text: "${'x'.repeat(MAX_VALUE_CHARS)}"`] }), factYaml('f2'));
    const { value: r, ms } = timed(() => parse(text));
    assert.ok(ms < 1000, `took ${ms.toFixed(0)} ms`);
    assert.equal(r.problems.length, 1, describeProblems(r.problems));
    const p = only(r, 'too-long');
    assert.match(
      p.message,
      new RegExp(
        `This value is ${MAX_VALUE_CHARS + 2} characters long as written; a value in a pack is at most ${MAX_VALUE_CHARS} characters \\(a text at most ${MAX_TEXT_CHARS}\\)`,
      ),
    );
    assert.deepEqual([p.range.start.line, p.range.start.character], [lineOf(text, 'text: "xxx'), characterOf(text, '"xxx')]);
    assert.equal(p.range.end.character, characterOf(text, '"xxx') + MAX_VALUE_CHARS + 2);
    assert.equal(r.pack, undefined);
    assertLocated(r, text);
  });

  test("a value of the longest length read is composed, and its field's own limit applies", () => {
    const long = 'x'.repeat(MAX_VALUE_CHARS - 2);
    const text = packYaml(factYaml('f1', { omit: ['text'], lines: [`text: "${long}"`] }), factYaml('f2'));
    const p = only(parse(text), 'too-long');
    assert.match(p.message, new RegExp(`text is ${MAX_VALUE_CHARS - 2} characters; at most ${MAX_TEXT_CHARS}`));
    assert.deepEqual(
      parse(text).pack?.facts.map((f) => f.id),
      ['f2'],
    );
  });

  test('a long block or plain value is refused like a quoted one, from its first line to its last', () => {
    const block = packYaml(factYaml('f1', { omit: ['text'], lines: ['text: |', ...Array.from({ length: MAX_VALUE_CHARS / 10 }, () => '      line six')] }));
    const p = only(parse(block), 'too-long');
    assert.equal(p.range.start.line, lineOf(block, 'line six'));
    assert.match(p.message, new RegExp(`, to line ${block.split('\n').length - 1};`));
    const plain = `pack: ${'y'.repeat(MAX_VALUE_CHARS + 1)}\n`;
    assert.deepEqual(
      parse(plain).problems.map((q) => [q.code, q.range.start.line, q.range.start.character]),
      [['too-long', 0, 6]],
    );
  });

  for (const quote of ['"', "'"]) {
    test(`an unclosed ${quote} whose value runs past ${MAX_VALUE_CHARS} characters is a yaml-syntax problem at the quote, asking for the closing quote`, () => {
      const text = `${PACK_HEAD}  - id: x\n    label: ${quote}${' \t\n'.repeat(MAX_VALUE_CHARS / 2)}`;
      const r = parse(text);
      assert.equal(r.problems.length, 1, describeProblems(r.problems));
      const p = only(r, 'yaml-syntax');
      assert.match(
        p.message,
        new RegExp(
          `this quote is never closed; the value it opens runs for \\d+ characters, to line \\d+, more than the ${MAX_VALUE_CHARS} a value may have\\. Is its closing quote missing\\?`,
        ),
      );
      assert.deepEqual(
        [p.range.start.line, p.range.start.character, p.range.end.character],
        [lineOf(text, 'label: '), characterOf(text, `label: ${quote}`) + 7, characterOf(text, `label: ${quote}`) + 8],
      );
    });
  }

  test(`more than ${MAX_BLANK_LINES} blank lines in a row are one problem at the first of them; ${MAX_BLANK_LINES} load`, () => {
    const head = `${PACK_HEAD}  - id: x\n    label: a\n`;
    const many = `${head}${' \t\n'.repeat(MAX_BLANK_LINES + 1)}`;
    const { value: r, ms } = timed(() => parse(`${many}${' \t\n'.repeat(300_000)}`));
    assert.ok(ms < 1000, `took ${ms.toFixed(0)} ms`);
    assert.equal(r.problems.length, 1, describeProblems(r.problems));
    const p = only(r, 'too-many-blank-lines');
    assert.match(p.message, new RegExp(`More than ${MAX_BLANK_LINES} lines in a row hold nothing but white space, from this line on`));
    assert.deepEqual([p.range.start.line, p.range.start.character], [head.split('\n').length - 1, 0]);
    assert.equal(withCode(parse(many).problems, 'too-many-blank-lines').length, 1);
    const enough = `${head}${'\n'.repeat(MAX_BLANK_LINES)}  - id: y\n`;
    assert.deepEqual(withCode(parse(enough).problems, 'too-many-blank-lines'), []);
    assert.deepEqual(withCode(parse(enough.replace(/\n/g, '\r\n')).problems, 'too-many-blank-lines'), []);
    const over = `${head}${'\n'.repeat(MAX_BLANK_LINES + 1)}  - id: y\n`;
    assert.equal(withCode(parse(over.replace(/\n/g, '\r\n')).problems, 'too-many-blank-lines').length, 1);
  });

  test(`a line of more than ${MAX_FLOW_VALUES_PER_LINE} values in brackets is one problem at the bracket, read in well under a second; a valid pack's long inline list loads`, () => {
    const head = `${PACK_HEAD}  - id: x\n    label: a\n`;
    // A list left open, a mapping left open, and lists in a list: 1 MB of each on one line, which the YAML library takes seconds to read.
    for (const [open, run] of [
      ['[', 'a, '.repeat(350_000)],
      ['{', 'a: b, '.repeat(175_000)],
      ['[', '[a], '.repeat(210_000)],
    ]) {
      const text = `${head}    aliases: ${open}${run}\n`;
      const { value: r, ms } = timed(() => parse(text));
      assert.ok(ms < 1000, `took ${ms.toFixed(0)} ms`);
      assert.equal(r.problems.length, 1, describeProblems(r.problems));
      const p = only(r, 'yaml-syntax');
      const line = lineOf(text, 'aliases: ');
      assert.equal(
        p.message,
        `YAML syntax: the brackets this "${open}" opens hold more than 1,000 values on line ${line + 1}, more than any list of a pack; is a closing bracket missing?`,
      );
      assert.deepEqual([p.range.start.line, p.range.start.character, p.range.end.character], [line, 13, 14]);
    }
    // Counted a line at a time: the same values one to a line are no such problem (the library reads them, and finds the bracket never closed).
    const spread = `${head}    aliases: [${'a,\n      '.repeat(MAX_FLOW_VALUES_PER_LINE + 10)}\n`;
    assert.deepEqual(
      parse(spread).problems.filter((q) => q.message.includes('values on line')),
      [],
    );
    // Commas outside brackets, in quotes and in comments are not counted; a plain value's "[" opens nothing.
    const commas = ', '.repeat(MAX_FLOW_VALUES_PER_LINE + 10);
    const notFlow = `${head}    text: see [1${commas}and more\n    note: "[${commas}" # [${commas}\n  - id: y\n    label: [b\n`;
    assert.deepEqual(
      parse(notFlow).problems.filter((q) => q.message.includes('values on line')),
      [],
    );
    // A pack's longest inline list on one line is read whole, and in a pack with a syntax error elsewhere it is not what is found.
    const aliases = Array.from({ length: 200 }, (_, i) => `Name ${i}`);
    const valid = packYaml(factYaml('person.a')).replace(/\n {4}aliases: \[[^\n]*\]/, `\n    aliases: [${aliases.join(', ')}]`);
    assert.notEqual(valid, packYaml(factYaml('person.a')));
    const loaded = parse(valid);
    assert.deepEqual(errors(loaded.problems), []);
    assert.equal(loaded.pack?.facts[0].aliases?.length, aliases.length);
    const broken = parse(`${valid}  - id: y\n    label: [b\n`);
    assert.deepEqual(
      broken.problems.filter((q) => q.message.includes('values on line')),
      [],
    );
    assert.ok(withCode(broken.problems, 'yaml-syntax').length > 0, describeProblems(broken.problems));
  });

  test('blank lines inside a block value are part of the value, not a run of blank lines', () => {
    const text = packYaml(
      factYaml('f1', { omit: ['text'], lines: ['text: |', '      first', ...Array.from({ length: MAX_BLANK_LINES + 10 }, () => ''), '      last'] }),
    );
    const r = parse(text);
    assert.deepEqual(errors(r.problems), []);
    assert.equal(r.pack?.facts[0].text, `first${'\n'.repeat(MAX_BLANK_LINES + 11)}last\n`);
  });

  // Deep nesting makes the YAML parser recurse until the stack overflows. That
  // has crashed Node outright (a fatal V8 error no try/catch can stop), so these
  // inputs are parsed in a child process: a crash fails one test, not the run.
  const deepInputs = [
    '['.repeat(1000),
    `pack: ${'['.repeat(1000)}${']'.repeat(1000)}\n`,
    packYaml(factYaml('f1', { lines: [`note: ${'['.repeat(1000)}${']'.repeat(1000)}`] })),
  ];

  test('1000 levels of "[" give located yaml problems, never a crash', () => {
    const run = parseInChild(deepInputs, 10);
    assert.equal(run.crash, undefined, run.crash);
    run.results.forEach((r, i) => {
      assert.equal(r.pack, false);
      assert.ok(
        r.problems.some((p) => p.severity === 'error'),
        `input ${i} gave no error`,
      );
      const lines = deepInputs[i].split('\n');
      for (const p of r.problems) assert.ok(p.range.start.line < lines.length && p.range.start.character <= lines[p.range.start.line].length);
    });
    const inFact = run.results[2].problems.filter((p) => p.severity === 'error');
    assert.ok(
      inFact.every((p) => p.range.start.line === lineOf(deepInputs[2], 'note: [[[')),
      'problems of a deep value inside a fact point at its line',
    );
  });

  test('1000 levels of "[" do not crash Node when stack traces are long (as under mocha, Error.stackTraceLimit = Infinity)', () => {
    const run = parseInChild(deepInputs, Infinity);
    assert.equal(run.crash, undefined, run.crash);
    assert.equal(run.results.length, deepInputs.length);
  });

  test('1000 levels of "[" give one clear "nested too deeply" problem, not hundreds of "Maximum call stack size exceeded"', () => {
    const run = parseInChild(deepInputs.slice(0, 1), 10);
    assert.equal(run.crash, undefined, run.crash);
    const problems = run.results[0].problems;
    assert.ok(problems.length <= 5, `${problems.length} problems for one input`);
    assert.ok(
      problems.every((p) => !/call stack/i.test(p.message)),
      problems[0]?.message,
    );
  });
});

/** Parses texts with `parsePackText` in a separate Node process; reports a crash instead of dying with it. */
function parseInChild(texts: string[], stackTraceLimit: number): { results: { pack: boolean; problems: Problem[] }[]; crash?: string } {
  const loader = require.resolve('../../src/core/packs/packLoader');
  const script = [
    `Error.stackTraceLimit = ${stackTraceLimit === Infinity ? 'Infinity' : stackTraceLimit};`,
    `const { parsePackText } = require(${JSON.stringify(loader)});`,
    'let input = ""; process.stdin.on("data", (d) => (input += d)); process.stdin.on("end", () => {',
    '  const results = JSON.parse(input).map((t) => { const r = parsePackText(t, "deep.yaml"); return { pack: r.pack ? true : false, problems: r.problems }; });',
    '  process.stdout.write(JSON.stringify(results));',
    '});',
  ].join('\n');
  const child = spawnSync(process.execPath, ['-e', script], { input: JSON.stringify(texts), encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
  if (child.status !== 0 || child.signal) {
    const fatal = (child.stderr ?? '').split('\n').find((l) => /FATAL|Error/.test(l)) ?? '';
    return { results: [], crash: `the parser's process died (status ${child.status}, signal ${child.signal}): ${fatal.trim()}` };
  }
  return { results: JSON.parse(child.stdout) as { pack: boolean; problems: Problem[] }[] };
}

suite('packLoader: dates', () => {
  for (const bad of ['2025-02-30', '2025-13-01', '2025-00-10', '2023-02-29', '25-06-23', '2025-6-23']) {
    test(`an impossible or malformed date "${bad}" is a bad-date naming it`, () => {
      const text = packYaml(factYaml('f1', { lines: [`date: "${bad}"`] }));
      const p = only(parse(text), 'bad-date');
      assert.ok(p.message.includes(`"${bad}"`), p.message);
      assert.equal(p.range.start.line, lineOf(text, `date: "${bad}"`));
    });
  }

  test('valid full and partial dates load, quoted or bare (2024-02-29, 2025-06, 2025)', () => {
    const r = parse(
      packYaml(factYaml('f1', { lines: ['date: 2024-02-29'] }), factYaml('f2', { lines: ['date: "2025-06"'] }), factYaml('f3', { lines: ['date: 2025'] })),
    );
    assert.deepEqual(r.problems, []);
    assert.deepEqual(
      r.pack?.facts.map((f) => f.date),
      ['2024-02-29', '2025-06', '2025'],
    );
  });

  test('a role ending on an impossible date is reported at the "to" value', () => {
    const text = packYaml(
      factYaml('p1', { kind: 'person', lines: ['roles:', '  - role: r1', '    to: 2025-07-32', '    citations:', '      - source: src-a'] }),
    );
    const p = only(parse(text), 'bad-date');
    assert.match(p.message, /roles\[1\]\.to "2025-07-32"/);
    assert.equal(p.range.start.line, lineOf(text, 'to: 2025-07-32'));
  });
});

suite('packLoader: positions and partial loading', () => {
  test('problems carry the path given and zero-based positions (line 0 is the first line)', () => {
    const text = 'fatcs: []\n' + packYaml(factYaml('f1'));
    const r = parse(text);
    const p = only(r, 'unknown-key');
    assert.equal(p.file, FILE);
    assert.deepEqual(p.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 5 } });
  });

  test('one bad fact does not hide the other facts', () => {
    const text = packYaml(factYaml('good-1'), factYaml('bad', { lines: ['date: 23 June'] }), factYaml('good-2'));
    const r = parse(text);
    assert.equal(errors(r.problems).length, 1);
    assert.deepEqual(
      r.pack?.facts.map((f) => f.id),
      ['good-1', 'good-2'],
    );
    assert.equal(r.locations.facts.get('good-2')?.start.line, lineOf(text, '- id: good-2'));
  });

  test('one bad source does not hide the other sources', () => {
    const text = PACK_HEAD.replace('    kind: wire', '    kind: tabloid') + factYaml('f1');
    const r = parse(text);
    only(r, 'bad-value');
    assert.deepEqual(
      r.pack?.sources.map((s) => s.id),
      ['src-a'],
    );
  });

  test('CRLF files report the same lines as LF files', () => {
    const lf = packYaml(factYaml('f1'), factYaml('f2', { lines: ['date: 23 June'] }));
    const crlf = lf.replace(/\n/g, '\r\n');
    const a = only(parse(lf), 'bad-date');
    const b = only(parse(crlf), 'bad-date');
    assert.deepEqual(b.range, a.range);
  });

  test('characters are counted in UTF-16 units, as editors count them, after an emoji on the same line', () => {
    const text = packYaml(factYaml('f1', { omit: ['aliases'], lines: ['aliases: ["\u{1F600}\u{1F1FA}\u{1F1E6} x", true]'] }));
    const p = only(parse(text), 'wrong-type');
    assert.match(p.message, /aliases\[2\] must be text, not a boolean/);
    assert.deepEqual(p.range.start, { line: lineOf(text, 'aliases: ['), character: characterOf(text, 'true') });
  });

  test('locations map each value path to its place, for diagnostics raised later', () => {
    const text = packYaml(factYaml('f1'), factYaml('f2'));
    const r = parse(text);
    assert.equal(r.locations.pathsById.get('f2'), '/facts/1');
    assert.equal(r.locations.paths.get('/facts/1/citations/0/source')?.start.line, lineOf(text, 'source: src-a', lineOf(text, '- id: f2')));
  });
});

/** `a: &a [x × 9]`, then eight levels each of nine aliases of the one before. */
function billionLaughs(): string {
  const names = 'abcdefghi';
  const lines = [`a: &a [${Array(9).fill('"lol"').join(', ')}]`];
  for (let i = 1; i < names.length; i++)
    lines.push(
      `${names[i]}: &${names[i]} [${Array(9)
        .fill(`*${names[i - 1]}`)
        .join(', ')}]`,
    );
  return lines.join('\n') + '\n';
}
