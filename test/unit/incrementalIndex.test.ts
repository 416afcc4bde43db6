// A rebuild of the fact index after one pack file changed judges again only
// that file's facts and those whose sources or referenced facts changed
// (IndexMemo, src/core/facts/factIndex.ts); the result must be exactly that of a
// full rebuild. A property test over seeded random sequences of edits to
// packs that cite each other's sources, reference each other's facts and
// reuse each other's ids.

import assert from 'node:assert/strict';
import { buildFactIndex, IndexMemo, type BuildResult, type LoadedPack } from '../../src/core/facts/factIndex';
import { FactStore } from '../../src/core/facts/factStore';
import { parsePackText } from '../../src/core/packs/packLoader';
import { bundled, factYaml, loadPack, packYaml, prng } from './helpers';
import { edit, loaded, offered, randomWorld, seen, text, type FileModel } from './randomPacks';
import { pickerRows, prefixIndexFor, prepareSearch } from '../../src/core/cite/search';

suite('incremental index: a rebuild after a change equals a full rebuild', function () {
  // 320 full index builds: seconds on a quiet machine, many times that on a busy one.
  this.timeout(180_000);
  const b = bundled();
  const bundledPack: LoadedPack = b.loaded;

  for (const seed of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]) {
    // Without the bundled pack, the facts read again soon outnumber a quarter of the others: the table of accepted facts settles.
    const withBundled = seed <= 8;
    test(`seed ${seed}: 40 random edits to 4 packs that cite and reference one another${withBundled ? '' : ', without the bundled pack'}`, () => {
      const rnd = prng(seed * 7919);
      const world = randomWorld(rnd, 4);
      const names = world.map((_, i) => `file:///w/p${i}.factpack.yaml`);
      // The last good version of each file, as the store keeps it.
      const good: (LoadedPack | undefined)[] = world.map((w, i) => loaded(w, names[i]));
      const memo = new IndexMemo();
      let reused = 0;
      let total = 0;
      // The files in the store's order: a file deleted and created again comes last.
      let order = world.map((_, i) => i);
      const texts = world.map(text);
      let edited = 0;
      const first = withBundled ? [bundledPack] : [];
      offered(buildFactIndex([...first, ...good.filter((p): p is LoadedPack => p !== undefined)], {}, memo));
      for (let step = 0; step < 40; step++) {
        edit(rnd, world);
        // Every file whose text changed is read again (a fact moved changes two).
        world.forEach((w, i) => {
          if (text(w) === texts[i]) return;
          texts[i] = text(w);
          good[i] = loaded(w, names[i]) ?? good[i];
        });
        if (rnd.chance(0.1)) {
          const again = order.splice(rnd.int(order.length), 1)[0];
          order = [...order, again];
          good[again] = loaded(world[again], names[again]);
        }
        const packs = [...first, ...order.map((i) => good[i]).filter((p): p is LoadedPack => p !== undefined)];
        const incremental = buildFactIndex(packs, {}, memo);
        if (incremental.index.basis) edited++;
        const full = buildFactIndex(packs);
        assert.deepEqual(seen(incremental), seen(full), `seed ${seed}, step ${step}: the rebuild differs from a full one`);
        assert.deepEqual(offered(incremental), offered(full), `seed ${seed}, step ${step}: completion or the picker differ from a full rebuild's`);
        reused += memo.last.reused;
        total += memo.last.reused + memo.last.judged;
      }
      // The bundled pack's facts and most unchanged files' facts were not judged again.
      assert.ok(reused > total * (withBundled ? 0.8 : 0.5), `only ${reused} of ${total} facts reused`);
      // And most indexes were made from the one before.
      assert.ok(edited > 20, `only ${edited} of 40 indexes made from the one before`);
    });
  }

  test('facts read again take their former places in the alias matcher only where the order holds: files or facts in another order are added anew', () => {
    // Three facts in each of two files, all with one shared name: its facts are listed in the index's order.
    // Each file with sources of its own: the facts of a file not read again keep their entries.
    const file = (name: string, ids: string[]): LoadedPack => {
      const text = packYaml(...ids.map((id) => factYaml(id, { kind: 'term' }).replace(/aliases: \[(.*)\]/, 'aliases: [$1, Shared name]')));
      return loadPack(text.replace(/src-(a|b)/g, `src-${name}-$1`), `file:///w/${name}.factpack.yaml`).loaded;
    };
    const x = (): LoadedPack => file('x', ['term.x1', 'term.x2', 'term.x3']);
    const y = (): LoadedPack => file('y', ['term.y1', 'term.y2', 'term.y3']);
    const memo = new IndexMemo();
    const first = [bundledPack, x(), y()];
    buildFactIndex(first, {}, memo);
    // x read again and now after y (deleted and made again); then x's facts in another order; then x read again as it is.
    const steps: LoadedPack[][] = [
      [bundledPack, first[2], x()],
      [bundledPack, first[2], file('x', ['term.x3', 'term.x1', 'term.x2'])],
      [bundledPack, y(), file('x', ['term.x3', 'term.x1', 'term.x2'])],
    ];
    for (const [i, packs] of steps.entries()) {
      const incremental = buildFactIndex(packs, {}, memo);
      assert.ok(incremental.index.basis, `step ${i}: made from the index before`);
      const full = buildFactIndex(packs);
      assert.deepEqual(
        incremental.index.findAt('Shared name', 0)[0].values.map((v) => v.fact.id),
        full.index.findAt('Shared name', 0)[0].values.map((v) => v.fact.id),
        `step ${i}`,
      );
      assert.deepEqual(seen(incremental), seen(full), `step ${i}`);
    }
  });

  test('files that were not read again but now come in another order are looked at again: which of two facts with one id is used can change', () => {
    const pack = (name: string, yaml: string): LoadedPack => loadPack(yaml, `file:///w/${name}.factpack.yaml`).loaded;
    const placeHere = pack('a', packYaml(factYaml('place.x', { kind: 'place' })));
    const termHere = pack('b', packYaml(factYaml('place.x', { kind: 'term' })));
    const event = pack('c', packYaml(factYaml('event.e', { lines: ['place: place.x'] })));
    const memo = new IndexMemo();
    buildFactIndex([bundledPack, placeHere, termHere, event], {}, memo);
    const swapped = [bundledPack, termHere, placeHere, event];
    const incremental = buildFactIndex(swapped, {}, memo);
    const full = buildFactIndex(swapped);
    assert.ok(
      full.problems.some((p) => p.code === 'wrong-kind'),
      'the place is now the term',
    );
    assert.deepEqual(seen(incremental), seen(full));
  });

  test('a file read again in another place among the files: an id it shares with an unchanged file is its own or that file\u2019s as the new order says', () => {
    const pack = (name: string, yaml: string): LoadedPack => loadPack(yaml, `file:///w/${name}.factpack.yaml`).loaded;
    const other = pack('d', packYaml(factYaml('term.x', { kind: 'term' }), factYaml('term.d', { kind: 'term' })));
    const moved = (): LoadedPack => pack('c', packYaml(factYaml('term.x', { kind: 'term' }), factYaml('term.c', { kind: 'term' })));
    const memo = new IndexMemo();
    buildFactIndex([bundledPack, other, moved()], {}, memo);
    const packs = [bundledPack, moved(), other];
    const incremental = buildFactIndex(packs, {}, memo);
    const full = buildFactIndex(packs);
    assert.equal(full.index.fact('term.x')?.pack.locations.file, 'file:///w/c.factpack.yaml');
    assert.ok(full.problems.some((p) => p.code === 'duplicate-id' && p.file === 'file:///w/d.factpack.yaml'));
    assert.deepEqual(seen(incremental), seen(full));
  });

  test('a file read again with the same facts but other evidence: the facts whose evidence changed are judged again', () => {
    const yaml = packYaml(factYaml('event.e1'), factYaml('event.e2'));
    const withEvidence = (found: number, missing: number): LoadedPack => ({
      ...loadPack(yaml, 'file:///w/e.factpack.yaml').loaded,
      evidence: new Map([['event.e1', { found, missing }]]),
    });
    const memo = new IndexMemo();
    buildFactIndex([bundledPack, withEvidence(1, 0)], {}, memo);
    const packs = [bundledPack, withEvidence(0, 1)];
    const incremental = buildFactIndex(packs, {}, memo);
    assert.deepEqual(incremental.index.fact('event.e1')?.evidence, { found: 0, missing: 1 });
    assert.equal(memo.last.judged, 1, 'the other fact, written the same way with the same evidence, is not judged again');
    assert.deepEqual(seen(incremental), seen(buildFactIndex(packs)));
  });

  test('the store judges again only the changed file\u2019s facts, and its index is a full rebuild\u2019s', async () => {
    const rnd = prng(99);
    const world = randomWorld(rnd, 3);
    const store = new FactStore(bundledPack, parsePackText, {}, undefined, { yieldToHost: () => new Promise((r) => setImmediate(r)) });
    await store.batch(async () => {
      world.forEach((w, i) => store.setWorkspacePack(`file:///w/p${i}.yaml`, text(w)));
    });
    const bundledFacts = b.index.facts.length;
    world[1].facts[0].label = 'A new label';
    await store.loadWorkspacePack('file:///w/p1.yaml', text(world[1]), async () => undefined);
    assert.ok(
      store.memo.last.judged > 0 && store.memo.last.judged <= world[1].facts.length,
      `only the changed file\u2019s facts were judged (${JSON.stringify(store.memo.last)})`,
    );
    assert.ok(store.memo.last.reused >= bundledFacts);
    const full = buildFactIndex(store.index.packs);
    assert.equal(store.index.facts.length, full.index.facts.length);
    assert.deepEqual(
      store.index.facts.map((f) => [f.fact.id, f.status, f.statusReason]),
      full.index.facts.map((f) => [f.fact.id, f.status, f.statusReason]),
    );
    for (let i = 0; i < 3; i++) {
      const file = `file:///w/p${i}.yaml`;
      assert.deepEqual(
        store
          .problemsOf(file)
          .filter((p) => !['partly-loaded', 'last-good-in-use'].includes(p.code))
          .map((p) => p.message)
          .sort(),
        [...parsePackText(text(world[i]), file).problems, ...full.problems.filter((p) => p.file === file)].map((p) => p.message).sort(),
        file,
      );
    }
  });
});

