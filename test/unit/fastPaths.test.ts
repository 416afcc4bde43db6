// The fast paths behind the performance targets (docs/PERFORMANCE.md) give
// exactly what the plain code they replaced gave: each is checked against a
// reference written the plain way.

import assert from 'node:assert/strict';
import { definitionEdit, formatCitation, hasDefinition, hasMarkdownDefinition } from '../../src/core/references/citation';
import type { FactIndex, IndexedFact } from '../../src/core/facts/factIndex';
import { FactStore, bundledLoadedPack } from '../../src/core/facts/factStore';
import { kindTitle } from '../../src/core/facts/labels';
import { AliasPrefixIndex, pickerRows, plainKey, prefixIndexFor, prepareSearch, rankFacts } from '../../src/core/cite/search';
import { factText } from '../../src/core/references/citation';
import { formatDate } from '../../src/core/document/dates';
import { foldCode, foldText } from '../../src/core/document/text';
import { sortInSteps } from '../../src/core/steps';
import type { Source } from '../../src/core/types';
import { bundled } from './helpers';

/** Completion as it was: every alias folded and sorted up front. */
type SortedAlias = { folded: string; alias: string; entry: IndexedFact };
const fullySorted = new WeakMap<FactIndex, SortedAlias[]>();

/** Every alias of the index, folded and sorted: once per index, however many prefixes are asked. */
function allAliasesSorted(index: FactIndex): SortedAlias[] {
  let entries = fullySorted.get(index);
  if (entries) return entries;
  entries = [];
  for (const entry of index.facts) {
    const seen = new Set<string>();
    for (const alias of entry.aliases) {
      const folded = foldText(alias);
      if (seen.has(folded)) continue;
      seen.add(folded);
      entries.push({ folded, alias, entry });
    }
  }
  entries.sort((a, b) => (a.folded < b.folded ? -1 : a.folded > b.folded ? 1 : 0));
  fullySorted.set(index, entries);
  return entries;
}

function searchByFullSort(index: FactIndex, prefix: string, limit = 100): { alias: string; id: string }[] {
  const entries = allAliasesSorted(index);
  const p = foldText(prefix);
  if (p === '') return [];
  const best = new Map<IndexedFact, { folded: string; alias: string; entry: IndexedFact }>();
  for (const e of entries.filter((x) => x.folded.startsWith(p))) {
    const prior = best.get(e.entry);
    if (!prior || e.folded.length < prior.folded.length) best.set(e.entry, e);
    if (best.size >= limit * 4) break;
  }
  return [...best.values()]
    .sort((a, b) => a.folded.length - b.folded.length || (a.folded < b.folded ? -1 : 1))
    .slice(0, limit)
    .map((e) => ({ alias: e.alias, id: e.entry.fact.id }));
}

/** The picker's rows as src/cite/insertCitation.ts built them from rankFacts, before they were cached. */
function rowsByRanking(index: FactIndex, selection: string, today: string): { label: string; description?: string; separator?: boolean }[] {
  const out: { label: string; description?: string; separator?: boolean }[] = [];
  let lastKind: string | undefined;
  let namedHeader = false;
  for (const { entry, score } of rankFacts(index, selection)) {
    if (score > 0 && !namedHeader) {
      out.push({ label: 'Named in the selection', separator: true });
      namedHeader = true;
    } else if (score === 0 && entry.fact.kind !== lastKind) {
      out.push({ label: kindTitle(entry.fact.kind), separator: true });
      lastKind = entry.fact.kind;
    }
    const { fact } = entry;
    let value: string;
    const roles =
      fact.kind === 'person'
        ? index
            .rolesAt(fact.id, today)
            .map((r) => r.role?.fact.label)
            .filter(Boolean)
        : [];
    if (fact.kind === 'quote' && entry.wording) value = `\u201C${entry.wording.text}\u201D`;
    else if (roles.length > 0) value = roles.join('; ');
    else {
      const text = factText(entry, 'en-GB');
      value = text !== fact.label ? text : fact.date ? formatDate(fact.date, 'en-GB') : '';
    }
    out.push({ label: fact.label, description: value });
  }
  return out;
}

