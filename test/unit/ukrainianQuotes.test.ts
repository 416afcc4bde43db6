// A statement made in Ukrainian: its original words are recorded verbatim
// (language uk) and its English versions as translations. Quoting the
// original in a Ukrainian paragraph is correct; quoting a back-translation as
// the speaker's words is a misquote, as it is in English.

import assert from 'node:assert/strict';
import { checkDocument, type CheckOptions, type Finding } from '../../src/core/check/checker';
import { CORPUS_TODAY } from './checkerCorpus';
import { bundled } from './helpers';

function check(text: string, extra: Partial<CheckOptions> = {}): Finding[] {
  return checkDocument(text, bundled().index, { format: 'markdown', style: 'auto', dateStyle: 'en-GB', today: CORPUS_TODAY, ...extra });
}

function describe(text: string, findings: readonly Finding[]): string {
  return findings.map((f) => `${f.code} ${JSON.stringify(text.slice(f.start, f.end))}: ${f.message}`).join('\n') || '(none)';
}

const ORIGINAL =
  'Поки триває війна, уся продукція спрямовуватиметься для потреб Сил оборони. Після її закінчення Велика Британія та Україна розподілятимуть між собою вироблені безпілотники';

suite('quotes in the speaker’s own language: Umerov’s post of 24 June 2025', () => {
  test('the bundled pack records his Ukrainian words verbatim and the English as a translation, each with its source', () => {
    const quote = bundled().index.fact('quote.umerov.wartime-drones')!;
    const [uk, en] = quote.fact.wordings!;
    assert.deepEqual([uk.kind, uk.language, uk.citations[0].source], ['verbatim', 'uk', 'hromadske-2025-06-24']);
    assert.equal(uk.text, ORIGINAL);
    assert.deepEqual([en.kind, en.language, en.by], ['translation', 'en', 'Espreso']);
    assert.equal(bundled().index.source('hromadske-2025-06-24')?.source.language, 'uk');
    // Every wording of a statement made in Ukrainian that is not in Ukrainian is a translation, and says whose.
    for (const q of bundled().index.byKind('quote')) {
      if (q.fact.language !== 'uk') continue;
      for (const w of q.fact.wordings ?? []) if (w.language !== 'uk') assert.ok(w.kind !== 'verbatim' && w.by, `${w.id}: ${w.kind} by ${w.by}`);
    }
  });

  test('the original quoted in a Ukrainian paragraph is correct', () => {
    for (const text of [
      `Міністр оборони Рустем Умєров 24 червня 2025 року пояснив: «${ORIGINAL}».\n`,
      '«Поки триває війна, уся продукція спрямовуватиметься для потреб Сил оборони», — написав Умєров.\n',
      '«Після її закінчення Велика Британія та Україна розподілятимуть між собою вироблені безпілотники», — зазначив Умєров.\n',
    ]) {
      assert.deepEqual(check(text, { documentDate: '2025-06-24' }), [], describe(text, check(text)));
    }
  });

  test('a back-translation of the English quoted as his words is flagged, naming his recorded words', () => {
    // Espreso's English put back into Ukrainian: not the words he wrote.
    const text = '«Поки триває війна, вся продукція буде спрямована на задоволення потреб Сил оборони», — написав Умєров.\n';
    const findings = check(text, { documentDate: '2025-06-24' });
    assert.equal(findings.length, 1, describe(text, findings));
    assert.equal(findings[0].code, 'unrecorded-quote');
    assert.match(findings[0].message, /Rustem Umerov’s remarks .* recorded: “Поки триває війна, уся продукція спрямовуватиметься для потреб Сил оборони\./);
  });

  test('a back-translation close to his words is a misquote, with the word diff and his words as the fix', () => {
    const text = '«Поки війна триває, уся продукція спрямовуватиметься на потреби Сил оборони», — написав Умєров.\n';
    const findings = check(text, { documentDate: '2025-06-24' });
    assert.equal(findings.length, 1, describe(text, findings));
    const [f] = findings;
    assert.equal(f.code, 'misquote');
    assert.equal(f.data.wordingId, 'umerov.wartime-drones.uk');
    assert.match(
      f.message,
      /Rustem Umerov’s words as recorded by Hromadske: Поки \[\+війна\] триває \[−війна\] уся продукція спрямовуватиметься \[−для потреб\] \[\+на потреби\] Сил оборони/,
    );
    assert.ok(
      f.data.diff?.some((d) => d.op === 'delete' && /для потреб/.test(d.text)),
      JSON.stringify(f.data.diff),
    );
    assert.ok(f.fixes.length > 0);
    const edits = f.fixes[0].edits.map((e) => e.text).join('');
    assert.match(edits, /Поки триває війна, уся продукція спрямовуватиметься для потреб Сил оборони/);
  });

  test('in English, Espreso’s translation is how he is quoted; a wording of its sentence with other words is a misquote', () => {
    assert.deepEqual(check('Umerov wrote: “While the war continues, all production will be directed to meet the needs of the Defense Forces”.\n'), []);
    const text = 'Umerov wrote: “While the war goes on, all output will be sent to meet the needs of the Defense Forces”.\n';
    const [f] = check(text);
    assert.equal(f?.code, 'misquote', describe(text, check(text)));
  });
});
