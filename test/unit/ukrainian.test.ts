// Writing in Ukrainian: names in all seven cases (shevchenko's rules), places
// and institutions in their inflected forms, Ukrainian dates read and written,
// the document's language, citations in each format, and the check on
// Ukrainian prose. The bundled pack gets its Ukrainian names here from a small
// overlay, the way `languages:` gives them in a pack.

import assert from 'node:assert/strict';
import * as path from 'node:path';
import { buildSync, type BuildOptions } from 'esbuild';
import { checkDocument, type Finding } from '../../src/core/check/checker';
import { citedSources, formatCitation, insertionText, withCitation, type DocFormat, type InsertOptions } from '../../src/core/references/citation';
import { dateStyleIn, findDates, formatDate } from '../../src/core/document/dates';
import { buildFactIndex, type FactIndex } from '../../src/core/facts/factIndex';
import { declaredLanguage, documentLanguage, languageSetting, scriptLanguage } from '../../src/core/document/language';
import { parsedWithForms, withGeneratedForms } from '../../src/core/facts/languageForms';
import { parsePackText } from '../../src/core/packs/packLoader';
import { buildSourcesSection } from '../../src/core/references/sourcesSection';
import { settingsFrom } from '../../src/core/settings';
import type { Fact, FactInLanguage } from '../../src/core/types';
import { CASES, type NounKind, personForms, phraseForms } from '../../src/core/facts/ukInflect';
import { parserFromWorkerCode } from '../../src/packs/packParsing';
import { bundled, projectRoot } from './helpers';

/** Ukrainian names of a few bundled facts, in the pack's own words. */
const UK: Record<string, FactInLanguage> = {
  'person.umerov': {
    label: 'Рустем Умєров',
    text: 'Рустем Умєров',
    aliases: ['Умєров', 'Умеров', 'Рустем Умеров'],
    name: { given: 'Рустем', family: 'Умєров', gender: 'masculine' },
  },
  'person.zelenskyy': {
    label: 'Володимир Зеленський',
    text: 'Володимир Зеленський, Президент України',
    aliases: ['Зеленський'],
    name: { given: 'Володимир', family: 'Зеленський', gender: 'masculine' },
  },
  'person.starmer': {
    label: 'Кір Стармер',
    text: 'Кір Стармер, прем’єр-міністр Великої Британії',
    aliases: ['Стармер'],
    name: { given: 'Кір', family: 'Стармер', gender: 'masculine' },
  },
  'person.shmyhal': {
    label: 'Денис Шмигаль',
    text: 'Денис Шмигаль',
    aliases: ['Шмигаль', 'Шмыгаль'],
    name: { given: 'Денис', family: 'Шмигаль', gender: 'masculine' },
  },
  'role.ua-defence-minister': { label: 'Міністр оборони України', text: 'міністр оборони України', aliases: ['міністр оборони'] },
  'role.nsdc-secretary': {
    label: 'Секретар РНБО',
    text: 'секретар Ради національної безпеки і оборони України',
    aliases: ['секретар РНБО', 'секретар Ради національної безпеки і оборони'],
  },
  'place.london': { label: 'Лондон', text: 'Лондон', aliases: ['Лондон'] },
  'place.the-hague': { label: 'Гаага', text: 'Гаага', aliases: ['Гаага'] },
  'org.verkhovna-rada': { label: 'Верховна Рада', text: 'Верховна Рада України', aliases: ['Верховна Рада'] },
};

/** A writer's pack with a Ukrainian name for its one person. */
const WRITER_PACK = `pack:\n  id: team\n  title: Team\n  version: 1.0.0\n  language: en\n  checked: 2025-07-01\nsources:\n  - id: s\n    title: Interview\n    publisher: Team\n    kind: other\n    language: uk\nfacts:\n  - id: team.kovalenko\n    kind: person\n    label: Olena Kovalenko\n    text: Olena Kovalenko\n    aliases: [Kovalenko]\n    citations: [{ source: s }]\n    languages:\n      uk:\n        label: Олена Коваленко\n        text: Олена Коваленко, аналітикиня\n        aliases: [Коваленко]\n        name: { given: Олена, family: Коваленко, gender: feminine }\n`;

