// Dates written relative to an event or to the date before them, and the event-date check on them.

import assert from 'node:assert/strict';
import { checkDocument } from '../../src/core/check/checker';
import type { TextEdit } from '../../src/core/references/citation';
import { findRelativeDates, relationText } from '../../src/core/document/relativeDates';
import { ukRelationText } from '../../src/core/document/ukRelativeDates';
import { MAX_RELATIVES_PER_SENTENCE } from '../../src/core/check/rules/relativeEventDate';
import { bundled } from './helpers';

/** The text after a fix: every edit in offsets of the text before any. */
function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = '';
  let at = 0;
  for (const e of [...edits].sort((a, b) => a.offset - b.offset)) {
    out += text.slice(at, e.offset) + e.text;
    at = e.offset + e.length;
  }
  return out + text.slice(at);
}

function read(text: string): { phrase: string; days: number; unit: string; anchor?: string }[] {
  return findRelativeDates(text).map((r) => ({
    phrase: text.slice(r.start, r.end),
    days: r.days,
    unit: r.unit,
    ...(r.anchor ? { anchor: text.slice(r.anchor.start, r.anchor.end) } : {}),
  }));
}

suite('relative dates: reading them', () => {
  test('a distance and a relation, with what it counts from up to the end of its clause', () => {
    assert.deepEqual(read('Two days after the London talks, the UK announced the drone production agreement.'), [
      { phrase: 'Two days after', days: 2, unit: 'day', anchor: 'the London talks' },
    ]);
    assert.deepEqual(read('Zelensky was in London the day before the NATO summit opened in The Hague.'), [
      { phrase: 'the day before', days: -1, unit: 'day', anchor: 'the NATO summit opened in The Hague' },
    ]);
    assert.deepEqual(read('It came a week after the signing in Kyiv; nobody noticed.'), [
      { phrase: 'a week after', days: 7, unit: 'week', anchor: 'the signing in Kyiv' },
    ]);
    assert.deepEqual(read('Three weeks before the vote, the deal was laid.'), [{ phrase: 'Three weeks before', days: -21, unit: 'week', anchor: 'the vote' }]);
    assert.deepEqual(read('One day following the ratification and the signing'), [
      { phrase: 'One day following', days: 1, unit: 'day', anchor: 'the ratification' },
    ]);
  });

  test('counted from the date before: the next day, a day later, the day before with nothing named', () => {
    assert.deepEqual(read('The next day, Umerov wrote on Facebook.'), [{ phrase: 'The next day', days: 1, unit: 'day' }]);
    assert.deepEqual(read('Umerov set out the terms a day later.'), [{ phrase: 'a day later', days: 1, unit: 'day' }]);
    assert.deepEqual(read('Two days earlier, the Rada voted.'), [{ phrase: 'Two days earlier', days: -2, unit: 'day' }]);
    assert.deepEqual(read('The day before, he was in Windsor.'), [{ phrase: 'The day before', days: -1, unit: 'day' }]);
    assert.deepEqual(read('on the following day and the previous day'), [
      { phrase: 'the following day', days: 1, unit: 'day' },
      { phrase: 'the previous day', days: -1, unit: 'day' },
    ]);
    assert.deepEqual(read('Later that day he signed; the same day they met.'), [
      { phrase: 'Later that day', days: 0, unit: 'day' },
      { phrase: 'the same day', days: 0, unit: 'day' },
    ]);
  });

  test('approximate or vague distances are not dates', () => {
    assert.deepEqual(read('About two days after the talks, nearly a week after the vote, within a week of the summit.'), []);
    assert.deepEqual(read('Days after the signing, weeks before the vote, a few days later, several days after it.'), []);
    assert.deepEqual(read('The week before, nothing; two days after, nothing named.'), []);
    assert.deepEqual(read('a days after the talks, two day after the talks'), []);
  });

  test('offsets are in the text it was given, read between two offsets', () => {
    const text = 'First. Two days after the talks, more.';
    const [r] = findRelativeDates(text, 7, text.length);
    assert.equal(text.slice(r.start, r.end), 'Two days after');
    assert.equal(text.slice(r.anchor!.start, r.anchor!.end), 'the talks');
    assert.deepEqual(findRelativeDates(text, 0, 6), []);
  });

  test('a distance written for a fix', () => {
    assert.equal(relationText(2, 'day', true), 'Two days after');
    assert.equal(relationText(-1, 'day', false), 'the day before');
    assert.equal(relationText(0, 'day', true), 'On the day of');
    assert.equal(relationText(14, 'week', false), 'two weeks after');
    assert.equal(relationText(8, 'week', false), 'eight days after');
    assert.equal(relationText(-7, 'week', false), 'a week before');
  });
});