suite('incremental index: what completion and the picker offer', () => {
  test('the prefixes of an index made from another, searched while their edits are gone through in steps, find what a full build\u2019s find', () => {
    // More changed facts than one step goes through.
    const many = (name: string, n: number, label: string): LoadedPack =>
      loadPack(
        packYaml(...Array.from({ length: n }, (_, i) => factYaml(`term.${name}${i}`, { kind: 'term' }).replace(`Label of term.${name}${i}`, `${label} ${i}`))),
        `file:///w/${name}.factpack.yaml`,
      ).loaded;
    const kept = many('a', 3000, 'Alpha');
    const memo = new IndexMemo();
    const first = buildFactIndex([kept, many('b', 1200, 'Beta')], {}, memo);
    prepareSearch(first.index, '2025-06-01');
    const second = buildFactIndex([kept, many('b', 1200, 'Gamma')], {}, memo);
    assert.ok(second.index.basis, 'made from the index before');
    const steps = prefixIndexFor(second.index).preparation();
    steps.next();
    steps.next();
    const found = (r: BuildResult, p: string): string[] =>
      prefixIndexFor(r.index)
        .search(p, 5000)
        .map((h) => `${h.alias}:${h.entry.fact.id}`);
    const full = buildFactIndex([kept, many('b', 1200, 'Gamma')]);
    assert.deepEqual(found(second, 'Gam'), found(full, 'Gam'));
    assert.equal(found(full, 'Gam').length, 1200);
    while (!steps.next().done);
    for (const p of ['Bet', 'Alp', 'al', 'G']) assert.deepEqual(found(second, p), found(full, p), p);
  });

  test('a person\u2019s picker row shows the new name of a role renamed in another file', () => {
    const today = '2025-06-01';
    const roleFile: FileModel = {
      id: 'roles',
      sources: [{ id: 's-roles', publisher: 'Office D', kind: 'government' }],
      facts: [{ id: 'role.minister', kind: 'role', label: 'Minister of Things', aliases: [], citations: ['s-roles'] }],
    };
    const peopleFile: FileModel = {
      id: 'people',
      sources: [{ id: 's-people', publisher: 'Desk A', kind: 'wire' }],
      facts: ['a', 'b', 'c', 'd'].map((x) => ({
        id: `person.${x}`,
        kind: 'person',
        label: `Person ${x}`,
        aliases: [],
        citations: ['s-people'],
        role: 'role.minister',
      })),
    };
    const people = loaded(peopleFile, 'file:///w/people.yaml')!;
    const memo = new IndexMemo();
    const first = buildFactIndex([loaded(roleFile, 'file:///w/roles.yaml')!, people], {}, memo);
    prepareSearch(first.index, today);
    roleFile.facts[0].label = 'Minister of Other Things';
    const second = buildFactIndex([loaded(roleFile, 'file:///w/roles.yaml')!, people], {}, memo);
    assert.ok(second.index.basis, 'the index was made from the one before');
    prepareSearch(second.index, today);
    const row = pickerRows(second.index, '', today).find((r) => r.entry?.fact.id === 'person.a');
    assert.equal(row?.description, 'Minister of Other Things');
  });
});
