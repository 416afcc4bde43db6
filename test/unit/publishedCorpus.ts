// A corpus of published prose (test/fixtures/checker/published*.md) as a
// suite: excerpts of reporting kept as published must raise nothing, and the
// same excerpts with one planted error must raise that error. Precision and
// recall are printed per kind of news writing.

import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkDocument, type CheckCode, type Finding } from '../../src/core/check/checker';
import type { CheckOptions } from '../../src/core/check/findings';
import { CORPUS_TODAY } from './checkerCorpus';
import { bundled, projectRoot } from './helpers';

interface Excerpt {
  line: number;
  text: string;
  source: string;
  date: string;
  planted: boolean;
  /** Why the check does not find this planted error yet. */
  limit?: string;
  kind?: string;
  expect?: CheckCode;
  at?: string;
}

/** Entries run from one `<!-- … -->` line to the next: an entry may hold several paragraphs. */
function readExcerpts(file: string): Excerpt[] {
  const lines = fs.readFileSync(path.join(projectRoot, 'test', 'fixtures', 'checker', file), 'utf8').split('\n');
  const out: Excerpt[] = [];
  let current: { attributes: Map<string, string>; line: number; body: string[] } | undefined;
  const flush = (): void => {
    if (!current) return;
    const a = current.attributes;
    out.push({
      line: current.line,
      text: `${current.body.join('\n').trim()}\n`,
      source: a.get('source') ?? '',
      date: a.get('date') ?? '',
      planted: a.get('planted') === 'yes',
      limit: a.get('limit'),
      kind: a.get('kind'),
      expect: a.get('expect') as CheckCode | undefined,
      at: a.get('at'),
    });
  };
  lines.forEach((l, i) => {
    const marker = /^<!--(.*)-->\s*$/.exec(l);
    if (marker && /source:/.test(marker[1])) {
      flush();
      const attributes = new Map<string, string>();
      for (const part of marker[1].split(/;\s+(?=[a-z]+:)/)) {
        const m = /^\s*([a-z]+):\s*(.*?)\s*$/.exec(part);
        if (m) attributes.set(m[1], m[2]);
      }
      current = { attributes, line: i + 2, body: [] };
    } else if (current) current.body.push(l);
  });
  flush();
  return out;
}

export interface PublishedCorpus {
  /** The fixture's name in test/fixtures/checker. */
  file: string;
  /** The suite's title. */
  title: string;
  /** Kinds of news writing that must each have at least two planted errors. */
  kinds: readonly string[];
  /** Check options beyond the format, today and the excerpt's date. */
  options?: Partial<CheckOptions>;
}

