// A pack's textFile is read only from inside the workspace folder that holds
// the pack, and only up to a size: sourceTextPath (the path) and
// refusedOnDisk (links and size, on a real disk), before anything is read.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { sourceTextPath } from '../../src/core/packs/sourceTextPath';
import { refusedOnDisk } from '../../src/packs/sourceTextDisk';

const FOLDER = '/home/writer/project';
const PACK = '/home/writer/project/.factpacks/mine.yaml';

suite('sourceTexts: where a textFile may be', () => {
  test('a path beside the pack or below the folder is read from there', () => {
    assert.deepEqual(sourceTextPath(FOLDER, PACK, 'texts/a.txt'), { path: '/home/writer/project/.factpacks/texts/a.txt' });
    assert.deepEqual(sourceTextPath(FOLDER, PACK, '../sources/./b.txt'), { path: '/home/writer/project/sources/b.txt' });
  });

  for (const relative of ['../../secret.txt', '../../../../../../etc/hostname', 'a/../../../x.txt', '../..', '..']) {
    test(`"${relative}" leads outside the workspace folder: refused`, () => {
      const r = sourceTextPath(FOLDER, PACK, relative);
      assert.deepEqual(r, { refused: 'it is outside the workspace folder that holds the pack' });
    });
  }

  for (const relative of ['/etc/hostname', 'file:///etc/hostname', 'C:\\Windows\\win.ini', 'a\\..\\..\\x', 'https://example.org/x', 'a\0b']) {
    test(`${JSON.stringify(relative)} is not a relative path: refused`, () => {
      const r = sourceTextPath(FOLDER, PACK, relative);
      assert.ok('refused' in r && /relative to the pack/.test(r.refused), JSON.stringify(r));
    });
  }
});

suite('sourceTexts: on disk, before reading', () => {
  let root: string;
  let folder: string;
  const disk = fs.promises;

  suiteSetup(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'agreement-cite-texts-'));
    folder = path.join(root, 'project');
    fs.mkdirSync(path.join(folder, '.factpacks'), { recursive: true });
    fs.writeFileSync(path.join(root, 'outside.txt'), 'a secret outside the folder');
    fs.writeFileSync(path.join(folder, '.factpacks', 'inside.txt'), 'the source text');
    fs.writeFileSync(path.join(folder, '.factpacks', 'big.txt'), 'x'.repeat(10 * 1024 + 1));
    fs.symlinkSync(path.join(root, 'outside.txt'), path.join(folder, '.factpacks', 'link.txt'));
    fs.symlinkSync(path.join(folder, '.factpacks', 'inside.txt'), path.join(folder, '.factpacks', 'link-inside.txt'));
  });
  suiteTeardown(() => fs.rmSync(root, { recursive: true, force: true }));

  const at = (name: string): string => path.join(folder, '.factpacks', name);

  test('a file inside the folder, under the limit, may be read', async () => {
    assert.equal(await refusedOnDisk(disk, path.sep, folder, at('inside.txt'), 10 * 1024), undefined);
    assert.equal(await refusedOnDisk(disk, path.sep, folder, at('link-inside.txt'), 10 * 1024), undefined);
  });

  test('a symbolic link to a file outside the folder is refused', async () => {
    assert.equal(await refusedOnDisk(disk, path.sep, folder, at('link.txt'), 10 * 1024), 'it links to a file outside the workspace folder that holds the pack');
  });

  test('a file over the limit is refused, saying its size, the limit and the setting', async () => {
    const refused = await refusedOnDisk(disk, path.sep, folder, at('big.txt'), 10 * 1024);
    assert.equal(refused, 'it is 11 KiB; source texts are limited to 10 KiB (setting agreementCite.packs.maxSourceTextKB)');
  });

  test('a folder is not a file', async () => {
    assert.equal(await refusedOnDisk(disk, path.sep, folder, path.join(folder, '.factpacks'), 10 * 1024), 'it is not a file');
  });
});
