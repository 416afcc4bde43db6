// The command line and the editor give the same findings: a set of documents
// in every format is checked by the extension (the Check Document command,
// what the Problems panel shows) and by `agreement-cite check --format json`
// spawned in the same workspace; codes, severities, ranges, messages and fix
// titles are compared one by one. The editor's findings are also written to
// test-results/cli-agreement.json.

import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { ListedFinding } from '../../src/check/register';
import { EXTENSION_ID, resultsDir } from './harness';
import { activateExtension, closeEditors, deleteFolder, openScratch, scratchFolder } from './util';

const SUITE = 'cli';

/** The documents: the checker's fixtures, and one planted misquote and wrong date in each format. */
function documents(root: string): { name: string; language: string; text: string }[] {
  const fixture = (p: string): string => fs.readFileSync(path.join(root, 'test', 'fixtures', p), 'utf8');
  const quote = '“I’m really proud that today we can announce an industrial military co-production agreement”';
  const wrongDate = 'The 100-year partnership was signed in Kyiv on 17 January 2025.';
  return [
    { name: 'errors.md', language: 'markdown', text: fixture('checker/errors.md') },
    { name: 'correct.md', language: 'markdown', text: fixture('checker/correct.md') },
    { name: 'limits.md', language: 'markdown', text: fixture('checker/limits.md') },
    {
      name: 'report.tex',
      language: 'latex',
      text: `${fixture('workspace/report.tex').replace('\\end{document}', `On 23 June 2025 Starmer said: \`\`I’m really proud that today we can announce an industrial military co-production agreement''.\n\n${wrongDate}\n\n\\end{document}`)}`,
    },
    { name: 'notes.txt', language: 'plaintext', text: `On 23 June 2025 Starmer said: ${quote}.\r\n\r\n${wrongDate} Zelensky and Zelenskyy met.\r\n` },
    { name: 'page.html', language: 'html', text: `<html><body>\n<p>On 23 June 2025 Starmer said: ${quote}.</p>\n<p>${wrongDate}</p>\n</body></html>\n` },
    { name: 'brief.adoc', language: 'asciidoc', text: `= Brief\n\nOn 23 June 2025 Starmer said: ${quote}.\n\n${wrongDate}\n` },
    { name: 'brief.rst', language: 'restructuredtext', text: `Brief\n=====\n\nOn 23 June 2025 Starmer said: ${quote}.\n\n${wrongDate}\n` },
  ];
}

interface CliFinding {
  code: string;
  severity: string;
  message: string;
  range: ListedFinding['range'];
  fixes?: string[];
}

suite('command line and editor agree', function () {
  this.timeout(180_000);

  teardown(async () => {
    await closeEditors();
    await deleteFolder(scratchFolder(SUITE));
  });

  test('the same documents give the same findings in the editor and from agreement-cite check', async () => {
    const api = await activateExtension();
    await api.packsReady;
    const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
    const cli = path.join(extension.extensionPath, 'dist', 'cli.js');
    assert.ok(fs.existsSync(cli), `${cli} is built by npm run build`);
    const workspace = vscode.workspace.workspaceFolders![0].uri.fsPath;

    const editor: Record<string, ListedFinding[]> = {};
    const files: string[] = [];
    // A language no extension of this VS Code registers (AsciiDoc, reStructuredText without theirs) opens as plain text here, while the command line reads the file by its extension as a writer's editor with that language does: such a document is left out.
    const languages = await vscode.languages.getLanguages();
    const all = documents(extension.extensionPath);
    const docs = all.filter((d) => languages.includes(d.language));
    console.log(
      `command line and editor: languages not registered here, left out: ${
        all
          .filter((d) => !docs.includes(d))
          .map((d) => d.language)
          .join(', ') || 'none'
      }`,
    );
    for (const doc of docs) {
      const opened = await openScratch(SUITE, doc.language, doc.text, doc.name);
      assert.strictEqual(opened.document.languageId, doc.language);
      editor[doc.name] = await vscode.commands.executeCommand<ListedFinding[]>('agreementCite.checkDocument', {
        uri: opened.document.uri.toString(),
        list: false,
      });
      files.push(opened.document.uri.fsPath);
    }

    // In Restricted Mode the extension reads no workspace pack: nor does the command line, then.
    const args = [cli, 'check', '--format', 'json', ...(vscode.workspace.isTrusted ? [] : ['--no-workspace-packs']), ...files];
    const r = spawnSync(process.execPath, args, { cwd: workspace, encoding: 'utf8', env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, timeout: 120_000 });
    assert.ok(r.status === 0 || r.status === 1, `agreement-cite exited ${r.status}: ${r.stderr}`);
    const out = JSON.parse(r.stdout) as { files: { path: string; findings: CliFinding[] }[] };

    fs.mkdirSync(resultsDir(), { recursive: true });
    fs.writeFileSync(path.join(resultsDir(), 'cli-agreement.json'), JSON.stringify({ editor, cli: out.files }, null, 1));

    let compared = 0;
    for (const [i, file] of files.entries()) {
      const name = path.basename(file);
      const fromCli = out.files[i];
      assert.strictEqual(path.resolve(workspace, fromCli.path), file);
      const expected = editor[name].map((f) => ({ code: f.code, severity: f.severity, message: f.message, range: f.range, fixes: f.fixes }));
      const got = fromCli.findings.map((f) => ({ code: f.code, severity: f.severity, message: f.message, range: f.range, fixes: f.fixes }));
      assert.deepStrictEqual(got, expected, `${name}: the command line and the editor differ`);
      compared += expected.length;
    }
    // The comparison is not of empty lists: every format had its planted findings.
    for (const name of Object.keys(editor).filter((n) => n !== 'correct.md' && n !== 'limits.md')) {
      assert.ok(
        editor[name].some((f) => f.code === 'misquote'),
        `${name}: no misquote found`,
      );
      assert.ok(
        editor[name].some((f) => f.code === 'wrong-event-date'),
        `${name}: no wrong date found`,
      );
    }
    assert.ok(
      ['errors.md', 'report.tex', 'notes.txt', 'page.html'].every((n) => n in editor),
      'Markdown, LaTeX, plain text and HTML are always compared',
    );
    console.log(`command line and editor: ${compared} findings in ${files.length} documents, identical`);
  });
});
