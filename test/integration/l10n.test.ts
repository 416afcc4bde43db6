// The interface in Ukrainian, in a real VS Code whose display language is
// Ukrainian (scripts/run-vscode-tests.mjs --locale uk): what a writer sees
// comes from l10n/bundle.l10n.uk.json and package.nls.uk.json. Skipped in the
// English runs, where the other suites assert the English words.

import * as assert from 'assert';
import * as vscode from 'vscode';
import { onScreen, screenshot, WIDGET } from './screenshot';
import { activateExtension, closeEditors, deleteFolder, openScratch, scratchFolder, waitFor } from './util';

const SUITE = 'l10n';

suite('the interface in Ukrainian', function () {
  // A workbench under load takes its time to show a hover or a list.
  this.timeout(120_000);

  suiteSetup(async function () {
    if (process.env.AGREEMENT_CITE_LOCALE !== 'uk') {
      console.log('  skipped: the run is not in Ukrainian (run-vscode-tests.mjs --locale uk)');
      return this.skip();
    }
    await activateExtension();
  });

  teardown(async () => {
    await closeEditors();
    await deleteFolder(scratchFolder(SUITE));
  });

  test('VS Code runs in Ukrainian and the extension speaks it', () => {
    assert.strictEqual(vscode.env.language, 'uk');
    assert.strictEqual(vscode.l10n.t('Insert Citation'), 'Вставити посилання');
  });

  test('screenshot: the hover card, its fields and links in Ukrainian', async () => {
    const editor = await openScratch(SUITE, 'markdown', '# Report\n\nOn 24 June 2025 Rustem Umerov set out the terms of the mega-project.\n');
    const pos = editor.document.positionAt(editor.document.getText().indexOf('Umerov') + 2);
    editor.selection = new vscode.Selection(pos, pos);
    await vscode.commands.executeCommand('editor.action.showHover');
    await screenshot('hover-card-uk', {
      texts: ['Rustem Umerov', 'особа', 'Посада на 24 June 2025:', 'Вставити посилання', 'Джерело:', 'Статус:'],
      within: WIDGET.hover,
    });
    await vscode.commands.executeCommand('editor.action.hideHover');
  });

  test('screenshot: Insert Citation’s picker, its title and groups in Ukrainian', async () => {
    const editor = await openScratch(SUITE, 'markdown', '# Report\n\nRustem Umerov said the drones would go to Ukraine.\n');
    editor.selection = new vscode.Selection(2, 0, 2, 13);
    void vscode.commands.executeCommand('agreementCite.insertCitation');
    await screenshot('picker-uk', { texts: ['Вставити посилання', 'Названі у виділенні', 'Rustem Umerov', 'підтверджено'], within: WIDGET.quickPick });
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await onScreen({ hidden: WIDGET.quickPick });
  });

  test('a finding of the fact check and its quick fix are in Ukrainian', async () => {
    const editor = await openScratch(SUITE, 'markdown', 'On 24 February 2026 Defence Minister Rustem Umerov spoke.\n');
    const uri = editor.document.uri;
    const found = await waitFor('the role finding', () => vscode.languages.getDiagnostics(uri).find((d) => d.source === 'Agreement Cite'));
    assert.match(found.message, /^Rustem Umerov не обіймав\(-ла\) посаду «Minister of Defence of Ukraine» 24 February 2026 \(дата в цьому абзаці\)/);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, found.range);
    assert.ok(
      actions.some((a) => /^Замінити на /.test(a.title)),
      actions.map((a) => a.title).join(' | '),
    );
  });

  test('a writer’s pack with an error shows its problem in Ukrainian, from the worker that parsed it', async () => {
    const folder = vscode.workspace.workspaceFolders![0].uri;
    const dir = vscode.Uri.joinPath(folder, '.factpacks');
    const uri = vscode.Uri.joinPath(dir, 'uk-broken.yaml');
    await vscode.workspace.fs.createDirectory(dir);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('pack: [unclosed\n'));
    try {
      const problem = await waitFor('the pack problem', () => vscode.languages.getDiagnostics(uri)[0], 30_000);
      assert.match(problem.message, /^Синтаксис YAML: /);
    } finally {
      await vscode.workspace.fs.delete(dir, { recursive: true, useTrash: false });
    }
  });

  test('the facts view is grouped in Ukrainian', async () => {
    await vscode.commands.executeCommand('agreementCite.facts.focus');
    await onScreen({ texts: ['Процитовано в цьому документі', 'За типом', 'За джерелом'] });
  });
});
