// The facts view's rows and cited facts for an in-memory document, as the tree shows them (src/factsView/factsTree.ts).
import assert from 'node:assert/strict';
import { childrenOf, citedStateOf, pathOf, type FactsNode } from '../../src/factsView/factsTree';
import { citationEditsAt } from '../../src/cite/citationEdits';
import { FACT_KINDS, type FactKind } from '../../src/core/types';
import { bundled } from './helpers';
import { InMemoryDocument } from './doubles/inMemoryDocument';
import { InMemorySettings } from './doubles/settings';

const index = () => bundled().index;
const settings = new InMemorySettings();

suite('facts view rows', () => {
  test('a fact inserted with its citation is listed as cited, and leaves the list when its citation is deleted', () => {
    const doc = new InMemoryDocument('# Draft\n\nWe met \n');
    assert.deepEqual(citedStateOf(doc, index(), settings).facts, []);
    doc.edit(citationEditsAt(doc, [{ start: 16, end: 16 }], index().fact('person.umerov')!, index(), settings));
    const cited = citedStateOf(doc, index(), settings);
    assert.deepEqual(
      cited.facts.map((c) => c.entry.fact.id),
      ['person.umerov'],
    );
    assert.equal(cited.sources, 1);
    const rows = childrenOf({ type: 'cited' }, index(), cited);
    assert.deepEqual(
      rows.map((r) => r.type === 'fact' && [r.factId, r.sourceId]),
      [['person.umerov', cited.facts[0].sources[0].source.id]],
    );
    const text = doc.getText();
    doc.edit([{ offset: text.indexOf('[^'), length: text.indexOf(']', text.indexOf('[^')) + 1 - text.indexOf('[^'), text: '' }]);
    assert.deepEqual(citedStateOf(doc, index(), settings).facts, []);
  });

  test('kinds with facts, a kind’s facts by label, each under its own path', () => {
    const kinds = childrenOf({ type: 'kinds' }, index(), undefined);
    assert.deepEqual(
      kinds.slice(0, 3).map((k) => k.type === 'kind' && k.kind),
      ['person', 'role', 'event'],
    );
    const people = childrenOf(kinds[0], index(), undefined);
    const labels = people.map((p) => p.type === 'fact' && index().fact(p.factId)!.fact.label) as string[];
    assert.ok(labels.includes('Rustem Umerov'));
    assert.deepEqual(
      labels,
      [...labels].sort((a, b) => a.localeCompare(b, 'en')),
    );
    assert.equal(pathOf(people[0]), `kinds/person/${(people[0] as Extract<FactsNode, { type: 'fact' }>).factId}`);
  });

  test('a source lists its facts by kind: people, roles, events, …', () => {
    const sources = childrenOf({ type: 'sources' }, index(), undefined);
    assert.ok(sources.length > 0);
    for (const source of sources.slice(0, 10)) {
      const kinds = childrenOf(source, index(), undefined).map((f) => f.type === 'fact' && index().fact(f.factId)!.fact.kind) as FactKind[];
      assert.ok(kinds.length > 0);
      const order = kinds.map((k) => FACT_KINDS.indexOf(k));
      assert.deepEqual(
        order,
        [...order].sort((a, b) => a - b),
        kinds.join(', '),
      );
    }
  });
});
