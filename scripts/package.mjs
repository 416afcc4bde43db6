// `npm run package`: the .vsix with the minified bundle. The README shipped
// inside it leaves out the screenshots, which live in docs/ and are not
// packaged (they would triple the package's size), and the developers'
// sections (scripts/packaged-readme.mjs).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { projectRoot } from './vscode-test-env.mjs';
import { readPackagedReadme } from './packaged-readme.mjs';

const packaged = readPackagedReadme(projectRoot);
if (/\]\((?!https?:|#)[^)]*\.(png|jpe?g|gif|svg)\)/i.test(packaged)) {
  console.error('package: README.md links a local image outside the screenshots block; it would be broken in the package');
  process.exit(1);
}
fs.mkdirSync(path.join(projectRoot, 'dist'), { recursive: true });
const readmePath = path.join(projectRoot, 'dist', 'README.md');
fs.writeFileSync(readmePath, packaged);

// `--demo`: the package `npm start` installs locally; over the size budget it warns instead of failing.
const demo = process.argv.includes('--demo');
const out = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? path.join(projectRoot, 'agreement-cite.vsix');
// The package is made from a folder of what it ships (.vscodeignore says what), with a package.json
// without the fields only the project's developers use (its scripts and the packages that build and
// test it, which VS Code does not read) and without indentation.
const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'agreement-cite-package-'));
const manifest = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8'));
delete manifest.scripts;
delete manifest.devDependencies;
fs.writeFileSync(path.join(stage, 'package.json'), JSON.stringify(manifest));
for (const name of fs.readdirSync(projectRoot)) {
  if (/^(package\.nls(\..+)?\.json|CHANGELOG\.md|LICENSE|\.vscodeignore)$/.test(name)) fs.copyFileSync(path.join(projectRoot, name), path.join(stage, name));
}
for (const dir of ['dist', 'schema', 'l10n']) fs.cpSync(path.join(projectRoot, dir), path.join(stage, dir), { recursive: true });
const vsce = path.join(projectRoot, 'node_modules', '@vscode', 'vsce', 'vsce');
const r = spawnSync(
  process.execPath,
  [
    '--import',
    pathToFileURL(path.join(projectRoot, 'scripts', 'deflate-best.mjs')).href,
    vsce,
    'package',
    '--no-dependencies',
    '--allow-missing-repository',
    '--readme-path',
    path.join('dist', 'README.md'),
    '--out',
    path.resolve(out),
  ],
  { cwd: stage, stdio: 'inherit' },
);
fs.rmSync(stage, { recursive: true, force: true });
if (r.status !== 0) process.exit(r.status ?? 1);
// The budget (DESIGN.md, LIBRARIES.md): 400 KB with both extension bundles, the compiled pack and the pack parser.
const BUDGET = 400_000;
const bytes = fs.statSync(out).size;
console.log(
  `package: ${path.relative(process.cwd(), out) || out} is ${(bytes / 1024).toFixed(1)} KiB (${bytes.toLocaleString('en-GB')} bytes)${bytes >= BUDGET ? ` — over the budget of ${BUDGET.toLocaleString('en-GB')} bytes (DESIGN.md)` : ''}`,
);
if (bytes >= BUDGET && !demo) process.exit(1);
