/** Priority queue of items 0..capacity-1 as the shortest-path searches use it. */
export interface MinQueue {
  readonly size: number;
  /** smallest key; only valid when size > 0 */
  minKey(): number;
  /** inserts the item, or lowers its key if it is queued with a larger one */
  push(item: number, key: number): void;
  /** removes and returns an item with the smallest key; only valid when size > 0 */
  pop(): number;
  /** empties the queue in time proportional to what it holds */
  clear(): void;
}

/**
 * Binary min-heap of items 0..capacity-1 keyed by numbers, with decrease-key, on typed arrays.
 * Keeping each item at most once bounds memory by the item count (a lazy heap would grow with
 * every relaxation).
 */
export class IndexedMinHeap implements MinQueue {
  private readonly items: Int32Array;
  private readonly keys: Float64Array;
  /** heap slot of each item, -1 when absent */
  private readonly slot: Int32Array;
  private count = 0;

  constructor(capacity: number) {
    this.items = new Int32Array(capacity);
    this.keys = new Float64Array(capacity);
    this.slot = new Int32Array(capacity).fill(-1);
  }

  get size(): number {
    return this.count;
  }

  /** Smallest key; only valid when size > 0. */
  minKey(): number {
    return this.keys[0] as number;
  }

  /** Inserts the item, or lowers its key if it is already queued with a larger one. */
  push(item: number, key: number): void {
    let at = this.slot[item] as number;
    if (at < 0) {
      at = this.count++;
    } else if (key >= (this.keys[at] as number)) {
      return;
    }
    this.siftUp(at, item, key);
  }

  /** Removes and returns the item with the smallest key; only valid when size > 0. */
  pop(): number {
    const { items, keys, slot } = this;
    const top = items[0] as number;
    slot[top] = -1;
    const last = --this.count;
    if (last > 0) this.siftDown(items[last] as number, keys[last] as number, last);
    return top;
  }

  /** Empties the heap in O(size), ready for the next search. */
  clear(): void {
    for (let k = 0; k < this.count; k++) this.slot[this.items[k] as number] = -1;
    this.count = 0;
  }

  private siftUp(at: number, item: number, key: number): void {
    const { items, keys, slot } = this;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      const parentKey = keys[parent] as number;
      if (parentKey <= key) break;
      const parentItem = items[parent] as number;
      items[at] = parentItem;
      keys[at] = parentKey;
      slot[parentItem] = at;
      at = parent;
    }
    items[at] = item;
    keys[at] = key;
    slot[item] = at;
  }

  /** Places `item` (taken from slot `end`, now outside the heap) starting at the root. */
  private siftDown(item: number, key: number, end: number): void {
    const { items, keys, slot } = this;
    let at = 0;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= end) break;
      let childKey = keys[child] as number;
      const right = child + 1;
      if (right < end && (keys[right] as number) < childKey) {
        child = right;
        childKey = keys[right] as number;
      }
      if (childKey >= key) break;
      const childItem = items[child] as number;
      items[at] = childItem;
      keys[at] = childKey;
      slot[childItem] = at;
      at = child;
    }
    items[at] = item;
    keys[at] = key;
    slot[item] = at;
  }
}
