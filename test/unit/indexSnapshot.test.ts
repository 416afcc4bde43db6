// Snapshots of built indexes (src/core/facts/indexSnapshot.ts), kept beside
// the cache of parsed packs (PackCache): an index built from a snapshot is the
// index a build gives (every fact, status, problem and alias match), the
// memo it leaves lets the next change judge only what changed, and a snapshot
// of other packs, of another version, altered or not signed by this cache is
// never taken.

import { packText, type PackContent } from '../../src/core/packs/packContent';
import assert from 'node:assert/strict';
import { buildFactIndex, IndexMemo, type LoadedPack } from '../../src/core/facts/factIndex';
import { FactStore } from '../../src/core/facts/factStore';
import { decodeSnapshot, encodeSnapshot, INDEX_SNAPSHOT_VERSION, snapshotOf, type IndexSnapshot } from '../../src/core/facts/indexSnapshot';
import { TokenTrie } from '../../src/core/facts/tokenTrie';
import { PackCache, type CacheStorage } from '../../src/core/packs/packCache';
import { encodeBody } from '../../src/core/packs/packCacheEntry';
import { parsePackText } from '../../src/core/packs/packLoader';
import { bundled, prng, sourceFingerprint } from './helpers';
import { edit, loaded, offered, randomWorld, seen, text, type FileModel } from './randomPacks';

class MemoryStorage implements CacheStorage {
  readonly files = new Map<string, Uint8Array>();
  read(name: string): Promise<Uint8Array | undefined> {
    return Promise.resolve(this.files.get(name)?.slice());
  }
  write(name: string, data: Uint8Array): Promise<void> {
    this.files.set(name, data.slice());
    return Promise.resolve();
  }
  delete(name: string): Promise<void> {
    this.files.delete(name);
    return Promise.resolve();
  }
  list(): Promise<{ name: string; size: number; mtime: number }[]> {
    return Promise.resolve([...this.files].map(([name, data]) => ({ name, size: data.length, mtime: 1 })));
  }
}

const SECRET = new Uint8Array(32).fill(9);
const nextTurn = (): Promise<void> => new Promise((r) => setImmediate(r));

/** The packs of a world, as the store orders them: the bundled pack, then the files by name. */
function packsOf(world: FileModel[], bundledPack: LoadedPack): LoadedPack[] {
  return [bundledPack, ...world.map((w, i) => loaded(w, `file:///w/p${i}.factpack.yaml`)).filter((p): p is LoadedPack => p !== undefined)];
}

/** A snapshot written as bytes and read back, as a window reload reads it. */
async function roundTrip(snapshot: IndexSnapshot): Promise<IndexSnapshot> {
  return decodeSnapshot(encodeSnapshot(snapshot));
}

/** A store wired as the extension wires it, over a cache in `storage`. */
function extensionStore(storage: MemoryStorage, bundledPack: LoadedPack, secret = SECRET): { store: FactStore; cache: PackCache } {
  const cache = new PackCache({ storage, secret, yieldToHost: nextTurn });
  const store = new FactStore(
    bundledPack,
    parsePackText,
    {},
    (t, f, o) =>
      cache.parse(t, f, o, (tt, ff, oo) => {
        const result = parsePackText(packText(tt), ff, oo);
        return Promise.resolve({ result, body: encodeBody(result) });
      }),
    { yieldToHost: nextTurn, snapshots: () => cache },
  );
  return { store, cache };
}

async function loadAll(store: FactStore, texts: string[]): Promise<void> {
  await store.batch(() => Promise.all(texts.map((t, i) => store.loadWorkspacePack(`file:///w/p${i}.factpack.yaml`, t, async () => undefined))));
  await store.whenReadied();
}

