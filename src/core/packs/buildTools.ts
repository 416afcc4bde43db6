// What esbuild.js uses at build time: the same checks and generators the extension runs.
import type { DocFormat } from '../references/citation';
import { shippedPack } from './compilePack';
import type { LoadedPack } from '../facts/factIndex';
import { buildFactIndex } from '../facts/factIndex';
import { bundledLoadedPack } from '../facts/factStore';
import { factBaseMarkdown } from '../facts/factBase';
import { sharedSnippetFiles, snippetFile, type SnippetFileOut } from '../cite/snippets';
import type { Pack } from '../types';
import { withGeneratedForms } from '../facts/languageForms';

export { BUNDLED_LANGUAGES, compilePackFiles } from './compilePack';
export { factBaseMarkdown } from '../facts/factBase';
export { packJsonSchema } from './packSchema';

/** The pack file whose metadata the bundle carries; every other data/*.yaml adds its sources and facts. */
export const MAIN_PACK_FILE = 'uk-ukraine.yaml';

/** The bundled pack's file names in merge order: the main pack first, then the others by name. */
export function bundleOrder(names: readonly string[]): string[] {
  const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  return [...names].sort((a, b) => Number(b === MAIN_PACK_FILE) - Number(a === MAIN_PACK_FILE) || byName(a, b));
}

/**
 * The bundled pack files merged into the one pack the extension ships: its
 * metadata is the first file's. A fact keeps the day its own file was last
 * checked where that differs from the first file's.
 */
export function mergeForBundle(packs: readonly LoadedPack[]): Pack {
  const [first] = packs;
  const checked = first.pack.meta.checked;
  // With the case forms of its names in other languages, generated here so that the extension carries no declension rules for it.
  return withGeneratedForms(
    shippedPack({
      meta: first.pack.meta,
      sources: packs.flatMap((p) => p.pack.sources),
      facts: packs.flatMap((p) => p.pack.facts.map((f) => (f.checked || p.pack.meta.checked === checked ? f : { ...f, checked: p.pack.meta.checked }))),
    }),
  );
}

/** docs/FACTBASE.md for the pack the extension ships. */
export function factBasePage(pack: Pack): string {
  return factBaseMarkdown(buildFactIndex([bundledLoadedPack(pack)]).index);
}

/** The snippet files of `contributes.snippets`: one of what the formats write alike, and one per format of the rest. */
export function snippetFiles(pack: Pack): SnippetFileOut[] {
  const { index } = buildFactIndex([bundledLoadedPack(pack)]);
  const formats: DocFormat[] = ['markdown', 'plaintext', 'restructuredtext', 'latex', 'asciidoc', 'html'];
  return sharedSnippetFiles(Object.fromEntries(formats.map((f) => [f, snippetFile(index, f, 'en-GB')])));
}