suite('relative dates: the event-date check', () => {
  function check(text: string, documentDate = '2025-06-30'): { code: string; at: string; message: string; fixed?: string }[] {
    return checkDocument(text, bundled().index, { format: 'markdown', style: 'auto', dateStyle: 'en-GB', today: '2026-03-02', documentDate }).map((f) => ({
      code: f.code,
      at: text.slice(f.start, f.end),
      message: f.message,
      ...(f.fixes[0] ? { fixed: applyEdits(text, f.fixes[0].edits) } : {}),
    }));
  }

  test('two known events put the wrong distance apart: the finding names both days, the fix writes the right relation', () => {
    const [f, ...rest] = check('Two days after the London talks, the UK announced the drone production agreement.');
    assert.deepEqual(rest, []);
    assert.equal(f?.code, 'wrong-event-date');
    assert.equal(f.at, 'Two days after');
    assert.match(f.message, /23 June 2025/);
    assert.equal(f.fixed, 'On the day of the London talks, the UK announced the drone production agreement.');
  });

  test('the right distance, or an event the check does not know, raises nothing', () => {
    assert.deepEqual(check('The day before the NATO summit opened in The Hague, Zelensky visited London.'), []);
    assert.deepEqual(check('Two days after the London talks, the weather turned.'), []);
    assert.deepEqual(check('A day after the UK announced Project Octopus, Ukraine announced the interceptor drone agreement.', '2025-09-12'), []);
  });

  test(`a sentence is judged for its first ${MAX_RELATIVES_PER_SENTENCE} relative dates: more make it a list, each judgement reading all of it`, () => {
    const { index } = bundled();
    const clause = 'two days after the London talks, the UK announced the drone production agreement';
    const found = (n: number): number[] =>
      checkDocument(`On the record, ${Array(n).fill(clause).join(', and ')}.`, index, { format: 'markdown', style: 'auto', dateStyle: 'en-GB' })
        .filter((f) => f.code === 'wrong-event-date')
        .map((f) => f.start);
    const each = clause.length + ', and '.length;
    assert.deepEqual(found(3), [15, 15 + each, 15 + 2 * each]);
    assert.deepEqual(
      found(MAX_RELATIVES_PER_SENTENCE + 2),
      Array.from({ length: MAX_RELATIVES_PER_SENTENCE }, (_, i) => 15 + i * each),
    );
    // Each sentence counts its own.
    const sentences = Array(MAX_RELATIVES_PER_SENTENCE + 2)
      .fill(`On the record, ${clause}.`)
      .join(' ');
    assert.equal(checkDocument(sentences, index, { format: 'markdown', style: 'auto', dateStyle: 'en-GB' }).length, MAX_RELATIVES_PER_SENTENCE + 2);
  });

  test('the next day after a date in the sentence before', () => {
    const text = 'Zelensky visited London on 23 June. Two days later, Umerov published the drone deal on Facebook.';
    const [f, ...rest] = check(text);
    assert.deepEqual(rest, []);
    assert.equal(f?.at, 'Two days later');
    assert.equal(f.fixed, 'Zelensky visited London on 23 June. On 24 June, Umerov published the drone deal on Facebook.');
    assert.deepEqual(check('Zelensky visited London on 23 June. The next day, Umerov published the drone deal on Facebook.'), []);
  });
});

