// Every alias put in its completion bucket in two passes (src/core/cite/bucketFill.ts): the same pairs, in the
// same order, as putting each alias in its bucket's list as it comes, whatever the steps.

import assert from 'node:assert/strict';
import { BucketFill } from '../../src/core/cite/bucketFill';
import type { IndexedFact } from '../../src/core/facts/factIndex';

/** A seeded generator, so that a failure can be run again. */
function random(seed: number): () => number {
  let s = seed;
  return () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32;
}

/** The bucket of an alias here: its first letter; none for an alias of spaces. */
const keyOf = (alias: string): number => (alias.trim() === '' ? -1 : alias.trim().charCodeAt(0));

function naive(facts: readonly IndexedFact[]): Map<number, number[]> {
  const out = new Map<number, number[]>();
  facts.forEach((fact, f) =>
    fact.aliases.forEach((alias, a) => {
      const key = keyOf(alias);
      if (key < 0) return;
      const list = out.get(key) ?? [];
      list.push(f, a);
      out.set(key, list);
    }),
  );
  return out;
}

suite('bucketFill: aliases put in their buckets in two passes', () => {
  test('the same pairs in fact then alias order as lists grown alias by alias, in steps of any size; aliases in no bucket left out', () => {
    const next = random(20261204);
    for (let round = 0; round < 40; round++) {
      const facts = Array.from({ length: Math.floor(next() * 60) }, () => ({
        aliases: Array.from({ length: Math.floor(next() * 6) }, () => (next() < 0.1 ? '  ' : `${'abcde'[Math.floor(next() * 5)]}${next().toFixed(3)}`)),
      })) as unknown as IndexedFact[];
      const fill = new BucketFill(facts, keyOf);
      const into = new Map<number, Int32Array>();
      const step = 1 + Math.floor(next() * 10);
      let steps = 0;
      while (!fill.done) {
        assert.equal(into.size, 0, 'no bucket set before every alias is placed');
        fill.step(step, into);
        steps++;
      }
      // The aliases counted eight times the facts a step, then two passes of `step` facts a step.
      assert.ok(
        steps <= Math.ceil(facts.length / (8 * step)) + Math.ceil((2 * facts.length) / step) + 1,
        `${steps} steps of ${step} for ${facts.length} facts`,
      );
      const expected = naive(facts);
      assert.deepEqual(
        [...into].map(([key, pairs]) => [key, [...pairs]]).sort((a, b) => (a[0] as number) - (b[0] as number)),
        [...expected].sort((a, b) => a[0] - b[0]),
        `round ${round}`,
      );
    }
  });

  test('a fact base without aliases, or without facts, is done at once', () => {
    const none = new BucketFill([], keyOf);
    assert.ok(none.done);
    const into = new Map<number, Int32Array>();
    const bare = new BucketFill([{ aliases: [] }, { aliases: ['   '] }] as unknown as IndexedFact[], keyOf);
    while (!bare.done) bare.step(1, into);
    assert.equal(into.size, 0);
  });
});
