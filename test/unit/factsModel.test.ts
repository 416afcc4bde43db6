// Facts that stay true: reading a role as of the day it was last checked,
// counting independent origins rather than publishers, contractions and
// spelling variants, the order of sources, disputed recordings, and the
// generated docs/FACTBASE.md.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { roleStateDuring, roleStateOn } from '../../src/core/facts/asOf';
import { compilePackFiles } from '../../src/core/packs/compilePack';
import { bundleOrder, factBasePage, mergeForBundle } from '../../src/core/packs/buildTools';
import { renderCard, type CardOptions } from '../../src/core/cite/card';
import { checkDocument, recordingMatchedAt, type CheckOptions } from '../../src/core/check/checker';
import { citedSources, sourceRank, strongestFirst } from '../../src/core/references/citation';
import { parsePackText } from '../../src/core/packs/packLoader';
import { earnedStatus, independentOrigins, wordingDispute } from '../../src/core/facts/status';
import type { Fact, RoleHeld, Source } from '../../src/core/types';
import { wordTokens } from '../../src/core/check/wordDiff';
import { canonicalSpelling, canonicalWords } from '../../src/core/facts/wordForms';
import { bundled, bundledFiles, indexOf, PACK_HEAD, projectRoot, unescapeMarkdown } from './helpers';

const role = (from?: string, to?: string, checked?: string): RoleHeld => ({ role: 'role.x', from, to, checked, citations: [] });

suite('facts as of the day they were last checked', () => {
  test('an open-ended role holds up to its checked day and is unconfirmed after it', () => {
    assert.equal(roleStateOn(role('2025-07-18'), '2026-12-01', '2026-12-01'), 'held');
    assert.equal(roleStateOn(role('2025-07-18'), '2026-12-02', '2026-12-01'), 'unconfirmed');
    assert.equal(roleStateOn(role('2025-07-18'), '2025-07-17', '2026-12-01'), 'not-held');
  });

  test('a role with a recorded end is judged as it stands, whatever the checked day', () => {
    assert.equal(roleStateOn(role('2025-07-17', '2026-01-13'), '2026-12-01', '2025-09-01'), 'not-held');
    assert.equal(roleStateOn(role('2025-07-17', '2026-01-13'), '2025-12-01', '2025-09-01'), 'held');
  });

  test('a span of days holds if any day of it is known; a role without a checked day is open as before', () => {
    assert.equal(roleStateDuring(role('2025-07-18'), '2026-11-01', '2027-01-31', '2026-12-01'), 'held');
    assert.equal(roleStateDuring(role('2025-07-18'), '2027-01-01', '2027-01-31', '2026-12-01'), 'unconfirmed');
    assert.equal(roleStateOn(role('2025-07-18'), '2099-01-01', undefined), 'held');
  });

  test("the role period's own checked day wins over the fact's, and the fact's over the pack's", () => {
    const text = `${PACK_HEAD.replace('checked: "2026-12-01"', 'checked: "2025-12-01"')}  - id: role.chair
    kind: role
    label: Chair
    text: chair
    aliases: [Chair]
    citations: [{ source: src-a }]
  - id: person.a
    kind: person
    label: Anna Example
    text: Anna Example
    aliases: [Anna Example]
    roles:
      - { role: role.chair, from: "2024-01-01", checked: "2026-06-01", citations: [{ source: src-a }] }
    citations: [{ source: src-a }]
  - id: person.b
    kind: person
    label: Boris Example
    text: Boris Example
    aliases: [Boris Example]
    checked: "2026-03-01"
    roles:
      - { role: role.chair, from: "2024-01-01", citations: [{ source: src-a }] }
    citations: [{ source: src-a }]
  - id: person.c
    kind: person
    label: Carla Example
    text: Carla Example
    aliases: [Carla Example]
    roles:
      - { role: role.chair, from: "2024-01-01", citations: [{ source: src-a }] }
    citations: [{ source: src-a }]
`;
    const { index, problems } = indexOf([{ text, file: 'as-of.yaml' }]);
    assert.deepEqual(
      problems.filter((p) => p.severity === 'error'),
      [],
    );
    const stateOn = (id: string, date: string): string => index.roleStatesAt(id, date)[0].state;
    assert.equal(stateOn('person.a', '2026-05-01'), 'held');
    assert.equal(stateOn('person.b', '2026-05-01'), 'unconfirmed');
    assert.equal(stateOn('person.c', '2026-01-01'), 'unconfirmed');
    assert.deepEqual(index.rolesAt('person.c', '2026-01-01'), [], 'rolesAt lists only roles known to hold');
  });

  test('a pack without "checked" is a located error', () => {
    const text = PACK_HEAD.replace('  checked: "2026-12-01"\n', '').replace(/facts:\n$/, 'facts: []\n');
    const r = parsePackText(text, 'no-checked.yaml');
    const p = r.problems.find((x) => /checked/.test(x.message));
    assert.ok(p, JSON.stringify(r.problems));
    assert.equal(p.severity, 'error');
    assert.equal(p.file, 'no-checked.yaml');
    assert.ok(p.range.start.line <= 5, `in the pack: block, not at line ${p.range.start.line}`);
  });
});

