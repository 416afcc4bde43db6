// References in a real VS Code: the Sources section round trip, the BibTeX
// and CSL-JSON export files read back by real parsers, the facts view and
// its status bar count, and a screenshot of the view.

import * as assert from 'assert';
import * as vscode from 'vscode';
import type { AgreementCiteApi } from '../../src/extension';
import type { FactsNode } from '../../src/factsView/factsView';
import { bibtexParser, citationJs } from '../unit/formatParsers';
import { onlyIn } from './harness';
import { onScreen, screenshot, WIDGET } from './screenshot';
import { activateExtension, closeEditors, deleteFolder, openScratch, scratchFolder, waitFor } from './util';

const api = activateExtension;

/** A new file in the workspace with this content, open in the editor. */
const open = (language: string, content: string, name?: string): Promise<vscode.TextEditor> => openScratch('references', language, content, name);

/** Where exports are written: a folder of their own, beside the documents'. */
function exportFolder(): vscode.Uri {
  return scratchFolder('references-export');
}

const closeAll = closeEditors;

/**
 * Deletes this file's scratch files, once per suite, when the workbench has
 * saved what it auto-saves: a save still in flight would find its folder gone.
 */
async function deleteScratch(): Promise<void> {
  const scratch = [scratchFolder('references'), exportFolder()].map((f) => `${f.toString()}/`);
  await waitFor(
    'edited scratch files to be saved',
    () => !vscode.workspace.textDocuments.some((d) => d.isDirty && scratch.some((f) => d.uri.toString().startsWith(f))),
  );
  for (const folder of [scratchFolder('references'), exportFolder()]) await deleteFolder(folder);
}

/** Puts the cursor at the end of the first line containing `needle` and inserts a fact there. */
async function citeAt(editor: vscode.TextEditor, needle: string, factId: string): Promise<void> {
  const line = editor.document
    .getText()
    .split('\n')
    .findIndex((l) => l.includes(needle));
  assert.ok(line >= 0, `no line with "${needle}"`);
  const end = editor.document.lineAt(line).range.end;
  editor.selection = new vscode.Selection(end, end);
  assert.strictEqual(await vscode.commands.executeCommand('agreementCite.insertCitation', { factId }), true);
}

interface SectionResult {
  action: string;
  sources: string[];
}

const sourcesSection = (): Thenable<SectionResult | undefined> =>
  vscode.commands.executeCommand<SectionResult | undefined>('agreementCite.insertSourcesSection');

const AFP = 'AFP via Arab News, “UK and Ukraine agree to deepen ties as Zelensky meets Starmer”, 23 June 2025';
const AFP_URL = 'https://www.arabnews.pk/node/2605541/world';
const CENSOR = 'Censor.NET, “Umerov’s Facebook statement on joint drone production”, 24 June 2025';
const CENSOR_URL = 'https://censor.net/en/news/3559606/ukraine-and-the-uk-will-jointly-produce-drones-what-is-known';

/** A Markdown briefing citing a quote (AFP) and a term (Censor.NET), as a writer would make it. */
async function briefing(): Promise<vscode.TextEditor> {
  const editor = await open('markdown', '# Briefing\n\nIn London, \n\nIn Kyiv, \n');
  await citeAt(editor, 'In London,', 'quote.starmer.rest-of-conflict');
  await citeAt(editor, 'In Kyiv,', 'term.mega-project');
  return editor;
}

