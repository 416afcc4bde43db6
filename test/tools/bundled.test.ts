// Every fact of the bundled pack, inserted in every format and citation style
// as Insert Citation writes it, with the Sources section and both exported
// bibliographies, rendered by the tools writers use: pandoc (HTML and
// --citeproc), markdown-it with footnotes (VS Code's preview), docutils,
// asciidoctor, pdflatex with biblatex and biber. Fails on any error or
// warning, on markup left in the rendered text, and on a citation whose
// source is missing from the output. The CSL-JSON is validated against the
// CSL data schema. Needs the tools of scripts/setup-doc-tools.mjs
// (`npm run test:tools`).

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Ajv from 'ajv';
import MarkdownIt from 'markdown-it';
import footnote from 'markdown-it-footnote';
import {
  citationEdits,
  citationPlace,
  citedSources,
  formatCitation,
  insertionText,
  withCitation,
  type CitationStyle,
  type DocFormat,
  type InsertOptions,
  type TextEdit,
} from '../../src/core/references/citation';
import { keyOf } from '../../src/core/references/citationKeys';
import { toBibtex, toCslJson } from '../../src/core/references/export';
import type { FactIndex, IndexedSource } from '../../src/core/facts/factIndex';
import { updateSourcesSection } from '../../src/core/references/sourcesSection';
import { bundled } from '../unit/helpers';

