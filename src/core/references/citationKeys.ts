import type { Source } from '../types';

/*
 * Citation keys: the one table, built from the fact base, that every place a
 * key is written reads (Insert Citation, snippets, the Sources section,
 * BibTeX and CSL-JSON export). A key keeps only the characters every format
 * accepts, so two source ids can make the same key ("a.b" and "a-b"): the
 * first source in fact-base order (the bundled pack first, then each pack's
 * sources in file order) keeps the plain key, each later one gets "-2", "-3"…,
 * and the fact base reports the collision at the later source.
 */

/** A footnote label or citation key from a source id: only characters every format accepts. */
export function citationKey(sourceId: string): string {
  return sourceId.replace(/[^A-Za-z0-9_-]/g, '-');
}

export interface KeyCollision {
  /** The source that gets a suffixed key. */
  source: Source;
  key: string;
  /** The source that keeps the plain key. */
  keeps: Source;
}

/** Keys by source object, for every fact base whose table was made: a source belongs to one loaded pack. */
const keys = new WeakMap<Source, string>();

/**
 * Makes the key table of a fact base's sources (in fact-base order) and
 * returns the collisions it resolved; in steps, yielding every `perStep`
 * sources (a fact base of 100k facts cites tens of thousands).
 */
export function* assignCitationKeys(sources: readonly { source: Source }[], perStep = Infinity): Generator<void, KeyCollision[], void> {
  const taken = new Map<string, Source>();
  const collisions: KeyCollision[] = [];
  let n = 0;
  // Plain keys first, so that a source whose id is its key is never displaced by a later suffix.
  for (const { source } of sources) {
    if (++n % perStep === 0) yield;
    const key = citationKey(source.id);
    if (key === source.id && !taken.has(key)) taken.set(key, source);
  }
  for (const { source } of sources) {
    if (++n % perStep === 0) yield;
    const base = citationKey(source.id);
    if (taken.get(base) === source) {
      keys.set(source, base);
      continue;
    }
    let key = base;
    if (taken.has(key)) {
      let n = 2;
      while (taken.has(`${base}-${n}`)) n++;
      key = `${base}-${n}`;
      collisions.push({ source, key, keeps: taken.get(base)! });
    }
    taken.set(key, source);
    keys.set(source, key);
  }
  return collisions;
}

/** The key a source is cited by: from its fact base's table, else made from its id. */
export function keyOf(source: Source): string {
  return keys.get(source) ?? citationKey(source.id);
}