suite('the hover card reads roles as of the checked day', () => {
  const base: CardOptions = { dateStyle: 'en-GB', today: '2026-12-01' };
  const card = (id: string, options: Partial<CardOptions> = {}): string => {
    const { index } = bundled();
    return unescapeMarkdown(renderCard(index.fact(id)!, index, { ...base, ...options }));
  };

  test('an open-ended role says since when, and when it was last checked', () => {
    assert.match(
      card('person.umerov', { today: '2026-02-24' }),
      /- Secretary of the National Security and Defence Council of Ukraine: since 18 July 2025 · last checked 24 February 2026 — .* ◀/,
    );
    assert.match(
      card('person.umerov'),
      /- Secretary of the National Security and Defence Council of Ukraine: since 18 July 2025 · last checked 24 February 2026 — [^◀\n]*\n/,
    );
  });

  test('after the checked day the card does not say the role holds', () => {
    const c = card('person.umerov', { contextDate: { iso: '2027-02-01', written: '1 February 2027' } });
    assert.match(
      c,
      /\*\*Role on 1 February 2027:\*\* Secretary of the National Security and Defence Council of Ukraine\? \*not known past 24 February 2026, when it was last checked\*/,
    );
    assert.ok(!/^- Secretary of the National Security and Defence Council of Ukraine: [^\n]*◀$/m.test(c), 'no current-role mark past the checked day');
  });

  test('Shmyhal on 1 December 2026 holds no defence post; on 16 January 2025 he was Prime Minister', () => {
    const dec = card('person.shmyhal', { contextDate: { iso: '2026-12-01', written: '1 December 2026' } });
    assert.ok(!/\*\*Role on 1 December 2026:\*\*[^\n]*Minister of Defence/.test(dec), dec);
    assert.match(dec, /- Minister of Defence of Ukraine: 17 July 2025 – 13 January 2026/);
    const jan = card('person.shmyhal', { contextDate: { iso: '2025-01-16', written: '16 January 2025' } });
    assert.match(jan, /\*\*Role on 16 January 2025:\*\* Prime Minister of Ukraine/);
  });

  test('Fedorov is Minister of Defence on 19 January 2026, as of that day; on 1 December 2026 it is not known', () => {
    const c = card('person.fedorov', { contextDate: { iso: '2026-01-19', written: '19 January 2026' } });
    assert.match(c, /\*\*Role on 19 January 2026:\*\* Minister of Defence of Ukraine/);
    assert.match(c, /- Minister of Defence of Ukraine: since 14 January 2026 · last checked 19 January 2026/);
    const dec = card('person.fedorov', { contextDate: { iso: '2026-12-01', written: '1 December 2026' } });
    assert.match(dec, /\*\*Role on 1 December 2026:\*\* Minister of Defence of Ukraine\? \*not known past 19 January 2026, when it was last checked\*/);
  });

  test('sources are listed strongest first: Reuters before the aggregator copy of Euromaidan Press', () => {
    const c = card('person.starmer');
    const reuters = c.indexOf('**Source:** Reuters');
    const ep = c.indexOf('**Source:** Euromaidan Press');
    assert.ok(reuters >= 0 && ep >= 0 && reuters < ep, c);
  });
});