let cached: FactIndex | undefined;
/** The bundled pack with the overlay, its forms generated as the build generates them. */
function ukIndex(): FactIndex {
  if (cached) return cached;
  const { loaded } = bundled();
  const facts: Fact[] = loaded.pack.facts.map((f) => (UK[f.id] ? { ...f, languages: { ...f.languages, uk: UK[f.id] } } : f));
  const pack = withGeneratedForms({ ...loaded.pack, facts });
  cached = buildFactIndex([{ ...loaded, pack }]).index;
  return cached;
}

/** The ids of the facts found at each match in a text. */
function found(text: string): string[] {
  return ukIndex()
    .findAll(text)
    .map((m) => `${text.slice(m.start, m.end)}=${m.values.map((v) => v.fact.id).join('+')}`);
}

suite('Ukrainian: names in every case', () => {
  const seven = (name: { given: string; family: string }): [string[], string[]] => {
    const forms = personForms({ ...name, gender: 'masculine' });
    return [forms.filter((f) => !f.includes(' ')), forms.filter((f) => f.includes(' '))];
  };

  test('Umerov: seven cases with and without the first name, both dative endings', () => {
    const [family, full] = seven({ given: 'Рустем', family: 'Умєров' });
    // nominative, genitive = accusative, dative, locative, ablative, vocative.
    assert.deepEqual(family.sort(), ['Умєров', 'Умєрова', 'Умєрове', 'Умєрові', 'Умєровим', 'Умєрову'].sort());
    for (const f of ['Рустем Умєров', 'Рустема Умєрова', 'Рустему Умєрову', 'Рустемові Умєрову', 'Рустемом Умєровим', 'Рустемові Умєрові', 'Рустеме Умєрове'])
      assert.ok(full.includes(f), f);
  });

  test('Zelenskyy declines as an adjective', () => {
    const [family, full] = seven({ given: 'Володимир', family: 'Зеленський' });
    assert.deepEqual(family.sort(), ['Зеленський', 'Зеленського', 'Зеленському', 'Зеленським'].sort());
    for (const f of ['Володимира Зеленського', 'Володимиру Зеленському', 'Володимиром Зеленським', 'Володимирові Зеленському', 'Володимире Зеленський'])
      assert.ok(full.includes(f), f);
  });

  test('Starmer and Shmyhal: a hard and a soft stem', () => {
    assert.deepEqual(seven({ given: 'Кір', family: 'Стармер' })[0].sort(), ['Стармер', 'Стармера', 'Стармере', 'Стармерові', 'Стармером', 'Стармеру'].sort());
    assert.deepEqual(seven({ given: 'Денис', family: 'Шмигаль' })[0].sort(), ['Шмигаль', 'Шмигалеві', 'Шмигалем', 'Шмигаля', 'Шмигалю'].sort());
    assert.ok(personForms({ given: 'Денис', family: 'Шмигаль', gender: 'masculine' }).includes('Денисом Шмигалем'));
  });

  test('a woman’s adjectival family name', () => {
    const forms = personForms({ given: 'Ольга', family: 'Стефанішина', gender: 'feminine' });
    for (const f of ['Стефанішиної', 'Ользі Стефанішиній', 'Ольгою Стефанішиною']) assert.ok(forms.includes(f), f);
  });

  test('places, institutions and roles: adjectives agree, the genitive after the head stays', () => {
    const all = (p: string, kind: NounKind = 'thing'): string[] => phraseForms(p, kind);
    assert.ok(all('Лондон').includes('Лондоні'));
    assert.ok(all('Гаага').includes('Гаазі'));
    assert.ok(all('Верховна Рада').includes('Верховною Радою'));
    assert.ok(all('Верховна Рада').includes('Верховній Раді'));
    assert.ok(all('Сполучене Королівство').includes('Сполученому Королівстві'));
    assert.ok(all('міністр оборони', 'person').includes('міністром оборони'));
    assert.ok(all('секретар РНБО', 'person').includes('секретаря РНБО'));
    assert.equal(CASES.length, 7);
  });

  test('the matcher finds every form, for hover, completion and the check', () => {
    assert.deepEqual(found('Зустріч Умєрова з Рустемові Умєрову не пов’язана.'), ['Умєрова=person.umerov', 'Рустемові Умєрову=person.umerov']);
    assert.deepEqual(found('Розмова зі Стармером і Зеленським у Лондоні.'), [
      'Стармером=person.starmer',
      'Зеленським=person.zelenskyy',
      'Лондоні=place.london',
    ]);
    assert.deepEqual(found('Ухвалено Верховною Радою; Шмигалем; у Гаазі.'), [
      'Верховною Радою=org.verkhovna-rada',
      'Шмигалем=person.shmyhal',
      'Гаазі=place.the-hague',
    ]);
    assert.deepEqual(found('Умеровим і Шмыгалем'), ['Умеровим=person.umerov', 'Шмыгалем=person.shmyhal'], 'other spellings decline too');
    // "Заява Умєрова" is his statement's own name; in other words the name is his.
    const at = ukIndex().findAt('Слова Умєрова.', 8);
    assert.equal(at[0]?.values[0].fact.id, 'person.umerov');
  });

  test('a form is never matched inside a longer word', () => {
    assert.deepEqual(found('Лондонський клуб; лондонці; Умєровими; ЗеленськийБот; Стармерівський'), []);
    assert.deepEqual(found('Гаагою-2'), ['Гаагою=place.the-hague']);
  });

  test('a writer’s pack gets its forms when it is parsed', () => {
    const yaml = WRITER_PACK;
    const r = parsedWithForms(parsePackText(yaml, 'team.yaml'));
    assert.deepEqual(
      r.problems.filter((p) => p.severity === 'error'),
      [],
    );
    const forms = r.pack!.facts[0].languages!.uk.forms!;
    for (const f of ['Олени Коваленко', 'Оленою Коваленко', 'Олені Коваленко']) assert.ok(forms.includes(f), f);
    const index = buildFactIndex([{ pack: r.pack!, locations: r.locations, origin: 'workspace' }]).index;
    assert.equal(index.findAll('з Оленою Коваленко')[0]?.values[0].fact.id, 'team.kovalenko');
  });

  test('the pack-parsing thread’s script, as the build writes it, generates them too', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { packWorkerBuildOptions } = require(path.join(projectRoot, 'scripts', 'pack-worker-build.js')) as {
      packWorkerBuildOptions: () => BuildOptions & { write: false };
    };
    const parse = parserFromWorkerCode(buildSync(packWorkerBuildOptions()).outputFiles[0].text);
    const r = parse(WRITER_PACK, 'team.yaml', {});
    assert.deepEqual(r.pack!.facts[0].languages!.uk.forms, parsedWithForms(parsePackText(WRITER_PACK, 'team.yaml')).pack!.facts[0].languages!.uk.forms);
  });
});