suite('relative dates in Ukrainian: reading them', () => {
  const uk = (text: string): { phrase: string; days: number; unit: string; anchor?: string; base?: string; weekday?: number; period?: number }[] =>
    findRelativeDates(text).map((r) => ({
      phrase: text.slice(r.start, r.end),
      days: r.days,
      unit: r.unit,
      ...(r.anchor ? { anchor: text.slice(r.anchor.start, r.anchor.end) } : {}),
      ...(r.base ? { base: r.base } : {}),
      ...(r.weekday !== undefined ? { weekday: r.weekday } : {}),
      ...(r.period !== undefined ? { period: r.period } : {}),
    }));

  test('a distance and a relation, with what it counts from', () => {
    assert.deepEqual(uk('Через два дні після переговорів у Лондоні Британія оголосила угоду.'), [
      { phrase: 'Через два дні після', days: 2, unit: 'day', anchor: 'переговорів у Лондоні Британія' },
    ]);
    assert.deepEqual(uk('Зеленський прибув за день до саміту НАТО, коли лідери зібралися.'), [
      { phrase: 'за день до', days: -1, unit: 'day', anchor: 'саміту НАТО' },
    ]);
    assert.deepEqual(uk('Це сталося через тиждень після підписання; за п’ять днів до голосування теж.'), [
      { phrase: 'через тиждень після', days: 7, unit: 'week', anchor: 'підписання' },
      { phrase: 'за п’ять днів до', days: -5, unit: 'day', anchor: 'голосування теж' },
    ]);
  });

  test('counted from the date before: наступного дня, днем пізніше, двома днями раніше, того ж дня, напередодні alone', () => {
    assert.deepEqual(uk('Наступного дня Умєров написав у Facebook.'), [{ phrase: 'Наступного дня', days: 1, unit: 'day' }]);
    assert.deepEqual(uk('Днем пізніше він пояснив умови; двома днями раніше Рада проголосувала.'), [
      { phrase: 'Днем пізніше', days: 1, unit: 'day' },
      { phrase: 'двома днями раніше', days: -2, unit: 'day' },
    ]);
    assert.deepEqual(uk('Того ж дня вони зустрілися; у той самий день — теж.'), [
      { phrase: 'Того ж дня', days: 0, unit: 'day' },
      { phrase: 'у той самий день', days: 0, unit: 'day' },
    ]);
    assert.deepEqual(uk('Напередодні, 22 червня, він був у Віндзорі. Напередодні ввечері — теж.'), [
      { phrase: 'Напередодні', days: -1, unit: 'day' },
      { phrase: 'Напередодні', days: -1, unit: 'day' },
    ]);
  });

  test('counted from the story’s date: вчора, позавчора, сьогодні, a weekday with any apostrophe, a week or a month', () => {
    assert.deepEqual(uk('Вчора й учора, позавчора, сьогодні.'), [
      { phrase: 'Вчора', days: -1, unit: 'day', base: 'document' },
      { phrase: 'учора', days: -1, unit: 'day', base: 'document' },
      { phrase: 'позавчора', days: -2, unit: 'day', base: 'document' },
      { phrase: 'сьогодні', days: 0, unit: 'day', base: 'document' },
    ]);
    for (const apostrophe of ["'", '’', 'ʼ'])
      assert.deepEqual(uk(`Угоду підписали в п${apostrophe}ятницю.`), [
        { phrase: `в п${apostrophe}ятницю`, days: 0, unit: 'day', base: 'document', weekday: 5 },
      ]);
    assert.deepEqual(
      uk('У понеділок, у неділю, у середу, минулого четверга, минулої суботи.').map((r) => r.weekday),
      [1, 0, 3, 4, 6],
    );
    assert.deepEqual(uk('Минулого тижня і цього місяця, на цьому тижні, минулого місяця.'), [
      { phrase: 'Минулого тижня', days: 0, unit: 'week', base: 'document', period: -1 },
      { phrase: 'цього місяця', days: 0, unit: 'month', base: 'document', period: 0 },
      { phrase: 'на цьому тижні', days: 0, unit: 'week', base: 'document', period: 0 },
      { phrase: 'минулого місяця', days: 0, unit: 'month', base: 'document', period: -1 },
    ]);
  });

  test('vague or approximate words are not dates, nor a word inside a longer one', () => {
    assert.deepEqual(uk('Днями він сказав, що нещодавно приблизно за тиждень до саміту все вирішили; за кілька днів до голосування теж.'), []);
    assert.deepEqual(uk('Напередодні саміту НАТО лідери скоординували позиції.'), []);
    assert.deepEqual(uk('Сьогоднішній день, вчорашні новини, понеділкова зустріч, завчора.'), []);
    assert.deepEqual(uk('за тиждень після підписання, через два день після, через дні після зустрічі'), []);
  });

  test('a distance written in Ukrainian for a fix', () => {
    assert.equal(ukRelationText(2, 'day', true), 'Через два дні після');
    assert.equal(ukRelationText(-1, 'day', false), 'за день до');
    assert.equal(ukRelationText(5, 'day', false), "через п'ять днів після");
    assert.equal(ukRelationText(-14, 'week', false), 'за два тижні до');
    assert.equal(ukRelationText(0, 'day', true), 'У день');
  });
});

