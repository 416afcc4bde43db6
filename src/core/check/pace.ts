// When a task that runs in steps should yield: after a number of units of
// work, or sooner when its step has taken its share of time, whichever comes
// first. A unit (a paragraph, a quotation) usually costs microseconds, but
// some cost much more (a long quotation compared with many recordings), and
// a step must stay short however its units fall.

/** Milliseconds, as finely as the host gives them. */
export function now(): number {
  return typeof performance === 'undefined' ? Date.now() : performance.now();
}

/** The clock is read once per this many units: reading it costs more than most units. */
const CLOCK_EVERY = 4;

export class Pace {
  private units = 0;
  private since = -1;

  /**
   * @param units yield after this many units, however fast they went
   * @param ms yield once a step has run this long
   */
  constructor(
    private readonly maxUnits: number,
    private readonly ms: number,
  ) {}

  /** Counts a unit of work; true when the step should end here. The next step's clock starts at its first unit. */
  tick(): boolean {
    this.units++;
    if (this.since < 0) this.since = now();
    else if (this.units % CLOCK_EVERY !== 0 && this.units < this.maxUnits) return false;
    if (this.units < this.maxUnits && now() - this.since < this.ms) return false;
    this.units = 0;
    this.since = -1;
    return true;
  }

  /** Ends the step here: the caller yields for its own reasons. */
  reset(): void {
    this.units = 0;
    this.since = -1;
  }
}
