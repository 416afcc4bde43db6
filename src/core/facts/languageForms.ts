import type { Fact, FactInLanguage, Pack } from '../types';
import { personForms, phraseForms, type PersonName } from './ukInflect';

/*
 * The inflected forms of a fact's names in the languages that decline them,
 * generated from `languages.<lang>.name` and `.aliases` and added to its
 * `forms`: at build time for the bundled pack (esbuild.js writes them into
 * dist/pack.json), in the pack-parsing thread for writers' packs. The alias
 * matcher then finds "Умєрова", "Зеленським", "у Лондоні".
 */

/** The kinds whose names decline as nouns: people by their name, the others as noun phrases (a role as a person's title). */
const DECLINED_KINDS = new Set<Fact['kind']>(['person', 'role', 'place', 'organisation', 'term', 'agreement', 'event']);

/** The case forms of a fact's names in one language, besides the names themselves; none for a language not declined here. */
export function generatedForms(fact: Fact, language: string, entry: FactInLanguage): string[] {
  if (language !== 'uk' || !DECLINED_KINDS.has(fact.kind)) return [];
  const out = new Set<string>();
  if (fact.kind === 'person') {
    const name = entry.name;
    if (!name) return [];
    for (const f of personForms(name)) out.add(f);
    // Other spellings of the name ("Умеров", "Шмыгаль") decline the same way: one word is a family name, two a given and a family name.
    for (const alias of entry.aliases ?? []) {
      const words = alias.split(/\s+/).filter(Boolean);
      const spelled: PersonName | undefined =
        words.length === 1
          ? { family: words[0], gender: name.gender }
          : words.length === 2
            ? { given: words[0], family: words[1], gender: name.gender }
            : words.length === 3
              ? { given: words[0], patronymic: words[1], family: words[2], gender: name.gender }
              : undefined;
      if (spelled) for (const f of personForms(spelled)) out.add(f);
    }
  } else {
    const kind = fact.kind === 'role' ? 'person' : fact.kind === 'place' ? 'place' : 'thing';
    for (const name of [entry.label, ...(entry.aliases ?? [])]) for (const f of phraseForms(name, kind)) out.add(f);
  }
  for (const known of [entry.label, ...(entry.aliases ?? []), ...(entry.forms ?? [])]) out.delete(known);
  return [...out];
}

/** The pack with every fact's generated forms added to its `forms` (new objects where forms were added; the pack given is not changed). */
export function withGeneratedForms(pack: Pack): Pack {
  let changed = false;
  const facts = pack.facts.map((fact) => {
    if (!fact.languages) return fact;
    let languages: Record<string, FactInLanguage> | undefined;
    for (const [lang, entry] of Object.entries(fact.languages)) {
      const forms = generatedForms(fact, lang, entry);
      if (forms.length === 0) continue;
      languages ??= { ...fact.languages };
      languages[lang] = { ...entry, forms: [...(entry.forms ?? []), ...forms] };
    }
    if (!languages) return fact;
    changed = true;
    return { ...fact, languages };
  });
  return changed ? { ...pack, facts } : pack;
}

/** A parsed pack with its generated forms: what the pack-parsing thread and the command line hand on. */
export function parsedWithForms<R extends { pack?: Pack }>(result: R): R {
  return result.pack ? { ...result, pack: withGeneratedForms(result.pack) } : result;
}
