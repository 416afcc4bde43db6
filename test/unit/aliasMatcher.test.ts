// AliasMatcher: finds the names a writer types, however they are typed, and
// reports exactly where they are in the original text.

import assert from 'node:assert/strict';
import { AliasMatcher, type AliasMatch } from '../../src/core/facts/aliasMatcher';
import { prng } from './helpers';
import { toEnd } from '../../src/core/steps';

function matcher(aliases: Record<string, string>): AliasMatcher<string> {
  const m = new AliasMatcher<string>();
  for (const [alias, value] of Object.entries(aliases)) m.add(alias, value);
  return m;
}

/** Matches as `text-of-match → values`, read from the original text by offset. */
function found(text: string, matches: AliasMatch<string>[]): string[] {
  return matches.map((m) => `${text.slice(m.start, m.end)} → ${m.values.join(',')}`);
}

const m = matcher({
  'Keir Starmer': 'starmer-full',
  Starmer: 'starmer',
  Kyiv: 'kyiv',
  '100-year partnership': '100yp',
  "Zelenskyy's London visit": 'visit',
  'Володимир Зеленський': 'zelenskyy',
  "Прем'єр-міністр": 'pm',
  'mega-project': 'mega',
});

suite('aliasMatcher: what counts as the same words', () => {
  test('a multi-word alias matches across a line break', () => {
    const text = 'Sir Keir\nStarmer spoke.';
    assert.deepEqual(found(text, m.findAll(text)), ['Keir\nStarmer → starmer-full']);
  });

  test('a multi-word alias matches across CRLF, double spaces and a no-break space', () => {
    for (const text of ['Keir\r\nStarmer', 'Keir  Starmer', 'Keir\u00A0Starmer', 'Keir \t Starmer']) {
      assert.deepEqual(found(text, m.findAll(text)), [`${text} → starmer-full`], JSON.stringify(text));
    }
  });

  test('case does not matter', () => {
    const text = 'KEIR STARMER and keir starmer';
    assert.deepEqual(found(text, m.findAll(text)), ['KEIR STARMER → starmer-full', 'keir starmer → starmer-full']);
  });

  test('curly and straight apostrophes are the same', () => {
    for (const text of ['Zelenskyy\u2019s London visit', "Zelenskyy's London visit", 'Zelenskyy`s London visit']) {
      assert.deepEqual(
        m.findAll(text).map((x) => x.values[0]),
        ['visit'],
        text,
      );
    }
  });

  test('an en dash, em dash or non-breaking hyphen matches a hyphen ("100–year partnership")', () => {
    for (const text of ['the 100\u2013year partnership', 'the 100\u2014year partnership', 'the 100\u2011year partnership', 'the 100-year partnership']) {
      assert.deepEqual(
        m.findAll(text).map((x) => x.values[0]),
        ['100yp'],
        text,
      );
    }
  });

  test('a hyphen does not have to be written as a space: "mega project" is not "mega-project"', () => {
    assert.deepEqual(m.findAll('a mega project'), []);
  });

  test('Cyrillic matches without regard to case', () => {
    const text = 'Президент ВОЛОДИМИР ЗЕЛЕНСЬКИЙ заявив';
    assert.deepEqual(found(text, m.findAll(text)), ['ВОЛОДИМИР ЗЕЛЕНСЬКИЙ → zelenskyy']);
  });

  test("a Ukrainian apostrophe written as ’ matches an alias written with '", () => {
    assert.deepEqual(
      m.findAll('Прем\u2019єр-міністр').map((x) => x.values[0]),
      ['pm'],
    );
  });

  test("a Ukrainian apostrophe written as ʼ (U+02BC, the form Unicode recommends for Ukrainian) matches an alias written with '", () => {
    assert.deepEqual(
      m.findAll('Прем\u02BCєр-міністр').map((x) => x.values[0]),
      ['pm'],
    );
  });
});

