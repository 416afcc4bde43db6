// The check in Ukrainian prose with the bundled pack as it ships (its case
// forms generated): one person spelled several ways in Cyrillic, in every
// case; the forms generated for places, organisations, terms and events, and
// none Ukrainian never writes ("Київа"); quick fixes that write Ukrainian.

import assert from 'node:assert/strict';
import { checkDocument, type Finding } from '../../src/core/check/checker';
import { generatedForms } from '../../src/core/facts/languageForms';
import { phraseForms } from '../../src/core/facts/ukInflect';
import type { Fact } from '../../src/core/types';
import { bundled } from './helpers';

function check(text: string, date = '2026-03-02'): Finding[] {
  return checkDocument(text, bundled().index, { format: 'markdown', style: 'auto', dateStyle: 'en-GB', today: '2026-03-02', documentDate: date });
}

function spelling(text: string): { at: string; fix: string[] }[] {
  return check(text)
    .filter((f) => f.code === 'inconsistent-spelling')
    .map((f) => ({ at: text.slice(f.start, f.end), fix: f.fixes[0].edits.map((e) => `${text.slice(e.offset, e.offset + e.length)}→${e.text}`) }));
}

function fact(id: string): Fact {
  return bundled().loaded.pack.facts.find((f) => f.id === id)!;
}

suite('Ukrainian check: one person spelled several ways in Cyrillic', () => {
  test('"Умеров" beside "Умєров" is found in every case, and the fix writes the recorded spelling in that case', () => {
    const text = 'Рустем Умєров прибув. Зустріч з Умеровим тривала годину; слова Умерова підтвердили. Рустемові Умерову подякували.';
    const found = spelling(text);
    assert.deepEqual(
      found.map((f) => f.at),
      ['Умеровим', 'Умерова', 'Умерову'],
    );
    assert.deepEqual(found[0].fix, ['Умеровим→Умєровим', 'Умерова→Умєрова', 'Умерову→Умєрову']);
    const [first] = check(text).filter((f) => f.code === 'inconsistent-spelling');
    assert.match(first.message, /Умєров/);
    assert.equal(first.data.preferredSpelling, 'Умєров');
  });

  test('the recorded spelling is kept however often the other is written', () => {
    const text = 'Умеров заявив. Умеров додав. Умерова цитують. Умєров підтвердив.';
    assert.deepEqual(
      spelling(text).map((f) => f.at),
      ['Умеров', 'Умеров', 'Умерова'],
    );
  });

  test('one spelling throughout is consistent, and so is an English name beside a Ukrainian one', () => {
    assert.deepEqual(spelling('Президент призначив Рустема Умерова секретарем РНБО. Умеров подякував.'), []);
    assert.deepEqual(spelling('Rustem Umerov (Рустем Умєров) said so.'), []);
  });

  test('a spelling with a Russian letter is found alone in Ukrainian prose, in its case', () => {
    assert.deepEqual(spelling('Про це інформує видання з посиланням на повідомлення міністра оборони Дениса Шмыгаля.'), [
      { at: 'Шмыгаля', fix: ['Шмыгаля→Шмигаля'] },
    ]);
    assert.deepEqual(spelling('Під час зустрічі з Денисом Шмыгалем обговорили угоду.'), [{ at: 'Шмыгалем', fix: ['Шмыгалем→Шмигалем'] }]);
    // Russian prose writes it so: no finding there.
    assert.deepEqual(spelling('Об этом сообщил министр обороны Денис Шмыгаль.'), []);
  });

  test('never inside a longer word', () => {
    assert.deepEqual(spelling('Умєров прибув. Умеровими називали його людей; УмеровБот відповів.'), []);
  });

  test('the writer’s preferred spelling wins over the pack’s', () => {
    const text = 'Умєров прибув. Зустріч з Умеровим тривала.';
    const [f] = checkDocument(text, bundled().index, {
      format: 'markdown',
      style: 'auto',
      dateStyle: 'en-GB',
      today: '2026-03-02',
      spellings: { Умєров: 'Умеров' },
    }).filter((x) => x.code === 'inconsistent-spelling');
    assert.equal(text.slice(f.start, f.end), 'Умєров');
    assert.deepEqual(
      f.fixes[0].edits.map((e) => e.text),
      ['Умеров'],
    );
  });
});

