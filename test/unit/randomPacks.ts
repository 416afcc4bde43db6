// Random packs that cite each other's sources, reference each other's facts
// and reuse each other's ids, and a writer's random edits to them: for the
// property tests of the incremental index and of index snapshots.

import { type BuildResult, type LoadedPack } from '../../src/core/facts/factIndex';
import { parsePackText } from '../../src/core/packs/packLoader';
import { pickerRows, prefixIndexFor, prepareSearch, rankFacts } from '../../src/core/cite/search';
import type { prng } from './helpers';

export interface SourceModel {
  id: string;
  publisher: string;
  kind: string;
  basedOn?: string[];
}
export interface FactModel {
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
export interface FileModel {
  id: string;
  sources: SourceModel[];
  facts: FactModel[];
  broken?: boolean;
}

const KINDS = ['person', 'role', 'event', 'place', 'organisation', 'term'];
const SOURCE_KINDS = ['wire', 'outlet', 'official-record', 'government', 'other'];
const PUBLISHERS = ['Desk A', 'Desk B', 'Wire C', 'Office D'];

/** A pack file's text: JSON, which is YAML. */
export function text(file: FileModel): string {
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
export function offered(r: BuildResult): unknown {
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
export function seen(r: BuildResult): unknown {
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
    // Each fact found by its id, kind and sources, and at its place.
    byId: r.index.packs.flatMap((p) => p.pack.facts.map((f) => `${f.id}:${r.index.fact(f.id)?.pack.locations.file ?? '-'}`)),
    byKind: [...new Set(r.index.facts.map((f) => f.fact.kind))].map((k) => r.index.byKind(k).map((f) => f.fact.id)),
    bySource: r.index.sources.map((s) => r.index.bySource(s.source.id).map((f) => f.fact.id)),
    places: r.index.facts.every((f, i) => r.index.positionOf(f) === i),
  };
}

export function randomWorld(rnd: ReturnType<typeof prng>, files: number): FileModel[] {
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

export function randomFact(rnd: ReturnType<typeof prng>, id: string, sources: string[], world: FileModel[]): FactModel {
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
export function edit(rnd: ReturnType<typeof prng>, world: FileModel[]): number {
  const f = rnd.int(world.length);
  const file = world[f];
  const sources = world.flatMap((w) => w.sources.map((s) => s.id));
  const ids = world.flatMap((w) => w.facts.map((x) => x.id));
  switch (rnd.int(15)) {
    case 13: {
      // the role a person holds renamed, in whichever file it is: the person's picker row shows it
      const held = world.flatMap((w) => w.facts).filter((x) => x.kind === 'person' && x.role);
      const role = held.length > 0 ? world.flatMap((w) => w.facts).find((x) => x.id === rnd.pick(held).role) : undefined;
      if (role) Object.assign(role, { kind: 'role', label: `Role ${rnd.int(1e6)}` });
      break;
    }
    case 14: // two facts of a file swap places: they keep their names, in another order
      if (file.facts.length > 1) {
        const a = rnd.int(file.facts.length);
        const b = rnd.int(file.facts.length);
        [file.facts[a], file.facts[b]] = [file.facts[b], file.facts[a]];
      }
      break;
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

export function loaded(file: FileModel, name: string): LoadedPack | undefined {
  const r = parsePackText(text(file), name);
  if (!r.pack || r.problems.some((p) => p.severity === 'error')) return undefined;
  return { pack: r.pack, locations: r.locations, origin: 'workspace', label: name };
}
