import type * as vscode from 'vscode';
import type { FactStore } from '../core/facts/factStore';
import { preparationSteps } from '../core/cite/search';

/**
 * Builds, in idle moments after activation, what the first hover, completion
 * and picker would otherwise build while the writer waits: the bundled index
 * itself (FactStore builds it on first use), then its completion buckets and
 * picker rows. One small step per turn of the event loop, so that a request
 * arriving meanwhile waits for one step at most (docs/PERFORMANCE.md). An
 * index made later, when writers' packs change, is readied by the store
 * before it is put in use (its `readying` steps, src/extension.ts).
 */
export function prepareInIdleMoments(store: FactStore): vscode.Disposable {
  let queue: (() => void)[] = [() => queue.push(...preparationSteps(store.index))];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const runNext = (): void => {
    timer = undefined;
    queue.shift()?.();
    if (queue.length > 0) timer = setTimeout(runNext, 0);
  };
  timer = setTimeout(runNext, 0);
  return {
    dispose: () => {
      if (timer) clearTimeout(timer);
      queue = [];
    },
  };
}
