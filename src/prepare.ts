import type * as vscode from 'vscode';
import type { FactStore } from './core/factStore';
import { preparationSteps } from './core/search';

/**
 * Builds, in idle moments, what the first hover, completion and picker would
 * otherwise build while the writer waits: the index itself after activation
 * (FactStore builds it on first use), then the completion buckets and the
 * picker's rows, again after each change of packs. One small step per turn of
 * the event loop, so that a request arriving meanwhile waits for one step at
 * most, not for all of them (docs/PERFORMANCE.md).
 */
export function prepareInIdleMoments(store: FactStore): vscode.Disposable {
  let queue: (() => void)[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const runNext = (): void => {
    timer = undefined;
    queue.shift()?.();
    if (queue.length > 0) timer = setTimeout(runNext, 0);
  };
  const prepare = (): void => {
    // Steps for a fact base that was replaced are dropped; the first new step reads the index then, not now.
    queue = [() => queue.push(...preparationSteps(store.index))];
    timer ??= setTimeout(runNext, 0);
  };
  prepare();
  const listener = store.onDidChange(prepare);
  return {
    dispose: () => {
      listener.dispose();
      if (timer) clearTimeout(timer);
      queue = [];
    },
  };
}
