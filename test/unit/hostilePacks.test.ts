// Hostile packs: keys named like Object's own properties, loads that throw,
// and pack strings written to end a document construct or start one.

import assert from 'node:assert/strict';
import { formatCitation, insertionText, sourceReference, type DocFormat } from '../../src/core/references/citation';
import { escapeAsciidocText, escapeBibtexText, escapeLatexText, escapeMarkdownText, escapeRstText, latexUrl, safeUrl } from '../../src/core/references/escape';
import { toBibtex } from '../../src/core/references/export';
import { buildFactIndex } from '../../src/core/facts/factIndex';
import { parsePackText } from '../../src/core/packs/packLoader';
import { updateSourcesSection } from '../../src/core/references/sourcesSection';
import type { Source } from '../../src/core/types';
import { PackParsing } from '../../src/packs/packParsing';
import { nodePlatform } from '../../src/platform/node';
import { factYaml, lineOf, PACK_HEAD, packYaml, withCode } from './helpers';

export const PROTO_KEYS = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', '__defineGetter__'];

suite("hostile packs: keys named like Object's own properties", () => {
  for (const key of PROTO_KEYS) {
    test(`"${key}" as a key of the pack, a source, a fact, a citation and the top level is an unknown key at its line`, () => {
      const texts = {
        meta: PACK_HEAD.replace('  language: en\n', `  language: en\n  ${key}: x\n`) + factYaml('a.one'),
        source: PACK_HEAD.replace('    kind: wire\n', `    kind: wire\n    ${key}: x\n`) + factYaml('a.one'),
        fact: packYaml(factYaml('a.one', { lines: [`${key}: x`] })),
        citation: packYaml(factYaml('a.one').replace('      - source: src-a\n', `      - source: src-a\n        ${key}: x\n`)),
        top: `${packYaml(factYaml('a.one'))}${key}: 1\n`,
      };
      for (const [where, text] of Object.entries(texts)) {
        const r = parsePackText(text, 'proto.yaml');
        const unknown = withCode(r.problems, 'unknown-key');
        assert.equal(unknown.length, 1, `${where}: ${r.problems.map((p) => p.message).join('; ')}`);
        assert.equal(unknown[0].range.start.line, lineOf(text, `${key}:`), where);
      }
    });
  }

  test('control characters written as YAML escapes fail the control-character check at their line', () => {
    for (const escape of ['\\0', '\\e', '\\x07', '\\u001b']) {
      const text = packYaml(factYaml('a.one', { lines: [`note: "bell ${escape} here"`] }));
      const r = parsePackText(text, 'control.yaml');
      const found = withCode(r.problems, 'control-character');
      assert.equal(found.length, 1, `${escape}: ${r.problems.map((p) => p.message).join('; ')}`);
      assert.equal(found[0].range.start.line, lineOf(text, 'note:'));
    }
  });

  test('two source ids that make the same citation key ("a.b", "a-b") are a located error', () => {
    const text = PACK_HEAD.replace('  - id: src-b\n', '  - id: src.a\n') + factYaml('a.one');
    const r = parsePackText(text, 'keys.yaml');
    const found = withCode(r.problems, 'citation-key-collision');
    assert.equal(found.length, 1, r.problems.map((p) => p.message).join('; '));
    assert.equal(found[0].range.start.line, lineOf(text, '- id: src.a'));
  });

  test('ids and aliases spelt like those keys load and index', () => {
    const text = packYaml(factYaml('constructor', { lines: [] }).replace('alias constructor', '__proto__'), factYaml('tostring'), factYaml('valueof'));
    const r = parsePackText(text, 'ids.yaml');
    assert.ok(r.pack, r.problems.map((p) => p.message).join('; '));
    const built = buildFactIndex([{ pack: r.pack, locations: r.locations, origin: 'workspace' }]);
    assert.ok(built.index.fact('constructor'));
    assert.ok(built.index.fact('valueof'));
  });

  test('a parse that throws in the extension host is a located problem, not a failed load', async () => {
    const parsing = new PackParsing(
      'throw new Error("no worker here")',
      () => {
        throw new TypeError("Cannot read properties of undefined (reading 'type')");
      },
      nodePlatform.startPackThread,
    );
    // Worker code that throws at once: the request is parsed in this thread, which throws too.
    const r = await parsing.parse('pack: {}', 'file:///w/bad.factpack.yaml', {});
    parsing.dispose();
    assert.equal(r.pack, undefined);
    assert.equal(r.problems.length, 1);
    assert.equal(r.problems[0].code, 'load-failed');
    assert.equal(r.problems[0].file, 'file:///w/bad.factpack.yaml');
  });
});

const HOSTILE_STRINGS = [
  'a}\\input{/etc/hostname}',
  'title\n\n.. include:: /etc/passwd\n\n.. raw:: html\n\n   <script>alert(1)</script>',
  '![x](https://evil.example/x.png) <!-- hidden <img src=x onerror=alert(1)>',
  '+++<script>alert(1)</script>+++ pass:[<b>x</b>] image:https://evil.example/x.png[] include::/etc/passwd[] {docdir}',
  'unbalanced \\{ brace } @misc{evil, title={x}}',
  '# heading\n- item\n1. one',
  '`code` *b* _i_ [link](javascript:alert(1)) <http://evil.example>',
];

