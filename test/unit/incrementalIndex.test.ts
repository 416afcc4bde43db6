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
import { pickerRows, prefixIndexFor, prepareSearch, rankFacts } from '../../src/core/cite/search';
import { bundled, prng } from './helpers';

interface SourceModel {
  id: string;
  publisher: string;
  kind: string;
  basedOn?: string[];
}
interface FactModel {
  id: string;
  kind: string;
  label: string;
  aliases: string[];
  citations: string[];
  speaker?: string;
  place?: string;
  related?: string[];
  status?: string;
  role?: string;
  date?: string;
  endDate?: string;
}
interface FileModel {
  id: string;
  sources: SourceModel[];
  facts: FactModel[];
  broken?: boolean;
}

const KINDS = ['person', 'role', 'event', 'place', 'organisation', 'term'];
const SOURCE_KINDS = ['wire', 'outlet', 'official-record', 'government', 'other'];
const PUBLISHERS = ['Desk A', 'Desk B', 'Wire C', 'Office D'];

/** A pack file's text: JSON, which is YAML. */
function text(file: FileModel): string {
  if (file.broken) return 'pack: [unclosed\n';
  return JSON.stringify(
    {
      pack: { id: file.id, title: `Pack ${file.id}`, version: '1', language: 'en', checked: '2025-07-01' },
      sources: file.sources.map((s) => ({
        id: s.id,
        title: `Title ${s.id}`,
        publisher: s.publisher,
        kind: s.kind,
        language: 'en',
        ...(s.basedOn ? { basedOn: s.basedOn } : {}),
      })),
      facts: file.facts.map((f) => ({
        id: f.id,
        kind: f.kind,
        label: f.label,
        text: `Text of ${f.id}`,
        aliases: f.aliases,
        citations: f.citations.map((source) => ({ source })),
        ...(f.speaker ? { speaker: f.speaker } : {}),
        ...(f.place ? { place: f.place } : {}),
        ...(f.related ? { related: f.related } : {}),
        ...(f.status ? { status: f.status } : {}),
        ...(f.date ? { date: f.date } : {}),
        ...(f.endDate ? { endDate: f.endDate } : {}),
        ...(f.role && f.kind === 'person' ? { roles: [{ role: f.role, from: '2024-01', citations: [{ source: f.citations[0] }] }] } : {}),
      })),
    },
    null,
    1,
  );
}

/** What completion and the picker offer from an index, its search structures made ahead as the store makes them. */
function offered(r: BuildResult): unknown {
  const today = '2025-06-01';
  prepareSearch(r.index, today);
  const prefixes = [...new Set(r.index.facts.flatMap((f) => f.aliases.flatMap((a) => [a.slice(0, 1), a.slice(0, 2), a.slice(0, 6)])))];
  return {
    rows: pickerRows(r.index, '', today).map((row) => [row.label, row.description, row.detail, row.entry?.fact.id]),
    // A selection that names several facts, some by a name they share.
    ranked: rankFacts(r.index, r.index.facts.flatMap((f, i) => (i % 3 === 0 ? [f.fact.label] : [])).join(' and ')).map((x) => `${x.entry.fact.id}:${x.score}`),
    prefixes: prefixes.map((p) =>
      prefixIndexFor(r.index)
        .search(p, 1000)
        .map((h) => `${h.alias}:${h.entry.fact.id}`),
    ),
  };
}

