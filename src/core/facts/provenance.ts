import * as l10n from '@vscode/l10n';
import type { LoadedPack } from './factIndex';
import type { Citation, Problem, Range, Source } from '../types';

/** One excerpt that a pack attributes to a source with a local text. */
export interface EvidenceCheck {
  factId: string;
  sourceId: string;
  excerpt: string;
  found: boolean;
  /** Path of the excerpt in the pack file, e.g. `/facts/3/citations/0/evidence`. */
  path: string;
}

export interface ProvenanceResult {
  checks: EvidenceCheck[];
  problems: Problem[];
}

/**
 * Checks every evidence excerpt and quote wording attributed to a source that
 * has a local text (`textFile`): each must appear in that text verbatim,
 * quote marks and dashes included. `readText` returns the text, or undefined
 * when the file cannot be read, which is itself a problem.
 */
export function checkProvenance(loaded: LoadedPack, readText: (source: Source) => string | undefined): ProvenanceResult {
  const checks: EvidenceCheck[] = [];
  const problems: Problem[] = [];
  // Most packs have no local source texts: nothing to check, and no fact's ranges to read.
  if (!loaded.pack.sources.some((s) => s.textFile)) return { checks, problems };
  const file = loaded.locations.file;
  const texts = new Map<string, string | undefined>();
  const sources = new Map(loaded.pack.sources.map((s) => [s.id, s]));
  const rangeOf = (path: string, fallback: string): Range =>
    loaded.locations.paths.get(path) ?? loaded.locations.paths.get(fallback) ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

  const textOf = (source: Source): string | undefined => {
    if (!texts.has(source.id)) {
      const t = readText(source);
      texts.set(source.id, t);
      if (t === undefined) {
        const path = `${loaded.locations.pathsById.get(source.id) ?? '/sources'}/textFile`;
        problems.push({
          file,
          range: rangeOf(path, path),
          code: 'source-text-missing',
          severity: 'error',
          message: l10n.t(
            'Source "{0}": its text file "{1}" could not be read, so its evidence cannot be checked. It must be a file inside the workspace folder that holds the pack, within the size limit (agreementCite.packs.maxSourceTextKB); Agreement Cite: Show Log says why it was refused.',
            source.id,
            source.textFile ?? '',
          ),
        });
      }
    }
    return texts.get(source.id);
  };

  const check = (factId: string, c: Citation, excerpt: string | undefined, path: string, factPath: string): void => {
    const source = sources.get(c.source);
    if (!source?.textFile || excerpt === undefined) return;
    const text = textOf(source);
    if (text === undefined) return;
    const found = text.includes(excerpt);
    checks.push({ factId, sourceId: source.id, excerpt, found, path });
    if (!found) {
      problems.push({
        file,
        range: rangeOf(path, factPath),
        code: 'evidence-not-found',
        severity: 'error',
        message: l10n.t(
          'Fact "{0}": this excerpt is not found verbatim in the text of source "{1}" ({2}). Copy it exactly, quote marks and dashes included.',
          factId,
          source.id,
          source.textFile ?? '',
        ),
      });
    }
  };

  for (const fact of loaded.pack.facts) {
    const factPath = loaded.locations.pathsById.get(fact.id) ?? '/facts';
    fact.citations.forEach((c, i) => check(fact.id, c, c.evidence, `${factPath}/citations/${i}/evidence`, factPath));
    fact.roles?.forEach((r, j) => r.citations.forEach((c, i) => check(fact.id, c, c.evidence, `${factPath}/roles/${j}/citations/${i}/evidence`, factPath)));
    fact.variants?.forEach((v, j) =>
      v.citations.forEach((c, i) => check(fact.id, c, c.evidence, `${factPath}/variants/${j}/citations/${i}/evidence`, factPath)),
    );
    fact.wordings?.forEach((w, j) =>
      w.citations.forEach((c, i) => {
        check(fact.id, c, c.evidence, `${factPath}/wordings/${j}/citations/${i}/evidence`, factPath);
        // A wording attributed to a source with a text is itself evidence of what that source printed.
        check(fact.id, c, w.text, `${factPath}/wordings/${j}/text`, factPath);
      }),
    );
  }
  return { checks, problems };
}