suite('Ukrainian: dates', () => {
  const iso = (text: string, year?: number): string[] =>
    findDates(text, year).map((d) => `${text.slice(d.start, d.end)}=${d.first}${d.last !== d.first ? `..${d.last}` : ''}${d.hasYear ? '' : '?'}`);

  test('genitive month names, with "року", "р." or nothing; day.month.year; a month', () => {
    assert.deepEqual(iso('Угоду підписали 16 січня 2025 року в Києві.'), ['16 січня 2025 року=2025-01-16']);
    assert.deepEqual(iso('16 січня 2025 р. і 23.06.2025'), ['16 січня 2025 р.=2025-01-16', '23.06.2025=2025-06-23']);
    assert.deepEqual(iso('Зустріч 23 червня 2025, потім 24–25 червня 2025 року'), ['23 червня 2025=2025-06-23', '24–25 червня 2025 року=2025-06-24']);
    assert.deepEqual(iso('У червні 2025 року; у вересні 2025'), ['червні 2025 року=2025-06-01..2025-06-30', 'вересні 2025=2025-09-01..2025-09-30']);
    assert.deepEqual(iso('31.02.2025 і 2025-06-23'), ['2025-06-23=2025-06-23'], 'no 31 February; ISO as in English');
  });

  test('a day without a year is marked so, and takes the year the caller gives', () => {
    assert.deepEqual(iso('24 червня Умєров виступив', 2025), ['24 червня=2025-06-24?']);
    assert.deepEqual(iso('24 червня Умєров виступив'), []);
  });

  test('written in Ukrainian, ISO staying ISO', () => {
    assert.equal(formatDate('2025-06-23', 'uk'), '23 червня 2025 року');
    assert.equal(formatDate('2025-06', 'uk'), 'червень 2025 року');
    assert.equal(formatDate('2025', 'uk'), '2025');
    assert.equal(dateStyleIn('en-GB', 'uk'), 'uk');
    assert.equal(dateStyleIn('iso', 'uk'), 'iso');
    assert.equal(dateStyleIn('en-US', 'en'), 'en-US');
    for (const d of ['2025-01-16', '2025-06-23', '2026-12-01'])
      assert.equal(findDates(`Це було ${formatDate(d, 'uk')}.`)[0].first, d, 'what it writes it reads');
  });
});