suite('aliasMatcher: word boundaries and overlaps', () => {
  test('"Kyiv" is not found inside "Kyivstar"', () => {
    assert.deepEqual(m.findAll('Kyivstar and Kyivan'), []);
  });

  test('"Starmer" is found in "Starmer’s" and "Starmer\'s"', () => {
    const text = "Starmer\u2019s words and Starmer's aides";
    assert.deepEqual(found(text, m.findAll(text)), ['Starmer → starmer', 'Starmer → starmer']);
  });

  test('"Starmer" is found next to punctuation and brackets, not inside a longer word', () => {
    const text = '(Starmer), "Starmer"; Starmers; 2Starmer';
    assert.deepEqual(found(text, m.findAll(text)), ['Starmer → starmer', 'Starmer → starmer']);
  });

  test('findAll is leftmost-longest: "Keir Starmer" beats "Starmer", and matches do not overlap', () => {
    const text = 'Keir Starmer met Starmer';
    const all = m.findAll(text);
    assert.deepEqual(found(text, all), ['Keir Starmer → starmer-full', 'Starmer → starmer']);
    assert.equal(all[0].alias, 'Keir Starmer');
  });

  test('a partial multi-word alias falls back to the shorter alias inside it', () => {
    const text = 'Keir said, and Starmer';
    assert.deepEqual(found(text, m.findAll(text)), ['Starmer → starmer']);
  });

  test('one alias can stand for several values, and adding the same value twice keeps one', () => {
    const shared = matcher({ '24 June': 'summit' });
    shared.add('24 June', 'statement');
    shared.add('24 June', 'statement');
    assert.deepEqual(shared.findAll('on 24 June')[0].values, ['summit', 'statement']);
    assert.equal(shared.size, 2);
  });

  test('a list of aliases shared by many values (a date’s) finds what adding each alias finds', () => {
    const day = ['24 June 2025', '24 june 2025', 'June 24, 2025', '2025-06-24'];
    const byList = new AliasMatcher<string>();
    const byAlias = new AliasMatcher<string>();
    for (const value of ['summit', 'statement', 'visit']) {
      byList.add(`the ${value}`, value);
      byAlias.add(`the ${value}`, value);
      byList.addShared(day, value);
      for (const alias of day) byAlias.add(alias, value);
    }
    byList.addShared(day, 'visit');
    const text = 'On 24 JUNE 2025, and June 24, 2025 (2025-06-24), the visit.';
    const read = (mt: AliasMatcher<string>): string[] => mt.findAll(text).map((x) => `${x.alias}: ${x.values.join(',')}`);
    assert.deepEqual(read(byList), read(byAlias));
    assert.deepEqual(read(byList)[0], '24 June 2025: summit,statement,visit');
    assert.equal(byList.size, byAlias.size);
  });

  test('an alias longer than 200 characters or without words is ignored', () => {
    const odd = new AliasMatcher<string>();
    odd.add('x'.repeat(201), 'long');
    odd.add('   ', 'blank');
    assert.equal(odd.size, 0);
  });

  test('two words whose folded text has the same hash are still told apart', () => {
    // Random eight-letter words until two share the 32-bit hash the matcher keys its trie by.
    const hash = (w: string): number => [...w].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) | 0, 0);
    const random = prng(7);
    const seen = new Map<number, string>();
    let pair: [string, string] | undefined;
    while (!pair) {
      const word = Array.from({ length: 8 }, () => String.fromCharCode(97 + random.int(26))).join('');
      const other = seen.get(hash(word));
      if (other !== undefined && other !== word) pair = [other, word];
      seen.set(hash(word), word);
    }
    const [a, b] = pair;
    const one = new AliasMatcher<string>();
    one.add(`Minister ${a}`, 'a');
    assert.deepEqual(found(`Minister ${b}.`, one.findAll(`Minister ${b}.`)), [], `${a} / ${b}`);
    assert.deepEqual(one.findAt(`Minister ${b}`, 2), []);
    one.add(`minister ${b.toUpperCase()}`, 'b');
    const text = `Minister ${a}, Minister ${b}`;
    assert.deepEqual(found(text, one.findAll(text)), [`Minister ${a} → a`, `Minister ${b} → b`]);
    assert.deepEqual(one.findAt(text, text.length - 1)[0].values, ['b']);
  });
});