suite('Ukrainian check: case forms of places, organisations, terms and events', () => {
  const forms = (id: string): string[] => fact(id).languages!.uk.forms ?? [];

  test('Kyiv: the forms the pack gives, never "Київа"', () => {
    assert.deepEqual(generatedForms(fact('place.kyiv'), 'uk', { ...fact('place.kyiv').languages!.uk, forms: [] }), []);
    assert.deepEqual(forms('place.kyiv').sort(), ['Києва', 'Києві', 'Києвом', 'Києву'].sort());
    assert.deepEqual(
      bundled()
        .index.findAll('до Києва, у Києві, Київа')
        .map((m) => m.alias),
      ['Києва', 'Києві'],
    );
  });

  test('a stem that changes ("замок", "Львів") or a noun whose gender its ending hides gets no guessed forms', () => {
    for (const p of ['Львів', 'замок', 'доповідь', 'зустріч', 'Даунінг-стріт']) assert.deepEqual(phraseForms(p), [], p);
    assert.ok(forms('place.windsor-castle').includes('Віндзорському замку'));
    assert.ok(!forms('place.windsor-castle').some((f) => /замоку|замокі|замка/.test(f)));
  });

  test('a town’s genitive in "-а", another thing’s in "-у"; no vocative for things; a masculine thing’s accusative is its nominative', () => {
    assert.deepEqual(phraseForms('Лондон', 'place').sort(), ['Лондона', 'Лондоні', 'Лондоном', 'Лондону'].sort());
    assert.ok(!phraseForms('Лондон').includes('Лондона'), 'a thing that is not a place');
    assert.ok(phraseForms('Північноатлантичний альянс').includes('Північноатлантичного альянсу'));
    assert.ok(!phraseForms('Північноатлантичний альянс').includes('Північноатлантичного альянса'));
    assert.ok(phraseForms('Маріїнський палац', 'place').includes('Маріїнського палацу'));
    assert.ok(phraseForms('Белфаст', 'place').includes('Белфаста'));
    assert.ok(!phraseForms('Верховна Рада').includes('Верховна Радо'));
    assert.ok(phraseForms('Верховна Рада').includes('Верховну Раду'));
  });

  test('the head noun is told from adjectives before it', () => {
    assert.deepEqual(phraseForms('Палата лордів').sort(), ['Палати лордів', 'Палаті лордів', 'Палату лордів', 'Палатою лордів'].sort());
    assert.ok(phraseForms('Спільна декларація').includes('Спільної декларації'));
    assert.ok(phraseForms('дорожня карта').includes('дорожньої карти'));
    assert.ok(phraseForms('тристороння декларація').includes('тристоронньої декларації'));
    assert.ok(phraseForms('призначення Шмигаля').includes('призначенням Шмигаля'));
  });

  test('labels with punctuation, and clauses with a verb, are not declined', () => {
    assert.deepEqual(phraseForms('Даунінг-стріт, 10'), []);
    assert.deepEqual(phraseForms('«Мегапроєкт» (так Умєров назвав програму)'), []);
    assert.deepEqual(phraseForms('перша у своєму роді'), []);
    assert.deepEqual(phraseForms('набула чинності'), []);
    assert.deepEqual(phraseForms('Стармер став прем’єр-міністром'), []);
  });

  test('an event is found in its cases: "під час візиту до Лондона"', () => {
    assert.ok(forms('event.london-visit-2025-06-23').includes('візиту до Лондона'));
    const text =
      'Президент України Володимир Зеленський вчора, 22 червня, під час візиту до Лондона зустрівся з британським прем’єр-міністром Кіром Стармером.';
    const [f] = check(text, '2025-06-24').filter((x) => x.code === 'wrong-event-date');
    assert.equal(text.slice(f.start, f.end), '22 червня');
  });
});

suite('Ukrainian check: quick fixes write Ukrainian', () => {
  test('a wrong date is rewritten as it was written', () => {
    const cases: [string, string][] = [
      ['У четвер, 17 січня 2025 року, Зеленський та Стармер у Києві підписали угоду про сторічне партнерство.', '16 січня 2025 року'],
      ['У четвер, 17 січня 2025 р., Зеленський та Стармер у Києві підписали угоду про сторічне партнерство.', '16 січня 2025 р.'],
      ['Україна та Британія 15 січня 2025 підписали угоду про сторічне партнерство.', '16 січня 2025'],
      ['Верховна Рада 19 вересня ратифікувала угоду про сторічне партнерство.', '17 вересня'],
    ];
    for (const [text, right] of cases) {
      const [f] = check(text, '2025-10-01').filter((x) => x.code === 'wrong-event-date');
      assert.ok(f, text);
      assert.deepEqual(
        f.fixes.map((x) => x.edits[0].text),
        [right],
        text,
      );
    }
  });

  test('a role not held is changed to the role held then, in Ukrainian and in the case written', () => {
    const fixes = (text: string): string[] =>
      check(text, '2026-02-24')
        .filter((x) => x.code === 'role-not-held')
        .flatMap((f) => f.fixes.map((x) => x.edits[0].text));
    assert.deepEqual(fixes('24 лютого 2026 року з міністром оборони Рустемом Умєровим зустрілися.'), ['секретарем РНБО', 'колишнім міністром оборони']);
    assert.deepEqual(fixes('Міністр оборони України Рустем Умєров прибув.'), ['Секретар РНБО', 'Колишній міністр оборони України']);
    assert.deepEqual(fixes('Про це повідомив секретар РНБО Рустем Умєров у Facebook 24 червня 2025 року.'), ['міністр оборони']);
  });
});