suite('Ukrainian: the document’s language', () => {
  test('declared in front matter, babel, polyglossia, <html lang>, AsciiDoc', () => {
    assert.equal(declaredLanguage('---\ntitle: x\nlang: uk-UA\n---\nText', 'markdown'), 'uk');
    assert.equal(declaredLanguage('---\nlanguage: en\n---\nТекст', 'markdown'), 'en');
    assert.equal(declaredLanguage('\\documentclass{article}\n\\usepackage[english,ukrainian]{babel}\n', 'latex'), 'uk');
    assert.equal(declaredLanguage('\\usepackage[ukrainian,english]{babel}\n', 'latex'), 'en', 'babel’s main language is its last');
    assert.equal(declaredLanguage('% \\usepackage[ukrainian]{babel}\n', 'latex'), undefined, 'a comment declares nothing');
    assert.equal(declaredLanguage('\\setmainlanguage{ukrainian}\n', 'latex'), 'uk');
    assert.equal(declaredLanguage('<!doctype html><html lang="uk"><body>', 'html'), 'uk');
    assert.equal(declaredLanguage('= Звіт\n:lang: uk\n', 'asciidoc'), 'uk');
    assert.equal(declaredLanguage('Plain text', 'plaintext'), undefined);
  });

  test('else its script: mostly Cyrillic prose is Ukrainian, Russian is not', () => {
    assert.equal(scriptLanguage('Угоду про столітнє партнерство підписали в Києві. See https://example.org/long/english/path'), 'uk');
    assert.equal(scriptLanguage('\\section{Вступ} Міністр оборони \\textbf{заявив}'), 'uk');
    assert.equal(scriptLanguage('The agreement was signed in Kyiv (Київ).'), 'en');
    assert.equal(scriptLanguage('Это было в Лондоне, сказал министр.'), 'en');
  });

  test('the setting wins over the document; unknown values are auto', () => {
    assert.equal(documentLanguage('The text', 'markdown', 'uk'), 'uk');
    assert.equal(documentLanguage('Текст українською мовою', 'markdown', 'en'), 'en');
    assert.equal(documentLanguage('Текст українською мовою', 'markdown', 'auto'), 'uk');
    assert.equal(languageSetting('fr'), 'auto');
    assert.equal(settingsFrom({ language: 'uk' }).language, 'uk');
  });
});

