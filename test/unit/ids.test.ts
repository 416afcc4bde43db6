// Command and view ids: declared once (src/workbench/ids.ts), the same as package.json's contributions.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { COMMANDS, VIEWS } from '../../src/workbench/ids';
import { projectRoot } from './helpers';

interface Manifest {
  contributes: { commands: { command: string }[]; views: Record<string, { id: string }[]>; menus?: Record<string, { command: string }[]> };
}

suite('command and view ids', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as Manifest;
  const declared = new Set(manifest.contributes.commands.map((c) => c.command));

  test('every command in package.json has its id in COMMANDS, and every id there is declared or internal to a view', () => {
    const ids = new Set<string>(Object.values(COMMANDS));
    for (const c of declared) assert.ok(ids.has(c), `${c} is in package.json but not in src/workbench/ids.ts`);
    // A command run from a row of the facts view is not in the palette; every other id must be declared.
    for (const id of ids) if (id !== COMMANDS.insertFromFactsView) assert.ok(declared.has(id), `${id} is not declared in package.json`);
  });

  test('every view in package.json has its id in VIEWS', () => {
    const views = Object.values(manifest.contributes.views)
      .flat()
      .map((v) => v.id);
    assert.deepEqual(views.sort(), Object.values(VIEWS).sort());
  });

  test('menus name only declared commands', () => {
    for (const [menu, items] of Object.entries(manifest.contributes.menus ?? {})) {
      for (const item of items) assert.ok(declared.has(item.command) || item.command === COMMANDS.insertFromFactsView, `${menu}: ${item.command}`);
    }
  });
});
