// dates: ISO dates in packs, dates as writers type them, and the date a
// paragraph speaks of.

import assert from 'node:assert/strict';
import { dateAliases, findDates, formatDate, isoSpan, parseIsoDate } from '../../src/core/document/dates';
import { DocumentModel } from '../../src/core/document/model';

/** The paragraph's own date at an offset, as every feature reads it; undefined where the paragraph names none with a year. */
function dateInQuestion(text: string, offset: number): { iso: string; written?: string } | undefined {
  const d = new DocumentModel(text, 'plaintext', { today: '2026-12-01' }).dateInQuestionAt(offset);
  return d.source === 'paragraph' ? { iso: d.iso, written: d.written } : undefined;
}

suite('dates: parseIsoDate', () => {
  test('full, month-only and year-only dates parse', () => {
    assert.deepEqual(parseIsoDate('2025-06-23'), { year: 2025, month: 6, day: 23 });
    assert.deepEqual(parseIsoDate('2025-06'), { year: 2025, month: 6 });
    assert.deepEqual(parseIsoDate('2025'), { year: 2025 });
  });

  test('29 February exists only in leap years (2024, 2000; not 2025, 1900)', () => {
    assert.ok(parseIsoDate('2024-02-29'));
    assert.ok(parseIsoDate('2000-02-29'));
    assert.equal(parseIsoDate('2025-02-29'), undefined);
    assert.equal(parseIsoDate('1900-02-29'), undefined);
  });

  test('impossible days and months are refused', () => {
    for (const bad of ['2025-02-30', '2025-13-01', '2025-00-01', '2025-04-31', '2025-06-00', '2025-06-32']) {
      assert.equal(parseIsoDate(bad), undefined, bad);
    }
  });

  test('other forms are refused', () => {
    for (const bad of ['23 June 2025', '2025/06/23', '2025-6-23', '25-06-23', '2025-06-23T00:00', ' 2025-06-23', '']) {
      assert.equal(parseIsoDate(bad), undefined, JSON.stringify(bad));
    }
  });

  test('isoSpan gives the first and last day a partial date covers', () => {
    assert.deepEqual(isoSpan('2024-02'), { first: '2024-02-01', last: '2024-02-29' });
    assert.deepEqual(isoSpan('2025'), { first: '2025-01-01', last: '2025-12-31' });
    assert.deepEqual(isoSpan('2025-06-23'), { first: '2025-06-23', last: '2025-06-23' });
  });
});

suite('dates: formatDate', () => {
  test('a full date in each style', () => {
    assert.equal(formatDate('2025-06-23', 'en-GB'), '23 June 2025');
    assert.equal(formatDate('2025-06-23', 'en-US'), 'June 23, 2025');
    assert.equal(formatDate('2025-06-23', 'iso'), '2025-06-23');
  });

  test('a date early in the month has no leading zero', () => {
    assert.equal(formatDate('2025-01-06', 'en-GB'), '6 January 2025');
    assert.equal(formatDate('2025-01-06', 'en-US'), 'January 6, 2025');
  });

  test('partial dates print only what they know', () => {
    assert.equal(formatDate('2025-06', 'en-GB'), 'June 2025');
    assert.equal(formatDate('2025-06', 'en-US'), 'June 2025');
    assert.equal(formatDate('2025-06', 'iso'), '2025-06');
    assert.equal(formatDate('2025', 'en-GB'), '2025');
  });

  test('text that is not a date is printed as given', () => {
    assert.equal(formatDate('sometime', 'en-GB'), 'sometime');
  });
});

suite('dates: dateAliases', () => {
  test('23 June 2025 is found however a writer types it', () => {
    const aliases = dateAliases('2025-06-23');
    for (const a of ['23 June', 'June 23', '23 June 2025', 'June 23, 2025', '23rd June', '23rd June 2025', 'June 23rd', '23 Jun', '2025-06-23']) {
      assert.ok(aliases.includes(a), `missing "${a}"`);
    }
  });

  test('ordinals are right for 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 22nd', () => {
    const ord = (iso: string): string | undefined =>
      dateAliases(iso)
        .find((a) => /^\d+[a-z]{2} /.test(a))
        ?.split(' ')[0];
    assert.deepEqual(
      ['01', '02', '03', '04', '11', '12', '13', '21', '22'].map((d) => ord(`2025-03-${d}`)),
      ['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd'],
    );
  });

  test('May has no separate short form, and partial dates have no aliases', () => {
    const may = dateAliases('2025-05-05');
    assert.equal(new Set(may).size, may.length, 'no alias is listed twice');
    assert.deepEqual(dateAliases('2025-06'), []);
    assert.deepEqual(dateAliases('2025'), []);
  });
});

