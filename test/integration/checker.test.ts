// The fact check in a real VS Code: a planted error becomes a problem, its
// quick fix writes the right text, the problem clears; the Check Document
// command, the rule settings, and a screenshot of the problem's hover.

import * as assert from 'assert';
import * as vscode from 'vscode';
import type { ListedFinding } from '../../src/check/register';
import { onScreen, screenshot, WIDGET } from './screenshot';
import { activateExtension, closeEditors, deleteFolder, openScratch, quickFixes, scratchFolder, waitFor } from './util';

const api = activateExtension;
const open = (language: string, content: string): Promise<vscode.TextEditor> => openScratch('check', language, content);

/** Closes every editor without saving, and deletes the scratch files. */
async function closeAll(): Promise<void> {
  await closeEditors();
  await deleteFolder(scratchFolder('check'));
}

/**
 * The extension's problems for a document, once `ready` says they are what the
 * test waits for (or as they are after 15 s: a loaded machine is slow, and the
 * assertion that follows says what was there instead). A test that waits for
 * none waits for a change from the problems it saw before: only the check,
 * having run again, takes them away.
 */
async function problems(uri: vscode.Uri, ready: (d: vscode.Diagnostic[]) => boolean = (d) => d.length > 0): Promise<vscode.Diagnostic[]> {
  const ours = (): vscode.Diagnostic[] => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Agreement Cite');
  await waitFor('the check’s problems', () => ready(ours())).catch(() => undefined);
  return ours();
}

function textAt(editor: vscode.TextEditor, range: vscode.Range): string {
  return editor.document.getText(range);
}

const REUTERS_DEFINITION =
  '[^reuters-2025-06-23]: Reuters via The Star (Malaysia), “Starmer and Zelenskiy agree military production project in London”, 23 June 2025. <https://www.thestar.com.my/news/world/2025/06/23/ukraine039s-zelenskiy-meets-king-charles-on-british-visit>';

const MISQUOTE = '# Notes\n\nOn 23 June 2025 Starmer said: “I’m really proud that today we can announce an industrial military co-production agreement”.\n';

