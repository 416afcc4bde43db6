import RULES, { type ShevchenkoRule } from 'shevchenko/dist/cjs/word-declension/rules/artifacts/declension-rules.json.js';
import { DeclensionRuleInflector } from 'shevchenko/dist/cjs/word-declension/declension-rule-inflector.js';

/*
 * Ukrainian words in their seven grammatical cases, by the declension rules
 * of the `shevchenko` library (names of people, and the nouns and adjectives
 * its rules cover), with a few rules of our own for what it leaves out:
 * neuter nouns and adjectives, and the locative and genitive of things
 * ("у Лондоні", "Кабінету"). Synchronous and without the library's neural
 * classifier of family names (TensorFlow): an adjectival family name is told
 * by its ending ("-ський", "-ова") instead.
 */

export const CASES = ['nominative', 'genitive', 'dative', 'accusative', 'ablative', 'locative', 'vocative'] as const;
export type GrammaticalCase = (typeof CASES)[number];
export type Gender = 'masculine' | 'feminine';
type WordClass = 'noun' | 'adjective';
type Application = 'givenName' | 'patronymicName' | 'familyName';

interface CompiledRule {
  rule: ShevchenkoRule;
  find: RegExp;
  inflector?: DeclensionRuleInflector;
}

let compiled: CompiledRule[] | undefined;

/** The library's rules, highest priority first, as its WordInflector orders them. */
function rules(): CompiledRule[] {
  compiled ??= [...RULES].sort((a, b) => b.priority - a.priority).map((rule) => ({ rule, find: new RegExp(rule.pattern.find, 'i') }));
  return compiled;
}

/** A word in a case by the first rule that fits it, as shevchenko's WordInflector picks it; the word itself where none does. */
export function inflectWord(word: string, grammaticalCase: GrammaticalCase, gender: Gender, wordClass?: WordClass, application?: Application): string {
  for (const c of rules()) {
    const r = c.rule;
    if (!r.gender.includes(gender)) continue;
    if (application && r.applicationType.length > 0 && !r.applicationType.includes(application)) continue;
    if (wordClass && r.wordClass !== wordClass) continue;
    if (!c.find.test(word)) continue;
    c.inflector ??= new DeclensionRuleInflector(r);
    return c.inflector.inflect(word, grammaticalCase);
  }
  return word;
}

/** A name of several parts joined by hyphens ("Косач-Квітка"): each part declines; a one-syllable family part before the last does not. */
function inflectName(name: string, grammaticalCase: GrammaticalCase, gender: Gender, application: Application): string {
  const parts = name.split('-');
  return parts
    .map((part, i) => {
      if (application === 'familyName' && i < parts.length - 1 && (part.match(/[аоуеиіяюєї]/gi)?.length ?? 0) === 1) return part;
      const wordClass = application === 'familyName' ? familyNameClass(part, gender) : undefined;
      return inflectWord(part, grammaticalCase, gender, wordClass, application);
    })
    .join('-');
}

/** Whether a family name declines as an adjective ("Зеленський", "Зеленська", "Стефанішина") or a noun, where its ending leaves both open. */
function familyNameClass(name: string, gender: Gender): WordClass | undefined {
  const lower = name.toLowerCase();
  if (gender === 'masculine') return /(?:ий|ій|ой)$/.test(lower) ? 'adjective' : /их$/.test(lower) ? 'noun' : undefined;
  if (!/[ая]$/.test(lower)) return undefined;
  return /(?:[сцз]ька|ова|ева|єва|іна|їна|ина|ня)$/.test(lower) ? 'adjective' : 'noun';
}

export interface PersonName {
  given?: string;
  patronymic?: string;
  family: string;
  gender: Gender;
}

/**
 * Every case of a person's name, with and without the first name (and the
 * patronymic, where given): "Умєрова", "Рустема Умєрова", "Рустемові Умєрову".
 * The dative and locative of a man's name have two endings each (-у/-ові),
 * and writers mix them: every pairing is listed.
 */
export function personForms(name: PersonName): string[] {
  const out = new Set<string>();
  const decline = (part: string | undefined, app: Application, c: GrammaticalCase): string[] => (part ? [inflectName(part, c, name.gender, app)] : []);
  for (const c of CASES) {
    const cases: GrammaticalCase[] = c === 'dative' || c === 'locative' ? ['dative', 'locative'] : [c];
    const family = new Set(cases.flatMap((k) => decline(name.family, 'familyName', k)));
    const given = new Set(cases.flatMap((k) => decline(name.given, 'givenName', k)));
    const patronymic = new Set(cases.flatMap((k) => decline(name.patronymic, 'patronymicName', k)));
    for (const f of family) {
      // The locative's "-ові"/"-еві" of a family name with the dative's "-у" of a given name is no pairing writers use, but costs nothing.
      out.add(f);
      for (const g of given) {
        out.add(`${g} ${f}`);
        for (const p of patronymic) out.add(`${g} ${p} ${f}`);
      }
    }
  }
  return [...out];
}

