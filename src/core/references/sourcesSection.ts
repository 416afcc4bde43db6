import * as l10n from '@vscode/l10n';
// The Sources section: the cited sources in reference-list order, written, updated or removed in place.
import { labelCollator } from '../document/text';
import { type FactIndex, type IndexedSource } from '../facts/factIndex';
import { type CitationOptions, type DocFormat, type TextEdit, describeSource, keyOf, sourceReference } from './citation';
import { definitionBlocks, findCitations } from './citationsInText';
import { lineStart } from '../document/text';
import { type SectionRange, sectionMarkers } from './sectionMarkers';

/** Made on first sort, not at load (see labelCollator). */
export const collator = { compare: (a: string, b: string): number => labelCollator().compare(a, b) };

/**
 * Sources in reference-list order: by their reference text (author or
 * publisher first), then date, then id. Alphabetical rather than by first
 * citation, so that moving a paragraph does not reorder the list.
 */
export function sortSources<T extends IndexedSource>(sources: readonly T[]): T[] {
  const sortKey = (s: IndexedSource): string => describeSource(s.source, 'iso');
  return [...sources].sort(
    (a, b) => collator.compare(sortKey(a), sortKey(b)) || (a.source.date ?? '').localeCompare(b.source.date ?? '') || a.source.id.localeCompare(b.source.id),
  );
}

/** One entry of the list: the reference with its address, as the format writes it in running text. */
export function listEntry(s: IndexedSource, options: CitationOptions, documentText: string): string {
  return sourceReference(s.source, options, documentText);
}

/**
 * The Sources section in the document's format, marker lines included, with
 * `eol` between lines and none at the end. With the `latex-cite` style a
 * LaTeX document gets a `thebibliography` whose `\bibitem` keys are the
 * `\cite` keys, so that the citations resolve without BibTeX.
 */
export function buildSourcesSection(sources: readonly IndexedSource[], options: CitationOptions, eol = '\n', documentText = ''): string {
  const markers = sectionMarkers(options.format);
  const sorted = sortSources(sources);
  const entries = sorted.map((s) => listEntry(s, options, documentText));
  // A Ukrainian document's list is headed "Джерела" (as long as "Sources": the plain-text underline fits both).
  const heading = options.language === 'uk' ? 'Джерела' : 'Sources';
  let body: string[];
  switch (options.format) {
    case 'markdown':
      body = [`## ${heading}`, '', ...entries.map((e) => `- ${e}`), ''];
      break;
    case 'latex':
      if (options.style === 'latex-cite') {
        body = [
          // Ragged right: a long address breaks at the margin instead of overrunning it.
          '\\begingroup\\raggedright',
          `\\providecommand{\\refname}{}\\renewcommand{\\refname}{${heading}}%`,
          `\\providecommand{\\bibname}{}\\renewcommand{\\bibname}{${heading}}%`,
          `\\begin{thebibliography}{${'9'.repeat(String(sorted.length).length)}}`,
          ...sorted.map((s, i) => `\\bibitem{${keyOf(s.source)}} ${entries[i]}`),
          '\\end{thebibliography}',
          '\\endgroup',
        ];
      } else {
        body = [
          `\\section*{${heading}}`,
          '\\begingroup\\raggedright',
          '\\begin{itemize}',
          ...entries.map((e) => `  \\item ${e}`),
          '\\end{itemize}',
          '\\endgroup',
        ];
      }
      break;
    case 'restructuredtext':
      // A rubric is a heading outside the section hierarchy, so it fits whatever underline style the document uses.
      body = ['', `.. rubric:: ${heading}`, '', ...entries.map((e) => `- ${e}`), ''];
      break;
    case 'asciidoc':
      body = [`== ${heading}`, '', ...entries.map((e) => `* ${e}`), ''];
      break;
    case 'html':
      body = ['<section class="sources">', `<h2>${heading}</h2>`, '<ul>', ...entries.map((e) => `  <li>${e}</li>`), '</ul>', '</section>'];
      break;
    case 'plaintext':
      body = [heading, '='.repeat(heading.length), '', ...entries.map((e) => `- ${e}`)];
      break;
  }
  return (markers ? [markers[0], ...body, markers[1]] : body).join(eol);
}

export type SectionAction = 'inserted' | 'updated' | 'unchanged' | 'removed' | 'nothing-cited' | 'broken' | 'bibliography';

export interface SectionUpdate {
  action: SectionAction;
  /** The sources listed, in list order. */
  sources: IndexedSource[];
  /** The edit to make; none when nothing changes. */
  edit?: TextEdit;
  /** Why nothing was done, for `broken` and `bibliography`. */
  message?: string;
}

/**
 * Inserts or refreshes the Sources section: listing every cited source,
 * replaced in place between its markers, removed when nothing is cited any
 * more. Running it again on its own result changes nothing.
 */
