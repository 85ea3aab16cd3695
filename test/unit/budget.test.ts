import { budgetTotals } from '../../src/derive/budget.js';
import type { Project } from '../../src/generated/model.js';
import { examples, loadExample } from '../helpers.js';

const project = (items: NonNullable<NonNullable<Project['needs']>['budget']>['items'], currency?: string): Project => ({
  version: 1,
  needs: { budget: { ...(currency ? { currency } : {}), items } },
});

describe('budget totals', () => {
  test('separates one-off and recurring, brings recurring to a year, and totals three years', () => {
    const totals = budgetTotals(
      project([
        { item: 'Setup', amount: 500, kind: 'one-off' },
        { item: 'Training', amount: 300, kind: 'one-off' },
        { item: 'Subscription', amount: 20, kind: 'recurring', period: 'month' },
        { item: 'Support', amount: 50, kind: 'recurring', period: 'quarter' },
        { item: 'Hosting', amount: 100, kind: 'recurring', period: 'year' },
      ]),
    );
    expect(totals.oneOff).toBe(800);
    expect(totals.yearly).toBe(20 * 12 + 50 * 4 + 100);
    expect(totals.threeYear).toBe(800 + 3 * 540);
    expect(totals.currency).toBe('EUR');
  });

  test('a recurring cost with no period is yearly; money adds up without float drift', () => {
    const totals = budgetTotals(project([{ amount: 0.1, kind: 'one-off' }, { amount: 0.2, kind: 'one-off' }, { amount: 9.99, kind: 'recurring' }], 'GBP'));
    expect(totals.oneOff).toBe(0.3);
    expect(totals.yearly).toBe(9.99);
    expect(totals.threeYear).toBe(30.27);
    expect(totals.currency).toBe('GBP');
  });

  test('an empty budget totals zero', () => {
    expect(budgetTotals({ version: 1 })).toMatchObject({ oneOff: 0, yearly: 0, threeYear: 0, lines: [] });
  });

  test('matches a hand count on the French example', async () => {
    const example = await loadExample(examples.jardins);
    let oneOff = 0;
    let yearly = 0;
    for (const item of example.needs!.budget!.items!) {
      if (item.kind === 'recurring') yearly += item.amount! * { month: 12, quarter: 4, year: 1 }[item.period ?? 'year'];
      else oneOff += item.amount!;
    }
    const totals = budgetTotals(example);
    expect(totals.oneOff).toBeCloseTo(oneOff, 2);
    expect(totals.yearly).toBeCloseTo(yearly, 2);
    expect(totals.threeYear).toBeCloseTo(oneOff + 3 * yearly, 2);
  });
});
