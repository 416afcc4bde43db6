import type { DocFormat } from '../references/citation';

/*
 * The language a document is written in, for what Agreement Cite writes into
 * it: `agreementCite.language` where the writer set one, else what the
 * document declares (front matter, babel or polyglossia, <html lang>,
 * AsciiDoc's :lang:), else the script most of its prose is in.
 */

export const LANGUAGE_SETTINGS = ['auto', 'en', 'uk'] as const;
export type LanguageSetting = (typeof LANGUAGE_SETTINGS)[number];
/** The languages citations are written in. */
export type DocLanguage = 'en' | 'uk';

/** A declared language name or tag as one of ours: "uk", "uk-UA", "ukrainian", "українська" → uk; any other → en. */
function fromDeclared(value: string): DocLanguage {
  const v = value
    .trim()
    .replace(/^["']|["']$/g, '')
    .toLowerCase();
  return /^(?:uk(?:[-_]\w+)?|ukr|ukrainian|українська)$/.test(v) ? 'uk' : 'en';
}

/** How far into a document its declaration is looked for: front matter and preambles come first. */
const HEAD = 20_000;

/** The language a document declares, if it declares one. */
export function declaredLanguage(text: string, format: DocFormat): DocLanguage | undefined {
  const head = text.slice(0, HEAD);
  // YAML front matter (Markdown, and any format that starts with one): `lang:` or `language:`.
  const front = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(head);
  if (front) {
    const m = /^(?:lang|language)[ \t]*:[ \t]*([^\r\n#]+)/m.exec(front[1]);
    if (m && m[1].trim()) return fromDeclared(m[1]);
  }
  switch (format) {
    case 'latex': {
      // polyglossia names the main language; babel's is the last option it is given (or main=…).
      const poly = /^[^%\n]*\\set(?:main|default)language\s*(?:\[[^\]]*\])?\s*\{([^}]+)\}/m.exec(head);
      if (poly) return fromDeclared(poly[1]);
      const babel = /^[^%\n]*\\usepackage\s*\[([^\]]*)\]\s*\{babel\}/m.exec(head);
      if (babel) {
        const options = babel[1]
          .split(',')
          .map((o) => o.trim())
          .filter(Boolean);
        const main = options.find((o) => o.startsWith('main='));
        const last = main ? main.slice(5) : options.filter((o) => !o.includes('=')).pop();
        if (last) return fromDeclared(last);
      }
      return undefined;
    }
    case 'html': {
      const m = /<html\b[^>]*?\blang\s*=\s*["']?([\w-]+)/i.exec(head);
      return m ? fromDeclared(m[1]) : undefined;
    }
    case 'asciidoc': {
      const m = /^:lang:[ \t]*(\S+)/m.exec(head);
      return m ? fromDeclared(m[1]) : undefined;
    }
    default:
      return undefined;
  }
}

/** Ukrainian where most letters of the text are Cyrillic and its Cyrillic is not Russian's (ы, э, ъ, ё against і, ї, є, ґ). */
export function scriptLanguage(text: string): DocLanguage {
  const sample = text.length > 50_000 ? text.slice(0, 50_000) : text;
  let cyrillic = 0;
  let latin = 0;
  let ukrainian = 0;
  let russian = 0;
  for (let i = 0; i < sample.length; i++) {
    let c = sample.charCodeAt(i);
    // Markup is not prose: LaTeX commands, HTML tags, addresses.
    if (c === 92) {
      while (i + 1 < sample.length && /[A-Za-z@]/.test(sample[i + 1])) i++;
      continue;
    }
    if (c === 60 || (c === 104 && sample.startsWith('http', i))) {
      const stop = c === 60 ? '>' : ' ';
      const end = sample.indexOf(stop, i);
      if (end > 0 && (c !== 60 || end - i < 500)) i = end;
      continue;
    }
    c = sample.charCodeAt(i);
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) latin++;
    else if (c >= 0x400 && c <= 0x4ff) {
      cyrillic++;
      if (c === 0x456 || c === 0x406 || c === 0x457 || c === 0x407 || c === 0x454 || c === 0x404 || c === 0x491 || c === 0x490) ukrainian++;
      else if (c === 0x44b || c === 0x42b || c === 0x44d || c === 0x42d || c === 0x44a || c === 0x42a || c === 0x451 || c === 0x401) russian++;
    }
  }
  return cyrillic > latin && ukrainian >= russian ? 'uk' : 'en';
}

/** The language of what is written into a document: the setting, else its declaration, else its script. */
export function documentLanguage(text: string, format: DocFormat, setting: LanguageSetting = 'auto'): DocLanguage {
  if (setting !== 'auto') return setting;
  return declaredLanguage(text, format) ?? scriptLanguage(text);
}

/** The `agreementCite.language` setting's value, `auto` for anything else. */
export function languageSetting(value: unknown): LanguageSetting {
  return value === 'en' || value === 'uk' ? value : 'auto';
}
