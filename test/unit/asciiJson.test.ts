import assert from 'node:assert/strict';
import { asciiJson, asciiText, readUtf8, textReader } from '../../src/core/packs/asciiJson';
import { decodeBody, encodeBody } from '../../src/core/packs/packCacheEntry';
import { parsedWithForms } from '../../src/core/facts/languageForms';
import { parsePackText } from '../../src/core/packs/packLoader';
import { nodePlatform } from '../../src/platform/node';
import { assertSameParse, readBundledText } from './helpers';

const readAscii = nodePlatform.readAscii!;

/** Values with what JSON must carry exactly: Ukrainian, typographic quotes, a character outside the BMP, a lone surrogate, control characters, escapes. */
const awkward = {
  label: 'Рустем Умєров, міністр оборони України',
  quote: '«Ми разом» – “together” ‘always’ … №1',
  emoji: 'drones 🚁 and 🇺🇦',
  lone: 'half \ud83d of a pair',
  control: 'tab\tnew line\nnul\u0000 bell\u0007 del\u007f',
  escapes: 'back\\slash "quoted" /slash/',
  latin: 'café Zürich ß ÿ Ā',
  numbers: [0, -1, 1.5, 1e21, null, true, false],
  nested: { ключ: ['значення', { ї: 'ґ' }] },
};

suite('asciiJson: JSON kept as ASCII, read back quickly', () => {
  test('every byte is ASCII, and the JSON reads back as the same value', () => {
    const bytes = asciiJson(awkward);
    assert.ok(
      bytes.every((b) => b < 128),
      'a byte past ASCII',
    );
    assert.deepEqual(JSON.parse(readUtf8(bytes)), awkward);
    assert.deepEqual(JSON.parse(readAscii(bytes)!), awkward);
    assert.equal(asciiText(JSON.stringify(awkward)).length, bytes.length);
  });

  test('JSON that is ASCII already is written as it is', () => {
    const json = JSON.stringify({ id: 'person.starmer', n: [1, 2, 3] });
    assert.equal(asciiText(json), json);
    assert.equal(readUtf8(asciiJson(JSON.parse(json))), json);
  });

  test("the host's reader takes only bytes that are all ASCII; the reader made with it reads any UTF-8 and refuses what is not", () => {
    const read = textReader(readAscii);
    assert.equal(readAscii(new TextEncoder().encode('plain')), 'plain');
    assert.equal(readAscii(new TextEncoder().encode('Київ')), undefined);
    assert.equal(read(new TextEncoder().encode('Київ 🚁')), 'Київ 🚁');
    // Part of a larger buffer, as a Node Buffer from its pool or a section of an entry.
    const pool = new TextEncoder().encode('xx{"a":"b"}yy');
    assert.equal(read(pool.subarray(2, 11)), '{"a":"b"}');
    assert.throws(() => read(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])));
    assert.throws(() => readUtf8(new Uint8Array([0xc3])));
  });

  test("the bundled pack's entry: its JSON sections ASCII and small, read back with the host's reader equal to a parse", async () => {
    const text = readBundledText();
    const file = 'file:///w/bundled.factpack.yaml';
    const result = parsedWithForms(parsePackText(text, file));
    assert.ok(result.pack && result.pack.facts.length > 50, `${result.pack?.facts.length} facts`);
    const body = encodeBody(result)!;
    // The head, by id, sources and facts: all but the paths' keys and their packed ranges.
    const json = body.sections.slice(0, -2);
    assert.ok(
      json.every((s) => s.every((b) => b < 128)),
      'a JSON section with a byte past ASCII',
    );
    // Sources and facts in sections of at most 48 KB, each read as a small object of the engine's.
    assert.ok(json.length > 6, `${json.length} sections`);
    for (const s of json.slice(2)) assert.ok(s.length <= 48 * 1024, `a section of ${s.length} bytes`);
    let asked = 0;
    const counted = textReader((b) => (asked++, readAscii(b)));
    const read = await decodeBody(body.sections, file, () => Promise.resolve(), counted);
    assert.ok(asked >= json.length - 1, `${asked} sections read by the host's reader`);
    assertSameParse(read, text, file);
  });
});