export function updateSourcesSection(text: string, options: CitationOptions, index: FactIndex): SectionUpdate {
  const citations = findCitations(text, options.format, index);
  if (citations.brokenSection) return { action: 'broken', sources: [], message: citations.brokenSection.message };
  const sources = sortSources(citations.sources);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const { section } = citations;
  if (options.format === 'latex' && options.style === 'latex-cite' && !section && /^[^%\n]*\\(?:bibliography|printbibliography|addbibresource)\b/m.test(text)) {
    return {
      action: 'bibliography',
      sources,
      message: l10n.t('This document prints its bibliography through BibTeX or biblatex: export the sources as BibTeX for it instead of adding a list.'),
    };
  }
  const bibliography = options.format === 'markdown' && !section ? frontMatterBibliography(text) : undefined;
  if (bibliography !== undefined) {
    return {
      action: 'bibliography',
      sources,
      message: l10n.t(
        "This document's front matter names its bibliography ({0}): Pandoc prints the sources from it. Export the sources to that file instead of adding a list.",
        bibliography[0] ?? '',
      ),
    };
  }
  if (sources.length === 0) {
    if (!section) return { action: 'nothing-cited', sources };
    return { action: 'removed', sources, edit: removalEdit(text, section, eol) };
  }
  const block = buildSourcesSection(sources, options, eol, text);
  if (section) {
    if (text.slice(section.start, section.end) === block) return { action: 'unchanged', sources };
    return { action: 'updated', sources, edit: { offset: section.start, length: section.end - section.start, text: block } };
  }
  return { action: 'inserted', sources, edit: insertionEdit(text, sectionPlace(text, options.format), block, eol) };
}

/**
 * The bibliography files a Markdown document's YAML front matter names for
 * Pandoc (`bibliography: refs.json`, or a list of them), or undefined when it
 * names none. Read line by line: the front matter is the block between `---`
 * lines at the very start.
 */
export function frontMatterBibliography(text: string): string[] | undefined {
  const head = /^\uFEFF?---[ \t]*\r?\n/.exec(text);
  if (!head) return undefined;
  const lines = text.slice(head[0].length, head[0].length + 100_000).split(/\r?\n/);
  const end = lines.findIndex((l) => /^(---|\.\.\.)[ \t]*$/.test(l));
  if (end < 0) return undefined;
  const unquote = (v: string): string => v.trim().replace(/^(["'])(.*)\1$/, '$2');
  for (let i = 0; i < end; i++) {
    const m = /^bibliography[ \t]*:[ \t]*(.*)$/.exec(lines[i]);
    if (!m) continue;
    const value = m[1].replace(/[ \t]+#.*$/, '').trim();
    if (value.startsWith('['))
      return value
        .replace(/^\[|\]$/g, '')
        .split(',')
        .map(unquote)
        .filter((v) => v !== '');
    if (value !== '') return [unquote(value)];
    const items: string[] = [];
    for (let j = i + 1; j < end && /^[ \t]*-[ \t]+/.test(lines[j]); j++) items.push(unquote(lines[j].replace(/^[ \t]*-[ \t]+/, '')));
    return items;
  }
  return undefined;
}

/**
 * Where a new section goes: at the end of the document, but before
 * `\end{document}` or `</body>`, and before the footnote definitions that
 * end a Markdown or reStructuredText document, so new definitions still join them.
 */
export function sectionPlace(text: string, format: DocFormat): number {
  const closing = format === 'latex' ? /\\end\{document\}/g : format === 'html' ? /<\/body\s*>/gi : undefined;
  if (closing) {
    let last: number | undefined;
    let m: RegExpExecArray | null;
    while ((m = closing.exec(text)) !== null) last = m.index;
    if (last === undefined) return text.length;
    const ls = lineStart(text, last);
    return text.slice(ls, last).trim() === '' ? ls : last;
  }
  if (format === 'markdown' || format === 'restructuredtext') {
    const blocks = definitionBlocks(text, format);
    let at = text.length;
    for (let i = blocks.length - 1; i >= 0; i--) {
      if (text.slice(blocks[i].end, at).trim() !== '') break;
      at = blocks[i].start;
    }
    return at;
  }
  return text.length;
}

export function insertionEdit(text: string, offset: number, block: string, eol: string): TextEdit {
  const before = text.slice(0, offset);
  const after = text.slice(offset);
  let lead = '';
  if (before.trim() !== '') {
    const breaks = (/\s*$/.exec(before)![0].match(/\n/g) ?? []).length;
    lead = eol.repeat(Math.max(0, 2 - breaks));
  }
  const trail = after.trim() === '' ? eol : `${eol}${eol}`;
  // Whatever followed the insertion point (spaces, line breaks) stays; only the section and its separation are added.
  return { offset, length: 0, text: `${lead}${block}${trail}` };
}

/** Removes the section and the blank lines that set it apart. */
export function removalEdit(text: string, section: SectionRange, eol: string): TextEdit {
  const after = text.slice(section.end);
  if (after.trim() === '') {
    const start = text.slice(0, section.start).replace(/\s+$/, '').length;
    return { offset: start, length: text.length - start, text: start === 0 ? '' : eol };
  }
  const next = section.end + (after.length - after.replace(/^\s+/, '').length);
  return { offset: section.start, length: lineStart(text, next) - section.start, text: '' };
}
