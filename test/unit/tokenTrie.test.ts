// The token trie under the alias matcher (src/core/facts/tokenTrie.ts).

import assert from 'node:assert/strict';
import { hashAt, ROOT, TokenTrie } from '../../src/core/facts/tokenTrie';

suite('token trie', () => {
  test('room made in steps: between them the trie finds what it found, and after, every node, old and new, is found', () => {
    const words = Array.from({ length: 300 }, (_, i) => `word${i}`);
    const trie = new TokenTrie(64);
    const add = (w: string): number => trie.addChild(ROOT, hashAt(w, 0, w.length), w, 0, w.length);
    const find = (w: string): number => trie.child(ROOT, hashAt(w, 0, w.length), w, 0, w.length);
    const first = words.slice(0, 40).map(add);
    // Room for 260 more nodes: more nodes, characters and edges than the arrays hold.
    const steps = trie.reserveSteps(260, 260 * 8, 16);
    let n = 0;
    while (!steps.next().done) {
      n++;
      assert.deepEqual(words.slice(0, 40).map(find), first);
    }
    assert.ok(n > 10, `in ${n} steps`);
    const rest = words.slice(40).map(add);
    assert.deepEqual(words.map(find), [...first, ...rest]);
    assert.equal(new Set([...first, ...rest]).size, 300);
  });
});
