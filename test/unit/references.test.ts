// references: which sources and facts a draft cites, and its Sources section,
// in every document format.

import assert from 'node:assert/strict';
import {
  citationEdits,
  citedSources,
  formatCitation,
  insertionText,
  latexAddress,
  type CitationOptions,
  type CitationStyle,
  type DocFormat,
  type TextEdit,
} from '../../src/core/references/citation';
import type { DateStyle } from '../../src/core/document/dates';
import { buildSourcesSection, updateSourcesSection } from '../../src/core/references/sourcesSection';
import { citedFacts } from '../../src/core/references/citedFacts';
import { findCitations } from '../../src/core/references/citationsInText';
import { bundled } from './helpers';

const index = () => bundled().index;
const opts = (format: DocFormat, style: CitationStyle = 'auto', dateStyle: DateStyle = 'en-GB'): CitationOptions => ({ format, style, dateStyle });
const sourceIds = (text: string, format: DocFormat): string[] => findCitations(text, format, index()).sources.map((s) => s.source.id);
const factIds = (text: string, format: DocFormat): string[] => citedFacts(findCitations(text, format, index()), index()).map((f) => f.entry.fact.id);

function apply(text: string, edits: readonly TextEdit[] | TextEdit | undefined): string {
  const list = edits === undefined ? [] : Array.isArray(edits) ? edits : [edits as TextEdit];
  let out = text;
  for (const e of [...list].sort((a, b) => b.offset - a.offset)) out = out.slice(0, e.offset) + e.text + out.slice(e.offset + e.length);
  return out;
}

/** What Insert Citation does: the fact's words and citation at `offset`, definitions at the end. */
function insert(text: string, offset: number, factId: string, options: CitationOptions): string {
  const entry = index().fact(factId)!;
  const citation = formatCitation(
    citedSources(entry, index()).map((s) => s.source),
    options,
    text,
  );
  return apply(text, citationEdits(text, [{ offset, length: 0, text: insertionText(entry, index(), options) + citation.inline }], citation.definitions));
}

/** Runs the Sources command on its own result. */
function section(text: string, options: CitationOptions): { text: string; action: string } {
  const u = updateSourcesSection(text, options, index());
  return { text: apply(text, u.edit), action: u.action };
}

const REUTERS = 'Reuters via The Star (Malaysia), \u201CStarmer and Zelenskiy agree military production project in London\u201D, 23 June 2025';
const REUTERS_URL = 'https://www.thestar.com.my/news/world/2025/06/23/ukraine039s-zelenskiy-meets-king-charles-on-british-visit';
const AFP = 'AFP via Arab News, \u201CUK and Ukraine agree to deepen ties as Zelensky meets Starmer\u201D, 23 June 2025';
const AFP_URL = 'https://www.arabnews.pk/node/2605541/world';
const CENSOR = 'Censor.NET, \u201CUmerov\u2019s Facebook statement on joint drone production\u201D, 24 June 2025';
const CENSOR_URL = 'https://censor.net/en/news/3559606/ukraine-and-the-uk-will-jointly-produce-drones-what-is-known';