suite('role-unconfirmed and role-not-held', () => {
  const options = (extra: Partial<CheckOptions> = {}): CheckOptions => ({
    format: 'markdown',
    style: 'auto',
    dateStyle: 'en-GB',
    today: '2026-12-01',
    ...extra,
  });
  const check = (text: string, extra: Partial<CheckOptions> = {}) => checkDocument(text, bundled().index, options(extra));

  test('an open-ended role at a date after the checked day is an information finding of its own code', () => {
    const [f, ...rest] = check('On 5 January 2027 NSDC Secretary Rustem Umerov met British officials.');
    assert.deepEqual(rest, []);
    assert.equal(f.code, 'role-unconfirmed');
    assert.equal(f.severity, 'info');
    assert.match(f.message, /last confirmed on 24 February 2026.*check it still holds on 5 January 2027/);
  });

  test('on the checked day itself, and before it, the role holds: no finding', () => {
    assert.deepEqual(check('On 24 February 2026 NSDC Secretary Rustem Umerov met British officials.'), []);
    assert.deepEqual(check('Defence Minister Mykhailo Fedorov spoke in London on 19 January 2026.'), []);
  });

  test('the rule can be switched off on its own', () => {
    assert.deepEqual(check('On 5 January 2027 NSDC Secretary Rustem Umerov met British officials.', { rules: { 'role-unconfirmed': false } }), []);
  });

  test('a role with a recorded end is judged as today: Shmyhal as Defence Minister on 1 December 2026 is role-not-held', () => {
    const [f] = check('Defence Minister Denys Shmyhal visited London on 1 December 2026.');
    assert.equal(f?.code, 'role-not-held');
    assert.match(f.message, /17 July 2025 to 13 January 2026/);
    assert.ok(
      f.fixes.some((x) => /former/.test(x.title)),
      f.fixes.map((x) => x.title).join('; '),
    );
  });
});

const src = (id: string, publisher: string, kind: Source['kind'] = 'outlet', extra: Partial<Source> = {}): Source => ({
  id,
  title: id,
  publisher,
  kind,
  language: 'en',
  ...extra,
});

suite('independent origins', () => {
  const sources = [
    src('afp', 'AFP', 'wire'),
    src('ki', 'The Kyiv Independent', 'outlet', { basedOn: ['afp'] }),
    src('ki2', 'Other Outlet', 'outlet', { basedOn: ['ki'] }),
    src('pa', 'PA', 'wire'),
    src('pa-indy', 'PA', 'wire', { via: 'The Independent' }),
    src('lost', 'Somebody', 'outlet', { basedOn: ['not-in-any-pack'] }),
    src('lost2', 'Somebody Else', 'outlet', { basedOn: ['not-in-any-pack'] }),
  ];
  const sourceOf = (id: string): Source | undefined => sources.find((s) => s.id === id);
  const cite = (...ids: string[]) => ids.map((source) => ({ source }));

  test('a source and those it is based on, transitively, are one origin', () => {
    assert.equal(independentOrigins([sourceOf('afp')!, sourceOf('ki')!, sourceOf('ki2')!], sourceOf).length, 1);
    assert.equal(earnedStatus(cite('afp', 'ki'), sourceOf, false).status, 'reported');
  });

  test('two independent origins confirm; one publisher in two copies does not', () => {
    const s = earnedStatus(cite('afp', 'ki', 'pa'), sourceOf, false);
    assert.equal(s.status, 'confirmed');
    assert.equal(s.origins, 2);
    assert.equal(earnedStatus(cite('pa', 'pa-indy'), sourceOf, false).status, 'reported');
  });

  test('sources based on the same unknown source are one origin; unrelated unknown publishers count by publisher', () => {
    assert.equal(independentOrigins([sourceOf('lost')!, sourceOf('lost2')!], sourceOf).length, 1);
    assert.equal(independentOrigins([src('x', 'X'), src('y', 'Y')], sourceOf).length, 2);
  });

  test("in the bundled pack, AFP and the Kyiv Independent's rewrite of it are one witness", () => {
    const { index } = bundled();
    const ki = index.source('ki-2025-06-24a')!.source;
    assert.deepEqual(ki.basedOn, ['afp-2025-06-23']);
    const sourceOfBundled = (id: string) => index.source(id)?.source;
    assert.equal(earnedStatus(cite('afp-2025-06-23', 'ki-2025-06-24a'), sourceOfBundled, false).status, 'reported');
  });
});

