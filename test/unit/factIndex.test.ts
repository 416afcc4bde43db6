// factIndex.buildFactIndex: what no single pack can check alone (ids across
// packs, references, statuses), and roles by date.

import assert from 'node:assert/strict';
import { heldOn } from '../../src/core/facts/factIndex';
import { findsAlone, MIN_ALIAS_LETTERS } from '../../src/core/facts/judgeFact';
import type { RoleHeld } from '../../src/core/types';
import { bundled, describeProblems, factYaml, indexOf, lineOf, packYaml, prng, withCode } from './helpers';

const BUNDLED = 'data/bundled.yaml';
const WS = 'workspace/.factpacks/mine.yaml';

suite('factIndex: facts across packs', () => {
  test('a fact id used in the bundled pack and a workspace pack: the bundled one wins, both files get a problem', () => {
    const bundledText = packYaml(factYaml('shared.id', { lines: ['note: from the bundled pack'] }));
    const wsText = packYaml(factYaml('mine.first'), factYaml('shared.id', { lines: ['note: from the workspace'] }));
    const { index, problems } = indexOf([
      { text: bundledText, file: BUNDLED, origin: 'bundled' },
      { text: wsText, file: WS },
    ]);

    assert.equal(index.fact('shared.id')?.fact.note, 'from the bundled pack');
    assert.equal(index.fact('shared.id')?.pack.origin, 'bundled');
    assert.ok(index.fact('mine.first'), "the workspace pack's other facts are still used");

    const dup = withCode(problems, 'duplicate-id').filter((p) => /fact id "shared\.id"/.test(p.message));
    const inWs = dup.find((p) => p.file === WS);
    const inBundled = dup.find((p) => p.file === BUNDLED);
    assert.ok(inWs && inBundled, describeProblems(problems));
    assert.match(inWs.message, /already used in the bundled pack; this one is ignored/);
    assert.match(inBundled.message, new RegExp(`used again in ${WS.replace(/[./]/g, '\\$&')}, where it is ignored`));
    assert.equal(inWs.range.start.line, lineOf(wsText, '- id: shared.id'));
    assert.equal(inBundled.range.start.line, lineOf(bundledText, '- id: shared.id'));
  });

  test('a source id defined twice across packs is reported in both, the first kept', () => {
    const { index, problems } = indexOf([
      { text: packYaml(factYaml('a1')), file: BUNDLED, origin: 'bundled' },
      { text: packYaml(factYaml('b1')).replace('title: Source A', 'title: Another A'), file: WS },
    ]);
    assert.equal(index.source('src-a')?.source.title, 'Source A');
    const dup = withCode(problems, 'duplicate-id').filter((p) => /source id "src-a"/.test(p.message));
    assert.deepEqual(dup.map((p) => p.file).sort(), [BUNDLED, WS].sort());
  });

  test('a citation of a source no pack defines is reported at that source reference, and the fact left out', () => {
    const text = packYaml(factYaml('f1'), factYaml('f2', { omit: ['citations'], lines: ['citations:', '  - source: src-nowhere'] }));
    const { index, problems } = indexOf([{ text, file: WS }]);
    const p = withCode(problems, 'unknown-source');
    assert.equal(p.length, 1, describeProblems(problems));
    assert.match(p[0].message, /Fact "f2" cites source "src-nowhere", which no pack defines/);
    assert.equal(p[0].file, WS);
    assert.equal(p[0].range.start.line, lineOf(text, 'source: src-nowhere'));
    assert.equal(index.fact('f2'), undefined);
    assert.ok(index.fact('f1'));
  });

  test('a role pointing to a fact that is not a role is wrong-kind, at the role reference', () => {
    const text = packYaml(
      factYaml('place.x', { kind: 'place' }),
      factYaml('person.p', { kind: 'person', lines: ['roles:', '  - role: place.x', '    citations:', '      - source: src-a'] }),
    );
    const { index, problems } = indexOf([{ text, file: WS }]);
    const p = withCode(problems, 'wrong-kind');
    assert.equal(p.length, 1, describeProblems(problems));
    assert.match(p[0].message, /role "place\.x" is a place, not a role/);
    assert.equal(p[0].range.start.line, lineOf(text, 'role: place.x'));
    assert.equal(index.fact('person.p'), undefined);
  });

  test('a quote whose speaker is not a person is wrong-kind', () => {
    const text = packYaml(factYaml('org.x', { kind: 'organisation' }), quoteYaml('q1', { speaker: 'org.x' }));
    const { problems } = indexOf([{ text, file: WS }]);
    const p = withCode(problems, 'wrong-kind');
    assert.equal(p.length, 1, describeProblems(problems));
    assert.match(p[0].message, /speaker "org\.x" is a organisation, not a person|speaker "org\.x" is an? organisation, not a person/);
    assert.equal(p[0].range.start.line, lineOf(text, 'speaker: org.x'));
  });

  test('a speaker that is no fact at all is unknown-fact', () => {
    const { problems } = indexOf([{ text: packYaml(quoteYaml('q1', { speaker: 'person.ghost' })), file: WS }]);
    assert.match(withCode(problems, 'unknown-fact')[0]?.message ?? '', /speaker "person\.ghost" is not a fact in any pack/);
  });

  test('a quote with two preferred wordings asks to mark one', () => {
    const text = packYaml(factYaml('person.s', { kind: 'person' }), quoteYaml('q1', { preferred: [true, true] }));
    const { index, problems } = indexOf([{ text, file: WS }]);
    const p = withCode(problems, 'quote-preferred');
    assert.equal(p.length, 1, describeProblems(problems));
    assert.match(p[0].message, /marks 2 wordings as preferred; mark one/);
    assert.equal(p[0].range.start.line, lineOf(text, '- id: w1'), 'reported at the list of wordings');
    assert.equal(index.fact('q1'), undefined);
  });

  test("a quote preferring a rendering is refused: it is not the speaker's own words", () => {
    const text = packYaml(factYaml('person.s', { kind: 'person' }), quoteYaml('q1', { preferred: [false, true], secondKind: 'rendering' }));
    const { problems } = indexOf([{ text, file: WS }]);
    const p = withCode(problems, 'quote-preferred');
    assert.equal(p.length, 1, describeProblems(problems));
    assert.match(p[0].message, /prefers a rendering, which is not the speaker's own words/);
  });

  test('a translation without "by" is a warning, and the quote is still indexed', () => {
    const text = packYaml(factYaml('person.s', { kind: 'person' }), quoteYaml('q1', { secondKind: 'translation', omitBy: true }));
    const { index, problems } = indexOf([{ text, file: WS }]);
    const p = withCode(problems, 'wording-by');
    assert.equal(p.length, 1, describeProblems(problems));
    assert.equal(p[0].severity, 'warning');
    assert.ok(index.fact('q1'));
  });

  test('a quote without wordings or speaker says what it needs', () => {
    const { problems } = indexOf([{ text: packYaml(factYaml('q1', { kind: 'quote' })), file: WS }]);
    assert.ok(withCode(problems, 'quote-speaker').length === 1 && withCode(problems, 'quote-wordings').length === 1, describeProblems(problems));
  });

  test('"status: confirmed" on one publisher is status-overclaims, and the status shown is "reported"', () => {
    const text = packYaml(factYaml('f1', { lines: ['status: confirmed'] }));
    const { index, problems } = indexOf([{ text, file: WS }]);
    const p = withCode(problems, 'status-overclaims');
    assert.equal(p.length, 1, describeProblems(problems));
    assert.match(p[0].message, /marked "confirmed", but its citations back only "reported" \(one publisher \(Publisher A\)\)/);
    assert.equal(p[0].range.start.line, lineOf(text, 'status: confirmed'));
    assert.equal(index.fact('f1')?.status, 'reported');
  });

  test('two publishers earn "confirmed"; one earns "reported"; an official record earns "confirmed"', () => {
    const record = ['  - id: src-rec', '    title: Hansard', '    publisher: UK Parliament', '    kind: parliament', '    language: en', 'facts:'].join('\n');
    const withRecord = packYaml(
      factYaml('two', { omit: ['citations'], lines: ['citations:', '  - source: src-a', '  - source: src-b'] }),
      factYaml('one'),
      factYaml('record', { omit: ['citations'], lines: ['citations:', '  - source: src-rec'] }),
    ).replace('facts:', record);
    const { index, problems } = indexOf([{ text: withRecord, file: WS }]);
    assert.deepEqual(problems, []);
    assert.equal(index.fact('two')?.status, 'confirmed');
    assert.equal(index.fact('one')?.status, 'reported');
    assert.equal(index.fact('record')?.status, 'confirmed');
    assert.match(index.fact('record')!.statusReason, /official record \(UK Parliament\)/);
  });

  test('a fact with variants is disputed, even when declared confirmed', () => {
    const variants = ['variants:', '  - value: another value', '    citations:', '      - source: src-b'];
    const text = packYaml(factYaml('v1', { lines: variants }), factYaml('v2', { lines: [...variants, 'status: confirmed'] }));
    const { index, problems } = indexOf([{ text, file: WS }]);
    assert.equal(index.fact('v1')?.status, 'disputed');
    assert.equal(index.fact('v2')?.status, 'disputed');
    assert.equal(withCode(problems, 'status-overclaims').length, 1, describeProblems(problems));
  });

  test('an event ending before it starts is bad-period, at its endDate', () => {
    const text = packYaml(factYaml('e1', { lines: ['date: "2025-06-25"', 'endDate: "2025-06-24"'] }));
    const { index, problems } = indexOf([{ text, file: WS }]);
    const p = withCode(problems, 'bad-period');
    assert.equal(p.length, 1, describeProblems(problems));
    assert.match(p[0].message, /ends \(2025-06-24\) before it starts \(2025-06-25\)/);
    assert.equal(p[0].range.start.line, lineOf(text, 'endDate:'));
    assert.equal(index.fact('e1'), undefined);
  });

  test('a role ending before it starts is bad-period, at its "to"', () => {
    const text = packYaml(
      factYaml('role.r', { kind: 'role' }),
      factYaml('person.p', {
        kind: 'person',
        lines: ['roles:', '  - role: role.r', '    from: "2025-07-18"', '    to: "2025-07-01"', '    citations:', '      - source: src-a'],
      }),
    );
    const { problems } = indexOf([{ text, file: WS }]);
    const p = withCode(problems, 'bad-period');
    assert.equal(p.length, 1, describeProblems(problems));
    assert.match(p[0].message, /role "role\.r" ends \(2025-07-01\) before it starts \(2025-07-18\)/);
    assert.equal(p[0].range.start.line, lineOf(text, 'to: "2025-07-01"'));
  });

  test('a role from and to the same partial month is a valid period', () => {
    const text = packYaml(
      factYaml('role.r', { kind: 'role' }),
      factYaml('person.p', {
        kind: 'person',
        lines: ['roles:', '  - role: role.r', '    from: "2025-07-18"', '    to: "2025-07"', '    citations:', '      - source: src-a'],
      }),
    );
    assert.deepEqual(indexOf([{ text, file: WS }]).problems, []);
  });

  test('a role on a fact that is not a person is not-a-person', () => {
    const text = packYaml(
      factYaml('role.r', { kind: 'role' }),
      factYaml('place.p', { kind: 'place', lines: ['roles:', '  - role: role.r', '    citations:', '      - source: src-a'] }),
    );
    const { problems } = indexOf([{ text, file: WS }]);
    assert.match(withCode(problems, 'not-a-person')[0]?.message ?? '', /"place\.p" is a place; only people hold roles/);
  });

  test('the maxFacts cap leaves the rest out, with one message naming the cap and the first fact left out', () => {
    const text = packYaml(factYaml('f1'), factYaml('f2'), factYaml('f3'), factYaml('f4'));
    const { index, problems } = indexOf([{ text, file: WS }], { maxFacts: 2 });
    assert.deepEqual(
      index.facts.map((f) => f.fact.id),
      ['f1', 'f2'],
    );
    const p = withCode(problems, 'too-many-facts');
    assert.equal(p.length, 1, describeProblems(problems));
    assert.match(p[0].message, /at most 2 facts; fact "f3" and those after it are left out/);
    assert.equal(p[0].range.start.line, lineOf(text, '- id: f3'));
  });

  test('the maxAliases cap leaves a fact out with a message', () => {
    const text = packYaml(factYaml('f1'), factYaml('f2'));
    const { index, problems } = indexOf([{ text, file: WS }], { maxAliases: 3 });
    assert.deepEqual(
      index.facts.map((f) => f.fact.id),
      ['f1'],
    );
    assert.match(withCode(problems, 'too-many-aliases')[0]?.message ?? '', /fact "f2" is left out/);
  });

  test('events get date aliases ("23 June", "June 23, 2025") unless dateAliases is false', () => {
    const text = packYaml(factYaml('e1', { lines: ['date: "2025-06-23"'] }), factYaml('e2', { lines: ['date: "2025-06-24"', 'dateAliases: false'] }));
    const { index } = indexOf([{ text, file: WS }]);
    assert.deepEqual(
      index.findAll('on 23 June')[0]?.values.map((v) => v.fact.id),
      ['e1'],
    );
    assert.deepEqual(
      index.findAll('June 23, 2025').map((m) => m.alias),
      ['June 23, 2025'],
    );
    assert.deepEqual(index.findAll('on 24 June'), []);
  });
});

suite('factIndex: roles by date', () => {
  const role = (from?: string, to?: string): RoleHeld => ({ role: 'r', from, to, citations: [] });

  test('heldOn: partial dates cover their whole month or year', () => {
    assert.equal(heldOn(role('2023-09', '2025-07'), '2023-08-31'), false);
    assert.equal(heldOn(role('2023-09', '2025-07'), '2023-09-01'), true);
    assert.equal(heldOn(role('2023-09', '2025-07'), '2025-07-31'), true);
    assert.equal(heldOn(role('2023-09', '2025-07'), '2025-08-01'), false);
    assert.equal(heldOn(role('2024', '2024'), '2024-12-31'), true);
    assert.equal(heldOn(role('2024', '2024'), '2025-01-01'), false);
  });

  test('heldOn: open ends are open', () => {
    assert.equal(heldOn(role(undefined, undefined), '1900-01-01'), true);
    assert.equal(heldOn(role('2025-07-18'), '2099-12-31'), true);
    assert.equal(heldOn(role('2025-07-18'), '2025-07-17'), false);
    assert.equal(heldOn(role(undefined, '2025-07-16'), '2000-01-01'), true);
    assert.equal(heldOn(role(undefined, '2025-07-16'), '2025-07-17'), false);
  });

  const rolesOf = (person: string, date: string): string[] =>
    bundled()
      .index.rolesAt(person, date)
      .map((r) => r.role?.fact.label ?? r.held.role);

  test('Umerov on 23 June 2025 is Minister of Defence of Ukraine', () => {
    assert.deepEqual(rolesOf('person.umerov', '2025-06-23'), ['Minister of Defence of Ukraine']);
  });

  test('Umerov on 17 July 2025 holds neither post (Defence until 16 July, NSDC from 18 July)', () => {
    assert.deepEqual(rolesOf('person.umerov', '2025-07-16'), ['Minister of Defence of Ukraine']);
    assert.deepEqual(rolesOf('person.umerov', '2025-07-17'), []);
    assert.deepEqual(rolesOf('person.umerov', '2025-07-18'), ['Secretary of the National Security and Defence Council of Ukraine']);
  });

  test('Umerov on 24 February 2026 is NSDC Secretary', () => {
    assert.deepEqual(rolesOf('person.umerov', '2026-02-24'), ['Secretary of the National Security and Defence Council of Ukraine']);
  });

  test("Umerov's Defence post starts on 6 September 2023, the day of the Rada's vote", () => {
    assert.deepEqual(rolesOf('person.umerov', '2023-09-05'), []);
    assert.deepEqual(rolesOf('person.umerov', '2023-09-06'), ['Minister of Defence of Ukraine']);
  });

  test('every role holder in the bundled pack has a start date for each role', () => {
    const undated = bundled()
      .index.byKind('person')
      .flatMap((e) => (e.fact.roles ?? []).filter((r) => !r.from).map((r) => `${e.fact.id}: ${r.role}`));
    assert.deepEqual(undated, []);
  });

  test('Shmyhal is Prime Minister until 16 July 2025 and Minister of Defence from 17 July 2025', () => {
    assert.deepEqual(rolesOf('person.shmyhal', '2020-03-03'), []);
    assert.deepEqual(rolesOf('person.shmyhal', '2025-01-16'), ['Prime Minister of Ukraine']);
    assert.deepEqual(rolesOf('person.shmyhal', '2025-07-16'), ['Prime Minister of Ukraine']);
    assert.deepEqual(rolesOf('person.shmyhal', '2025-07-17'), ['Minister of Defence of Ukraine']);
  });

  test('Shmyhal leaves Defence on 13 January 2026 and is First Deputy Prime Minister and Energy Minister from 14 January', () => {
    assert.deepEqual(rolesOf('person.shmyhal', '2026-01-13'), ['Minister of Defence of Ukraine']);
    assert.deepEqual(rolesOf('person.shmyhal', '2026-01-14').sort(), ['First Deputy Prime Minister of Ukraine', 'Minister of Energy of Ukraine']);
    assert.deepEqual(rolesOf('person.shmyhal', '2026-01-14').sort(), ['First Deputy Prime Minister of Ukraine', 'Minister of Energy of Ukraine']);
  });

  test('Fedorov is Minister of Defence from 14 January 2026; before it, Digital Transformation', () => {
    assert.deepEqual(rolesOf('person.fedorov', '2026-01-13').sort(), [
      'First Deputy Prime Minister of Ukraine',
      'Minister of Digital Transformation of Ukraine',
    ]);
    assert.deepEqual(rolesOf('person.fedorov', '2026-01-14'), ['Minister of Defence of Ukraine']);
    assert.deepEqual(rolesOf('person.fedorov', '2025-06-23'), ['Minister of Digital Transformation of Ukraine']);
  });

  test('Lammy is Foreign Secretary until the reshuffle of 5 September 2025, and Cooper after it', () => {
    assert.deepEqual(rolesOf('person.lammy', '2025-01-20'), ['UK Foreign Secretary']);
    assert.deepEqual(rolesOf('person.lammy', '2025-09-06').sort(), ['Deputy Prime Minister of the United Kingdom', 'UK Justice Secretary']);
    assert.deepEqual(rolesOf('person.cooper', '2025-09-04'), ['UK Home Secretary']);
    assert.deepEqual(rolesOf('person.cooper', '2025-09-06'), ['UK Foreign Secretary']);
  });

  test('Yermak heads the Presidential Office until 28 November 2025, Budanov from 2 January 2026', () => {
    assert.deepEqual(rolesOf('person.yermak', '2025-11-28'), ['Head of the Office of the President of Ukraine']);
    assert.deepEqual(rolesOf('person.yermak', '2025-11-29'), []);
    assert.deepEqual(rolesOf('person.budanov', '2026-01-01'), []);
    assert.deepEqual(rolesOf('person.budanov', '2026-01-02'), ['Head of the Office of the President of Ukraine']);
  });

  test('Svyrydenko is Prime Minister from 17 July 2025', () => {
    assert.deepEqual(rolesOf('person.svyrydenko', '2025-07-16').sort(), ['First Deputy Prime Minister of Ukraine', 'Minister of Economy of Ukraine']);
    assert.deepEqual(rolesOf('person.svyrydenko', '2025-07-17'), ['Prime Minister of Ukraine']);
  });

  test("roleHistory lists a person's roles oldest first", () => {
    assert.deepEqual(
      bundled()
        .index.roleHistory('person.umerov')
        .map((r) => r.held.role),
      ['role.ua-defence-minister', 'role.nsdc-secretary'],
    );
  });

  test('rolesAt of an unknown person or a fact without roles is empty', () => {
    assert.deepEqual(bundled().index.rolesAt('person.nobody', '2025-06-23'), []);
    assert.deepEqual(bundled().index.rolesAt('place.kyiv', '2025-06-23'), []);
  });
});

interface QuoteOptions {
  speaker?: string;
  preferred?: [boolean, boolean];
  secondKind?: 'verbatim' | 'translation' | 'rendering';
  omitBy?: boolean;
}

/** A quote by `person.s` with two wordings. */
function quoteYaml(id: string, options: QuoteOptions = {}): string {
  const [p1, p2] = options.preferred ?? [true, false];
  return factYaml(id, {
    kind: 'quote',
    lines: [
      `speaker: ${options.speaker ?? 'person.s'}`,
      'wordings:',
      '  - id: w1',
      '    text: "the words as spoken"',
      '    kind: verbatim',
      '    language: en',
      '    citations:',
      '      - source: src-a',
      `    preferred: ${p1}`,
      '  - id: w2',
      '    text: "the words as retold"',
      `    kind: ${options.secondKind ?? 'rendering'}`,
      '    language: en',
      ...(options.omitBy ? [] : ['    by: Publisher B']),
      '    citations:',
      '      - source: src-b',
      `    preferred: ${p2}`,
    ],
  });
}

suite('factIndex: one-letter names', () => {
  test('a one-letter label is not used to find the fact in a draft, with a warning at the label; its aliases still find it', () => {
    const text = packYaml(factYaml('x1', { omit: ['label'], lines: ['label: X'] }));
    const { index, problems } = indexOf([{ text, file: WS }]);
    assert.ok(index.fact('x1'), 'the fact is still used');
    assert.deepEqual(index.findAll('An X marks a box, x and X again.'), [], 'no letter of the draft is taken for the fact');
    assert.deepEqual(
      index.findAll('see alias x1 here').map((m) => m.alias),
      ['alias x1'],
    );
    const short = withCode(problems, 'short-alias');
    assert.equal(short.length, 1, describeProblems(problems));
    assert.equal(short[0].severity, 'warning');
    assert.equal(short[0].file, WS);
    assert.equal(short[0].range.start.line, lineOf(text, 'label: X'));
    assert.match(short[0].message, /"X".*at least 2 letters/);
  });
});

suite('factIndex: which names find a fact alone', () => {
  test('findsAlone counts letters and digits as the Unicode classes do, on 50,000 random names', () => {
    const chars = ['a', 'Z', '7', ' ', '.', '-', 'є', 'Ш', '’', '٣', '𝐀', '😀', '\ud800', '\u0301', '中', '_', 'ß'];
    const r = prng(20261203);
    for (let i = 0; i < 50_000; i++) {
      let name = '';
      for (let k = r.int(6); k > 0; k--) name += r.pick(chars);
      const expected = name.replace(/[^\p{L}\p{N}]/gu, '').length >= MIN_ALIAS_LETTERS;
      assert.equal(findsAlone(name), expected, JSON.stringify(name));
    }
  });
});
