import type * as vscode from 'vscode';
import type { FactStore } from '../core/facts/factStore';
import { preparationSteps } from '../core/cite/search';
import { now } from '../core/check/pace';
import { SLICE_MS, stepUntil } from '../core/steps';

/**
 * Builds, in idle moments after activation, what the first hover, completion
 * and picker would otherwise build while the writer waits: the bundled index
 * itself (FactStore builds it on first use), then its completion buckets and
 * picker rows. A few milliseconds of steps per turn of the event loop, so
 * that a request arriving meanwhile waits for that at most
 * (docs/PERFORMANCE.md). An index made later, when writers' packs change, is
 * readied by the store in the same way once it is in use (its `readying`
 * steps, src/extension.ts).
 */
export function prepareInIdleMoments(store: FactStore): vscode.Disposable {
  let steps: Iterator<void, void, void> | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const runNext = (): void => {
    // The first turn builds the bundled index (FactStore builds it on first use); the next ones ready it.
    if (steps === undefined) steps = preparationSteps(store.index);
    else if (stepUntil(steps, now() + SLICE_MS, now).done) return void (timer = undefined);
    timer = setTimeout(runNext, 0);
  };
  timer = setTimeout(runNext, 0);
  return { dispose: () => clearTimeout(timer) };
}
