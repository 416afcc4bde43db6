// Sentences of a paragraph, for rules that read a claim sentence by sentence.

/** Sentences of a paragraph: ends at . ! ? before a capital or a digit, not after an abbreviation or an initial. */
export function sentencesOf(text: string, start: number, end: number): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  const re = /[.!?]+["'\u201D\u2019)\]]*(?=\s+["\u201C\u2018([]?[\p{Lu}\d])|\n(?=[ \t]*(?:[-*+]|\d+[.)]|#+)\s)/gu;
  // The paragraph alone: a regular expression over a slice of the whole document would copy the document each time.
  const slice = text.slice(start, end);
  let from = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(slice)) !== null) {
    if (m[0].charCodeAt(0) === 46 /* . */) {
      // The word before the full stop, read backwards: an abbreviation ("No.", "e.g.") or an initial does not end a sentence.
      let k = m.index;
      while (k > from && m.index - k < 12 && (slice[k - 1] === '.' || /\p{L}/u.test(slice[k - 1]))) k--;
      const word = slice.slice(k, m.index);
      if (ABBREVIATIONS.has(word.toLowerCase()) || (word.length === 1 && word !== word.toLowerCase())) continue;
    }
    out.push({ start: start + from, end: start + m.index + m[0].length });
    from = m.index + m[0].length;
  }
  if (from < slice.length) out.push({ start: start + from, end });
  return out;
}

export const ABBREVIATIONS = new Set([
  'no',
  'nos',
  'mr',
  'mrs',
  'ms',
  'dr',
  'st',
  'sr',
  'jr',
  'vs',
  'etc',
  'gen',
  'col',
  'lt',
  'rt',
  'hon',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'e.g',
  'i.e',
  'u.k',
  'u.s',
  'approx',
  'cf',
  'art',
  'para',
  'p',
  'pp',
]);
