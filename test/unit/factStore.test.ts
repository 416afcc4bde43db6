// factStore.FactStore: writers' packs join the bundled one; a broken save
// keeps the last good version in use and says so.

import { packText, type PackContent } from '../../src/core/packs/packContent';
import assert from 'node:assert/strict';
import { FactStore, bundledLoadedPack, type StoreChange } from '../../src/core/facts/factStore';
import type { FactIndex } from '../../src/core/facts/factIndex';
import { DEFAULT_MAX_PACK_BYTES, parsePackText } from '../../src/core/packs/packLoader';
import { bundled, describeProblems, factYaml, lineOf, packYaml, withCode } from './helpers';

const FILE = '/workspace/.factpacks/mine.yaml';

function newStore(): FactStore {
  return new FactStore(bundledLoadedPack(bundled().loaded.pack), parsePackText);
}

const good = packYaml(factYaml('mine.one', { lines: ['date: "2025-06-23"'] }), factYaml('mine.two'));
const broken = good.replace('kind: event', 'kind: "event');

suite('factStore: workspace packs', () => {
  test('the bundled facts are there from the start', () => {
    const store = newStore();
    assert.ok(store.index.fact('person.umerov'));
    assert.deepEqual(store.workspaceFiles, []);
  });

  test('a good workspace pack adds its facts, found by alias too', () => {
    const store = newStore();
    const problems = store.setWorkspacePack(FILE, good);
    assert.deepEqual(problems, []);
    assert.ok(store.index.fact('mine.one'));
    assert.ok(store.index.fact('mine.two'));
    assert.ok(store.index.fact('person.umerov'), 'the bundled facts stay');
    assert.equal(store.index.findAll('see alias mine.two here')[0]?.values[0].fact.id, 'mine.two');
    assert.equal(store.index.fact('mine.one')?.pack.locations.file, FILE);
  });

  test('broken YAML keeps the last good facts in use, with the problems and a last-good-in-use note', () => {
    const store = newStore();
    store.setWorkspacePack(FILE, good);
    const problems = store.setWorkspacePack(FILE, broken);
    assert.ok(store.index.fact('mine.one'), 'last good facts still in the index');
    assert.ok(store.index.fact('mine.two'));
    const syntax = withCode(problems, 'yaml-syntax');
    assert.ok(syntax.length > 0, describeProblems(problems));
    assert.ok(syntax.every((p) => p.file === FILE));
    const note = withCode(problems, 'last-good-in-use');
    assert.equal(note.length, 1, describeProblems(problems));
    assert.equal(note[0].severity, 'info');
    assert.match(note[0].message, /last version that loaded cleanly stays in use/);
    assert.deepEqual(store.problemsOf(FILE), problems);
  });

  test('fixing the file replaces the last good version and clears the problems', () => {
    const store = newStore();
    store.setWorkspacePack(FILE, good);
    store.setWorkspacePack(FILE, broken);
    const fixed = packYaml(factYaml('mine.three'));
    assert.deepEqual(store.setWorkspacePack(FILE, fixed), []);
    assert.ok(store.index.fact('mine.three'));
    assert.equal(store.index.fact('mine.one'), undefined, 'facts removed from the file are gone');
  });

  test('a pack broken from its first save adds nothing and gets no last-good note', () => {
    const store = newStore();
    const problems = store.setWorkspacePack(FILE, broken);
    assert.ok(withCode(problems, 'yaml-syntax').length > 0);
    assert.deepEqual(withCode(problems, 'last-good-in-use'), []);
    assert.equal(store.index.fact('mine.one'), undefined);
    assert.ok(store.index.fact('person.umerov'), 'the bundled facts stay in use');
  });

  test('a workspace fact reusing a bundled id is ignored, with a problem in the workspace file', () => {
    const store = newStore();
    const text = packYaml(factYaml('person.umerov', { omit: ['label'], lines: ['label: Impostor'] }));
    const problems = store.setWorkspacePack(FILE, text);
    assert.equal(store.index.fact('person.umerov')?.fact.label, 'Rustem Umerov');
    const dup = withCode(problems, 'duplicate-id');
    assert.equal(dup.length, 1, describeProblems(problems));
    assert.match(dup[0].message, /already used in the bundled pack/);
    assert.equal(dup[0].range.start.line, lineOf(text, '- id: person.umerov'));
  });

  test('removing the workspace pack removes its facts', () => {
    const store = newStore();
    store.setWorkspacePack(FILE, good);
    store.removeWorkspacePack(FILE);
    assert.equal(store.index.fact('mine.one'), undefined);
    assert.deepEqual(store.workspaceFiles, []);
    assert.deepEqual(store.problemsOf(FILE), []);
    assert.ok(store.index.fact('person.umerov'));
  });

  test('two workspace packs are merged, each keeping its own problems', () => {
    const store = newStore();
    store.setWorkspacePack(FILE, good);
    const other = '/workspace/.factpacks/other.yaml';
    const p = store.setWorkspacePack(other, packYaml(factYaml('other.one', { lines: ['date: 23 June'] }), factYaml('other.two')));
    assert.equal(withCode(p, 'bad-date').length, 1);
    assert.deepEqual(store.problemsOf(FILE), []);
    assert.ok(store.index.fact('mine.one'));
    assert.deepEqual(store.workspaceFiles.sort(), [FILE, other].sort());
  });

  test('onDidChange fires on every change with the new index and problems by file; dispose stops it', () => {
    const store = newStore();
    const changes: StoreChange[] = [];
    const sub = store.onDidChange((c) => changes.push(c));
    store.setWorkspacePack(FILE, good);
    assert.equal(changes.length, 1);
    assert.equal(changes[0].index, store.index);
    assert.ok(changes[0].index.fact('mine.one'));
    assert.deepEqual(changes[0].problems.get(FILE), []);

    store.setWorkspacePack(FILE, broken);
    assert.equal(changes.length, 2);
    assert.ok((changes[1].problems.get(FILE) ?? []).some((p) => p.code === 'last-good-in-use'));

    store.removeWorkspacePack(FILE);
    assert.equal(changes.length, 3);
    assert.equal(changes[2].index.fact('mine.one'), undefined);

    sub.dispose();
    store.setWorkspacePack(FILE, good);
    assert.equal(changes.length, 3);
  });

  test('removing a file that was never added changes nothing and fires nothing', () => {
    const store = newStore();
    let fired = 0;
    store.onDidChange(() => fired++);
    const before = store.index;
    store.removeWorkspacePack('/nowhere.yaml');
    assert.equal(fired, 0);
    assert.equal(store.index, before);
  });
});

