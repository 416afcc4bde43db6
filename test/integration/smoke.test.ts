// First real test: the extension loads and activates in a real VS Code, on a
// real document of the fixture workspace, in trusted and in Restricted Mode.

import * as assert from 'assert';
import * as vscode from 'vscode';
import { EXTENSION_ID, extensionHostMode, restrictedModeRequested, testHost } from './harness';
import { onScreen, screenshot, WIDGET } from './screenshot';

suite('smoke', () => {
  test('a workspace folder with the fixtures is open', () => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    // The web worker run adds a folder that is not on disk (webHost.test.ts).
    const expected = extensionHostMode() === 'web' ? ['workspace', 'book'] : ['workspace'];
    assert.deepStrictEqual(
      folders.map((f) => f.uri.path.replace(/^.*\//, '')),
      expected,
    );
  });

  test('workspace trust matches what the runner asked for', () => {
    // --restricted opens the folder untrusted; every other run disables trust
    // (which VS Code reports as trusted).
    assert.strictEqual(vscode.workspace.isTrusted, !restrictedModeRequested());
  });

  test('the extension activates on report.md', async function () {
    // The first test in a cold workbench: on a loaded machine the extension host may still be starting.
    this.timeout(120_000);
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not installed in the extension host`);

    const folder = vscode.workspace.workspaceFolders![0].uri;
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, 'report.md'));
    await vscode.window.showTextDocument(doc);
    assert.strictEqual(doc.languageId, 'markdown');
    assert.match(doc.getText(), /Keir Starmer/);

    // Opening a markdown file triggers activation asynchronously; await it
    // explicitly so the assertion does not race it.
    await ext.activate();
    assert.strictEqual(ext.isActive, true);

    // The report's words in the editor, and the extension's count of cited facts in the status bar.
    await onScreen({ texts: ['Keir Starmer'], within: WIDGET.editor });
    const png = await screenshot('workbench', { texts: ['cited'], within: WIDGET.statusBar });
    if (testHost() === 'code-server') {
      assert.ok(png, 'the code-server runner should have saved test-results/screenshots/workbench.png');
    }
  });
});