suite('index snapshots: an index taken from a snapshot is the one a build gives', function () {
  this.timeout(120_000);
  const bundledPack = bundled().loaded;

  for (const seed of [1, 2, 3, 4, 5, 6]) {
    test(`seed ${seed}: after random edits, the snapshot's index equals a full build, and the next edit judges only what changed`, async () => {
      const rnd = prng(seed * 104_729);
      const world = randomWorld(rnd, 4);
      const memo = new IndexMemo();
      buildFactIndex(packsOf(world, bundledPack), {}, memo);
      for (let step = 0; step < 12; step++) {
        edit(rnd, world);
        // Packs read again, as a window reload reads them: new objects of the same texts.
        const packs = packsOf(world, bundledPack);
        const built = buildFactIndex(packs, {}, memo);
        if (step % 3 !== 2) continue;
        const snapshot = snapshotOf(built.index, memo);
        assert.ok(snapshot, `seed ${seed}, step ${step}: no snapshot`);
        const reloaded = packsOf(world, bundledPack);
        const fresh = new IndexMemo();
        const taken = buildFactIndex(reloaded, {}, fresh, await roundTrip(snapshot));
        const full = buildFactIndex(reloaded);
        assert.deepEqual(seen(taken), seen(full), `seed ${seed}, step ${step}: the snapshot's index differs from a build`);
        assert.deepEqual(offered(taken), offered(full), `seed ${seed}, step ${step}: completion or the picker differ`);
        assert.equal(fresh.last.judged, 0);
        assert.equal(fresh.last.restored, snapshot.accepted);

        // The next change after the reload: judged from the memo the snapshot filled, equal to a full build.
        const changed = edit(rnd, world);
        const after = packsOf(world, bundledPack);
        const next = buildFactIndex(after, {}, fresh);
        assert.deepEqual(seen(next), seen(buildFactIndex(after)), `seed ${seed}, step ${step}: the change after the snapshot differs`);
        const changedFacts = world[changed].facts.length;
        assert.ok(fresh.last.reused >= bundledPack.pack.facts.length, `seed ${seed}: ${JSON.stringify(fresh.last)} (${changedFacts} facts changed)`);
        buildFactIndex(after, {}, memo);
      }
    });
  }

  test('with the fact base over its caps (facts, aliases), the snapshot\u2019s index leaves out the same facts with the same problems', async () => {
    const world = randomWorld(prng(11), 4);
    const packs = packsOf(world, bundledPack);
    const all = buildFactIndex(packs).index.facts.length;
    for (const options of [{ maxFacts: all - 7 }, { maxAliases: Math.floor(all * 2.5) }]) {
      const memo = new IndexMemo();
      const built = buildFactIndex(packs, options, memo);
      assert.ok(
        built.problems.some((p) => p.code === 'too-many-facts' || p.code === 'too-many-aliases'),
        JSON.stringify(options),
      );
      const taken = buildFactIndex(packsOf(world, bundledPack), options, new IndexMemo(), await roundTrip(snapshotOf(built.index, memo)!));
      assert.deepEqual(seen(taken), seen(buildFactIndex(packsOf(world, bundledPack), options)), JSON.stringify(options));
    }
  });

  test('the strings are read a line of them a step, into the same list; a line cut short or not a list is refused', async () => {
    const memo = new IndexMemo();
    const built = buildFactIndex(packsOf(randomWorld(prng(3), 2), bundledPack), {}, memo);
    const base = snapshotOf(built.index, memo)!;
    // More strings than a line holds (ids no fact looks up are kept as they are).
    const strings = [...base.strings, ...Array.from({ length: 20_000 }, (_, i) => `extra.\u0456d-${i}\n"quoted"`)];
    const snapshot = { ...base, strings };
    const bytes = encodeSnapshot(snapshot);
    const lines = new TextDecoder().decode(bytes).split('\n');
    assert.equal(JSON.parse(lines[0]).stringLines, 3);
    let steps = 0;
    const read = await decodeSnapshot(bytes, async () => {
      steps++;
    });
    assert.deepEqual(read.strings, strings);
    assert.deepEqual(read.looks, snapshot.looks);
    assert.ok(steps >= 3 + 15, `${steps} steps`);
    // The second line of strings cut short: no newline before the arrays.
    const cut = bytes.slice(0, lines[0].length + 1 + lines[1].length + 1 + 100);
    await assert.rejects(decodeSnapshot(cut), /strings cut short|Unexpected end|JSON/);
    // A line of strings that is an object.
    const text = new TextDecoder().decode(bytes);
    const notList = text.replace(lines[2], JSON.stringify({ a: 1 }).padEnd(lines[2].length, ' '));
    await assert.rejects(decodeSnapshot(new TextEncoder().encode(notList)), /not a list/);
  });

  test('a matcher taken from a snapshot makes a slot’s entry only when a text reaches it, and finds what a build finds', async () => {
    const rnd = prng(11);
    const world = randomWorld(rnd, 3);
    const memo = new IndexMemo();
    const built = buildFactIndex(packsOf(world, bundledPack), {}, memo);
    const snapshot = await roundTrip(snapshotOf(built.index, memo)!);
    const fresh = new IndexMemo();
    const taken = buildFactIndex(packsOf(world, bundledPack), {}, fresh, snapshot);
    const madeIn = (index: typeof taken.index): number => {
      const table = (index.matcher as unknown as { entries: { made: unknown[] } }).entries;
      return table.made.filter((e) => e !== undefined).length;
    };
    const made = (): number => madeIn(taken.index);
    assert.equal(made(), 0, 'entries made while the snapshot was taken');
    const draft = 'Keir Starmer met Volodymyr Zelenskyy in London on 23 June 2025; Rustem Umerov signed.';
    const full = buildFactIndex(packsOf(world, bundledPack));
    const found = taken.index.findAll(draft);
    assert.deepEqual(
      found.map((m) => [m.start, m.end, m.alias, m.values.map((e) => e.fact.id)]),
      full.index.findAll(draft).map((m) => [m.start, m.end, m.alias, m.values.map((e) => e.fact.id)]),
    );
    assert.ok(found.length >= 3, `${found.length} matches`);
    assert.ok(made() > 0 && made() < 200, `${made()} entries made for ${found.length} matches`);
    // Packs dropped after it: the new matcher is made from this one, equal to a full build, with only the entries it
    // changed made (so many facts go that every slot is gone through, by the snapshot's numbers).
    const after = packsOf(world.slice(0, 1), bundledPack);
    const next = buildFactIndex(after, {}, fresh);
    const slots = (next.index.matcher as unknown as { entries: { length: number } }).entries.length;
    assert.ok(madeIn(next.index) < slots / 2, `${madeIn(next.index)} of ${slots} entries made by the edit`);
    assert.deepEqual(seen(next), seen(buildFactIndex(after)));
  });

  test('a snapshot whose numbers do not fit its facts is refused, never taken', async () => {
    const rnd = prng(5);
    const world = randomWorld(rnd, 3);
    const packs = packsOf(world, bundledPack);
    const memo = new IndexMemo();
    const built = buildFactIndex(packs, {}, memo);
    const snapshot = snapshotOf(built.index, memo)!;
    // Of fewer facts than these packs accept.
    assert.throws(() => buildFactIndex(packsOf(world.slice(0, 2), bundledPack), {}, new IndexMemo(), snapshot), /the snapshot is of/);
    // A slot's value past the index's entries.
    const wrongValue = await roundTrip(snapshot);
    wrongValue.matcher.slotValues[0] = 1_000_000;
    assert.throws(() => buildFactIndex(packs, {}, new IndexMemo(), wrongValue), /slot/);
    // A lookup of a string that is not there.
    const bytes = encodeSnapshot({ ...snapshot, looks: snapshot.looks.map(() => snapshot.strings.length + 5) });
    if (snapshot.looks.length > 0) await assert.rejects(decodeSnapshot(bytes), /lookup out of range/);
    // Bytes that are not a snapshot, or of another version.
    await assert.rejects(decodeSnapshot(new TextEncoder().encode('{}\n')), /another version/);
    await assert.rejects(decodeSnapshot(new TextEncoder().encode('no head')), /no head/);
    const text = new TextDecoder().decode(encodeSnapshot(snapshot));
    await assert.rejects(decodeSnapshot(new TextEncoder().encode(text.replace(`"version":"${INDEX_SNAPSHOT_VERSION}"`, '"version":"0"'))), /another version/);
  });

  test('a trie whose arrays do not fit together is refused', () => {
    const memo = new IndexMemo();
    const built = buildFactIndex([bundledPack], {}, memo);
    const saved = snapshotOf(built.index, memo)!.matcher.trie;
    const restore = (s: typeof saved): TokenTrie => {
      const steps = TokenTrie.restoreSteps(s);
      for (;;) {
        const r = steps.next();
        if (r.done) return r.value;
      }
    };
    assert.ok(restore(saved).size > 1000);
    const chars = saved.nodeData.slice();
    chars[5] = saved.chars.length + 10;
    assert.throws(() => restore({ ...saved, nodeData: chars }), /node out of range/);
    assert.throws(() => restore({ ...saved, edgeCount: saved.edgeCount + 1 }), /edges do not match/);
    const edges = saved.edges.slice();
    const free = edges.findIndex((v, i) => i % 3 === 2 && v === 0);
    edges[free] = 3;
    assert.throws(() => restore({ ...saved, edges }), /edges do not match/);
  });
});

