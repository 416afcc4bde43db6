// Shared helpers for the unit tests: loading packs from YAML text, building
// small packs line by line, and reading what a writer would see.

import type { RecordedPaths } from '../../src/core/packs/recordedPaths';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildFactIndex, type BuildOptions, type FactIndex, type LoadedPack, type PackOrigin } from '../../src/core/facts/factIndex';
import { parsedWithForms, withGeneratedForms } from '../../src/core/facts/languageForms';
import { parsePackText, type LoadResult } from '../../src/core/packs/packLoader';
import type { Problem } from '../../src/core/types';

/** The project root: tests run from `out/test/unit`. */
export const projectRoot = path.resolve(__dirname, '../../..');

export const bundledPackPath = path.join(projectRoot, 'data', 'uk-ukraine.yaml');

export function readBundledText(): string {
  return fs.readFileSync(bundledPackPath, 'utf8');
}

/** Every pack file the build merges into the bundled pack (data/*.yaml), data/uk-ukraine.yaml first. */
export function bundledFiles(): { path: string; text: string }[] {
  const dir = path.dirname(bundledPackPath);
  const others = fs
    .readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => path.join(dir, f))
    .filter((p) => p !== bundledPackPath);
  return [bundledPackPath, ...others].map((p) => ({ path: p, text: fs.readFileSync(p, 'utf8') }));
}

/** Parses YAML text into a loaded pack; fails the test when nothing usable was read. */
export function loadPack(text: string, file: string, origin: PackOrigin = 'workspace'): { loaded: LoadedPack; result: LoadResult } {
  const result = parsePackText(text, file);
  if (!result.pack) {
    throw new Error(`pack ${file} did not load: ${result.problems.map((p) => `${p.code}: ${p.message}`).join('; ')}`);
  }
  return { loaded: { pack: result.pack, locations: result.locations, origin }, result };
}

type Bundled = { loaded: LoadedPack; result: LoadResult; results: LoadResult[]; index: FactIndex; problems: Problem[] };
let bundledCache: Bundled | undefined;

/**
 * The bundled pack, parsed and indexed once for the whole run: every data/*.yaml
 * file merged into one pack as the build merges them, with the header and
 * locations of data/uk-ukraine.yaml (`result`); `results` has each file's parse.
 */
export function bundled(): Bundled {
  if (!bundledCache) {
    const parsed = bundledFiles().map((f) => loadPack(f.text, f.path, 'bundled'));
    const [main] = parsed;
    // With the case forms of names in other languages, as the build generates them into the pack it ships.
    const pack = withGeneratedForms({
      meta: main.loaded.pack.meta,
      sources: parsed.flatMap((p) => p.loaded.pack.sources),
      facts: parsed.flatMap((p) => p.loaded.pack.facts),
    });
    const loaded: LoadedPack = { ...main.loaded, pack };
    const built = buildFactIndex([loaded]);
    bundledCache = { loaded, result: main.result, results: parsed.map((p) => p.result), index: built.index, problems: built.problems };
  }
  return bundledCache;
}

/** Builds an index from YAML texts, first given first (pass the bundled one first). */
export function indexOf(
  packs: { text: string; file: string; origin?: PackOrigin }[],
  options: BuildOptions = {},
): { index: FactIndex; problems: Problem[]; loaded: LoadedPack[] } {
  const loaded = packs.map((p) => loadPack(p.text, p.file, p.origin ?? 'workspace').loaded);
  const built = buildFactIndex(loaded, options);
  return { index: built.index, problems: built.problems, loaded };
}

/** The head of a small valid pack: metadata and two sources from different publishers. */
export const PACK_HEAD =
  [
    'pack:',
    '  id: test-pack',
    '  title: Test pack',
    '  version: "1.0"',
    '  language: en',
    '  checked: "2026-12-01"',
    'sources:',
    '  - id: src-a',
    '    title: Source A',
    '    publisher: Publisher A',
    '    kind: outlet',
    '    language: en',
    '  - id: src-b',
    '    title: Source B',
    '    publisher: Publisher B',
    '    kind: wire',
    '    language: en',
    'facts:',
  ].join('\n') + '\n';

export interface FactOptions {
  kind?: string;
  /** Default keys to leave out, so a test can write its own or leave them missing. */
  omit?: ('kind' | 'label' | 'text' | 'aliases' | 'citations')[];
  /** Extra lines of the fact, indented relative to its keys. */
  lines?: string[];
}