suite('recorded wordings: disputed, and matched by whose recording', () => {
  const { index } = bundled();
  const zel = index.fact('quote.zelenskyy.co-production')!;

  test("Zelenskyy's spoken words are disputed: AFP and PA recorded them independently and differently", () => {
    assert.equal(zel.status, 'disputed');
    assert.match(zel.statusReason, /AFP.*transform both nations.*PA.*strengthen both nations/);
    assert.ok(!(zel.fact.wordings ?? []).some((w) => w.preferred), 'no wording is preferred as his spoken words');
  });

  test('Starmer\'s sentence is not disputed: PA\'s "we are able" is Reuters\' "we\'re able"', () => {
    const starmer = index.fact('quote.starmer.co-production')!;
    assert.equal(starmer.status, 'confirmed');
    const sourceOf = (id: string) => index.source(id)?.source;
    assert.equal(wordingDispute(starmer.fact, sourceOf), undefined);
  });

  test("one recorder's two wordings, or a rewrite of the recorder, are no dispute", () => {
    const afp = src('afp', 'AFP', 'wire');
    const ki = src('ki', 'KI', 'outlet', { basedOn: ['afp'] });
    const sourceOf = (id: string) => [afp, ki].find((s) => s.id === id);
    const fact: Fact = {
      id: 'q',
      kind: 'quote',
      label: 'q',
      text: 'q',
      aliases: [],
      citations: [],
      wordings: [
        { id: 'a', text: 'will be very strong and will transform both nations', kind: 'verbatim', language: 'en', citations: [{ source: 'afp' }] },
        { id: 'b', text: 'will be very strong and will strengthen both nations', kind: 'verbatim', language: 'en', citations: [{ source: 'ki' }] },
      ],
    };
    assert.equal(wordingDispute(fact, sourceOf), undefined);
  });

  test("a quotation of PA's recording is matched to PA, not the preferred wording", () => {
    const text = 'PA recorded Zelenskyy saying the agreement would “strengthen both nations”.';
    const m = recordingMatchedAt(text, text.indexOf('both'), index, 'markdown');
    assert.ok(m);
    assert.equal(m.factId, 'quote.zelenskyy.co-production');
    assert.deepEqual(m.recorders, ['PA']);
    assert.equal(text.slice(m.start, m.end), '“strengthen both nations”');
  });

  test('a quotation of the preferred wording says nothing more', () => {
    const text = 'Starmer said: “I’m really proud that this afternoon, we’re able to announce an industrial military co-production agreement”.';
    assert.equal(recordingMatchedAt(text, text.indexOf('proud'), index, 'markdown'), undefined);
  });
});

suite('contractions and spelling variants are not a difference in words', () => {
  const words = (t: string): string[] => canonicalWords(wordTokens(t)).map((w) => w.text);

  test('a contraction and its expansion read alike', () => {
    assert.deepEqual(words('we are able'), words('we’re able'));
    assert.deepEqual(words('I am proud'), words("I'm proud"));
    assert.deepEqual(words('it is strong'), words('it’s strong'));
    assert.deepEqual(words('do not go'), words("don't go"));
    assert.deepEqual(words('cannot'), words("can't"));
    assert.deepEqual(words('will not'), words("won't"));
    assert.notDeepEqual(words('we are able'), words('we can'));
  });

  test('a joined contraction spans both words of the text', () => {
    const text = 'so we are able';
    const [, joined] = canonicalWords(wordTokens(text));
    assert.equal(text.slice(joined.start, joined.end), 'we are');
  });

  test('UK and US spellings read alike; other words keep theirs', () => {
    for (const [uk, us] of [
      ['defence', 'defense'],
      ['organise', 'organize'],
      ['organisation', 'organization'],
      ['programme', 'program'],
      ['centre', 'center'],
      ['colour', 'color'],
      ['travelled', 'traveled'],
      ['analyse', 'analyze'],
    ]) {
      assert.equal(canonicalSpelling(uk), canonicalSpelling(us), `${uk}/${us}`);
    }
    for (const w of ['promise', 'promised', 'exercise', 'advertise', 'rise', 'surprise', 'otherwise', 'four', 'your']) assert.equal(canonicalSpelling(w), w);
  });

  test('the check: PA\'s "we are able" and a respelt "defense" are not misquotes; a changed word still is', () => {
    const opts: CheckOptions = { format: 'markdown', style: 'auto', dateStyle: 'en-GB', today: '2026-03-02' };
    const check = (t: string) => checkDocument(t, bundled().index, opts).filter((f) => f.code === 'misquote');
    assert.deepEqual(check('Starmer said: “I’m really proud that this afternoon we are able to announce an industrial military co-production agreement”.'), []);
    assert.deepEqual(
      check('Umerov wrote: “This will allow British defense companies to quickly design and manufacture state-of-the-art drones on a large scale”.'),
      [],
    );
    assert.equal(
      check('Starmer said: “I’m really proud that this afternoon we are ready to announce an industrial military co-production agreement”.').length,
      1,
    );
  });
});