suite('index snapshots: kept and taken by the store, through the cache', function () {
  this.timeout(60_000);
  const bundledPack = bundled().loaded;
  const world = randomWorld(prng(77), 3);
  const texts = world.map(text);

  test('a window reload takes the snapshot, judging no fact, and its index and problems are the build\u2019s; a change after it judges only the changed file', async () => {
    const storage = new MemoryStorage();
    const first = extensionStore(storage, bundledPack);
    await loadAll(first.store, texts);
    await first.cache.flush();
    assert.deepEqual(first.cache.snapshotCounts, { read: 0, other: 0, rejected: 0, written: 1 });
    assert.ok(storage.files.has('index.snapshot'));

    const second = extensionStore(storage, bundledPack);
    await loadAll(second.store, texts);
    assert.deepEqual(second.cache.snapshotCounts, { read: 1, other: 0, rejected: 0, written: 0 });
    assert.equal(second.store.memo.last.judged, 0);
    assert.ok(second.store.memo.last.restored > bundledPack.pack.facts.length);
    const full = buildFactIndex(second.store.index.packs);
    assert.deepEqual(seen({ index: second.store.index, problems: full.problems }), seen(full));
    for (let i = 0; i < texts.length; i++) {
      const file = `file:///w/p${i}.factpack.yaml`;
      assert.deepEqual(second.store.problemsOf(file), first.store.problemsOf(file), file);
    }

    world[1].facts[0].label = 'A label changed after the reload';
    await second.store.loadWorkspacePack('file:///w/p1.factpack.yaml', text(world[1]), async () => undefined);
    await second.store.whenReadied();
    assert.ok(second.store.memo.last.judged <= world[1].facts.length, JSON.stringify(second.store.memo.last));
    assert.deepEqual(seen({ index: second.store.index, problems: [] }), seen({ ...buildFactIndex(second.store.index.packs), problems: [] }));
    // The changed packs are kept as the snapshot in turn.
    await second.cache.flush();
    assert.equal(second.cache.snapshotCounts.written, 1);
  });

  test('a window reload starts reading the snapshot at its first entry found, before its build asks for it; later loads read it no more', async () => {
    class Logged extends MemoryStorage {
      readonly reads: string[] = [];
      override read(name: string): Promise<Uint8Array | undefined> {
        this.reads.push(name);
        return super.read(name);
      }
    }
    const storage = new Logged();
    const first = extensionStore(storage, bundledPack);
    await loadAll(first.store, texts);
    await first.cache.flush();
    storage.reads.length = 0;

    const second = extensionStore(storage, bundledPack);
    const asked: string[][] = [];
    const readSnapshot = second.cache.readSnapshot.bind(second.cache);
    second.cache.readSnapshot = (key) => (asked.push(storage.reads.slice()), readSnapshot(key));
    await loadAll(second.store, texts);
    assert.equal(asked.length, 1);
    assert.ok(asked[0].includes('index.snapshot'), asked[0].join(', '));
    assert.equal(storage.reads.filter((n) => n === 'index.snapshot').length, 1);
    assert.deepEqual(second.cache.snapshotCounts, { read: 1, other: 0, rejected: 0, written: 0 });
    assert.equal(second.store.memo.last.judged, 0);

    // A file changed, then changed back: its entry is found again, and the snapshot is not read again.
    const file = 'file:///w/p1.factpack.yaml';
    await second.store.loadWorkspacePack(file, `${texts[1]}\n# changed\n`, async () => undefined);
    await second.store.whenReadied();
    await second.store.loadWorkspacePack(file, texts[1], async () => undefined);
    await second.store.whenReadied();
    assert.ok(second.cache.counts.hits > texts.length, JSON.stringify(second.cache.counts));
    assert.equal(storage.reads.filter((n) => n === 'index.snapshot').length, 1);
  });

  test('after a window reload is readied, its alias trie has room: the first file changed with a new word grows none of its arrays', async () => {
    const storage = new MemoryStorage();
    const first = extensionStore(storage, bundledPack);
    await loadAll(first.store, texts);
    await first.cache.flush();

    type Arrays = { nodes: number; charCount: number; nodeData: Int32Array; chars: Uint16Array };
    const trieOf = (store: FactStore): Arrays => (store.index.matcher as unknown as { trie: Arrays }).trie;
    const reload = (readying: boolean): FactStore => {
      const cache = new PackCache({ storage, secret: SECRET, yieldToHost: nextTurn });
      return new FactStore(
        bundledPack,
        parsePackText,
        {},
        (t, f, o) => cache.parse(t, f, o, (tt, ff, oo) => Promise.resolve({ result: parsePackText(packText(tt), ff, oo), body: undefined })),
        { yieldToHost: nextTurn, snapshots: () => cache, readying: readying ? () => [][Symbol.iterator]() : undefined },
      );
    };
    // Without readying, the trie is the snapshot's: no room to spare.
    const bare = reload(false);
    await loadAll(bare, texts);
    assert.equal(trieOf(bare).nodeData.length, trieOf(bare).nodes * 3);

    const store = reload(true);
    await loadAll(store, texts);
    assert.equal(store.memo.last.judged, 0);
    const before = trieOf(store);
    assert.ok(before.nodeData.length > before.nodes * 3 && before.chars.length > before.charCount, 'room made');
    const { nodeData, chars } = before;
    const nodes = before.nodes;
    await store.loadWorkspacePack(
      'file:///w/p1.factpack.yaml',
      texts[1].replace(/"label": "([^"]+)"/, (_, label: string) => `"label": "${label} Zyxwvutsr"`),
      async () => undefined,
    );
    await store.whenReadied();
    const after = trieOf(store);
    assert.ok(after.nodes > nodes, 'the new word made a node');
    assert.equal(after.nodeData, nodeData);
    assert.equal(after.chars, chars);
    assert.deepEqual(seen({ index: store.index, problems: [] }), seen({ ...buildFactIndex(store.index.packs), problems: [] }));
  });

  test('a snapshot of other packs is not taken, and left for their next write; one altered or signed by another cache is deleted', async () => {
    const storage = new MemoryStorage();
    const first = extensionStore(storage, bundledPack);
    await loadAll(first.store, texts);
    await first.cache.flush();
    const kept = storage.files.get('index.snapshot')!;

    const cases: [string, () => void, string[]][] = [
      ['one file changed', () => undefined, texts.map((t, i) => (i === 2 ? t.replace('Text of', 'Text now of') : t))],
      [
        'one byte changed',
        () =>
          storage.files.set(
            'index.snapshot',
            kept.map((b, i) => (i === kept.length - 7 ? b ^ 1 : b)),
          ),
        texts,
      ],
      ['cut short', () => storage.files.set('index.snapshot', kept.slice(0, kept.length >> 1)), texts],
      ['another cache\u2019s', () => storage.files.set('index.snapshot', kept), texts],
    ];
    for (const [what, alter, now] of cases) {
      storage.files.set('index.snapshot', kept);
      alter();
      const other = extensionStore(storage, bundledPack, what === 'another cache\u2019s' ? new Uint8Array(32).fill(1) : SECRET);
      await loadAll(other.store, now);
      const ofOthers = what === 'one file changed';
      assert.deepEqual(
        { read: other.cache.snapshotCounts.read, other: other.cache.snapshotCounts.other, rejected: other.cache.snapshotCounts.rejected },
        { read: 0, other: ofOthers ? 1 : 0, rejected: ofOthers ? 0 : 1 },
        what,
      );
      assert.ok(other.store.memo.last.judged > bundledPack.pack.facts.length, what);
      assert.deepEqual(seen({ index: other.store.index, problems: [] }), seen({ ...buildFactIndex(other.store.index.packs), problems: [] }), what);
      await other.cache.flush();
    }
  });

  test('a snapshot that turns out not to fit the packs while it is taken is dropped, and the packs built as without one', async () => {
    const memo = new IndexMemo();
    const otherWorld = randomWorld(prng(78), 3);
    const other = snapshotOf(buildFactIndex(packsOf(otherWorld, bundledPack), {}, memo).index, memo)!;
    let writes = 0;
    const store = new FactStore(bundledPack, parsePackText, {}, async (t, f, o) => parsePackText(packText(t), f, o), {
      yieldToHost: nextTurn,
      snapshots: () => ({ snapshotKey: async () => 'key', readSnapshot: async () => other, writeSnapshot: async () => (writes++, true) }),
    });
    await loadAll(store, texts);
    assert.equal(store.memo.last.restored, 0);
    assert.ok(store.memo.last.judged > bundledPack.pack.facts.length);
    assert.deepEqual(seen({ index: store.index, problems: [] }), seen({ ...buildFactIndex(store.index.packs), problems: [] }));
    // Its index is kept as the snapshot of its packs instead.
    assert.equal(writes, 1);
  });

  test('an index replaced before its snapshot was made gives way to the newer one, even of the same packs', async () => {
    const calls: { key: string; make: () => Iterator<void, IndexSnapshot | undefined, void>; done: (written: boolean) => void }[] = [];
    const store = new FactStore(bundledPack, parsePackText, {}, async (t, f, o) => parsePackText(packText(t), f, o), {
      yieldToHost: nextTurn,
      snapshots: () => ({
        snapshotKey: async () => 'the same packs',
        readSnapshot: async () => undefined,
        writeSnapshot: (key, make) => new Promise<boolean>((done) => calls.push({ key, make, done })),
      }),
    });
    await loadAll(store, texts);
    // The same texts read again (a file saved unchanged): a new index of the same packs, before the first snapshot was made.
    await loadAll(store, texts);
    assert.equal(calls.length, 2, 'the second index is offered too: the first was not written yet');
    const made = calls.map((c) => {
      const steps = c.make();
      for (;;) {
        const r = steps.next();
        if (r.done) return r.value;
      }
    });
    assert.equal(made[0], undefined, 'the replaced index makes no snapshot');
    assert.ok(made[1] && made[1].entries === store.index.facts.length, 'the index in use does');
    calls[0].done(false);
    calls[1].done(true);
    await nextTurn();
    // Once written, the same packs are not written again.
    await loadAll(store, texts);
    assert.equal(calls.length, 2);
  });

  test('the key changes with every input of a build: a file\u2019s text, its name, its evidence, the options, the order of packs', async () => {
    const cache = new PackCache({ storage: new MemoryStorage(), secret: SECRET });
    const parse = (t: PackContent, f: string): Promise<{ result: ReturnType<typeof parsePackText>; body: ReturnType<typeof encodeBody> }> => {
      const result = parsePackText(packText(t), f);
      return Promise.resolve({ result, body: encodeBody(result) });
    };
    const load = async (t: string, f: string, label = f): Promise<LoadedPack> => {
      const r = await cache.parse(t, f, {}, parse);
      return { pack: r.pack!, locations: r.locations, origin: 'workspace', label, evidence: new Map() };
    };
    const a = await load(texts[0], 'file:///a.yaml');
    const b = await load(texts[1], 'file:///b.yaml');
    const key = await cache.snapshotKey([bundledPack, a, b], {});
    assert.match(key ?? '', /^[0-9a-f]{64}$/);
    assert.equal(await cache.snapshotKey([bundledPack, await load(texts[0], 'file:///a.yaml'), b], {}), key, 'the same text read again');
    const others = [
      await cache.snapshotKey([bundledPack, await load(texts[2], 'file:///a.yaml'), b], {}),
      await cache.snapshotKey([bundledPack, await load(texts[0], 'file:///c.yaml'), b], {}),
      await cache.snapshotKey([bundledPack, await load(texts[0], 'file:///a.yaml', 'renamed'), b], {}),
      await cache.snapshotKey([bundledPack, { ...a, evidence: new Map([['x', { found: 1, missing: 0 }]]) }, b], {}),
      await cache.snapshotKey([bundledPack, a, b], { maxFacts: 10 }),
      await cache.snapshotKey([bundledPack, b, a], {}),
      await cache.snapshotKey([a, b], {}),
    ];
    assert.equal(new Set([key, ...others]).size, others.length + 1);
    // A writer's pack that did not come from the cache has no key.
    const r = parsePackText(texts[0], 'file:///d.yaml');
    assert.equal(await cache.snapshotKey([bundledPack, { pack: r.pack!, locations: r.locations, origin: 'workspace' }], {}), undefined);
  });

  test('INDEX_SNAPSHOT_VERSION is raised with every change to how an index is built: snapshots written before it are then ignored', () => {
    // When this fails: the build changed, so a snapshot's outcomes may differ from a build now. Raise
    // INDEX_SNAPSHOT_VERSION in src/core/facts/indexSnapshot.ts and record the new fingerprint here.
    const fingerprints: Record<string, string> = {
      '2026-12-03.3': 'ce4e6dffb49ed59f',
      '2026-12-03.4': '13197ef1d7ce962f',
      '2026-12-03.5': '357d343cd0e979d8',
      '2026-12-03.6': 'c7e49afc4deff9fe',
      '2026-12-03.7': '24bad4222f663703',
      '2026-12-03.8': '38e7989b9d5ae98d',
      '2026-12-03.9': '257ef9fb215d317c',
      '2026-12-03.10': '7112a38b96e5580b',
      '2026-12-03.11': '0347884f12bfd580',
      '2026-12-03.12': 'ada746a40a98fa3a',
      '2026-12-03.13': '9e32c57c3f9295b6',
      '2026-12-04.1': '797f5fcba76cef40',
      '2026-12-04.2': '5ae5b1ad645c620e',
      '2026-12-04.3': '04fcecc2153ac9a1',
      '2026-12-04.4': '94824db2086afb9a',
      '2026-12-04.5': 'd6151c255581a0ed',
      '2026-12-04.6': '42902e7e4dca39b5',
      '2026-12-04.7': 'c530b17bcc8bcab7',
      '2026-12-04.8': '23ed5124792218a4',
      '2026-12-04.9': '1af94d84b14753f0',
      '2026-12-04.10': '148d1c9a1d183052',
      '2026-12-04.11': '45749cef36ec6592',
      '2026-12-04.12': '5f48d9b3aeb272c8',
      '2026-12-05.1': '698b1bf506d4aab3',
      '2026-12-05.2': 'fc76ac017e760f3e',
    };
    const build = [
      'src/core/facts/factIndex.ts',
      'src/core/facts/judgeFact.ts',
      'src/core/facts/status.ts',
      'src/core/facts/aliasMatcher.ts',
      'src/core/facts/tokenTrie.ts',
      'src/core/facts/indexSnapshot.ts',
      'src/core/packs/asciiJson.ts',
      'src/core/document/dates.ts',
      'src/core/document/text.ts',
      'src/core/references/citationKeys.ts',
      'src/core/check/wordDiff.ts',
      'src/core/facts/wordForms.ts',
      'src/core/sameValue.ts',
    ];
    assert.equal(fingerprints[INDEX_SNAPSHOT_VERSION], sourceFingerprint(build));
  });
});