suite('factStore: loading many files at once', () => {
  const other = '/workspace/.factpacks/other.yaml';
  const otherText = packYaml(factYaml('other.one')).replace('id: test-pack', 'id: other-pack');

  test('a batch rebuilds the index once, at its end, and tells listeners once', async () => {
    const store = newStore();
    const changes: StoreChange[] = [];
    store.onDidChange((c) => changes.push(c));
    const before = store.index;
    await store.batch(async () => {
      store.setWorkspacePack(FILE, good);
      store.setWorkspacePack(other, otherText);
      assert.equal(store.index, before, 'inside the batch the index in use is the one from before');
    });
    assert.equal(changes.length, 1);
    assert.ok(store.index.fact('mine.one') && store.index.fact('other.one'));
    assert.deepEqual(store.problemsOf(FILE), []);
  });

  test('after a batch, problems the merged index finds are reported against their file', async () => {
    const store = newStore();
    const clash = packYaml(factYaml('mine.one')).replace('id: test-pack', 'id: clash-pack');
    await store.batch(async () => {
      store.setWorkspacePack(FILE, good);
      store.setWorkspacePack(other, clash);
    });
    assert.equal(withCode(store.problemsOf(other), 'duplicate-id').length, 1, describeProblems(store.problemsOf(other)));
  });

  test('the bundled index is built on first use, and its problems are there when asked', () => {
    const store = newStore();
    assert.deepEqual(store.problemsOf('bundled'), []);
    assert.ok(store.index.fact('person.umerov'));
  });
});

suite('factStore: size limit from the settings', () => {
  test('setMaxBytes raises and lowers the limit for the next load', () => {
    const store = new FactStore(bundledLoadedPack(bundled().loaded.pack), parsePackText);
    const text = packYaml(factYaml('f1'));
    store.setMaxBytes(10);
    assert.ok(store.setWorkspacePack('/w/a.yaml', text).some((p) => p.code === 'file-too-large'));
    store.setMaxBytes(DEFAULT_MAX_PACK_BYTES * 2);
    assert.deepEqual(
      store.setWorkspacePack('/w/a.yaml', text).filter((p) => p.severity === 'error'),
      [],
    );
  });
});