suite('strongest source first', () => {
  test('official records, then wires, then outlets, then the rest; a republication after direct sources of its rank', () => {
    const list = [
      src('agg', 'EP', 'outlet', { via: 'aggregator' }),
      src('wiki', 'Wikipedia', 'encyclopedia'),
      src('rewrite', 'KI', 'outlet', { basedOn: ['afp'] }),
      src('outlet', 'LB', 'outlet'),
      src('wire-copy', 'Reuters', 'wire', { via: 'The Star' }),
      src('wire', 'AFP', 'wire'),
      src('hansard', 'UK Parliament', 'parliament'),
      src('gov', 'GOV.UK', 'government'),
    ];
    assert.deepEqual(
      strongestFirst(list, (s) => s).map((s) => s.id),
      ['hansard', 'gov', 'wire', 'wire-copy', 'outlet', 'agg', 'rewrite', 'wiki'],
    );
    assert.ok(sourceRank(src('a', 'a', 'official-record')) < sourceRank(src('b', 'b', 'wire')));
  });

  test('an inserted citation of Starmer names Reuters, not the aggregator copy of Euromaidan Press', () => {
    const { index } = bundled();
    assert.equal(citedSources(index.fact('person.starmer')!, index)[0].source.id, 'reuters-2025-06-23');
  });
});

suite('docs/FACTBASE.md', () => {
  test('the committed page is the one the build writes from data/*.yaml', () => {
    // In the build's order: the main pack first, then the others by name.
    const order = bundleOrder(bundledFiles().map((f) => path.basename(f.path)));
    const files = bundledFiles().sort((a, b) => order.indexOf(path.basename(a.path)) - order.indexOf(path.basename(b.path)));
    const compiled = compilePackFiles(files, (packPath, source) => {
      try {
        return fs.readFileSync(path.resolve(path.dirname(packPath), source.textFile!), 'utf8');
      } catch {
        return undefined;
      }
    });
    const page = factBasePage(mergeForBundle(compiled.packs));
    const committed = fs.readFileSync(path.join(projectRoot, 'docs', 'FACTBASE.md'), 'utf8');
    assert.ok(committed === page, 'docs/FACTBASE.md differs from what the build writes: run `npm run build` and commit it');
  });

  test('it counts facts by kind and status, single-origin facts, and open-ended roles with their checked day', () => {
    const page = fs.readFileSync(path.join(projectRoot, 'docs', 'FACTBASE.md'), 'utf8');
    const { index } = bundled();
    assert.match(page, new RegExp(`\\| \\*\\*all\\*\\* \\| \\d+ \\| \\d+ \\| \\d+ \\| ${index.facts.length} \\|`));
    assert.match(page, /Facts resting on a single origin: \d+ of \d+/);
    assert.match(page, /\| Mykhailo Fedorov \| Minister of Defence of Ukraine \| 14 January 2026 \| 19 January 2026 \|/);
    assert.match(
      page,
      /\| Zelenskyy on the joint production deal<br>uk: Зеленський про угоду про спільне виробництво<br>`quote\.zelenskyy\.co-production` \|.*\| disputed: /,
    );
    assert.match(page, new RegExp(`In other languages: uk ${index.facts.length} of ${index.facts.length} `));
  });
});

suite('the demo', () => {
  test('the sample report (2 March 2026) marks "Denys Shmyhal has been Minister of Defence since 17 July 2025"', () => {
    const text = fs.readFileSync(path.join(projectRoot, 'demo', 'sample-report.md'), 'utf8');
    const findings = checkDocument(text, bundled().index, { format: 'markdown', style: 'auto', dateStyle: 'en-GB', today: '2026-12-01' });
    const line = 'Denys Shmyhal has been Minister of Defence since 17 July 2025.';
    const at = text.indexOf(line);
    assert.ok(at >= 0, 'the line is in the demo');
    const f = findings.find((x) => x.start >= at && x.end <= at + line.length);
    assert.equal(f?.code, 'role-not-held', findings.map((x) => `${x.code}: ${x.message}`).join('\n'));
    assert.match(f.message, /was not Minister of Defence of Ukraine on 2 March 2026 \(the document’s date\); held from 17 July 2025 to 13 January 2026/);
  });
});
