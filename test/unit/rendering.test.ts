// What citations look like once rendered: footnotes that render in each
// tool, citations inside an existing footnote, Pandoc citations, quotes.

import assert from 'node:assert/strict';
import {
  citationPlace,
  curlyQuotes,
  formatCitation,
  insertionText,
  latexAddress,
  withCitation,
  type CitationOptions,
  type CitationStyle,
  type DocFormat,
} from '../../src/core/references/citation';
import { keyOf } from '../../src/core/references/citationKeys';
import { bibtexEntry, cslItem, cslText, toBibtex, toCslJson } from '../../src/core/references/export';
import { findCitations } from '../../src/core/references/citationsInText';
import { frontMatterBibliography, updateSourcesSection } from '../../src/core/references/sourcesSection';
import { bundled, describeProblems, indexOf, lineOf } from './helpers';

const opts = (format: DocFormat, style: CitationStyle = 'auto'): CitationOptions => ({ format, style, dateStyle: 'en-GB' });
const index = () => bundled().index;
const source = (id: string) => index().source(id)!.source;

/** A citation as Insert Citation writes it at `offset` of `doc`. */
function citeAt(doc: string, offset: number, id: string, o: CitationOptions) {
  return formatCitation([source(id)], o, doc, citationPlace(doc, offset, o.format));
}