suite('fast paths: completion by prefix', () => {
  const { index } = bundled();

  test('every prefix of every alias gives what sorting all aliases up front gave', () => {
    const prefixes = new AliasPrefixIndex(index);
    const asked = new Set<string>(['1', 'a', ' z', 'Z', '\u201C', '-']);
    for (const entry of index.facts) for (const alias of entry.aliases) for (let n = 1; n <= Math.min(alias.length, 6); n++) asked.add(alias.slice(0, n));
    for (const p of asked) {
      const got = prefixes.search(p, 5).map((h) => ({ alias: h.alias, id: h.entry.fact.id }));
      assert.deepEqual(got, searchByFullSort(index, p, 5), `prefix ${JSON.stringify(p)}`);
    }
  });

  test('completion and inline completion share one prefix index per fact base', () => {
    assert.equal(prefixIndexFor(index), prefixIndexFor(index));
    const other = new FactStore(bundled().loaded, () => ({ problems: [], locations: bundled().loaded.locations })).index;
    assert.notEqual(prefixIndexFor(other), prefixIndexFor(index));
  });
});

/**
 * A stand-in index of 6,000 facts, each with an ISO date (every one starting
 * "20"), "Item n" and `${third} n`: one bucket of thousands of aliases.
 */
function datedItems(third: string): FactIndex {
  const facts = Array.from({ length: 6000 }, (_, i) => ({
    fact: { id: `f${i}` },
    aliases: [`20${String(1000 + ((i * 7919) % 9000)).slice(1)}-0${1 + (i % 9)}-1${i % 10}`, `Item ${i}`, `${third} ${i}`],
  }));
  const positions = new Map(facts.map((f, i) => [f, i]));
  return { facts, positionOf: (e: object) => positions.get(e as (typeof facts)[number]) } as unknown as FactIndex;
}

