// Hostile packs rendered through the tools writers use: what the extension
// writes into a document (inserted words, citations, the Sources section) and
// the exported bibliography hold no injected element, directive or include.
// Needs pandoc, docutils, asciidoctor, pdflatex and biber
// (scripts/setup-doc-tools.mjs installs them; `npm run test:tools`).

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { formatCitation, insertionText, withCitation, type DocFormat } from '../../src/core/references/citation';
import { toBibtex } from '../../src/core/references/export';
import { buildFactIndex, type FactIndex } from '../../src/core/facts/factIndex';
import { parsePackText } from '../../src/core/packs/packLoader';
import { updateSourcesSection } from '../../src/core/references/sourcesSection';

/** A file whose contents must never reach an output: an include or \input of it would show this text. */
const SECRET = 'SECRET-0f9c2d7e';

function hostilePack(secretFile: string): string {
  const s = JSON.stringify;
  const evil = [
    `a}\\input{${secretFile}}\\def\\x{`,
    `t\n\n.. include:: ${secretFile}\n\n.. raw:: html\n\n   <script>alert(1)</script>\n\n`,
    `![x](https://evil.example/x.png) <img src=x onerror=alert(1)> <!-- hidden`,
    `+++<script>alert(2)</script>+++ pass:[<b>bold</b>] include::${secretFile}[] image:https://evil.example/y.png[] {docdir}`,
    `unbalanced \\{ brace } @misc{evil, title={x}`,
  ].join(' ');
  return (
    [
      'pack:',
      '  id: evil',
      '  title: Evil',
      '  version: "1"',
      '  language: en',
      '  checked: "2025-07-01"',
      'sources:',
      '  - id: evil-src',
      `    title: ${s(evil)}`,
      `    publisher: ${s(`Pub ${evil}`)}`,
      `    author: ${s(evil)}`,
      `    via: ${s(evil)}`,
      `    url: ${s(`https://evil.example/a}\\input{${secretFile}}<script>"+++[]`)}`,
      '    kind: outlet',
      '    language: en',
      '    date: "2025-06-23"',
      'facts:',
      '  - id: evil.fact',
      '    kind: event',
      '    label: Evil fact',
      `    text: ${s(evil)}`,
      '    aliases: [evil fact]',
      '    citations:',
      '      - source: evil-src',
    ].join('\n') + '\n'
  );
}

