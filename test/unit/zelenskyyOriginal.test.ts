// Zelenskyy's post of 24 October 2025 on the OCTOPUS interceptor drone,
// written in Ukrainian: his words recorded verbatim, Censor.NET's English as
// a translation that turns "I showed" into "He demonstrated".

import assert from 'node:assert/strict';
import { checkDocument, type CheckOptions, type Finding } from '../../src/core/check/checker';
import { CORPUS_TODAY } from './checkerCorpus';
import { bundled } from './helpers';

function check(text: string, extra: Partial<CheckOptions> = {}): Finding[] {
  return checkDocument(text, bundled().index, {
    format: 'markdown',
    style: 'auto',
    dateStyle: 'en-GB',
    today: CORPUS_TODAY,
    documentDate: '2025-10-24',
    ...extra,
  });
}

function describe(text: string, findings: readonly Finding[]): string {
  return findings.map((f) => `${f.code} ${JSON.stringify(text.slice(f.start, f.end))}: ${f.message}`).join('\n') || '(none)';
}

const ORIGINAL =
  'Продемонстрував український дрон-перехоплювач OCTOPUS, які Велика Британія вироблятиме для подальшого тестування в Україні. Домовленість передбачає виробництво першої партії';

suite('quotes in the speaker’s own language: Zelenskyy’s post of 24 October 2025', () => {
  test('his Ukrainian words are recorded verbatim; Censor.NET’s English is a translation', () => {
    const quote = bundled().index.fact('quote.zelenskyy.octopus')!;
    assert.equal(quote.fact.speaker, 'person.zelenskyy');
    const [uk, en] = quote.fact.wordings!;
    assert.deepEqual([uk.kind, uk.language, uk.text, uk.citations[0].source], ['verbatim', 'uk', ORIGINAL, 'radio-svoboda-2025-10-24']);
    assert.deepEqual([en.kind, en.language, en.by], ['translation', 'en', 'Censor.NET']);
  });

  test('quoted as he wrote it, in a Ukrainian paragraph, it passes', () => {
    const text = `Після зустрічі зі Стармером 24 жовтня 2025 року Зеленський написав: «${ORIGINAL}».\n`;
    assert.deepEqual(check(text), [], describe(text, check(text)));
  });

  test('his words changed is a misquote, with his recorded words as the fix', () => {
    const text = '«Продемонстрував український дрон-перехоплювач OCTOPUS, які Велика Британія вироблятиме для тестування в Україні», — написав Зеленський.\n';
    const findings = check(text);
    assert.equal(findings.length, 1, describe(text, findings));
    assert.equal(findings[0].code, 'misquote');
    assert.equal(findings[0].data.wordingId, 'zelenskyy.octopus.uk');
    assert.match(findings[0].fixes[0].edits.map((e) => e.text).join(''), /вироблятиме для подальшого тестування в Україні/);
  });

  test('in English, Censor.NET’s translation is how he is quoted; its sentence in other words is a misquote', () => {
    const translation = 'Zelenskyy wrote that the UK would produce the drone: “The agreement provides for the production of the first batch”.\n';
    assert.deepEqual(check(translation), [], describe(translation, check(translation)));
    const text = 'Zelenskyy wrote: “The agreement provides for the manufacture of the first batch”.\n';
    const findings = check(text);
    assert.equal(findings[0]?.code, 'misquote', describe(text, findings));
  });
});
