// The .vsix made from a folder of what it ships, by scripts/package.mjs and by
// the benchmark (scripts/bench/bench.mjs), so that both measure one package.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Copies into `stage` what the package takes from `root` besides its `dist`
 * folder: a package.json without the fields only the project's developers
 * use (its scripts and the packages that build and test it, which VS Code
 * does not read) and without indentation, the manifest's translations, the
 * changelog, the licence, `.vscodeignore`, the schema and the translations.
 */
export function stagePackageFiles(root, stage) {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  delete manifest.scripts;
  delete manifest.devDependencies;
  fs.writeFileSync(path.join(stage, 'package.json'), JSON.stringify(manifest));
  for (const name of fs.readdirSync(root)) {
    if (/^(package\.nls(\..+)?\.json|CHANGELOG\.md|LICENSE|\.vscodeignore)$/.test(name)) fs.copyFileSync(path.join(root, name), path.join(stage, name));
  }
  for (const dir of ['schema', 'l10n']) fs.cpSync(path.join(root, dir), path.join(stage, dir), { recursive: true });
}

/** Runs `vsce package` in `stage`, its files deflated at zlib's best level (deflate-best.mjs); `stdio` as for spawnSync. */
export function vscePackage(root, stage, out, stdio = 'inherit') {
  const vsce = path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
  const best = pathToFileURL(path.join(root, 'scripts', 'deflate-best.mjs')).href;
  const args = [
    '--import',
    best,
    vsce,
    'package',
    '--no-dependencies',
    '--allow-missing-repository',
    '--readme-path',
    path.join('dist', 'README.md'),
    '--out',
    out,
  ];
  return spawnSync(process.execPath, args, { cwd: stage, stdio, encoding: 'utf8' });
}
