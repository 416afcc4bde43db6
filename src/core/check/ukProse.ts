import type { Fact, FactInLanguage } from '../types';
import { lazy } from '../lazy';
/*
 * How Ukrainian prose says what the English patterns of the check say
 * (checker.ts): words before a role that say it is not meant at the date in
 * question ("колишній міністр оборони", "тодішній секретар РНБО", "в. о.").
 * Tested on folded text (lower case), like the English ones.
 */

/** Before a role: former, then, future, new, acting, in any gender and case ("колишнього", "новопризначена"). */
export const UK_QUALIFIED = lazy(
  () =>
    /(?:^|[^\p{L}])(?:колишн|тодішн|майбутн|попередн|новопризначен|новий|нова|нового|новому|новим|нинішн|чинн|виконувач\p{L}* обов'язків|тимчасово виконуюч|в\. ?о\.)\p{L}*[\s\u2010-\u2015-]*$/u,
);

/** Letters of Russian that Ukrainian does not use: a name written with one ("Шмыгаль") is not spelled the Ukrainian way. */
export const NOT_UKRAINIAN = /[ыэъё]/i;

/** Letters only Ukrainian writes among the languages in Cyrillic the check reads: prose with them is Ukrainian. */
export const UKRAINIAN_LETTERS = /[іїєґ]/i;

export function isCyrillicLetter(c: number): boolean {
  return (c >= 0x400 && c <= 0x481) || (c >= 0x48a && c <= 0x52f);
}

/**
 * One person's family name spelled several ways in Cyrillic, in every case:
 * the spellings (folded → as the pack writes the nominative), each declined
 * word's spelling, and a word respelt in the case it is written in.
 */
export interface CaseForms {
  spellings: Map<string, string>;
  /** The pack's own spelling, folded. */
  recorded: string;
  /** Folded word ("умерова") → its spelling, folded ("умеров"). */
  spellingOf: Map<string, string>;
  /** A written word in another spelling, same case: ("Умерова", "умєров") → "Умєрова". */
  respell(written: string, spelling: string): string | undefined;
}

/**
 * The Cyrillic spellings of a person's family name from the pack: the
 * recorded `name.family` of each language, and the aliases' words that
 * differ from it by a letter or two ("Умеров", "Шмыгаль"). Their case forms
 * come from the forms the pack carries (generated at build time from the
 * aliases): a word of another spelling is paired with the recorded form that
 * differs from it where the two spellings differ ("Умерова" with "Умєрова").
 */
export function cyrillicSpellings(fact: Fact, distance: (a: string, b: string) => number): CaseForms[] {
  const out: CaseForms[] = [];
  for (const entry of Object.values(fact.languages ?? {})) {
    const family = entry.name?.family;
    if (!family || !/^\p{Script=Cyrillic}+$/u.test(family)) continue;
    const recorded = family.toLowerCase();
    const display = new Map<string, string>();
    for (const phrase of [entry.label, ...(entry.aliases ?? []), ...(entry.forms ?? [])]) {
      for (const w of phrase.match(/\p{Script=Cyrillic}+/gu) ?? []) if (!display.has(w.toLowerCase())) display.set(w.toLowerCase(), w);
    }
    const variants = new Set<string>();
    for (const phrase of [entry.label, ...(entry.aliases ?? [])]) {
      for (const w of phrase.match(/\p{Script=Cyrillic}+/gu) ?? []) {
        const v = w.toLowerCase();
        if (v === recorded || v[0] !== recorded[0] || Math.abs(v.length - recorded.length) > 2) continue;
        const d = distance(v, recorded);
        if (d <= 2 && d <= Math.max(v.length, recorded.length) / 3) variants.add(v);
      }
    }
    if (variants.size === 0) continue;
    const spellings = new Map<string, string>([[recorded, family]]);
    const spellingOf = new Map<string, string>([[recorded, recorded]]);
    const toRecorded = new Map<string, string>();
    const fromRecorded = new Map<string, Map<string, string>>();
    for (const v of variants) {
      spellings.set(v, display.get(v)!);
      // V = p + x + s, R = p + y + s: a word starting with p + x is V's, and R's form is p + y + the rest.
      let p = 0;
      while (p < v.length && p < recorded.length && v[p] === recorded[p]) p++;
      let s = 0;
      while (s < v.length - p && s < recorded.length - p && v[v.length - 1 - s] === recorded[recorded.length - 1 - s]) s++;
      const head = v.slice(0, v.length - s);
      const into = recorded.slice(0, recorded.length - s);
      const back = new Map<string, string>();
      for (const w of display.keys()) {
        if (!w.startsWith(head)) continue;
        const r = into + w.slice(head.length);
        if (r === w || !display.has(r)) continue;
        spellingOf.set(w, v);
        spellingOf.set(r, recorded);
        toRecorded.set(w, r);
        back.set(r, w);
      }
      spellingOf.set(v, v);
      fromRecorded.set(v, back);
    }
    out.push({
      spellings,
      recorded,
      spellingOf,
      respell(written: string, spelling: string): string | undefined {
        const w = written.toLowerCase();
        const own = spellingOf.get(w);
        if (own === undefined) return undefined;
        if (own === spelling) return display.get(w);
        const r = own === recorded ? w : toRecorded.get(w);
        const target = r === undefined ? undefined : spelling === recorded ? r : fromRecorded.get(spelling)?.get(r);
        return target === undefined ? undefined : (display.get(target) ?? target);
      },
    });
  }
  return out;
}

/** Ukrainian verbs and nouns of what happens to an agreement, in any form, for eventLinks.ts's verb classes (folded text). */
export const UK_VERBS = {
  sign: '(?<!\\p{L})підпи[сш]\\p{L}*',
  ratify: '(?<!\\p{L})ратифіку?\\p{L}*',
  force: '(?<!\\p{L})(?:набу\\p{L}*|набрання|набирає|набирають) чинності',
  announce: '(?<!\\p{L})(?:оголо[сш]\\p{L}*|анонсува\\p{L}*)',
};

const UK_GENITIVE_MONTHS = ['січня', 'лютого', 'березня', 'квітня', 'травня', 'червня', 'липня', 'серпня', 'вересня', 'жовтня', 'листопада', 'грудня'];

/**
 * A Ukrainian date rewritten to another day in the way it was written: "17
 * січня 2025 року" → "16 січня 2025 року", "15 січня" → "16 січня",
 * "17.01.2025" → "16.01.2025". Undefined for a date not written so.
 */
export function ukRewriteDate(written: string, iso: string, hasYear: boolean): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dotted = /^(\d{1,2})\.(\d{1,2})\.\d{4}$/.exec(written);
  if (dotted) {
    const pad = (n: number, as: string): string => (as.length === 2 ? String(n).padStart(2, '0') : String(n));
    return `${pad(day, dotted[1])}.${pad(month, dotted[2])}.${year}`;
  }
  if (!/\p{Script=Cyrillic}/u.test(written)) return undefined;
  const dm = `${day} ${UK_GENITIVE_MONTHS[month - 1]}`;
  if (!hasYear) return dm;
  // What follows the year ("року", "р.") stays as written.
  const after = /\d{4}(\s*\S*)$/.exec(written)?.[1] ?? '';
  return `${dm} ${year}${after}`;
}

