// Activation as the suites judge it: against the budget the benchmark uses
// (scripts/bench/budgets.json; DESIGN.md: code load + activate under 20 ms).

import * as assert from 'assert';
import budgets from '../../scripts/bench/budgets.json';
import type { AgreementCiteApi } from '../../src/extension';

/** Code load + activate(), in milliseconds: the benchmark's target for every host. */
export const ACTIVATION_BUDGET_MS: number = budgets.activationMs;

/**
 * The benchmark judges the budget on the median of several runs on a quiet
 * machine. One activation on a shared test machine under load takes many
 * times longer (743 ms in the web worker host, 147 to 404 ms in the Node
 * host, with eighteen processes waiting for two cores), so a test fails only
 * past this many budgets: what no load explains, such as a pack parsed inside
 * activate().
 */
export const LOADED_MACHINE_ALLOWANCE = 100;

export interface ActivationVerdict {
  loadMs: number;
  activationMs: number;
  /** Load + activate. */
  totalMs: number;
  budgetMs: number;
  /** Whether this one activation was within the budget itself (reported; the benchmark asserts it). */
  withinBudget: boolean;
}

/** Asserts that the extension recorded its load and activation times, and that they are within the budget and its allowance. */
export function judgeActivation(api: Pick<AgreementCiteApi, 'loadMs' | 'activationMs'>): ActivationVerdict {
  const { loadMs, activationMs } = api;
  assert.ok(
    typeof activationMs === 'number' && Number.isFinite(activationMs) && activationMs > 0,
    `the extension records how long activate() took (${activationMs})`,
  );
  assert.ok(typeof loadMs === 'number' && Number.isFinite(loadMs) && loadMs > 0, `the extension records how long its bundle took to evaluate (${loadMs})`);
  const totalMs = loadMs + activationMs;
  const limit = ACTIVATION_BUDGET_MS * LOADED_MACHINE_ALLOWANCE;
  assert.ok(
    totalMs < limit,
    `load ${loadMs.toFixed(1)} ms + activate ${activationMs.toFixed(1)} ms is over ${LOADED_MACHINE_ALLOWANCE} times the ${ACTIVATION_BUDGET_MS} ms budget`,
  );
  return { loadMs, activationMs, totalMs, budgetMs: ACTIVATION_BUDGET_MS, withinBudget: totalMs < ACTIVATION_BUDGET_MS };
}

/** The verdict in words, for the suite's output. */
export function describeVerdict(v: ActivationVerdict): string {
  return `load + activate ${v.totalMs.toFixed(1)} ms: ${v.withinBudget ? 'within' : 'over'} the ${v.budgetMs} ms budget`;
}