suite('references: which sources a document cites', () => {
  test('markdown: footnote references, not their definitions; Pandoc citations; unknown keys ignored', () => {
    const doc = [
      'Starmer spoke.[^reuters-2025-06-23] As reported [see @censor-2025-06-24, p. 2; @afp-2025-06-23].',
      'Write to desk@reuters-2025-06-23.org or cite [^no-such-source].',
      '',
      '[^pa-2025-06-23]: A definition nobody refers to.',
      '[^reuters-2025-06-23]: Reuters.',
    ].join('\n');
    assert.deepEqual(sourceIds(doc, 'markdown'), ['reuters-2025-06-23', 'censor-2025-06-24', 'afp-2025-06-23']);
  });

  test('latex: every key of \\cite, \\parencite[…]{…}, \\cites{…}{…}, and footnotes as Insert Citation writes them', () => {
    const footnote = formatCitation([index().source('pa-2025-06-23')!.source], opts('latex')).inline;
    const doc = `A\\cite{reuters-2025-06-23, afp-2025-06-23} B\\parencite[p.~3]{censor-2025-06-24} C\\cites{ki-2025-06-24a}[12]{up-2025-06-24} D${footnote} E\\nocite{*}`;
    assert.deepEqual(sourceIds(doc, 'latex'), [
      'reuters-2025-06-23',
      'afp-2025-06-23',
      'censor-2025-06-24',
      'ki-2025-06-24a',
      'up-2025-06-24',
      'pa-2025-06-23',
    ]);
  });

  test('a reference written in another date style is still found', () => {
    const us = formatCitation([index().source('reuters-2025-06-23')!.source], opts('plaintext', 'inline', 'en-US')).inline;
    assert.match(us, /June 23, 2025/);
    assert.deepEqual(sourceIds(`Text${us}.`, 'plaintext'), ['reuters-2025-06-23']);
    const latexUs = formatCitation([index().source('reuters-2025-06-23')!.source], opts('latex', 'auto', 'iso')).inline;
    assert.deepEqual(sourceIds(`Text${latexUs}.`, 'latex'), ['reuters-2025-06-23']);
  });

  test("latex with babel's Ukrainian: Cyrillic titles marked \\foreignlanguage in footnotes and inline citations alike, and found again", () => {
    const doc = '\\documentclass{article}\n\\usepackage[T2A,T1]{fontenc}\n\\usepackage[ukrainian,english]{babel}\n\\begin{document}\nText.\n\\end{document}\n';
    const cyrillic = index().sources.filter((s) => /\p{Script=Cyrillic}/u.test(s.source.title + s.source.publisher));
    assert.ok(cyrillic.length >= 10, 'the bundled pack cites Ukrainian and Russian outlets');
    for (const s of cyrillic) {
      const footnote = formatCitation([s.source], opts('latex'), doc).inline;
      const inline = formatCitation([s.source], opts('latex', 'inline'), doc).inline;
      for (const [style, citation] of [
        ['footnote', footnote],
        ['inline', inline],
      ]) {
        // No Cyrillic letter outside \foreignlanguage{ukrainian}{…}: pdfLaTeX sets it in T1, which has none.
        const outside = citation.replace(/\\foreignlanguage\{ukrainian\}\{[^{}]*\}/g, '');
        assert.doesNotMatch(outside, /\p{Script=Cyrillic}/u, `${s.source.id} ${style}: ${citation}`);
        const text = doc.replace('Text.', `Text${citation}.`);
        assert.deepEqual(sourceIds(text, 'latex'), [s.source.id], `${s.source.id} ${style}: ${citation}`);
        // The Sources section lists it.
        const listed = updateSourcesSection(text, opts('latex', style === 'inline' ? 'inline' : 'auto'), index()).sources;
        assert.deepEqual(
          listed.map((l) => l.source.id),
          [s.source.id],
        );
      }
      // One reference text, written by both styles.
      assert.ok(footnote.includes(inline.slice(2, -1)), `${s.source.id}:\n${footnote}\n${inline}`);
    }
  });

  test('restructuredtext, asciidoc and html markers; html written before data-source by its title', () => {
    assert.deepEqual(
      sourceIds('A [#reuters-2025-06-23]_ and :cite:p:`afp-2025-06-23,pa-2025-06-23`.\n\n.. [#censor-2025-06-24] Unused.\n', 'restructuredtext'),
      ['reuters-2025-06-23', 'afp-2025-06-23', 'pa-2025-06-23'],
    );
    assert.deepEqual(sourceIds('A footnote:reuters-2025-06-23[Reuters, \\] bracket] B footnote:reuters-2025-06-23[] C cite:[afp-2025-06-23(12)]', 'asciidoc'), [
      'reuters-2025-06-23',
      'afp-2025-06-23',
    ]);
    const html = formatCitation([index().source('afp-2025-06-23')!.source], opts('html')).inline;
    assert.match(html, /data-source="afp-2025-06-23"/);
    const legacy = html.replace(/ data-source="[^"]*"/, '');
    assert.deepEqual(sourceIds(`<p>B${legacy}</p>`, 'html'), ['afp-2025-06-23']);
  });

  test('the Sources section itself and footnote definitions are not citations', () => {
    const listed = buildSourcesSection([index().source('reuters-2025-06-23')!], opts('plaintext'));
    assert.match(listed, new RegExp(REUTERS.replace(/[()]/g, '\\$&')));
    assert.deepEqual(sourceIds(`Text.\n\n${listed}\n`, 'plaintext'), []);
  });
});