suite('factStore: indexing a slice at a time', () => {
  /** A host whose turns the test runs by hand: `turn()` lets the store do one slice. */
  function steppedStore(readying?: (index: FactIndex) => Iterator<void, void, void>): {
    store: FactStore;
    turns: () => number;
    turn: () => Promise<void>;
    finish: () => Promise<void>;
  } {
    let waiting: (() => void)[] = [];
    let turns = 0;
    const store = new FactStore(
      bundledLoadedPack(bundled().loaded.pack),
      parsePackText,
      {},
      async (content, file, options) => parsePackText(packText(content), file, options),
      {
        yieldToHost: () => new Promise<void>((resolve) => waiting.push(resolve)),
        readying,
        sliceMs: 0,
      },
    );
    const turn = async (): Promise<void> => {
      const now = waiting;
      waiting = [];
      turns++;
      for (const resolve of now) resolve();
      await new Promise((r) => setImmediate(r));
    };
    return {
      store,
      turns: () => turns,
      turn,
      finish: async () => {
        await new Promise((r) => setImmediate(r));
        for (let i = 0; i < 10_000 && waiting.length > 0; i++) await turn();
      },
    };
  }

  const many = packYaml(...Array.from({ length: 3000 }, (_, i) => factYaml(`mine.f${i}`)));
  const noRead = async (): Promise<undefined> => undefined;

  test('while a large pack is indexed, the index in use answers; the new one replaces it whole, once', async () => {
    const { store, turn, finish, turns } = steppedStore();
    const before = store.index;
    const changes: StoreChange[] = [];
    store.onDidChange((c) => changes.push(c));
    let done = false;
    const loading = store.loadWorkspacePack(FILE, many, noRead).then((p) => {
      done = true;
      return p;
    });
    for (let i = 0; i < 3; i++) await turn();
    assert.equal(done, false, 'still indexing after three slices');
    assert.equal(store.index, before, 'the index in use until then');
    assert.equal(store.index.fact('mine.f0'), undefined);
    await finish();
    assert.deepEqual(await loading, []);
    assert.ok(turns() > 3, `${turns()} slices`);
    assert.notEqual(store.index, before);
    assert.ok(store.index.fact('mine.f0') && store.index.fact('mine.f2999'));
    assert.equal(changes.length, 1);
    assert.equal(changes[0].index, store.index);
  });

  test('a change while indexing overtakes it: only the newest index is put in use', async () => {
    const { store, turn, finish } = steppedStore();
    const changes: StoreChange[] = [];
    store.onDidChange((c) => changes.push(c));
    const first = store.loadWorkspacePack(FILE, many, noRead);
    await turn();
    const second = store.loadWorkspacePack(FILE, good, noRead);
    await finish();
    await Promise.all([first, second]);
    assert.ok(store.index.fact('mine.one'));
    assert.equal(store.index.fact('mine.f0'), undefined, 'the overtaken version is never put in use');
    assert.equal(changes.length, 1);
    const removed = store.removeWorkspacePack(FILE);
    await finish();
    await removed;
    assert.equal(store.index.fact('mine.one'), undefined);
    assert.equal(changes.length, 2);
  });

  test('the new index is in use first, then readied a slice a turn; whenReadied waits for both', async () => {
    const readied: FactIndex[] = [];
    const slices: boolean[] = [];
    const { store, turn, finish } = steppedStore(function* (index) {
      readied.push(index);
      slices.push(store.index === index);
      yield;
      slices.push(store.index === index);
      yield;
      slices.push(store.index === index);
    });
    let ready = false;
    const loading = store.loadWorkspacePack(FILE, good, noRead);
    for (let i = 0; i < 500 && readied.length === 0; i++) await turn();
    await loading;
    const whenReadied = store.whenReadied().then(() => (ready = true));
    let indexReadied = false;
    const readiedIndex = store.readied().then(() => (indexReadied = true));
    await new Promise((r) => setImmediate(r));
    assert.ok(store.index.fact('mine.one'), 'in use before it is readied');
    assert.equal(ready, false, 'not readied yet');
    assert.equal(indexReadied, false, 'the index in use is not readied yet');
    await finish();
    await whenReadied;
    await readiedIndex;
    assert.deepEqual(readied, [store.index]);
    assert.deepEqual(slices, [true, true, true], 'readied while in use');
  });

  test('a newer change stops the readying of the index it replaces', async () => {
    const started: string[] = [];
    let oldSteps = 0;
    const { store, turn, finish } = steppedStore(function* (index) {
      const name = index.fact('mine.f0') ? 'many' : 'good';
      started.push(name);
      for (let i = 0; i < 1000; i++) {
        if (name === 'many') oldSteps++;
        yield;
      }
    });
    let loaded = false;
    const first = store.loadWorkspacePack(FILE, many, noRead).then(() => (loaded = true));
    for (let i = 0; i < 10_000 && !loaded; i++) await turn();
    await first;
    await turn();
    await turn();
    const stepsWhenOvertaken = oldSteps;
    const second = store.loadWorkspacePack(FILE, good, noRead);
    await finish();
    await second;
    await store.whenReadied();
    assert.deepEqual(started, ['many', 'good']);
    assert.ok(oldSteps < 1000, `the replaced index's readying stopped after ${oldSteps} of 1000 steps`);
    assert.ok(oldSteps >= stepsWhenOvertaken);
    assert.ok(store.index.fact('mine.one'));
  });
});