suite('hostile packs: escaping by format', () => {
  test('LaTeX: no brace, backslash or line break of a pack string survives as markup', () => {
    for (const s of HOSTILE_STRINGS) {
      const out = escapeLatexText(s);
      assert.doesNotMatch(out, /\\input|[\r\n]/, out);
      assert.equal(braceBalance(out.replace(/\\[{}]/g, '')), 0, out);
    }
    assert.equal(latexUrl('https://x.example/a}\\input{/etc/hostname}'), 'https://x.example/a\\%7D\\%5Cinput\\%7B/etc/hostname\\%7D');
  });

  test('BibTeX: braces counted as BibTeX and biber count them (\\{ included) stay balanced', () => {
    for (const s of HOSTILE_STRINGS) {
      const out = escapeBibtexText(s);
      assert.equal(braceBalance(out), 0, out);
    }
    const bib = toBibtex([hostileSource('}} @misc{evil, title={x}')]);
    assert.equal(braceBalance(bib), 0, bib);
    assert.equal((bib.match(/^@/gm) ?? []).length, 1, bib);
  });

  test('reStructuredText: a pack string cannot start a directive', () => {
    for (const s of HOSTILE_STRINGS) assert.doesNotMatch(escapeRstText(s), /[\r\n]|^\.\./, s);
    assert.equal(escapeRstText('.. raw:: html'), '\\.. raw\\:\\: html');
  });

  test('Markdown: no image, comment, raw HTML, link, block or line break', () => {
    for (const s of HOSTILE_STRINGS) {
      const out = escapeMarkdownText(s);
      assert.doesNotMatch(out, /[\r\n]|(?<!\\)[<[`*_]|^#/, out);
    }
    assert.equal(
      escapeMarkdownText('Starmer and Zelenskyy signed the 100-year partnership, 16 January 2025.'),
      'Starmer and Zelenskyy signed the 100-year partnership, 16 January 2025.',
    );
  });

  test('AsciiDoc: no passthrough, macro, attribute reference or formatting mark', () => {
    for (const s of HOSTILE_STRINGS) {
      const out = escapeAsciidocText(s);
      assert.doesNotMatch(out, /\+\+\+|pass:\[|image:h|include::|\{docdir\}|[\r\n[\]`*_]/, out);
    }
    assert.equal(escapeAsciidocText('Kyiv: the talks'), 'Kyiv: the talks');
  });

  test('addresses are percent-encoded where they could end a construct, and legitimate ones are unchanged', () => {
    assert.equal(
      safeUrl('https://www.gov.uk/government/news/uk-ukraine_100-year?x=1&y=2#frag'),
      'https://www.gov.uk/government/news/uk-ukraine_100-year?x=1&y=2#frag',
    );
    assert.equal(safeUrl('https://x.example/<a>"\'`{}|\\^'), 'https://x.example/%3Ca%3E%22%27%60%7B%7D%7C%5C%5E');
  });

  test('a title holding a line break and the end marker does not make the Sources section grow on each update', () => {
    for (const format of ['markdown', 'latex', 'asciidoc', 'restructuredtext', 'html', 'plaintext'] as DocFormat[]) {
      const marker = {
        markdown: '<!-- /agreement-cite:sources -->',
        html: '<!-- /agreement-cite:sources -->',
        latex: '% /agreement-cite:sources',
        restructuredtext: '.. /agreement-cite:sources',
        asciidoc: '// /agreement-cite:sources',
        plaintext: '-- /agreement-cite:sources --',
      }[format];
      const text = packYaml(factYaml('a.one')).replace('    title: Source A\n', `    title: "Source A\\n${marker}\\nmore"\n`);
      const r = parsePackText(text, 'grow.yaml');
      assert.ok(r.pack, r.problems.map((p) => p.message).join('; '));
      const { index } = buildFactIndex([{ pack: r.pack, locations: r.locations, origin: 'workspace' }]);
      const options = { format, style: 'auto' as const, dateStyle: 'en-GB' as const };
      const entry = index.fact('a.one')!;
      const cite = formatCitation([index.source('src-a')!.source], options, '');
      let doc = `${insertionText(entry, index, options)}${cite.inline}\n\n${cite.definitions.map((d) => d.text).join('\n')}\n`;
      const lengths: number[] = [];
      for (let i = 0; i < 3; i++) {
        const u = updateSourcesSection(doc, options, index);
        if (u.edit) doc = doc.slice(0, u.edit.offset) + u.edit.text + doc.slice(u.edit.offset + u.edit.length);
        lengths.push(doc.length);
      }
      assert.equal(lengths[1], lengths[0], `${format}: ${lengths.join(', ')}`);
      assert.equal(lengths[2], lengths[0], `${format}: ${lengths.join(', ')}`);
    }
  });

  test("every format's reference of a hostile source keeps its text on one line", () => {
    for (const format of ['markdown', 'latex', 'asciidoc', 'restructuredtext', 'html', 'plaintext'] as DocFormat[]) {
      for (const s of HOSTILE_STRINGS) {
        const ref = sourceReference(hostileSource(s), { format, style: 'auto', dateStyle: 'en-GB' });
        assert.doesNotMatch(ref, /[\r\n]/, `${format}: ${ref}`);
      }
    }
  });
});

export function hostileSource(text: string): Source {
  return {
    id: 'evil-src',
    title: text,
    publisher: `Publisher ${text}`,
    author: text,
    kind: 'outlet',
    language: 'en',
    url: `https://evil.example/a}\\input{/etc/hostname}<b>"\`+++[]`,
    date: '2025-06-23',
  } as Source;
}

/** Braces as BibTeX counts them: every `{` and `}`, escaped or not. */
export function braceBalance(text: string): number {
  let depth = 0;
  for (const c of text) {
    if (c === '{') depth++;
    else if (c === '}' && --depth < 0) return -1;
  }
  return depth;
}
