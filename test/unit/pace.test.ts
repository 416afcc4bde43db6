import * as assert from 'assert';
import { now, Pace } from '../../src/core/check/pace';
import { proseSteps, proseText } from '../../src/core/document/prose';
import { findQuotations, quotationSteps } from '../../src/core/check/quotations';

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

suite('steps of a first check: the prose and the quotations of a long draft', () => {
  /** A draft of about `bytes` characters in `format`, with markup, quotations and a quotation split by the step boundary. */
  function longDraft(format: 'markdown' | 'latex' | 'html', bytes: number): string {
    const para = {
      markdown: 'Starmer said “we are able to” at the [launch](https://example.org/a) `code` <!-- note --> with a note.[^n1]\n\n',
      latex: "Starmer said ``we are able to'' at the launch.\\footnote{See \\url{https://example.org/a}.} % comment\n\n",
      html: '<p>Starmer said <q>we are able to</q> at the <a href="https://example.org/a">launch</a>.</p><!-- note -->\n\n',
    }[format];
    let text = format === 'markdown' ? '---\ndate: 2025-06-23\n---\n\n```\ncode “not a quote”\n```\n\n' : '';
    while (text.length < bytes) text += para;
    return text;
  }

  for (const format of ['markdown', 'latex', 'html'] as const) {
    test(`${format}: in steps, the same prose and quotations as in one go, with steps of a slice each`, () => {
      const text = longDraft(format, 300_000);
      let steps = 0;
      const prose = proseSteps(text, format, 65_536);
      let r = prose.next();
      for (; !r.done; r = prose.next()) steps++;
      assert.strictEqual(r.value, proseText(text, format));
      assert.ok(steps >= 4, `${steps} steps for 300 KB in slices of 64 KB`);
      // Another search between the steps (a hover) does not disturb the one under way.
      const quotes = quotationSteps(r.value, format, 65_536);
      let q = quotes.next();
      for (steps = 0; !q.done; q = quotes.next()) {
        steps++;
        findQuotations('He said “no” and “yes”.', format);
      }
      assert.deepStrictEqual(q.value, findQuotations(r.value, format));
      assert.ok(q.value.length > 1000, `${q.value.length} quotations`);
      assert.ok(steps >= 4, `${steps} steps`);
    });
  }

  test('a short text is found in one step', () => {
    const r = proseSteps('A “short” note.', 'markdown').next();
    assert.strictEqual(r.done, true);
  });
});
