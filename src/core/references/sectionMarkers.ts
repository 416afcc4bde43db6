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

/** The start and end marker lines of the Sources section in each format. */
export function sectionMarkers(format: DocFormat): [string, string] {
  switch (format) {
    case 'markdown': case 'html': return [`<!-- ${SECTION_MARKER} -->`, `<!-- /${SECTION_MARKER} -->`];
    case 'latex': return [`% ${SECTION_MARKER}`, `% /${SECTION_MARKER}`];
    case 'restructuredtext': return [`.. ${SECTION_MARKER}`, `.. /${SECTION_MARKER}`];
    case 'asciidoc': return [`// ${SECTION_MARKER}`, `// /${SECTION_MARKER}`];
    case 'plaintext': return [`-- ${SECTION_MARKER} --`, `-- /${SECTION_MARKER} --`];
  }
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
  const [open, close] = sectionMarkers(format);
  const starts = markerLines(text, open);
  const ends = markerLines(text, close);
  if (starts.length === 0 && ends.length === 0) return {};
  if (starts.length === 0) return { broken: { offset: ends[0], message: l10n.t('The Sources section has its end marker "{0}" but not its start marker "{1}".', close, open) } };
  const end = ends.find((e) => e > starts[0]);
  if (end === undefined) return { broken: { offset: starts[0], message: l10n.t('The Sources section has its start marker "{0}" but not its end marker "{1}".', open, close) } };
  return { section: { start: starts[0], end: lineEnd(text, end) } };
}
