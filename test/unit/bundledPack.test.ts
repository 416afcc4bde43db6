// The bundled pack, data/*.yaml merged: it loads cleanly and holds what
// ../shared/docs/FACTS.md says a writer will look up.

import assert from 'node:assert/strict';
import { FACT_KINDS } from '../../src/core/types';
import { bundled, describeProblems, errors } from './helpers';

suite('bundled pack: loads cleanly', () => {
  test('parsing gives no error problems', () => {
    const problems = bundled().results.flatMap((r) => r.problems);
    assert.deepEqual(errors(problems), [], describeProblems(problems));
  });

  test('indexing gives no error problems', () => {
    assert.deepEqual(errors(bundled().problems), [], describeProblems(bundled().problems));
  });

  test('every fact of the pack is in the index (none left out by a check)', () => {
    assert.equal(bundled().index.facts.length, bundled().loaded.pack.facts.length);
  });

  for (const kind of FACT_KINDS) {
    test(`it holds at least one fact of kind "${kind}"`, () => {
      assert.ok(bundled().index.byKind(kind).length > 0, `no ${kind} facts`);
    });
  }
});

suite('bundled pack: what a writer looks up is found by its alias', () => {
  const expected: [string, string][] = [
    ['Keir Starmer', 'person.starmer'],
    ['Zelensky', 'person.zelenskyy'],
    ['Zelenskiy', 'person.zelenskyy'],
    ['Zelenskyy', 'person.zelenskyy'],
    ['Володимир Зеленський', 'person.zelenskyy'],
    ['Umierov', 'person.umerov'],
    ['Umyerov', 'person.umerov'],
    ['Рустем Умєров', 'person.umerov'],
    ['The Hague', 'place.the-hague'],
    ['mega-project', 'term.mega-project'],
    ['100-year partnership', 'agreement.100-year-partnership'],
    ['16 January', 'event.kyiv-signing-2025-01-16'],
    ['23 June', 'event.london-visit-2025-06-23'],
    ['June 23', 'event.london-visit-2025-06-23'],
    ['23 June 2025', 'event.london-visit-2025-06-23'],
    ['24 June', 'event.nato-summit-2025'],
    ['Mykhailo Fedorov', 'person.fedorov'],
    ['Михайло Федоров', 'person.fedorov'],
    ['Yuliia Svyrydenko', 'person.svyrydenko'],
    ['Свириденко', 'person.svyrydenko'],
    ['Prime Minister of Ukraine', 'role.ua-prime-minister'],
    ['Foreign Secretary', 'role.uk-foreign-secretary'],
    ['Andriy Sybiga', 'person.sybiha'],
    ['Єрмак', 'person.yermak'],
    ['Sir Lindsay Hoyle', 'person.hoyle'],
    ['Rada Speaker', 'role.ua-rada-speaker'],
  ];

  for (const [alias, factId] of expected) {
    test(`"${alias}" in a sentence is found as ${factId}, covering exactly the words`, () => {
      const text = `As reported, ${alias}, in the draft.`;
      const start = text.indexOf(alias);
      const matches = bundled().index.findAll(text);
      const m = matches.find((x) => x.start === start);
      assert.ok(m, `no match at "${alias}"; found ${JSON.stringify(matches.map((x) => x.alias))}`);
      assert.equal(m.end, start + alias.length);
      assert.ok(
        m.values.some((v) => v.fact.id === factId),
        `"${alias}" stands for ${m.values.map((v) => v.fact.id).join(', ')}`,
      );
      const at = bundled().index.findAt(text, start + 1);
      assert.ok(
        at[0]?.values.some((v) => v.fact.id === factId),
        `hover inside "${alias}" finds nothing`,
      );
    });
  }

  test('"24 June" stands for both the NATO summit and Umerov\'s statement', () => {
    const ids = bundled()
      .index.findAll('on 24 June')[0]
      ?.values.map((v) => v.fact.id)
      .sort();
    assert.deepEqual(ids, ['event.nato-summit-2025', 'event.umerov-statement-2025-06-24']);
  });

  test('"Prime Minister" alone is not an alias (Ukraine has one too)', () => {
    assert.deepEqual(bundled().index.findAll('the Prime Minister said'), []);
  });

  test('common surnames and office words alone are not aliases', () => {
    for (const words of [
      'Cooper said',
      'Reeves said',
      'Harris said',
      'Marchenko said',
      'the Chancellor said',
      'the Deputy Prime Minister said',
      'the Energy Minister said',
    ]) {
      assert.deepEqual(
        bundled()
          .index.findAll(words)
          .map((m) => m.alias),
        [],
        words,
      );
    }
  });
});

suite('bundled pack: quotes and disputes', () => {
  test('Starmer\'s quote prefers his recorded verbatim words, "I’m really proud…"', () => {
    const q = bundled().index.fact('quote.starmer.co-production');
    assert.ok(q);
    assert.equal(q.wording?.kind, 'verbatim');
    assert.equal(q.wording?.preferred, true);
    assert.ok(q.wording?.text.startsWith('I\u2019m really proud'), q.wording?.text);
    assert.equal(q.fact.speaker, 'person.starmer');
  });

  test("Starmer's quote keeps the report's rendering, attributed to ep-2025-06 and not preferred", () => {
    const q = bundled().index.fact('quote.starmer.co-production')!;
    const rendering = q.fact.wordings?.find((w) => w.kind === 'rendering');
    assert.ok(rendering);
    assert.notEqual(rendering.preferred, true);
    assert.deepEqual(
      rendering.citations.map((c) => c.source),
      ['ep-2025-06'],
    );
    assert.ok(rendering.text.startsWith('I am very proud'));
  });

  test("Zelenskyy's quote has at least three wordings, the spoken English preferred", () => {
    const q = bundled().index.fact('quote.zelenskyy.co-production')!;
    assert.ok((q.fact.wordings?.length ?? 0) >= 3, `${q.fact.wordings?.length} wordings`);
    assert.equal(q.wording?.text, 'will be very strong and will transform both nations');
  });

  test('the article count is disputed, with the variant "nine pillars"', () => {
    const f = bundled().index.fact('figure.100yp-article-count')!;
    assert.equal(f.status, 'disputed');
    assert.equal(f.fact.number, 14);
    assert.ok(f.fact.variants?.some((v) => v.value === 'nine pillars'));
  });

  test('no fact claims a status its citations do not back', () => {
    for (const f of bundled().index.facts) {
      if (f.fact.status) assert.equal(f.status, f.fact.status, `${f.fact.id} is marked ${f.fact.status} but shows ${f.status}`);
    }
  });
});
