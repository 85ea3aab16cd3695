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
  for (const { name, lists } of stepsOf(pattern)) {
    if (name) {
      const next: unknown[] = [];
      for (const value of found) if (value && typeof value === 'object' && !Array.isArray(value) && Object.prototype.hasOwnProperty.call(value, name)) next.push((value as Record<string, unknown>)[name]);
      found = next;
    }
    for (let i = 0; i < lists; i++) {
      const next: unknown[] = [];
      for (const value of found) if (Array.isArray(value)) for (const item of value) next.push(item);
      found = next;
    }
  }
  return found;
}

// The same few patterns are read in every file of a portfolio: each is split once.
const patterns = new Map<string, { name: string; lists: number }[]>();
function stepsOf(pattern: string): { name: string; lists: number }[] {
  let steps = patterns.get(pattern);
  if (!steps) {
    steps = pattern.split('.').map((part) => ({ name: part.replace(/\[\]/g, ''), lists: (part.match(/\[\]/g) ?? []).length }));
    patterns.set(pattern, steps);
  }
  return steps;
}