suite('factStore: a file deleted and created again', () => {
  test('a load started before the delete never replaces the load of the new file', async () => {
    const waiting: (() => void)[] = [];
    const slowParse = (content: PackContent, file: string): Promise<ReturnType<typeof parsePackText>> =>
      new Promise((resolve) => waiting.push(() => resolve(parsePackText(packText(content), file))));
    const store = new FactStore(bundledLoadedPack(bundled().loaded.pack), parsePackText, {}, slowParse);
    const old = packYaml(factYaml('mine.old'));
    const renewed = packYaml(factYaml('mine.new'));
    const noRead = async (): Promise<undefined> => undefined;

    const before = store.loadWorkspacePack(FILE, old, noRead);
    await store.removeWorkspacePack(FILE);
    const after = store.loadWorkspacePack(FILE, renewed, noRead);
    waiting[1]();
    await after;
    assert.ok(store.index.fact('mine.new'));
    waiting[0]();
    await before;
    assert.ok(store.index.fact('mine.new'), 'the new file stays in use');
    assert.equal(store.index.fact('mine.old'), undefined, 'the load from before the delete is dropped');
  });
});

suite('factStore: problems shown per file', () => {
  test('a pack with 3,000 facts citing an unknown source shows 200 problems and one "…and 2800 more", at the last one shown', () => {
    const facts = Array.from({ length: 3000 }, (_, i) => factYaml(`mine.bad${i}`, { omit: ['citations'], lines: ['citations:', '  - source: src-nowhere'] }));
    const text = packYaml(factYaml('mine.good'), ...facts);
    const store = newStore();
    const problems = store.setWorkspacePack(FILE, text);
    assert.equal(problems.length, 201);
    assert.equal(withCode(problems, 'unknown-source').length, 200);
    const last = problems[200];
    assert.equal(last.code, 'too-many-problems');
    assert.equal(last.file, FILE);
    assert.match(last.message, /^…and 2800 more problems/);
    assert.equal(last.range.start.line, problems[199].range.start.line);
    assert.deepEqual(store.problemsOf(FILE), problems);
    assert.ok(store.index.fact('mine.good'), 'the good fact is still used');
  });

  test('the loader\'s own "…and N more" is counted into the file\'s', async () => {
    const { capProblems } = await import('../../src/core/packs/problemCap');
    const at = (line: number, code = 'bad'): Parameters<typeof capProblems>[1][number] => ({
      file: FILE,
      range: { start: { line, character: 0 }, end: { line, character: 1 } },
      code,
      message: `problem ${line}`,
      severity: 'error',
    });
    const own = [
      ...Array.from({ length: 200 }, (_, i) => at(i)),
      { ...at(199, 'too-many-problems'), message: '…and 50 more problems; fix the ones above first.' },
    ];
    const capped = capProblems(FILE, [...own, at(500), at(501)]);
    assert.equal(capped.length, 201);
    assert.match(capped[200].message, /^…and 52 more problems/);
    assert.deepEqual(capProblems(FILE, own), own, "the loader's list alone is unchanged");
  });
});

