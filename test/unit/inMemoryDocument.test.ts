// The in-memory document double answers as VS Code's TextDocument does, so that tests of the providers mean what they say.
import assert from 'node:assert/strict';
import { InMemoryDocument } from './doubles/inMemoryDocument';

suite('InMemoryDocument', () => {
  test('offsets and positions agree over LF and CRLF, lines exclude their breaks', () => {
    for (const eol of ['\n', '\r\n']) {
      const doc = new InMemoryDocument(['First line.', '', 'Third — with Умєров.'].join(eol) + eol);
      assert.equal(doc.lineCount, 4);
      assert.equal(doc.lineAt(2).text, 'Third — with Умєров.');
      const text = doc.getText();
      for (let offset = 0; offset <= text.length; offset++) {
        const p = doc.positionAt(offset);
        // An offset between \r and \n is the end of its line, as VS Code has it.
        const expected = text[offset - 1] === '\r' && text[offset] === '\n' ? offset - 1 : offset;
        assert.equal(doc.offsetAt(p), expected, `${JSON.stringify(eol)} offset ${offset}`);
      }
      assert.deepEqual(doc.positionAt(text.indexOf('Умєров')), { line: 2, character: 13 });
    }
  });

  test('positions past a line or the document are clamped, as VS Code clamps them', () => {
    const doc = new InMemoryDocument('ab\r\ncd');
    assert.equal(doc.offsetAt(doc.position(0, 99)), 2);
    assert.equal(doc.offsetAt(doc.position(9, 0)), 6);
    assert.deepEqual(doc.positionAt(-5), { line: 0, character: 0 });
    assert.deepEqual(doc.positionAt(99), { line: 1, character: 2 });
  });

  test('like VS Code, offsetAt refuses a position the editor did not make', () => {
    const doc = new InMemoryDocument('ab\ncd');
    assert.throws(() => doc.offsetAt({ line: 1, character: 0 }), /Invalid argument/);
    assert.equal(doc.offsetAt(doc.position(1, 0)), 3);
  });

  test('an edit changes the text and its lines and raises the version', () => {
    const doc = new InMemoryDocument('one\ntwo\n', 'latex');
    doc.edit([
      { offset: 4, length: 3, text: 'deux\ntrois' },
      { offset: 0, length: 0, text: '> ' },
    ]);
    assert.equal(doc.getText(), '> one\ndeux\ntrois\n');
    assert.equal(doc.version, 2);
    assert.equal(doc.lineAt(2).text, 'trois');
  });
});