/** What a writer sees of an index: every fact as indexed, every problem with its place, and what the aliases find. */
function seen(r: BuildResult): unknown {
  return {
    facts: r.index.facts.map((f) => ({
      id: f.fact.id,
      file: f.pack.locations.file,
      status: f.status,
      reason: f.statusReason,
      origins: f.origins,
      aliases: f.aliases,
      sources: f.sources.map((s) => `${s.source.id}@${s.pack.locations.file}`),
      evidence: f.evidence,
      wording: f.wording?.id,
    })),
    sources: r.index.sources.map((s) => `${s.source.id}@${s.pack.locations.file}`),
    problems: r.problems,
    found: r.index
      .findAll(r.index.facts.flatMap((f) => f.aliases).join(' . '))
      .map((m) => `${m.start}:${m.end}:${m.alias}:${m.values.map((v) => `${v.fact.id}@${v.pack.locations.file}`).join(',')}`),
    // Where one alias is inside another: both, longest first.
    at: r.index.facts.flatMap((f) => f.aliases.map((a) => r.index.findAt(`${a} x`, 0).map((m) => `${m.alias}:${m.values.length}`))),
    aliases: r.index.matcher.size,
  };
}

function randomWorld(rnd: ReturnType<typeof prng>, files: number): FileModel[] {
  const world: FileModel[] = [];
  for (let f = 0; f < files; f++) {
    const sources = Array.from({ length: 2 + rnd.int(2) }, (_, i) => ({ id: `s${f}-${i}`, publisher: rnd.pick(PUBLISHERS), kind: rnd.pick(SOURCE_KINDS) }));
    world.push({ id: `p${f}`, sources, facts: [] });
  }
  const allSources = (): string[] => world.flatMap((w) => w.sources.map((s) => s.id));
  for (const [f, file] of world.entries()) {
    for (let i = 0; i < 6 + rnd.int(5); i++) file.facts.push(randomFact(rnd, `f${f}-${i}`, allSources(), world));
  }
  return world;
}

function randomFact(rnd: ReturnType<typeof prng>, id: string, sources: string[], world: FileModel[]): FactModel {
  const ids = world.flatMap((w) => w.facts.map((x) => x.id));
  const kind = rnd.pick(KINDS);
  const fact: FactModel = {
    id,
    kind,
    label: `Name ${id} ${rnd.int(1000)}`,
    aliases: rnd.chance(0.2) ? ['x!'] : [`Alias ${id}`, `Other ${rnd.int(50)}`],
    citations: Array.from({ length: 1 + rnd.int(2) }, () => rnd.pick(sources)),
  };
  if (rnd.chance(0.3) && ids.length > 0) fact.related = [rnd.pick(ids)];
  if (rnd.chance(0.25) && ids.length > 0) fact.place = rnd.pick(ids);
  if (kind === 'person' && rnd.chance(0.5) && ids.length > 0) fact.role = rnd.pick(ids);
  if (rnd.chance(0.3)) fact.status = rnd.pick(['confirmed', 'reported', 'disputed']);
  if (kind === 'event' && rnd.chance(0.7)) fact.date = `2025-0${1 + rnd.int(9)}-1${rnd.int(9)}`;
  if (fact.date && rnd.chance(0.2)) fact.endDate = '2025-01-01';
  return fact;
}

