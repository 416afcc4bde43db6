// paragraphAt reads outward from the offset (docs/PERFORMANCE.md): it must
// give exactly what the plain scan from the top of the text gave.

import assert from 'node:assert/strict';
import { paragraphAt } from '../../src/core/document/paragraphs';

/** The definition: blank lines found by one expression run from the start of the text. */
function paragraphByScan(text: string, offset: number): { start: number; end: number } {
  const blank = /\n[ \t]*\r?\n/g;
  let start = 0;
  let end = text.length;
  let m: RegExpExecArray | null;
  while ((m = blank.exec(text)) !== null) {
    if (m.index + m[0].length <= offset) start = m.index + m[0].length;
    else if (m.index >= offset) {
      end = m.index;
      break;
    }
  }
  return { start, end };
}

function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a * 1103515245 + 12345) % 2147483648;
    return a / 2147483648;
  };
}

suite('text: paragraphAt', () => {
  test('the paragraph between blank lines, with spaces, tabs and CRLF in them', () => {
    const text = 'First para\nstill first.\n\nSecond para.\n \t\r\nThird.';
    assert.deepEqual(paragraphAt(text, text.indexOf('still')), { start: 0, end: text.indexOf('\n\n') });
    assert.deepEqual(paragraphAt(text, text.indexOf('Second')), { start: text.indexOf('Second'), end: text.indexOf('.\n \t') + 1 });
    assert.deepEqual(paragraphAt(text, text.length), { start: text.indexOf('Third'), end: text.length });
  });

  test('runs of blank lines pair up as the scan from the top pairs them', () => {
    const text = 'a\n\n\nb\n\n\n\nc';
    for (let offset = -1; offset <= text.length + 1; offset++) assert.deepEqual(paragraphAt(text, offset), paragraphByScan(text, offset), `offset ${offset}`);
  });

  test('agrees with the scan from the top at every offset of random texts', () => {
    const rnd = random(7);
    const alphabet = ['a', 'b', ' ', '\t', '\r', '\n', '\n', '\n'];
    for (let t = 0; t < 400; t++) {
      const length = Math.floor(rnd() * 40);
      let text = '';
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(rnd() * alphabet.length)];
      for (let offset = -1; offset <= text.length + 1; offset++) {
        assert.deepEqual(paragraphAt(text, offset), paragraphByScan(text, offset), `${JSON.stringify(text)} at ${offset}`);
      }
    }
  });

  test('a long text of many paragraphs: the paragraph near its end', () => {
    const para = 'Words and more words on a line.\n'.repeat(3);
    const text = `${para}\n`.repeat(20_000);
    const offset = text.length - 10;
    assert.deepEqual(paragraphAt(text, offset), paragraphByScan(text, offset));
  });
});
