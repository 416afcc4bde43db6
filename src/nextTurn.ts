/**
 * Resolves on the next turn of the event loop, after what is waiting there
 * (a keystroke, a hover request): long work done in slices awaits it between
 * slices. `setImmediate` where the extension host is Node, a timer in VS Code
 * for the Web.
 */
export function nextTurn(): Promise<void> {
  return new Promise<void>((resolve) => (typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0)));
}
