// Work done in steps (a generator that yields between them), run to its end at once.

/** Runs every step of `steps` now and returns what the last one returns. */
export function toEnd<T>(steps: Generator<void, T, void>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}
