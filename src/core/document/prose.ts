import type { DocFormat } from '../references/citation';
import { findDates, parseIsoDate } from './dates';
import { matchingBrace, nextWhere } from './text';
import { toEnd } from '../steps';
import type { IsoDate } from '../types';

type Span = [number, number];

/**
 * The document with everything that is not the writer's prose blanked out:
 * front matter, code, comments, footnote definitions and references, citation
 * commands, URLs, HTML tags. Offsets and line breaks are kept, so a finding in
 * the result is a finding in the document. Citations the extension itself
 * inserts carry source titles and dates that must not be read as the writer's
 * claims.
 */
export function proseText(text: string, format: DocFormat): string {
  return toEnd(proseSteps(text, format, Infinity));
}

/**
 * `proseText` in steps: it yields after each pass over the text (each kind of
 * markup is found in one pass) and, while blanking, after every `stepChars`
 * characters, for the first check of a long draft (src/core/check/checker.ts).
 */
export function* proseSteps(text: string, format: DocFormat, stepChars = 262_144): Generator<void, string, void> {
  const long = text.length > stepChars;
  const spans: Span[] = [];
  const all = (re: RegExp): void => {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      spans.push([m.index, m.index + m[0].length]);
    }
  };
  const command = (re: RegExp): void => {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      const close = matchingBrace(text, m.index + m[0].length - 1);
      const end = close < 0 ? m.index + m[0].length : close + 1;
      spans.push([m.index, end]);
      re.lastIndex = end;
    }
  };
  for (const pass of passes(format, text, spans, all, command)) {
    pass();
    if (long) yield;
  }
  if (spans.length === 0) return text;
  spans.sort((a, b) => a[0] - b[0]);
  const parts: string[] = [];
  let at = 0;
  let stepEnd = stepChars;
  for (const [s, e] of spans) {
    if (e <= at) continue;
    const from = Math.max(s, at);
    const masked = text.slice(from, e);
    parts.push(text.slice(at, from), /[\r\n]/.test(masked) ? masked.replace(/[^\r\n]/g, ' ') : ' '.repeat(masked.length));
    at = e;
    if (long && at >= stepEnd) {
      stepEnd = at + stepChars;
      yield;
    }
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/** The passes that find a format's markup, in order; each adds the spans it finds. */
function passes(format: DocFormat, text: string, spans: Span[], all: (re: RegExp) => void, command: (re: RegExp) => void): (() => void)[] {
  switch (format) {
    case 'markdown':
      return [
        () => all(/^---\r?\n[\s\S]*?\r?\n(?:---|\.\.\.)[ \t]*(?=\r?\n|$)/y),
        () => markdownBlocks(text, spans),
        // Inline: found by their first characters, not by expressions tried at every offset of the draft.
        () => between(text, '<!--', '-->', spans, true),
        () => between(text, '[^', ']', spans, false),
        () => between(text, '](', ')', spans, false),
        () => {
          between(text, '<http', '>', spans, false);
          between(text, '<mailto:', '>', spans, false);
        },
        () => inlineCode(text, spans),
      ];
    case 'latex':
      return [
        () => {
          const begin = text.indexOf('\\begin{document}');
          if (begin > 0) spans.push([0, begin + '\\begin{document}'.length]);
        },
        () => all(/(?<!\\)%.*$/gm),
        () => command(/\\(?:footnote|url|cite[a-zA-Z]*|label|ref|eqref|pageref|autoref|cref|Cref|href)\*?(?:\[[^\]]*\])*\{/g),
      ];
    case 'html':
      return [
        () => between(text, '<!--', '-->', spans, true),
        () => all(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi),
        // Quotation tags stay: they mark quotations.
        () => htmlTags(text, spans),
      ];
    case 'asciidoc':
      return [
        /^\/\/\/\/[ \t]*\r?\n[\s\S]*?^\/\/\/\/[ \t]*$/gm,
        /^\/\/(?!\/).*$/gm,
        /^:[\w-]+:.*$/gm,
        /^-{4,}[ \t]*\r?\n[\s\S]*?^-{4,}[ \t]*$/gm,
        /^\[[^\]\n]*\][ \t]*$/gm,
        /footnote:[\w-]*\[(?:[^\]\\]|\\.)*\]/g,
        /https?:\/\/\S+?\[[^\]]*\]/g,
      ].map((re) => () => all(re));
    case 'restructuredtext':
      return [/^\.\. \[[^\]\n]*\].*(?:\r?\n[ \t]+.*)*/gm, /^\.\. .*$/gm, /\[#?[\w-]*\]_/g, /^:[\w -]+:.*$/gm, /`[^`\n]*<https?:[^>]*>`_/g].map(
        (re) => () => all(re),
      );
    case 'plaintext':
      return [];
  }
}

/**
 * Markdown block structure read line by line: code fences (to their closing
 * fence or the end of the document), footnote definitions with their
 * indented continuation lines, and link reference definitions.
 */