suite('Ukrainian: citations in each format', () => {
  const options = (format: DocFormat, atDate?: string): InsertOptions => ({ format, style: 'auto', dateStyle: 'uk', language: 'uk', atDate });
  const insert = (id: string, format: DocFormat, atDate?: string): string => {
    const index = ukIndex();
    const entry = index.fact(id)!;
    const sources = citedSources(entry, index).map((s) => s.source);
    const c = formatCitation(sources, options(format), '');
    return [withCitation(insertionText(entry, index, options(format, atDate)), c.inline), ...c.definitions.map((d) => d.text)].join('\n');
  };

  test('the fact’s Ukrainian text, the role held then in Ukrainian, and the date in Ukrainian in the reference', () => {
    const md = insert('person.umerov', 'markdown', '2025-01-16');
    assert.match(
      md,
      /^Рустем Умєров, Міністр оборони України\[\^[\w-]+\]\n\[\^[\w-]+\]: .+, \d{1,2} (?:січня|лютого|березня|квітня|травня|червня|липня|серпня|вересня|жовтня|листопада|грудня) \d{4} року\./,
    );
    const tex = insert('person.starmer', 'latex');
    assert.match(tex, /^Кір Стармер, прем’єр-міністр Великої Британії\\footnote\{.+ року/);
    assert.match(insert('person.zelenskyy', 'html'), /^Володимир Зеленський, Президент України<sup><a href=/);
    assert.match(insert('place.london', 'asciidoc'), /^Лондон footnote:|^Лондонfootnote:/);
    assert.match(insert('place.the-hague', 'restructuredtext'), /^Гаага\\ \[#[\w-]+\]_\n\.\. \[#/);
    assert.match(insert('org.verkhovna-rada', 'plaintext'), /^Верховна Рада України \(.+року.*\)$|^Верховна Рада України \(.+\)$/);
  });

  test('a fact with no Ukrainian text falls back to the pack’s', () => {
    const index = ukIndex();
    const healey = index.fact('person.healey')!;
    if (healey.fact.languages?.uk) return;
    assert.equal(insertionText(healey, index, options('markdown')), healey.fact.text);
  });

  test('a quote: the speaker in Ukrainian, "заявив", guillemets', () => {
    const index = ukIndex();
    const quote = index.facts.find((f) => f.fact.kind === 'quote' && f.fact.speaker === 'person.starmer' && f.wording)!;
    const words = insertionText(quote, index, options('markdown'));
    assert.match(words, /^Кір Стармер заявив:? «.+»$/);
  });

  test('the Sources section is headed "Джерела"; titles stay as published', () => {
    const index = ukIndex();
    const src = index.fact('person.umerov')!.sources[0];
    for (const format of ['markdown', 'latex', 'asciidoc', 'restructuredtext', 'html', 'plaintext'] as const) {
      const section = buildSourcesSection([src], { format, style: 'auto', dateStyle: 'uk', language: 'uk' });
      assert.match(section, /Джерела/, format);
      assert.ok(
        section.includes(src.source.title.replace(/"/g, '')) || format === 'latex' || /["']/.test(src.source.title),
        `${format}: the title as published`,
      );
    }
    assert.match(buildSourcesSection([src], { format: 'plaintext', style: 'auto', dateStyle: 'uk', language: 'uk' }), /Джерела\n=======\n/);
  });
});

suite('Ukrainian: the check', () => {
  const check = (text: string): Finding[] => checkDocument(text, ukIndex(), { format: 'markdown', style: 'auto', dateStyle: 'en-GB', today: '2026-12-01' });
  const roles = (text: string): string[] =>
    check(text)
      .filter((f) => f.code === 'role-not-held')
      .map((f) => text.slice(f.start, f.end));

  test('"міністр оборони Денис Шмигаль" at a date he did not hold the post gets the English sentence’s finding', () => {
    const uk = '1 грудня 2026 року міністр оборони Денис Шмигаль відвідав Лондон.';
    const en = 'On 1 December 2026 Defence Minister Denys Shmyhal visited London.';
    assert.deepEqual(roles(uk), ['міністр оборони']);
    const [a] = check(uk).filter((f) => f.code === 'role-not-held');
    const [b] = check(en).filter((f) => f.code === 'role-not-held');
    assert.equal(a.message, b.message);
    assert.deepEqual(roles('16 січня 2025 р. міністр оборони Денис Шмигаль прибув до Києва.'), ['міністр оборони'], 'he was Prime Minister then');
    assert.deepEqual(roles('10 жовтня 2025 року міністр оборони Денис Шмигаль прибув до Києва.'), []);
    assert.deepEqual(roles('23.06.2025 міністр оборони Рустем Умєров виступив.'), []);
  });

  test('in every case and spelling, with the year inherited from the paragraph before', () => {
    assert.deepEqual(roles('24 лютого 2026 року з міністром оборони Рустемом Умеровим зустрілися.'), ['міністром оборони']);
    assert.deepEqual(roles('## Переговори 10 січня 2026 року\n\n12 січня міністр оборони Денис Шмигаль виступив.'), []);
    assert.deepEqual(roles('## Переговори 10 січня 2026 року\n\n20 січня міністр оборони Денис Шмигаль виступив.'), ['міністр оборони']);
    assert.deepEqual(roles('Секретар РНБО Рустем Умєров 16 січня 2025 року виступив.'), ['Секретар РНБО']);
  });

  test('"колишній" and its kin say the role is not meant at that date', () => {
    assert.deepEqual(roles('1 грудня 2026 року колишній міністр оборони Денис Шмигаль відвідав Лондон.'), []);
    assert.deepEqual(roles('1 грудня 2026 року з тодішнім міністром оборони Денисом Шмигалем.'), []);
  });
});
