// VS Code's built-in Markdown preview, extended so that the footnotes
// Insert Citation writes ([^key] and [^key]: …) render as footnotes there,
// as they do in GitHub, pandoc and every CommonMark tool with footnotes.
// Contributed through `markdown.markdownItPlugins`; the preview calls
// `extendMarkdownIt` with its markdown-it instance.

import footnote from 'markdown-it-footnote';

/** The markdown-it instance of the preview: only `use` is needed. */
export interface MarkdownIt {
  use(plugin: (md: never) => void): MarkdownIt;
}

export function extendMarkdownIt(md: MarkdownIt): MarkdownIt {
  return md.use(footnote as (md: never) => void);
}
