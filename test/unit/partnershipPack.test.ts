// The 100-year partnership in the bundled pack (data/partnership.yaml and the
// partnership facts of data/uk-ukraine.yaml): what a writer looks up is there,
// with the sources and statuses the record gives it.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { bundled, bundledPackPath, errors, loadPack } from './helpers';

const partnershipPath = path.join(path.dirname(bundledPackPath), 'partnership.yaml');

function fact(id: string) {
  const f = bundled().index.fact(id);
  assert.ok(f, `no fact ${id}`);
  return f;
}

function sourceIds(id: string): string[] {
  return fact(id).sources.map((s) => s.source.id);
}

/** The fact ids a phrase finds, inside a sentence. */
function found(phrase: string): string[] {
  const text = `In the draft, ${phrase}, as written.`;
  const start = text.indexOf(phrase);
  const m = bundled()
    .index.findAll(text)
    .find((x) => x.start === start && x.end === start + phrase.length);
  return m ? m.values.map((v) => v.fact.id) : [];
}

suite('partnership pack: its own file', () => {
  test('loads with no error problem and says the day its facts were checked', () => {
    const { loaded, result } = loadPack(fs.readFileSync(partnershipPath, 'utf8'), partnershipPath, 'bundled');
    assert.deepEqual(errors(result.problems), []);
    assert.equal(loaded.pack.meta.id, 'uk-ukraine-partnership');
    assert.equal(loaded.pack.meta.checked, '2026-12-01');
  });

  test('the bundle keeps the main pack\u2019s metadata', () => {
    assert.equal(bundled().loaded.pack.meta.id, 'uk-ukraine');
  });
});

suite('partnership pack: what a writer looks up', () => {
  const expected: [string, string][] = [
    ["six months' notice", 'provision.100yp.termination-notice'],
    ['International Agreements Committee', 'org.lords-international-agreements-committee'],
    ['Constitutional Reform and Governance Act 2010', 'term.crag-act'],
    ['CRaG', 'term.crag-act'],
    ['Grain Verification Scheme', 'term.grain-verification-scheme'],
    ['Mariinskyi Palace', 'place.mariinskyi-palace'],
    ['UK-Ukraine Agreement on Security Cooperation', 'agreement.security-agreement-2024'],
    ['Political, Free Trade and Strategic Partnership Agreement', 'agreement.strategic-partnership-2020'],
    ["Starmer's first visit to Kyiv", 'event.starmer-kyiv-visit-2025-01-16'],
    ['nine key pillars', 'figure.100yp-pillars'],
    ['15 Gravehawk missile systems', 'figure.gravehawk-systems'],
    ['набула чинності', 'event.entry-into-force-2025-10-15'],
  ];
  for (const [phrase, id] of expected) {
    test(`"${phrase}" finds ${id}`, () => {
      assert.ok(found(phrase).includes(id), `"${phrase}" finds ${JSON.stringify(found(phrase))}`);
    });
  }
});

suite('partnership pack: sources and statuses', () => {
  test('"nine pillars" rests on the Commons statement and the Commons Library; the 14 articles on one report', () => {
    const f = fact('figure.100yp-article-count').fact;
    assert.deepEqual(
      f.citations.map((c) => c.source),
      ['ep-2025-06'],
    );
    const nine = f.variants?.find((v) => v.value === 'nine pillars');
    assert.deepEqual(
      nine?.citations.map((c) => c.source),
      ['hansard-2025-01-20', 'commons-library'],
    );
    assert.equal(nine?.citations[0].evidence, 'across nine pillars');
  });

  test('the Commons statement is a parliamentary record, so its facts are confirmed', () => {
    const statement = fact('event.commons-statement-2025-01-20');
    assert.equal(statement.sources[0].source.kind, 'parliament');
    assert.equal(statement.status, 'confirmed');
    assert.equal(fact('figure.gravehawk-systems').status, 'confirmed');
  });

  test('six months\u2019 notice is cited to the Lords debate of 22 April 2025', () => {
    const f = fact('provision.100yp.termination-notice');
    assert.deepEqual(sourceIds(f.fact.id), ['hol-2025-04-22b']);
    assert.equal(f.sources[0].source.date, '2025-04-22');
    assert.equal(f.status, 'confirmed');
  });

  test('entry into force: Yevropeiska Pravda, Suspilne and LB.ua, the papers handed to the Commons Speaker the same day', () => {
    assert.deepEqual(sourceIds('event.entry-into-force-2025-10-15'), ['yp-2025-10-15', 'suspilne-2025-10-15', 'lb-2025-10-15']);
    assert.equal(fact('event.treaty-documents-handed-over-2025-10-15').fact.date, '2025-10-15');
  });

  test('the law signed on 18 September 2025 is now reported by two publishers', () => {
    assert.equal(fact('event.ratification-law-signed-2025-09-18').status, 'confirmed');
  });

  test('one prefix, one publisher: "ep-" is Euromaidan Press, Yevropeiska Pravda is "yp-"', () => {
    const sources = bundled().loaded.pack.sources;
    assert.equal(
      sources.find((s) => s.id === 'ep-2025-10-15'),
      undefined,
    );
    assert.equal(sources.find((s) => s.id === 'yp-2025-10-15')?.publisher, 'Yevropeiska Pravda');
    for (const s of sources.filter((x) => x.id.startsWith('ep-'))) assert.equal(s.publisher, 'Euromaidan Press', s.id);
  });

  test('the 2024 security agreement is dated and placed, with the UK government\u2019s own notice first', () => {
    const f = fact('event.security-agreement-signing-2024-01-12');
    assert.equal(f.fact.place, 'place.kyiv');
    assert.equal(f.sources[0].source.id, 'gov-uk-2024-01-12');
    assert.equal(fact('figure.security-agreement-2024-aid').fact.number, 2_500_000_000);
  });
});
