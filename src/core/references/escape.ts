// One escaping function per output format, for every pack string that reaches
// a writer's document: inserted words, citations, Sources sections and
// exported bibliographies. A pack comes from colleagues or downloads; none of
// its text may end a construct of the document or start a new one (a
// directive, an include, raw HTML, a passthrough, a macro, an image). Each
// function keeps ordinary text as it is, so the bundled pack's output is
// unchanged, and makes everything else literal text.

/** Line breaks and other control characters: a pack string is written on one line, so it can start no block. */
// eslint-disable-next-line no-control-regex
const BREAKS = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u0085]+/g;

/** The text on one line: line breaks and control characters become one space. */
export function oneLineText(text: string): string {
  return text.replace(BREAKS, ' ');
}

/** Markdown (CommonMark, GFM, pandoc): every character that can open inline markup, and a block marker at the start. */
export function escapeMarkdownText(text: string): string {
  // "&" and "!" stay: an entity is text, not markup, and "![" needs the "[" escaped here.
  // "@" would start a pandoc citation.
  const flat = oneLineText(text).replace(/[\\`*_[\]<>~|$^@]/g, (c) => `\\${c}`);
  // A line may start with the text: a heading, a list item or a numbered list must not begin.
  return flat.replace(/^(\s*)(#{1,6}|[-+=]|\d+[.)])(?=\s|$)/, (_, sp: string, mark: string) => `${sp}${mark.slice(0, -1)}\\${mark.slice(-1)}`);
}

/** LaTeX's special characters that a backslash alone does not escape, as the commands that print them. */
const LATEX_COMMANDS: Readonly<Record<string, string>> = { '\\': '\\textbackslash{}', '~': '\\textasciitilde{}', '^': '\\textasciicircum{}' };

/** BibTeX and biber count `\{` as a brace too: braces are written as commands. */
const BIBTEX_COMMANDS: Readonly<Record<string, string>> = { ...LATEX_COMMANDS, '{': '\\textbraceleft{}', '}': '\\textbraceright{}' };

/** LaTeX text: its special characters as commands; no line break, so no blank line ends a paragraph or an argument. */
export function escapeLatexText(text: string): string {
  return oneLineText(text).replace(/[\\{}$&#^_%~]/g, (c) => LATEX_COMMANDS[c] ?? `\\${c}`);
}

/**
 * BibTeX and biber field text: as LaTeX, but braces written as commands:
 * BibTeX and biber count `\{` as a brace too, so one unbalanced brace in a
 * title would end the field and everything after it would be read as entries.
 */
export function escapeBibtexText(text: string): string {
  return oneLineText(text).replace(/[\\{}$&#^_%~]/g, (c) => BIBTEX_COMMANDS[c] ?? `\\${c}`);
}

/**
 * AsciiDoc text: every character that can start a passthrough (`+++`,
 * `pass:[]`), a macro (`image:`, `include::`, `link:`), an attribute
 * reference, a cross reference or inline formatting, as a character
 * reference, which Asciidoctor writes out as that character.
 */
export function escapeAsciidocText(text: string): string {
  return (
    oneLineText(text)
      .replace(/[+`*_#^~[\]{}<>\\|$]/g, (c) => `&#${c.charCodeAt(0)};`)
      // A colon only matters where it could end a macro name ("image:x", "include::"); "Kyiv: talks" stays.
      .replace(/([A-Za-z0-9_-]):(?=[^\s])/g, '$1&#58;')
  );
}

/** reStructuredText: inline markup characters escaped, and a leading ".." or ":" that could start a directive or a field. */
export function escapeRstText(text: string): string {
  const flat = oneLineText(text).replace(/[\\`*_|[\]<>:]/g, (c) => `\\${c}`);
  return flat.replace(/^(\s*)\.\./, '$1\\..');
}

/** HTML text and attribute values (double-quoted). */
export function escapeHtmlText(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

/** Plain text: on one line, so that a pack string cannot write a Sources section's marker line. */
export function escapePlainText(text: string): string {
  return oneLineText(text);
}

/**
 * An address safe in every format: characters outside those an address
 * commonly holds are percent-encoded (braces, backslashes, quotes, angle
 * brackets, backticks, spaces, `|`, `^`), which names the same resource, so
 * that no address can close `\url{`, a Markdown autolink or an HTML attribute.
 */
export function safeUrl(url: string): string {
  return oneLineText(url).replace(/[^A-Za-z0-9\-._~:/?#@!$&()*+,;=%]/g, (c) =>
    encodeURIComponent(c).replace(/[!'()*]/g, (x) => `%${x.charCodeAt(0).toString(16).toUpperCase()}`),
  );
}

/** An address inside AsciiDoc: also without the characters of its passthroughs and formatting marks. */
export function asciidocUrl(url: string): string {
  return safeUrl(url).replace(/[+*$()[\]!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** An address inside LaTeX's `\url{}` / `\href{}`: `%` and `#` escaped as those commands need. */
export function latexUrl(url: string): string {
  return safeUrl(url).replace(/([%#])/g, '\\$1');
}

/** The document formats an escape is chosen for (as citation.ts's DocFormat). */
export type EscapeFormat = 'markdown' | 'latex' | 'asciidoc' | 'restructuredtext' | 'html' | 'plaintext';

/** Pack text as literal text of a document format. */
export function escapeText(format: EscapeFormat, text: string): string {
  switch (format) {
    case 'markdown':
      return escapeMarkdownText(text);
    case 'latex':
      return escapeLatexText(text);
    case 'asciidoc':
      return escapeAsciidocText(text);
    case 'restructuredtext':
      return escapeRstText(text);
    case 'html':
      return escapeHtmlText(oneLineText(text));
    case 'plaintext':
      return escapePlainText(text);
  }
}
