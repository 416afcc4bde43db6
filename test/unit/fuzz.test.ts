// A seeded fuzzer: mutations of the bundled pack and of generated hostile
// packs, through load, index, cards, citations in every format, exports,
// Sources sections, search and the check. Any throw, or a pack string that
// breaks out of its construct, fails with the seed and the case.
// FUZZ_CASES=100000 (and FUZZ_SEED=n) runs more.

import assert from 'node:assert/strict';
import { renderCard } from '../../src/core/cite/card';
import { checkDocument } from '../../src/core/check/checker';
import { DOC_FORMATS, formatCitation, insertionText } from '../../src/core/references/citation';
import { toBibtex, toCslJson } from '../../src/core/references/export';
import { buildFactIndex } from '../../src/core/facts/factIndex';
import { parsePackText } from '../../src/core/packs/packLoader';
import { updateSourcesSection } from '../../src/core/references/sourcesSection';
import { rankFacts } from '../../src/core/cite/search';
import { factYaml, packYaml, readBundledText } from './helpers';
import { braceBalance, PROTO_KEYS } from './hostilePacks.test';

const CASES = Number(process.env.FUZZ_CASES ?? 4000);
const SEED = Number(process.env.FUZZ_SEED ?? 20251201);

/** mulberry32: small, seeded, good enough to pick mutations. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TOKENS = [
  ...PROTO_KEYS.map((k) => `${k}: x`),
  ...PROTO_KEYS,
  '"',
  "'",
  '\\',
  '{',
  '}',
  '[',
  ']',
  '\n',
  '\n  ',
  ': ',
  '- ',
  '#',
  '&a ',
  '*a',
  '!!str ',
  '\\"',
  '"\\0"',
  '"\\e"',
  '}\\input{/etc/hostname}',
  '\n.. include:: /etc/passwd\n',
  '<!-- ',
  '+++',
  'pass:[x]',
  '<script>',
  '![i](https://e.example/i.png)',
  '% /agreement-cite:sources',
  '<!-- /agreement-cite:sources -->',
  '@misc{x,',
  '\u2028',
  '\u0085',
  'a.b',
  'a-b',
  ' '.repeat(50),
  '"'.repeat(20),
];

function hostileBase(r: () => number): string {
  const facts: string[] = [];
  const n = 1 + Math.floor(r() * 4);
  for (let i = 0; i < n; i++) facts.push(factYaml(`f.${i}`, { kind: ['event', 'person', 'term', 'place'][Math.floor(r() * 4)] }));
  return packYaml(...facts);
}

function mutate(text: string, r: () => number): string {
  let out = text;
  const edits = 1 + Math.floor(r() * 4);
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(r() * out.length);
    const pick = r();
    if (pick < 0.6) out = out.slice(0, at) + TOKENS[Math.floor(r() * TOKENS.length)] + out.slice(at);
    else if (pick < 0.8) out = out.slice(0, at) + out.slice(at + 1 + Math.floor(r() * 20));
    else {
      // A value replaced by hostile text, keeping the YAML valid more often.
      const line = out.lastIndexOf('\n', at) + 1;
      const colon = out.indexOf(': ', line);
      const eol = out.indexOf('\n', line);
      if (colon > 0 && eol > colon) out = `${out.slice(0, colon + 2)}${JSON.stringify(TOKENS[Math.floor(r() * TOKENS.length)] + ' x')}${out.slice(eol)}`;
    }
  }
  return out;
}

function runCase(text: string): void {
  const loaded = parsePackText(text, 'fuzz.yaml');
  if (!loaded.pack) return;
  const { index } = buildFactIndex([{ pack: loaded.pack, locations: loaded.locations, origin: 'workspace' }]);
  const facts = index.facts.slice(0, 12);
  for (const entry of facts) {
    renderCard(entry, index, { dateStyle: 'en-GB', today: '2026-01-01' } as Parameters<typeof renderCard>[2]);
    for (const format of DOC_FORMATS) {
      const options = { format, style: 'auto' as const, dateStyle: 'en-GB' as const };
      const words = insertionText(entry, index, options);
      const cite = formatCitation(
        entry.fact.citations.map((c) => index.source(c.source)?.source).filter((s) => s !== undefined),
        options,
        '',
      );
      assert.doesNotMatch(words + cite.inline, /[\r\n\u2028\u2029]/, `${format}: a line break in inserted text`);
      const doc = `${words}${cite.inline}\n\n${cite.definitions.map((d) => d.text).join('\n')}\n`;
      const first = updateSourcesSection(doc, options, index);
      if (first.edit) {
        const once = doc.slice(0, first.edit.offset) + first.edit.text + doc.slice(first.edit.offset + first.edit.length);
        const again = updateSourcesSection(once, options, index);
        assert.ok(!again.edit || again.edit.text.length <= first.edit.text.length + 2, `${format}: the Sources section grew on update`);
      }
    }
  }
  const sources = index.sources.map((s) => s.source);
  const bib = toBibtex(sources);
  assert.equal(braceBalance(bib), 0, 'unbalanced braces in the BibTeX export');
  JSON.parse(toCslJson(sources));
  rankFacts(index, 'a');
  checkDocument(facts.map((f) => f.fact.label).join(' said on 23 June 2025 "x". '), index, {
    format: 'markdown',
    style: 'auto',
    dateStyle: 'en-GB',
    today: '2026-01-01',
  });
}

suite('fuzz: hostile and mutated packs through every stage', function () {
  this.timeout(600_000);
  test(`${CASES} cases from seed ${SEED}`, () => {
    const bundledText = readBundledText();
    const bundledSlices = bundledText.split(/\n(?= {2}- id: )/);
    for (let i = 0; i < CASES; i++) {
      const r = rng(SEED + i);
      // Mostly small hostile packs; some cases mutate a slice of the bundled pack.
      let base: string;
      if (r() < 0.25) {
        const start = 1 + Math.floor(r() * (bundledSlices.length - 6));
        base = [bundledSlices[0], ...bundledSlices.slice(start, start + 5)].join('\n');
      } else base = hostileBase(r);
      const text = mutate(base, r);
      const t0 = performance.now();
      try {
        runCase(text);
      } catch (e) {
        assert.fail(
          `case ${i} (FUZZ_SEED=${SEED + i} FUZZ_CASES=1 reproduces it) failed: ${e instanceof Error ? e.stack : String(e)}\n--- pack ---\n${text.slice(0, 4000)}`,
        );
      }
      const ms = performance.now() - t0;
      assert.ok(ms < 10_000, `case ${i} (FUZZ_SEED=${SEED + i}) took ${ms.toFixed(0)} ms\n--- pack ---\n${text.slice(0, 4000)}`);
    }
  });
});
