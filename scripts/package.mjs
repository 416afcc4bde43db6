// `npm run package`: the .vsix with the minified bundle. The README shipped
// inside it leaves out the screenshots, which live in docs/ and are not
// packaged (they would triple the package's size).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from './vscode-test-env.mjs';

const readme = fs.readFileSync(path.join(projectRoot, 'README.md'), 'utf8');
const packaged = readme.replace(/<!-- screenshots:[^]*?<!-- \/screenshots -->\n?/g, '');
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
const vsce = path.join(projectRoot, 'node_modules', '@vscode', 'vsce', 'vsce');
const r = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--readme-path', path.relative(projectRoot, readmePath), '--out', out], { cwd: projectRoot, stdio: 'inherit' });
if (r.status !== 0) process.exit(r.status ?? 1);
const kb = fs.statSync(out).size / 1024;
console.log(`package: ${path.relative(process.cwd(), out) || out} is ${kb.toFixed(1)} KiB${kb >= 400 ? ' — over the 400 KiB budget (both bundles, DESIGN.md)' : ''}`);
if (kb >= 400 && !demo) process.exit(1);
