import { buildFactIndex, type LoadedPack } from '../facts/factIndex';
import { parsePackText, type LoadOptions } from './packLoader';
import { checkProvenance, type EvidenceCheck } from '../facts/provenance';
import type { Pack, Problem, Source } from '../types';

export interface PackFile {
  path: string;
  text: string;
}

export interface CompileResult {
  packs: LoadedPack[];
  problems: Problem[];
  evidence: EvidenceCheck[];
}

/**
 * Loads and checks pack files the way the build does: shape, references
 * across all of them, and evidence against local source texts.
 * `readSourceText` resolves a source's `textFile` against its pack file.
 */
export interface CompileOptions extends LoadOptions {
  /** Languages every fact must have its label and text in (`languages:`): the bundled pack's are BUNDLED_LANGUAGES. */
  requiredLanguages?: readonly string[];
}

/** The languages besides its own that every fact of the bundled pack is written in. */
export const BUNDLED_LANGUAGES: readonly string[] = ['uk'];

const LANGUAGE_NAMES: Record<string, string> = { uk: 'Ukrainian', en: 'English' };

export function compilePackFiles(
  files: readonly PackFile[],
  readSourceText: (packPath: string, source: Source) => string | undefined,
  options: CompileOptions = {},
): CompileResult {
  const problems: Problem[] = [];
  const packs: LoadedPack[] = [];
  for (const f of files) {
    const r = parsePackText(f.text, f.path, options);
    problems.push(...r.problems);
    if (r.pack) packs.push({ pack: r.pack, locations: r.locations, origin: 'bundled', label: f.path });
  }
  for (const p of packs) problems.push(...missingLanguages(p, options.requiredLanguages ?? []));
  const built = buildFactIndex(packs);
  problems.push(...built.problems);
  const evidence: EvidenceCheck[] = [];
  for (const p of packs) {
    const r = checkProvenance(p, (s) => readSourceText(p.locations.file, s));
    problems.push(...r.problems);
    evidence.push(...r.checks);
  }
  return { packs, problems, evidence };
}

/** A problem for each fact that lacks its label and text in one of `required` languages, at the fact (or its `languages:`). */
export function missingLanguages(loaded: LoadedPack, required: readonly string[]): Problem[] {
  const out: Problem[] = [];
  const { pack, locations } = loaded;
  for (const fact of pack.facts) {
    for (const tag of required) {
      if (fact.languages && Object.hasOwn(fact.languages, tag)) continue;
      const factPath = locations.pathsById.get(fact.id);
      const range = (fact.languages && factPath ? locations.paths.get(`${factPath}/languages`) : undefined) ?? locations.facts.get(fact.id);
      if (!range) continue;
      const name = LANGUAGE_NAMES[tag] ?? `"${tag}"`;
      out.push({
        file: locations.file,
        range: { start: range.start, end: range.start },
        code: 'missing-language',
        severity: 'error',
        message: `Fact "${fact.id}" has no ${name} label and text: add "languages: ${tag}: { label, text }" (every fact of this pack is written in ${name} too).`,
      });
    }
  }
  return out;
}

/**
 * The pack as shipped in the bundle, without what only its editors read in
 * data/*.yaml and no feature shows: local source paths (for checking
 * evidence), notes on sources and on role periods (where each was read), a
 * source's further addresses, and the pack's description, licence and
 * update day. A fact's notes and its wordings' notes stay: the hover shows them.
 */
export function shippedPack(pack: Pack): Pack {
  const { description: _description, license: _license, updated: _updated, ...meta } = pack.meta;
  return {
    meta,
    sources: pack.sources.map(({ textFile: _textFile, note: _note, alsoAt: _alsoAt, ...rest }) => rest),
    facts: pack.facts.map((f) => (f.roles ? { ...f, roles: f.roles.map(({ note: _note, ...rest }) => rest) } : f)),
  };
}
