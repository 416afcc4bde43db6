// What the .vsix ships: the compiled pack without what only the pack's
// editors read, and one extension bundle that picks its host when activated.

import assert from 'node:assert/strict';
import { withGeneratedForms } from '../../src/core/facts/languageForms';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { mergeForBundle } from '../../src/core/packs/buildTools';
import { buildFactIndex } from '../../src/core/facts/factIndex';
import { renderCard } from '../../src/core/cite/card';
import { runsInNode } from '../../src/platform/whichHost';
import { bundled } from './helpers';

const root = path.resolve(__dirname, '..', '..', '..');

suite('shipped: the compiled pack', () => {
  const full = bundled().loaded;
  const shipped = mergeForBundle([full]);

  test('leaves out source notes, further addresses, role-period notes and the pack’s description, and nothing else', () => {
    assert.ok(full.pack.sources.some((s) => s.note) && full.pack.sources.some((s) => s.alsoAt), 'the pack has source notes and further addresses');
    assert.ok(shipped.sources.every((s) => s.note === undefined && s.alsoAt === undefined && s.textFile === undefined));
    assert.ok(shipped.facts.every((f) => (f.roles ?? []).every((r) => r.note === undefined)));
    assert.deepEqual(Object.keys(shipped.meta).sort(), ['checked', 'id', 'language', 'title', 'version']);
    // Everything else is as written: what a fact shows, its Ukrainian text, its own notes and its wordings' notes.
    const strip = (v: unknown): unknown => JSON.parse(JSON.stringify(v, (k, x) => (['note', 'alsoAt', 'textFile'].includes(k) ? undefined : x)));
    // The build adds each name's case forms (languageForms.ts); the rest is as written.
    assert.deepEqual(strip(shipped.facts), strip(withGeneratedForms(full.pack).facts));
    assert.deepEqual(strip(shipped.sources), strip(full.pack.sources));
    assert.deepEqual(shipped.facts.filter((f) => f.note).length, full.pack.facts.filter((f) => f.note).length);
    assert.equal(shipped.facts.find((f) => f.id === 'person.umerov')?.languages?.uk.label, 'Рустем Умєров');
  });

  test('hover cards read from the shipped pack are the cards of the full pack', () => {
    const a = bundled().index;
    const b = buildFactIndex([{ ...full, pack: shipped }]).index;
    for (const id of [
      'person.umerov',
      'quote.zelenskyy.co-production',
      'quote.umerov.wartime-drones',
      'event.kyiv-signing-2025-01-16',
      'figure.era-loan-amount',
    ]) {
      const card = (index: typeof a): string => renderCard(index.fact(id)!, index, { dateStyle: 'en-GB', today: '2026-03-01' });
      assert.equal(card(b), card(a), id);
    }
  });
});

suite('shipped: one bundle for both extension hosts', () => {
  test('package.json names the same file for the Node host and the web worker host, and the .vsix carries it', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { main: string; browser: string };
    assert.equal(path.normalize(manifest.browser), path.normalize(manifest.main));
    assert.match(fs.readFileSync(path.join(root, '.vscodeignore'), 'utf8'), new RegExp(`^!${manifest.main.replace(/^\.\//, '').replace(/\./g, '\\.')}$`, 'm'));
  });

  test('the host is told by its globals: Node’s process in the Node host, importScripts in a web worker', () => {
    assert.equal(runsInNode(), true, 'these tests run in Node');
    assert.equal(runsInNode({ process: { versions: { node: '20.18.0' } } }), true);
    assert.equal(runsInNode({ importScripts: () => undefined }), false);
    // A web worker with a `process` shim is still a web worker.
    assert.equal(runsInNode({ importScripts: () => undefined, process: { versions: { node: '20.18.0' } } }), false);
    assert.equal(runsInNode({}), false);
  });
});
