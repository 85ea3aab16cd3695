/** A step of a path into the data: a key, or an index in a list. */
export type PathSegment = string | number;

/**
 * Every value found at a path pattern such as `needs.schedule.milestones[].date`, with the
 * concrete path where it was found. Tolerates data of the wrong shape (it just finds less).
 */
export function valuesAt(data: unknown, pattern: string): { path: PathSegment[]; value: unknown }[] {
  const steps = pattern.split('.').flatMap((part) => {
    const name = part.replace(/\[\]/g, '');
    const lists = (part.match(/\[\]/g) ?? []).length;
    return [...(name ? [name] : []), ...Array<'[]'>(lists).fill('[]')];
  });
  let found: { path: PathSegment[]; value: unknown }[] = [{ path: [], value: data }];
  for (const step of steps) {
    const next: typeof found = [];
    for (const { path, value } of found) {
      if (step === '[]') {
        if (Array.isArray(value)) value.forEach((item, index) => next.push({ path: [...path, index], value: item }));
      } else if (value && typeof value === 'object' && !Array.isArray(value) && Object.prototype.hasOwnProperty.call(value, step)) {
        next.push({ path: [...path, step], value: (value as Record<string, unknown>)[step] });
      }
    }
    found = next;
  }
  return found;
}

/** `['keyUsers', 0, 'profile']` → `keyUsers[0].profile`: the way paths are shown and given in JSON. */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const segment of path) out += typeof segment === 'number' ? `[${segment}]` : out ? `.${segment}` : segment;
  return out;
}

/** The values at a path pattern, without their paths: for building sets of known ids. */
export function plainValuesAt(data: unknown, pattern: string): unknown[] {
  let found: unknown[] = [data];
  for (const part of pattern.split('.')) {
    const name = part.replace(/\[\]/g, '');
    const lists = (part.match(/\[\]/g) ?? []).length;
    if (name) found = found.flatMap((value) => (value && typeof value === 'object' && !Array.isArray(value) && Object.prototype.hasOwnProperty.call(value, name) ? [(value as Record<string, unknown>)[name]] : []));
    for (let i = 0; i < lists; i++) found = found.flatMap((value) => (Array.isArray(value) ? value : []));
  }
  return found;
}