function run(cmd: string, args: string[], cwd: string, input?: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(cmd, args, { cwd, input, encoding: 'utf8', timeout: 110_000 });
  if (r.error) throw new Error(`${cmd} could not run (${r.error.message}); run node scripts/setup-doc-tools.mjs`);
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function documentFor(index: FactIndex, format: DocFormat): string {
  const options = { format, style: 'auto' as const, dateStyle: 'en-GB' as const };
  const entry = index.fact('evil.fact')!;
  const cite = formatCitation([index.source('evil-src')!.source], options, '');
  let body = `${withCitation(insertionText(entry, index, options), cite.inline)}\n\n${cite.definitions.map((d) => d.text).join('\n')}\n`;
  const u = updateSourcesSection(body, options, index);
  if (u.edit) body = body.slice(0, u.edit.offset) + u.edit.text + body.slice(u.edit.offset + u.edit.length);
  return body;
}

/** Elements and comments a pack string would have made: escaped text shows as &lt;…&gt; and does not match. */
const INJECTED_HTML = /<(?:script|img|iframe|b)\b|<!--\s*hidden/i;

/** The part of an HTML page the document made, without the tool's own head and styles. */
function bodyOf(html: string): string {
  const at = html.search(/<body\b/i);
  return at < 0 ? html : html.slice(at);
}

suite('hostile packs rendered by the real tools', function () {
  this.timeout(240_000);
  let dir: string;
  let secret: string;
  let index: FactIndex;

  suiteSetup(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'agreement-cite-render-'));
    secret = path.join(dir, 'secret.tex');
    fs.writeFileSync(secret, `${SECRET}\n`);
    const r = parsePackText(hostilePack(secret), 'evil.yaml');
    assert.ok(r.pack, r.problems.map((p) => p.message).join('; '));
    const built = buildFactIndex([{ pack: r.pack, locations: r.locations, origin: 'workspace' }]);
    index = built.index;
    assert.ok(index.fact('evil.fact'), built.problems.map((p) => p.message).join('; '));
  });
  suiteTeardown(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('pandoc (Markdown to HTML): no image, raw HTML or comment', () => {
    const out = run('pandoc', ['-f', 'markdown', '-t', 'html'], dir, documentFor(index, 'markdown'));
    assert.equal(out.status, 0, out.stderr);
    assert.doesNotMatch(out.stdout, INJECTED_HTML, out.stdout);
    assert.doesNotMatch(out.stdout, /class="citation"/, out.stdout);
    assert.match(out.stdout, /evil\.example/);
  });

  test('docutils (reStructuredText to HTML): no directive, include or raw HTML', () => {
    const rst2html = ['rst2html', 'rst2html.py', 'rst2html5'].find((c) => spawnSync('sh', ['-c', `command -v ${c}`]).status === 0) ?? 'rst2html';
    fs.writeFileSync(path.join(dir, 'doc.rst'), documentFor(index, 'restructuredtext'));
    const out = run(rst2html, ['--report=2', '--halt=5', 'doc.rst'], dir);
    assert.equal(out.status, 0, out.stderr);
    assert.doesNotMatch(bodyOf(out.stdout), INJECTED_HTML, bodyOf(out.stdout));
    assert.ok(!out.stdout.includes(SECRET), 'the secret file was included');
    assert.doesNotMatch(out.stderr, /ERROR|SEVERE/, out.stderr);
  });

  test('asciidoctor: no passthrough, macro or include', () => {
    fs.writeFileSync(path.join(dir, 'doc.adoc'), documentFor(index, 'asciidoc'));
    const out = run('asciidoctor', ['-a', 'allow-uri-read!', '-o', '-', 'doc.adoc'], dir);
    assert.equal(out.status, 0, out.stderr);
    assert.doesNotMatch(bodyOf(out.stdout), INJECTED_HTML, bodyOf(out.stdout));
    assert.ok(!out.stdout.includes(SECRET), 'the secret file was included');
    assert.doesNotMatch(out.stdout, /<img|evil\.example\/y\.png"/);
  });

  test('pdflatex: compiles, and reads no file the pack names', () => {
    const doc = [
      '\\documentclass{article}',
      '\\usepackage[T1]{fontenc}',
      '\\usepackage{hyperref}',
      '\\begin{document}',
      documentFor(index, 'latex'),
      '\\end{document}',
    ].join('\n');
    fs.writeFileSync(path.join(dir, 'doc.tex'), doc);
    const out = run('pdflatex', ['-interaction=nonstopmode', '-halt-on-error', '-no-shell-escape', '-recorder', 'doc.tex'], dir);
    assert.equal(out.status, 0, out.stdout.slice(-3000));
    const read = fs.readFileSync(path.join(dir, 'doc.fls'), 'utf8');
    assert.ok(!read.includes('secret.tex'), 'pdflatex read the file the pack names');
  });

  test('biber: the exported BibTeX is one entry, read without errors', () => {
    fs.writeFileSync(path.join(dir, 'refs.bib'), toBibtex([index.source('evil-src')!.source]));
    const out = run('biber', ['--tool', '--quiet', '--output-file=out.bib', 'refs.bib'], dir);
    assert.equal(out.status, 0, out.stdout + out.stderr);
    assert.doesNotMatch(out.stdout + out.stderr, /ERROR/);
    const back = fs.readFileSync(path.join(dir, 'out.bib'), 'utf8');
    assert.equal((back.match(/^@/gm) ?? []).length, 1, back);
  });
});