suite('fast paths: work in steps, and folding', () => {
  let seed = 5;
  const rnd = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;

  test('sortInSteps gives the order Array.prototype.sort gives, equal items kept in their order, a slice a step', () => {
    for (const n of [0, 1, 7, 512, 513, 2049, 5000, 40_000]) {
      const items = Array.from({ length: n }, (_, i) => ({ key: Math.floor(rnd() * Math.max(1, n / 4)), at: i }));
      const compare = (a: { key: number }, b: { key: number }): number => a.key - b.key;
      const expected = [...items].sort(compare);
      const steps = sortInSteps([...items], compare);
      let yields = 0;
      let r = steps.next();
      for (; !r.done; r = steps.next()) yields++;
      assert.deepEqual(r.value, expected, `${n} items`);
      // Runs of 512 sorted one a step, then a step per 4,096 merged.
      if (n > 512) assert.ok(yields >= Math.ceil(n / 512) + Math.floor((n * Math.floor(Math.log2(n / 512))) / 4096) - 1, `${n} items in ${yields + 1} steps`);
      else assert.equal(yields, 0);
    }
  });

  test('foldText: its quick way for plain ASCII gives what folding a character at a time gives', () => {
    const byChar = (text: string): string => {
      let out = '';
      let lastSpace = true;
      for (let i = 0; i < text.length; i++) {
        const c = foldCode(text.charCodeAt(i));
        if (c === 32) {
          if (!lastSpace) out += ' ';
          lastSpace = true;
        } else {
          out += String.fromCharCode(c);
          lastSpace = false;
        }
      }
      return out.endsWith(' ') ? out.slice(0, -1) : out;
    };
    const alphabet = [
      'a',
      'Z',
      'q',
      'M',
      '0',
      '7',
      ' ',
      ' ',
      '\t',
      '\n',
      '`',
      "'",
      '-',
      '.',
      '\u2019',
      '\u201C',
      'К',
      'и',
      'Є',
      'é',
      '\u00A0',
      '\u2014',
      '\uD83D\uDE00',
    ];
    for (let i = 0; i < 50_000; i++) {
      const text = Array.from({ length: Math.floor(rnd() * 12) }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join('');
      assert.equal(foldText(text), byChar(text), JSON.stringify(text));
    }
    const long = 'Rustem Umerov \u2014 Рустем Умєров '.repeat(2000);
    assert.equal(foldText(long), byChar(long));
  });

  test('a bucket of thousands of aliases (every date of a year starts "20") is sorted in many steps, and searches as if sorted at once', () => {
    const index = datedItems('ITEM');
    const prefixes = new AliasPrefixIndex(index);
    let steps = 0;
    for (const _ of prefixes.preparation()) steps++;
    assert.ok(steps > 6000 / 2048 + 2, `${steps} steps`);
    for (const p of ['2', '20', '201', '2015-0', 'it', 'item 1', 'item 59', 'I']) {
      const got = prefixes.search(p, 20).map((h) => ({ alias: h.alias, id: h.entry.fact.id }));
      assert.deepEqual(got, searchByFullSort(index, p, 20), `prefix ${JSON.stringify(p)}`);
    }
  });

  test('a request on an index not readied makes only the buckets its prefixes read, in steps; its search then sorts nothing more', () => {
    const index = datedItems('Zeta');
    const prefixes = new AliasPrefixIndex(index);
    assert.equal(prefixes.isReadyFor(['2015', 'Item 5']), false);
    let steps = 0;
    for (const _ of prefixes.readying(['2015', 'Item 5', ''])) steps++;
    assert.ok(steps > 6000 / 2048, `${steps} steps`);
    assert.ok(prefixes.isReadyFor(['2015', 'item 5', '20', 'It']), 'the buckets "20" and "it" are made');
    assert.equal(prefixes.isReadyFor(['Zeta']), false, 'the bucket "ze" is not');
    assert.equal(prefixes.isReadyFor(['I']), true, 'one letter: every bucket it reads ("it") is made');
    for (const p of ['2015', 'item 5', 'Zeta 1']) {
      const got = prefixes.search(p, 20).map((h) => ({ alias: h.alias, id: h.entry.fact.id }));
      assert.deepEqual(got, searchByFullSort(index, p, 20), `prefix ${JSON.stringify(p)}`);
    }
    assert.ok(prefixes.isReadyFor(['Zeta']), 'a search makes its bucket, as before');
  });
});

suite('fast paths: picker rows', () => {
  const { index } = bundled();
  const today = '2025-07-01';
  const strip = (rows: ReturnType<typeof pickerRows>): { label: string; description?: string; separator?: boolean }[] =>
    rows.map((r) => (r.separator ? { label: r.label, separator: true } : { label: r.label, description: r.description }));

  test('with nothing selected, the cached rows are the rows the ranking gave', () => {
    assert.deepEqual(strip(pickerRows(index, '', today)), rowsByRanking(index, '', today));
    // Asked again, from the cache.
    assert.deepEqual(strip(pickerRows(index, '', today)), rowsByRanking(index, '', today));
  });

  test('a selection that names facts: those first, and a kind whose facts are all named loses its heading', () => {
    for (const selection of ['Rustem Umerov said', 'Starmer met Volodymyr Zelenskyy in London on 23 June 2025', 'Kyiv', 'nothing known here']) {
      assert.deepEqual(strip(pickerRows(index, selection, today)), rowsByRanking(index, selection, today), selection);
    }
    const places = index
      .byKind('place')
      .map((e) => e.fact.label)
      .join(', ');
    const rows = strip(pickerRows(index, places, today));
    assert.deepEqual(rows, rowsByRanking(index, places, today));
    assert.ok(!rows.some((r) => r.separator && r.label === kindTitle('place')), 'every place is named, so "Places" has no group');
  });

  test('rows follow the day: a person shows the role held on it', () => {
    assert.deepEqual(strip(pickerRows(index, '', '2025-06-23')), rowsByRanking(index, '', '2025-06-23'));
    assert.deepEqual(strip(pickerRows(index, '', '2025-08-01')), rowsByRanking(index, '', '2025-08-01'));
  });

  test('plain labels (letters, digits, spaces, commas, full stops): their keys order them as the collator does', () => {
    const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
    const alphabet = ['a', 'b', 'z', 'A', 'B', 'Z', ' ', '.', ',', '0', '1', '2', '9'];
    let seed = 11;
    const rnd = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const word = (): string => Array.from({ length: Math.floor(rnd() * 8) }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join('');
    for (let i = 0; i < 30_000; i++) {
      const a = word();
      const b = word();
      const x = plainKey(a)!;
      const y = plainKey(b)!;
      assert.equal(x < y ? -1 : x > y ? 1 : 0, Math.sign(collator.compare(a, b)), `${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
    }
    assert.equal(plainKey('Article 12 of the accord, 2025'), 'article 0212 of the accord, 042025');
    assert.equal(plainKey('Zelensky\u2019s visit'), undefined, 'anything else is left to the collator');
    assert.equal(plainKey('Київ'), undefined);
  });

  test('prepareSearch builds ahead what the first request would', () => {
    const store = new FactStore(bundledLoadedPack(bundled().loaded.pack), () => ({ problems: [], locations: bundled().loaded.locations }));
    prepareSearch(store.index, today);
    assert.deepEqual(strip(pickerRows(store.index, '', today)), rowsByRanking(store.index, '', today));
    assert.ok(prefixIndexFor(store.index).search('zel').length > 0);
  });
});

suite('fast paths: footnote definitions in the document', () => {
  const byRegExp = {
    markdown: (text: string, key: string) => new RegExp(`^ {0,3}\\[\\^${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\]:`, 'm').test(text),
    rst: (text: string, key: string) => new RegExp(`^\\.\\. \\[#${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\]`, 'm').test(text),
  };
  const texts = [
    '',
    'Text.[^reuters-2025]\n\n[^reuters-2025]: Reuters.',
    'Text.\n   [^a]: indented three\n    [^b]: indented four\n[^c-d_e]:x\r[^f]: after CR',
    '[^longer-key]: only the longer one\n[^key] not a definition\n',
    '.. [#ki-2025] The Kyiv Independent\n..  [#two-spaces] no\n',
    'footnote:ep-2025[Euromaidan Press] and footnote:ep-2025[] again',
  ];
  const keys = ['reuters-2025', 'a', 'b', 'c-d_e', 'f', 'key', 'longer-key', 'longer', 'ki-2025', 'two-spaces', 'ep-2025', 'x.y', 'a]'];

  test('whether a key is defined: one pass over the text agrees with one expression per key', () => {
    for (const text of texts) {
      for (const key of keys) {
        assert.equal(hasMarkdownDefinition(text, key), byRegExp.markdown(text, key), `markdown ${key} in ${JSON.stringify(text)}`);
        assert.equal(hasDefinition(text, key), byRegExp.markdown(text, key) || byRegExp.rst(text, key), `any ${key} in ${JSON.stringify(text)}`);
      }
    }
  });

  test('citations remembered for a completion list: per source object, and never shared with the caller', () => {
    const options = { format: 'markdown' as const, style: 'auto' as const, dateStyle: 'en-GB' as const };
    const a: Source = { id: 'src-a', title: 'Old title', publisher: 'P', kind: 'outlet', language: 'en' };
    const first = formatCitation([a], options, 'Text.');
    first.definitions.push({ key: 'x', text: 'changed by the caller' });
    assert.deepEqual(formatCitation([a], options, 'Text.').definitions, [{ key: 'src-a', text: '[^src-a]: P, \u201COld title\u201D.' }]);
    // A reloaded pack makes a new source object with the same id.
    const reloaded: Source = { ...a, title: 'New title' };
    assert.match(formatCitation([reloaded], options, 'Text.').definitions[0].text, /New title/);
    // Another text: the definition may exist there.
    assert.deepEqual(formatCitation([a], options, 'Text.\n\n[^src-a]: P.').definitions, []);
  });

  test('an AsciiDoc footnote with text is reused by key; one without text is not a definition', () => {
    const source: Source = { id: 'ep-2025', title: 'T', publisher: 'P', kind: 'outlet', language: 'en' };
    const options = { format: 'asciidoc' as const, style: 'auto' as const, dateStyle: 'en-GB' as const };
    assert.equal(formatCitation([source], options, 'Earlier footnote:ep-2025[P, \u201CT\u201D.] here').inline, 'footnote:ep-2025[]');
    assert.match(formatCitation([source], options, 'Only footnote:ep-2025[] here').inline, /^footnote:ep-2025\[P/);
  });

  test('where definitions go: trailing white space, Unicode spaces included, read from the end', () => {
    const defs = [{ key: 'k', text: '[^k]: K.' }];
    const reference = (text: string): string => {
      const eol = text.includes('\r\n') ? '\r\n' : '\n';
      const trimmed = text.replace(/\s+$/, '');
      if (trimmed === '') return `[^k]: K.${eol}`;
      const last = trimmed.slice(trimmed.lastIndexOf('\n') + 1);
      const wanted = /^ {0,3}\[\^[^\]]+\]:|^\.\. \[#/.test(last) ? 1 : 2;
      const breaks = (text.slice(trimmed.length).match(/\n/g) ?? []).length;
      return `${eol.repeat(Math.max(0, wanted - breaks))}[^k]: K.${eol}`;
    };
    for (const text of ['', '   ', 'Para.', 'Para.\n', 'Para.\n\n\n', 'Para.\u00A0\u2028 \n', 'A.\r\n\r\nB.\r\n', '[^x]: X.\n', 'Para.\t\u3000']) {
      assert.equal(definitionEdit(text, defs)?.text, reference(text), JSON.stringify(text));
    }
  });
});
