// snippets: a fact as a VS Code snippet, and the .code-snippets files built from the pack.

import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { citedSources, formatCitation, insertionText, withCitation, type DocFormat, type InsertOptions } from '../../src/core/references/citation';
import {
  ATTRIBUTION_VERBS,
  escapeSnippet,
  factSnippet,
  SHARED_SNIPPETS,
  sharedSnippetFiles,
  SNIPPET_LANGUAGES,
  snippetFile,
  snippetPrefix,
  type SnippetFileEntry,
} from '../../src/core/cite/snippets';
import { snippetFiles } from '../../src/core/packs/buildTools';
import { buildFactIndex } from '../../src/core/facts/factIndex';
import { bundled, factYaml, indexOf, loadPack, packYaml } from './helpers';

const md: InsertOptions = { format: 'markdown', style: 'auto', dateStyle: 'en-GB' };

/**
 * What VS Code inserts for a snippet body when the writer accepts the first
 * choice at every tab stop: escapes resolved, tab stops and `$0` removed.
 */
function expand(body: string): string {
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '\\' && i + 1 < body.length && '$}\\'.includes(body[i + 1])) {
      out += body[++i];
    } else if (c === '$' && body[i + 1] === '0') {
      i++;
    } else if (c === '$' && body[i + 1] === '{') {
      const m = /^\$\{\d+\|((?:\\.|[^,|\\])*)(?:,(?:\\.|[^|\\])*)*\|\}/.exec(body.slice(i));
      assert.ok(m, `unreadable tab stop at ${body.slice(i, i + 30)}`);
      out += m[1].replace(/\\(.)/g, '$1');
      i += m[0].length - 1;
    } else {
      assert.notEqual(c, '$', `unescaped $ at ${i}: ${body.slice(i, i + 20)}`);
      out += c;
    }
  }
  return out;
}

suite('snippets: escapeSnippet', () => {
  test('$, } and \\ are escaped; other characters are left alone', () => {
    assert.equal(escapeSnippet('costs $5 {x} a\\b'), 'costs \\$5 {x\\} a\\\\b');
    assert.equal(escapeSnippet('plain “text” – 100%'), 'plain “text” – 100%');
  });

  test('an escaped text expands back to itself', () => {
    const text = '$0 ${1|a|} \\n } {';
    assert.equal(expand(escapeSnippet(text)), text);
  });
});

suite('snippets: factSnippet', () => {
  test('a quote offers the attribution verb as a choice at the first tab stop and ends with $0', () => {
    const s = factSnippet(bundled().index.fact('quote.starmer.co-production')!, bundled().index, md);
    assert.ok(s.body.startsWith('Keir Starmer ${1|said,stated,told reporters,wrote,added|}: \u201CI\u2019m really proud'), s.body);
    assert.ok(s.body.endsWith('[^reuters-2025-06-23]$0'), s.body);
    assert.equal(s.body.split('${1|').length, 2, 'one choice');
  });

  test('the choice lists every attribution verb, "said" first', () => {
    const s = factSnippet(bundled().index.fact('quote.zelenskyy.thankful')!, bundled().index, md);
    assert.ok(s.body.includes(`\${1|${ATTRIBUTION_VERBS.join(',')}|}`));
    assert.equal(ATTRIBUTION_VERBS[0], 'said');
  });

  test('accepting the snippet writes exactly what Insert Citation writes', () => {
    const { index } = bundled();
    for (const id of ['quote.starmer.co-production', 'person.umerov', 'event.nato-summit-2025', 'figure.100yp-article-count']) {
      for (const options of [md, { ...md, format: 'latex' } as InsertOptions, { ...md, format: 'plaintext' } as InsertOptions]) {
        const entry = index.fact(id)!;
        const s = factSnippet(entry, index, options);
        const citation = formatCitation(
          citedSources(entry, index).map((x) => x.source),
          options,
        );
        assert.equal(expand(s.body), withCitation(insertionText(entry, index, options), citation.inline), `${id} in ${options.format}`);
        assert.deepEqual(s.definitions, citation.definitions);
      }
    }
  });

  test('a fact text with $, } and \\ is escaped so the snippet inserts it literally', () => {
    const text = packYaml(factYaml('f1', { omit: ['text'], lines: ['text: "costs $5 {x} a\\\\b ${1:oops}"'] }));
    const { index } = indexOf([{ text, file: 'p.yaml' }]);
    const s = factSnippet(index.fact('f1')!, index, { ...md, format: 'plaintext' });
    assert.ok(expand(s.body).startsWith('costs $5 {x} a\\b ${1:oops} ('), expand(s.body));
    assert.ok(s.body.endsWith('$0'));
  });

  test('a Markdown snippet returns the footnote definition of its strongest source, unless the document has it', () => {
    // Umerov is cited by Euromaidan Press (read through an aggregator), Censor.NET and the Kyiv Independent: an original beats a republication.
    const s = factSnippet(bundled().index.fact('person.umerov')!, bundled().index, md);
    assert.deepEqual(
      s.definitions.map((d) => d.key),
      ['censor-2025-06-24'],
    );
    const already = factSnippet(bundled().index.fact('person.umerov')!, bundled().index, md, '[^censor-2025-06-24]: defined.\n');
    assert.deepEqual(
      already.definitions.map((d) => d.key),
      [],
    );
  });

  test('at the very end of the document the definition follows in the snippet itself, after the final tab stop', () => {
    const doc = 'Text. ';
    const s = factSnippet(bundled().index.fact('quote.starmer.rest-of-conflict')!, bundled().index, md, doc, doc.length);
    assert.deepEqual(s.definitions, []);
    assert.match(s.body, /\[\^afp-2025-06-23\]\$0\n\n\[\^afp-2025-06-23\]: AFP/);
  });
});

