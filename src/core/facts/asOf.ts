import { compareIso, isoSpan } from '../document/dates';
import type { Fact, IsoDate, PackMeta, RoleHeld } from '../types';

/**
 * Facts age. A role period with no recorded end is a claim about the day the
 * pack was last checked, not about every day after it: the pack cannot know
 * today. These read a role "as of" that day.
 */

/**
 * On a date, a role period is `held`, `not-held`, or `unconfirmed`: open-ended
 * and begun, but the date is after the day it was last checked, so the pack
 * cannot say whether it still holds.
 */
export type RoleState = 'held' | 'not-held' | 'unconfirmed';

/** The day a role period was last checked: its own, else its fact's, else its pack's. */
export function checkedDayOf(held: RoleHeld, person: Pick<Fact, 'checked'> | undefined, meta: Pick<PackMeta, 'checked'> | undefined): IsoDate | undefined {
  return held.checked ?? person?.checked ?? meta?.checked;
}

/** The day a fact was last checked: its own, else its pack's. */
export function factCheckedDay(fact: Pick<Fact, 'checked'>, meta: Pick<PackMeta, 'checked'> | undefined): IsoDate | undefined {
  return fact.checked ?? meta?.checked;
}

/**
 * A role period on the days [first, last] (one day when they are equal). A
 * period with a recorded end is judged as it stands; an open-ended one holds
 * up to its checked day and is `unconfirmed` for days after it. Partial
 * dates cover their whole month or year.
 */
export function roleStateDuring(role: RoleHeld, first: IsoDate, last: IsoDate, checked: IsoDate | undefined): RoleState {
  const from = role.from ? isoSpan(role.from)?.first : undefined;
  const to = role.to ? isoSpan(role.to)?.last : undefined;
  if (from && compareIso(last, from) < 0) return 'not-held';
  if (to) return compareIso(first, to) > 0 ? 'not-held' : 'held';
  const known = checked ? isoSpan(checked)?.last : undefined;
  if (!known) return 'held';
  // Some day of [first, last], from the start of the role, up to the checked day: held then.
  const start = from && compareIso(from, first) > 0 ? from : first;
  return compareIso(start, known) <= 0 ? 'held' : 'unconfirmed';
}

/** A role period on one day. */
export function roleStateOn(role: RoleHeld, date: IsoDate, checked: IsoDate | undefined): RoleState {
  return roleStateDuring(role, date, date, checked);
}
