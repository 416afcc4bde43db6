// Screenshot of the workbench, taken from inside a test.
//
// The tests run in the extension host (Node, or the browser's web worker),
// which cannot see the workbench page. The code-server runner (scripts/run-vscode-tests.mjs,
// scripts/vscode/screenshotServer.mjs) starts a small HTTP endpoint on 127.0.0.1 and passes its URL, with a per-run token, in
// AGREEMENT_CITE_SCREENSHOT_URL; asking it makes the runner call Playwright's
// page.screenshot(), once the texts the test names are on screen. Under
// @vscode/test-electron there is no such endpoint and screenshot() resolves to
// undefined, so tests can call it unconditionally.

/** What must be on screen: texts (inside the elements matching `within`), or a part of the workbench gone (`hidden`). */
export interface OnScreen {
  texts?: readonly string[];
  within?: string;
  hidden?: string;
  /** Look for the texts in every frame too: a webview (the Markdown preview) shows its content in frames of its own. */
  frames?: boolean;
  /** How long to wait: 20 s unless given, inside a test's own time limit. */
  timeoutMs?: number;
}

/**
 * Saves a PNG of the whole workbench as `test-results/screenshots/<name>.png`,
 * once the workbench shows what `expect` names; if it never does, the test
 * fails, saying what was on screen instead.
 *
 * @param name file name without extension; letters, digits, `.`, `_`, `-`
 *   (anything else is replaced by `_` by the runner).
 * @returns the absolute path of the PNG, or undefined when no runner endpoint
 *   is available (test-electron).
 */
export async function screenshot(name: string, expect: OnScreen): Promise<string | undefined> {
  const endpoint = process.env.AGREEMENT_CITE_SCREENSHOT_URL;
  if (!endpoint) return undefined;
  const reply = JSON.parse(await post(endpoint, JSON.stringify({ name, expect: { timeoutMs: 20_000, ...expect } }))) as { path?: string; error?: string };
  if (reply.error || !reply.path) throw new Error(`screenshot ${name}: ${reply.error ?? 'no path returned'}`);
  return reply.path;
}

/**
 * Waits until the workbench shows what `expect` names (30 s at most, then
 * fails): a hover's or a list's text, or a widget closed. Resolves false
 * where no runner endpoint exists (test-electron), where the caller must
 * wait its own way.
 */
export async function onScreen(expect: OnScreen): Promise<boolean> {
  const endpoint = process.env.AGREEMENT_CITE_SCREENSHOT_URL;
  if (!endpoint) return false;
  const reply = JSON.parse(await post(endpoint.replace(/\/screenshot$/, '/shows'), JSON.stringify({ timeoutMs: 20_000, ...expect }))) as {
    ok?: boolean;
    error?: string;
  };
  if (!reply.ok) throw new Error(reply.error ?? 'the workbench did not show what was expected');
  return true;
}

/** Where VS Code shows a hover, the suggestions, a quick pick, ghost text, the Problems panel, the side bar, the status bar and the editors. */
export const WIDGET = {
  hover: '.monaco-hover',
  suggest: '.suggest-widget',
  quickPick: '.quick-input-widget',
  ghostText: '.ghost-text, .ghost-text-decoration',
  problems: '.markers-panel',
  sideBar: '.part.sidebar',
  statusBar: '.part.statusbar',
  editor: '.part.editor',
} as const;

/** A POST with `fetch`, which the Node extension host and the web worker host both have (text/plain: no CORS preflight). */
async function post(url: string, payload: string): Promise<string> {
  // Rendering a screenshot of a busy workbench can take a few seconds.
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(new Error('timed out after 30 s')), 30_000);
  try {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: payload, signal: timeout.signal });
    return await res.text();
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Types text or presses a key in the workbench through the browser, as a
 * writer's keyboard would (`press` takes Playwright key names such as
 * `Enter`), once `waitFor` (a CSS selector) is visible, if given. Resolves
 * false where no runner endpoint exists (test-electron).
 */
export async function keyboard(input: { type?: string; press?: string; waitFor?: string }): Promise<boolean> {
  const endpoint = process.env.AGREEMENT_CITE_SCREENSHOT_URL;
  if (!endpoint) return false;
  const reply = JSON.parse(await post(endpoint.replace(/\/screenshot$/, '/keyboard'), JSON.stringify(input))) as { ok?: boolean; error?: string };
  if (!reply.ok) throw new Error(`keyboard input failed: ${reply.error ?? 'unknown error'}`);
  return true;
}

/** Hands the runner the suite's report (the web worker host has no file system to write test-results/ with). */
export async function sendReport(text: string): Promise<boolean> {
  const endpoint = process.env.AGREEMENT_CITE_SCREENSHOT_URL;
  if (!endpoint) return false;
  const reply = JSON.parse(await post(endpoint.replace(/\/screenshot$/, '/report'), text)) as { ok?: boolean };
  return reply.ok === true;
}
