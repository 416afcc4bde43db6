// What the integration suites share: activating the extension, and documents
// written as real files in a scratch folder of the run's workspace copy
// (files, not untitled documents, which VS Code may hand back to a later test).

import * as assert from 'assert';
import * as vscode from 'vscode';
import type { AgreementCiteApi } from '../../src/extension';
import { EXTENSION_ID } from './harness';

/** The pause between two looks of a poll: never a wait on its own (see waitFor, pollUntil). */
const POLL_MS = 100;
const pause = (): Promise<void> => new Promise((r) => setTimeout(r, POLL_MS));

/**
 * Polls until `check` returns a value, for at most `ms`: reloads are debounced
 * and asynchronous, and file events can be slow on a loaded machine. Speed is
 * the benchmark's business; this only waits.
 */
export async function waitFor<T>(what: string, check: () => T | undefined | false, ms = 15_000): Promise<T> {
  return pollUntil(what, async () => check(), ms);
}

/** Like waitFor, for a check that asks VS Code (a command, a provider) and so is asynchronous. */
export async function pollUntil<T>(what: string, check: () => Promise<T | undefined | false>, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await pause();
  }
}

/**
 * Resolves with the first event of `event` for which `accept` holds; rejects
 * after `ms`. Subscribe before doing what fires the event.
 */
export function nextEvent<T>(what: string, event: vscode.Event<T>, accept: (e: T) => boolean = () => true, ms = 15_000): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      listener.dispose();
      reject(new Error(`timed out after ${ms} ms waiting for ${what}`));
    }, ms);
    const listener = event((e) => {
      if (!accept(e)) return;
      clearTimeout(timer);
      listener.dispose();
      resolve(e);
    });
  });
}

/**
 * The file system reporting a folder, or anything in it, created: what the
 * extension's own watchers are told at the same moment. A folder made with
 * files in it at once may be reported as the folder alone: either way, the
 * watchers have been told. Subscribe before writing; the promise settles once.
 */
export function createdWithin(folderUri: vscode.Uri, ms = 15_000): Promise<vscode.Uri> {
  const inside = (u: vscode.Uri) => u.toString() === folderUri.toString() || u.toString().startsWith(`${folderUri.toString()}/`);
  const folder = vscode.workspace.getWorkspaceFolder(folderUri);
  assert.ok(folder, `${folderUri.toString()} is not in the workspace`);
  // Relative to the workspace folder, as the extension's own globs are: the workspace's watcher reports it.
  const relative = vscode.workspace.asRelativePath(folderUri, false);
  const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, `{${relative},${relative}/**}`));
  return nextEvent(`the file system to report ${folderUri.path} or anything in it created`, watcher.onDidCreate, inside, ms).finally(() => watcher.dispose());
}

/**
 * Activates the extension and returns its API once the packs found at activation are in use: a hover asked for
 * before activation finds no provider, and one asked for before the bundled pack is read finds none of its facts.
 */
export async function activateExtension(): Promise<AgreementCiteApi> {
  const ext = vscode.extensions.getExtension<AgreementCiteApi>(EXTENSION_ID);
  assert.ok(ext, 'extension not found');
  const api = await ext.activate();
  await api.packsReady;
  return api;
}

const EXTENSIONS: Record<string, string> = { markdown: 'md', latex: 'tex', plaintext: 'txt', asciidoc: 'adoc', restructuredtext: 'rst', html: 'html' };
let count = 0;

/** A suite's own scratch folder in the workspace. */
export function scratchFolder(suite: string): vscode.Uri {
  return vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, '.scratch', String(process.pid), suite);
}

/** Writes a new file with this content in the suite's scratch folder and opens it in the editor, in `language`. */
export async function openScratch(suite: string, language: string, content: string, name?: string): Promise<vscode.TextEditor> {
  const uri = vscode.Uri.joinPath(scratchFolder(suite), name ?? `${++count}.${EXTENSIONS[language] ?? 'txt'}`);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(content));
  let doc = await vscode.workspace.openTextDocument(uri);
  if (doc.languageId !== language) doc = await vscode.languages.setTextDocumentLanguage(doc, language);
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString());
  return editor;
}

/** Closes every editor without saving. */
export async function closeEditors(): Promise<void> {
  for (let i = 0; i < 20 && vscode.window.activeTextEditor; i++) {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** Deletes a folder and what is in it, if it exists. */
export async function deleteFolder(uri: vscode.Uri): Promise<void> {
  await vscode.workspace.fs.delete(uri, { recursive: true, useTrash: false }).then(undefined, () => undefined);
}

/**
 * The quick fixes VS Code offers where a problem is (the API returns them
 * without their diagnostics). VS Code drops a code action request when any
 * provider registers meanwhile, as the built-in Markdown extension does when
 * the first Markdown file opens: an empty answer is asked again, until one comes.
 */
export async function quickFixes(uri: vscode.Uri, diagnostic: vscode.Diagnostic): Promise<vscode.CodeAction[]> {
  const ask = (): Thenable<vscode.CodeAction[]> =>
    vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
  return pollUntil('quick fixes', async () => {
    const actions = await ask();
    return actions.length > 0 && actions;
  }).catch(() => ask());
}
