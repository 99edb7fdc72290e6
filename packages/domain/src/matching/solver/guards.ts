/** Programming guards: the API layer never sends invalid input, so these only catch bugs early. */

export function checkCount(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0 || value > 0x7fffffff) {
    throw new RangeError(`${name} must be a non-negative integer below 2^31, got ${value}`);
  }
}

export function checkWeight(weight: number, where: string): void {
  if (!Number.isSafeInteger(weight) || weight < 0) {
    throw new RangeError(`weight of ${where} must be a non-negative safe integer, got ${weight}`);
  }
}

export function checkIndex(name: string, value: number, limit: number): void {
  if (!Number.isInteger(value) || value < 0 || value >= limit) {
    throw new RangeError(`${name} ${value} is out of range 0..${limit - 1}`);
  }
}
