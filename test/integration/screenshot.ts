// Screenshot of the workbench, taken from inside a test.
//
// The tests run in the extension host (Node, or the browser's web worker),
// which cannot see the workbench page. The code-server runner (scripts/run-vscode-tests.mjs) starts a small
// HTTP endpoint on 127.0.0.1 and passes its URL, with a per-run token, in
// AGREEMENT_CITE_SCREENSHOT_URL; asking it makes the runner call Playwright's
// page.screenshot(). Under @vscode/test-electron there is no such endpoint and
// screenshot() resolves to undefined, so tests can call it unconditionally.

/**
 * Saves a PNG of the whole workbench as `test-results/screenshots/<name>.png`.
 *
 * @param name file name without extension; letters, digits, `.`, `_`, `-`
 *   (anything else is replaced by `_` by the runner).
 * @returns the absolute path of the PNG, or undefined when no runner endpoint
 *   is available or the screenshot failed (a warning is logged; a screenshot
 *   never fails a test by itself).
 */
export async function screenshot(name: string): Promise<string | undefined> {
  const endpoint = process.env.AGREEMENT_CITE_SCREENSHOT_URL;
  if (!endpoint) return undefined;
  try {
    const body = await post(endpoint, JSON.stringify({ name }));
    const reply = JSON.parse(body) as { path?: string; error?: string };
    if (reply.error || !reply.path) {
      console.warn(`screenshot(${name}) failed: ${reply.error ?? 'no path returned'}`);
      return undefined;
    }
    return reply.path;
  } catch (err) {
    console.warn(`screenshot(${name}) failed: ${err instanceof Error ? err.message : String(err)}`);
    return undefined;
  }
}

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