suite('dates: findDates', () => {
  const spans = (text: string, year?: number): string[] =>
    findDates(text, year).map((d) => `${text.slice(d.start, d.end)} = ${d.first}${d.last !== d.first ? `..${d.last}` : ''}`);

  test('finds "16 January 2025", "January 16, 2025" and "2025-01-16"', () => {
    const text = 'Signed 16 January 2025; US style January 16, 2025; ISO 2025-01-16.';
    assert.deepEqual(spans(text), ['16 January 2025 = 2025-01-16', 'January 16, 2025 = 2025-01-16', '2025-01-16 = 2025-01-16']);
  });

  test('finds a month and year, "June 2025", as the whole month', () => {
    const d = findDates('agreed in June 2025 in London');
    assert.deepEqual(spans('agreed in June 2025 in London'), ['June 2025 = 2025-06-01..2025-06-30']);
    assert.equal(d[0].hasDay, false);
  });

  test('skips "16 January" without a year unless a default year is given', () => {
    assert.deepEqual(findDates('signed on 16 January in Kyiv'), []);
    const withYear = findDates('signed on 16 January in Kyiv', 2025);
    assert.equal(withYear.length, 1);
    assert.equal(withYear[0].first, '2025-01-16');
    assert.equal(withYear[0].hasYear, false);
  });

  test('finds ordinals, "of", abbreviations and ranges', () => {
    assert.deepEqual(spans('the 12th of January 2024'), ['12th of January 2024 = 2024-01-12']);
    assert.deepEqual(spans('on Sept. 11, 2025'), ['Sept. 11, 2025 = 2025-09-11']);
    assert.deepEqual(spans('the summit on 24\u201325 June 2025'), ['24\u201325 June 2025 = 2025-06-24']);
  });

  test('skips impossible dates', () => {
    assert.deepEqual(findDates('on 30 February 2025 and 2025-13-01'), []);
  });
});

suite('dates: the date a paragraph speaks of', () => {
  test('picks the nearest dated mention in the same paragraph', () => {
    const text = 'On 23 June 2025 Umerov described the deal. By 18 July 2025 he had a new post.';
    assert.equal(dateInQuestion(text, text.indexOf('Umerov'))?.iso, '2025-06-23');
    assert.equal(dateInQuestion(text, text.indexOf('he had'))?.iso, '2025-07-18');
    assert.equal(dateInQuestion(text, text.indexOf('Umerov'))?.written, '23 June 2025');
  });

  test('ignores dates in other paragraphs', () => {
    const text = 'Signed on 16 January 2025.\n\nUmerov spoke about it.\n\nLater, on 17 September 2025, the Rada voted.';
    assert.equal(dateInQuestion(text, text.indexOf('Umerov')), undefined);
  });

  test('paragraphs separated by CRLF blank lines are told apart too', () => {
    const text = 'Signed on 16 January 2025.\r\n\r\nUmerov spoke about it.';
    assert.equal(dateInQuestion(text, text.indexOf('Umerov')), undefined);
  });

  test('a date without a year does not count', () => {
    const text = 'On 24 June Umerov spoke.';
    assert.equal(dateInQuestion(text, text.indexOf('Umerov')), undefined);
  });

  test('on a tie, the date before the cursor wins', () => {
    const text = '1 May 2025 xx 2 May 2025';
    const end1 = '1 May 2025'.length;
    const start2 = text.indexOf('2 May');
    const middle = (end1 + start2) / 2;
    assert.equal(middle - end1, start2 - middle);
    assert.equal(dateInQuestion(text, middle)?.iso, '2025-05-01');
  });
});
