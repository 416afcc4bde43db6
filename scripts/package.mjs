// `npm run package`: the .vsix with the minified bundle. The README shipped
// inside it leaves out the screenshots, which live in docs/ and are not
// packaged (they would triple the package's size), and the developers'
// sections (scripts/packaged-readme.mjs).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from './vscode-test-env.mjs';
import { readPackagedReadme } from './packaged-readme.mjs';
import { stagePackageFiles, vscePackage } from './vsce-package.mjs';

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
// The package is made from a folder of what it ships (.vscodeignore says what; scripts/vsce-package.mjs).
const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'agreement-cite-package-'));
stagePackageFiles(projectRoot, stage);
fs.cpSync(path.join(projectRoot, 'dist'), path.join(stage, 'dist'), { recursive: true });
const r = vscePackage(projectRoot, stage, path.resolve(out));
fs.rmSync(stage, { recursive: true, force: true });
if (r.status !== 0) process.exit(r.status ?? 1);
// The budget (DESIGN.md, LIBRARIES.md): 400 KB with both extension bundles, the compiled pack and the pack parser.
const BUDGET = 400_000;
const bytes = fs.statSync(out).size;
console.log(
  `package: ${path.relative(process.cwd(), out) || out} is ${(bytes / 1024).toFixed(1)} KiB (${bytes.toLocaleString('en-GB')} bytes)${bytes >= BUDGET ? ` — over the budget of ${BUDGET.toLocaleString('en-GB')} bytes (DESIGN.md)` : ''}`,
);
if (bytes >= BUDGET && !demo) process.exit(1);