/** A snippet body as the format allows it, one string or a list of lines, as text. */
function lines(body: string | string[]): string {
  return typeof body === 'string' ? body : body.join('\n');
}

suite('snippets: snippetFile', () => {
  const { index } = bundled();

  test('one entry per fact, each with an "ac-" prefix made from its id', () => {
    const file = snippetFile(index, 'markdown', 'en-GB');
    const entries = Object.values(file);
    assert.equal(entries.length, index.facts.length);
    for (const e of entries) assert.match(e.prefix, /^ac-[A-Za-z0-9-]+$/);
    assert.equal(new Set(entries.map((e) => e.prefix)).size, entries.length, 'prefixes are unique');
    assert.ok(entries.some((e) => e.prefix === 'ac-quote-starmer-co-production'));
  });

  test('snippetPrefix turns dots and other separators into hyphens', () => {
    assert.equal(snippetPrefix('quote.starmer.co-production'), 'ac-quote-starmer-co-production');
    assert.equal(snippetPrefix('event.kyiv-signing-2025-01-16'), 'ac-event-kyiv-signing-2025-01-16');
  });

  test('each entry names the fact and describes its kind, date and status', () => {
    const file = snippetFile(index, 'markdown', 'en-GB');
    const entry = file['NATO summit in The Hague (24–25 June 2025)'];
    assert.ok(entry, Object.keys(file).slice(0, 5).join('\n'));
    assert.equal(entry.description, 'Agreement Cite: event, 24 June 2025, confirmed');
  });

  test('two facts with one label are named by their ids too: neither snippet replaces the other', () => {
    // The bundled pack and a writer's pack with one more person of that name.
    const twin = factYaml('person.umerov-twin', { kind: 'person' }).replace('Label of person.umerov-twin', 'Rustem Umerov');
    const twinned = buildFactIndex([bundled().loaded, loadPack(packYaml(twin), 'file:///w/twin.factpack.yaml').loaded]).index;
    const file = snippetFile(twinned, 'plaintext', 'en-GB');
    assert.equal(Object.keys(file).length, index.facts.length + 1);
    assert.equal(file['Rustem Umerov (person.umerov-twin)'].prefix, 'ac-person-umerov-twin');
    assert.equal(file['Rustem Umerov (person.umerov)'].prefix, 'ac-person-umerov');
    assert.equal(file['Rustem Umerov'], undefined);
  });

  test('Markdown snippets cite inline (a snippet cannot add a footnote definition); LaTeX uses \\footnote', () => {
    const mdBody = lines(snippetFile(index, 'markdown', 'en-GB')['Rustem Umerov'].body);
    assert.doesNotMatch(mdBody, /\[\^/);
    assert.match(mdBody, /\(Censor\.NET/);
    const texBody = lines(snippetFile(index, 'latex', 'en-GB')['Rustem Umerov'].body);
    assert.match(expand(texBody), /\\footnote\{Censor\.NET/);
  });

  test('every body ends at $0 and has no unescaped $', () => {
    for (const format of ['markdown', 'latex', 'asciidoc', 'restructuredtext', 'html', 'plaintext'] as const) {
      for (const [name, e] of Object.entries(snippetFile(index, format, 'en-GB'))) {
        const body = lines(e.body);
        assert.ok(typeof e.body === 'string' || e.body.length > 1, 'one line as a string');
        assert.ok(body.endsWith('$0'), `${format} ${name}`);
        expand(body);
      }
    }
  });
});

suite('snippets: the files the package contributes', () => {
  const { index, loaded } = bundled();
  const files = snippetFiles(loaded.pack);
  const formats = Object.keys(SNIPPET_LANGUAGES) as DocFormat[];

  /** The snippets VS Code offers in `language`, by name: a shared one where its scope names the language, and those of files contributed for it. */
  function offered(language: string): Map<string, SnippetFileEntry[]> {
    const out = new Map<string, SnippetFileEntry[]>();
    for (const file of files) {
      for (const [name, entry] of Object.entries(file.snippets)) {
        const applies = file.languages ? file.languages.includes(language) : (entry.scope ?? '').split(',').includes(language);
        if (applies) out.set(name, [...(out.get(name) ?? []), entry]);
      }
    }
    return out;
  }

  test("each language is offered exactly its format's snippets, one of each name", () => {
    for (const format of formats) {
      const expected = snippetFile(index, format, 'en-GB');
      for (const language of SNIPPET_LANGUAGES[format]) {
        const got = offered(language);
        assert.deepEqual([...got.keys()].sort(), Object.keys(expected).sort(), language);
        for (const [name, entries] of got) {
          assert.equal(entries.length, 1, `${language}: "${name}" offered ${entries.length} times`);
          const { scope: _scope, ...entry } = entries[0];
          assert.deepEqual(entry, expected[name], `${language}: ${name}`);
        }
      }
    }
  });

  test('a snippet most formats write alike is shipped once: the Markdown, plain text and reStructuredText files keep only what differs', () => {
    const byName = new Map(files.map((f) => [f.name, Object.keys(f.snippets).length]));
    assert.equal(byName.get(SHARED_SNIPPETS), index.facts.length);
    for (const f of ['markdown', 'plaintext', 'restructuredtext'])
      assert.ok(byName.get(`${f}.code-snippets`)! < index.facts.length / 4, `${f}: ${byName.get(`${f}.code-snippets`)}`);
    // Markdown escapes "$" and plain text does not: each keeps its own.
    const name = 'G7 ERA loans to Ukraine ($50bn in all)';
    const md = files.find((f) => f.name === 'markdown.code-snippets')!.snippets[name] ?? files[0].snippets[name];
    const plain = files.find((f) => f.name === 'plaintext.code-snippets')!.snippets[name] ?? files[0].snippets[name];
    assert.match(expand(lines(md.body)), /the \\\$50bn/);
    assert.match(expand(lines(plain.body)), /the \$50bn/);
  });

  test('sharedSnippetFiles: the widest group of formats alike is shared, scoped to their languages; the others keep theirs', () => {
    const e = (body: string): SnippetFileEntry => ({ prefix: 'ac-x', body, description: 'd' });
    const out = sharedSnippetFiles({ markdown: { X: e('a'), Y: e('m') }, plaintext: { X: e('a'), Y: e('p') }, latex: { X: e('b'), Y: e('p') } });
    const by = Object.fromEntries(out.map((f) => [f.name, f]));
    assert.deepEqual(by[SHARED_SNIPPETS].snippets, { X: { ...e('a'), scope: 'markdown,plaintext' }, Y: { ...e('p'), scope: 'plaintext,latex,tex' } });
    assert.deepEqual(by['markdown.code-snippets'], { name: 'markdown.code-snippets', languages: ['markdown'], snippets: { Y: e('m') } });
    assert.deepEqual(by['plaintext.code-snippets'].snippets, {});
    assert.deepEqual(by['latex.code-snippets'], { name: 'latex.code-snippets', languages: ['latex', 'tex'], snippets: { X: e('b') } });
  });

  test("package.json contributes each file, for its languages or, the shared one, for none (each snippet's scope)", () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as {
      contributes: { snippets: { language?: string; path: string }[] };
    };
    const expected = files.flatMap((f) =>
      f.languages ? f.languages.map((language) => ({ language, path: `./dist/snippets/${f.name}` })) : [{ path: `./dist/snippets/${f.name}` }],
    );
    const key = (c: { language?: string; path: string }): string => `${c.path} ${c.language ?? ''}`;
    assert.deepEqual(manifest.contributes.snippets.map(key).sort(), expected.map(key).sort());
  });
});