/** One writer's edit of one file; returns the file changed. */
function edit(rnd: ReturnType<typeof prng>, world: FileModel[]): number {
  const f = rnd.int(world.length);
  const file = world[f];
  const sources = world.flatMap((w) => w.sources.map((s) => s.id));
  const ids = world.flatMap((w) => w.facts.map((x) => x.id));
  switch (rnd.int(14)) {
    case 13: {
      // the role a person holds renamed, in whichever file it is: the person's picker row shows it
      const held = world.flatMap((w) => w.facts).filter((x) => x.kind === 'person' && x.role);
      const role = held.length > 0 ? world.flatMap((w) => w.facts).find((x) => x.id === rnd.pick(held).role) : undefined;
      if (role) Object.assign(role, { kind: 'role', label: `Role ${rnd.int(1e6)}` });
      break;
    }
    case 11: // a fact moved to another file, with its id
      if (file.facts.length > 0) world[rnd.int(world.length)].facts.push(...file.facts.splice(rnd.int(file.facts.length), 1));
      break;
    case 12: // another fact's name given to a fact, here or in another file, maybe written in capitals
      if (file.facts.length > 0) {
        const name = rnd.pick(world.flatMap((w) => w.facts.flatMap((x) => [x.label, ...x.aliases])).concat(['Other 1']));
        rnd.pick(file.facts).aliases.unshift(rnd.chance(0.5) ? name.toUpperCase() : name);
      }
      break;
    case 0: // a fact renamed: references to it break
      if (file.facts.length > 0) rnd.pick(file.facts).id = `renamed-${rnd.int(1e6)}`;
      break;
    case 1: // a source removed: citations of it break
      if (file.sources.length > 1) file.sources.splice(rnd.int(file.sources.length), 1);
      break;
    case 2: // another file's fact id reused: a duplicate across packs
      if (ids.length > 0) file.facts.push({ ...randomFact(rnd, rnd.pick(ids), sources, world) });
      break;
    case 3: // a source's publisher or kind changed: statuses elsewhere change
      if (file.sources.length > 0) Object.assign(rnd.pick(file.sources), { publisher: rnd.pick(PUBLISHERS), kind: rnd.pick(SOURCE_KINDS) });
      break;
    case 4: // a fact's kind changed: a reference of the wrong kind elsewhere
      if (file.facts.length > 0) rnd.pick(file.facts).kind = rnd.pick(KINDS);
      break;
    case 5: // a new fact citing any file's source
      file.facts.push(randomFact(rnd, `n${f}-${rnd.int(1e6)}`, sources, world));
      break;
    case 6: // a fact removed
      if (file.facts.length > 0) file.facts.splice(rnd.int(file.facts.length), 1);
      break;
    case 7: // a source based on another file's source: origins elsewhere change
      if (file.sources.length > 0) rnd.pick(file.sources).basedOn = [rnd.pick(sources)];
      break;
    case 8: // the file broken, or fixed
      file.broken = !file.broken;
      break;
    case 9: // another file's source id defined here too (the same way or not)
      if (sources.length > 0) {
        const other = world.flatMap((w) => w.sources)[rnd.int(sources.length)];
        file.sources.push(rnd.chance(0.5) ? { ...other } : { ...other, publisher: 'Someone else' });
      }
      break;
    default: // a label changed
      if (file.facts.length > 0) rnd.pick(file.facts).label = `Relabelled ${rnd.int(1e6)}`;
  }
  return f;
}

function loaded(file: FileModel, name: string): LoadedPack | undefined {
  const r = parsePackText(text(file), name);
  if (!r.pack || r.problems.some((p) => p.severity === 'error')) return undefined;
  return { pack: r.pack, locations: r.locations, origin: 'workspace', label: name };
}

suite('incremental index: a rebuild after a change equals a full rebuild', function () {
  // 320 full index builds: seconds on a quiet machine, many times that on a busy one.
  this.timeout(180_000);
  const b = bundled();
  const bundledPack: LoadedPack = b.loaded;

  for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
    test(`seed ${seed}: 40 random edits to 4 packs that cite and reference one another`, () => {
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
      offered(buildFactIndex([bundledPack, ...good.filter((p): p is LoadedPack => p !== undefined)], {}, memo));
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
        const packs = [bundledPack, ...order.map((i) => good[i]).filter((p): p is LoadedPack => p !== undefined)];
        const incremental = buildFactIndex(packs, {}, memo);
        if (incremental.index.basis) edited++;
        const full = buildFactIndex(packs);
        assert.deepEqual(seen(incremental), seen(full), `seed ${seed}, step ${step}: the rebuild differs from a full one`);
        assert.deepEqual(offered(incremental), offered(full), `seed ${seed}, step ${step}: completion or the picker differ from a full rebuild's`);
        reused += memo.last.reused;
        total += memo.last.reused + memo.last.judged;
      }
      // The bundled pack's facts and most unchanged files' facts were not judged again.
      assert.ok(reused > total * 0.8, `only ${reused} of ${total} facts reused`);
      // And most indexes were made from the one before.
      assert.ok(edited > 20, `only ${edited} of 40 indexes made from the one before`);
    });
  }

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