suite('fact check', function () {
  // Each test waits for checks, which a loaded machine can delay.
  this.timeout(120_000);
  suiteSetup(async () => {
    await api();
  });

  teardown(closeAll);

  test('a misquote is a problem; its quick fix writes the recorded words and their footnote; the problem clears', async () => {
    const editor = await open('markdown', MISQUOTE);
    const uri = editor.document.uri;
    const [d] = await problems(uri);
    assert.ok(d, 'no problem appeared');
    assert.strictEqual(d.code, 'misquote');
    assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Warning);
    assert.strictEqual(textAt(editor, d.range), '“I’m really proud that today we can announce an industrial military co-production agreement”');
    assert.deepStrictEqual([d.range.start.line, d.range.start.character], [2, 30]);
    assert.match(d.message, /Keir Starmer’s words as recorded by Reuters, 23 June 2025/);
    assert.match(d.message, /\[−this afternoon, we’re able to\] \[\+today we can\]/);

    const fixes = await quickFixes(uri, d);
    const fix = fixes.find((a) => a.title === 'Replace with Keir Starmer’s recorded words (Reuters)');
    assert.ok(fix?.edit, `no fix among ${fixes.map((a) => a.title).join(', ')}`);
    assert.strictEqual(fix.isPreferred, true);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.strictEqual(
      editor.document.getText(),
      '# Notes\n\nOn 23 June 2025 Starmer said: “I’m really proud that this afternoon, we’re able to announce an industrial military co-production agreement”[^reuters-2025-06-23].\n\n' +
        `${REUTERS_DEFINITION}\n`,
    );
    assert.deepStrictEqual(await problems(uri, (ds) => ds.length === 0), []);
  });

  test('a role that did not hold at the document’s date: the fix gives the role held then', async () => {
    const editor = await open('markdown', '---\ntitle: Briefing\ndate: 2026-02-24\n---\n\nDefence Minister Rustem Umerov will brief the committee.\n');
    const uri = editor.document.uri;
    const [d] = await problems(uri);
    assert.ok(d, 'no problem appeared');
    assert.strictEqual(d.code, 'role-not-held');
    assert.strictEqual(textAt(editor, d.range), 'Defence Minister');
    assert.deepStrictEqual([d.range.start.line, d.range.start.character, d.range.end.character], [5, 0, 16]);
    assert.match(
      d.message,
      /Rustem Umerov was not Minister of Defence of Ukraine on 24 February 2026 \(the document’s date\); held from 6 September 2023 to 16 July 2025\./,
    );
    const fixes = await quickFixes(uri, d);
    assert.deepStrictEqual(
      fixes.map((a) => a.title),
      ['Change to NSDC Secretary', 'Change to “former Defence Minister”'],
    );
    assert.ok(await vscode.workspace.applyEdit(fixes[0].edit!));
    assert.strictEqual(editor.document.getText(), '---\ntitle: Briefing\ndate: 2026-02-24\n---\n\nNSDC Secretary Rustem Umerov will brief the committee.\n');
    assert.deepStrictEqual(await problems(uri, (ds) => ds.length === 0), []);
  });

  test('a rendering quoted as the speaker’s words: the fix attributes it to the outlet, before its footnote', async () => {
    const editor = await open(
      'markdown',
      '“I am very proud that today we can announce an agreement on joint industrial military production,” Starmer stated.\n',
    );
    const uri = editor.document.uri;
    const [d] = await problems(uri);
    assert.strictEqual(d?.code, 'rendering-as-words');
    const fixes = await quickFixes(uri, d);
    const attribute = fixes.find((a) => a.title.startsWith('Attribute this wording to Euromaidan Press'));
    assert.ok(attribute?.edit, fixes.map((a) => a.title).join(', '));
    assert.ok(await vscode.workspace.applyEdit(attribute.edit));
    assert.match(
      editor.document.getText(),
      /^“I am very proud that today we can announce an agreement on joint industrial military production,” \(in Euromaidan Press’s rendering\)\[\^ep-2025-06\] Starmer stated\.\n\n\[\^ep-2025-06\]: Euromaidan Press /,
    );
    assert.deepStrictEqual(await problems(uri, (ds) => ds.length === 0), []);
  });

  test('a wrong date in LaTeX: the fix writes the event’s date; typing a new error brings a problem back', async () => {
    const editor = await open('latex', 'The Kyiv signing took place on 17 January 2025.\n');
    const uri = editor.document.uri;
    const [d] = await problems(uri);
    assert.strictEqual(d?.code, 'wrong-event-date');
    assert.strictEqual(textAt(editor, d.range), '17 January 2025');
    const [fix] = await quickFixes(uri, d);
    assert.strictEqual(fix.title, 'Change to 16 January 2025');
    assert.ok(await vscode.workspace.applyEdit(fix.edit!));
    assert.strictEqual(editor.document.getText(), 'The Kyiv signing took place on 16 January 2025.\n');
    assert.deepStrictEqual(await problems(uri, (ds) => ds.length === 0), []);
    await editor.edit((b) => b.replace(new vscode.Range(0, 31, 0, 33), '15'));
    const [again] = await problems(uri);
    assert.strictEqual(again?.code, 'wrong-event-date');
    assert.strictEqual(textAt(editor, again.range), '15 January 2025');
  });

  test('a paraphrase quoted as a known speaker’s words at a recorded occasion, the speaker named in the paragraph before: an information-level problem whose fix writes the recorded words', async () => {
    const editor = await open(
      'markdown',
      '# Notes\n\nKeir Starmer spoke in the Downing Street garden on 23 June 2025.\n\n“We are really proud to announce this co-production agreement, a massive step for both nations,” he said.\n',
    );
    const uri = editor.document.uri;
    const [d] = await problems(uri);
    assert.strictEqual(d?.code, 'unrecorded-quote');
    assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Information);
    assert.strictEqual(textAt(editor, d.range), '“We are really proud to announce this co-production agreement, a massive step for both nations,”');
    assert.match(d.message, /Keir Starmer’s remarks \(Joint appearance with Volodymyr Zelenskyy in the Downing Street garden, London, 23 June 2025\)/);
    const fixes = await quickFixes(uri, d);
    const fix = fixes.find((a) => a.title === 'Replace with Keir Starmer’s recorded words (Reuters)');
    assert.ok(fix?.edit, fixes.map((a) => a.title).join(', '));
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.strictEqual(
      editor.document.getText(),
      '# Notes\n\nKeir Starmer spoke in the Downing Street garden on 23 June 2025.\n\n“I’m really proud that this afternoon, we’re able to announce an industrial military co-production agreement - the first of its kind so far as Ukraine and the UK are concerned - which will be a massive step forward now in the contribution that we can continue to make,”[^reuters-2025-06-23] he said.\n\n' +
        `${REUTERS_DEFINITION}\n`,
    );
    assert.deepStrictEqual(await problems(uri, (ds) => ds.length === 0), []);
  });

  test('an event described in the writer’s own words on the wrong day: the talks in Downing Street', async () => {
    const editor = await open('markdown', 'The two leaders held talks in Downing Street on 24 June 2025.\n');
    const uri = editor.document.uri;
    const [d] = await problems(uri);
    assert.strictEqual(d?.code, 'wrong-event-date');
    assert.strictEqual(textAt(editor, d.range), '24 June 2025');
    assert.match(d.message, /Starmer and Zelenskyy meet at 10 Downing Street/);
  });

  test('a date written relative to another event: the fix writes the right relation; the next day after a date, the right date', async () => {
    const editor = await open(
      'markdown',
      'Two days after the London talks, the UK announced the drone production agreement.\n\nZelensky visited London on 23 June 2025. Two days later, Umerov published the drone deal on Facebook.\n',
    );
    const uri = editor.document.uri;
    const found = await problems(uri, (ds) => ds.length >= 2);
    assert.deepStrictEqual(
      found.map((d) => [d.code, textAt(editor, d.range)]),
      [
        ['wrong-event-date', 'Two days after'],
        ['wrong-event-date', 'Two days later'],
      ],
    );
    assert.match(found[0].message, /23 June 2025, on the day of “Starmer and Zelenskyy meet at 10 Downing Street”, not two days after/);
    const [fix] = await quickFixes(uri, found[0]);
    assert.strictEqual(fix.title, 'Change to On the day of');
    assert.ok(await vscode.workspace.applyEdit(fix.edit!));
    const [next] = await problems(uri, (ds) => ds.length === 1);
    assert.strictEqual(textAt(editor, next.range), 'Two days later');
    const [dated] = await quickFixes(uri, next);
    assert.strictEqual(dated.title, 'Change to On 24 June');
    assert.ok(await vscode.workspace.applyEdit(dated.edit!));
    assert.strictEqual(
      editor.document.getText(),
      'On the day of the London talks, the UK announced the drone production agreement.\n\nZelensky visited London on 23 June 2025. On 24 June, Umerov published the drone deal on Facebook.\n',
    );
    assert.deepStrictEqual(await problems(uri, (ds) => ds.length === 0), []);
  });

  test('a long draft, read ahead a slice at a time: its problems appear, and an edit far down brings one more', async () => {
    // About 400 KB of correct prose, with one misquote near the start and one wrong date near the end.
    const filler = 'The committee met again to review the delivery schedule for the components agreed earlier in the year.';
    const body = Array.from({ length: 3800 }, (_, i) => `${filler} Paragraph ${i + 1}.`);
    body[10] = MISQUOTE.replace('# Notes\n\n', '').trim();
    body[3700] = 'The Kyiv signing took place on 17 January 2025.';
    const editor = await open('markdown', `# Long briefing\n\n${body.join('\n\n')}\n`);
    assert.ok(editor.document.getText().length > 300_000);
    const uri = editor.document.uri;
    const found = await problems(uri, (ds) => ds.length >= 2);
    assert.deepStrictEqual(
      found.map((d) => [d.code, d.range.start.line]),
      [
        ['misquote', 22],
        ['wrong-event-date', 7402],
      ],
    );
    await editor.edit((b) => b.insert(new vscode.Position(7000, 0), 'Defence Minister Rustem Umerov spoke on 1 March 2026. '));
    const after = await problems(uri, (ds) => ds.length >= 3);
    assert.deepStrictEqual(
      after.map((d) => [d.code, d.range.start.line]),
      [
        ['misquote', 22],
        ['role-not-held', 7000],
        ['wrong-event-date', 7402],
      ],
    );
  });

  test('Check Document returns the findings of the active document', async () => {
    const editor = await open('markdown', `${MISQUOTE}\nZelensky met Zelenskyy's team.\n`);
    const findings = await vscode.commands.executeCommand<ListedFinding[]>('agreementCite.checkDocument', { list: false });
    assert.deepStrictEqual(
      findings.map((f) => [f.code, f.range.start.line]),
      [
        ['misquote', 2],
        ['inconsistent-spelling', 4],
      ],
    );
    assert.deepStrictEqual(findings[1].fixes, ['Spell every mention “Zelenskyy”', 'Spell every mention “Zelensky”']);
    assert.strictEqual(vscode.languages.getDiagnostics(editor.document.uri).filter((d) => d.source === 'Agreement Cite').length, 2);
  });

  test('a rule turned off in the settings reports nothing; turned on again, it does', async () => {
    const config = vscode.workspace.getConfiguration('agreementCite', null);
    const editor = await open('markdown', MISQUOTE);
    const uri = editor.document.uri;
    assert.strictEqual((await problems(uri))[0]?.code, 'misquote');
    try {
      await config.update('check.rules', { misquote: false }, vscode.ConfigurationTarget.Workspace);
      assert.deepStrictEqual(await problems(uri, (ds) => ds.length === 0), []);
      await config.update('check.enabled', false, vscode.ConfigurationTarget.Workspace);
      const none = await vscode.commands.executeCommand<ListedFinding[]>('agreementCite.checkDocument', { list: false });
      assert.deepStrictEqual(none, []);
    } finally {
      await config.update('check.rules', undefined, vscode.ConfigurationTarget.Workspace);
      await config.update('check.enabled', undefined, vscode.ConfigurationTarget.Workspace);
    }
    assert.strictEqual((await problems(uri))[0]?.code, 'misquote');
  });

  test('a paragraph dated 1 December 2026: Shmyhal as Defence Minister is marked, his hover shows the post ended; Fedorov, in a paragraph dated 19 January 2026, holds it as of the day it was last checked', async () => {
    const content =
      '# Notes\n\nOn 1 December 2026 Defence Minister Denys Shmyhal met British officials in London.\n\nOn 19 January 2026 Defence Minister Mykhailo Fedorov spoke with them.\n';
    const editor = await open('markdown', content);
    const uri = editor.document.uri;
    const found = await problems(uri);
    assert.deepStrictEqual(
      found.map((d) => [d.code, textAt(editor, d.range), d.range.start.line]),
      [['role-not-held', 'Defence Minister', 2]],
    );
    assert.match(
      found[0].message,
      /Denys Shmyhal was not Minister of Defence of Ukraine on 1 December 2026 \(the date in this paragraph\); held from 17 July 2025 to 13 January 2026\./,
    );
    const hoverText = async (word: string): Promise<string> => {
      const at = editor.document.positionAt(content.indexOf(word) + 2);
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, at);
      return hovers
        .flatMap((h) => h.contents)
        .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
        .join('\n')
        .replace(/\\([\\`*_{}[\]()#+\-.!|<>~])/g, '$1');
    };
    const shmyhal = await hoverText('Shmyhal');
    assert.match(shmyhal, /\*\*Denys Shmyhal\*\* · person/);
    assert.ok(!/\*\*Role on 1 December 2026:\*\*[^\n]*Minister of Defence/.test(shmyhal), shmyhal);
    assert.match(shmyhal, /- Minister of Defence of Ukraine: 17 July 2025 – 13 January 2026/);
    const fedorov = await hoverText('Fedorov');
    assert.match(fedorov, /\*\*Role on 19 January 2026:\*\* Minister of Defence of Ukraine/);
    assert.match(fedorov, /- Minister of Defence of Ukraine: since 14 January 2026 · last checked 19 January 2026/);
    const at = editor.document.positionAt(content.indexOf('Shmyhal') + 2);
    editor.selection = new vscode.Selection(at, at);
    await vscode.commands.executeCommand('editor.action.showHover');
    await screenshot('hover-role-as-of', { texts: ['Denys Shmyhal', 'Minister of Defence of Ukraine: 17 July 2025 – 13 January 2026'], within: WIDGET.hover });
    await vscode.commands.executeCommand('editor.action.hideHover');
  });

  test('a report dated 1 March 2024 in its front matter: the check and the hover both read Umerov’s role on that day', async () => {
    const content = '---\ndate: 2024-03-01\n---\n\n# Notes\n\nDefence Minister Rustem Umerov met British officials.\n';
    const editor = await open('markdown', content);
    const uri = editor.document.uri;
    const done = await vscode.commands.executeCommand<ListedFinding[]>('agreementCite.checkDocument', { list: false });
    assert.deepStrictEqual(done, [], 'he was Minister of Defence on 1 March 2024');
    const at = editor.document.positionAt(content.indexOf('Umerov') + 2);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, at);
    const text = hovers
      .flatMap((h) => h.contents)
      .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
      .join('\n')
      .replace(/\\([\\`*_{}[\]()#+\-.!|<>~])/g, '$1');
    assert.match(text, /\*\*Role on 1 March 2024 \(the document’s date\):\*\* Minister of Defence of Ukraine/);
  });

  test('quoting PA\u2019s recording of Zelenskyy is no misquote, and the hover says whose recording it matches', async () => {
    const content =
      '# Notes\n\nOn 23 June 2025 PA recorded Zelenskyy saying the agreement would “strengthen both nations”.\n\nStarmer said: “I’m really proud that this afternoon we are able to announce an industrial military co-production agreement”.\n';
    const editor = await open('markdown', content);
    const uri = editor.document.uri;
    const done = await vscode.commands.executeCommand<ListedFinding[]>('agreementCite.checkDocument', { list: false });
    assert.deepStrictEqual(done, []);
    const at = editor.document.positionAt(content.indexOf('both nations'));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, at);
    const text = hovers
      .flatMap((h) => h.contents)
      .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
      .join('\n')
      .replace(/\\([\\`*_{}[\]()#+\-.!|<>~])/g, '$1');
    assert.match(text, /This quotation matches PA’s recording of Volodymyr Zelenskyy’s words \(independent recorders disagree: no wording is preferred\)\./);
    assert.match(text, /⚠️ disputed/);
  });

  test('screenshots: the problem hover with the word diff, and the list of findings', async () => {
    const editor = await open('markdown', `${MISQUOTE}\nOn 1 March 2026 Defence Minister Rustem Umerov met British officials.\n`);
    const [d] = await problems(editor.document.uri, (ds) => ds.length >= 2);
    const at = d.range.start.translate(0, 40);
    editor.selection = new vscode.Selection(at, at);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, at);
    const text = hovers
      .flatMap((h) => h.contents)
      .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
      .join('\n');
    assert.match(text, /~~this afternoon, we’re able to~~ \*\*today we can\*\*/);
    await vscode.commands.executeCommand('editor.action.showHover');
    await screenshot('diagnostic', { texts: ['this afternoon, we’re able to', 'today we can'], within: WIDGET.hover });
    await vscode.commands.executeCommand('editor.action.hideHover');
    void vscode.commands.executeCommand('agreementCite.checkDocument');
    await screenshot('check-document', { texts: ['Misquote', 'Rustem Umerov'], within: WIDGET.quickPick });
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await onScreen({ hidden: WIDGET.quickPick });
  });
});