/** Declares the suite for one corpus. */
export function publishedCorpusSuite(corpus: PublishedCorpus): void {
  const { file } = corpus;
  function check(e: Excerpt): Finding[] {
    return checkDocument(e.text, bundled().index, {
      format: 'markdown',
      style: 'auto',
      dateStyle: 'en-GB',
      ...corpus.options,
      today: CORPUS_TODAY,
      documentDate: e.date,
    });
  }

  const excerpts = readExcerpts(file);
  const published = excerpts.filter((e) => !e.planted);
  const planted = excerpts.filter((e) => e.planted && !e.limit);
  const limits = excerpts.filter((e) => e.planted && e.limit);

  function finds(e: Excerpt): boolean {
    return check(e).some((f) => f.code === e.expect && e.text.slice(f.start, f.end).includes(e.at!));
  }

  suite(corpus.title, () => {
    const perKind = new Map<string, { planted: number; found: number; wrong: number }>();
    let falseOnPublished = 0;
    const tallyOf = (kind: string): { planted: number; found: number; wrong: number } => {
      let t = perKind.get(kind);
      if (!t) perKind.set(kind, (t = { planted: 0, found: 0, wrong: 0 }));
      return t;
    };

    suiteTeardown(() => {
      const found = [...perKind.values()].reduce((n, t) => n + t.found, 0);
      const wrong = [...perKind.values()].reduce((n, t) => n + t.wrong, 0) + falseOnPublished;
      const lines = [
        `      ${file}: ${published.length} excerpts as published, ${planted.length} with a planted error; ${falseOnPublished} findings on published text`,
      ];
      lines.push(
        `      overall: precision ${((found / Math.max(1, found + wrong)) * 100).toFixed(1)}% (${found} right of ${found + wrong}), recall ${((found / Math.max(1, planted.length)) * 100).toFixed(1)}% (${found}/${planted.length})`,
      );
      for (const [kind, t] of [...perKind].sort()) {
        const own = limits.filter((e) => e.kind === kind);
        const caught = own.filter(finds).length;
        lines.push(
          `      ${kind}: precision ${((t.found / Math.max(1, t.found + t.wrong)) * 100).toFixed(1)}%, recall ${((t.found / Math.max(1, t.planted)) * 100).toFixed(1)}% (${t.found}/${t.planted})` +
            (own.length > 0
              ? `, ${(((t.found + caught) / (t.planted + own.length)) * 100).toFixed(1)}% with ${own.length} documented limit${own.length > 1 ? 's' : ''} (${t.found + caught}/${t.planted + own.length})`
              : ''),
        );
      }
      console.log(lines.join('\n'));
    });

    test('every excerpt has its address and date, and every planted error its kind, code and place', () => {
      for (const e of excerpts) {
        assert.match(e.source, /^https:\/\/\S+$/, `${file}:${e.line}`);
        assert.match(e.date, /^\d{4}-\d{2}-\d{2}$/, `${file}:${e.line}`);
        if (e.planted) assert.ok(e.kind && e.expect && e.at, `${file}:${e.line}`);
        else assert.equal(e.expect, undefined, `${file}:${e.line}`);
      }
      for (const kind of corpus.kinds) {
        assert.ok(planted.filter((e) => e.kind === kind).length >= 2, `fewer than 2 planted errors of kind ${kind}`);
      }
    });

    for (const e of published) {
      test(`${file}:${e.line} as published has no finding: ${e.text.replace(/\s+/g, ' ').slice(0, 60).trim()}…`, () => {
        const findings = check(e);
        falseOnPublished += findings.length;
        assert.deepEqual(
          findings.map((f) => `${f.code} ${e.text.slice(f.start, f.end)}: ${f.message}`),
          [],
        );
      });
    }

    for (const e of planted) {
      test(`${file}:${e.line} planted ${e.kind}: one ${e.expect}: ${e.text.replace(/\s+/g, ' ').slice(0, 50).trim()}…`, () => {
        const findings = check(e);
        const t = tallyOf(e.kind!);
        t.planted++;
        const right = findings.filter((f) => f.code === e.expect && e.text.slice(f.start, f.end).includes(e.at!));
        t.found += Math.min(1, right.length);
        t.wrong += findings.length - Math.min(1, right.length);
        assert.deepEqual(
          findings.map((f) => `${f.code} ${e.text.slice(f.start, f.end)}`),
          right.slice(0, 1).map((f) => `${f.code} ${e.text.slice(f.start, f.end)}`),
        );
        assert.equal(right.length, 1, findings.map((f) => `${f.code} ${e.text.slice(f.start, f.end)}: ${f.message}`).join('\n') || '(none)');
      });
    }

    test('precision is at least 0.97 overall and recall at least 0.9 for every kind, documented limits included', () => {
      let found = 0;
      let wrong = falseOnPublished;
      for (const e of planted) {
        const findings = check(e);
        const ok = findings.some((f) => f.code === e.expect && e.text.slice(f.start, f.end).includes(e.at!));
        if (ok) found++;
        wrong += findings.length - (ok ? 1 : 0);
      }
      assert.ok(found / Math.max(1, found + wrong) >= 0.97, `precision ${found}/${found + wrong}`);
      // A documented limit is a miss all the same: a writer sees the error go unreported.
      for (const kind of new Set([...planted, ...limits].map((e) => e.kind!))) {
        const of = [...planted, ...limits].filter((e) => e.kind === kind);
        const hit = of.filter(finds).length;
        assert.ok(hit / of.length >= 0.9, `recall for ${kind}, documented limits counted as misses: ${hit}/${of.length}`);
      }
    });
  });
}
