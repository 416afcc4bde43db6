import type { DocFormat } from './citation';
import { findDates, parseIsoDate } from './dates';
import { matchingBrace } from './quotations';
import type { IsoDate } from './types';

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
  switch (format) {
    case 'markdown': {
      all(/^---\r?\n[\s\S]*?\r?\n(?:---|\.\.\.)[ \t]*(?=\r?\n|$)/y);
      fencedCode(text, spans);
      all(/<!--[\s\S]*?-->/g);
      all(/^ {0,3}\[\^[^\]\n]+\]:.*(?:\r?\n(?: {4}|\t).*)*/gm);
      all(/\[\^[^\]\s]+\]/g);
      all(/^ {0,3}\[[^\]\n]+\]:[ \t]*\S.*$/gm);
      all(/`[^`\n]+`/g);
      all(/\]\([^)\s]*(?:\s+"[^"\n]*")?\)/g);
      all(/<(?:https?|mailto):[^>\s]*>/g);
      break;
    }
    case 'latex': {
      const begin = text.indexOf('\\begin{document}');
      if (begin > 0) spans.push([0, begin + '\\begin{document}'.length]);
      all(/(?<!\\)%.*$/gm);
      command(/\\(?:footnote|url|cite[a-zA-Z]*|label|ref|eqref|pageref|autoref|cref|Cref|href)\*?(?:\[[^\]]*\])*\{/g);
      break;
    }
    case 'html': {
      all(/<!--[\s\S]*?-->/g);
      all(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi);
      // Quotation tags stay: they mark quotations.
      all(/<(?!\/?(?:q|blockquote)\b)[^>]*>/gi);
      break;
    }
    case 'asciidoc': {
      all(/^\/\/\/\/[ \t]*\r?\n[\s\S]*?^\/\/\/\/[ \t]*$/gm);
      all(/^\/\/(?!\/).*$/gm);
      all(/^:[\w-]+:.*$/gm);
      all(/^-{4,}[ \t]*\r?\n[\s\S]*?^-{4,}[ \t]*$/gm);
      all(/^\[[^\]\n]*\][ \t]*$/gm);
      all(/footnote:[\w-]*\[(?:[^\]\\]|\\.)*\]/g);
      all(/https?:\/\/\S+?\[[^\]]*\]/g);
      break;
    }
    case 'restructuredtext': {
      all(/^\.\. \[[^\]\n]*\].*(?:\r?\n[ \t]+.*)*/gm);
      all(/^\.\. .*$/gm);
      all(/\[#?[\w-]*\]_/g);
      all(/^:[\w -]+:.*$/gm);
      all(/`[^`\n]*<https?:[^>]*>`_/g);
      break;
    }
    case 'plaintext':
      break;
  }
  if (spans.length === 0) return text;
  spans.sort((a, b) => a[0] - b[0]);
  let out = '';
  let at = 0;
  for (const [s, e] of spans) {
    if (e <= at) continue;
    const from = Math.max(s, at);
    out += text.slice(at, from) + text.slice(from, e).replace(/[^\r\n]/g, ' ');
    at = e;
  }
  return out + text.slice(at);
}

/** Markdown code fences, to their closing fence or the end of the document. */
function fencedCode(text: string, spans: Span[]): void {
  const fence = /^[ \t]{0,3}(`{3,}|~{3,}).*$/gm;
  let m: RegExpExecArray | null;
  while ((m = fence.exec(text)) !== null) {
    const marker = m[1];
    const close = new RegExp(`^[ \\t]{0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}[ \\t]*$`, 'gm');
    close.lastIndex = m.index + m[0].length;
    const c = close.exec(text);
    const end = c ? c.index + c[0].length : text.length;
    spans.push([m.index, end]);
    fence.lastIndex = end;
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
      candidates.push(/<meta\s[^>]*(?:name|property)=["'](?:date|dcterms\.date|dc\.date|article:published_time)["'][^>]*content=["']([^"']+)["']/i.exec(head)?.[1]);
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
