// What the workbench shows, read from its DOM: the texts a test expects on
// screen (in a hover, a list, a webview), or a part of it gone.

/* global document -- the functions given to waitForFunction and evaluate run in the workbench page */

/** The visible text of the elements matching `within` (the whole page if none), white space made single. */
function visibleText(within) {
  const roots = within ? [...document.querySelectorAll(within)] : [document.body];
  return roots
    .map((r) => r.innerText ?? '')
    .join('\n')
    .replace(/\s+/g, ' ');
}

const loose = (t) => String(t).replace(/\s+/g, ' ');

/**
 * The text of every frame of the page that is shown (webviews are frames
 * within frames), for `frames: true`. A webview loads its content in a
 * hidden frame and shows it once loaded: text in a frame that is not yet
 * shown is not on screen.
 */
async function textInFrames(page, within) {
  const texts = await Promise.all(page.frames().map(async (f) => ((await frameShown(f)) ? f.evaluate(visibleText, within).catch(() => '') : '')));
  return texts.join('\n');
}

/** Whether a frame and every frame around it are shown: each frame element visible (a box, not visibility: hidden). */
async function frameShown(frame) {
  for (let f = frame; f.parentFrame(); f = f.parentFrame()) {
    const element = await f.frameElement().catch(() => undefined);
    if (!element || !(await element.isVisible().catch(() => false))) return false;
  }
  return true;
}

/**
 * Waits until the workbench shows every text of `texts` (inside the elements
 * matching `within`, if given; in any frame, webviews included, with
 * `frames`), and until no element matching `hidden` is visible. Rejects after
 * `timeoutMs`, saying what was on screen instead.
 */
export async function untilShown(page, { texts = [], within, hidden, frames = false, timeoutMs = 30_000 }) {
  if (!page) throw new Error('no workbench page');
  const wanted = texts.map(loose);
  const deadline = Date.now() + timeoutMs;
  try {
    if (wanted.length > 0 && !frames) {
      await page.waitForFunction(
        ([wanted, within]) => {
          // visibleText(), inlined: the function runs in the page, without this module.
          const roots = within ? [...document.querySelectorAll(within)] : [document.body];
          const seen = roots
            .map((r) => r.innerText ?? '')
            .join('\n')
            .replace(/\s+/g, ' ');
          return wanted.every((t) => seen.includes(t));
        },
        [wanted, within],
        { timeout: timeoutMs, polling: 100 },
      );
    } else if (wanted.length > 0) {
      // Frames come and go (a webview loads its content in a frame of its own): asked again until the deadline.
      for (;;) {
        const seen = await textInFrames(page, within);
        if (wanted.every((t) => seen.includes(t))) break;
        if (Date.now() > deadline) throw new Error('timeout');
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    if (hidden) await page.waitForSelector(hidden, { state: 'hidden', timeout: Math.max(1, deadline - Date.now()) });
  } catch (cause) {
    const seen = await (frames ? textInFrames(page, within) : page.evaluate(visibleText, within)).catch(() => '?');
    throw new Error(
      `the workbench did not show ${wanted.map((t) => `"${t}"`).join(', ') || 'the change'}${within ? ` in ${within}` : ''}${hidden ? ` with ${hidden} hidden` : ''} within ${timeoutMs} ms; it showed: ${seen.slice(0, 400)}`,
      { cause },
    );
  }
}