function run(cmd: string, args: string[], cwd: string, input?: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(cmd, args, { cwd, input, encoding: 'utf8', timeout: 200_000, maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw new Error(`${cmd} could not run (${r.error.message}); run node scripts/setup-doc-tools.mjs`);
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function apply(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.offset - a.offset)) out = out.slice(0, e.offset) + e.text + out.slice(e.offset + e.length);
  return out;
}

/** The body's head and tail in each format, around the paragraphs. */
const FRAME: Record<DocFormat, [string, string]> = {
  markdown: ['# Report\n\n', ''],
  // Ukrainian titles need Cyrillic fonts (T2A), as in any LaTeX document that quotes them.
  latex: ['\\documentclass{article}\n\\usepackage[T2A,T1]{fontenc}\n\\usepackage[ukrainian,english]{babel}\n\\begin{document}\n\n', '\\end{document}\n'],
  asciidoc: ['= Report\n\n', ''],
  restructuredtext: ['Report\n======\n\n', ''],
  html: ['<!DOCTYPE html>\n<html lang="en">\n<head><meta charset="utf-8"><title>Report</title></head>\n<body>\n', '</body>\n</html>\n'],
  plaintext: ['Report\n\n', ''],
};

/**
 * A draft citing every bundled fact, one paragraph each, written as Insert
 * Citation writes it (words, citation, definitions at the end), then its
 * Sources section. Returns the text and the sources cited.
 */
function draft(index: FactIndex, format: DocFormat, style: CitationStyle, preamble = ''): { text: string; cited: IndexedSource[] } {
  const [frameHead, tail] = FRAME[format];
  // A LaTeX preamble goes before \begin{document}; Markdown front matter before everything.
  const head = format === 'latex' ? frameHead.replace('\\begin{document}', `${preamble}\\begin{document}`) : preamble + frameHead;
  let text = head + tail;
  // Where the prose ends: paragraphs go there, before the footnote definitions that end the document.
  let at = head.length;
  const cited = new Map<string, IndexedSource>();
  for (const entry of index.facts) {
    const sources = citedSources(entry, index);
    if (sources.length === 0) continue;
    for (const s of sources) cited.set(s.source.id, s);
    const options: InsertOptions = { format, style, dateStyle: 'en-GB', atDate: entry.fact.date ?? '2025-06-24' };
    const offset = at;
    // A paragraph of its own; in HTML, a <p>.
    const open = format === 'html' ? '<p>' : '';
    const close = format === 'html' ? '</p>\n' : '\n\n';
    const before = text.slice(0, offset) + open;
    const words = insertionText(entry, index, options, 'said', text);
    const place = citationPlace(before + words + text.slice(offset), (before + words).length, format);
    const citation = formatCitation(
      sources.map((s) => s.source),
      options,
      text,
      place,
    );
    const paragraph = `${open}${withCitation(words, citation.inline)}${close}`;
    text = apply(text, citationEdits(text, [{ offset, length: 0, text: paragraph }], citation.definitions));
    at += paragraph.length;
  }
  const u = updateSourcesSection(text, { format, style, dateStyle: 'en-GB' }, index);
  if (u.edit) text = apply(text, [u.edit]);
  return { text, cited: [...cited.values()] };
}

/** Rendered text with tags removed and entities decoded, for the checks below. */
function textOfHtml(html: string): string {
  const body = html.slice(Math.max(0, html.search(/<body\b/i)));
  // Inline elements join their text to the next ("<span>Umerov</span>’s"); block elements separate it.
  return body
    .replace(/<\/?(?:span|em|strong|a|sup|sub|cite|i|b|code)\b[^>]*>/g, '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&');
}

/**
 * biblatex as the README sets it up for the exported .bib: autolang, so that
 * each entry's langid sets its language (Ukrainian titles get Cyrillic fonts),
 * and addresses that may break after a digit or a letter; the bibliography
 * is printed ragged right.
 */
const BIBLATEX_PREAMBLE = [
  '\\usepackage[backend=biber,style=authoryear,autolang=other]{biblatex}',
  '\\addbibresource{sources.bib}',
  '\\setcounter{biburlnumpenalty}{9000}',
  '\\setcounter{biburlucpenalty}{9000}',
  '\\setcounter{biburllcpenalty}{9000}',
  '',
].join('\n');

/** Markup of the source formats that must not survive rendering. */
const LEFTOVER: Record<DocFormat, RegExp> = {
  markdown: /\[\^|\]:|\\[[\]*_`<>@]|<https?:|\[@/,
  latex: /\\[A-Za-z]+|``|''|[{}]/,
  asciidoc: /footnote:|&#\d+;|\]\]|\\\]/,
  restructuredtext: /\[#[^\]]*\]_|\.\. \[#|\\[ `*_[\]]/,
  html: /<[a-z/]|&[a-z]+;/,
  plaintext: /agreement-cite:sources/,
};

/** A source's title as it reads once rendered: quote marks and spaces aside. */
function norm(t: string): string {
  return t
    .replace(/[\u2018\u2019\u201C\u201D'"`]/g, '')
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

function assertCitesAll(rendered: string, cited: readonly IndexedSource[], what: string): void {
  const text = norm(rendered);
  const missing = cited.filter((s) => !text.includes(norm(s.source.title))).map((s) => s.source.id);
  assert.deepEqual(missing, [], `${what}: sources whose title is missing from the output`);
}

function assertNoLeftover(rendered: string, format: DocFormat, what: string): void {
  const m = LEFTOVER[format].exec(rendered);
  assert.equal(m, null, `${what}: markup left in the rendered text: ${m ? rendered.slice(Math.max(0, m.index - 80), m.index + 80) : ''}`);
}

suite('the bundled pack rendered by the real tools', function () {
  this.timeout(600_000);
  let dir: string;
  let index: FactIndex;

  suiteSetup(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'agreement-cite-bundled-'));
    index = bundled().index;
    fs.writeFileSync(path.join(dir, 'sources.bib'), toBibtex(index.sources));
    fs.writeFileSync(path.join(dir, 'sources.json'), toCslJson(index.sources));
  });
  suiteTeardown(() => {
    if (process.env.AGREEMENT_CITE_KEEP_RENDERED) console.log(`rendered files kept in ${dir}`);
    else fs.rmSync(dir, { recursive: true, force: true });
  });

  test('the CSL-JSON export is valid against the CSL data schema', () => {
    const schema = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'test', 'tools', 'vendor', 'csl-data.json'), 'utf8')) as object;
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    const data = JSON.parse(fs.readFileSync(path.join(dir, 'sources.json'), 'utf8')) as unknown[];
    assert.equal(data.length, index.sources.length);
    assert.ok(validate(data), JSON.stringify(validate.errors?.slice(0, 5), null, 2));
  });

  for (const style of ['auto', 'inline'] as const) {
    test(`Markdown (${style}): pandoc and markdown-it with footnotes render every citation, no markup left`, () => {
      const { text, cited } = draft(index, 'markdown', style);
      fs.writeFileSync(path.join(dir, `md-${style}.md`), text);
      const out = run('pandoc', ['-f', 'markdown', '-t', 'html', '--fail-if-warnings', `md-${style}.md`], dir);
      assert.equal(out.status, 0, out.stderr);
      assert.equal(out.stderr, '', out.stderr);
      const rendered = textOfHtml(out.stdout);
      assertNoLeftover(rendered, 'markdown', `pandoc ${style}`);
      assertCitesAll(rendered, cited, `pandoc ${style}`);
      const md = new MarkdownIt().use(footnote as never);
      const html = md.render(text);
      const preview = textOfHtml(html);
      assertNoLeftover(preview, 'markdown', `markdown-it ${style}`);
      assertCitesAll(preview, cited, `markdown-it ${style}`);
      if (style === 'auto') {
        // A source cited again reuses its footnote: one definition per source, referenced at each citation.
        const references = (text.match(/\[\^[^\]\s]+\](?!:)/g) ?? []).length;
        const definitions = (text.match(/^\[\^[^\]\s]+\]:/gm) ?? []).length;
        assert.equal(definitions, cited.length, 'one footnote definition per source');
        assert.ok(references > definitions, 'the draft cites some source twice');
        // markdown-it (and GitHub, cmark-gfm) print each source's note once, with a link back to each citation.
        assert.equal((html.match(/<li id="fn\d+" class="footnote-item">/g) ?? []).length, cited.length, 'markdown-it: a note per source');
        assert.equal((html.match(/<sup class="footnote-ref">/g) ?? []).length, references, 'markdown-it: a mark per citation');
        // pandoc's Markdown has no note referenced twice (jgm/pandoc#1603): it prints the note again at each citation,
        // each in full. The pandoc citation style is the one that lists each source once (the next test).
        assert.equal((out.stdout.match(/<li id="fn\d+"/g) ?? []).length, references, 'pandoc: a note per citation');
      }
    });
  }

  test('Markdown (pandoc): [@key] resolved by pandoc --citeproc against both exports, nothing undefined', () => {
    for (const bib of ['sources.json', 'sources.bib']) {
      const { text: doc, cited } = draft(index, 'markdown', 'pandoc', `---\nbibliography: ${bib}\n---\n\n`);
      const u = updateSourcesSection(doc, { format: 'markdown', style: 'pandoc', dateStyle: 'en-GB' }, index);
      assert.equal(u.action, 'bibliography');
      assert.doesNotMatch(doc, /agreement-cite:sources/, 'no Sources section beside the bibliography');
      fs.writeFileSync(path.join(dir, 'cite.md'), doc);
      const out = run('pandoc', ['-f', 'markdown', '-t', 'html', '--citeproc', '--fail-if-warnings', 'cite.md'], dir);
      assert.equal(out.status, 0, `${bib}: ${out.stderr}`);
      assert.equal(out.stderr, '', `${bib}: ${out.stderr}`);
      const rendered = textOfHtml(out.stdout);
      assert.doesNotMatch(rendered, /\?\?|\[@|@[a-z]+-\d{4}/, `${bib}: unresolved citation`);
      assert.doesNotMatch(rendered, /<span class="nocase">|nocase/, bib);
      assertCitesAll(rendered, cited, `pandoc --citeproc ${bib}`);
      // Each source once in pandoc's bibliography, however often it is cited.
      const entries = [...out.stdout.matchAll(/<div id="ref-([^"]+)"/g)].map((m) => m[1]);
      assert.deepEqual(entries.length, new Set(entries).size, `${bib}: a source listed twice`);
      assert.equal(entries.length, cited.length, `${bib}: one bibliography entry per cited source`);
    }
  });

  for (const style of ['auto', 'inline'] as const) {
    test(`AsciiDoc (${style}): asciidoctor renders every footnote with no warning`, () => {
      const { text, cited } = draft(index, 'asciidoc', style);
      fs.writeFileSync(path.join(dir, 'doc.adoc'), text);
      const out = run('asciidoctor', ['--failure-level=WARN', '-v', '-o', '-', 'doc.adoc'], dir);
      assert.equal(out.status, 0, out.stderr);
      assert.equal(out.stderr.trim(), '', out.stderr);
      const rendered = textOfHtml(out.stdout);
      assertNoLeftover(rendered, 'asciidoc', `asciidoctor ${style}`);
      assertCitesAll(rendered, cited, `asciidoctor ${style}`);
      if (style === 'auto') assert.ok((out.stdout.match(/class="footnote"/g) ?? []).length >= cited.length, 'a footnote per source');
    });
  }

  for (const style of ['auto', 'inline'] as const) {
    test(`reStructuredText (${style}): docutils reports nothing, at any level`, () => {
      const { text, cited } = draft(index, 'restructuredtext', style);
      fs.writeFileSync(path.join(dir, 'doc.rst'), text);
      const out = run('rst2html.py', ['--report=1', '--halt=2', '--no-datestamp', 'doc.rst'], dir);
      assert.equal(out.status, 0, out.stderr);
      assert.equal(out.stderr.trim(), '', out.stderr);
      const rendered = textOfHtml(out.stdout);
      assertNoLeftover(rendered, 'restructuredtext', `docutils ${style}`);
      assertCitesAll(rendered, cited, `docutils ${style}`);
    });
  }

  for (const style of ['auto', 'inline'] as const) {
    test(`HTML (${style}): parses without error, every source named`, async () => {
      const { text, cited } = draft(index, 'html', style);
      const { parse } = await import('parse5');
      const errors: string[] = [];
      parse(text, { onParseError: (e) => errors.push(`${e.code} at ${e.startLine}:${e.startCol}`) });
      assert.deepEqual(errors, []);
      const rendered = textOfHtml(text);
      assertNoLeftover(rendered, 'html', `html ${style}`);
      assertCitesAll(rendered + text, cited, `html ${style}`);
    });
  }

  test('plain text (auto): no section marker or markup a reader would see', () => {
    const { text, cited } = draft(index, 'plaintext', 'auto');
    assertCitesAll(text, cited, 'plain text');
    assert.doesNotMatch(text, /[<>[\]{}\\]{2}/);
    assert.doesNotMatch(text, /agreement-cite/, 'a marker line of the Sources section');
    assert.match(text, /^Sources\n=======\n\n- /m, 'the Sources section');
  });

  /** Runs pdflatex (twice, or with biber between) and fails on any warning, overfull box or undefined reference. */
  function latex(name: string, doc: string, biber = false): string {
    fs.writeFileSync(path.join(dir, `${name}.tex`), doc);
    const args = ['-interaction=nonstopmode', '-halt-on-error', '-no-shell-escape', `${name}.tex`];
    let out = run('pdflatex', args, dir);
    assert.equal(out.status, 0, out.stdout.slice(-3000));
    if (biber) {
      const b = run('biber', ['--validate-datamodel', name], dir);
      assert.equal(b.status, 0, b.stdout + b.stderr);
      assert.doesNotMatch(b.stdout + b.stderr, /WARN|ERROR/, b.stdout);
    }
    out = run('pdflatex', args, dir);
    assert.equal(out.status, 0, out.stdout.slice(-3000));
    // Run again while LaTeX asks for it (biblatex's labels and page tracking settle after biber), as latexmk does; at most three times.
    const logFile = path.join(dir, `${name}.log`);
    for (let i = 0; i < 3 && /Please rerun LaTeX|Rerun to get/.test(fs.readFileSync(logFile, 'latin1')); i++) {
      out = run('pdflatex', args, dir);
      assert.equal(out.status, 0, out.stdout.slice(-3000));
    }
    const log = fs.readFileSync(logFile, 'latin1');
    const lines = log.split('\n');
    // biblatex's advice to load csquotes (TeX Live's latex-extra, not installed here) is the one warning let through.
    // A package's identification line ("Package: infwarerr … Providing info/warning/error messages") is no warning.
    const bad = lines.filter(
      (l) =>
        /Warning|undefined|Missing character/i.test(l) &&
        !/^(?:Package|File|Document Class): \S+ \d{4}\/\d\d\/\d\d\b/.test(l) &&
        !/'babel\/polyglossia' detected but 'csquotes' missing/.test(l),
    );
    // An overfull line that an address makes (typewriter type); the pack's prose may overrun as any text can.
    const overfull = lines.flatMap((l, i) => {
      const m = /^Overfull \\hbox \(([\d.]+)pt too wide\)/.exec(l);
      return m && /cmtt/.test(lines[i + 1] ?? '') ? [`${l} ${lines[i + 1] ?? ''}`] : [];
    });
    assert.deepEqual([...bad, ...overfull], [], `${name}: pdflatex warnings`);
    return log;
  }

  for (const style of ['auto', 'inline', 'latex-cite'] as const) {
    test(`LaTeX (${style}): pdflatex compiles with no warning, overfull box or undefined reference`, () => {
      const { text, cited } = draft(index, 'latex', style);
      latex(`tex-${style}`, text);
      // Every source is in the LaTeX source; reading it back from the PDF (pdftotext) is not yet reliable
      // across hyphenation and ligatures, so the text check is on the source.
      // Cyrillic runs are marked \foreignlanguage{ukrainian}{…} where the document loads babel's Ukrainian: read as their words.
      assertCitesAll(
        text
          .replace(/\\foreignlanguage\{[a-z]+\}\{([^{}]*)\}/g, '$1')
          .replace(/\\([&%$#_{}])/g, '$1')
          .replace(/``|''|[`']/g, ''),
        cited,
        `latex ${style}`,
      );
    });
  }

  test('LaTeX with biblatex: \\cite of every source resolved by biber from the .bib, with no data-model warning', () => {
    const { text } = draft(index, 'latex', 'latex-cite');
    const body = text.replace(/% agreement-cite:sources[\s\S]*% \/agreement-cite:sources\n*/, '');
    // With autolang, the document loads every language the entries are set in (their langid), as biblatex asks of it.
    const langids = [...new Set([...fs.readFileSync(path.join(dir, 'sources.bib'), 'utf8').matchAll(/^\s*langid\s*=\s*\{(\w+)\}/gm)].map((m) => m[1]))];
    assert.deepEqual(
      langids.filter((l) => !['english', 'ukrainian', 'russian', 'ngerman'].includes(l)),
      [],
      'a langid babel is not set up for here',
    );
    const babel = [...langids.filter((l) => l !== 'english'), 'english'].join(',');
    const doc = body
      .replace('\\usepackage[ukrainian,english]{babel}', `\\usepackage[${babel}]{babel}`)
      // autolang: each entry's langid sets its language, so Ukrainian titles get Cyrillic fonts.
      .replace('\\begin{document}', `${BIBLATEX_PREAMBLE}\\begin{document}`)
      .replace('\\end{document}', `\\nocite{${index.sources.map((s) => keyOf(s.source)).join(',')}}\n{\\raggedright\\printbibliography}\n\\end{document}`);
    latex('biblatex', doc, true);
  });

  // The addresses are links, and they still break at the margin.
  test('LaTeX with hyperref: addresses are links, and still no overfull box or warning', () => {
    const { text, cited } = draft(index, 'latex', 'auto', '\\usepackage{hyperref}\n');
    assert.ok((text.match(/\\href\{/g) ?? []).length >= cited.length, 'every address a link');
    latex('hyperref', text);
  });
});
