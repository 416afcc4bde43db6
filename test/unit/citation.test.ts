// citation: the words and citation markup a writer gets in each document format.

import assert from 'node:assert/strict';
import {
  definitionEdit,
  describeSource,
  latexAddress,
  formatCitation,
  formatForLanguage,
  insertionText,
  type CitationOptions,
  type DocFormat,
} from '../../src/core/references/citation';
import type { Source } from '../../src/core/types';
import { bundled } from './helpers';

const opts = (format: DocFormat, style: CitationOptions['style'] = 'auto'): CitationOptions => ({ format, style, dateStyle: 'en-GB' });
const source = (id: string): Source => bundled().index.source(id)!.source;
const fact = (id: string) => bundled().index.fact(id)!;

const REUTERS_REF = 'Reuters via The Star (Malaysia), \u201CStarmer and Zelenskiy agree military production project in London\u201D, 23 June 2025';
const REUTERS_URL = 'https://www.thestar.com.my/news/world/2025/06/23/ukraine039s-zelenskiy-meets-king-charles-on-british-visit';

/** A source whose text has every character LaTeX treats specially. */
const awkward: Source = {
  id: 'awk.src_1',
  title: '50% of_data #1 & more',
  publisher: 'Smith & Sons',
  date: '2025-06-23',
  url: 'https://example.org/a%20b#frag',
  kind: 'outlet',
  language: 'en',
};

suite('citation: describeSource', () => {
  test('publisher via republisher (no nested parentheses), title in curly quotes, date', () => {
    assert.equal(describeSource(source('reuters-2025-06-23'), 'en-GB'), REUTERS_REF);
  });

  test('an author comes before the publisher; the date follows the chosen style', () => {
    assert.equal(
      describeSource(source('ki-2025-06-24a'), 'en-US'),
      'Olena Goncharova, The Kyiv Independent, \u201CZelensky, Starmer hail \u2018massive step forward\u2019 in military cooperation\u201D, June 24, 2025',
    );
  });

  test('a source without a date has none, and a month-only date prints as month and year', () => {
    assert.equal(describeSource(source('nato-summit'), 'en-GB'), 'Wikipedia, \u201C2025 The Hague NATO summit\u201D');
    assert.match(describeSource(source('ep-2025-06'), 'en-GB'), /, June 2025$/);
  });

  test("in LaTeX the title is set in ``…'' quotes", () => {
    assert.match(describeSource(source('reuters-2025-06-23'), 'en-GB', 'latex'), /``Starmer and Zelenskiy agree military production project in London''/);
  });
});

