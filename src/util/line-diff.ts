/**
 * A line diff that stays fast on large files whose every line is formatted a little differently
 * from the way `yaml` prints them: patience diffing. Lines that occur once on each side anchor
 * the alignment (a longest increasing run of them), and only the gaps between anchors are diffed
 * line by line. Time grows as n log n, not n × the number of differences.
 */
export interface Part {
  value: string[];
  added?: boolean;
  removed?: boolean;
}

/** A gap this small is diffed exactly; a larger one with no anchor is replaced whole. */
const EXACT_LIMIT = 4_000_000;

export async function lineDiff(a: readonly string[], b: readonly string[]): Promise<Part[]> {
  const parts: Part[] = [];
  const push = (value: string[], kind?: 'added' | 'removed') => {
    if (value.length === 0) return;
    const last = parts[parts.length - 1];
    const sameKind = last && Boolean(last.added) === (kind === 'added') && Boolean(last.removed) === (kind === 'removed');
    if (sameKind) for (const line of value) last.value.push(line);
    else parts.push(kind ? { value, [kind]: true } : { value });
  };
  const { diffArrays } = await import('diff');

  const diffRange = (aStart: number, aEnd: number, bStart: number, bEnd: number): void => {
    // Common lines at both ends are the usual case: a change touches a few lines in the middle.
    let start = 0;
    while (aStart + start < aEnd && bStart + start < bEnd && a[aStart + start] === b[bStart + start]) start++;
    let end = 0;
    while (aEnd - end > aStart + start && bEnd - end > bStart + start && a[aEnd - end - 1] === b[bEnd - end - 1]) end++;
    push(a.slice(aStart, aStart + start));
    const [as, ae, bs, be] = [aStart + start, aEnd - end, bStart + start, bEnd - end];
    if (as === ae || bs === be) {
      // Removed on one side only, or added: a removal is said before an addition, as diffArrays does.
      push(a.slice(as, ae), 'removed');
      push(b.slice(bs, be), 'added');
    } else {
      const anchors = uniqueAnchors(a, as, ae, b, bs, be);
      if (anchors.length > 0) {
        let [pa, pb] = [as, bs];
        for (const [ia, ib] of anchors) {
          diffRange(pa, ia, pb, ib);
          push([a[ia]!]);
          [pa, pb] = [ia + 1, ib + 1];
        }
        diffRange(pa, ae, pb, be);
      } else if ((ae - as) * (be - bs) <= EXACT_LIMIT) {
        for (const part of diffArrays(a.slice(as, ae), b.slice(bs, be))) push(part.value, part.added ? 'added' : part.removed ? 'removed' : undefined);
      } else {
        push(a.slice(as, ae), 'removed');
        push(b.slice(bs, be), 'added');
      }
    }
    push(a.slice(aEnd - end, aEnd));
  };
  diffRange(0, a.length, 0, b.length);
  return parts;
}

/** Lines found exactly once on each side, as index pairs, in the longest run that keeps order on both. */
function uniqueAnchors(a: readonly string[], as: number, ae: number, b: readonly string[], bs: number, be: number): [number, number][] {
  const counts = new Map<string, { a: number; b: number; ia: number; ib: number }>();
  for (let i = as; i < ae; i++) {
    const entry = counts.get(a[i]!);
    if (entry) entry.a++;
    else counts.set(a[i]!, { a: 1, b: 0, ia: i, ib: -1 });
  }
  for (let i = bs; i < be; i++) {
    const entry = counts.get(b[i]!);
    if (entry) {
      entry.b++;
      entry.ib = i;
    }
  }
  const pairs: [number, number][] = [];
  for (const entry of counts.values()) if (entry.a === 1 && entry.b === 1) pairs.push([entry.ia, entry.ib]);
  pairs.sort((x, y) => x[0] - y[0]);
  // Longest increasing subsequence of the b positions (patience sorting with back links).
  const tails: number[] = [];
  const back: number[] = new Array<number>(pairs.length);
  for (let i = 0; i < pairs.length; i++) {
    const value = pairs[i]![1];
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pairs[tails[mid]!]![1] < value) lo = mid + 1;
      else hi = mid;
    }
    back[i] = lo > 0 ? tails[lo - 1]! : -1;
    tails[lo] = i;
  }
  const run: [number, number][] = [];
  for (let i = tails.length > 0 ? tails[tails.length - 1]! : -1; i !== -1; i = back[i]!) run.push(pairs[i]!);
  return run.reverse();
}