suite('references: which facts a document cites', () => {
  test('every bundled fact, inserted with its citation in every format and style, is cited', () => {
    const formats: DocFormat[] = ['markdown', 'latex', 'asciidoc', 'restructuredtext', 'html', 'plaintext'];
    const styles: CitationStyle[] = ['auto', 'inline', 'latex-cite'];
    for (const format of formats)
      for (const style of styles) {
        const missed = index().facts.filter((entry) => {
          const doc = insert('Intro.\n\n', 'Intro.\n\n'.length, entry.fact.id, opts(format, style));
          return !factIds(doc, format).includes(entry.fact.id);
        });
        assert.deepEqual(
          missed.map((e) => e.fact.id),
          [],
          `${format}/${style}`,
        );
      }
  });

  test('a name is cited only in a paragraph that cites one of its sources', () => {
    const doc = [
      'Rustem Umerov said it would be a mega-project.',
      '',
      'Keir Starmer spoke in London.[^reuters-2025-06-23]',
      '',
      `[^reuters-2025-06-23]: ${REUTERS}. <${REUTERS_URL}>`,
    ].join('\n');
    const ids = factIds(doc, 'markdown');
    assert.ok(ids.includes('person.starmer'), ids.join(', '));
    assert.ok(!ids.includes('person.umerov'), 'Umerov is named, but not beside a citation');
    assert.ok(!ids.includes('term.mega-project'));
  });

  test('names inside the citation itself (a title, an address) do not count', () => {
    // The Reuters title names Zelensky and London; the paragraph itself names only the co-production.
    const doc = `The two governments agreed a plan\\footnote{${formatCitation([index().source('reuters-2025-06-23')!.source], opts('latex')).inline.slice(10, -1)}}.\n`;
    const ids = factIds(doc, 'latex');
    assert.ok(!ids.includes('person.zelenskyy'), ids.join(', '));
    assert.ok(!ids.includes('place.london'), ids.join(', '));
  });

  test('in document order, with the sources it is cited with', () => {
    let doc = 'Intro.\n\n';
    doc = insert(doc, doc.length, 'term.mega-project', opts('markdown'));
    const at = doc.indexOf('\n\n[^');
    doc = insert(doc, at, 'quote.starmer.rest-of-conflict', opts('markdown'));
    const facts = citedFacts(findCitations(doc, 'markdown', index()), index());
    const ids = facts.map((f) => f.entry.fact.id);
    assert.ok(ids.indexOf('term.mega-project') < ids.indexOf('quote.starmer.rest-of-conflict'), ids.join(', '));
    assert.deepEqual(
      facts.find((f) => f.entry.fact.id === 'quote.starmer.rest-of-conflict')!.sources.map((s) => s.source.id),
      ['afp-2025-06-23'],
    );
  });
});

