import { strict as assert } from 'assert';
import { IdMap } from '../../src/core/facts/idMap';

suite('IdMap: a whole fact base by id, in sixteen maps', () => {
  test('gives back what was set, forgets what was deleted, and counts what it holds', () => {
    const map = new IdMap<number>();
    const ids = ['uk-ua.drone-deal', 'person.healey', 'a', '', 'Україна.угода', '\u{1F1FA}\u{1F1E6}', 'x'.repeat(500)];
    ids.forEach((id, i) => map.set(id, i));
    assert.equal(map.size, ids.length);
    ids.forEach((id, i) => assert.equal(map.get(id), i, id));
    map.set('a', 99);
    assert.equal(map.get('a'), 99);
    assert.equal(map.size, ids.length);
    map.delete('person.healey');
    assert.equal(map.has('person.healey'), false);
    assert.equal(map.get('person.healey'), undefined);
    assert.equal(map.size, ids.length - 1);
    assert.equal(map.get('not.there'), undefined);
  });

  test('a copy is changed without changing the map it was made from', () => {
    const map = new IdMap<string | null>();
    map.set('one', '1');
    const copy = new IdMap(map);
    copy.set('two', '2');
    copy.set('one', null);
    assert.equal(map.get('one'), '1');
    assert.equal(map.has('two'), false);
    assert.equal(copy.get('one'), null);
    assert.equal(copy.size, 2);
  });

  test('ids of the shapes fact bases use are spread over the maps: none holds more than twice its share', () => {
    const shapes = [
      (i: number) => `bench.fact.${i}`,
      (i: number) => `team${i % 16}.fact-${i}`,
      (i: number) => `person.${i.toString(36)}.role`,
      (i: number) => `${i}.uk-ua.drone-deal`,
    ];
    for (const shape of shapes) {
      const map = new IdMap<number>();
      const n = 100_000;
      for (let i = 0; i < n; i++) map.set(shape(i), i);
      assert.equal(map.size, n);
      const sizes = (map as unknown as { shards: Map<string, number>[] }).shards.map((m) => m.size);
      assert.ok(Math.max(...sizes) <= (2 * n) / sizes.length, `${shape(0)}: ${sizes.join(', ')}`);
    }
  });
});
