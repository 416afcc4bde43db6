/** Maps a table is split into. */
const SHARDS = 16;

/**
 * A map by id for a whole fact base's facts or sources, split into sixteen
 * maps by a hash of the id. A map grows by doubling, and moves every entry
 * as it does: one that reached 65,536 ids took 11 ms to add the next, and
 * 21–29 ms at 131,072, in one step of an index being built a slice at a
 * time. A map of a sixteenth of the ids grows sixteen times less at once.
 * It keeps no order: a caller that needs one keeps a list.
 */
export class IdMap<V> {
  private readonly shards: Map<string, V>[];

  constructor(from?: IdMap<V>) {
    this.shards = from ? from.shards.map((m) => new Map(m)) : Array.from({ length: SHARDS }, () => new Map<string, V>());
  }

  get size(): number {
    let n = 0;
    for (const m of this.shards) n += m.size;
    return n;
  }

  get(id: string): V | undefined {
    return this.shards[shardOf(id)].get(id);
  }

  has(id: string): boolean {
    return this.shards[shardOf(id)].has(id);
  }

  set(id: string, value: V): void {
    this.shards[shardOf(id)].set(id, value);
  }

  delete(id: string): void {
    this.shards[shardOf(id)].delete(id);
  }
}

/**
 * The shard of an id, by a hash of its length, its first three characters,
 * its last three and its middle one: ids of one fact base differ mostly at
 * their ends (a number, a place, a date), and reading seven characters, not
 * all of them, took most of the time out of finding a shard. Ids that
 * differ only elsewhere share a shard, and are found the same.
 */
function shardOf(id: string): number {
  const n = id.length;
  let h = n;
  for (let i = 0; i < n && i < 3; i++) h = (h * 31 + id.charCodeAt(i)) | 0;
  for (let i = n > 6 ? n - 3 : 3; i < n; i++) h = (h * 31 + id.charCodeAt(i)) | 0;
  if (n > 0) h = (h * 31 + id.charCodeAt(n >> 1)) | 0;
  return (h ^ (h >>> 4) ^ (h >>> 9)) & (SHARDS - 1);
}
