#!/usr/bin/env node
// Installs the document tools the rendering tests run pack text through:
// pandoc, docutils (rst2html), asciidoctor, pdflatex with the recommended
// LaTeX packages, babel's Cyrillic and German languages, biblatex and biber,
// from Debian's archive.
//
// Idempotent: a package is installed only when its command is missing, and a
// run with everything present only looks up a few commands (well under 1 s).
// Needs root and apt-get for the install; without them it names what is
// missing and exits with an error, so the test that needs the tools is not
// skipped silently.

import { spawn, spawnSync } from 'node:child_process';

const log = (msg) => console.log(`[setup-doc-tools] ${msg}`);

/** Command (or file) that shows the tool is there → the Debian packages providing it. */
const TOOLS = [
  { check: 'pandoc', packages: ['pandoc'] },
  { check: 'rst2html || command -v rst2html.py && python3 -c "import docutils"', packages: ['python3-docutils'] },
  { check: 'asciidoctor', packages: ['asciidoctor'] },
  { check: 'pdflatex', packages: ['texlive-latex-base'] },
  { check: 'kpsewhich url.sty hyperref.sty | grep -c . | grep -qx 2', packages: ['texlive-latex-recommended'], raw: true },
  { check: 'kpsewhich biblatex.sty | grep -q .', packages: ['texlive-bibtex-extra'], raw: true },
  // babel's Ukrainian and Russian with Cyrillic fonts, and German: the languages of the bundled pack's sources.
  { check: 'kpsewhich ukraineb.ldf russianb.ldf | grep -c . | grep -qx 2', packages: ['texlive-lang-cyrillic'], raw: true },
  { check: 'kpsewhich ngermanb.ldf | grep -q .', packages: ['texlive-lang-german'], raw: true },
  { check: 'biber', packages: ['biber'] },
];

function present(tool) {
  const script = tool.raw ? tool.check : `command -v ${tool.check}`;
  return spawnSync('sh', ['-c', `(${script}) >/dev/null 2>&1`], { stdio: 'ignore' }).status === 0;
}

function run(cmd, args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: 'inherit', env });
    child.on('error', (err) => reject(new Error(`cannot start ${cmd}: ${err.message}`)));
    child.on('exit', (code, signal) => (code === 0 ? resolve() : reject(new Error(`\`${cmd} ${args.join(' ')}\` exited with ${signal ?? code}`))));
  });
}

const missing = [...new Set(TOOLS.filter((t) => !present(t)).flatMap((t) => t.packages))];
if (missing.length === 0) {
  log('pandoc, docutils, asciidoctor, pdflatex with its languages, biblatex and biber are installed');
  process.exit(0);
}
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
if (!isRoot || !hasApt) {
  console.error(
    `[setup-doc-tools] missing Debian packages: ${missing.join(' ')}; install them with: apt-get update && apt-get install -y --no-install-recommends ${missing.join(' ')}`,
  );
  process.exit(1);
}
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
try {
  log(`installing ${missing.join(' ')}`);
  await run('apt-get', ['update'], env);
  await run('apt-get', ['install', '-y', '--no-install-recommends', ...missing], env);
} catch (err) {
  console.error(`[setup-doc-tools] ${err.message}`);
  process.exit(1);
}
const still = TOOLS.filter((t) => !present(t)).map((t) => t.check);
if (still.length) {
  console.error(`[setup-doc-tools] still missing after install: ${still.join(', ')}`);
  process.exit(1);
}
log('done');