/** One fact entry of the `facts:` list, valid unless the options make it otherwise. */
export function factYaml(id: string, options: FactOptions = {}): string {
  const omit = new Set(options.omit ?? []);
  const out = [`  - id: ${id}`];
  if (!omit.has('kind')) out.push(`    kind: ${options.kind ?? 'event'}`);
  if (!omit.has('label')) out.push(`    label: Label of ${id}`);
  if (!omit.has('text')) out.push(`    text: Text of ${id}`);
  if (!omit.has('aliases')) out.push(`    aliases: [alias ${id}]`);
  if (!omit.has('citations')) out.push('    citations:', '      - source: src-a');
  for (const l of options.lines ?? []) out.push(`    ${l}`);
  return out.join('\n') + '\n';
}

/** A whole pack: the standard head followed by the given fact entries. */
export function packYaml(...facts: string[]): string {
  return PACK_HEAD + facts.join('');
}

/** Zero-based line of the first line containing `needle` (after `from`). */
export function lineOf(text: string, needle: string, from = 0): number {
  const lines = text.split(/\r?\n/);
  for (let i = from; i < lines.length; i++) if (lines[i].includes(needle)) return i;
  throw new Error(`no line contains ${JSON.stringify(needle)}`);
}

/** Zero-based character of `needle` on its line. */
export function characterOf(text: string, needle: string): number {
  const line = text.split(/\r?\n/)[lineOf(text, needle)];
  return line.indexOf(needle);
}

export function withCode(problems: readonly Problem[], code: string): Problem[] {
  return problems.filter((p) => p.code === code);
}

export function errors(problems: readonly Problem[]): Problem[] {
  return problems.filter((p) => p.severity === 'error');
}

/** Lists problems for assertion messages. */
export function describeProblems(problems: readonly Problem[]): string {
  if (problems.length === 0) return '(no problems)';
  return problems
    .slice(0, 20)
    .map((p) => `${p.file}:${p.range.start.line}:${p.range.start.character} ${p.severity} ${p.code}: ${p.message}`)
    .join('\n');
}

/** The text a Markdown renderer shows for backslash-escaped text. */
export function unescapeMarkdown(md: string): string {
  return md.replace(/\\([\\`*_{}[\]()#+\-.!|<>~&$:@])/g, '$1');
}

/** Characters of `md` that are not preceded by an escaping backslash and are in `chars`. */
export function unescapedChars(md: string, chars: string): { char: string; offset: number }[] {
  const out: { char: string; offset: number }[] = [];
  for (let i = 0; i < md.length; i++) {
    const c = md[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (chars.includes(c)) out.push({ char: c, offset: i });
  }
  return out;
}

/** Asserts that `got` is what parsing `text` here gives: the pack, its problems, and every value's range. */
export function assertSameParse(got: LoadResult, text: string, file: string): void {
  // The parsing thread adds the case forms of names in other languages (languageForms.ts), as a parse here does with parsedWithForms.
  const here = parsedWithForms(parsePackText(text, file));
  assert.deepEqual(got.pack, here.pack);
  assert.deepEqual(got.problems, here.problems);
  assert.equal(got.locations.file, here.locations.file);
  // Read back from a cache entry, these are read on the first lookup: compared as maps, and by lookup.
  for (const key of ['facts', 'sources', 'pathsById'] as const) {
    assert.deepEqual(new Map<string, unknown>(got.locations[key]), new Map<string, unknown>(here.locations[key]), key);
    for (const [id, value] of here.locations[key]) assert.deepEqual(got.locations[key].get(id), value, `${key} ${id}`);
    assert.equal(got.locations[key].get('no such id'), undefined);
  }
  const paths = here.locations.paths as unknown as RecordedPaths;
  assert.ok(paths.size > 0 || here.pack === undefined);
  for (const [p, range] of paths) assert.deepEqual(got.locations.paths.get(p), range, p);
  assert.equal(got.locations.paths.get('/no/such/path'), undefined);
}

/** mulberry32, as the benchmark's generator: the same seed gives the same sequence on every machine. */
export function prng(seed: number): { int: (n: number) => number; pick: <T>(list: readonly T[]) => T; chance: (p: number) => boolean } {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { int: (n) => Math.floor(next() * n), pick: (list) => list[Math.floor(next() * list.length)], chance: (p) => next() < p };
}

/**
 * The first 16 hex digits of the SHA-256 of the project's files (and of
 * `extra`): the version tests (a cache's LOADER_VERSION, INDEX_SNAPSHOT_VERSION)
 * fail when the code that what is kept depends on changed and its version did not.
 */
export function sourceFingerprint(files: readonly string[], extra = ''): string {
  const hash = createHash('sha256');
  for (const f of files) hash.update(fs.readFileSync(path.join(projectRoot, f)));
  hash.update(extra);
  return hash.digest('hex').slice(0, 16);
}
