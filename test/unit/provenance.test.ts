// Provenance: every excerpt and wording the bundled pack attributes to the
// London report (ep-2025-06) is found in the report's text verbatim, curly
// quotes, apostrophes and en dashes included. The text lives outside the
// project, at ../shared/sources/ from the project root.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { compilePackFiles, type CompileResult } from '../../src/core/packs/compilePack';
import type { Source } from '../../src/core/types';
import { bundledFiles, bundledPackPath, describeProblems, factYaml, lineOf, PACK_HEAD, withCode, projectRoot } from './helpers';

const REPORT_PATH = path.resolve(projectRoot, '../shared/sources/london-2025-06-23-report.txt');
const REPORT_SOURCE = 'ep-2025-06';

/** Resolves a source's `textFile` against the pack file that names it, as the build does. */
function readSourceText(packPath: string, source: Source): string | undefined {
  if (!source.textFile) return undefined;
  try {
    return fs.readFileSync(path.resolve(path.dirname(packPath), source.textFile), 'utf8');
  } catch {
    return undefined;
  }
}

let warned = false;

/** Skips (locally) or fails (in CI) when the report's text is not there. */
function requireReport(ctx: Mocha.Context): void {
  if (fs.existsSync(REPORT_PATH)) return;
  const message = `The source text for the provenance test is missing: ${REPORT_PATH}`;
  if (process.env.CI) assert.fail(`${message}. CI must provide it (see ../shared/sources/README.md).`);
  if (!warned) console.warn(`    warning: ${message}; skipping the provenance check.`);
  warned = true;
  ctx.skip();
}

suite('provenance: the bundled pack against the London report', () => {
  let compiled: CompileResult;
  let report: string;

  setup(function () {
    requireReport(this);
    report = fs.readFileSync(REPORT_PATH, 'utf8');
    compiled ??= compilePackFiles(bundledFiles(), readSourceText);
  });

  test("the pack's textFile for ep-2025-06 is the shared report", () => {
    const source = compiled.packs[0].pack.sources.find((s) => s.id === REPORT_SOURCE);
    assert.ok(source?.textFile, 'ep-2025-06 has no textFile, so nothing is checked');
    assert.equal(path.resolve(path.dirname(bundledPackPath), source.textFile), REPORT_PATH);
  });

  test('more than 20 excerpts are checked, and none is missing from the report', () => {
    const checks = compiled.evidence.filter((c) => c.sourceId === REPORT_SOURCE);
    assert.ok(checks.length > 20, `only ${checks.length} checks`);
    const missing = checks.filter((c) => !c.found);
    assert.deepEqual(
      missing.map((c) => `${c.factId}: ${c.excerpt}`),
      [],
    );
  });

  test('compiling the pack gives no evidence-not-found or source-text-missing problem', () => {
    const bad = [...withCode(compiled.problems, 'evidence-not-found'), ...withCode(compiled.problems, 'source-text-missing')];
    assert.deepEqual(bad, [], describeProblems(bad));
    assert.deepEqual(
      compiled.problems.filter((p) => p.severity === 'error'),
      [],
      describeProblems(compiled.problems),
    );
  });

  test('every evidence excerpt and wording attributed to ep-2025-06 appears verbatim in the report', () => {
    // Collected from the pack independently of the checker, so that a checker
    // that skipped something would not hide it.
    const excerpts: { where: string; text: string }[] = [];
    for (const fact of compiled.packs[0].pack.facts) {
      const cites = (list: { source: string; evidence?: string }[], where: string): void => {
        for (const c of list) if (c.source === REPORT_SOURCE && c.evidence) excerpts.push({ where, text: c.evidence });
      };
      cites(fact.citations, `${fact.id} citation`);
      fact.roles?.forEach((r) => cites(r.citations, `${fact.id} role ${r.role}`));
      fact.variants?.forEach((v) => cites(v.citations, `${fact.id} variant`));
      for (const w of fact.wordings ?? []) {
        cites(w.citations, `${fact.id} wording ${w.id}`);
        if (w.citations.some((c) => c.source === REPORT_SOURCE)) excerpts.push({ where: `${fact.id} wording ${w.id} text`, text: w.text });
      }
    }
    assert.ok(excerpts.length > 20, `only ${excerpts.length} excerpts`);
    const notFound = excerpts.filter((e) => !report.includes(e.text));
    assert.deepEqual(notFound, []);
    assert.equal(excerpts.length, compiled.evidence.filter((c) => c.sourceId === REPORT_SOURCE).length, 'the checker saw every excerpt');
  });
});

suite('provenance: an excerpt that differs from its source', () => {
  const sourceText = 'announced a deal during Zelenskyy\u2019s brief visit to London on 23 June, the report said.';
  const packWith = (excerpt: string): string =>
    PACK_HEAD.replace('    kind: outlet', '    kind: outlet\n    textFile: report.txt') +
    factYaml('f1', { omit: ['citations'], lines: ['citations:', '  - source: src-a', `    evidence: "${excerpt}"`] });
  const compile = (text: string, read: (p: string, s: Source) => string | undefined = () => sourceText): CompileResult =>
    compilePackFiles([{ path: 'packs/test.yaml', text }], read);

  test('the exact excerpt, curly apostrophe included, is found', () => {
    const r = compile(packWith('during Zelenskyy\u2019s brief visit'));
    assert.deepEqual(r.problems, []);
    assert.deepEqual(
      r.evidence.map((e) => e.found),
      [true],
    );
  });

  test("a straight apostrophe instead of the curly one is evidence-not-found, at the excerpt's line", () => {
    const text = packWith("during Zelenskyy's brief visit");
    const r = compile(text);
    const p = withCode(r.problems, 'evidence-not-found');
    assert.equal(p.length, 1, describeProblems(r.problems));
    assert.equal(p[0].file, 'packs/test.yaml');
    assert.equal(p[0].range.start.line, lineOf(text, 'evidence:'));
    assert.match(p[0].message, /Fact "f1": this excerpt is not found verbatim in the text of source "src-a" \(report\.txt\)/);
    assert.match(p[0].message, /quote marks and dashes included/);
  });

  test('a source text that cannot be read is source-text-missing, naming the file', () => {
    const text = packWith('during Zelenskyy\u2019s brief visit');
    const r = compile(text, () => undefined);
    const p = withCode(r.problems, 'source-text-missing');
    assert.equal(p.length, 1, describeProblems(r.problems));
    assert.match(p[0].message, /"report\.txt" could not be read/);
    assert.equal(p[0].range.start.line, lineOf(text, 'textFile: report.txt'));
  });
});
