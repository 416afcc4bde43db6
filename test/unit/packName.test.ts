// packName.packFileName: New Fact Pack writes only inside `.factpacks/`,
// whatever name a command link or a caller passes.

import assert from 'node:assert/strict';
import { packFileName } from '../../src/core/packs/packName';

suite('packName: the file New Fact Pack creates', () => {
  test('a plain name becomes a .yaml file name, a .yaml ending is not doubled', () => {
    assert.deepEqual(packFileName('my-pack'), { file: 'my-pack.yaml' });
    assert.deepEqual(packFileName('team_facts.v2.yaml'), { file: 'team_facts.v2.yaml' });
  });

  for (const name of [
    '../escape',
    '../../.bashrc',
    'a/b',
    'a\\b',
    '..',
    'a..b',
    '/etc/passwd',
    'C:evil',
    'C:\\evil',
    '.hidden',
    '',
    '   ',
    'x'.repeat(101),
    'name with space',
    'a\0b',
  ]) {
    test(`refuses ${JSON.stringify(name.slice(0, 20))}, saying why`, () => {
      const result = packFileName(name);
      assert.ok('refused' in result, `${JSON.stringify(name)} gave ${JSON.stringify(result)}`);
      assert.ok(result.refused.length > 10);
    });
  }
});