suite('references: the Sources section', () => {
  suiteSetup(async () => {
    await api();
  });

  teardown(closeAll);
  suiteTeardown(deleteScratch);

  test('Markdown: inserted once, unchanged when run again, and a source whose last citation is gone leaves the list', async () => {
    const editor = await briefing();
    const cited = editor.document.getText();
    assert.strictEqual(
      cited,
      [
        '# Briefing',
        '',
        'In London, Keir Starmer said “for the rest of the conflict”[^afp-2025-06-23]',
        '',
        'In Kyiv, what Rustem Umerov called a “mega-project”[^censor-2025-06-24]',
        '',
        `[^afp-2025-06-23]: ${AFP}. <${AFP_URL}>`,
        `[^censor-2025-06-24]: ${CENSOR}. <${CENSOR_URL}>`,
        '',
      ].join('\n'),
    );

    const first = await sourcesSection();
    assert.deepStrictEqual(first, { action: 'inserted', sources: ['afp-2025-06-23', 'censor-2025-06-24'] });
    const listed = editor.document.getText();
    assert.strictEqual(
      listed,
      [
        '# Briefing',
        '',
        'In London, Keir Starmer said “for the rest of the conflict”[^afp-2025-06-23]',
        '',
        'In Kyiv, what Rustem Umerov called a “mega-project”[^censor-2025-06-24]',
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

    const version = editor.document.version;
    assert.deepStrictEqual(await sourcesSection(), { action: 'unchanged', sources: ['afp-2025-06-23', 'censor-2025-06-24'] });
    assert.strictEqual(editor.document.getText(), listed);
    assert.strictEqual(editor.document.version, version, 'running it again makes no edit at all');

    // The writer deletes the Censor.NET citation and its definition.
    const text = editor.document.getText();
    const marker = text.indexOf('[^censor-2025-06-24]');
    const definition = text.indexOf('[^censor-2025-06-24]:');
    await editor.edit((b) => {
      b.delete(new vscode.Range(editor.document.positionAt(marker), editor.document.positionAt(marker + '[^censor-2025-06-24]'.length)));
      b.delete(editor.document.lineAt(editor.document.positionAt(definition).line).rangeIncludingLineBreak);
    });
    assert.deepStrictEqual(await sourcesSection(), { action: 'updated', sources: ['afp-2025-06-23'] });
    assert.strictEqual(
      editor.document.getText(),
      [
        '# Briefing',
        '',
        'In London, Keir Starmer said “for the rest of the conflict”[^afp-2025-06-23]',
        '',
        'In Kyiv, what Rustem Umerov called a “mega-project”',
        '',
        '<!-- agreement-cite:sources -->',
        '## Sources',
        '',
        `- ${AFP}. <${AFP_URL}>`,
        '',
        '<!-- /agreement-cite:sources -->',
        '',
        `[^afp-2025-06-23]: ${AFP}. <${AFP_URL}>`,
        '',
      ].join('\n'),
    );

    // One undo step takes the update back.
    await vscode.commands.executeCommand('undo');
    assert.match(editor.document.getText(), /## Sources\n\n- AFP .*\n- Censor\.NET/);
  });

  test('the date locale and the citation style settings: US dates, and \\bibitem keys for \\cite in LaTeX', async () => {
    const config = vscode.workspace.getConfiguration('agreementCite', null);
    await config.update('dateLocale', 'en-US', vscode.ConfigurationTarget.Workspace);
    await config.update('citationStyle', 'latex-cite', vscode.ConfigurationTarget.Workspace);
    try {
      const editor = await open('latex', '\\documentclass{article}\n\\begin{document}\nIn London, \n\n\\end{document}\n');
      await citeAt(editor, 'In London,', 'quote.starmer.rest-of-conflict');
      assert.match(editor.document.getText(), /conflict''~\\cite\{afp-2025-06-23\}/);
      assert.deepStrictEqual(await sourcesSection(), { action: 'inserted', sources: ['afp-2025-06-23'] });
      const text = editor.document.getText();
      assert.match(
        text,
        /% agreement-cite:sources\n\\begingroup\\raggedright\n.*\n.*\n\\begin\{thebibliography\}\{9\}\n\\bibitem\{afp-2025-06-23\} AFP via Arab News, ``UK and Ukraine agree to deepen ties as Zelensky meets Starmer'', June 23, 2025, \\texttt\{https:\/\/\\allowbreak\{\}www\..*world\}\.\n\\end\{thebibliography\}\n\\endgroup\n% \/agreement-cite:sources\n\n\\end\{document\}\n$/,
      );
    } finally {
      await config.update('dateLocale', undefined, vscode.ConfigurationTarget.Workspace);
      await config.update('citationStyle', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  test('plain text: parenthetical references are found and listed', async () => {
    const editor = await open('plaintext', 'Notes\n\nThe signing: \n');
    await citeAt(editor, 'The signing:', 'event.kyiv-signing-2025-01-16');
    const result = await sourcesSection();
    assert.strictEqual(result?.action, 'inserted');
    assert.strictEqual(result.sources.length, 1);
    // No marker line a reader would see: the section is found again by its heading.
    assert.match(editor.document.getText(), /\n\nSources\n=======\n\n- .+, https?:\/\/\S+\n$/);
    assert.doesNotMatch(editor.document.getText(), /agreement-cite/);
    assert.strictEqual((await sourcesSection())?.action, 'unchanged');
  });
});

suite('references: export', () => {
  suiteSetup(async function () {
    onlyIn('node', this, 'the BibTeX and CSL parsers that read the exported files run in Node; webHost.test.ts checks an export in the browser');
    await api();
  });

  teardown(closeAll);
  suiteTeardown(deleteScratch);

  test('the sources a document cites, as BibTeX and CSL-JSON files that real parsers read', async () => {
    await briefing();
    const bib = vscode.Uri.joinPath(exportFolder(), 'briefing.bib');
    const json = vscode.Uri.joinPath(exportFolder(), 'briefing.json');
    const result = await vscode.commands.executeCommand<{ scope: string; sources: string[]; files: { format: string; uri: string }[] }>(
      'agreementCite.exportSources',
      { scope: 'cited', bibtex: bib, cslJson: json },
    );
    assert.deepStrictEqual(result, {
      scope: 'cited',
      sources: ['afp-2025-06-23', 'censor-2025-06-24'],
      files: [
        { format: 'bibtex', uri: bib.toString() },
        { format: 'csl-json', uri: json.toString() },
      ],
    });

    const decoder = new TextDecoder();
    const { parse } = await bibtexParser();
    const library = parse(decoder.decode(await vscode.workspace.fs.readFile(bib)));
    assert.deepStrictEqual(library.errors, []);
    assert.deepStrictEqual(
      library.entries.map((e) => [e.type, e.key]),
      [
        ['article', 'afp-2025-06-23'],
        ['article', 'censor-2025-06-24'],
      ],
    );
    const afp = library.entries[0].fields;
    assert.strictEqual(afp.title, 'UK and Ukraine agree to deepen ties as Zelensky meets Starmer');
    // AFP's story as Arab News republished it, at Arab News' address: Arab News where it appeared, AFP the author, as in the CSL-JSON below.
    assert.strictEqual(afp.journaltitle, 'Arab News');
    assert.deepStrictEqual(afp.author, [{ name: 'AFP' }]);
    assert.strictEqual(afp.date, '2025-06-23');
    assert.strictEqual(afp.url, AFP_URL);

    const items = JSON.parse(decoder.decode(await vscode.workspace.fs.readFile(json))) as {
      id: string;
      type: string;
      title: string;
      'container-title': string;
      issued: unknown;
      URL: string;
    }[];
    assert.deepStrictEqual(
      items.map((i) => [i.id, i.type, i['container-title']]),
      [
        ['afp-2025-06-23', 'article-newspaper', '<span class="nocase">Arab News</span>'],
        ['censor-2025-06-24', 'article-newspaper', '<span class="nocase">Censor.NET</span>'],
      ],
    );
    assert.deepStrictEqual(items[0].issued, { 'date-parts': [[2025, 6, 23]] });
    const Cite = citationJs();
    const apa = new Cite(items).format('bibliography', { format: 'text', template: 'apa', lang: 'en-US' });
    // AFP's story as Arab News republished it: AFP the author, Arab News where it appeared.
    assert.match(apa, /AFP\. \(2025, June 23\)\. UK and Ukraine agree to deepen ties as Zelensky meets Starmer\. Arab News\. https:\/\/www\.arabnews\.pk\//);
  });

  test('every source of the fact base, as BibTeX', async () => {
    const index = (await api()).index;
    const bib = vscode.Uri.joinPath(exportFolder(), 'all.bib');
    const result = await vscode.commands.executeCommand<{ sources: string[] }>('agreementCite.exportSources', { scope: 'all', bibtex: bib });
    assert.strictEqual(result?.sources.length, index.sources.length);
    const { parse } = await bibtexParser();
    const library = parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(bib)));
    assert.deepStrictEqual(library.errors, []);
    assert.strictEqual(library.entries.length, index.sources.length);
    assert.deepStrictEqual(new Set(library.entries.map((e) => e.type)), new Set(['article', 'report', 'online']));
  });
});

suite('references: the facts view', () => {
  let view: AgreementCiteApi['factsView'];

  suiteSetup(async () => {
    view = (await api()).factsView;
  });

  teardown(closeAll);
  suiteTeardown(deleteScratch);

  const label = (node: FactsNode): string => {
    const l = view.getTreeItem(node).label;
    return typeof l === 'string' ? l : (l?.label ?? '');
  };
  const find = (nodes: FactsNode[], text: string | RegExp): FactsNode => {
    const node = nodes.find((n) => (typeof text === 'string' ? label(n) === text : text.test(label(n))));
    assert.ok(node, `no row "${String(text)}" in ${nodes.map(label).join(', ')}`);
    return node;
  };

  test('top rows, facts by kind and by source with their counts and statuses', async () => {
    const index = (await api()).index;
    const roots = view.getChildren();
    assert.deepStrictEqual(roots.map(label).slice(1), ['By kind', 'By source']);
    const kinds = view.getChildren(find(roots, 'By kind'));
    assert.deepStrictEqual(kinds.map(label), [
      'People',
      'Roles',
      'Events and dates',
      'Places',
      'Organisations',
      'Agreements',
      'Provisions',
      'Figures',
      'Terms',
      'Quotes',
    ]);
    for (const k of kinds) {
      const rows = view.getChildren(k);
      assert.strictEqual(String(view.getTreeItem(k).description), String(rows.length));
      assert.ok(rows.length > 0);
    }
    const people = view.getChildren(find(kinds, 'People'));
    const umerov = view.getTreeItem(find(people, 'Rustem Umerov'));
    assert.strictEqual(umerov.description, index.fact('person.umerov')!.status);
    assert.strictEqual((umerov.iconPath as vscode.ThemeIcon).id, 'person');
    assert.match((umerov.tooltip as vscode.MarkdownString).value, /Source:/);
    assert.strictEqual(umerov.command?.arguments?.[0]?.factId, 'person.umerov');
    assert.strictEqual(umerov.contextValue, 'fact-linked');

    const sources = view.getChildren(find(roots, 'By source'));
    assert.strictEqual(sources.length, index.sources.filter((s) => index.bySource(s.source.id).length > 0).length);
    const reuters = sources.find((n) => n.type === 'source' && n.sourceId === 'reuters-2025-06-23')!;
    assert.strictEqual(label(reuters), 'Reuters');
    assert.match(String(view.getTreeItem(reuters).description), /^23 June 2025 · “Starmer and Zelenskiy agree military production/);
    assert.strictEqual(view.getChildren(reuters).length, index.bySource('reuters-2025-06-23').length);
  });

  test('the facts cited in the active document, and the status bar count, kept current as it changes', async () => {
    const editor = await briefing();
    const roots = await waitFor(
      'the cited facts to be counted',
      () => label(view.getChildren()[0]) === 'Cited in this document (3)' && view.statusBar.text === '$(book) 3 cited' && view.getChildren(),
    );
    assert.strictEqual(view.getTreeItem(roots[0]).description, editor.document.uri.path.replace(/^.*\//, ''));
    const cited = view.getChildren(roots[0]);
    // AFP's story backs Starmer's words, not London or Starmer himself; Censor.NET's backs Umerov and his term.
    assert.deepStrictEqual(
      cited.map((n) => (n.type === 'fact' ? n.factId : '')),
      ['quote.starmer.rest-of-conflict', 'person.umerov', 'term.mega-project'],
    );
    assert.deepStrictEqual(view.statusBar, {
      text: '$(book) 3 cited',
      tooltip: '3 facts cited from 2 sources in this document. Click to show the facts.',
      visible: true,
    });

    // The writer deletes the AFP citation: Starmer's words are no longer cited.
    const at = editor.document.getText().indexOf('[^afp-2025-06-23]');
    await editor.edit((b) => b.delete(new vscode.Range(editor.document.positionAt(at), editor.document.positionAt(at + '[^afp-2025-06-23]'.length))));
    await waitFor(
      'the count to follow the edit',
      () => view.statusBar.text !== '$(book) 3 cited' && label(view.getChildren()[0]) !== 'Cited in this document (3)',
    );
    assert.strictEqual(view.statusBar.text, '$(book) 2 cited');
    assert.strictEqual(label(view.getChildren()[0]), 'Cited in this document (2)');

    // Another document: the view follows the active editor.
    await open('markdown', 'Nothing cited here.\n');
    await waitFor(
      'the view to follow the active editor',
      () => label(view.getChildren()[0]) !== 'Cited in this document (2)' && view.statusBar.text !== '$(book) 2 cited',
    );
    assert.strictEqual(label(view.getChildren()[0]), 'Cited in this document (0)');
    assert.strictEqual(view.statusBar.text, '$(book) 0 cited');
  });

  test('clicking a fact inserts it into the document, even with focus in the view', async () => {
    const editor = await open('markdown', 'Summary: \n');
    editor.selection = new vscode.Selection(0, 9, 0, 9);
    await vscode.commands.executeCommand('agreementCite.facts.focus');
    await onScreen({ texts: ['Cited in this document'] });
    const terms = view.getChildren(view.getChildren(view.getChildren()[1]).find((n) => label(n) === 'Terms'));
    const item = view.getTreeItem(terms.find((n) => n.type === 'fact' && n.factId === 'term.mega-project')!);
    assert.ok(item.command);
    await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
    assert.match(
      editor.document.getText(),
      /^Summary: what Rustem Umerov called a “mega-project”\[\^censor-2025-06-24\]\n\n\[\^censor-2025-06-24\]: Censor\.NET/,
    );
    assert.strictEqual(vscode.window.activeTextEditor?.document, editor.document, 'focus is back in the editor');
  });

  test('the context menu\u2019s Copy Citation takes the row itself', async () => {
    await open('markdown', 'Text.\n');
    const quotes = view.getChildren(view.getChildren(view.getChildren()[1]).find((n) => label(n) === 'Quotes'));
    const row = quotes.find((n) => n.type === 'fact' && n.factId === 'quote.starmer.rest-of-conflict')!;
    const copied = await vscode.commands.executeCommand<string>('agreementCite.copyCitation', row);
    assert.match(copied, /^Keir Starmer said “for the rest of the conflict”\[\^afp-2025-06-23\]\n\n\[\^afp-2025-06-23\]: AFP/);
  });

  test('screenshot: the facts view beside a briefing that cites a few facts', async () => {
    const editor = await open(
      'markdown',
      '# Briefing: the London meeting\n\nOn 23 June 2025, \n\nThe agreement: \n\nIn Kyiv, \n\nDefence Minister \n',
      'briefing.md',
    );
    await citeAt(editor, 'On 23 June 2025,', 'quote.starmer.co-production');
    await citeAt(editor, 'The agreement:', 'provision.co-production.wartime-allocation');
    await citeAt(editor, 'In Kyiv,', 'term.mega-project');
    await citeAt(editor, 'Defence Minister', 'person.umerov');
    await vscode.commands.executeCommand('agreementCite.insertSourcesSection');
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    editor.revealRange(new vscode.Range(0, 0, 0, 0));
    await vscode.commands.executeCommand('agreementCite.facts.focus');
    await onScreen({ texts: ['Cited in this document'] });
    // Wide enough for the statuses beside long labels.
    for (let i = 0; i < 3; i++) await vscode.commands.executeCommand('workbench.action.decreaseViewWidth');
    // The view has read the briefing as written: every fact cited in it is counted (its row's label is what the screenshot shows).
    const citedIds = ['quote.starmer.co-production', 'provision.co-production.wartime-allocation', 'term.mega-project', 'person.umerov'];
    const roots = await waitFor('the view to count the facts cited in the briefing', () => {
      const rows = view.getChildren();
      const counted = view.getChildren(rows[0]).map((n) => (n.type === 'fact' ? n.factId : ''));
      return citedIds.every((id) => counted.includes(id)) && rows;
    });
    const kinds = view.getChildren(roots[1]);
    await view.reveal(roots[0], { expand: true, select: false, focus: false });
    await view.reveal(
      kinds.find((n) => label(n) === 'Figures')!,
      { expand: true, select: false, focus: false },
    );
    // The cited facts at the top. A refresh of the view that lands after a reveal can show the list folded: revealed
    // again until its rows are on screen (each wait ends as soon as they are).
    for (let attempt = 1; ; attempt++) {
      await view.reveal(roots[0], { expand: true, select: false, focus: false });
      const shown = await onScreen({ texts: ['Rustem Umerov'], within: WIDGET.sideBar, timeoutMs: 5_000 }).then(
        () => true,
        (e: unknown) => {
          if (attempt >= 4) throw e;
          return false;
        },
      );
      if (shown) break;
    }
    await screenshot('facts-view', { texts: [label(roots[0]), 'Rustem Umerov'], within: WIDGET.sideBar });
  });
});
