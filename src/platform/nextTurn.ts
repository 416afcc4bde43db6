/**
 * Resolves on a later turn of the event loop, after what is waiting there
 * (a keystroke, a hover request): long work done in slices awaits it between
 * slices. One waiter is resumed per turn, in the order they asked: sixteen
 * pack files read back at once are sixteen chains of slices, and resumed
 * together their slices would run back to back, holding the host for all
 * of them.
 */
export function nextTurn(): Promise<void> {
  return new Promise<void>((resolve) => {
    waiting.push(resolve);
    if (!scheduled) {
      scheduled = true;
      schedule(resumeOne);
    }
  });
}

const waiting: (() => void)[] = [];
/** Where the next waiter is taken from the front of `waiting`. */
let head = 0;
let scheduled = false;

function resumeOne(): void {
  const resolve = waiting[head];
  waiting[head++] = NOTHING;
  if (head === waiting.length) {
    waiting.length = head = 0;
    scheduled = false;
  } else {
    // Chains that keep asking may never leave the queue empty: what was taken is dropped now and then.
    if (head >= 1024 && head * 2 >= waiting.length) {
      waiting.splice(0, head);
      head = 0;
    }
    schedule(resumeOne);
  }
  resolve();
}

const NOTHING = (): void => undefined;

/**
 * Runs `run` on the next turn: `setImmediate` where the extension host is
 * Node; in VS Code for the Web a message to itself, which, unlike a timer,
 * is not held back to 4 ms once slices follow one another.
 */
function schedule(run: () => void): void {
  if (typeof setImmediate === 'function') {
    setImmediate(run);
    return;
  }
  const Channel = (globalThis as unknown as { MessageChannel?: new () => BrowserChannel }).MessageChannel;
  if (typeof Channel === 'function') {
    const channel = new Channel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      run();
    };
    channel.port2.postMessage(undefined);
    return;
  }
  setTimeout(run, 0);
}

/** The browser's MessageChannel, as used here (the project compiles without the DOM library). */
interface BrowserChannel {
  port1: { onmessage: (() => void) | null; close(): void };
  port2: { postMessage(message: unknown): void };
}
