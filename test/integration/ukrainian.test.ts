// A Ukrainian writer in a real VS Code: a hover on a declined name, a
// completion of one, Insert Citation writing Ukrainian, a finding for a
// role in Ukrainian prose at a date written in Ukrainian, a misquote's
// quick fix citing its source in Ukrainian, and "вчора" counted from the
// story's date.
//
// Where the bundled pack has no Ukrainian names yet, a writer's pack with
// them is written into the workspace (as a writer would keep one): its
// forms are generated in the pack-parsing thread.

import * as assert from 'assert';
import * as vscode from 'vscode';
import type { AgreementCiteApi } from '../../src/extension';
import { restrictedModeRequested } from './harness';
import { screenshot } from './screenshot';
import { activateExtension, closeEditors, deleteFolder, openScratch, pollUntil, quickFixes, scratchFolder, waitFor } from './util';

const PACK = `pack:
  id: ukrainian-names
  title: Ukrainian names
  version: 1.0.0
  language: en
  checked: 2026-12-01
sources:
  - id: uk-test-mod
    title: Умєров Рустем Енверович
    publisher: Міністерство оборони України
    date: 2023-09-06
    kind: government
    language: uk
facts:
  - id: uktest.umerov
    kind: person
    label: Rustem Umerov
    text: Rustem Umerov
    aliases: [Rustem Umerov]
    citations: [{ source: uk-test-mod }]
    languages:
      uk:
        label: Рустем Умєров
        text: Рустем Умєров, український державний діяч
        aliases: [Умєров, Умеров]
        name: { given: Рустем, family: Умєров, gender: masculine }
`;

