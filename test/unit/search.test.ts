// search: completion by prefix, and the picker's ranking by the selected text.

import assert from 'node:assert/strict';
import { AliasPrefixIndex, rankFacts } from '../../src/core/cite/search';
import { bundled } from './helpers';

suite('search: AliasPrefixIndex (completion)', () => {
  const prefixes = new AliasPrefixIndex(bundled().index);

  test('"zel" offers Zelenskyy first', () => {
    const hits = prefixes.search('zel');
    assert.equal(hits[0]?.entry.fact.id, 'person.zelenskyy', hits.map((h) => h.alias).join(', '));
  });

  test('"keir st" offers Keir Starmer', () => {
    const hits = prefixes.search('keir st');
    assert.equal(hits[0]?.entry.fact.id, 'person.starmer');
    assert.equal(hits[0]?.alias, 'Keir Starmer');
  });

  test('typing is matched like the text: case, extra spaces and curly apostrophes do not matter', () => {
    assert.equal(prefixes.search('KEIR   ST')[0]?.entry.fact.id, 'person.starmer');
    assert.ok(prefixes.search('Zelenskyy\u2019s Lon').some((h) => h.entry.fact.id === 'event.london-visit-2025-06-23'));
  });

  test('Cyrillic prefixes work', () => {
    assert.equal(prefixes.search('Умє')[0]?.entry.fact.id, 'person.umerov');
  });

  test('each fact appears once, with its shortest matching alias', () => {
    const hits = prefixes.search('zelensk');
    const ids = hits.map((h) => h.entry.fact.id);
    assert.equal(new Set(ids).size, ids.length);
    assert.equal(hits.find((h) => h.entry.fact.id === 'person.zelenskyy')?.alias, 'Zelensky');
  });

  test('the limit is respected, and an empty or unknown prefix gives nothing', () => {
    assert.equal(prefixes.search('1', 2).length, 2);
    assert.deepEqual(prefixes.search(''), []);
    assert.deepEqual(prefixes.search('   '), []);
    assert.deepEqual(prefixes.search('xyzzy'), []);
  });
});

suite('search: rankFacts (the picker)', () => {
  test('with "Rustem Umerov said" selected, Umerov\'s person fact comes first', () => {
    const ranked = rankFacts(bundled().index, 'Rustem Umerov said');
    assert.equal(ranked[0].entry.fact.id, 'person.umerov');
    assert.ok(ranked[0].score > 0);
  });

  test('every fact is listed once, whatever the selection', () => {
    const ranked = rankFacts(bundled().index, 'Rustem Umerov said');
    assert.equal(ranked.length, bundled().index.facts.length);
    assert.equal(new Set(ranked.map((r) => r.entry)).size, ranked.length);
  });

  test('a longer name outranks a shorter one named in the same selection', () => {
    const ranked = rankFacts(bundled().index, 'Starmer met Volodymyr Zelenskyy');
    assert.deepEqual(
      ranked.slice(0, 2).map((r) => r.entry.fact.id),
      ['person.zelenskyy', 'person.starmer'],
    );
  });

  test('without a selection, facts are grouped by kind: people first, quotes last', () => {
    const ranked = rankFacts(bundled().index, '');
    assert.ok(ranked.every((r) => r.score === 0));
    assert.equal(ranked[0].entry.fact.kind, 'person');
    assert.equal(ranked[ranked.length - 1].entry.fact.kind, 'quote');
  });
});
