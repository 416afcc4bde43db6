// A writer's own fact pack in a real VS Code: it appears in hovers and
// completions without a reload, its problems show in the file at the right
// line, the last good version stays in use while it is broken, and deleting
// it removes its facts. In Restricted Mode no workspace pack is read.

import * as assert from 'assert';
import * as vscode from 'vscode';
import type { AgreementCiteApi } from '../../src/extension';
import { EXTENSION_ID, restrictedModeRequested } from './harness';
import { screenshot, WIDGET } from './screenshot';
import { closeEditors, createdWithin, deleteFolder, openScratch, scratchFolder, waitFor } from './util';

const encoder = new TextEncoder();

function folder(): vscode.Uri {
  return vscode.workspace.workspaceFolders![0].uri;
}

async function write(uri: vscode.Uri, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(uri, encoder.encode(text));
}

const pack = (label: string, extra = ''): string => `pack:
  id: team
  title: Team notes
  version: 1.0.0
  language: en
  checked: 2025-07-01
sources:
  - id: team-interview
    title: Interview with a programme official
    publisher: Team newsroom
    date: 2025-07-01
    kind: other
    language: en
facts:
  - id: team.kestrel
    kind: term
    label: ${label}
    text: Project Kestrel, the programme's working name for its first drone line
    aliases: [Project Kestrel, Kestrel line]
    citations:
      - source: team-interview
        locator: "12:40"
${extra}`;

/** `pack` under ids of its own (`<id>.osprey`, its source `<id>-src`): a pack beside the team's. */
const packUnder = (id: string): string =>
  pack('Project Osprey')
    .replace('id: team\n', `id: ${id}\n`)
    .replace('team.kestrel', `${id}.osprey`)
    .replace('team-interview', `${id}-src`)
    .replace('source: team-interview', `source: ${id}-src`)
    .replace('[Project Kestrel, Kestrel line]', '[Project Osprey]');

/** The extension's diagnostics in the file at `uri` (VS Code's JSON support may add its own to a pack written as JSON). */
function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Agreement Cite');
}

/** The extension's errors shown in the file at `uri`, once there are any. */
function errorsShown(what: string, uri: vscode.Uri): Promise<vscode.Diagnostic[]> {
  return waitFor(what, () => {
    const d = ours(uri).filter((x) => x.severity === vscode.DiagnosticSeverity.Error);
    return d.length > 0 ? d : undefined;
  });
}

/** A pack's problems as a writer finds them: the file open, the Problems panel shown; a screenshot, the panel closed again. */
async function problemsScreenshot(uri: vscode.Uri, name: string, texts: string[]): Promise<void> {
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  await vscode.commands.executeCommand('workbench.actions.view.problems');
  await screenshot(name, { texts, within: WIDGET.problems });
  await vscode.commands.executeCommand('workbench.action.closePanel');
}

/** A pack of its own for each marker (packEventsHandled): ids no other pack uses. */
const markerPack = (id: string): string => `pack:
  id: ${id}
  title: Marker ${id}
  version: 1.0.0
  language: en
  checked: 2025-07-01
sources:
  - id: ${id}-note
    title: Note ${id}
    publisher: Team newsroom
    date: 2025-07-01
    kind: other
    language: en
facts:
  - id: ${id}.fact
    kind: term
    label: Marker ${id}
    text: A pack written to see that the file events before it were handled
    aliases: [Marker ${id}]
    citations:
      - source: ${id}-note
`;

let markers = 0;

/**
 * The positive signal a test waits for before saying that something did not
 * happen: every file event so far has been handled. The file system reports
 * events in order, so once a pack written now has loaded (and, deleted, gone),
 * the events before it reached the extension's watchers and were acted on.
 */