suite('factStore: tickets taken before a file is read', () => {
  test('a read begun before the file was deleted and made again, finishing last, does not replace the new file', async () => {
    const store = newStore();
    const noRead = async (): Promise<undefined> => undefined;
    const early = store.ticket(FILE);
    await store.removeWorkspacePack(FILE);
    const late = store.ticket(FILE);
    await store.loadWorkspacePack(FILE, packYaml(factYaml('mine.new')), noRead, undefined, late);
    const problems = await store.loadWorkspacePack(FILE, packYaml(factYaml('mine.old')), noRead, undefined, early);
    assert.ok(store.index.fact('mine.new'));
    assert.equal(store.index.fact('mine.old'), undefined);
    assert.deepEqual(problems, []);
    assert.deepEqual(
      store.failWorkspacePack(
        FILE,
        [{ file: FILE, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, code: 'unreadable', severity: 'error', message: 'gone' }],
        early,
      ),
      [],
    );
    assert.deepEqual(store.problemsOf(FILE), [], 'an old failure is not shown either');
  });
});

suite('factStore: the bundled pack read after the store was made', () => {
  const scheduling = { yieldToHost: () => new Promise<void>((resolve) => setImmediate(resolve)) };

  test('before it arrives the index holds writers’ facts only; once set, the bundled facts join them and listeners hear it', async () => {
    const store = new FactStore(undefined, parsePackText, {}, undefined, scheduling);
    store.setWorkspacePack(FILE, good);
    assert.equal(store.index.fact('person.umerov'), undefined);
    assert.ok(store.index.fact('mine.one'));
    const changes: StoreChange[] = [];
    store.onDidChange((c) => changes.push(c));
    await store.setBundled(bundledLoadedPack(bundled().loaded.pack));
    assert.ok(store.index.fact('person.umerov'), 'the bundled facts are in use');
    assert.ok(store.index.fact('mine.one'), 'the writer’s facts stay');
    assert.equal(changes.length, 1);
    assert.equal(changes[0].index, store.index);
  });

  test('set before any index was built, it is in the first one, with nothing rebuilt', async () => {
    const store = new FactStore(undefined, parsePackText, {}, undefined, scheduling);
    const changes: StoreChange[] = [];
    store.onDidChange((c) => changes.push(c));
    await store.setBundled(bundledLoadedPack(bundled().loaded.pack));
    assert.equal(changes.length, 0);
    assert.ok(store.index.fact('person.umerov'));
  });

  test('set during a batch of writers’ packs, the index at the batch’s end holds both', async () => {
    const store = new FactStore(undefined, parsePackText, {}, async (content, file, options) => parsePackText(packText(content), file, options), scheduling);
    void store.index;
    await store.batch(async () => {
      await store.loadWorkspacePack(FILE, good, async () => undefined);
      await store.setBundled(bundledLoadedPack(bundled().loaded.pack));
    });
    assert.ok(store.index.fact('person.umerov'));
    assert.ok(store.index.fact('mine.one'));
  });
});

suite('factStore: when what was loaded is in use', () => {
  const scheduling = { yieldToHost: () => new Promise<void>((resolve) => setImmediate(resolve)) };
  const parseAsync = async (content: PackContent, file: string, options: Parameters<typeof parsePackText>[2]) =>
    parsePackText(packText(content), file, options);

  test('asked during a batch, it resolves once the batch’s facts are in use, not before', async () => {
    const store = new FactStore(bundledLoadedPack(bundled().loaded.pack), parsePackText, {}, parseAsync, scheduling);
    void store.index;
    let inUse: boolean | undefined;
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const batch = store.batch(async () => {
      await store.loadWorkspacePack(FILE, good, async () => undefined);
      await held;
    });
    const waited = store.whenInUse().then(() => (inUse = store.index.fact('mine.one') !== undefined));
    for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
    assert.equal(inUse, undefined, 'resolved while the batch was open');
    release();
    await batch;
    await waited;
    assert.equal(inUse, true, 'resolved before the batch’s facts were in use');
  });

  test('asked while a file is loaded outside a batch, it resolves once its facts are in use; with nothing under way, at once', async () => {
    const store = new FactStore(bundledLoadedPack(bundled().loaded.pack), parsePackText, {}, parseAsync, scheduling);
    const before = store.index;
    await store.whenInUse();
    assert.equal(store.index, before, 'nothing was under way');
    const loading = store.loadWorkspacePack(FILE, good, async () => undefined);
    await store.whenInUse();
    assert.ok(store.index.fact('mine.one'), 'resolved before the file’s facts were in use');
    await loading;
  });
});
