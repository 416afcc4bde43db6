import * as assert from 'assert';
import { LineIndex } from '../../src/core/document/text';
import { RecordedPaths } from '../../src/core/packs/recordedPaths';
import { prng } from './helpers';

/** Each line's start, read the plain way: after "\n", after "\r\n", after a lone "\r". */
function naiveStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\n' || (text[i] === '\r' && text[i + 1] !== '\n')) starts.push(i + 1);
  }
  return starts;
}

function naivePosition(starts: readonly number[], offset: number): { line: number; character: number } {
  let line = 0;
  while (line + 1 < starts.length && starts[line + 1] <= offset) line++;
  return { line, character: offset - starts[line] };
}

suite('LineIndex', () => {
  test('positions, offsets and lines near a hint agree with a plain reading, across thousands of lines and every kind of line break', () => {
    const random = prng(20261205);
    const pieces = ['a', 'bc', ' ', '\n', '\r\n', '\r', 'ї', '\n\n'];
    for (const size of [0, 1, 40, 5_000, 60_000]) {
      let text = '';
      while (text.length < size) text += random.pick(pieces);
      const lines = new LineIndex(text);
      const starts = naiveStarts(text);
      assert.strictEqual(lines.lineCount, starts.length, `${size} characters`);
      assert.strictEqual(lines.textLength, text.length);
      for (let line = 0; line < starts.length; line++) assert.strictEqual(lines.lineStart(line), starts[line]);
      let near = 0;
      for (let k = 0; k < 500; k++) {
        const offset = random.int(text.length + 1);
        const expected = naivePosition(starts, offset);
        assert.deepStrictEqual(lines.positionAt(offset), expected);
        assert.strictEqual(lines.offsetAt(expected), offset);
        // A hint anywhere, before or after the offset, gives the same line.
        assert.strictEqual(lines.lineNear(offset, near), expected.line);
        near = random.int(starts.length);
      }
      assert.deepStrictEqual(lines.positionAt(text.length + 10), naivePosition(starts, text.length));
      assert.deepStrictEqual(lines.positionAt(-3), { line: 0, character: 0 });
    }
  });
});

suite('RecordedPaths', () => {
  test('ranges recorded across many groups of parts read back by path, in a line index of its own', () => {
    // Values one a line, some spanning two lines, enough for several groups of parts and more room than first made.
    const rows: string[] = [];
    for (let i = 0; i < 6_000; i++) rows.push(i % 7 === 0 ? `  key${i}: "a value\n    on two lines"` : `  key${i}: v${i}`);
    const text = rows.join('\n');
    const lines = new LineIndex(text);
    const paths = new RecordedPaths(lines);
    const top = paths.openIn(-1, '/facts', 0);
    const expected = new Map<string, { start: { line: number; character: number }; end: { line: number; character: number } }>();
    let at = 0;
    for (let i = 0; i < rows.length; i++) {
      const start = at + rows[i].indexOf(':') + 2;
      const end = at + rows[i].length;
      paths.recordIn(top, `key${i}`, start, end);
      expected.set(`/facts/key${i}`, { start: lines.positionAt(start), end: lines.positionAt(end) });
      at = end + 1;
    }
    paths.close(top, text.length);
    assert.strictEqual(paths.size, rows.length + 1);
    for (const [path, range] of expected) assert.deepStrictEqual(paths.get(path), range, path);
    assert.deepStrictEqual(paths.get('/facts'), { start: { line: 0, character: 0 }, end: lines.positionAt(text.length) });
    const { keys, ranges } = paths.packed();
    assert.strictEqual(keys.split('\n').length, rows.length + 1);
    assert.strictEqual(ranges.length, (rows.length + 1) * 5);
  });
});
