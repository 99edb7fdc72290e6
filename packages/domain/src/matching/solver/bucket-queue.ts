import type { MinQueue } from './indexed-heap';

/**
 * Most buckets a search may use. Each search walks its buckets once, so this bounds that overhead;
 * larger weights fall back to the binary heap.
 */
export const MAX_BUCKET_SPAN = 1 << 12;

/**
 * Dial's bucket queue for Dijkstra with integer keys in [low, low + span): O(1) push, decrease-key
 * and pop. Scores are small integers, so a search's distances all lie in [−maxWeight, 0) and the
 * buckets stay few; each bucket is an intrusive doubly-linked list over typed arrays.
 * Keys must be popped in non-decreasing order (true for Dijkstra on non-negative reduced costs).
 */
export class BucketQueue implements MinQueue {
  private readonly head: Int32Array;
  private readonly tail: Int32Array;
  private readonly next: Int32Array;
  private readonly prev: Int32Array;
  /** bucket of each item, −1 when absent */
  private readonly bucketOf: Int32Array;
  private cursor = 0;
  private highest = -1;
  private count = 0;

  constructor(
    capacity: number,
    private readonly low: number,
    span: number,
  ) {
    this.head = new Int32Array(span).fill(-1);
    this.tail = new Int32Array(span).fill(-1);
    this.next = new Int32Array(capacity);
    this.prev = new Int32Array(capacity);
    this.bucketOf = new Int32Array(capacity).fill(-1);
  }

  get size(): number {
    return this.count;
  }

  minKey(): number {
    const { head } = this;
    while (head[this.cursor] === -1) this.cursor++;
    return this.low + this.cursor;
  }

  push(item: number, key: number): void {
    const bucket = key - this.low;
    if (!(bucket >= this.cursor && bucket < this.head.length)) {
      // only reachable if reduced costs went negative: a bug, not an input problem
      throw new Error(`internal error: key ${key} is outside the queue's window`);
    }
    const current = this.bucketOf[item] as number;
    if (current >= 0) {
      if (bucket >= current) return;
      this.unlink(item, current);
    } else {
      this.count++;
    }
    // append: first in, first out within a bucket
    const last = this.tail[bucket] as number;
    this.prev[item] = last;
    this.next[item] = -1;
    if (last >= 0) this.next[last] = item;
    else this.head[bucket] = item;
    this.tail[bucket] = item;
    this.bucketOf[item] = bucket;
    if (bucket > this.highest) this.highest = bucket;
  }

  pop(): number {
    this.minKey();
    const item = this.head[this.cursor] as number;
    this.unlink(item, this.cursor);
    this.bucketOf[item] = -1;
    this.count--;
    return item;
  }

  clear(): void {
    const { head, next, bucketOf } = this;
    for (let bucket = this.cursor; bucket <= this.highest; bucket++) {
      for (let item = head[bucket] as number; item >= 0; item = next[item] as number)
        bucketOf[item] = -1;
      head[bucket] = -1;
      this.tail[bucket] = -1;
    }
    this.cursor = 0;
    this.highest = -1;
    this.count = 0;
  }

  private unlink(item: number, bucket: number): void {
    const before = this.prev[item] as number;
    const after = this.next[item] as number;
    if (before >= 0) this.next[before] = after;
    else this.head[bucket] = after;
    if (after >= 0) this.prev[after] = before;
    else this.tail[bucket] = before;
  }
}
