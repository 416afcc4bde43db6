// Debian's Chromium, headless, driven by playwright-core: the browser that
// shows the workbench. Playwright must never download a browser here.

import { chromium } from 'playwright-core';
import { chromiumPath } from '../vscode-test-env.mjs';

/** The size of the window the workbench (and every screenshot) gets. */
export const VIEWPORT = Object.freeze({ width: 1400, height: 900 });

/** Launches Chromium with its files in the run's folder (`xdg`), registers its closing, and opens one page. */
export async function openBrowserPage({ xdg, cleanup, locale }) {
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    timeout: 60_000,
    // Chromium creates ~/.config/chromium/Crash Reports even with a temporary profile.
    env: { ...process.env, ...xdg },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  cleanup.add(() => browser.close());
  const context = await browser.newContext({ viewport: VIEWPORT, ...(locale ? { locale } : {}) });
  return context.newPage();
}
