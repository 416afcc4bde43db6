// The suite's plain report (test-results/integration.txt) and closing line,
// shared by the Node entry (index.ts) and the web worker entry (web/index.ts).

export interface Outcome {
  title: string;
  state: 'passed' | 'failed' | 'skipped';
  durationMs?: number;
  error?: string;
}

/** Printed first; scripts/run-vscode-tests.mjs starts relaying output at it. Keep the two in sync. */
export const SUITE_START_MARKER = '[agreement-cite] integration suite starting';

export function summaryLine(passed: number, failed: number, skipped: number): string {
  return `${passed} passed, ${failed} failed` + (skipped > 0 ? `, ${skipped} skipped` : '');
}

/** Counts the outcomes; `failures` is mocha's own count (a failing hook may not be a test). */
export function summarize(outcomes: Outcome[], failures: number): { passed: number; failed: number; skipped: number; summary: string } {
  const passed = outcomes.filter((o) => o.state === 'passed').length;
  const failed = Math.max(failures, outcomes.filter((o) => o.state === 'failed').length);
  const skipped = outcomes.filter((o) => o.state === 'skipped').length;
  return { passed, failed, skipped, summary: summaryLine(passed, failed, skipped) };
}

/** Records every test's outcome as mocha reports it. */
export function recordOutcomes(runner: Mocha.Runner, outcomes: Outcome[]): void {
  runner.on('pass', (t: Mocha.Test) => outcomes.push({ title: t.fullTitle(), state: 'passed', durationMs: t.duration }));
  runner.on('pending', (t: Mocha.Test) => outcomes.push({ title: t.fullTitle(), state: 'skipped' }));
  // Fires for failing tests and failing hooks (a failing hook counts as a failure).
  runner.on('fail', (t: Mocha.Runnable, err: unknown) =>
    outcomes.push({
      title: t.fullTitle(),
      state: 'failed',
      durationMs: t.duration,
      error: err instanceof Error ? (err.stack ?? err.message) : String(err),
    }),
  );
}

export function reportText(heading: string, files: string[], outcomes: Outcome[], summary: string, elapsedMs: number): string {
  const mark = { passed: 'ok  ', failed: 'FAIL', skipped: 'skip' } as const;
  return [
    heading,
    `files: ${files.join(', ') || '(none)'}`,
    '',
    ...outcomes.map((o) => `${mark[o.state]} ${o.title}${o.durationMs !== undefined ? ` (${o.durationMs} ms)` : ''}`),
    ...outcomes.filter((o) => o.state === 'failed').flatMap((o) => ['', `--- ${o.title}`, o.error ?? '(no error message)']),
    '',
    `time: ${(elapsedMs / 1000).toFixed(1)} s`,
    summary,
    '',
  ].join('\n');
}
