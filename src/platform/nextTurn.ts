/**
 * Resolves on the next turn of the event loop, after what is waiting there
 * (a keystroke, a hover request): long work done in slices awaits it between
 * slices. `setImmediate` where the extension host is Node; in VS Code for the
 * Web a message to itself, which, unlike a timer, is not held back to 4 ms
 * once slices follow one another.
 */
export function nextTurn(): Promise<void> {
  if (typeof setImmediate === 'function') return new Promise<void>((resolve) => setImmediate(resolve));
  const Channel = (globalThis as unknown as { MessageChannel?: new () => BrowserChannel }).MessageChannel;
  if (typeof Channel === 'function') {
    return new Promise<void>((resolve) => {
      const channel = new Channel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(undefined);
    });
  }
  return new Promise<void>((resolve) => setTimeout(resolve, 0));
}

/** The browser's MessageChannel, as used here (the project compiles without the DOM library). */
interface BrowserChannel {
  port1: { onmessage: (() => void) | null; close(): void };
  port2: { postMessage(message: unknown): void };
}
