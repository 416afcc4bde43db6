import * as l10n from '@vscode/l10n';
// The Sources section's marker lines in each format, and where a document has its section.
import { type DocFormat } from './citation';
import { lineEnd, lineStart } from '../document/text';

/** The Sources section: from the start of its first marker line to the end of its last. */
export interface SectionRange {
  start: number;
  end: number;
}

export const SECTION_MARKER = 'agreement-cite:sources';

/**
 * The start and end marker lines of the Sources section in each format.
 * Plain text has no comments, so a marker would be read: its section has
 * none, and is found by its heading (`plainSection`).
 */
export function sectionMarkers(format: DocFormat): [string, string] | undefined {
  switch (format) {
    case 'markdown':
    case 'html':
      return [`<!-- ${SECTION_MARKER} -->`, `<!-- /${SECTION_MARKER} -->`];
    case 'latex':
      return [`% ${SECTION_MARKER}`, `% /${SECTION_MARKER}`];
    case 'restructuredtext':
      return [`.. ${SECTION_MARKER}`, `.. /${SECTION_MARKER}`];
    case 'asciidoc':
      return [`// ${SECTION_MARKER}`, `// /${SECTION_MARKER}`];
    case 'plaintext':
      return undefined;
  }
}

/** The marker lines plain-text sections had before they went without: a document written then is still read. */
const OLD_PLAIN_MARKERS: [string, string] = [`-- ${SECTION_MARKER} --`, `-- /${SECTION_MARKER} --`];

/**
 * A plain-text Sources section as the extension writes it: a line "Sources"
 * (or "Джерела") underlined with as many "=", a blank line, then one line
 * "- …" per source; the last such section in the text.
 */
export function plainSection(text: string): SectionRange | undefined {
  const heading = /^(Sources|Джерела)\r?\n(=+)[ \t]*\r?\n[ \t]*\r?\n((?:- [^\r\n]*(?:\r?\n|$))+)/gm;
  let found: SectionRange | undefined;
  for (let m = heading.exec(text); m; m = heading.exec(text)) {
    if (m[2].length !== m[1].length) continue;
    const end = m.index + m[0].replace(/\r?\n$/, '').length;
    found = { start: m.index, end };
  }
  return found;
}

/** The marker lines of the Sources section, matched whole (surrounding spaces allowed). */
export function markerLines(text: string, marker: string): number[] {
  const out: number[] = [];
  let i = text.indexOf(marker);
  while (i >= 0) {
    const ls = lineStart(text, i);
    const le = lineEnd(text, i);
    if (text.slice(ls, le).trim() === marker) out.push(ls);
    i = text.indexOf(marker, i + marker.length);
  }
  return out;
}

export function locateSection(text: string, format: DocFormat): { section?: SectionRange; broken?: { offset: number; message: string } } {
  if (format === 'plaintext') {
    const old = locateMarked(text, OLD_PLAIN_MARKERS);
    if (old.section || old.broken) return old;
    const section = plainSection(text);
    return section ? { section } : {};
  }
  return locateMarked(text, sectionMarkers(format)!);
}

function locateMarked(text: string, [open, close]: [string, string]): { section?: SectionRange; broken?: { offset: number; message: string } } {
  const starts = markerLines(text, open);
  const ends = markerLines(text, close);
  if (starts.length === 0 && ends.length === 0) return {};
  if (starts.length === 0)
    return { broken: { offset: ends[0], message: l10n.t('The Sources section has its end marker "{0}" but not its start marker "{1}".', close, open) } };
  const end = ends.find((e) => e > starts[0]);
  if (end === undefined)
    return { broken: { offset: starts[0], message: l10n.t('The Sources section has its start marker "{0}" but not its end marker "{1}".', open, close) } };
  return { section: { start: starts[0], end: lineEnd(text, end) } };
}
