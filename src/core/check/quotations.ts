import type { DocFormat } from '../references/citation';
import { wordTokens, type WordMarkup, type WordToken } from './wordDiff';
import { hasLetterOrDigit, isLetterOrDigitCode, matchingBrace, nextWhere } from '../document/text';
import { canonicalWords } from '../facts/wordForms';
import { toEnd } from '../steps';

/** Text a writer put in quotation marks, or a block quotation. */
export interface Quotation {
  /** The whole quotation, marks included. */
  start: number;
  end: number;
  /** The quoted words, marks excluded. */
  innerStart: number;
  innerEnd: number;
  block: boolean;
}

/** A quotation's words, with the places where the writer marked an omission or an insertion. */
export interface QuotedWords {
  words: WordToken[];
  /** Indexes into `words` where a new segment starts after "…" or "[…]"; always starts with 0. */
  segments: number[];
}

export function markupOf(format: DocFormat): WordMarkup {
  return format === 'latex' ? 'latex' : format === 'html' ? 'html' : 'none';
}

// A character beside a quote mark: asked for every mark, a run of a million of them among them.
const isLetterOrDigit = (ch: string | undefined): boolean => ch !== undefined && isLetterOrDigitCode(ch.charCodeAt(0));
const SPACE = /\s/;
const isSpace = (ch: string | undefined): boolean => ch === undefined || SPACE.test(ch);

/**
 * Every quotation in a text: “curly”, "straight", ‘single’, 'single',
 * «guillemets», LaTeX ``…'' and `…', \enquote{…}, HTML &ldquo;…&rdquo; and
 * <q>, and block quotations (Markdown `>`, LaTeX quote environments, HTML
 * <blockquote>, AsciiDoc `____`, reStructuredText indented blocks). A mark
 * left open at the end of a paragraph opens nothing. Apostrophes ("we’re",
 * "Starmer's") are told from closing quote marks by the letters around them.
 * One pass over the text.
 */
export function findQuotations(text: string, format: DocFormat): Quotation[] {
  return toEnd(quotationSteps(text, format, Infinity));
}

/** `findQuotations` in steps: it yields after every `stepChars` characters read, for the first check of a long draft. */
export function* quotationSteps(text: string, format: DocFormat, stepChars = 262_144): Generator<void, Quotation[], void> {
  const out = yield* inlineSteps(text, format, stepChars);
  if (text.length > stepChars) yield;
  for (const q of findBlocks(text, format)) out.push(q);
  if (text.length > stepChars) yield;
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}

type DoubleKind = 'curly' | 'straight' | 'latex' | 'guillemet' | 'entity' | 'enquote';

