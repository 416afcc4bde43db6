// Screenshot of the workbench, taken from inside a test.
//
// The tests run in the extension host (Node), which cannot see the browser
// page. The code-server runner (scripts/run-vscode-tests.mjs) starts a small
// HTTP endpoint on 127.0.0.1 and passes its URL, with a per-run token, in
// AGREEMENT_CITE_SCREENSHOT_URL; asking it makes the runner call Playwright's
// page.screenshot(). Under @vscode/test-electron there is no such endpoint and
// screenshot() resolves to undefined, so tests can call it unconditionally.

import * as http from 'http';

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

function post(url: string, payload: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } },
      (res) => {
        let data = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (data += chunk));
        res.on('end', () => resolve(data));
      },
    );
    req.on('error', reject);
    // Rendering a screenshot of a busy workbench can take a few seconds.
    req.setTimeout(30_000, () => req.destroy(new Error('timed out after 30 s')));
    req.end(payload);
  });
}

/**
 * Types text or presses a key in the workbench through the browser, as a
 * writer's keyboard would (`press` takes Playwright key names such as
 * `Enter`). Resolves false where no runner endpoint exists (test-electron).
 */
export async function keyboard(input: { type?: string; press?: string }): Promise<boolean> {
  const endpoint = process.env.AGREEMENT_CITE_SCREENSHOT_URL;
  if (!endpoint) return false;
  const reply = JSON.parse(await post(endpoint.replace(/\/screenshot$/, '/keyboard'), JSON.stringify(input))) as { ok?: boolean; error?: string };
  if (!reply.ok) throw new Error(`keyboard input failed: ${reply.error ?? 'unknown error'}`);
  return true;
}
