// What a writer sees in a real VS Code: hover cards, completions, Insert
// Citation in each format, undo, several cursors, and screenshots of them.

import * as assert from 'assert';
import * as vscode from 'vscode';
import { keyboard, onScreen, screenshot, WIDGET } from './screenshot';
import { activateExtension, closeEditors, deleteFolder, nextEvent, openScratch, scratchFolder, waitFor } from './util';

const open = (language: string, content: string): Promise<vscode.TextEditor> => openScratch('editor', language, content);
const api = activateExtension;

/** The Markdown of every hover at the first occurrence of `needle` (plus `into` characters). */
async function hoverText(editor: vscode.TextEditor, needle: string, into = 1): Promise<string> {
  const offset = editor.document.getText().indexOf(needle);
  assert.ok(offset >= 0, `"${needle}" is not in the document`);
  const position = editor.document.positionAt(offset + into);
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, position);
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}

/** Escaped Markdown back to the words a writer reads. */
function plain(markdown: string): string {
  return markdown.replace(/\\([\\`*_{}[\]()#+\-.!|<>~&$])/g, '$1');
}

async function completionLabels(editor: vscode.TextEditor, position: vscode.Position, trigger?: string): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, position, trigger);
  return list.items.filter((i) => typeof i.detail === 'string' && /·/.test(i.detail));
}

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

/** Closes every editor without saving, and deletes the scratch files. */
async function closeAll(): Promise<void> {
  await closeEditors();
  await deleteFolder(scratchFolder('editor'));
}

/**
 * Types text as a writer would, one character at a time, so that trigger
 * characters fire; each character is in the document before the next is typed.
 */
async function type(editor: vscode.TextEditor, text: string): Promise<void> {
  for (const ch of text) {
    const typed = nextEvent(
      `“${ch}” to be typed`,
      vscode.workspace.onDidChangeTextDocument,
      (e) => e.document === editor.document && e.contentChanges.some((c) => c.text.includes(ch)),
    );
    await vscode.commands.executeCommand('type', { text: ch });
    await typed;
  }
}

/** The footnote definition of the Reuters report, as Insert Citation writes it in Markdown. */
const AFP_MD =
  '[^afp-2025-06-23]: AFP via Arab News, “UK and Ukraine agree to deepen ties as Zelensky meets Starmer”, 23 June 2025. <https://www.arabnews.pk/node/2605541/world>';

function end(editor: vscode.TextEditor): vscode.Position {
  return editor.document.lineAt(editor.document.lineCount - 1).range.end;
}

suite('hover cards', () => {
  suiteSetup(async () => {
    await api();
  });

  teardown(closeAll);

  test('a multi-word name shows the person, role, source and status', async () => {
    const editor = await open('markdown', 'On 23 June 2025 Keir Starmer met the President.\n');
    const text = plain(await hoverText(editor, 'Keir Starmer', 6));
    assert.match(text, /Keir Starmer/);
    assert.match(text, /Prime Minister of the United Kingdom/);
    assert.match(text, /confirmed|reported/);
    assert.match(text, /Source:/);
    assert.match(text, /Insert citation/);
  });

  test('a spelling variant finds Zelenskyy', async () => {
    const editor = await open('markdown', 'Zelensky spoke in London.\n');
    assert.strictEqual(editor.document.getText(), 'Zelensky spoke in London.\n');
    const text = plain(await hoverText(editor, 'Zelensky'));
    assert.match(text, /Volodymyr Zelenskyy/);
    assert.match(text, /President of Ukraine/);
  });

  test('a Cyrillic name finds Umerov, with the role held at the date in the paragraph', async () => {
    const editor = await open('plaintext', '23 June 2025: Рустем Умєров set out the terms.\n\nOn 1 March 2026 Рустем Умєров spoke again.\n');
    const june = plain(await hoverText(editor, 'Рустем Умєров', 3));
    assert.match(june, /Rustem Umerov/);
    assert.match(june, /Role on 23 June 2025:\*\* Minister of Defence/);
    const doc = editor.document.getText();
    const second = doc.indexOf('Рустем Умєров', doc.indexOf('2026'));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      editor.document.uri,
      editor.document.positionAt(second + 2),
    );
    const march = plain(
      hovers
        .flatMap((h) => h.contents)
        .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
        .join('\n'),
    );
    assert.match(march, /Role on 1 March 2026:\*\* Secretary of the National Security and Defence Council/);
  });

  test('a date finds the event it names', async () => {
    const editor = await open('latex', 'The partnership was signed on 16 January 2025 in Kyiv.\n');
    const text = plain(await hoverText(editor, '16 January', 3));
    assert.match(text, /100-year partnership|One Hundred Year Partnership/i);
    assert.match(text, /16 January 2025/);
  });

  test('a term shows its source and evidence', async () => {
    const editor = await open('html', '<p>Umerov called it a mega-project.</p>\n');
    const text = plain(await hoverText(editor, 'mega-project', 4));
    assert.match(text, /mega-project/i);
    assert.match(text, /Source:/);
  });

  test('a quote card shows the recorded wording and marks the report’s rendering', async () => {
    const editor = await open('markdown', 'Starmer called it a massive step forward.\n');
    const text = plain(await hoverText(editor, 'massive step forward', 3));
    assert.match(text, /I’m really proud that this afternoon/);
    assert.match(text, /rendering by Euromaidan Press/);
    assert.match(text, /Not the speaker’s recorded words/);
    assert.match(text, /I am very proud that today/);
  });

  test('plain prose gives no card; a known name beside it does', async () => {
    const editor = await open('markdown', 'The weather was fine in Kyiv.\n');
    const cards = async (needle: string): Promise<number> => {
      const at = editor.document.positionAt(editor.document.getText().indexOf(needle) + 2);
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, at);
      return hovers.filter((h) => h.contents.some((c) => typeof c !== 'string' && 'value' in c && /Source:/.test(c.value))).length;
    };
    assert.strictEqual(await cards('Kyiv'), 1, 'the hover provider answers in this document');
    assert.strictEqual(await cards('weather'), 0);
  });

  test('screenshot: the hover card', async () => {
    const editor = await open('markdown', '# Report\n\nOn 24 June 2025 Rustem Umerov set out the terms of the mega-project.\n');
    const offset = editor.document.getText().indexOf('Umerov') + 2;
    const pos = editor.document.positionAt(offset);
    editor.selection = new vscode.Selection(pos, pos);
    await vscode.commands.executeCommand('editor.action.showHover');
    await screenshot('hover-card', { texts: ['Rustem Umerov', 'Source:'], within: WIDGET.hover });
    await vscode.commands.executeCommand('editor.action.hideHover');
  });
});

suite('completions', () => {
  suiteSetup(async () => {
    await api();
  });

  teardown(closeAll);

  test('typing a name in Markdown offers the person with kind, status and source', async () => {
    const editor = await open('markdown', 'As Zelen');
    const items = await completionLabels(editor, end(editor));
    const item = items.find((i) => labelOf(i).startsWith('Zelensk'));
    assert.ok(item, `no Zelenskyy item in ${items.map(labelOf).join(', ')}`);
    assert.match(String(item.detail), /People · (confirmed|reported)/);
    assert.ok(item.insertText instanceof vscode.SnippetString);
  });

  test('the trigger lists facts of every kind in LaTeX', async () => {
    const editor = await open('latex', 'See ;;');
    const items = await completionLabels(editor, end(editor), ';');
    const kinds = new Set(items.map((i) => String(i.detail).split(' · ')[0]));
    for (const k of ['People', 'Events and dates', 'Quotes', 'Places']) assert.ok(kinds.has(k), `no ${k} in the list`);
    const quote = items.find((i) => /\\footnote\{/.test((i.insertText as vscode.SnippetString).value) && i.kind === vscode.CompletionItemKind.Text);
    assert.ok(quote, 'a quote item inserts a LaTeX footnote');
    assert.match((quote.insertText as vscode.SnippetString).value, /\$\{1\|said,/);
  });

  test('a single semicolon lists nothing; two list the facts', async () => {
    const twice = await open('markdown', 'First;; ');
    assert.ok((await completionLabels(twice, end(twice), ';')).length > 0, 'the trigger lists facts in this kind of document');
    const editor = await open('markdown', 'First; ');
    const items = await completionLabels(editor, end(editor), ';');
    assert.strictEqual(items.length, 0);
  });

  test('typing ;; and a phrase, then accepting, inserts the recorded wording and one footnote definition', async () => {
    const editor = await open('markdown', 'Starmer was clear. ');
    editor.selection = new vscode.Selection(end(editor), end(editor));
    await type(editor, ';;massive');
    await onScreen({ texts: ['Starmer'], within: WIDGET.suggest });
    await vscode.commands.executeCommand('acceptSelectedSuggestion');
    const text = await waitFor('the accepted suggestion', () => editor.document.getText().includes('Keir Starmer said') && editor.document.getText());
    assert.match(
      text,
      /^Starmer was clear\. Keir Starmer said: “I’m really proud that this afternoon, we’re able to announce an industrial military co-production agreement - the first of its kind so far as Ukraine and the UK are concerned - which will be a massive step forward now in the contribution that we can continue to make”\[\^reuters-2025-06-23\]\n\n\[\^reuters-2025-06-23\]: Reuters/,
    );
    assert.strictEqual(text.match(/^\[\^reuters-2025-06-23\]:/gm)?.length, 1);
    assert.ok(!text.includes(';;'), 'the trigger is replaced');
  });

  test('typing part of a name in Markdown, with default settings, shows it as ghost text; Tab inserts it with its footnote', async function () {
    const editor = await open('markdown', 'Talks with\n\nMore text.\n');
    await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
    // The cursor put at the end of the first line by keys, which the editor takes in order: no race with typing.
    if (!(await keyboard({ press: 'Control+Home', waitFor: '.monaco-editor.focused' }))) return this.skip();
    await keyboard({ press: 'End' });
    await keyboard({ type: ' Umer' });
    await screenshot('inline-completion', { texts: ['ov'], within: WIDGET.ghostText });
    await keyboard({ press: 'Tab' });
    // The name goes in first, then its footnote definition at the end of the document.
    const text = await waitFor(
      'the accepted ghost text and its footnote',
      () => /\n\n\[\^[a-z0-9-]+\]: /.test(editor.document.getText()) && editor.document.getText(),
    );
    assert.match(text, /^Talks with Umerov\[\^([a-z0-9-]+)\]\n\nMore text\.\n\n\[\^\1\]: /);
  });

  test('Ctrl+Space on a partial name lists the matching facts', async () => {
    const editor = await open('markdown', 'As Umer');
    const items = await completionLabels(editor, end(editor));
    assert.ok(
      items.some((i) => labelOf(i) === 'Umerov' || labelOf(i).startsWith('Umer')),
      items.map(labelOf).join(', '),
    );
  });

  test('screenshot: the completion list', async () => {
    const editor = await open('markdown', '# Report\n\nThe agreement was announced by ');
    editor.selection = new vscode.Selection(end(editor), end(editor));
    await editor.edit((b) => b.insert(end(editor), ';;'));
    await vscode.commands.executeCommand('editor.action.triggerSuggest');
    await screenshot('completion-list', { texts: ['Keir Starmer'], within: WIDGET.suggest });
    await vscode.commands.executeCommand('hideSuggestWidget');
  });
});

suite('contributed snippets', () => {
  suiteSetup(async () => {
    await api();
  });

  teardown(closeAll);

  /** What Insert Snippet, given the snippet's name, writes in an empty document of `language`. */
  async function inserted(language: string, name: string): Promise<string> {
    const editor = await open(language, '');
    await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: language, name });
    return waitFor(`"${name}" inserted in ${language}`, () => editor.document.getText() || undefined);
  }

  const umerov = '“Umerov’s Facebook statement on joint drone production”, 24 June 2025';
  const g7 = 'G7 ERA loans to Ukraine ($50bn in all)';
  const signed = 'UK–Ukraine security agreement signed (12 January 2024)';

  test("each language's snippet writes its own format: a parenthesis, \\footnote, <cite>, footnote:[]", async () => {
    assert.equal(await inserted('plaintext', 'Rustem Umerov'), `Rustem Umerov (Censor.NET, ${umerov})`);
    assert.equal(await inserted('markdown', 'Rustem Umerov'), `Rustem Umerov (Censor.NET, ${umerov})`);
    assert.equal(await inserted('html', 'Rustem Umerov'), `Rustem Umerov (<cite>Censor.NET, ${umerov}</cite>)`);
    assert.match(
      await inserted('asciidoc', 'Rustem Umerov'),
      /^Rustem Umerovfootnote:censor-2025-06-24\[Censor\.NET, “Umerov’s Facebook .*https:\/\/censor\.net\/.*\]$/,
    );
    for (const language of ['latex', 'tex']) {
      assert.match(
        await inserted(language, 'Rustem Umerov'),
        /^Rustem Umerov\\footnote\{Censor\.NET, ``Umerov's Facebook statement on joint drone production'', 24 June 2025, \\texttt\{https:/,
        language,
      );
    }
  });

  test('where formats escape differently, each gets its own: "$" in Markdown, ":" in reStructuredText', async () => {
    assert.match(await inserted('markdown', g7), /^the \\\$50bn that G7 countries lend Ukraine/);
    assert.match(await inserted('plaintext', g7), /^the \$50bn that G7 countries lend Ukraine/);
    assert.match(await inserted('restructuredtext', g7), /^the \$50bn that G7 countries lend Ukraine/);
    assert.match(await inserted('restructuredtext', signed), /“PM in Kyiv\\: UK support will not falter”/);
    assert.match(await inserted('markdown', signed), /“PM in Kyiv: UK support will not falter”/);
  });
});

suite('Insert Citation', () => {
  suiteSetup(async () => {
    await api();
  });

  teardown(closeAll);

  test('Markdown: a fact with its footnote, then the same source again reuses the definition', async () => {
    const editor = await open('markdown', '# Draft\n\n');
    editor.selection = new vscode.Selection(end(editor), end(editor));
    assert.strictEqual(await vscode.commands.executeCommand('agreementCite.insertCitation', { factId: 'quote.starmer.rest-of-conflict' }), true);
    assert.strictEqual(editor.document.getText(), `# Draft\n\nKeir Starmer said “for the rest of the conflict”[^afp-2025-06-23]\n\n${AFP_MD}\n`);
    const lineEnd = editor.document.lineAt(2).range.end;
    editor.selection = new vscode.Selection(lineEnd, lineEnd);
    await vscode.commands.executeCommand('agreementCite.insertCitation', { factId: 'quote.starmer.rest-of-conflict', verb: 'added' });
    assert.strictEqual(
      editor.document.getText(),
      `# Draft\n\nKeir Starmer said “for the rest of the conflict”[^afp-2025-06-23]Keir Starmer added “for the rest of the conflict”[^afp-2025-06-23]\n\n${AFP_MD}\n`,
    );
  });

  test('LaTeX: the whole document after inserting a quote', async () => {
    const editor = await open('latex', 'Text. ');
    editor.selection = new vscode.Selection(end(editor), end(editor));
    await vscode.commands.executeCommand('agreementCite.insertCitation', { factId: 'quote.starmer.rest-of-conflict', verb: 'promised' });
    const text = editor.document.getText();
    assert.match(
      text,
      /^Text\. Keir Starmer promised ``for the rest of the conflict''\\footnote\{AFP[^}]*, ``UK and Ukraine agree to deepen ties as Zelensky meets Starmer'', 23 June 2025, \\texttt\{https:\/\/\\allowbreak\{\}www\.\\allowbreak\{\}arabnews\..*world\}\.\}$/,
    );
  });

  test('plain text: a parenthetical reference, and undo restores the document exactly', async () => {
    const original = 'Line one.\nLine two.\n';
    const editor = await open('plaintext', original);
    const pos = new vscode.Position(1, 0);
    editor.selection = new vscode.Selection(pos, pos);
    await vscode.commands.executeCommand('agreementCite.insertCitation', { factId: 'event.kyiv-signing-2025-01-16' });
    assert.strictEqual(
      editor.document.getText(),
      'Line one.\nKeir Starmer and Volodymyr Zelenskyy signed the UK–Ukraine 100-year partnership agreement in Kyiv on 16 January 2025 (AP via CP24, “U.K. leader Starmer signs ‘100-year partnership’ agreement with Ukraine during trip to Kyiv”, 16 January 2025).Line two.\n',
    );
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(editor.document.getText(), original);
  });

  test('the date locale and citation style settings change what is inserted', async () => {
    const config = vscode.workspace.getConfiguration('agreementCite', null);
    await config.update('dateLocale', 'en-US', vscode.ConfigurationTarget.Global);
    await config.update('citationStyle', 'inline', vscode.ConfigurationTarget.Global);
    try {
      const editor = await open('markdown', '');
      await vscode.commands.executeCommand('agreementCite.insertCitation', { factId: 'event.kyiv-signing-2025-01-16' });
      assert.strictEqual(
        editor.document.getText(),
        'Keir Starmer and Volodymyr Zelenskyy signed the UK–Ukraine 100-year partnership agreement in Kyiv on January 16, 2025 (AP via CP24, “U.K. leader Starmer signs ‘100-year partnership’ agreement with Ukraine during trip to Kyiv”, January 16, 2025).',
      );
    } finally {
      await config.update('dateLocale', undefined, vscode.ConfigurationTarget.Global);
      await config.update('citationStyle', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  test('two cursors get two insertions and one definition, undone in one step', async () => {
    const original = 'First.\nSecond.\n';
    const editor = await open('markdown', original);
    editor.selections = [new vscode.Selection(0, 6, 0, 6), new vscode.Selection(1, 7, 1, 7)];
    await vscode.commands.executeCommand('agreementCite.insertCitation', { factId: 'person.umerov', mode: 'citation' });
    const text = editor.document.getText();
    const lines = text.split('\n');
    assert.match(lines[0], /^First\.\[\^[a-z0-9-]+\]$/);
    assert.match(lines[1], /^Second\.\[\^[a-z0-9-]+\]$/);
    const key = /\[\^([a-z0-9-]+)\]/.exec(lines[0])![1];
    assert.strictEqual(text.match(new RegExp(`^\\[\\^${key}\\]:`, 'gm'))?.length, 1);
    await vscode.commands.executeCommand('undo');
    assert.strictEqual(editor.document.getText(), original);
  });

  test('a selection keeps its words and gets the citation after it', async () => {
    const editor = await open('markdown', 'Umerov called it a mega-project.\n');
    editor.selection = new vscode.Selection(0, 19, 0, 31);
    await vscode.commands.executeCommand('agreementCite.insertCitation', { factId: 'term.mega-project' });
    assert.match(editor.document.getText(), /^Umerov called it a mega-project\[\^[a-z0-9-]+\]\.\n/);
  });

  test('an unknown fact id changes nothing', async () => {
    const editor = await open('markdown', 'Unchanged.\n');
    const ok = await vscode.commands.executeCommand('agreementCite.insertCitation', { factId: 'no.such.fact' });
    assert.strictEqual(ok, false);
    assert.strictEqual(editor.document.getText(), 'Unchanged.\n');
  });

  test('the picker: typing a name and pressing Enter inserts that fact', async function () {
    const editor = await open('markdown', 'Summary: \n');
    editor.selection = new vscode.Selection(0, 9, 0, 9);
    const done = vscode.commands.executeCommand('agreementCite.insertCitation');
    if (!(await keyboard({ type: 'NATO summit', waitFor: '.quick-input-widget .quick-input-box input' }))) return this.skip();
    await onScreen({ texts: ['The Hague'], within: WIDGET.quickPick });
    await keyboard({ press: 'Enter' });
    assert.strictEqual(await done, true);
    assert.match(editor.document.getText(), /^Summary: .*The Hague.*\[\^[a-z0-9-]+\]\n\n\[\^[a-z0-9-]+\]: /s);
  });

  test('screenshot: the picker, ranked by the selection', async () => {
    const editor = await open('markdown', '# Report\n\nRustem Umerov said the drones would go to Ukraine.\n');
    editor.selection = new vscode.Selection(2, 0, 2, 13);
    void vscode.commands.executeCommand('agreementCite.insertCitation');
    await screenshot('picker', { texts: ['Rustem Umerov'], within: WIDGET.quickPick });
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await onScreen({ hidden: WIDGET.quickPick });
  });
});
