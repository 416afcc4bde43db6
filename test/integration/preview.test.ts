// VS Code's own Markdown preview renders the footnotes Insert Citation
// writes: the extension extends the preview's markdown-it with footnotes.

import * as assert from 'assert';
import * as vscode from 'vscode';
import { screenshot } from './screenshot';
import { activateExtension, closeEditors, deleteFolder, openScratch, pollUntil, scratchFolder, waitFor } from './util';

suite('Markdown preview: footnotes', function () {
  this.timeout(120_000);
  suiteTeardown(async () => {
    await closeEditors();
    // The preview reads its document until its tab is closed: the file is deleted after that.
    await waitFor('the editors and the preview to close', () => vscode.window.tabGroups.all.every((g) => g.tabs.length === 0));
    await deleteFolder(scratchFolder('preview'));
  });

  test('a citation inserted as [^key] renders as a numbered footnote in the preview, not as raw text', async () => {
    await activateExtension();
    const editor = await openScratch('preview', 'markdown', '# Report\n\nThe two governments signed the partnership in Kyiv\n', 'preview.md');
    const end = editor.document.lineAt(2).range.end;
    editor.selection = new vscode.Selection(end, end);
    assert.strictEqual(
      await vscode.commands.executeCommand('agreementCite.insertCitation', { factId: 'event.kyiv-signing-2025-01-16', mode: 'citation' }),
      true,
    );
    const text = editor.document.getText();
    const key = /\[\^([^\]]+)\]/.exec(text)?.[1];
    assert.ok(key, text);
    assert.match(text, new RegExp(`^\\[\\^${key}\\]: `, 'm'));

    // The preview's own engine, with every extension's markdown-it plugins.
    // The preview's engine takes the extension's plugin once the extension is active: asked again until it has.
    const render = (): Thenable<string> => vscode.commands.executeCommand<string>('markdown.api.render', text);
    const html = await pollUntil(
      'the preview’s engine to render footnotes',
      async () => {
        const out = await render();
        return out.includes('footnote-ref') && out;
      },
      30_000,
    ).catch(() => render());
    assert.match(html, /<sup class="footnote-ref"><a href="#fn1" id="fnref1">\[1\]<\/a><\/sup>/, html);
    assert.match(html, /<section class="footnotes">[\s\S]*<li id="fn1" class="footnote-item"><p[^>]*>[^<]+/, html);
    assert.doesNotMatch(html, /\[\^/, 'a footnote mark is left raw');

    // The preview itself: a webview, whose text is read from its frame.
    const source = /^\[\^[^\]]+\]: ([^“,]+)/m.exec(text)?.[1].trim();
    assert.ok(source, text);
    await vscode.commands.executeCommand('markdown.showPreviewToSide');
    await screenshot('markdown-preview-footnotes', { texts: ['Preview preview.md', 'signed the partnership in Kyiv[1]', source], frames: true });
  });
});
