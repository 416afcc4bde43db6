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
export function compilePackFiles(files: readonly PackFile[], readSourceText: (packPath: string, source: Source) => string | undefined, options: LoadOptions = {}): CompileResult {
  const problems: Problem[] = [];
  const packs: LoadedPack[] = [];
  for (const f of files) {
    const r = parsePackText(f.text, f.path, options);
    problems.push(...r.problems);
    if (r.pack) packs.push({ pack: r.pack, locations: r.locations, origin: 'bundled', label: f.path });
  }
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

/** The pack as shipped in the bundle: local source paths are for checking, not for writers. */
export function shippedPack(pack: Pack): Pack {
  return { ...pack, sources: pack.sources.map(({ textFile: _textFile, ...rest }) => rest) };
}