async function hoverText(document: vscode.TextDocument, needle: string): Promise<string> {
  const position = document.positionAt(document.getText().indexOf(needle) + 2);
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n')
    .replace(/\\([\\`*_{}[\]()#+\-.!|<>~&$])/g, '$1');
}

suite('Ukrainian documents', function () {
  this.timeout(120_000);
  let api: AgreementCiteApi;
  /** The fact of Rustem Umerov that has Ukrainian names: the bundled one once the bundled pack has them, else the workspace pack's. */
  let umerov = 'person.umerov';
  const packUri = (): vscode.Uri => vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, '.factpacks', 'ukrainian-names.yaml');

  suiteSetup(async function () {
    api = await activateExtension();
    await api.packsReady;
    if (api.index.fact('person.umerov')?.fact.languages?.uk) return;
    if (restrictedModeRequested()) return this.skip();
    umerov = 'uktest.umerov';
    await vscode.workspace.fs.writeFile(packUri(), new TextEncoder().encode(PACK));
    await waitFor('the Ukrainian names pack to load', () => api.index.fact(umerov), 60_000);
  });

  suiteTeardown(async () => {
    await closeEditors();
    await deleteFolder(scratchFolder('ukrainian'));
    if (umerov === 'uktest.umerov') await vscode.workspace.fs.delete(packUri()).then(undefined, () => undefined);
  });

  test('a hover on "Умєрова", a completion of "Умєр", and Insert Citation writing Ukrainian', async () => {
    const editor = await openScratch('ukrainian', 'markdown', '---\nlang: uk\n---\n\n# Переговори\n\nЗаява Умєрова пролунала в Лондоні.\n\nРазом з Умєр\n\n');
    const document = editor.document;
    const card = await hoverText(document, 'Умєрова');
    assert.match(card, /Rustem Umerov|Рустем Умєров/, `the card names him: ${card}`);

    const last = document.lineAt(8).range.end;
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, last);
    const item = list.items.find(
      (i) =>
        (typeof i.label === 'string' ? i.label : i.label.label).startsWith('Умєр') &&
        i.insertText instanceof vscode.SnippetString &&
        i.insertText.value.includes('Рустем Умєров'),
    );
    assert.ok(
      item,
      `a completion offers him by his Ukrainian name and inserts the Ukrainian text: ${list.items
        .slice(0, 8)
        .map((i) => (typeof i.label === 'string' ? i.label : i.label.label))
        .join(', ')}`,
    );

    const end = document.lineAt(document.lineCount - 1).range.end;
    editor.selection = new vscode.Selection(end, end);
    await vscode.commands.executeCommand('agreementCite.insertCitation', { factId: umerov });
    const text = document.getText();
    assert.match(text, /\n\nРустем Умєров[^\n]*\[\^[\w-]+\]\n/, 'the Ukrainian label or text is inserted');
    assert.match(
      text,
      /\n\[\^[\w-]+\]: .+, \d{1,2} (?:січня|лютого|березня|квітня|травня|червня|липня|серпня|вересня|жовтня|листопада|грудня) \d{4} року\./,
      'the footnote dates its source in Ukrainian',
    );
    await screenshot('ukrainian-insert', { texts: ['Рустем Умєров'] });
  });

  test('"міністр оборони Денис Шмигаль" in a paragraph dated 2026 is flagged; dated October 2025, it is not', async () => {
    const editor = await openScratch(
      'ukrainian',
      'markdown',
      '---\nlang: uk\n---\n\n1 грудня 2026 року міністр оборони Денис Шмигаль відвідав Лондон.\n\n10 жовтня 2025 року міністр оборони Денис Шмигаль відвідав Лондон.\n',
    );
    const uri = editor.document.uri;
    const found = await pollUntil('the check of the Ukrainian document', async () => {
      const ours = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Agreement Cite');
      return ours.length > 0 && ours;
    });
    const roles = found.filter((d) => (typeof d.code === 'object' ? d.code.value : d.code) === 'role-not-held');
    assert.strictEqual(roles.length, 1, found.map((d) => `${d.range.start.line}: ${d.message}`).join('\n'));
    assert.strictEqual(roles[0].range.start.line, 4);
    assert.strictEqual(editor.document.getText(roles[0].range), 'міністр оборони');
    assert.match(roles[0].message, /Denys Shmyhal was not Minister of Defence of Ukraine on 1 December 2026/);
    await screenshot('ukrainian-finding', { texts: ['міністр оборони'] });
  });

  test('a misquote’s quick fix writes his recorded words and a footnote dated in Ukrainian, as Insert Citation would', async () => {
    const head = '---\nlang: uk\n---\n\nПрезидент Володимир Зеленський 24 жовтня 2025 року написав: «Продемонстрував український дрон-перехоплювач OCTOPUS, ';
    const editor = await openScratch('ukrainian', 'markdown', `${head}який Велика Британія вироблятиме для тестування в Україні».\n`);
    const uri = editor.document.uri;
    const found = await pollUntil('the misquote in the Ukrainian document', async () => {
      const ours = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Agreement Cite' && d.code === 'misquote');
      return ours.length > 0 && ours;
    });
    const fixes = await quickFixes(uri, found[0]);
    const fix = fixes.find((a) => a.isPreferred);
    assert.ok(fix?.edit, `no preferred fix among ${fixes.map((a) => a.title).join(', ')}`);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.strictEqual(
      editor.document.getText(),
      `${head}які Велика Британія вироблятиме для подальшого тестування в Україні»[^radio-svoboda-2025-10-24].\n\n` +
        '[^radio-svoboda-2025-10-24]: Radio Svoboda (RFE/RL Ukrainian Service), “Zelensky discussed defence cooperation with Starmer and showed the OCTOPUS drone”, 24 жовтня 2025 року. <https://www.radiosvoboda.org/a/news-zelensky-premier-brytanii-dron-octopus/33569693.html>\n',
    );
    await pollUntil('the misquote to clear', async () => vscode.languages.getDiagnostics(uri).every((d) => d.code !== 'misquote'));
  });

  test('"Учора" in a story dated the day of the ratification is a wrong date; its fix writes "Сьогодні"', async () => {
    const body = ' Верховна Рада ратифікувала угоду про сторічне партнерство між Україною та Великою Британією.\n';
    const editor = await openScratch('ukrainian', 'markdown', `---\nlang: uk\ndate: 2025-09-17\n---\n\nУчора${body}`);
    const uri = editor.document.uri;
    const found = await pollUntil('the relative date in the Ukrainian document', async () => {
      const ours = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Agreement Cite' && d.code === 'wrong-event-date');
      return ours.length > 0 && ours;
    });
    assert.strictEqual(found.length, 1);
    assert.strictEqual(editor.document.getText(found[0].range), 'Учора');
    assert.match(found[0].message, /“Учора” from 17 September 2025 \(the document’s date\) is 16 September 2025/);
    const [fix] = await quickFixes(uri, found[0]);
    assert.ok(fix?.edit, 'a fix is offered');
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.strictEqual(editor.document.getText(), `---\nlang: uk\ndate: 2025-09-17\n---\n\nСьогодні${body}`);
    await pollUntil('the wrong date to clear', async () => vscode.languages.getDiagnostics(uri).every((d) => d.code !== 'wrong-event-date'));
  });
});
