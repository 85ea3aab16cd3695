/** A YAML mapping as read: an object, not null and not a list. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Sets a key as the record's own property. `__proto__` from a file is a key like any other:
 * assigned plainly, it would replace the object's prototype instead (prototype pollution).
 */
export function setOwn(record: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
  else record[key] = value;
}

export function hasOwn(record: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(record, key);
}

/** A deep copy of data read from a file, where every key stays an own, plain key. */
export function dataCopy<T>(value: T): T {
  if (Array.isArray(value)) return value.map(dataCopy) as T;
  if (isRecord(value)) {
    const copy: Record<string, unknown> = {};
    for (const key of Object.keys(value)) setOwn(copy, key, dataCopy(value[key]));
    return copy as T;
  }
  return value;
}