/** A phrase's words read as adjectives agreeing with the noun after them, the head noun, and the rest (a genitive: "міністр оборони"). */
function headOf(words: readonly string[]): number {
  // "тристороння декларація": a word in "-ння" before a noun in "-ія" is an adjective, not a noun like "призначення".
  for (let i = 0; i < words.length - 1; i++) if (!isAdjective(words[i]) && !(/ння$/i.test(words[i]) && /^\p{Ll}.*ія$/u.test(words[i + 1]))) return i;
  return words.length - 1;
}

/**
 * Whether a word of a name reads as an adjective: "Верховна", "Віндзорський",
 * "Сполучене", "легка", "дронова". Nouns with the same last letter are told
 * by the letters before it: "Палата", "Бібліотека", "Україна" are nouns.
 */
function isAdjective(word: string): boolean {
  return (
    /(?:[иі]й|[^аеєиіїоуюя'’н]на|[сцз]ька|[гк]ка|ика|[оеє]ва|[шчж]а|[^аеєиіїоуюяь'’н]ня|не|[сцз]ьке|[оеє]ве|[шчж]е|[^аеєиіїоуюя]є)$/i.test(word) &&
    !/^\p{Lu}{2,}$/u.test(word)
  );
}

/** A word that may stand in a declined phrase: letters, with hyphens or apostrophes inside ("Даунінг-стріт", "прем'єр-міністр"). */
const PLAIN_WORD = /^\p{L}+(?:['’-]\p{L}+)*$/u;

/** Words that are never the head noun of a name: prepositions and conjunctions. */
const FUNCTION_WORDS = new Set(['у', 'в', 'з', 'із', 'зі', 'на', 'до', 'від', 'про', 'для', 'за', 'по', 'при', 'та', 'і', 'й', 'або', 'щодо', 'між']);

/**
 * A masculine noun whose stem changes when it declines, in ways its ending
 * does not tell: "і" in the last syllable ("Київ" → "Києва", "Львів" →
 * "Львова"), a vowel that drops ("замок" → "замку", "кінець" → "кінця").
 * Such a word gets no generated forms: the pack lists them in `forms`.
 */
function changesStem(word: string): boolean {
  return /[ії][^аеєиіїоуюяь'’-]+$/i.test(word) || /(?:ок|ець|ень)$/i.test(word);
}

/** A noun's gender, from its ending: -а/-я feminine, -о/-е/-є and "-ння" neuter; a plural (-и/-і) is not declined here. */
function genderOf(noun: string): Gender | 'neuter' | 'plural' {
  const lower = noun.toLowerCase();
  if (/(?:нн|тт|лл|сс|чч|жж|цц|зз|дд)я$/.test(lower) || /[оеє]$/.test(lower)) return 'neuter';
  if (/[ая]$/.test(lower)) return 'feminine';
  if (/[иі]$/.test(lower)) return 'plural';
  return 'masculine';
}

/** Neuter nouns and adjectives, which shevchenko's rules (for names) do not cover. */
function neuter(word: string, c: GrammaticalCase, adjective: boolean): string[] {
  const lower = word.toLowerCase();
  const keep = (stem: string, ...ends: string[]): string[] => ends.map((e) => matchCase(word, stem + e));
  if (adjective) {
    if (lower.endsWith('є')) {
      const stem = word.slice(0, -1);
      return {
        nominative: [word],
        genitive: keep(stem, 'ього'),
        dative: keep(stem, 'ьому'),
        accusative: [word],
        ablative: keep(stem, 'ім'),
        locative: keep(stem, 'ьому', 'ім'),
        vocative: [word],
      }[c];
    }
    const stem = word.slice(0, -1);
    return {
      nominative: [word],
      genitive: keep(stem, 'ого'),
      dative: keep(stem, 'ому'),
      accusative: [word],
      ablative: keep(stem, 'им'),
      locative: keep(stem, 'ому', 'ім'),
      vocative: [word],
    }[c];
  }
  if (/(?:нн|тт|лл|сс|чч|жж|цц|зз|дд)я$/.test(lower)) {
    const stem = word.slice(0, -1);
    return {
      nominative: [word],
      genitive: [word],
      dative: keep(stem, 'ю'),
      accusative: [word],
      ablative: keep(stem, 'ям'),
      locative: keep(stem, 'і', 'ю'),
      vocative: [word],
    }[c];
  }
  const stem = word.slice(0, -1);
  if (lower.endsWith('о'))
    return {
      nominative: [word],
      genitive: keep(stem, 'а'),
      dative: keep(stem, 'у', 'ові'),
      accusative: [word],
      ablative: keep(stem, 'ом'),
      locative: keep(stem, 'і', 'у'),
      vocative: [word],
    }[c];
  return {
    nominative: [word],
    genitive: keep(stem, 'я'),
    dative: keep(stem, 'ю'),
    accusative: [word],
    ablative: keep(stem, 'ем'),
    locative: keep(stem, 'і'),
    vocative: [word],
  }[c];
}

function matchCase(template: string, word: string): string {
  return template === template.toUpperCase() && template.length > 1 ? word.toUpperCase() : word;
}

/**
 * What a name's noun names: a person (declined as shevchenko declines
 * names), a place, or another thing (an organisation, a term, an event).
 */
export type NounKind = 'person' | 'place' | 'thing';

/** One word's forms in a case, as a noun or an adjective of the given gender; none where they cannot be told from its ending. */
function wordInCase(word: string, c: GrammaticalCase, gender: Gender | 'neuter', adjective: boolean, kind: NounKind, proper: boolean): string[] {
  if (/^\p{Lu}{2,}$/u.test(word) || !/\p{Script=Cyrillic}/u.test(word)) return [word];
  if (gender === 'neuter') return neuter(word, c, adjective);
  const masculineThing = !adjective && kind !== 'person' && gender === 'masculine' && /[^аеєиіїоуюяй]$/i.test(word);
  // A thing in "-ь", or in "-ч", "-ж", "-ш", "-щ" other than a town, may be feminine ("доповідь", "зустріч"): its ending does not tell.
  if (masculineThing && (changesStem(word) || /ь$/i.test(word) || (/[чжшщ]$/i.test(word) && !(kind === 'place' && proper)))) return [];
  const out = [inflectWord(word, c, gender, adjective ? 'adjective' : 'noun', adjective ? 'familyName' : undefined)];
  if (masculineThing) {
    // Things take "-і" in the locative ("у Лондоні"), where people take "-ові"; a town's genitive is "-а" ("Лондона"),
    // another thing's "-у" ("Кабінету", "палацу", "альянсу"), the dative's form.
    if (c === 'locative') return [word + 'і'];
    if (c === 'genitive' && !(kind === 'place' && proper) && !/(?:[ая]ч|ник|тор)$/i.test(word))
      return [inflectWord(word, 'dative', gender, 'noun')].filter((f) => /[ую]$/.test(f));
  }
  return out;
}

/**
 * Every case of a noun phrase: the adjectives before the head noun agree
 * with it ("Верховною Радою"); what follows the head stays as written
 * ("міністра оборони", "секретарем РНБО"). Places, organisations, terms
 * and events decline as things do: no vocative, and a masculine thing's
 * accusative is its nominative. A phrase in parentheses or with a comma is a
 * label, not words a writer declines.
 */
export function phraseForms(phrase: string, kind: NounKind = 'thing'): string[] {
  const words = phrase.split(/\s+/).filter(Boolean);
  if (words.length === 0 || /[(),/]/.test(phrase)) return [];
  const head = headOf(words);
  // A head or adjective with punctuation ("Даунінг-стріт, 10", "«Мегапроєкт» (так …)") or a preposition as the head ("перша у своєму роді") is not a noun phrase declined here.
  if (words.slice(0, head + 1).some((w) => !PLAIN_WORD.test(w)) || FUNCTION_WORDS.has(words[head].toLowerCase())) return [];
  // An event's name may be a clause ("набула чинності", "Стармер став прем'єр-міністром"): with a verb in it, it is no noun phrase.
  if (kind === 'thing' && words.some((w) => /(?:[аеиіоуя](?:ла|ло|ли)|[аиуя]в|[ую]є|[аяії]є|[ая]ють|[ую]ють|ить|ать|ять)$/i.test(w))) return [];
  const gender = genderOf(words[head].split('-').pop()!);
  if (gender === 'plural') return [];
  const out = new Set<string>();
  const thing = kind !== 'person';
  // Things are not called to: no vocative ("Лондоне"); an inanimate masculine noun's accusative is its nominative.
  for (const c of thing ? CASES.filter((k) => k !== 'vocative' && (k !== 'accusative' || gender !== 'masculine')) : CASES) {
    let variants: string[][] = [[]];
    for (let i = 0; i <= head; i++) {
      const w = words[i];
      // A hyphenated noun declines in its last part ("прем'єр-міністр"), as shevchenko does it.
      const parts = w.split('-');
      const last = parts.pop()!;
      const forms = wordInCase(last, c, gender, i < head, kind, /^\p{Lu}/u.test(w)).map((f) => [...parts, f].join('-'));
      variants = variants.flatMap((v) => forms.map((f) => [...v, f]));
    }
    for (const v of variants) out.add([...v, ...words.slice(head + 1)].join(' '));
  }
  out.delete(phrase);
  return [...out];
}