suite('aliasMatcher: findAt, as for a hover', () => {
  const text = 'Then Keir Starmer said';
  const start = text.indexOf('Keir');
  const end = start + 'Keir Starmer'.length;

  test('at the first character, it finds the longest alias first', () => {
    const at = m.findAt(text, start);
    assert.deepEqual(found(text, at), ['Keir Starmer → starmer-full']);
  });

  test('in the middle (on "Starmer") it finds "Keir Starmer" first, then "Starmer"', () => {
    const at = m.findAt(text, text.indexOf('Starmer') + 3);
    assert.deepEqual(found(text, at), ['Keir Starmer → starmer-full', 'Starmer → starmer']);
  });

  test('at the last character it still finds it', () => {
    assert.equal(m.findAt(text, end - 1)[0]?.values[0], 'starmer-full');
  });

  test('with the cursor right after the last character (offset = end) it still finds it, as an editor cursor does', () => {
    assert.equal(m.findAt(text, end)[0]?.values[0], 'starmer-full');
  });

  test('one character further, past the space, it finds nothing', () => {
    assert.deepEqual(m.findAt(text, end + 1), []);
    assert.deepEqual(m.findAt(text, start - 2), []);
  });

  test('findAt works at the very start and very end of the text', () => {
    assert.equal(m.findAt('Kyiv', 0)[0]?.values[0], 'kyiv');
    assert.equal(m.findAt('Kyiv', 4)[0]?.values[0], 'kyiv');
    assert.deepEqual(m.findAt('', 0), []);
  });

  test('findAt finds an alias far into a long document', () => {
    const long = 'word '.repeat(20_000) + 'Keir Starmer' + ' word'.repeat(100);
    const at = long.indexOf('Keir') + 6;
    assert.deepEqual(found(long, m.findAt(long, at)).slice(0, 1), ['Keir Starmer → starmer-full']);
  });
});

suite('aliasMatcher: offsets in the original text', () => {
  test('offsets are exact after emoji and flags (surrogate pairs)', () => {
    const text = '🇺🇦👍🏽 😀 Keir  Starmer 🚀 Kyiv';
    const all = m.findAll(text);
    assert.deepEqual(found(text, all), ['Keir  Starmer → starmer-full', 'Kyiv → kyiv']);
    assert.equal(all[0].start, text.indexOf('Keir'));
    assert.equal(all[1].end, text.length);
    assert.equal(m.findAt(text, text.indexOf('Kyiv') + 2)[0]?.start, text.indexOf('Kyiv'));
  });

  test('an emoji right before a word does not hide it', () => {
    const text = '😀Starmer';
    assert.deepEqual(found(text, m.findAll(text)), ['Starmer → starmer']);
  });

  test('offsets are exact after characters whose case folding changes length (İ, ß)', () => {
    const text = 'İİ ß Straße Keir Starmer';
    assert.deepEqual(found(text, m.findAll(text)), ['Keir Starmer → starmer-full']);
  });
});