function markdownBlocks(text: string, spans: Span[]): void {
  const footnote = /^ {0,3}\[\^[^\]\n]+\]:/my;
  const reference = /^ {0,3}\[[^\]\n]+\]:[ \t]*\S/my;
  let line = 0;
  while (line < text.length) {
    let next = text.indexOf('\n', line);
    if (next < 0) next = text.length;
    let k = line;
    while (k < next && k - line < 4 && text.charCodeAt(k) === 32) k++;
    const c = text[k];
    if ((c === '`' || c === '~') && text.startsWith(c.repeat(3), k)) {
      let n = 3;
      while (text[k + n] === c) n++;
      const close = new RegExp(`^[ \\t]{0,3}${c === '`' ? '`' : '~'}{${n},}[ \\t]*$`, 'gm');
      close.lastIndex = next;
      const m = close.exec(text);
      const end = m ? m.index + m[0].length : text.length;
      spans.push([line, end]);
      line = end + 1;
      continue;
    }
    if (c === '[') {
      footnote.lastIndex = line;
      if (footnote.test(text)) {
        let end = next;
        // Continuation lines are indented by four spaces or a tab.
        while (end < text.length && /^\n(?: {4}|\t)/.test(text.slice(end, end + 6))) {
          const after = text.indexOf('\n', end + 1);
          end = after < 0 ? text.length : after;
        }
        spans.push([line, end]);
        line = end + 1;
        continue;
      }
      reference.lastIndex = line;
      if (reference.test(text)) spans.push([line, next]);
    }
    line = next + 1;
  }
}

const isWhite = (c: number): boolean =>
  c === 32 ||
  c === 9 ||
  c === 10 ||
  c === 13 ||
  c === 12 ||
  c === 11 ||
  c === 0xa0 ||
  (c >= 0x2000 && c <= 0x200a) ||
  c === 0x2028 ||
  c === 0x2029 ||
  c === 0x3000 ||
  c === 0xfeff ||
  c === 0x1680 ||
  c === 0x202f ||
  c === 0x205f;

/** Every `open`…`close` on one line (or across lines when `multiline`), marks included; linear in the text. */
function between(text: string, open: string, close: string, spans: Span[], multiline: boolean): void {
  let closeAt = -2;
  const nextClose = (from: number): number => {
    if (closeAt !== -1 && closeAt < from) closeAt = text.indexOf(close, from);
    return closeAt;
  };
  const nextLineBreak = nextWhere(text, (c) => c === 10);
  const nextSpace = nextWhere(text, isWhite);
  for (let at = text.indexOf(open); at >= 0; at = text.indexOf(open, at + 1)) {
    const end = nextClose(at + open.length);
    if (end < 0) return;
    if (!multiline && nextLineBreak(at) < end) continue;
    // A footnote reference or link has no space inside its key or address.
    if (!multiline && open !== '<!--' && nextSpace(at + open.length) < end) continue;
    spans.push([at, end + close.length]);
    at = end;
  }
}

/** HTML tags other than quotation tags (`<q>`, `<blockquote>`), which mark quotations. */
function htmlTags(text: string, spans: Span[]): void {
  const quoteTag = /<\/?(?:q|blockquote)\b/iy;
  for (let at = text.indexOf('<'); at >= 0; at = text.indexOf('<', at + 1)) {
    const end = text.indexOf('>', at + 1);
    // No tag closes after this one: none after it does either.
    if (end < 0) return;
    quoteTag.lastIndex = at;
    if (quoteTag.test(text)) continue;
    spans.push([at, end + 1]);
    at = end;
  }
}

/** Inline code spans: a run of backticks to the next run of the same length on the same line. */
function inlineCode(text: string, spans: Span[]): void {
  for (let at = text.indexOf('`'); at >= 0; at = text.indexOf('`', at)) {
    let n = 1;
    while (text[at + n] === '`') n++;
    const marker = '`'.repeat(n);
    const end = text.indexOf(marker, at + n);
    const eol = text.indexOf('\n', at);
    if (end < 0 || (eol >= 0 && eol < end)) {
      at += n;
      continue;
    }
    spans.push([at, end + n]);
    at = end + n;
  }
}

/** The date a document declares for itself, and where it was read. */
export interface DocumentDate {
  iso: IsoDate;
  written: string;
}

/**
 * The document's own date: `date:` in Markdown front matter, `\date{}` in
 * LaTeX, `:revdate:` in AsciiDoc, `:date:` in reStructuredText, a date meta
 * tag in HTML, or a `Date:` line among the first lines of any document.
 */
export function documentDate(text: string, format: DocFormat): DocumentDate | undefined {
  const head = text.slice(0, 20_000);
  const candidates: (string | undefined)[] = [];
  switch (format) {
    case 'markdown': {
      const fm = /^---\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(head);
      if (fm) candidates.push(/^date:[ \t]*["']?([^"'\r\n]+)/m.exec(fm[1])?.[1]);
      break;
    }
    case 'latex':
      candidates.push(/\\date\{([^{}]*)\}/.exec(head)?.[1]);
      break;
    case 'asciidoc':
      candidates.push(/^:(?:revdate|date):[ \t]*(.+)$/m.exec(head)?.[1]);
      break;
    case 'restructuredtext':
      candidates.push(/^:date:[ \t]*(.+)$/im.exec(head)?.[1]);
      break;
    case 'html':
      candidates.push(
        /<meta\s[^>]*(?:name|property)=["'](?:date|dcterms\.date|dc\.date|article:published_time)["'][^>]*content=["']([^"']+)["']/i.exec(head)?.[1],
      );
      break;
    case 'plaintext':
      break;
  }
  const firstLines = head.split(/\r?\n/, 15).join('\n');
  candidates.push(/^date:[ \t]*(.+)$/im.exec(firstLines)?.[1]);
  for (const value of candidates) {
    const parsed = value === undefined ? undefined : parseDateValue(value.trim());
    if (parsed) return parsed;
  }
  return undefined;
}

function parseDateValue(value: string): DocumentDate | undefined {
  const iso = /^(\d{4}-\d{2}-\d{2})/.exec(value)?.[1];
  if (iso && parseIsoDate(iso)) return { iso, written: value };
  const d = findDates(value).find((x) => x.hasYear && x.hasDay);
  return d ? { iso: d.first, written: value.slice(d.start, d.end) } : undefined;
}
