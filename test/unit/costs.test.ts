import { toolCosts } from '../../src/derive/costs.js';
import { budgetTotals } from '../../src/derive/budget.js';
import type { BudgetItem, Candidate, Project } from '../../src/generated/model.js';
import { examples, loadExample } from '../helpers.js';

type Budget = NonNullable<NonNullable<Project['needs']>['budget']>;
type Inventory = NonNullable<NonNullable<NonNullable<Project['practices']>['vision']>['inventory']>;

/** One shortlisted tool with these costs, in a project with this budget and these tools in place. */
function withTool(tool: Partial<Candidate>, budget: Budget = {}, inventory: Inventory = []): Project {
  return {
    version: 1,
    needs: { budget },
    research: { candidates: [{ id: 'a', name: 'Outil A', shortlisted: true, ...tool }] },
    practices: { vision: { inventory } },
  };
}
const only = (project: Project) => toolCosts(project).tools[0]!;
const costs = (...items: BudgetItem[]) => ({ costs: items });

describe('the true cost of each tool', () => {
  test('a one-off cost counts once, whatever the horizon', () => {
    const tool = costs({ item: 'Paramétrage', amount: 450, kind: 'one-off' });
    expect(only(withTool(tool))).toMatchObject({ known: true, oneOff: 450, yearly: 0, recurring: 0, time: 0, total: 450, cash: 450, savings: 0, net: 450 });
    expect(only(withTool(tool, { horizon: 5 })).total).toBe(450);
  });

  test('a monthly cost counts twelve times a year, over the horizon (3 years by default)', () => {
    // 19.90 a month: 238.80 a year, 716.40 over three years.
    expect(only(withTool(costs({ amount: 19.9, kind: 'recurring', period: 'month' })))).toMatchObject({ yearly: 238.8, recurring: 716.4, total: 716.4 });
  });

  test('a quarterly cost counts four times a year', () => {
    // 45 a quarter: 180 a year, 540 over three years.
    expect(only(withTool(costs({ amount: 45, kind: 'recurring', period: 'quarter' })))).toMatchObject({ yearly: 180, recurring: 540, total: 540 });
  });

  test('a yearly cost, or a recurring one with no period, counts once a year', () => {
    // 100 + 60 a year: 160 a year, 480 over three years.
    const tool = costs({ amount: 100, kind: 'recurring', period: 'year' }, { amount: 60, kind: 'recurring' });
    expect(only(withTool(tool))).toMatchObject({ yearly: 160, recurring: 480, total: 480 });
  });

  test('the running time counts only once an hour has a value', () => {
    const tool = { hoursPerMonth: 4, ...costs({ amount: 100, kind: 'recurring', period: 'year' }) };
    // Without an hour value: the hours are known, their cost is not counted.
    expect(only(withTool(tool))).toMatchObject({ known: true, hoursPerMonth: 4, time: 0, total: 300 });
    // 4 h a month at 12.50: 50 a month, 600 a year, 1 800 over three years; plus 300 of licence.
    expect(only(withTool(tool, { hourValue: 12.5 }))).toMatchObject({ time: 1800, total: 2100, cash: 300, net: 2100 });
    // Hours alone make the costs known, even with no line.
    expect(only(withTool({ hoursPerMonth: 2.5 }, { hourValue: 10 }))).toMatchObject({ known: true, time: 900, total: 900 });
  });

  test('what it saves: the monthly cost of the tools it replaces, not of those kept or overlapping', () => {
    const inventory: Inventory = [
      { tool: 'Tableur', fate: 'replaced', monthlyCost: 0 },
      { tool: 'Logiciel de dons', fate: 'replaced', monthlyCost: 15 },
      { tool: 'Messagerie', fate: 'kept', monthlyCost: 30 },
      { tool: 'Agenda', fate: 'overlaps', monthlyCost: 10 },
      { tool: 'Sans coût connu', fate: 'replaced' },
    ];
    const tool = costs({ amount: 300, kind: 'one-off' }, { amount: 20, kind: 'recurring', period: 'month' });
    const comparison = toolCosts(withTool(tool, {}, inventory));
    // 15 a month saved: 180 a year, 540 over three years; the tool costs 300 + 3 × 240 = 1 020.
    expect(comparison.savedPerYear).toBe(180);
    expect(comparison.tools[0]).toMatchObject({ total: 1020, savings: 540, net: 480 });
    // A tool that costs less than what it replaces has a negative net cost: it saves money.
    expect(only(withTool(costs({ amount: 5, kind: 'recurring', period: 'month' }), {}, inventory))).toMatchObject({ total: 180, net: -360 });
  });

  describe('horizons of 1, 3 and 5 years, on one tool with every kind of cost', () => {
    // 500 once; 20 a month, 45 a quarter and 100 a year (240 + 180 + 100 = 520 a year);
    // 4 h a month at 12.50 (600 a year); replaces a tool of 15 a month (180 a year).
    const tool = {
      hoursPerMonth: 4,
      ...costs(
        { item: 'Paramétrage', amount: 500, kind: 'one-off', category: 'setup' },
        { item: 'Abonnement', amount: 20, kind: 'recurring', period: 'month', category: 'licence' },
        { item: 'Support', amount: 45, kind: 'recurring', period: 'quarter', category: 'maintenance' },
        { item: 'Nom de domaine', amount: 100, kind: 'recurring', period: 'year', category: 'hosting' },
      ),
    };
    const inventory: Inventory = [{ tool: 'Ancien logiciel', fate: 'replaced', monthlyCost: 15 }];
    test.each([
      // years, recurring, time, total, savings, net
      [1, 520, 600, 1620, 180, 1440],
      [3, 1560, 1800, 3860, 540, 3320],
      [5, 2600, 3000, 6100, 900, 5200],
    ])('over %i year(s)', (horizon, recurring, time, total, savings, net) => {
      const comparison = toolCosts(withTool(tool, { horizon, hourValue: 12.5 }, inventory));
      expect(comparison.horizon).toBe(horizon);
      expect(comparison.tools[0]).toMatchObject({ oneOff: 500, yearly: 520, recurring, time, total, cash: 500 + recurring, savings, net });
    });

    test('without a horizon, three years; the budget counts over the same horizon and keeps its three-year total', () => {
      expect(toolCosts(withTool(tool, { hourValue: 12.5 }, inventory)).tools[0]!.total).toBe(3860);
      const budget = budgetTotals(withTool({}, { horizon: 5, items: tool.costs }));
      // The budget has the same lines: 500 + 5 × 520 = 3 100 over five years, 500 + 3 × 520 = 2 060 over three, 1 020 the first year.
      expect(budget).toMatchObject({ horizon: 5, overHorizon: 3100, threeYear: 2060, firstYear: 1020 });
    });
  });

  test('cost per point of weighted score, from the net total', () => {
    const project: Project = {
      version: 1,
      needs: { budget: { hourValue: 10 } },
      keyUsers: [{ id: 'ana' }, { id: 'bob' }],
      research: {
        candidates: [
          { id: 'a', name: 'Cher et bon', shortlisted: true, costs: [{ amount: 50, kind: 'recurring', period: 'month' }] },
          { id: 'b', name: 'Libre', shortlisted: true, hoursPerMonth: 5, costs: [{ amount: 400, kind: 'one-off' }] },
          { id: 'c', name: 'Non chiffré', shortlisted: true },
          { id: 'd', name: 'Écarté', costs: [{ amount: 1, kind: 'one-off' }] },
        ],
      },
      poc: {
        criteria: [{ id: 'C1', weight: 3 }, { id: 'C2', weight: 1 }],
        scores: [
          // a: C1 4 and 4, C2 2: (3 × 4 + 1 × 2) / 4 = 3.5
          { candidate: 'a', by: 'ana', criterion: 'C1', score: 4 },
          { candidate: 'a', by: 'bob', criterion: 'C1', score: 4 },
          { candidate: 'a', by: 'ana', criterion: 'C2', score: 2 },
          // b: C1 3, C2 5: (9 + 5) / 4 = 3.5 as well; c: C1 2 and C2 2: 2
          { candidate: 'b', by: 'ana', criterion: 'C1', score: 3 },
          { candidate: 'b', by: 'ana', criterion: 'C2', score: 5 },
          { candidate: 'c', by: 'ana', criterion: 'C1', score: 2 },
          { candidate: 'c', by: 'ana', criterion: 'C2', score: 2 },
        ],
      },
    };
    const { tools } = toolCosts(project);
    expect(tools.map((t) => t.id)).toEqual(['a', 'b', 'c']);
    // a: 3 × 600 = 1 800, ÷ 3.5 = 514.29 a point.
    expect(tools[0]).toMatchObject({ total: 1800, weighted: 3.5, rank: 1, perPoint: 514.29 });
    // b: 400 + 5 h × 10 × 12 × 3 = 400 + 1 800 = 2 200, ÷ 3.5 = 628.57 a point: same score, dearer.
    expect(tools[1]).toMatchObject({ total: 2200, time: 1800, weighted: 3.5, rank: 1, perPoint: 628.57 });
    // c has a score but no known cost: no cost per point rather than a free tool.
    expect(tools[2]).toMatchObject({ known: false, total: 0, weighted: 2 });
    expect(tools[2]).not.toHaveProperty('perPoint');
  });

  test('the chosen tool counts even when not shortlisted; no tool, no figures', () => {
    const project: Project = { version: 1, research: { candidates: [{ id: 'a' }, { id: 'b' }] }, poc: { decision: { chosen: 'b' } } };
    expect(toolCosts(project).tools.map((t) => t.id)).toEqual(['b']);
    expect(toolCosts({ version: 1 })).toEqual({ currency: 'EUR', horizon: 3, savedPerYear: 0, tools: [] });
  });

  test('the food-bank example compares two tools that differ in cost and in score', async () => {
    const { tools } = toolCosts(await loadExample(examples.foodBank));
    expect(tools.length).toBeGreaterThanOrEqual(2);
    expect(tools.every((t) => t.known && t.weighted !== undefined && t.perPoint !== undefined)).toBe(true);
    expect(new Set(tools.map((t) => t.net)).size).toBe(tools.length);
    expect(new Set(tools.map((t) => t.weighted)).size).toBe(tools.length);
    // Rotaly: 650 once, 660 a year, 2 h a month at £12, less £10 a month saved: 650 + 1 980 + 864 − 360.
    // ShiftShare: cheap in money, 8 h a month of volunteer time: 80 + 261 + 3 456 − 360.
    expect(tools.map((t) => [t.id, t.net, t.weighted])).toEqual([
      ['rotaly', 3134, 4.22],
      ['shiftshare', 3437, 3.12],
    ]);
  });
});
