// Work done in steps (a generator that yields between them), run to its end at once.

/**
 * Milliseconds of steps the extension host runs per turn of its event loop
 * (a long draft's first check, an index built or readied, completion
 * buckets made for a request), then lets the loop run what waits: a
 * keystroke, a hover, the garbage collector's scavenge.
 */
export const SLICE_MS = 4;

/**
 * Runs steps of `steps` until they end or the clock (`now`) passes `until`,
 * at least one: a slice of work between two turns of the host.
 */
export function stepUntil<T>(steps: Iterator<void, T, void>, until: number, now: () => number): IteratorResult<void, T> {
  let r = steps.next();
  while (!r.done && now() < until) r = steps.next();
  return r;
}

/**
 * Runs `steps` to their end in slices of about `sliceMs` (`now` the clock),
 * `between` awaited before each (a turn of the host); stops before a slice
 * once `stopped` says so. What the last step returns, or undefined where it stopped.
 */
export async function inSlices<T>(
  steps: Iterator<void, T, void>,
  between: () => Promise<void>,
  sliceMs: number,
  now: () => number,
  stopped: () => boolean = () => false,
): Promise<{ value: T } | undefined> {
  for (;;) {
    await between();
    if (stopped()) return undefined;
    const r = stepUntil(steps, now() + sliceMs, now);
    if (r.done) return { value: r.value };
  }
}

/** Runs every step of `steps` now and returns what the last one returns. */
export function toEnd<T>(steps: Generator<void, T, void>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * Items sorted at once per step of `sortInSteps`, and items merged per step
 * after: a few milliseconds each with a comparator (labels compared by the
 * collator, 2,048 and 16,384 made steps of 10–16 ms at 100k facts).
 */
const SORT_RUN = 512;
const MERGE_STEP = 4096;

/**
 * `items` in the order `Array.prototype.sort` gives them with `compare`
 * (stable: equal items keep their order), in steps: runs of a few thousand
 * items are sorted one a step, then merged pairwise, yielding every few
 * thousand items merged. A list of 100,000 items sorted at once holds its
 * thread for a tenth of a second. `items` is reordered; the sorted list is
 * returned (it may be another array).
 */
export function* sortInSteps<T>(items: T[], compare: (a: T, b: T) => number): Generator<void, T[], void> {
  const n = items.length;
  if (n <= SORT_RUN) return items.sort(compare);
  for (let lo = 0; lo < n; lo += SORT_RUN) {
    const run = items.slice(lo, lo + SORT_RUN).sort(compare);
    for (let k = 0; k < run.length; k++) items[lo + k] = run[k];
    yield;
  }
  let from = items;
  let to = new Array<T>(n);
  let merged = 0;
  for (let width = SORT_RUN; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      let i = lo;
      let j = mid;
      let k = lo;
      while (i < mid && j < hi) {
        // Only a strictly smaller right item goes first: equal items keep their order.
        to[k++] = compare(from[j], from[i]) < 0 ? from[j++] : from[i++];
        if (++merged % MERGE_STEP === 0) yield;
      }
      while (i < mid) to[k++] = from[i++];
      while (j < hi) to[k++] = from[j++];
    }
    [from, to] = [to, from];
  }
  return from;
}
