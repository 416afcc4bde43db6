// In Restricted Mode VS Code may ask "Do you trust the authors of the files in
// this folder?" in a modal dialog. The test window's settings (startupPrompt:
// never) normally prevent it; should it show anyway, it is answered "No" so
// that the run goes on untrusted instead of waiting on it until the timeout.

/** Answers the dialog each time it appears, until stop() is called or the page closes. */
export function answerTrustDialog(page, log) {
  let stopped = false;
  const noButton = page.getByRole('button', { name: /don't trust/i }).first();
  void (async () => {
    while (!stopped) {
      try {
        // Resolves when the button shows (no time limit); rejects when the page closes.
        await noButton.waitFor({ state: 'visible', timeout: 0 });
        if (stopped) return;
        await noButton.click();
        log('answered the workspace trust dialog with "No" (Restricted Mode)');
        await noButton.waitFor({ state: 'hidden', timeout: 0 });
      } catch {
        return; // the page closed or navigated away
      }
    }
  })();
  return { stop: () => (stopped = true) };
}