async function packEventsHandled(api: AgreementCiteApi): Promise<void> {
  const id = `marker-${process.pid}-${++markers}`;
  const uri = vscode.Uri.joinPath(folder(), `${id}.factpack.yaml`);
  await write(uri, markerPack(id));
  try {
    await waitFor(`the marker pack ${id} to load`, () => api.index.fact(`${id}.fact`));
  } finally {
    await vscode.workspace.fs.delete(uri);
  }
  await waitFor(`the marker pack ${id} to go`, () => api.index.fact(`${id}.fact`) === undefined);
}

/** The hover cards at `needle`, with Markdown escapes removed: the words a writer reads. */
async function hoverMarkdown(document: vscode.TextDocument, needle: string): Promise<string> {
  const position = document.positionAt(document.getText().indexOf(needle) + 2);
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n')
    .replace(/\\([\\`*_{}[\]()#+\-.!|<>~&$])/g, '$1');
}

suite('workspace fact packs', function () {
  // Each test waits for file events, which a loaded machine can delay.
  this.timeout(120_000);
  let api: AgreementCiteApi;
  const packsDir = (): vscode.Uri => vscode.Uri.joinPath(folder(), '.factpacks');
  const packUri = (): vscode.Uri => vscode.Uri.joinPath(packsDir(), 'team.yaml');

  suiteSetup(async () => {
    api = await vscode.extensions.getExtension<AgreementCiteApi>(EXTENSION_ID)!.activate();
    await api.packsReady;
  });

  /** The team's pack in use beside the one a test breaks: it must stay in use. */
  async function otherPackLoaded(): Promise<void> {
    await write(vscode.Uri.joinPath(packsDir(), 'other.yaml'), pack('Project Kestrel'));
    await waitFor('the other pack to load', () => api.index.fact('team.kestrel'));
  }

  // Each test starts without workspace packs, whatever the one before left behind.
  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(packsDir(), { recursive: true, useTrash: false }).then(undefined, () => undefined);
    await waitFor('the workspace packs to unload', () => api.index.facts.every((f) => f.pack.origin === 'bundled'));
  });

  test('in Restricted Mode a workspace pack is not read; the bundled pack still answers', async function () {
    if (!restrictedModeRequested()) return this.skip();
    assert.strictEqual(vscode.workspace.isTrusted, false);
    // The pack folder is made with the pack in it: either may be the one reported.
    const reported = createdWithin(packsDir());
    await write(packUri(), pack('Project Kestrel'));
    // The file system reported the pack, as it reports packs to the extension's watchers in a trusted workspace,
    await reported;
    // and the extension has acted on what came after: a draft opened now, naming the pack's fact, has been checked.
    const draft = await openScratch(
      'packs',
      'markdown',
      'The Project Kestrel line opened.\n\nOn 23 June 2025 Starmer said: “I’m really proud that today we can announce an industrial military co-production agreement”.\n',
    );
    try {
      await waitFor('the check of a draft opened after the pack was written', () =>
        vscode.languages.getDiagnostics(draft.document.uri).some((d) => d.code === 'misquote'),
      );
      assert.strictEqual(api.index.fact('team.kestrel'), undefined);
      assert.strictEqual(await hoverMarkdown(draft.document, 'Project Kestrel'), '', 'no card for the pack’s fact');
      assert.match(await hoverMarkdown(draft.document, 'Starmer'), /Keir Starmer/, 'the bundled pack answers');
    } finally {
      await closeEditors();
      await deleteFolder(scratchFolder('packs'));
    }
  });

  test('write, break, fix and delete a pack: hovers, completions and diagnostics follow without a reload', async function () {
    if (restrictedModeRequested()) return this.skip();
    const draftUri = vscode.Uri.joinPath(folder(), 'draft-packs.md');
    await write(draftUri, 'The Project Kestrel line opened.\n');
    const draft = await vscode.workspace.openTextDocument(draftUri);
    await vscode.window.showTextDocument(draft);

    // Created: its fact is offered.
    const written = Date.now();
    await write(packUri(), pack('Project Kestrel'));
    await waitFor('the pack to load', () => api.index.fact('team.kestrel'));
    // Reported, not asserted: speed is the benchmark's business.
    console.log(`pack reload: facts available ${Date.now() - written} ms after the file was written`);
    assert.ok(api.packParsing.worker > 0, `the pack was parsed in the worker thread (${JSON.stringify(api.packParsing)})`);
    assert.strictEqual(api.packParsing.inThread, 0, 'and none in the extension host’s own thread');
    const card = await hoverMarkdown(draft, 'Project Kestrel');
    assert.match(card, /Project Kestrel/);
    assert.match(card, /\.factpacks\/team\.yaml \(a workspace pack\)/);
    assert.match(card, /reported \(single source\)/, 'one publisher earns "reported", never more');
    const editorDoc = await vscode.workspace.openTextDocument({ language: 'markdown', content: 'See Kest' });
    const items = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editorDoc.uri, new vscode.Position(0, 8));
    assert.ok(
      items.items.some((i) => (typeof i.label === 'string' ? i.label : i.label.label).startsWith('Kestrel')),
      'completion offers the new fact',
    );
    assert.deepStrictEqual(vscode.languages.getDiagnostics(packUri()), []);

    // Broken: a diagnostic at the bad line, and the last good version still answers.
    const broken = pack('Project Kestrel').replace('    kind: term\n', '    kind: term\n    label: [unclosed\n');
    await write(packUri(), broken);
    const diags = await errorsShown('a diagnostic in the broken pack', packUri());
    const badLine = broken.split('\n').findIndex((l) => l.includes('[unclosed'));
    assert.ok(
      diags.some((d) => d.range.start.line >= badLine && d.range.start.line <= badLine + 1),
      `expected an error near line ${badLine + 1}: ${diags.map((d) => `${d.range.start.line + 1}: ${d.message}`).join('; ')}`,
    );
    assert.ok(vscode.languages.getDiagnostics(packUri()).some((d) => /last version that loaded cleanly stays in use/.test(d.message)));
    assert.ok(api.index.fact('team.kestrel'), 'the last good version stays in use');
    assert.match(await hoverMarkdown(draft, 'Project Kestrel'), /Project Kestrel/);
    // The problem as a writer finds it: in the Problems panel, beside the broken line.
    await problemsScreenshot(packUri(), 'pack-diagnostic', ['team.yaml', 'last version that loaded cleanly stays in use']);

    // Fixed, with a new label: the diagnostic goes and the new version is used.
    await write(packUri(), pack('Project Kestrel line'));
    await waitFor('the diagnostics to clear', () => vscode.languages.getDiagnostics(packUri()).length === 0);
    await waitFor('the fixed version', () => api.index.fact('team.kestrel')?.fact.label === 'Project Kestrel line');

    // Deleted: its facts go.
    await vscode.workspace.fs.delete(packUri());
    await waitFor('the facts to go', () => api.index.fact('team.kestrel') === undefined);
    assert.strictEqual(await hoverMarkdown(draft, 'Project Kestrel'), '');
    assert.deepStrictEqual(vscode.languages.getDiagnostics(packUri()), []);
    await vscode.workspace.fs.delete(draftUri);
  });

  test('a pack with a "constructor" key: the other packs stay in use, the file shows its problem, and fixing it loads it', async function () {
    if (restrictedModeRequested()) return this.skip();
    await otherPackLoaded();
    const badUri = vscode.Uri.joinPath(packsDir(), 'hostile.yaml');
    const good = packUnder('hostile');
    const bad = good.replace('    kind: term\n', '    kind: term\n    constructor: x\n');
    await write(badUri, bad);
    const diags = await errorsShown('a diagnostic at the "constructor" key', badUri);
    const keyLine = bad.split('\n').findIndex((l) => l.includes('constructor:'));
    assert.ok(
      diags.some((d) => d.range.start.line === keyLine && /unknown key "constructor"/.test(d.message)),
      diags.map((d) => `${d.range.start.line + 1}: ${d.message}`).join('; '),
    );
    assert.ok(api.index.fact('team.kestrel'), 'the other pack stays in use');
    assert.ok(api.index.fact('person.starmer'), 'and the bundled one');
    await write(badUri, good);
    await waitFor('the fixed pack to load', () => api.index.fact('hostile.osprey'));
    await waitFor('its diagnostics to clear', () => vscode.languages.getDiagnostics(badUri).length === 0);
    assert.ok(api.index.fact('team.kestrel'));
  });

  test('a pack with a list left open before a megabyte of values on one line: the problem shows at the bracket, and closing it loads it', async function () {
    if (restrictedModeRequested()) return this.skip();
    await otherPackLoaded();
    const crowdedUri = vscode.Uri.joinPath(packsDir(), 'crowded.yaml');
    const good = packUnder('crowded');
    // The closing bracket lost, and the line after pasted onto it over and over: the YAML library took seconds on such a line.
    const crowded = good.replace('[Project Osprey]', `[Project Osprey, ${'Osprey line, '.repeat(80_000)}`);
    await write(crowdedUri, crowded);
    const diags = await errorsShown('a diagnostic at the bracket left open', crowdedUri);
    const line = crowded.split('\n').findIndex((l) => l.includes('aliases: ['));
    const bracket = crowded.split('\n')[line].indexOf('[');
    assert.deepEqual(
      diags.map((d) => [d.range.start.line, d.range.start.character, d.message]),
      [
        [
          line,
          bracket,
          `YAML syntax: the brackets this "[" opens hold more than 1,000 values on line ${line + 1}, more than any list of a pack; is a closing bracket missing?`,
        ],
      ],
    );
    assert.ok(api.index.fact('team.kestrel'), 'the other pack stays in use');
    assert.ok(api.index.fact('person.starmer'), 'and the bundled one');
    await problemsScreenshot(crowdedUri, 'pack-crowded-line', ['crowded.yaml', 'is a closing bracket missing?']);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await write(crowdedUri, good);
    await waitFor('the mended pack to load', () => api.index.fact('crowded.osprey'));
    await waitFor('its diagnostics to clear', () => vscode.languages.getDiagnostics(crowdedUri).length === 0);
  });

  test('a pack written as JSON on one line loads as its YAML does; a wrong value in it shows at its line and column', async function () {
    if (restrictedModeRequested()) return this.skip();
    await otherPackLoaded();
    const jsonUri = vscode.Uri.joinPath(packsDir(), 'exported.json');
    // As a newsroom's script writes a pack: JSON.stringify, one line, hundreds of facts.
    const value = {
      pack: { id: 'exported', title: 'Exported notes', version: '1.0.0', language: 'en', checked: '2025-07-01' },
      sources: [{ id: 'exported-src', title: 'Programme notes', publisher: 'Team newsroom', date: '2025-07-01', kind: 'other', language: 'en' }],
      facts: Array.from({ length: 400 }, (_, i) => ({
        id: `exported.line-${i}`,
        kind: 'term',
        label: `Drone line ${i}`,
        text: `Drone line ${i}, one of the programme's production lines`,
        aliases: [`Drone line ${i}`],
        citations: [{ source: 'exported-src', locator: `p. ${i + 1}` }],
      })),
    };
    const oneLine = JSON.stringify(value);
    await write(jsonUri, oneLine);
    const fact = await waitFor('the JSON pack to load', () => api.index.fact('exported.line-399'));
    assert.equal(fact.fact.label, 'Drone line 399');
    assert.equal(api.index.facts.filter((f) => f.fact.id.startsWith('exported.')).length, 400);
    assert.deepEqual(ours(jsonUri), []);
    // A wrong kind far along the line: the problem is at that value, on line 1.
    const broken = oneLine.replace('"kind":"term","label":"Drone line 300"', '"kind":"trem","label":"Drone line 300"');
    await write(jsonUri, broken);
    await errorsShown('a diagnostic at the wrong kind', jsonUri);
    const diags = ours(jsonUri);
    const at = broken.indexOf('"trem"');
    assert.deepEqual(
      diags.map((d) => [d.range.start.line, d.range.start.character, d.range.end.character, d.message.split(':')[0]]),
      [
        [0, at, at + '"trem"'.length, 'fact "exported.line-300".kind "trem" must be one of'],
        [0, 0, 0, 'This pack has errors'],
      ],
    );
    assert.ok(api.index.fact('exported.line-399'), 'the last version that loaded stays in use');
    assert.ok(api.index.fact('team.kestrel'), 'the other pack stays in use');
    await problemsScreenshot(jsonUri, 'pack-json-line', ['exported.json', 'trem']);
    // A comma lost far along the line: the problem is where the text stops being JSON.
    const commaLost = oneLine.replace('"label":"Drone line 200",', '"label":"Drone line 200"');
    await write(jsonUri, commaLost);
    await waitFor('the problem where the JSON stops', () => ours(jsonUri).find((d) => d.message.includes('written as JSON')));
    const stop = commaLost.indexOf('"label":"Drone line 200"') + '"label":"Drone line 200"'.length;
    assert.deepEqual(
      ours(jsonUri).map((d) => [d.range.start.line, d.range.start.character, d.message.split('?')[0]]),
      [
        [0, stop, 'YAML syntax: this pack, written as JSON, cannot be read from here: is a comma, a quote or a bracket missing'],
        [0, 0, 'This pack has errors: its last version that loaded cleanly stays in use until they are fixed.'],
      ],
    );
    await problemsScreenshot(jsonUri, 'pack-json-syntax', ['exported.json', 'cannot be read from here']);
    await write(jsonUri, oneLine);
    await waitFor('the mended JSON pack to load clean', () => ours(jsonUri).length === 0 && api.index.fact('exported.line-300')?.fact.kind === 'term');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('a pack edited and saved in the editor is reloaded', async function () {
    if (restrictedModeRequested()) return this.skip();
    // A file no other test opened: an editor model of a file since rewritten
    // or deleted on disk may still be alive, and saving over it is refused.
    const uri = vscode.Uri.joinPath(packsDir(), 'saved-in-editor.yaml');
    await write(uri, pack('Project Kestrel'));
    await waitFor('the pack to load', () => api.index.fact('team.kestrel'));
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    await waitFor('the editor to show the file as written', () => doc.getText() === pack('Project Kestrel') && !doc.isDirty);
    // The edit stays unsaved until the test saves it: the workbench would otherwise save it a moment later.
    const files = vscode.workspace.getConfiguration('files');
    await files.update('autoSave', 'off', vscode.ConfigurationTarget.Global);
    try {
      const edit = new vscode.WorkspaceEdit();
      const at = doc.getText().indexOf('label: Project Kestrel') + 'label: Project Kestrel'.length;
      edit.insert(doc.uri, doc.positionAt(at), ' drone line');
      assert.ok(await vscode.workspace.applyEdit(edit));
      assert.ok(doc.isDirty && doc.getText().includes('Project Kestrel drone line'), 'the edit is in the editor, unsaved');
      await packEventsHandled(api);
      assert.ok(doc.isDirty, 'the edit is still unsaved');
      assert.strictEqual(api.index.fact('team.kestrel')?.fact.label, 'Project Kestrel', 'an unsaved edit is not read');
      const saved = Date.now();
      assert.ok(await doc.save());
      await waitFor('the saved version', () => api.index.fact('team.kestrel')?.fact.label === 'Project Kestrel drone line');
      console.log(`pack reload: the saved version in use ${Date.now() - saved} ms after saving`);
    } finally {
      await files.update('autoSave', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  test('packs read again, as at a window reload, come from the cache of parsed packs; a changed pack is parsed', async function () {
    if (restrictedModeRequested()) return this.skip();
    const cache = api.packCache;
    assert.ok(cache, 'the extension keeps a cache of parsed packs in its storage');
    const uri = vscode.Uri.joinPath(packsDir(), 'cached.yaml');
    const text = pack('Project Kestrel cached').replace('id: team\n', 'id: cached\n');
    const before = { ...cache };
    const snapshots = api.indexSnapshots!;
    const kept = snapshots.written;
    await write(uri, text);
    await waitFor('the pack to load', () => api.index.fact('team.kestrel')?.fact.label === 'Project Kestrel cached');
    await waitFor('its parse to be kept', () => cache.written > before.written);
    assert.ok(cache.misses > before.misses, 'a pack never seen is parsed');
    // The index of the packs now in use is kept beside the cache, for the next window reload.
    await waitFor('the index to be kept as a snapshot', () => snapshots.written > kept);
    assert.strictEqual(snapshots.rejected, 0, 'no snapshot was refused');
    // Every pack file is read again when the pack settings change, as at a window reload.
    const settings = vscode.workspace.getConfiguration('agreementCite.packs');
    const globs = [...(settings.get<string[]>('include') ?? [])];
    const hits = cache.hits;
    await settings.update('include', [...globs].reverse(), vscode.ConfigurationTarget.Global);
    try {
      await waitFor('the pack to be read from the cache', () => cache.hits > hits);
      assert.strictEqual(cache.rejected, before.rejected, 'no entry was refused');
      assert.strictEqual(api.index.fact('team.kestrel')?.fact.label, 'Project Kestrel cached', 'the cached parse is in use');
      assert.deepStrictEqual(vscode.languages.getDiagnostics(uri), []);
    } finally {
      await settings.update('include', undefined, vscode.ConfigurationTarget.Global);
    }
    // Changed: its text is another entry's, so it is parsed, and the new version is used.
    const misses = cache.misses;
    await write(uri, text.replace('label: Project Kestrel cached', 'label: Project Kestrel recached'));
    await waitFor('the changed version', () => api.index.fact('team.kestrel')?.fact.label === 'Project Kestrel recached');
    assert.ok(cache.misses > misses, 'the changed pack was parsed');
  });

  test('a pack folder deleted and made again at once: the late deletion does not drop the new pack', async function () {
    if (restrictedModeRequested()) return this.skip();
    await write(packUri(), pack('Project Kestrel'));
    await waitFor('the pack to load', () => api.index.fact('team.kestrel'));
    await vscode.workspace.fs.delete(packsDir(), { recursive: true, useTrash: false });
    await write(packUri(), pack('Project Kestrel again'));
    await waitFor('the new version', () => api.index.fact('team.kestrel')?.fact.label === 'Project Kestrel again');
    // The watcher reports the deletion after the folder was made again: once it has been handled, the pack stays.
    await packEventsHandled(api);
    assert.strictEqual(api.index.fact('team.kestrel')?.fact.label, 'Project Kestrel again');
  });

  test('a pack folder deleted and made again over and over: its last version is in use', async function () {
    if (restrictedModeRequested()) return this.skip();
    await write(packUri(), pack('Project Kestrel'));
    await waitFor('the pack to load', () => api.index.fact('team.kestrel'));
    // Each deletion is looked at while the folder may already be back: none may cancel the read of a newer version.
    for (let round = 1; round <= 8; round++) {
      await vscode.workspace.fs.delete(packsDir(), { recursive: true, useTrash: false });
      await new Promise((resolve) => setTimeout(resolve, round * 15));
      await write(packUri(), pack(`Project Kestrel round ${round}`));
    }
    await waitFor('the last version', () => api.index.fact('team.kestrel')?.fact.label === 'Project Kestrel round 8');
    await packEventsHandled(api);
    assert.strictEqual(api.index.fact('team.kestrel')?.fact.label, 'Project Kestrel round 8');
  });

  test('a folder of packs moved into place is read, though only the folder is reported as created', async function () {
    if (restrictedModeRequested()) return this.skip();
    const staging = vscode.Uri.joinPath(folder(), 'staging-packs');
    const staged = vscode.Uri.joinPath(staging, 'nested', 'moved.yaml');
    const reported = createdWithin(staging);
    await write(staged, pack('Project Kestrel').replace('id: team\n', 'id: moved\n'));
    await reported;
    await packEventsHandled(api);
    assert.strictEqual(api.index.fact('team.kestrel'), undefined, 'staging-packs/ is not a pack folder');
    await vscode.workspace.fs.rename(staging, packsDir());
    await waitFor('the moved pack to load', () => api.index.fact('team.kestrel'));
    assert.match(api.index.fact('team.kestrel')!.pack.locations.file, /\.factpacks\/nested\/moved\.yaml$/);
  });

  test('a pack reusing a bundled fact id is an error in the pack, and the bundled fact stays', async function () {
    if (restrictedModeRequested()) return this.skip();
    const uri = vscode.Uri.joinPath(packsDir(), 'clash.yaml');
    await write(uri, pack('Project Kestrel').replace('id: team.kestrel', 'id: person.starmer').replace('id: team\n', 'id: clash\n'));
    const diags = await waitFor('a duplicate-id diagnostic', () => {
      const d = vscode.languages.getDiagnostics(uri).filter((x) => x.code === 'duplicate-id');
      return d.length > 0 ? d : undefined;
    });
    assert.match(diags[0].message, /"person\.starmer" is already used in the bundled pack/);
    assert.strictEqual(api.index.fact('person.starmer')?.fact.label, 'Keir Starmer');
    await vscode.workspace.fs.delete(uri);
    await waitFor('the diagnostics to clear', () => vscode.languages.getDiagnostics(uri).length === 0);
  });

  test('evidence is checked against a local source text, and the card says whether it was found', async function () {
    if (restrictedModeRequested()) return this.skip();
    const uri = vscode.Uri.joinPath(packsDir(), 'evidence.yaml');
    await write(vscode.Uri.joinPath(packsDir(), 'interview.txt'), 'The official said the Kestrel line would open in spring.\n');
    const text = pack('Project Kestrel')
      .replace('id: team\n', 'id: evidence\n')
      .replace('    language: en\nfacts:', '    language: en\n    textFile: interview.txt\nfacts:')
      .replace('        locator: "12:40"', '        evidence: "the Kestrel line would open in autumn"\n        locator: "12:40"');
    await write(uri, text);
    const diags = await waitFor('an evidence-not-found diagnostic', () => {
      const d = vscode.languages.getDiagnostics(uri).filter((x) => x.code === 'evidence-not-found');
      return d.length > 0 ? d : undefined;
    });
    const line = text.split('\n').findIndex((l) => l.includes('would open in autumn'));
    assert.strictEqual(diags[0].range.start.line, line);
    const card = await hoverMarkdown(await vscode.workspace.openTextDocument({ language: 'markdown', content: 'Project Kestrel' }), 'Project Kestrel');
    assert.match(card, /Evidence:\*\* ⚠️ 1 of 1 excerpts not found in the source text/);
    await write(uri, text.replace('open in autumn', 'open in spring'));
    await waitFor('the evidence to be found', () => api.index.fact('team.kestrel')?.evidence?.found === 1);
    await waitFor('its diagnostic to clear', () => vscode.languages.getDiagnostics(uri).length === 0);
    await vscode.workspace.fs.delete(uri);
  });

  test('New Fact Pack writes a commented template that loads without a problem', async function () {
    if (restrictedModeRequested()) return this.skip();
    const uri = await vscode.commands.executeCommand<vscode.Uri>('agreementCite.newPack', 'from-template');
    assert.ok(uri);
    assert.match(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)), /^# A fact pack for Agreement Cite/);
    await waitFor('the template pack to load', () => api.index.fact('my-pack.example'));
    assert.deepStrictEqual(
      vscode.languages.getDiagnostics(uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error),
      [],
    );
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await vscode.workspace.fs.delete(uri);
  });
});
