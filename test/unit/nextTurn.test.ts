import assert from 'node:assert/strict';
import { nextTurn } from '../../src/platform/nextTurn';

suite('nextTurn: work in slices gives the host a turn between slices', () => {
  /** Counts the event loop's turns while `work` runs: a ticker that runs once a turn. */
  async function countingTurns(work: (turn: () => number) => Promise<void>): Promise<void> {
    let turn = 0;
    let running = true;
    const tick = (): void => {
      turn++;
      if (running) setImmediate(tick);
    };
    setImmediate(tick);
    try {
      await work(() => turn);
    } finally {
      running = false;
    }
  }

  test('many chains of slices at once: one slice a turn, in turn, so the host waits for one slice at most', async () => {
    await countingTurns(async (turn) => {
      const resumed: { chain: number; turn: number }[] = [];
      const chain = async (c: number): Promise<void> => {
        for (let step = 0; step < 5; step++) {
          await nextTurn();
          resumed.push({ chain: c, turn: turn() });
        }
      };
      await Promise.all(Array.from({ length: 16 }, (_, c) => chain(c)));
      assert.equal(resumed.length, 80);
      const turns = resumed.map((r) => r.turn);
      assert.equal(new Set(turns).size, 80, 'no two slices in one turn');
      // Round robin: each chain's next slice comes after every other chain's.
      assert.deepEqual(
        resumed.slice(0, 32).map((r) => r.chain),
        [...Array.from({ length: 16 }, (_, c) => c), ...Array.from({ length: 16 }, (_, c) => c)],
      );
    });
  });

  test('a waiter that asks again while others wait goes to the back; a long queue is worked through', async () => {
    const order: string[] = [];
    const a = (async () => {
      await nextTurn();
      order.push('a1');
      await nextTurn();
      order.push('a2');
    })();
    const b = (async () => {
      await nextTurn();
      order.push('b1');
    })();
    await Promise.all([a, b]);
    assert.deepEqual(order, ['a1', 'b1', 'a2']);
    let done = 0;
    await Promise.all(Array.from({ length: 3000 }, () => nextTurn().then(() => done++)));
    assert.equal(done, 3000);
  });
});