suite('rendering: AsciiDoc footnotes with an address', () => {
  test('the address is bare, so no link bracket takes the footnote\'s closing "]"', () => {
    const c = formatCitation([source('reuters-2025-06-23')], opts('asciidoc'));
    assert.match(c.inline, /^footnote:reuters-2025-06-23\[.*, https:\/\/www\.thestar\.com\.my\/\S+-visit\]$/);
    assert.doesNotMatch(c.inline, /\[\\\]|visit\[/);
  });
});

suite('rendering: LaTeX', () => {
  test('an address needs no package: breakable typewriter text, a link only where hyperref is loaded', () => {
    const url = 'https://www.gov.uk/government/news/uk-ukraine-100-year-partnership';
    assert.equal(
      latexAddress(url, false),
      '\\texttt{https://\\allowbreak{}www.\\allowbreak{}gov.\\allowbreak{}uk/\\allowbreak{}government/\\allowbreak{}news/\\allowbreak{}uk-\\allowbreak{}ukraine-\\allowbreak{}100-\\allowbreak{}year-\\allowbreak{}partnership}',
    );
    const plain = formatCitation([source('reuters-2025-06-23')], opts('latex'), '\\documentclass{article}\n\\begin{document}\n');
    assert.doesNotMatch(plain.inline, /\\url|\\href/);
    const linked = formatCitation(
      [source('reuters-2025-06-23')],
      opts('latex'),
      '\\documentclass{article}\n\\usepackage[colorlinks]{hyperref}\n\\begin{document}\n',
    );
    assert.match(linked.inline, /\\href\{https:\/\/www\.thestar\.com\.my\/[^}]*\}\{\\texttt\{https:\/\/\\allowbreak/);
    const commented = formatCitation([source('reuters-2025-06-23')], opts('latex'), '% \\usepackage{hyperref}\n\\begin{document}\n');
    assert.doesNotMatch(commented.inline, /\\href/);
  });

  test('\\cite is tied to the word before it, and takes no tie after a space', () => {
    const doc = 'The deal was signed. And more';
    assert.equal(citeAt(doc, doc.indexOf('. And'), 'reuters-2025-06-23', opts('latex', 'latex-cite')).inline, '~\\cite{reuters-2025-06-23}');
    assert.equal(citeAt(doc, doc.indexOf('And'), 'reuters-2025-06-23', opts('latex', 'latex-cite')).inline, '\\cite{reuters-2025-06-23}');
  });

  test('inside an existing \\footnote{} the reference joins its text: no footnote in a footnote', () => {
    const doc = 'Text.\\footnote{See also the {official} record} More.';
    const at = doc.indexOf(' record') + ' record'.length;
    assert.equal(citationPlace(doc, at, 'latex'), 'footnote');
    const c = citeAt(doc, at, 'reuters-2025-06-23', opts('latex'));
    assert.doesNotMatch(c.inline, /\\footnote/);
    assert.match(c.inline, /^ Reuters via The Star \(Malaysia\), ``Starmer/);
    assert.equal(citationPlace(doc, doc.indexOf(' More'), 'latex'), 'word');
    assert.match(citeAt(doc, doc.length, 'reuters-2025-06-23', opts('latex')).inline, /^\\footnote\{/);
  });
});

suite('rendering: citations inside a footnote (Markdown, AsciiDoc)', () => {
  test('Markdown: in a footnote definition, or its indented continuation, the reference is added to its text', () => {
    const doc = 'Text.[^n]\n\n[^n]: A note of mine\n    continued here\n\nAfter.';
    for (const at of [doc.indexOf(' of mine'), doc.indexOf(' here')]) {
      assert.equal(citationPlace(doc, at, 'markdown'), 'footnote');
      const c = citeAt(doc, at, 'reuters-2025-06-23', opts('markdown'));
      assert.doesNotMatch(c.inline, /\[\^/);
      assert.deepEqual(c.definitions, []);
      assert.match(c.inline, /^ Reuters via The Star \(Malaysia\), .*\. <https:\/\/www\.thestar\.com\.my\/\S+>$/);
    }
    assert.equal(citationPlace(doc, doc.length, 'markdown'), 'word');
    assert.equal(citationPlace(doc, doc.indexOf('[^n]:') + 2, 'markdown'), 'word');
  });

  test('AsciiDoc: inside footnote:[…] the reference is added, with no footnote macro', () => {
    const doc = 'Text.footnote:[A note of mine] More.';
    const at = doc.indexOf(']');
    assert.equal(citationPlace(doc, at, 'asciidoc'), 'footnote');
    const c = citeAt(doc, at, 'reuters-2025-06-23', opts('asciidoc'));
    assert.doesNotMatch(c.inline, /footnote:|\]/);
    assert.equal(citationPlace(doc, doc.length, 'asciidoc'), 'word');
  });
});

suite('rendering: reStructuredText and HTML', () => {
  test('a footnote reference is joined to its word by an escaped space, which docutils prints as nothing', () => {
    const doc = 'Signed in London and more';
    assert.equal(citeAt(doc, doc.indexOf(' and'), 'reuters-2025-06-23', opts('restructuredtext')).inline, '\\ [#reuters-2025-06-23]_');
    assert.equal(citeAt(doc, doc.indexOf('and'), 'reuters-2025-06-23', opts('restructuredtext')).inline, '[#reuters-2025-06-23]_');
  });

  test('HTML link texts tell apart the sources of one publisher', () => {
    const censor = index().sources.filter((s) => s.source.publisher === 'Censor.NET');
    assert.ok(censor.length >= 2, 'the bundled pack has several Censor.NET sources');
    const texts = censor.map((s) => /\[([^\]]*)\]<\/a>/.exec(formatCitation([s.source], opts('html')).inline)![1]);
    assert.equal(new Set(texts).size, new Set(censor.map((s) => s.source.date)).size, texts.join(' | '));
  });
});

suite('rendering: parentheses and quotes', () => {
  test('an inline citation of a republication nests no more than two parentheses', () => {
    const c = formatCitation([source('reuters-2025-06-23')], opts('plaintext')).inline;
    let depth = 0;
    let max = 0;
    for (const ch of c) {
      if (ch === '(') max = Math.max(max, ++depth);
      if (ch === ')') depth--;
    }
    assert.ok(max <= 2, c);
  });

  test('straight quotes of pack text become curly ones; inside a quoted title, single ones', () => {
    assert.equal(curlyQuotes('hail \'massive step forward\' in "talks"'), 'hail \u2018massive step forward\u2019 in \u201Ctalks\u201D');
    assert.equal(curlyQuotes('Ukraine\'s "plan"', 'plaintext', true), 'Ukraine\u2019s \u2018plan\u2019');
    assert.equal(curlyQuotes('hail \'massive\' and "x"', 'latex'), "hail `massive' and ``x''");
    const c = formatCitation([source('ki-2025-06-24a')], opts('markdown'));
    assert.match(c.definitions[0].text, /\u201CZelensky, Starmer hail \u2018massive step forward\u2019 in military cooperation\u201D/);
    const tex = formatCitation([source('ki-2025-06-24a')], opts('latex')).inline;
    assert.match(tex, /``Zelensky, Starmer hail `massive step forward' in military cooperation''/);
  });

  test('no straight quote is left in any inserted text of the bundled pack', () => {
    for (const entry of index().facts) {
      for (const format of ['markdown', 'asciidoc', 'restructuredtext', 'plaintext'] as const) {
        const text = insertionText(entry, index(), { ...opts(format), atDate: '2025-06-24' });
        assert.doesNotMatch(text, /["']/, `${entry.fact.id} (${format}): ${text}`);
      }
    }
  });
});

suite('rendering: Pandoc citations', () => {
  test('the pandoc style writes [@key], before a closing full stop, and [@a; @b] for several sources', () => {
    const one = formatCitation([source('reuters-2025-06-23')], opts('markdown', 'pandoc'));
    assert.equal(one.inline, ' [@reuters-2025-06-23]');
    assert.deepEqual(one.definitions, []);
    assert.equal(withCitation('The deal was signed.', one.inline), 'The deal was signed [@reuters-2025-06-23].');
    const two = formatCitation([source('reuters-2025-06-23'), source('afp-2025-06-23')], opts('markdown', 'pandoc'));
    assert.equal(two.inline, ' [@reuters-2025-06-23; @afp-2025-06-23]');
    const doc = 'Signed ';
    assert.equal(citeAt(doc, doc.length, 'reuters-2025-06-23', opts('markdown', 'pandoc')).inline, '[@reuters-2025-06-23]');
    // Other formats keep their own footnotes.
    assert.match(formatCitation([source('reuters-2025-06-23')], opts('latex', 'pandoc')).inline, /^\\footnote\{/);
  });

  test('front matter bibliography: read as Pandoc reads it', () => {
    assert.deepEqual(frontMatterBibliography('---\ntitle: X\nbibliography: refs.json\n---\nText'), ['refs.json']);
    assert.deepEqual(frontMatterBibliography('---\nbibliography: "my refs.bib" # the export\n...\n'), ['my refs.bib']);
    assert.deepEqual(frontMatterBibliography("---\nbibliography: [a.json, 'b.bib']\n---\n"), ['a.json', 'b.bib']);
    assert.deepEqual(frontMatterBibliography('---\nbibliography:\n  - a.json\n  - b.bib\nlang: en\n---\n'), ['a.json', 'b.bib']);
    assert.equal(frontMatterBibliography('Text\n---\nbibliography: refs.json\n---\n'), undefined);
    assert.equal(frontMatterBibliography('---\ntitle: X\n---\nbibliography: refs.json\n'), undefined);
  });

  test('the Sources command defers to the bibliography the front matter names', () => {
    const doc = '---\nbibliography: sources.json\n---\n\nThe deal was signed [@reuters-2025-06-23].\n';
    const u = updateSourcesSection(doc, opts('markdown', 'pandoc'), index());
    assert.equal(u.action, 'bibliography');
    assert.equal(u.edit, undefined);
    assert.match(u.message ?? '', /sources\.json/);
    assert.deepEqual(
      u.sources.map((s) => s.source.id),
      ['reuters-2025-06-23'],
    );
    const without = updateSourcesSection(doc.replace('bibliography: sources.json\n', 'title: T\n'), opts('markdown', 'pandoc'), index());
    assert.equal(without.action, 'inserted');
  });
});

suite('rendering: bibliography data', () => {
  const all = () => index().sources;

  test('biblatex: articles and reports have an author (the publisher where no person is named), reports a type, every entry a date', () => {
    const bib = toBibtex(all());
    const entries = bib.split(/\n(?=@)/);
    for (const e of entries) {
      if (/^@(article|report)\{/.test(e)) assert.match(e, /\n {2}author +=/, e);
      if (/^@report\{/.test(e)) assert.match(e, /\n {2}type +=/, e);
      assert.match(e, /\n {2}date +=/, e);
    }
    const undated = index().sources.find((s) => !s.source.date)!;
    assert.match(bibtexEntry(undated), /date += \{XXXX\}/);
    assert.match(bibtexEntry(index().source('babel-2023-09-06')!), /author += \{\{Babel\}\}/);
  });

  test("the day a source was read: the pack's checked day as urldate and accessed", () => {
    const s = index().source('reuters-2025-06-23')!;
    const checked = s.pack.pack.meta.checked;
    assert.match(bibtexEntry(s), new RegExp(`urldate += \\{${checked}\\}`));
    const [y, m, d] = checked.split('-').map(Number);
    assert.deepEqual(cslItem(s).accessed, { 'date-parts': [[y, m, d]] });
    assert.equal(cslItem(s.source).accessed, undefined);
  });

  test('CSL-JSON: a republication is cited in the republisher, whose address it is', () => {
    const item = cslItem(index().source('reuters-2025-06-23')!);
    assert.equal(item['container-title'], '<span class="nocase">The Star (Malaysia)</span>');
    assert.deepEqual(item.author, [{ literal: 'Reuters' }]);
  });

  test('CSL-JSON: titles kept as published, curly quotes, and pack markup inert for citeproc', () => {
    const item = cslItem(index().source('ki-2025-06-24a')!);
    assert.equal(item.title, '<span class="nocase">Zelensky, Starmer hail \u2018massive step forward\u2019 in military cooperation</span>');
    assert.equal(
      cslText('A <i>x</i> <span style="x">y</span> <sc>z</sc> a < b'),
      'A <\u2060i>x<\u2060/i> <\u2060span style=\u201Dx\u201D>y<\u2060/span> <\u2060sc>z<\u2060/sc> a < b',
    );
    const hostile = cslItem({ id: 'h', title: 'A <i>t</i>', publisher: '<b>P</b>', kind: 'outlet', language: 'en' });
    assert.doesNotMatch(JSON.stringify(hostile), /<[a-z/]/i);
  });
});

suite('rendering: citation keys that collide', () => {
  const PACK = (ids: string[]) =>
    [
      'pack:',
      '  id: keys',
      '  title: Keys',
      '  version: "1"',
      '  language: en',
      '  checked: "2026-11-30"',
      'sources:',
      ...ids.flatMap((id, i) => [
        `  - id: ${id}`,
        `    title: Title ${i}`,
        `    publisher: Publisher ${i}`,
        '    kind: outlet',
        '    language: en',
        '    url: https://example.org/' + i,
      ]),
      'facts:',
      ...ids.map((id, i) =>
        [
          `  - id: fact.${i}`,
          '    kind: event',
          `    label: Event number ${i}`,
          `    text: The event number ${i} happened.`,
          `    aliases: [event number ${i}]`,
          '    citations:',
          `      - source: ${id}`,
        ].join('\n'),
      ),
    ].join('\n') + '\n';

  test('"a.b" and "a-b" get different keys everywhere a key is written, and a located warning', () => {
    const text = PACK(['a.b', 'a-b', 'a-b-2']);
    const { index: idx, problems } = indexOf([{ text, file: 'keys.yaml' }]);
    const warnings = problems.filter((p) => p.code === 'citation-key-collision');
    assert.equal(warnings.length, 1, describeProblems(problems));
    assert.equal(warnings[0].severity, 'warning');
    assert.equal(warnings[0].file, 'keys.yaml');
    assert.equal(warnings[0].range.start.line, lineOf(text, 'id: a.b'));
    assert.match(warnings[0].message, /"a-b" and "a\.b" make the same citation key "a-b": this source is cited as "a-b-3"/);
    const keys = ['a.b', 'a-b', 'a-b-2'].map((id) => keyOf(idx.source(id)!.source));
    assert.deepEqual(keys, ['a-b-3', 'a-b', 'a-b-2'], 'ids that are already keys keep them');

    // Markdown footnotes, the Sources section and findCitations agree.
    let doc = '';
    for (const id of ['a.b', 'a-b', 'a-b-2']) {
      const c = formatCitation([idx.source(id)!.source], opts('markdown'), doc);
      doc += `Cited.${c.inline}\n\n${c.definitions.map((d) => d.text).join('\n')}\n\n`;
    }
    assert.deepEqual(
      findCitations(doc, 'markdown', idx).sources.map((s) => s.source.id),
      ['a.b', 'a-b', 'a-b-2'],
    );
    assert.equal(updateSourcesSection(doc, opts('markdown'), idx).sources.length, 3);
    // LaTeX \cite, BibTeX and CSL-JSON use the same keys.
    const cite = formatCitation(
      idx.sources.map((s) => s.source),
      opts('latex', 'latex-cite'),
    ).inline;
    assert.equal(cite, `~\\cite{${keys.join(',')}}`);
    assert.deepEqual(
      [...toBibtex(idx.sources).matchAll(/^@\w+\{([^,]+),/gm)].map((m) => m[1]),
      keys,
    );
    assert.deepEqual(
      (JSON.parse(toCslJson(idx.sources)) as { id: string }[]).map((i) => i.id),
      keys,
    );
    const tex = `Text~\\cite{${keys[0]}}.`;
    assert.deepEqual(
      findCitations(tex, 'latex', idx).sources.map((s) => s.source.id),
      ['a.b'],
    );
  });

  test("across packs: the first pack keeps the key, the later pack's source is suffixed and warned at", () => {
    const first = PACK(['x.y']);
    const second = PACK(['x-y'])
      .replace('id: keys', 'id: keys2')
      .replace(/fact\./g, 'other.');
    const { index: idx, problems } = indexOf([
      { text: first, file: 'one.yaml' },
      { text: second, file: 'two.yaml' },
    ]);
    const w = problems.filter((p) => p.code === 'citation-key-collision');
    assert.equal(w.length, 1, describeProblems(problems));
    // "x-y" is already a key, so it keeps it; "x.y" is suffixed where it is written.
    assert.equal(w[0].file, 'one.yaml');
    assert.equal(keyOf(idx.source('x-y')!.source), 'x-y');
    assert.equal(keyOf(idx.source('x.y')!.source), 'x-y-2');
  });
});