suite('references: the Sources section', () => {
  test('markdown: inserted before the footnote definitions, listing each cited source once, alphabetically', () => {
    let doc = '# Report\n\n';
    doc = insert(doc, doc.length, 'quote.starmer.rest-of-conflict', opts('markdown'));
    doc = insert(doc, doc.indexOf('\n\n[^'), 'term.mega-project', opts('markdown'));
    const once = section(doc, opts('markdown'));
    assert.equal(once.action, 'inserted');
    assert.equal(
      once.text,
      [
        '# Report',
        '',
        'Keir Starmer said \u201Cfor the rest of the conflict\u201D[^afp-2025-06-23]what Rustem Umerov called a \u201Cmega-project\u201D[^censor-2025-06-24]',
        '',
        '<!-- agreement-cite:sources -->',
        '## Sources',
        '',
        `- ${AFP}. <${AFP_URL}>`,
        `- ${CENSOR}. <${CENSOR_URL}>`,
        '',
        '<!-- /agreement-cite:sources -->',
        '',
        `[^afp-2025-06-23]: ${AFP}. <${AFP_URL}>`,
        `[^censor-2025-06-24]: ${CENSOR}. <${CENSOR_URL}>`,
        '',
      ].join('\n'),
    );
    const twice = section(once.text, opts('markdown'));
    assert.equal(twice.action, 'unchanged');
    assert.equal(twice.text, once.text);
  });

  test('removing the last citation of a source removes it from the list, and the last of all removes the section', () => {
    let doc = 'First.\n\n';
    doc = insert(doc, 'First.'.length, 'quote.starmer.rest-of-conflict', opts('markdown'));
    doc = insert(doc, doc.indexOf('\n\n[^'), 'term.mega-project', opts('markdown'));
    const listed = section(doc, opts('markdown')).text;
    const withoutCensor = listed.replace('[^censor-2025-06-24]', '').replace(/^\[\^censor-2025-06-24\]:.*\n/m, '');
    const updated = section(withoutCensor, opts('markdown'));
    assert.equal(updated.action, 'updated');
    assert.ok(!updated.text.includes('Censor.NET'), updated.text);
    assert.match(updated.text, /## Sources\n\n- AFP .*\n\n<!-- \/agreement-cite:sources -->/);
    const none = section(updated.text.replace('[^afp-2025-06-23]', '').replace(/^\[\^afp-2025-06-23\]:.*\n/m, ''), opts('markdown'));
    assert.equal(none.action, 'removed');
    assert.ok(!none.text.includes('agreement-cite'), none.text);
    assert.ok(!/\n\n\n/.test(none.text), JSON.stringify(none.text));
  });

  test('every format: inserted once, unchanged on the second run, and the writer\u2019s text kept', () => {
    const starts: Record<DocFormat, [string, string]> = {
      markdown: ['# Report\n\nIntro.\n\n', ''],
      latex: ['\\documentclass{article}\n\\begin{document}\nIntro.\n\n', '\n\\end{document}\n'],
      asciidoc: ['= Report\n\nIntro.\n\n', ''],
      restructuredtext: ['Report\n======\n\nIntro.\n\n', ''],
      html: ['<html><body>\n<p>Intro.</p>\n', '\n</body></html>\n'],
      plaintext: ['Report\n\nIntro.\n\n', ''],
    };
    for (const [format, [head, tail]] of Object.entries(starts) as [DocFormat, [string, string]][]) {
      for (const style of ['auto', 'inline', 'latex-cite'] as CitationStyle[]) {
        let doc = head + tail;
        doc = insert(doc, head.length, 'term.mega-project', opts(format, style));
        doc = insert(doc, head.length, 'event.kyiv-signing-2025-01-16', opts(format, style));
        const once = section(doc, opts(format, style));
        assert.equal(once.action, 'inserted', `${format}/${style}`);
        const cited = sourceIds(doc, format);
        assert.equal(cited.length, 2, `${format}/${style}: ${cited.join(', ')}`);
        const twice = section(once.text, opts(format, style));
        assert.equal(twice.action, 'unchanged', `${format}/${style}`);
        assert.equal(twice.text, once.text);
        // Only added text: taking the section out leaves every character of the document, in order.
        const found = findCitations(once.text, format, index()).section!;
        assert.ok(
          once.text.replace(once.text.slice(found.start, found.end), '').replace(/\s+/g, '') === doc.replace(/\s+/g, ''),
          `${format}/${style}:\n${once.text}`,
        );
        if (tail) assert.ok(once.text.endsWith(tail), `${format}: the section goes before ${tail.trim()}`);
      }
    }
  });

  test('the date locale and the citation style are respected', () => {
    const reuters = index().source('reuters-2025-06-23')!;
    assert.match(buildSourcesSection([reuters], opts('markdown', 'auto', 'en-US')), /June 23, 2025/);
    assert.match(buildSourcesSection([reuters], opts('markdown', 'auto', 'iso')), /, 2025-06-23\./);
    assert.equal(
      buildSourcesSection([reuters], opts('latex', 'latex-cite')),
      [
        '% agreement-cite:sources',
        '\\begingroup\\raggedright',
        '\\providecommand{\\refname}{}\\renewcommand{\\refname}{Sources}%',
        '\\providecommand{\\bibname}{}\\renewcommand{\\bibname}{Sources}%',
        '\\begin{thebibliography}{9}',
        `\\bibitem{reuters-2025-06-23} Reuters via The Star (Malaysia), \`\`Starmer and Zelenskiy agree military production project in London'', 23 June 2025, ${latexAddress(REUTERS_URL, false)}.`,
        '\\end{thebibliography}',
        '\\endgroup',
        '% /agreement-cite:sources',
      ].join('\n'),
    );
    assert.equal(
      buildSourcesSection([reuters], opts('latex')).split('\n').slice(0, 3).join('\n'),
      '% agreement-cite:sources\n\\section*{Sources}\n\\begingroup\\raggedright',
    );
  });

  test('each format writes its own markers and heading', () => {
    const reuters = [index().source('reuters-2025-06-23')!];
    assert.match(
      buildSourcesSection(reuters, opts('restructuredtext')),
      /^\.\. agreement-cite:sources\n\n\.\. rubric:: Sources\n\n- Reuters .*\n\n\.\. \/agreement-cite:sources$/,
    );
    assert.match(
      buildSourcesSection(reuters, opts('asciidoc')),
      /^\/\/ agreement-cite:sources\n== Sources\n\n\* Reuters .*, https:\/\/\S+\n\n\/\/ \/agreement-cite:sources$/,
    );
    assert.match(
      buildSourcesSection(reuters, opts('html')),
      /^<!-- agreement-cite:sources -->\n<section class="sources">\n<h2>Sources<\/h2>\n<ul>\n {2}<li>Reuters .*<a href="https:[^"]+">https:[^<]+<\/a><\/li>\n<\/ul>\n<\/section>\n<!-- \/agreement-cite:sources -->$/,
    );
    // Plain text has no comments: no marker line a reader would see.
    assert.match(buildSourcesSection(reuters, opts('plaintext')), /^Sources\n=======\n\n- Reuters .*, https:\S+$/);
  });

  test('plain text: the section is found by its heading and refreshed in place; one written with the old marker lines loses them', () => {
    let doc = insert('Intro.\n\n', 'Intro.\n\n'.length, 'event.kyiv-signing-2025-01-16', opts('plaintext'));
    const first = section(doc, opts('plaintext'));
    assert.equal(first.action, 'inserted');
    assert.doesNotMatch(first.text, /agreement-cite/);
    assert.match(first.text, /\n\nSources\n=======\n\n- [^\n]+\n?$/);
    assert.deepEqual(section(first.text, opts('plaintext')), { text: first.text, action: 'unchanged' });
    // A second citation: the same section is refreshed, not a second one added.
    doc = insert(first.text, first.text.indexOf('\n\nSources'), 'term.mega-project', opts('plaintext'));
    const second = section(doc, opts('plaintext'));
    assert.equal(second.action, 'updated');
    assert.equal(second.text.match(/^Sources$/gm)?.length, 1, second.text);
    assert.equal(second.text.match(/^- /gm)?.length, 2, second.text);
    // Written before: marker lines around the list.
    const old = first.text.replace(/Sources\n=======\n\n- [^\n]+/, (m) => `-- agreement-cite:sources --\n${m}\n-- /agreement-cite:sources --`);
    const refreshed = section(old, opts('plaintext'));
    assert.equal(refreshed.action, 'updated');
    assert.equal(refreshed.text, first.text);
    // A heading the writer wrote, not underlined as the section is, is prose.
    assert.equal(section('Sources\n\n- my own notes\n', opts('plaintext')).action, 'nothing-cited');
  });

  test('Windows line endings are kept', () => {
    const doc = insert('Intro.\r\n\r\n', 'Intro.\r\n\r\n'.length, 'term.mega-project', opts('markdown'));
    const once = section(doc, opts('markdown')).text;
    assert.ok(!/[^\r]\n/.test(once), JSON.stringify(once));
    assert.equal(section(once, opts('markdown')).action, 'unchanged');
  });

  test('a section that lost a marker is left alone', () => {
    const doc = insert('Intro.\n\n', 'Intro.\n\n'.length, 'term.mega-project', opts('markdown'));
    const listed = section(doc, opts('markdown')).text;
    const broken = listed.replace('<!-- /agreement-cite:sources -->', '');
    const u = updateSourcesSection(broken, opts('markdown'), index());
    assert.equal(u.action, 'broken');
    assert.equal(u.edit, undefined);
    assert.match(u.message!, /end marker/);
  });

  test('a LaTeX document with its own bibliography is told to use the BibTeX export', () => {
    const doc = insert(
      '\\begin{document}\nText.\n\\printbibliography\n\\end{document}\n',
      '\\begin{document}\nText.'.length,
      'term.mega-project',
      opts('latex', 'latex-cite'),
    );
    const u = updateSourcesSection(doc, opts('latex', 'latex-cite'), index());
    assert.equal(u.action, 'bibliography');
    assert.equal(u.edit, undefined);
  });

  test('nothing cited and no section: nothing to do', () => {
    assert.equal(updateSourcesSection('Just prose about Keir Starmer.\n', opts('markdown'), index()).action, 'nothing-cited');
  });
});
