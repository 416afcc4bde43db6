// The endpoints the tests call from the extension host, which cannot see the
// workbench page (test/integration/screenshot.ts is the other side):
//   /screenshot  a PNG of the workbench, once the texts it must show are on screen
//   /shows       waits until the workbench shows texts (or a part of it is gone)
//   /keyboard    real keystrokes, for what the API cannot reach (a picker's input)
//   /report      the suite's report from the web worker host, which cannot write files
// Listens on 127.0.0.1 only, under an unguessable path, so nothing else on the
// machine can drive the browser.

import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { shown } from './log.mjs';
import { untilShown } from './screen.mjs';

/** A file name from a test's screenshot name: letters, digits, `.`, `_`, `-`. */
function pngName(prefix, name) {
  const safe =
    String(name || 'screenshot')
      .replace(/\.png$/i, '')
      .replace(/[^A-Za-z0-9._-]/g, '_')
      .replace(/^\.+/, '_') || 'screenshot';
  return `${prefix}${safe}.png`;
}

export class ScreenshotServer {
  /** The workbench page, once open; requests before that are answered 503. */
  page;
  #token = randomBytes(16).toString('hex');
  #server;
  #options;
  #log;

  /** @param options `{ screenshotsDir, reportFile, screenshotPrefix }` of the run's options */
  constructor(options, log) {
    this.#options = options;
    this.#log = log;
    this.#server = http.createServer((req, res) => this.#handle(req, res));
  }

  /** Starts listening on a free port; resolves the screenshot endpoint's URL, which the tests get (the others are beside it). */
  async listen() {
    await new Promise((resolve, reject) => {
      this.#server.once('error', reject);
      this.#server.listen(0, '127.0.0.1', resolve);
    });
    return `http://127.0.0.1:${this.#server.address().port}/${this.#token}/screenshot`;
  }

  close() {
    return new Promise((resolve) => this.#server.close(() => resolve()));
  }

  #routes = {
    screenshot: async (body) => {
      const { name, expect } = JSON.parse(body || '{}');
      // A screenshot is of something: the texts it must show are on screen first, or the test fails.
      if (expect) await untilShown(this.#page(), expect);
      const file = path.join(this.#options.screenshotsDir, pngName(this.#options.screenshotPrefix, name));
      fs.mkdirSync(this.#options.screenshotsDir, { recursive: true });
      await this.#page().screenshot({ path: file, animations: 'disabled', caret: 'hide', timeout: 20_000 });
      this.#log(`screenshot saved: ${shown(file)}`);
      return { path: file };
    },
    shows: async (body) => {
      await untilShown(this.#page(), JSON.parse(body || '{}'));
      return { ok: true };
    },
    keyboard: async (body) => {
      const { type, press, waitFor } = JSON.parse(body || '{}');
      const page = this.#page();
      // What the keys are for (a picker, say) shown first: a loaded machine may take seconds.
      if (typeof waitFor === 'string') await page.waitForSelector(waitFor, { state: 'visible', timeout: 30_000 });
      if (typeof type === 'string') await page.keyboard.type(type, { delay: 40 });
      if (typeof press === 'string') await page.keyboard.press(press);
      return { ok: true };
    },
    report: async (body) => {
      fs.mkdirSync(path.dirname(this.#options.reportFile), { recursive: true });
      fs.writeFileSync(this.#options.reportFile, body);
      return { ok: true };
    },
  };

  #page() {
    if (!this.page) throw Object.assign(new Error('no workbench page'), { status: 503 });
    return this.page;
  }

  #handle(req, res) {
    // The web worker host calls from the workbench's origin: allowed, as the token still guards the endpoints.
    const reply = (status, obj) => {
      res.writeHead(status, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
      res.end(JSON.stringify(obj));
    };
    const [, token, name] = /^\/([^/]*)\/([^/]*)$/.exec(req.url ?? '') ?? [];
    const route = token === this.#token && Object.hasOwn(this.#routes, name) ? this.#routes[name] : undefined;
    if (req.method !== 'POST' || !route) return reply(404, { error: 'not found' });
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      route(body).then(
        (result) => reply(200, result),
        (err) => reply(err?.status ?? 500, { error: String(err?.message ?? err) }),
      );
    });
  }
}
