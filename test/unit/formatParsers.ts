// Real, maintained parsers of the export formats, for tests only (devDependencies,
// never bundled): the exports are proven by what Zotero, Pandoc-like
// converters and a CSL processor make of them, not by our own reading.
//
// - @retorquere/bibtex-parser: the BibTeX/biblatex parser of Better BibTeX for Zotero.
// - citation.js (@citation-js/core with plugin-bibtex and plugin-csl): converts
//   biblatex to CSL-JSON and renders CSL-JSON with citeproc-js, the CSL
//   processor Zotero uses.

import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
// The types by path: this project's module resolution does not read the package's "exports".
import type * as BibtexParser from '@retorquere/bibtex-parser/dist/types/index';

export type { Entry as BibEntry } from '@retorquere/bibtex-parser/dist/types/index';

/** The parser ships ESM (its CommonJS build does not load), so it is imported, not required. */
const importEsm = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<unknown>;

let parser: Promise<typeof BibtexParser> | undefined;

export function bibtexParser(): Promise<typeof BibtexParser> {
  // The package's "require" entry names its CommonJS build; the ESM build sits beside it.
  const cjs = require.resolve('@retorquere/bibtex-parser');
  const esm = path.join(path.dirname(cjs), '..', 'esm', 'index.js');
  parser ??= importEsm(pathToFileURL(esm).href) as Promise<typeof BibtexParser>;
  return parser;
}

/** CSL-JSON as citation.js holds it. */
export interface CslData {
  id: string;
  type: string;
  title?: string;
  'container-title'?: string;
  publisher?: string;
  genre?: string;
  issued?: { 'date-parts'?: number[][] };
  URL?: string;
  author?: { family?: string; given?: string; literal?: string }[];
  note?: string;
  language?: string;
}

export interface Cite {
  data: CslData[];
  format(format: 'bibliography', options: { format: 'text'; template: string; lang: string }): string;
}

let citeClass: (new (input: unknown) => Cite) | undefined;

/** citation.js with its BibTeX and CSL plugins: `new (citationJs())(input)` parses BibTeX text or CSL-JSON. */
export function citationJs(): new (input: unknown) => Cite {
  if (!citeClass) {
    /* eslint-disable @typescript-eslint/no-require-imports */
    const core = require('@citation-js/core') as { Cite: new (input: unknown) => Cite };
    require('@citation-js/plugin-bibtex');
    require('@citation-js/plugin-csl');
    /* eslint-enable @typescript-eslint/no-require-imports */
    citeClass = core.Cite;
  }
  return citeClass;
}
