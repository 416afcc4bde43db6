// Timing helpers for the benchmark: high-resolution clocks, warm-up, and
// summaries as median with the 10th–90th percentile spread.

import { monitorEventLoopDelay, performance, PerformanceObserver } from 'node:perf_hooks';

/** Milliseconds taken by one call, and its result. */
export function timed(fn) {
  const t0 = performance.now();
  const result = fn();
  return [performance.now() - t0, result];
}

/**
 * Node's event loop delay histogram (resolution 1 ms), started and given its
 * first turn: it does not count the turn it was enabled in, so work begun at
 * once (the synchronous start of a load) would go unmeasured.
 */
export async function loopDelay() {
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  await new Promise((resolve) => setTimeout(resolve, 5));
  return delay;
}

/**
 * The garbage collector's pauses from now on (Node's `gc` performance
 * entries, each with its start and duration): `stop` resolves to them a turn
 * later, when the last ones have been delivered.
 */
export function collectorPauses() {
  const pauses = [];
  const observer = new PerformanceObserver((list) => pauses.push(...list.getEntries()));
  observer.observe({ entryTypes: ['gc'] });
  return {
    stop: async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      observer.disconnect();
      return pauses;
    },
  };
}

/** Lets the collector run between measurements when `--expose-gc` is on, so one step's garbage is not billed to the next. */
export function settle() {
  if (typeof globalThis.gc === 'function') globalThis.gc();
}

/**
 * Runs `fn` `warmup` times unmeasured (the JIT compiles the hot code), then
 * `reps` times measured; returns the samples in milliseconds.
 */
export function repeat(fn, { warmup = 1, reps = 10, value = false } = {}) {
  settle();
  for (let i = 0; i < warmup; i++) fn(i);
  const samples = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    const v = fn(i);
    // With `value`, fn times its own part (after preparing its input) and returns the milliseconds.
    samples.push(value ? v : performance.now() - t0);
  }
  return samples;
}

/**
 * Times one call per input, after a warm-up pass over the first inputs: the
 * distribution over many different requests (offsets, prefixes) rather than
 * one request repeated.
 */
export function perCall(inputs, fn, { warmup = Math.min(50, inputs.length) } = {}) {
  settle();
  for (let i = 0; i < warmup; i++) fn(inputs[i % inputs.length]);
  const samples = new Array(inputs.length);
  for (let i = 0; i < inputs.length; i++) {
    const t0 = performance.now();
    fn(inputs[i]);
    samples[i] = performance.now() - t0;
  }
  return samples;
}

function quantile(sorted, q) {
  if (sorted.length === 0) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

export function summary(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    n: sorted.length,
    median: quantile(sorted, 0.5),
    p10: quantile(sorted, 0.1),
    p90: quantile(sorted, 0.9),
    min: sorted[0],
    max: sorted[sorted.length - 1],
  };
}

/** A duration for people: µs below a millisecond, s above ten seconds. */
export function fmtMs(ms) {
  if (!Number.isFinite(ms)) return '–';
  if (ms < 0.01) return `${(ms * 1000).toFixed(1)} µs`;
  if (ms < 1) return `${(ms * 1000).toFixed(0)} µs`;
  if (ms < 10) return `${ms.toFixed(2)} ms`;
  if (ms < 10_000) return `${ms.toFixed(0)} ms`;
  return `${(ms / 1000).toFixed(1)} s`;
}

export function fmtBytes(bytes) {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} B`;
}
