import path from 'node:path';

/**
 * The language VS Code gives a file by its extension (its own and the usual
 * language extensions' file associations); the core maps the language to a
 * citation format as it does in the editor.
 */
const LANGUAGES: Record<string, string> = {
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.mdown': 'markdown',
  '.mkd': 'markdown',
  '.mkdn': 'markdown',
  '.mdwn': 'markdown',
  '.mdx': 'mdx',
  '.qmd': 'quarto',
  '.rmd': 'rmd',
  '.tex': 'latex',
  '.ltx': 'latex',
  '.latex': 'latex',
  '.ctx': 'latex',
  '.sty': 'tex',
  '.cls': 'tex',
  '.bbx': 'tex',
  '.cbx': 'tex',
  '.adoc': 'asciidoc',
  '.asciidoc': 'asciidoc',
  '.asc': 'asciidoc',
  '.ad': 'asciidoc',
  '.rst': 'restructuredtext',
  '.rest': 'restructuredtext',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.shtml': 'html',
  '.txt': 'plaintext',
  '.text': 'plaintext',
};

/** The extensions a directory or a default search looks for, without the dot. */
export const DOCUMENT_EXTENSIONS = [...new Set(Object.keys(LANGUAGES).map((e) => e.slice(1)))];

/** The language of a file, or undefined for a file that is not a draft the check reads (an image, code). */
export function languageOf(file: string): string | undefined {
  return LANGUAGES[path.extname(file).toLowerCase()];
}
