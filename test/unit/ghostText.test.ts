// Inline completion's ghost text and the definitions added once it is accepted, from an in-memory document (src/cite/ghostText.ts).
import assert from 'node:assert/strict';
import { ghostTextAt, missingDefinitionEdits } from '../../src/cite/ghostText';
import { bundled } from './helpers';
import { InMemoryDocument } from './doubles/inMemoryDocument';
import { InMemorySettings } from './doubles/settings';

const index = () => bundled().index;
const at = (doc: InMemoryDocument, line: number, character: number) => ghostTextAt(doc, doc.position(line, character), index(), new InMemorySettings());

suite('ghost text', () => {
  test('part of a name is completed with its citation; accepting it and adding its definitions gives the cited name', () => {
    const doc = new InMemoryDocument('Talks with Umer\r\n\r\nMore text.\r\n');
    const ghost = at(doc, 0, 'Talks with Umer'.length)!;
    assert.match(ghost.text, /^Umerov\[\^[a-z0-9-]+\]$/);
    assert.equal(doc.getText().slice(ghost.range.start, ghost.range.end), 'Umer');
    doc.edit([{ offset: ghost.range.start, length: ghost.range.end - ghost.range.start, text: ghost.text }]);
    doc.edit(missingDefinitionEdits(doc.getText(), ghost.definitions));
    const key = /\[\^([a-z0-9-]+)\]/.exec(ghost.text)![1];
    // The definition follows the document's own line breaks.
    assert.match(doc.getText(), new RegExp(`^Talks with Umerov\\[\\^${key}\\]\\r\\n\\r\\nMore text\\.\\r\\n\\r\\n\\[\\^${key}\\]: [^\\n]+\\r\\n$`));
    assert.deepEqual(missingDefinitionEdits(doc.getText(), ghost.definitions), [], 'a definition already there is not added again');
  });

  test('in LaTeX the citation is a footnote, with nothing to add at the end', () => {
    const ghost = at(new InMemoryDocument('We met Zelen', 'latex'), 0, 12)!;
    assert.match(ghost.text, /^Zelensk[^\\]*\\footnote\{/);
    assert.deepEqual(ghost.definitions, []);
  });

  test('no ghost text in the middle of a word, for a name typed in full, for two letters, or in a language not supported', () => {
    assert.equal(at(new InMemoryDocument('Umerovich'), 0, 4), undefined);
    assert.equal(at(new InMemoryDocument('Talks with Umerov'), 0, 17), undefined);
    assert.equal(at(new InMemoryDocument('Talks with Um'), 0, 13), undefined);
    assert.equal(at(new InMemoryDocument('Talks with Umer', 'python'), 0, 15), undefined);
  });

  test('malformed definitions from a command argument add nothing', () => {
    assert.deepEqual(missingDefinitionEdits('Text.', 'not a list'), []);
    assert.deepEqual(missingDefinitionEdits('Text.', [{ key: 1, text: null }]), []);
  });
});