suite('citation: formatCitation per format', () => {
  test('markdown: a footnote reference and its definition with the address', () => {
    const c = formatCitation([source('reuters-2025-06-23')], opts('markdown'));
    assert.equal(c.inline, '[^reuters-2025-06-23]');
    assert.deepEqual(c.definitions, [{ key: 'reuters-2025-06-23', text: `[^reuters-2025-06-23]: ${REUTERS_REF}. <${REUTERS_URL}>` }]);
  });

  test('markdown: the definition is not repeated when the document already has [^key]:', () => {
    const doc = 'Earlier text.[^reuters-2025-06-23]\n\n[^reuters-2025-06-23]: Reuters, earlier.\n';
    const c = formatCitation([source('reuters-2025-06-23'), source('pa-2025-06-23')], opts('markdown'), doc);
    assert.equal(c.inline, '[^reuters-2025-06-23][^pa-2025-06-23]');
    assert.deepEqual(
      c.definitions.map((d) => d.key),
      ['pa-2025-06-23'],
    );
  });

  test('markdown: a mere mention of [^key] without a colon does not count as a definition', () => {
    const c = formatCitation([source('reuters-2025-06-23')], opts('markdown'), 'Text.[^reuters-2025-06-23]\n');
    assert.equal(c.definitions.length, 1);
  });

  test('markdown: keys keep only characters every format accepts', () => {
    const c = formatCitation([awkward], opts('markdown'));
    assert.equal(c.inline, '[^awk-src_1]');
    assert.match(
      c.definitions[0].text,
      /^\[\^awk-src_1\]: Smith & Sons, \u201C50% of\\_data #1 & more\u201D, 23 June 2025\. <https:\/\/example\.org\/a%20b#frag>$/,
    );
  });

  test('latex: \\footnote{…} with the reference and \\url', () => {
    const c = formatCitation([source('reuters-2025-06-23')], opts('latex'));
    assert.equal(
      c.inline,
      `\\footnote{Reuters via The Star (Malaysia), \`\`Starmer and Zelenskiy agree military production project in London'', 23 June 2025, ${latexAddress(REUTERS_URL, false)}.}`,
    );
    assert.deepEqual(c.definitions, []);
  });

  test('latex: &, %, _ and # are escaped, in the text and in the address', () => {
    const c = formatCitation([awkward], opts('latex'));
    assert.equal(
      c.inline,
      "\\footnote{Smith \\& Sons, ``50\\% of\\_data \\#1 \\& more'', 23 June 2025, \\texttt{https://\\allowbreak{}example.\\allowbreak{}org/\\allowbreak{}a\\%20b\\#\\allowbreak{}frag}.}",
    );
    const unescaped = c.inline.match(/(?<!\\)[&%_#]/g);
    assert.equal(unescaped, null, `unescaped: ${unescaped?.join(' ')}`);
  });

  test('latex: backslash, braces, tilde and caret are escaped', () => {
    const c = formatCitation([{ ...awkward, title: 'a\\b {c} ~d ^e $f', url: undefined }], opts('latex'));
    assert.match(c.inline, /a\\textbackslash\{\}b \\\{c\\\} \\textasciitilde\{\}d \\textasciicircum\{\}e \\\$f/);
  });

  test('latex-cite style: \\cite{key} with every key', () => {
    assert.equal(formatCitation([source('reuters-2025-06-23'), awkward], opts('latex', 'latex-cite')).inline, '~\\cite{reuters-2025-06-23,awk-src_1}');
  });

  test('asciidoc: a named footnote with the reference, then footnote:key[] on reuse', () => {
    const first = formatCitation([source('reuters-2025-06-23')], opts('asciidoc'));
    assert.equal(first.inline, `footnote:reuters-2025-06-23[${REUTERS_REF}, ${REUTERS_URL}]`);
    const doc = `Starmer spoke.${first.inline}\n`;
    assert.equal(formatCitation([source('reuters-2025-06-23')], opts('asciidoc'), doc).inline, 'footnote:reuters-2025-06-23[]');
  });

  test('asciidoc: a "]" in the reference is escaped so it cannot close the footnote', () => {
    const c = formatCitation([{ ...awkward, title: 'a [bracketed] title', url: undefined }], opts('asciidoc'));
    assert.equal(c.inline, 'footnote:awk-src_1[Smith & Sons, \u201Ca &#91;bracketed&#93; title\u201D, 23 June 2025]');
  });

  test('restructuredtext: [#key]_ and a .. [#key] definition, not repeated', () => {
    const c = formatCitation([source('reuters-2025-06-23')], opts('restructuredtext'));
    assert.equal(c.inline, '\\ [#reuters-2025-06-23]_');
    assert.deepEqual(c.definitions, [{ key: 'reuters-2025-06-23', text: `.. [#reuters-2025-06-23] ${REUTERS_REF}, ${REUTERS_URL}` }]);
    const again = formatCitation([source('reuters-2025-06-23')], opts('restructuredtext'), `Text [#reuters-2025-06-23]_\n\n${c.definitions[0].text}\n`);
    assert.deepEqual(again.definitions, []);
  });

  test('html: a superscript link to the source, with everything escaped', () => {
    const c = formatCitation([awkward], opts('html'));
    assert.equal(
      c.inline,
      '<sup><a href="https://example.org/a%20b#frag" data-source="awk-src_1" title="Smith &amp; Sons, \u201C50% of_data #1 &amp; more\u201D, 23 June 2025">[Smith &amp; Sons, 23 June 2025]</a></sup>',
    );
  });

  test('html inline style: a <cite> in parentheses', () => {
    assert.equal(formatCitation([source('reuters-2025-06-23')], opts('html', 'inline')).inline, ` (<cite>${REUTERS_REF}</cite>)`);
  });

  test('plaintext: a parenthetical reference; several sources separated by semicolons', () => {
    assert.equal(formatCitation([source('reuters-2025-06-23')], opts('plaintext')).inline, ` (${REUTERS_REF})`);
    const two = formatCitation([source('afp-2025-06-23'), source('ki-2025-06-24a')], opts('plaintext')).inline;
    assert.match(two, /^ \(AFP via Arab News, .*; Olena Goncharova, The Kyiv Independent, .*\)$/);
  });

  test('VS Code languages map to their citation format', () => {
    assert.deepEqual(['markdown', 'latex', 'tex', 'asciidoc', 'restructuredtext', 'html', 'plaintext', 'python'].map(formatForLanguage), [
      'markdown',
      'latex',
      'latex',
      'asciidoc',
      'restructuredtext',
      'html',
      'plaintext',
      'plaintext',
    ]);
  });
});

suite('citation: insertionText', () => {
  const STARMER_WORDS =
    'I\u2019m really proud that this afternoon, we\u2019re able to announce an industrial military co-production agreement - the first of its kind so far as Ukraine and the UK are concerned - which will be a massive step forward now in the contribution that we can continue to make';

  test("in LaTeX, a speaker's Ukrainian words are set in Ukrainian where the document loads babel's Ukrainian, and left as they are elsewhere", () => {
    const withBabel = '\\documentclass{article}\n\\usepackage[T2A,T1]{fontenc}\n\\usepackage[ukrainian,english]{babel}\n\\begin{document}\n\\end{document}\n';
    const marked = insertionText(fact('quote.umerov.wartime-drones'), bundled().index, opts('latex'), 'said', withBabel);
    assert.match(marked, /^Rustem Umerov said: ``\\foreignlanguage\{ukrainian\}\{Поки триває війна, [^}]*\}''$/);
    const plain = insertionText(fact('quote.umerov.wartime-drones'), bundled().index, opts('latex'), 'said', '\\documentclass{article}\n');
    assert.ok(!plain.includes('foreignlanguage') && plain.includes('Поки триває війна'), plain);
  });

  test('a quote is the speaker, the verb and the preferred wording verbatim in curly quotes', () => {
    assert.equal(insertionText(fact('quote.starmer.co-production'), bundled().index, opts('markdown')), `Keir Starmer said: \u201C${STARMER_WORDS}\u201D`);
  });

  test("a quote never uses the report's rendering", () => {
    const text = insertionText(fact('quote.starmer.co-production'), bundled().index, opts('plaintext'));
    assert.doesNotMatch(text, /I am very proud/);
  });

  test("in LaTeX the quote is set in ``…''", () => {
    assert.equal(insertionText(fact('quote.starmer.co-production'), bundled().index, opts('latex')), `Keir Starmer said: \`\`${STARMER_WORDS}''`);
  });

  test('another verb can be chosen, and a fragment runs on from it without a colon', () => {
    assert.equal(
      insertionText(fact('quote.zelenskyy.co-production'), bundled().index, opts('markdown'), 'told reporters'),
      'Volodymyr Zelenskyy told reporters \u201Cwill be very strong and will transform both nations\u201D',
    );
  });

  test("spellings apply to the speaker's name but never inside the quote", () => {
    const text = insertionText(fact('quote.umerov.uk-industry'), bundled().index, {
      ...opts('markdown'),
      spellings: { Umerov: 'Umierov', defence: 'defense' },
    });
    assert.equal(
      text,
      'Rustem Umierov said: \u201CThis will allow British defence companies to quickly design and manufacture state-of-the-art drones on a large scale\u201D',
    );
  });

  test("spellings replace whole words only, and apply to a fact's text", () => {
    const text = insertionText(fact('person.zelenskyy'), bundled().index, { ...opts('markdown'), spellings: { Zelenskyy: 'Zelensky', Volo: 'X' } });
    assert.equal(text, 'Volodymyr Zelensky');
  });

  test('a person with a date in question is named with the role held then: Umerov in June 2025 and in 2026', () => {
    assert.equal(
      insertionText(fact('person.umerov'), bundled().index, { ...opts('markdown'), atDate: '2025-06-23' }),
      'Rustem Umerov, Minister of Defence of Ukraine',
    );
    assert.equal(
      insertionText(fact('person.umerov'), bundled().index, { ...opts('markdown'), atDate: '2026-01-01' }),
      'Rustem Umerov, Secretary of the National Security and Defence Council of Ukraine',
    );
  });

  test('a person without a role on the date, or without a date, is named alone', () => {
    assert.equal(insertionText(fact('person.umerov'), bundled().index, { ...opts('markdown'), atDate: '2025-07-17' }), 'Rustem Umerov');
    assert.equal(insertionText(fact('person.umerov'), bundled().index, opts('markdown')), 'Rustem Umerov');
  });

  test("a fact's text is escaped for the format it goes into", () => {
    const apostrophe = insertionText(fact('org.verkhovna-rada'), bundled().index, opts('html'));
    assert.equal(apostrophe, 'the Verkhovna Rada, Ukraine\u2019s parliament');
    const latex = insertionText(fact('term.decree-496-2025'), bundled().index, opts('latex'));
    assert.equal(latex, 'presidential decree No. 496/2025, appointing Rustem Umerov Secretary of the National Security and Defence Council');
  });
});

suite('citation: definitionEdit (footnote definitions at the end)', () => {
  const def = (key: string): { key: string; text: string } => ({ key, text: `[^${key}]: Source ${key}.` });
  const apply = (doc: string, defs: { key: string; text: string }[]): string => {
    const e = definitionEdit(doc, defs);
    assert.ok(e);
    assert.equal(e.offset, doc.length, 'definitions are appended, never inserted mid-document');
    assert.equal(e.length, 0, 'nothing of the document is replaced');
    return doc.slice(0, e.offset) + e.text + doc.slice(e.offset + e.length);
  };

  test('a blank line comes before the first definition', () => {
    assert.equal(apply('Some text.[^a]\n', [def('a')]), 'Some text.[^a]\n\n[^a]: Source a.\n');
    assert.equal(apply('Some text.[^a]', [def('a')]), 'Some text.[^a]\n\n[^a]: Source a.\n');
  });

  test('no blank line between consecutive definitions', () => {
    const doc = 'Text.[^a][^b]\n\n[^a]: Source a.\n';
    assert.equal(apply(doc, [def('b')]), 'Text.[^a][^b]\n\n[^a]: Source a.\n[^b]: Source b.\n');
    assert.equal(apply('Text.[^a]\n\n[^a]: Source a.', [def('b')]), 'Text.[^a]\n\n[^a]: Source a.\n[^b]: Source b.\n');
  });

  test('several new definitions go one per line', () => {
    assert.equal(apply('Text.\n', [def('a'), def('b')]), 'Text.\n\n[^a]: Source a.\n[^b]: Source b.\n');
  });

  test('a CRLF document gets CRLF line ends', () => {
    const out = apply('Line one.\r\nText.[^a]\r\n', [def('a'), def('b')]);
    assert.equal(out, 'Line one.\r\nText.[^a]\r\n\r\n[^a]: Source a.\r\n[^b]: Source b.\r\n');
    assert.doesNotMatch(out, /[^\r]\n/);
  });

  test('an empty document gets just the definitions', () => {
    assert.equal(apply('', [def('a')]), '[^a]: Source a.\n');
  });

  test('existing blank lines at the end are reused, not multiplied', () => {
    assert.equal(apply('Text.\n\n\n', [def('a')]), 'Text.\n\n\n[^a]: Source a.\n');
  });

  test('reStructuredText definitions follow the same rules', () => {
    const doc = 'Text [#a]_\n\n.. [#a] Source a.\n';
    assert.equal(apply(doc, [{ key: 'b', text: '.. [#b] Source b.' }]), `${doc}.. [#b] Source b.\n`);
  });

  test('no definitions, no edit', () => {
    assert.equal(definitionEdit('Text.', []), undefined);
  });
});
