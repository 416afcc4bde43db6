// Paragraphs: text between blank lines. One definition for every feature: the
// check, the cited facts, the date a mention is read at, the hover. A blank
// line is a line break, spaces or tabs, and another line break, matched from
// the start of the text without overlap ("a\n\n\nb": one break, and the
// paragraph "b" starts with the third line break).

/** Paragraph around an offset: the text between the blank lines that enclose it. */
export function paragraphAt(text: string, offset: number): { start: number; end: number } {
  // Read outward from the offset, not from the top: a hover near the end of a
  // long draft must not read the whole draft (docs/PERFORMANCE.md).
  return { start: paragraphStart(text, offset), end: paragraphEnd(text, offset) };
}

/**
 * Blank lines: the same expression, run from the start of the text, defined
 * the paragraphs before; these functions give its answer without that scan.
 */
const BLANK_LINE = /\n[ \t]*\r?\n/g;

function isBlankRunCode(code: number): boolean {
  return code === 10 || code === 32 || code === 9 || code === 13;
}

/**
 * The blank-line matches inside the run of spaces, tabs and line breaks around
 * index `i`. A match holds nothing else, so it lies inside one such run, and
 * where the matches of a run fall depends on the run alone.
 */
function blankLinesAround(text: string, i: number): { runEnd: number; matches: [number, number][] } {
  let from = i;
  while (from > 0 && isBlankRunCode(text.charCodeAt(from - 1))) from--;
  let to = i + 1;
  while (to < text.length && isBlankRunCode(text.charCodeAt(to))) to++;
  const run = text.slice(from, to);
  const matches: [number, number][] = [];
  BLANK_LINE.lastIndex = 0;
  for (let m = BLANK_LINE.exec(run); m; m = BLANK_LINE.exec(run)) matches.push([from + m.index, from + m.index + m[0].length]);
  return { runEnd: to, matches };
}

/** End of the last blank line that ends at or before `offset`, else 0. */
function paragraphStart(text: string, offset: number): number {
  let i = Math.min(offset, text.length) - 1;
  while (i >= 0) {
    if (text.charCodeAt(i) !== 10) {
      i--;
      continue;
    }
    const { matches } = blankLinesAround(text, i);
    let best = -1;
    for (const [, end] of matches) if (end <= offset) best = end;
    if (best >= 0) return best;
    // Nothing in this run: go on before it.
    while (i >= 0 && isBlankRunCode(text.charCodeAt(i))) i--;
  }
  return 0;
}

/** Start of the first blank line that starts at or after `offset`, else the end of the text. */
function paragraphEnd(text: string, offset: number): number {
  let i = Math.max(0, offset);
  while (i < text.length) {
    if (text.charCodeAt(i) !== 10) {
      i++;
      continue;
    }
    const { runEnd, matches } = blankLinesAround(text, i);
    for (const [start] of matches) if (start >= offset) return start;
    i = runEnd;
  }
  return text.length;
}

/** Where paragraphs break: pairs of the start and the end of each run of blank lines. */
export function paragraphBreaks(prose: string): number[] {
  const breaks: number[] = [];
  BLANK_LINE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = BLANK_LINE.exec(prose)) !== null) breaks.push(m.index, m.index + m[0].length);
  return breaks;
}

/** Where each paragraph starts, ascending: 0, then the end of each blank line (`paragraphBreaks`). */
export function paragraphStarts(prose: string): number[] {
  const breaks = paragraphBreaks(prose);
  const starts = [0];
  for (let k = 1; k < breaks.length; k += 2) starts.push(breaks[k]);
  return starts;
}