/** The one-character marks, by their code: each read as the same string, not a new one per mark. */
const ONE_CHAR_MARKS = new Map<number, string>(
  ['\u201C', '\u201D', '"', '\u2018', '\u2019', "'", '\u00AB', '\u00BB', '`', '\n'].map((c) => [c.charCodeAt(0), c]),
);
const LONGER_MARKS = ['&ldquo;', '&rdquo;', '&quot;', '\\enquote{', '</q>'];
/** The first character of every mark. */
const CANDIDATE = /[\u201C\u201D"\u2018\u2019'\u00AB\u00BB`\n&\\<]/g;

/**
 * The quotation mark that starts at `at`, if one does: a character above, an
 * entity, `\enquote{`, or an HTML `<q>` tag; `tagEnd` finds the `>` that
 * would close a tag. Read from the text itself: a regular expression’s
 * match would make an array for each of a million marks in a hostile draft.
 */
function markAt(text: string, at: number, tagEnd: (from: number) => number): string | undefined {
  const c = text.charCodeAt(at);
  const one = ONE_CHAR_MARKS.get(c);
  if (one !== undefined) return one;
  if (c !== 38 && c !== 92 && c !== 60) return undefined; // & \ <
  for (const m of LONGER_MARKS) if (text.startsWith(m, at)) return m;
  // <q> or <q attributes…>
  if (c === 60 && text.charCodeAt(at + 1) === 113) {
    const next = text.charCodeAt(at + 2);
    if (next === 62) return '<q>';
    if (next === 32 || next === 9 || next === 10 || next === 13 || next === 12) {
      const end = tagEnd(at + 2);
      if (end < text.length) return text.slice(at, end + 1);
    }
  }
  return undefined;
}

function* inlineSteps(text: string, format: DocFormat, stepChars: number): Generator<void, Quotation[], void> {
  let stepEnd = stepChars;
  const out: Quotation[] = [];
  let double: { kind: DoubleKind; start: number; inner: number; depth?: number } | undefined;
  let single: { kind: 'curly' | 'straight' | 'latex'; start: number; inner: number } | undefined;
  const latex = format === 'latex';
  const html = format === 'html';
  const insideTag = tagTracker(text);
  const tagEnd = nextWhere(text, (c) => c === 62);
  const emit = (start: number, inner: number, innerEnd: number, end: number): void => {
    // Marks around nothing but punctuation (`\"\"`, `'…'`) quote no one.
    if (hasLetterOrDigit(text, inner, innerEnd)) out.push({ start, end, innerStart: inner, innerEnd, block: false });
  };
  // Where a mark may start, found by an expression that only says whether it found one (`test` makes no array);
  // its own, as another search may run between this one's steps.
  const candidate = new RegExp(CANDIDATE);
  // The offset after the mark just read, where the next is looked for; a mark of two characters read as one moves it.
  let next = 0;
  for (;;) {
    candidate.lastIndex = next;
    if (!candidate.test(text)) break;
    const at = candidate.lastIndex - 1;
    next = at + 1;
    const mark = markAt(text, at, tagEnd);
    if (mark === undefined) continue;
    next = at + mark.length;
    if (at >= stepEnd) {
      stepEnd = at + stepChars;
      yield;
    }
    const before = text[at - 1];
    const after = text[at + mark.length];
    switch (mark) {
      case '\n': {
        // A blank line ends the paragraph: whatever is open was not a quotation.
        let k = at + 1;
        while (text[k] === ' ' || text[k] === '\t' || text[k] === '\r') k++;
        if (text[k] === '\n' || k >= text.length) {
          double = undefined;
          single = undefined;
        }
        break;
      }
      case '\u201C':
        double = { kind: 'curly', start: at, inner: at + 1 };
        single = undefined;
        break;
      case '\u201D':
        if (double?.kind === 'curly') emit(double.start, double.inner, at, at + 1);
        if (double?.kind === 'curly') double = undefined;
        break;
      case '\u00AB':
        double = { kind: 'guillemet', start: at, inner: at + 1 };
        break;
      case '\u00BB':
        if (double?.kind === 'guillemet') {
          emit(double.start, double.inner, at, at + 1);
          double = undefined;
        }
        break;
      case '"':
      case '&quot;':
        if (html && mark === '"' && insideTag(at)) break;
        if (double?.kind === 'straight' && !isSpace(before)) {
          emit(double.start, double.inner, at, at + mark.length);
          double = undefined;
        } else if (!isSpace(after) && (double === undefined || double.kind === 'straight')) {
          double = { kind: 'straight', start: at, inner: at + mark.length };
        }
        break;
      case '&ldquo;':
        double = { kind: 'entity', start: at, inner: at + mark.length };
        break;
      case '&rdquo;':
        if (double?.kind === 'entity') {
          emit(double.start, double.inner, at, at + mark.length);
          double = undefined;
        }
        break;
      case '\\enquote{':
        if (latex) double = { kind: 'enquote', start: at, inner: at + mark.length };
        break;
      case '`':
        if (!latex) break;
        if (after === '`') {
          double = { kind: 'latex', start: at, inner: at + 2 };
          next = at + 2;
        } else single = { kind: 'latex', start: at, inner: at + 1 };
        break;
      case '\u2018':
        if (!isLetterOrDigit(before)) single = { kind: 'curly', start: at, inner: at + 1 };
        break;
      case '\u2019':
        if (isLetterOrDigit(before) && isLetterOrDigit(after)) break; // we’re
        if (single?.kind === 'curly' && !isSpace(before)) {
          emit(single.start, single.inner, at, at + 1);
          single = undefined;
        }
        break;
      case "'":
        if (latex && after === "'") {
          if (double?.kind === 'latex') {
            emit(double.start, double.inner, at, at + 2);
            double = undefined;
          }
          next = at + 2;
          break;
        }
        if (isLetterOrDigit(before) && isLetterOrDigit(after)) break; // Starmer's
        if (html && insideTag(at)) break;
        if (single && single.kind !== 'curly' && !isSpace(before)) {
          emit(single.start, single.inner, at, at + 1);
          single = undefined;
        } else if (!single && !latex && !isLetterOrDigit(before) && isLetterOrDigit(after)) {
          single = { kind: 'straight', start: at, inner: at + 1 };
        }
        break;
      default:
        if (html && mark.startsWith('<q')) double = { kind: 'entity', start: at, inner: at + mark.length };
        else if (html && mark === '</q>' && double) {
          emit(double.start, double.inner, at, at + mark.length);
          double = undefined;
        }
    }
    if (double?.kind === 'enquote' && mark === '\\enquote{') {
      const close = matchingBrace(text, at + mark.length - 1);
      if (close > 0) {
        emit(double.start, double.inner, close, close + 1);
        next = close + 1;
      }
      double = undefined;
    }
  }
  return out;
}

/**
 * Whether a `"` sits inside an HTML tag (an attribute value), not in the
 * text, for offsets asked in increasing order: the text is read once, not
 * searched back from every quote mark (quadratic on a long run of them).
 */
function tagTracker(text: string): (at: number) => boolean {
  let scanned = 0;
  let lastOpen = -1;
  let lastClose = -1;
  return (at) => {
    for (; scanned <= at && scanned < text.length; scanned++) {
      const c = text.charCodeAt(scanned);
      if (c === 60) lastOpen = scanned;
      else if (c === 62) lastClose = scanned;
    }
    return lastOpen >= 0 && lastClose < lastOpen;
  };
}

const ATTRIBUTION = /^\s*(?:[-\u2013\u2014\u2015~]{1,3}|by\s)/;

function findBlocks(text: string, format: DocFormat): Quotation[] {
  const out: Quotation[] = [];
  const push = (start: number, innerStart: number, innerEnd: number, end: number): void => {
    // A closing attribution line ("— Keir Starmer") is not part of the quoted words.
    const lastBreak = text.lastIndexOf('\n', innerEnd - 1);
    if (lastBreak > innerStart) {
      const lastLine = text.slice(lastBreak + 1, innerEnd).replace(/^[ \t]*>?/, '');
      if (ATTRIBUTION.test(lastLine)) innerEnd = lastBreak;
    }
    if (innerEnd > innerStart) out.push({ start, end, innerStart, innerEnd, block: true });
  };
  if (format === 'markdown' || format === 'plaintext') {
    // Consecutive `>` lines; a `>` line with nothing else splits the block into paragraphs. Read line by line.
    let blockStart = -1;
    let blockEnd = -1;
    const close = (): void => {
      if (blockStart >= 0) push(blockStart, blockStart, blockEnd, blockEnd);
      blockStart = -1;
    };
    let line = 0;
    while (line <= text.length) {
      let next = text.indexOf('\n', line);
      if (next < 0) next = text.length;
      let k = line;
      while (k < next && k - line < 4 && (text[k] === ' ' || text[k] === '\t')) k++;
      const end = text[next - 1] === '\r' ? next - 1 : next;
      if (text[k] === '>' && k - line <= 3) {
        if (text.slice(k + 1, end).trim() === '') close();
        else {
          if (blockStart < 0) blockStart = line;
          blockEnd = end;
        }
      } else close();
      line = next + 1;
    }
    close();
  }
  if (format === 'latex') {
    const env = /\\begin\{(quote|quotation|displayquote|verse)\}([\s\S]*?)\\end\{\1\}/g;
    let m: RegExpExecArray | null;
    while ((m = env.exec(text)) !== null) {
      const inner = m.index + m[0].indexOf('}') + 1;
      push(m.index, inner, m.index + m[0].length - `\\end{${m[1]}}`.length, m.index + m[0].length);
    }
  }
  if (format === 'html') {
    const tag = /<blockquote\b[^>]*>([\s\S]*?)<\/blockquote>/gi;
    let m: RegExpExecArray | null;
    while ((m = tag.exec(text)) !== null) {
      const inner = m.index + m[0].indexOf('>') + 1;
      push(m.index, inner, m.index + m[0].length - '</blockquote>'.length, m.index + m[0].length);
    }
  }
  if (format === 'asciidoc') {
    const block = /^_{4,}[ \t]*\r?\n([\s\S]*?)\r?\n_{4,}[ \t]*$/gm;
    let m: RegExpExecArray | null;
    while ((m = block.exec(text)) !== null) {
      const inner = m.index + m[0].indexOf('\n') + 1;
      push(m.index, inner, inner + m[1].length, m.index + m[0].length);
    }
  }
  if (format === 'restructuredtext') {
    // An indented paragraph after an unindented one is a block quote, unless a `::` or a directive introduced it.
    const para = /(?:^|\n)[ \t]*\r?\n((?:[ \t]+\S[^\n]*(?:\n|$))+)/g;
    let m: RegExpExecArray | null;
    while ((m = para.exec(text)) !== null) {
      const start = m.index + m[0].length - m[1].length;
      const before = text.slice(0, start).replace(/\s+$/, '');
      const previousLine = before.slice(before.lastIndexOf('\n') + 1);
      if (/::\s*$/.test(previousLine) || /^\s*\.\. /.test(previousLine) || /^\s/.test(previousLine)) continue;
      push(start, start, start + m[1].replace(/\s+$/, '').length, start + m[1].length);
      para.lastIndex = start + m[1].length - 1;
    }
  }
  return out;
}

const ELLIPSIS = /\.\s*\.\s*\.|\u2026/;

/**
 * The words of a quotation, without editorial insertions in square brackets,
 * split into segments where the writer marked an omission ("…", "[…]") or an
 * insertion ("[the agreement]"). Words are in canonical form (wordForms.ts):
 * "we are" and "we're", "defence" and "defense" read alike.
 */
export function quotedWords(text: string, q: Quotation, markup: WordMarkup): QuotedWords {
  const words: WordToken[] = [];
  const segments = [0];
  let cursor = q.innerStart;
  const addRange = (from: number, to: number): void => {
    for (const w of canonicalWords(wordTokens(text, from, to, markup))) {
      const gapText = text.slice(words.length > 0 ? words[words.length - 1].end : from, w.start);
      if (words.length > 0 && ELLIPSIS.test(gapText) && segments[segments.length - 1] !== words.length) segments.push(words.length);
      words.push(w);
    }
  };
  // Square brackets mark the writer's own words; Markdown links ([text](url)) keep theirs.
  // Searched in the quotation only: an unbounded search would read on to the end of the document for every quotation.
  const inner = text.slice(q.innerStart, q.innerEnd);
  const base = q.innerStart;
  for (let open = inner.indexOf('['); open >= 0; open = inner.indexOf('[', cursor - base)) {
    const close = inner.indexOf(']', open);
    if (close < 0 || inner.slice(open, close).includes('\n')) break;
    if (open + base < cursor) break;
    const [o, c] = [open + base, close + base];
    if (text[c + 1] === '(') {
      addRange(cursor, c + 1);
      cursor = c + 1;
      continue;
    }
    addRange(cursor, o);
    if (words.length > 0 && segments[segments.length - 1] !== words.length) segments.push(words.length);
    cursor = c + 1;
  }
  addRange(cursor, q.innerEnd);
  if (segments.length > 1 && segments[segments.length - 1] >= words.length) segments.pop();
  return { words, segments };
}