suite('aliasMatcher: a matcher edited from another', () => {
  const WORDS = ['Kyiv', 'KYIV', 'kyiv', 'Keir', 'Starmer', 'the', 'Hague', '24', 'June', '—', 'Київ', 'київ'];
  const phrase = (int: (n: number) => number): string => Array.from({ length: 1 + int(3) }, () => WORDS[int(WORDS.length)]).join(' ');
  const built = (values: readonly { id: string; aliases: string[] }[]): AliasMatcher<{ id: string; aliases: string[] }> => {
    const m = new AliasMatcher<{ id: string; aliases: string[] }>();
    for (const v of values) for (const a of v.aliases) m.add(a, v);
    return m;
  };
  const text = WORDS.flatMap((a) => WORDS.map((b) => `${a} ${b} ${WORDS[(a.length + b.length) % WORDS.length]}`)).join(' . ');
  const seenBy = (m: AliasMatcher<{ id: string }>): string[] => [
    String(m.size),
    ...m.findAll(text).map((x) => `${x.start}:${x.end}:${x.alias}:${x.values.map((v) => v.id).join(',')}`),
    ...[0, 40, 400, 900].flatMap((at) => m.findAt(text, at).map((x) => `${x.start}:${x.end}:${x.alias}:${x.values.map((v) => v.id).join(',')}`)),
  ];

  test('equals a matcher built afresh, over random edits, and the one edited from finds what it found', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const { int } = prng(seed);
      let values = Array.from({ length: 12 }, (_, i) => ({ id: `v${i}`, aliases: Array.from({ length: 1 + int(3) }, () => phrase(int)) }));
      let matcher = built(values);
      for (let step = 0; step < 15; step++) {
        const before = seenBy(matcher);
        const removed = values.filter(() => int(4) === 0);
        const kept = values.filter((v) => !removed.includes(v));
        // New values, some in the places of the removed ones, some with their aliases.
        const next = [...kept];
        const added = Array.from({ length: int(4) }, (_, i) => ({
          id: `n${seed}-${step}-${i}`,
          aliases: int(2) === 0 && removed.length > 0 ? [...removed[int(removed.length)].aliases] : [phrase(int), phrase(int)],
        }));
        for (const a of added) next.splice(int(next.length + 1), 0, a);
        const edited = matcher.editSteps({
          removed,
          added: next.filter((v) => added.includes(v)),
          aliasesOf: (v) => v.aliases,
          compare: (a, b) => next.indexOf(a) - next.indexOf(b),
        });
        let r = edited.next();
        while (!r.done) r = edited.next();
        assert.deepEqual(seenBy(r.value), seenBy(built(next)), `seed ${seed}, step ${step}`);
        assert.deepEqual(seenBy(matcher), before, `seed ${seed}, step ${step}: the matcher edited from changed`);
        matcher = r.value;
        values = next;
      }
    }
  });

  test('restored from its numbers, a matcher finds what it found and edits as one built, making only the entries it needs', () => {
    type V = { id: string; aliases: string[] };
    const made = (m: AliasMatcher<V>): number => (m as unknown as { entries: { made: unknown[] } }).entries.made.filter((e) => e !== undefined).length;
    const slotCount = (m: AliasMatcher<V>): number => (m as unknown as { entries: { length: number } }).entries.length;
    const restored = (m: AliasMatcher<V>, values: readonly V[]): AliasMatcher<V> => {
      const saved = toEnd(
        m.savedSteps(
          (v) => (values.includes(v) ? values.indexOf(v) : undefined),
          (v) => v.aliases,
        ),
      );
      assert.ok(saved);
      return toEnd(AliasMatcher.restoreSteps(saved, values, (v) => v.aliases));
    };
    let lessMade = 0;
    for (let seed = 1; seed <= 30; seed++) {
      const { int } = prng(seed * 7919);
      let values: V[] = Array.from({ length: 24 }, (_, i) => ({ id: `v${i}`, aliases: Array.from({ length: 1 + int(3) }, () => phrase(int)) }));
      let matcher = restored(built(values), values);
      for (let step = 0; step < 10; step++) {
        assert.equal(made(matcher), 0, `seed ${seed}, step ${step}: entries made when restored`);
        // A third of the values go: enough that the edit goes through every slot by the snapshot's numbers.
        const removed = values.filter(() => int(3) === 0);
        const next = values.filter((v) => !removed.includes(v));
        const added = Array.from({ length: int(3) }, (_, i) => ({ id: `n${seed}-${step}-${i}`, aliases: [phrase(int)] }));
        for (const a of added) next.splice(int(next.length + 1), 0, a);
        const edited = toEnd(
          matcher.editSteps({
            removed,
            added,
            aliasesOf: (v) => v.aliases,
            compare: (a, b) => next.indexOf(a) - next.indexOf(b),
          }),
        );
        if (made(edited) < slotCount(edited)) lessMade++;
        assert.deepEqual(seenBy(edited), seenBy(built(next)), `seed ${seed}, step ${step}: the edit`);
        assert.deepEqual(seenBy(matcher), seenBy(built(values)), `seed ${seed}, step ${step}: the restored matcher`);
        values = next;
        matcher = restored(edited, values);
      }
    }
    assert.ok(lessMade >= 150, `${lessMade} of 300 edits made fewer entries than there are slots`);
  });
});
