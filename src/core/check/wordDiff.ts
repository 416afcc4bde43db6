import { isWordCharCode } from '../document/text';

/** A word of a quotation or a recorded wording: folded text, and where it stands in its own string. */
export interface WordToken {
  /** Lower-cased, with every apostrophe written `'`: "We’re" and "we're" are the same word. */
  text: string;
  start: number;
  end: number;
}

/** How markup inside a quotation is read: LaTeX commands and HTML tags are not words. */
export type WordMarkup = 'none' | 'latex' | 'html';

function isApostrophe(code: number): boolean {
  return code === 39 || code === 0x2019 || code === 0x2018 || code === 0x02bc || code === 0x2032 || code === 0xff07;
}

/** Apostrophes inside a word, and the HTML entities for them, all read as `'`. */
const APOSTROPHES = /&(?:rsquo|lsquo|apos|#0*39|#0*8217|#x0*2019);|[\u2019\u2018\u02BC\u2032\uFF07]/gi;

/** HTML entities that stand for an apostrophe, and so join the two halves of "we&rsquo;re". */
const APOSTROPHE_ENTITY = /^&(?:rsquo|lsquo|apos|#0*39|#0*8217|#x0*2019);/i;
const ENTITY = /^&(?:[a-z]+|#\d+|#x[0-9a-f]+);/i;

/**
 * The words of `text[from, to)`: runs of letters and digits, joined across an
 * apostrophe between letters ("we’re", "Zelenskyy's"). Punctuation, quote
 * marks, dashes and spacing separate words and are otherwise ignored: they are
 * typography, not wording. A hyphen separates too, so "co-production" and
 * "co–production" read alike.
 */
export function wordTokens(text: string, from = 0, to = text.length, markup: WordMarkup = 'none'): WordToken[] {
  const out: WordToken[] = [];
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (markup === 'latex' && c === 92 /* \ */) {
      // A command name is markup; `\%` and the like are a character.
      let j = i + 1;
      while (j < to && /[A-Za-z@]/.test(text[j])) j++;
      i = j === i + 1 ? i + 2 : j;
      continue;
    }
    if (markup === 'html' && c === 60 /* < */) {
      const close = text.indexOf('>', i);
      if (close > 0 && close < to) {
        i = close + 1;
        continue;
      }
    }
    if (markup === 'html' && c === 38 /* & */) {
      const m = ENTITY.exec(text.slice(i, Math.min(to, i + 12)));
      if (m) {
        i += m[0].length;
        continue;
      }
    }
    if (!isWordCharCode(c)) {
      i++;
      continue;
    }
    const start = i;
    let j = i;
    // Sliced and lower-cased whole: quotations are read on every check of a draft.
    let joined = false;
    for (;;) {
      while (j < to && isWordCharCode(text.charCodeAt(j))) j++;
      // An apostrophe between letters belongs to the word.
      if (j + 1 < to && isApostrophe(text.charCodeAt(j)) && isWordCharCode(text.charCodeAt(j + 1))) {
        j++;
        joined = true;
        continue;
      }
      if (markup === 'html' && j < to && text.charCodeAt(j) === 38) {
        const m = APOSTROPHE_ENTITY.exec(text.slice(j, Math.min(to, j + 10)));
        if (m && j + m[0].length < to && isWordCharCode(text.charCodeAt(j + m[0].length))) {
          j += m[0].length;
          joined = true;
          continue;
        }
      }
      break;
    }
    let word = text.slice(start, j).toLowerCase();
    if (joined) word = word.replace(APOSTROPHES, "'");
    out.push({ text: word, start, end: j });
    i = j;
  }
  return out;
}

/** Pairs of equal words, as indexes into the two sequences, in order. */
export type Alignment = [number, number][];

/** The longest common subsequence of two word sequences, as index pairs. Quadratic: callers bound the lengths. */
export function alignWords(a: readonly string[], b: readonly string[]): Alignment {
  const n = a.length;
  const m = b.length;
  const width = m + 1;
  const table = new Uint16Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i * width + j] = a[i] === b[j] ? table[(i + 1) * width + j + 1] + 1 : Math.max(table[(i + 1) * width + j], table[i * width + j + 1]);
    }
  }
  const pairs: Alignment = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      pairs.push([i, j]);
      i++;
      j++;
    } else if (table[(i + 1) * width + j] >= table[i * width + j + 1]) i++;
    else j++;
  }
  return pairs;
}

/**
 * One piece of a word diff: words both share, words only the recorded text
 * has, words only the writer's has, and recorded words the writer left out
 * where an ellipsis marks the omission.
 */
export interface DiffPart {
  op: 'equal' | 'delete' | 'insert' | 'omitted';
  text: string;
}

/**
 * The word diff of `recorded` against `written`, in each one's own
 * characters: a deleted run is the recorded text from its first word to its
 * last (so "this afternoon, we’re able to" keeps its comma). `gaps` are the
 * indexes of written words that follow a marked omission ("…"); `alignment`
 * (recorded index, written index) saves aligning the words again.
 */
export function diffWords(
  recorded: string,
  recordedWords: readonly WordToken[],
  written: string,
  writtenWords: readonly WordToken[],
  gaps: readonly number[] = [],
  alignment?: Alignment,
): DiffPart[] {
  const pairs =
    alignment ??
    alignWords(
      recordedWords.map((w) => w.text),
      writtenWords.map((w) => w.text),
    );
  const parts: DiffPart[] = [];
  const span = (text: string, words: readonly WordToken[], from: number, to: number): string => text.slice(words[from].start, words[to - 1].end);
  let i = 0;
  let j = 0;
  const flush = (toI: number, toJ: number): void => {
    if (toI > i) parts.push({ op: toJ === j && gaps.includes(toJ) ? 'omitted' : 'delete', text: span(recorded, recordedWords, i, toI) });
    if (toJ > j) parts.push({ op: 'insert', text: span(written, writtenWords, j, toJ) });
  };
  let k = 0;
  while (k < pairs.length) {
    const [pi, pj] = pairs[k];
    flush(pi, pj);
    // A run of consecutive pairs is one equal part.
    let e = k;
    while (e + 1 < pairs.length && pairs[e + 1][0] === pairs[e][0] + 1 && pairs[e + 1][1] === pairs[e][1] + 1) e++;
    parts.push({ op: 'equal', text: span(written, writtenWords, pj, pairs[e][1] + 1) });
    i = pairs[e][0] + 1;
    j = pairs[e][1] + 1;
    k = e + 1;
  }
  flush(recordedWords.length, writtenWords.length);
  return parts;
}

/**
 * A diff in one line, the changes with a few words of context:
 * `… proud that [−this afternoon, we’re able to] [+today we can] announce an …`.
 */
export function compactDiff(parts: readonly DiffPart[], context = 3): string {
  const out: string[] = [];
  parts.forEach((p, k) => {
    if (p.op === 'delete') out.push(`[\u2212${p.text}]`);
    else if (p.op === 'omitted') out.push('[\u2026]');
    else if (p.op === 'insert') out.push(`[+${p.text}]`);
    else {
      const words = p.text.split(/\s+/);
      const head = k === 0 ? 0 : context;
      const tail = k === parts.length - 1 ? 0 : context;
      // Elide only where that leaves out more than a word.
      if (words.length <= head + tail + 1) out.push(p.text);
      else out.push([...words.slice(0, head), '\u2026', ...words.slice(words.length - tail)].join(' '));
    }
  });
  return out.join(' ').trim();
}