type RoleCase = 'nominative' | 'genitive' | 'dative' | 'accusative' | 'ablative' | 'locative';

/** Endings of a role's first word by case: after a consonant ("міністр", "секретар"), after "-а"/"-я" ("голова"). */
const AFTER_CONSONANT: Record<string, RoleCase> = {
  '': 'nominative',
  а: 'genitive',
  я: 'genitive',
  у: 'dative',
  ю: 'dative',
  ові: 'dative',
  еві: 'dative',
  єві: 'dative',
  ом: 'ablative',
  ем: 'ablative',
  єм: 'ablative',
  і: 'locative',
};
const AFTER_A: Record<string, RoleCase> = {
  а: 'nominative',
  я: 'nominative',
  и: 'genitive',
  і: 'dative',
  у: 'accusative',
  ю: 'accusative',
  ою: 'ablative',
  ею: 'ablative',
  єю: 'ablative',
};

/** The case of a role's first word as written, against the word in the nominative ("міністром" against "міністр"). */
function caseOfHead(written: string, nominative: string): RoleCase | undefined {
  const w = written.toLowerCase();
  const n = nominative.toLowerCase();
  if (/[ая]$/.test(n)) {
    const stem = n.slice(0, -1);
    return w.startsWith(stem) ? AFTER_A[w.slice(stem.length)] : undefined;
  }
  const stem = n.replace(/[ьй]$/, '');
  return w.startsWith(stem) ? AFTER_CONSONANT[w.slice(stem.length)] : undefined;
}

function firstWord(phrase: string): [string, string] {
  const i = phrase.search(/\s/);
  return i < 0 ? [phrase, ''] : [phrase.slice(0, i), phrase.slice(i)];
}

/** The case a role is written in, by one of its names in the language ("міністром оборони" is ablative). */
export function roleCase(written: string, entry: FactInLanguage): RoleCase | undefined {
  const [head, rest] = firstWord(written);
  for (const name of [entry.label, ...(entry.aliases ?? [])]) {
    const [h, r] = firstWord(name);
    if (r.toLowerCase() !== rest.toLowerCase()) continue;
    const c = caseOfHead(head, h);
    if (c) return c;
  }
  return undefined;
}

/**
 * A role's short name in a case, from its names and the case forms the pack
 * carries: "секретарем РНБО" for the ablative. Capitalised as the text it
 * replaces is. Undefined where the forms do not give that case.
 */
export function roleIn(entry: FactInLanguage, c: RoleCase, capital: boolean): string | undefined {
  const names = [entry.label, ...(entry.aliases ?? [])].filter((n) => n.length <= 32);
  // The role's own word first ("міністр цифрової трансформації" over "очільник Мінцифри"), then as capitalised, then the shortest.
  const own = firstWord(entry.label)[0].toLowerCase();
  const rank = (n: string): number => Number(firstWord(n)[0].toLowerCase() !== own) * 2 + Number(/^\p{Lu}/u.test(n) !== capital);
  names.sort((a, b) => rank(a) - rank(b) || a.length - b.length);
  const cap = (s: string): string => (capital ? s[0].toUpperCase() + s.slice(1) : s[0].toLowerCase() + s.slice(1));
  for (const name of names) {
    if (c === 'nominative') return cap(name);
    const [h, r] = firstWord(name);
    const form = (entry.forms ?? []).find((f) => {
      const [fh, fr] = firstWord(f);
      return fr === r && fh[0].toLowerCase() === h[0].toLowerCase() && caseOfHead(fh, h) === c;
    });
    if (form) return cap(form);
  }
  return undefined;
}

/** "колишній" agreeing with a man's role in its case ("колишнього міністра оборони"). */
export const FORMER: Record<RoleCase, string> = {
  nominative: 'колишній',
  genitive: 'колишнього',
  dative: 'колишньому',
  accusative: 'колишнього',
  ablative: 'колишнім',
  locative: 'колишньому',
};
