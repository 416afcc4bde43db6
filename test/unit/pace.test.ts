import * as assert from 'assert';
import { now, Pace } from '../../src/core/check/pace';

suite('pace: when a task in steps yields', () => {
  test('after the number of units, however fast they went', () => {
    const pace = new Pace(32, 60_000);
    const ends: number[] = [];
    for (let i = 1; i <= 100; i++) if (pace.tick()) ends.push(i);
    assert.deepStrictEqual(ends, [32, 64, 96]);
  });

  test('sooner, once a step has run its time: a slow unit ends the step', () => {
    const pace = new Pace(1_000_000, 5);
    const started = now();
    let units = 0;
    while (!pace.tick()) {
      units++;
      while (now() - started < 2 * units); // each unit takes about 2 ms
    }
    const took = now() - started;
    assert.ok(took >= 5, `the step ended after ${took.toFixed(1)} ms, before its 5 ms`);
    assert.ok(units < 16, `${units} units of 2 ms ran in one step of 5 ms`);
  });

  test('the clock of a step starts at its first unit, not when the last step ended', async () => {
    const pace = new Pace(1_000_000, 20);
    pace.tick();
    pace.reset();
    await new Promise((r) => setTimeout(r, 40));
    // The wait between steps is not the step's: the next units are a new step.
    for (let i = 0; i < 8; i++) assert.strictEqual(pace.tick(), false);
  });
});