suite('relative dates in Ukrainian: the event-date check', () => {
  function check(text: string, documentDate?: string): { at: string; message: string; fixed?: string }[] {
    return checkDocument(text, bundled().index, { format: 'markdown', style: 'auto', dateStyle: 'en-GB', today: '2026-03-02', documentDate })
      .filter((f) => f.code === 'wrong-event-date')
      .map((f) => ({ at: text.slice(f.start, f.end), message: f.message, ...(f.fixes[0] ? { fixed: applyEdits(text, f.fixes[0].edits) } : {}) }));
  }
  const RATIFIED = ' Верховна Рада ратифікувала угоду про сторічне партнерство між Україною та Великою Британією.';

  test('“вчора” in a story dated the day of the event: the finding counts from the story’s date, the fix writes “сьогодні”', () => {
    const [f, ...rest] = check(`Учора${RATIFIED}`, '2025-09-17');
    assert.deepEqual(rest, []);
    assert.equal(f?.at, 'Учора');
    assert.match(f.message, /was on 17 September 2025; “Учора” from 17 September 2025 \(the document’s date\) is 16 September 2025/);
    assert.equal(f.fixed, `Сьогодні${RATIFIED}`);
    assert.deepEqual(check(`Учора${RATIFIED}`, '2025-09-18'), []);
    assert.deepEqual(check(`Сьогодні${RATIFIED}`, '2025-09-17'), []);
  });

  test('a weekday, with any apostrophe, is judged by the event’s weekday; the fix keeps the writer’s apostrophe', () => {
    assert.deepEqual(check(`У середу${RATIFIED}`, '2025-09-19'), []);
    for (const apostrophe of ["'", '’', 'ʼ']) {
      const [f, ...rest] = check(`В п${apostrophe}ятницю${RATIFIED}`, '2025-09-19');
      assert.deepEqual(rest, []);
      assert.equal(f?.at, `В п${apostrophe}ятницю`);
      assert.equal(f.fixed, `В середу${RATIFIED}`);
    }
    const [mon] = check(`У понеділок Зеленський та Стармер підписали угоду про сторічне партнерство.`, '2025-01-17');
    assert.equal(mon?.fixed, 'У четвер Зеленський та Стармер підписали угоду про сторічне партнерство.');
  });

  test('a week or a month counted from the story’s date', () => {
    const text = 'Угода про сторічне партнерство України та Великої Британії минулого тижня офіційно набула чинності.';
    assert.equal(check(text, '2025-10-15')[0]?.fixed, text.replace('минулого тижня', 'цього тижня'));
    assert.deepEqual(check(text, '2025-10-21'), []);
    const month = text.replace('минулого тижня', 'минулого місяця');
    assert.equal(check(month, '2025-10-20')[0]?.fixed, text.replace('минулого тижня', 'цього місяця'));
    assert.deepEqual(check(month, '2025-11-03'), []);
  });

  test('not judged: in quotation marks, in a sentence with its own date, without a story date, or far from the event', () => {
    assert.deepEqual(check(`«Учора${RATIFIED}» — сказав він.`, '2025-09-17'), []);
    assert.deepEqual(check(`Учора, 17 вересня,${RATIFIED}`, '2025-09-17'), []);
    assert.deepEqual(check(`Учора${RATIFIED}`), []);
    assert.deepEqual(check(`Учора${RATIFIED}`, '2025-12-01'), []);
    assert.deepEqual(check('Сьогодні Україна та Британія будують партнерство на століття.', '2025-09-17'), []);
    assert.deepEqual(check(`Днями${RATIFIED}`, '2025-09-25'), []);
  });

  test('counted from a named event, with no comma before what happened: the fix writes the relation in Ukrainian', () => {
    const text = 'Через три тижні після ратифікації угоди про сторічне партнерство Верховною Радою угода про сторічне партнерство набула чинності.';
    const [f, ...rest] = check(text, '2025-11-24');
    assert.deepEqual(rest, []);
    assert.equal(f?.at, 'Через три тижні після');
    assert.match(f.message, /was on 15 October 2025, four weeks after “Verkhovna Rada ratifies the 100-year partnership”/);
    assert.equal(f.fixed, text.replace('Через три тижні після', 'Через чотири тижні після'));
    assert.deepEqual(check(text.replace('Через три тижні після', 'Через чотири тижні після'), '2025-11-24'), []);
  });

  test('counted from the date before: “наступного дня” after a date in the sentence before; “того ж дня” when it was', () => {
    const text = 'Зеленський прибув до Лондона 23 червня. Наступного дня Умєров оголосив про спільне виробництво дронів.';
    const [f, ...rest] = check(text, '2025-06-25');
    assert.deepEqual(rest, []);
    assert.equal(f?.at, 'Наступного дня');
    assert.match(f.message, /“Наступного дня” from 23 червня is 24 June 2025/);
    assert.equal(f.fixed, text.replace('Наступного дня', '23 червня'));
    assert.deepEqual(check(text.replace('Наступного дня', 'Того ж дня'), '2025-06-25'), []);
  });
});
