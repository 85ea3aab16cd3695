/**
 * What only shows across projects: the tools an organisation has once its decisions are carried
 * out, what they cost, the uses served twice, the contracts to decide on, the reviews overdue,
 * the projects that stopped moving, and how the latest reviews went. Amounts stay in whole cents
 * and in their own currency: euros and pounds are never added together.
 */
import { addDays } from '../util/dates.js';
import type { Status } from './reviews.js';
import { CONTRACT_NOTICE_DAYS } from './warnings.js';
import { compareText, fold, type ProjectSummary } from './portfolio.js';

export interface Money {
  currency: string;
  monthlyCents: number;
  yearlyCents: number;
}

export interface ToolInPlace {
  tool: string;
  uses: string[];
  /** An inventory's tool in place, or the tool a project chose. */
  source: 'inventory' | 'chosen';
  /** For a chosen tool: the project that chose it. */
  project?: string;
  currency: string;
  /** Unknown costs are left out of the sums, never counted as free. */
  monthlyCents?: number;
  yearlyCents?: number;
}

export interface OrganisationTotals {
  /** As first written (in file order); undefined for projects that name none. */
  name?: string;
  projects: number;
  tools: ToolInPlace[];
  costs: Money[];
  usability?: { mean: number; respondents: number; projects: number };
  objectives: Record<Status, number>;
}

export interface ProjectRef {
  organisation?: string;
  title?: string;
  file: string;
}

export interface PortfolioTotals {
  organisations: OrganisationTotals[];
  costs: Money[];
  overlaps: { organisation?: string; use: string; tools: string[] }[];
  contracts: (ProjectRef & { tool: string; date: string })[];
  overdue: (ProjectRef & { due: string })[];
  stalled: (ProjectRef & { latest: string })[];
  objectives: Record<Status, number>;
}

const ref = (s: ProjectSummary): ProjectRef => ({ ...(s.organisation ? { organisation: s.organisation } : {}), ...(s.title ? { title: s.title } : {}), file: s.file });

function addMoney(into: Map<string, Money>, currency: string, monthlyCents: number, yearlyCents: number): void {
  const sum = into.get(currency) ?? { currency, monthlyCents: 0, yearlyCents: 0 };
  sum.monthlyCents += monthlyCents;
  sum.yearlyCents += yearlyCents;
  into.set(currency, sum);
}

const byCurrency = (sums: Map<string, Money>) => [...sums.values()].sort((a, b) => (a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0));

/**
 * The tools of one organisation: an inventory's tool is counted once however many projects list
 * it (by name, case and accents aside), and goes once a project that replaces it has chosen its
 * successor, unless another project keeps it. A chosen tool serves the uses of what it replaces.
 */
function organisationTools(projects: readonly ProjectSummary[]): ToolInPlace[] {
  const inventory = new Map<string, { entry: ToolInPlace; stays: boolean }>();
  const chosen: ToolInPlace[] = [];
  for (const project of projects) {
    const decided = project.chosen !== undefined;
    for (const item of project.inventory) {
      const key = fold(item.tool);
      const stays = !(decided && item.fate === 'replaced');
      const known = inventory.get(key);
      if (!known) {
        inventory.set(key, {
          entry: { tool: item.tool, uses: item.use ? [item.use] : [], source: 'inventory', currency: project.currency, ...(item.monthlyCents !== undefined ? { monthlyCents: item.monthlyCents, yearlyCents: item.monthlyCents * 12 } : {}) },
          stays,
        });
        continue;
      }
      known.stays ||= stays;
      if (item.use && !known.entry.uses.some((use) => fold(use) === fold(item.use!))) known.entry.uses.push(item.use);
      // The first cost written is kept; a later file may fill one the first left blank.
      if (known.entry.monthlyCents === undefined && item.monthlyCents !== undefined) Object.assign(known.entry, { monthlyCents: item.monthlyCents, yearlyCents: item.monthlyCents * 12, currency: project.currency });
    }
    if (project.chosen) {
      const uses = project.inventory.filter((item) => item.fate === 'replaced' && item.use).map((item) => item.use!);
      const { name, known, yearlyCents } = project.chosen;
      chosen.push({
        tool: name,
        uses: [...new Map(uses.map((use) => [fold(use), use])).values()],
        source: 'chosen',
        ...(project.title ? { project: project.title } : {}),
        currency: project.currency,
        ...(known ? { yearlyCents, monthlyCents: Math.round(yearlyCents / 12) } : {}),
      });
    }
  }
  const kept = [...inventory.values()].filter((tool) => tool.stays).map((tool) => tool.entry);
  return [...kept, ...chosen].sort((a, b) => compareText(a.tool, b.tool));
}

function overlapsOf(name: string | undefined, tools: readonly ToolInPlace[]): PortfolioTotals['overlaps'] {
  const byUse = new Map<string, { use: string; tools: Map<string, string> }>();
  for (const tool of tools) {
    for (const use of tool.uses) {
      const entry = byUse.get(fold(use)) ?? { use, tools: new Map<string, string>() };
      entry.tools.set(fold(tool.tool), tool.tool);
      byUse.set(fold(use), entry);
    }
  }
  return [...byUse.values()]
    .filter((entry) => entry.tools.size > 1)
    .map((entry) => ({ ...(name ? { organisation: name } : {}), use: entry.use, tools: [...entry.tools.values()].sort(compareText) }))
    .sort((a, b) => compareText(a.use, b.use));
}

/** `projects` in the order they are shown; files with problems are not among them. */
export function portfolioTotals(projects: readonly ProjectSummary[], today: string): PortfolioTotals {
  const groups = new Map<string, ProjectSummary[]>();
  for (const project of [...projects].sort((a, b) => compareText(a.file, b.file))) {
    const key = fold(project.organisation ?? '');
    const members = groups.get(key);
    if (members) members.push(project);
    else groups.set(key, [project]);
  }
  const overall = new Map<string, Money>();
  const objectives: Record<Status, number> = { met: 0, partial: 0, unmet: 0 };
  const organisations: OrganisationTotals[] = [];
  const overlaps: PortfolioTotals['overlaps'] = [];
  const contracts: PortfolioTotals['contracts'] = [];
  const horizon = addDays(today, CONTRACT_NOTICE_DAYS);

  for (const members of groups.values()) {
    const name = members.find((p) => p.organisation)?.organisation;
    const tools = organisationTools(members);
    const costs = new Map<string, Money>();
    for (const tool of tools) {
      if (tool.monthlyCents === undefined || tool.yearlyCents === undefined) continue;
      addMoney(costs, tool.currency, tool.monthlyCents, tool.yearlyCents);
      addMoney(overall, tool.currency, tool.monthlyCents, tool.yearlyCents);
    }
    const own: Record<Status, number> = { met: 0, partial: 0, unmet: 0 };
    let scores = 0;
    let respondents = 0;
    let scored = 0;
    for (const project of members) {
      for (const status of ['met', 'partial', 'unmet'] as const) own[status] += project.objectives[status];
      if (project.usability) {
        scored++;
        respondents += project.usability.respondents;
        scores += project.usability.scores.reduce((sum, score) => sum + score, 0);
      }
    }
    for (const status of ['met', 'partial', 'unmet'] as const) objectives[status] += own[status];
    organisations.push({
      ...(name ? { name } : {}),
      projects: members.length,
      tools,
      costs: byCurrency(costs),
      ...(respondents > 0 ? { usability: { mean: Math.round((scores / respondents) * 10) / 10, respondents, projects: scored } } : {}),
      objectives: own,
    });
    overlaps.push(...overlapsOf(name, tools));

    // A contract is one decision for the organisation, however many projects list the tool.
    const seen = new Set<string>();
    for (const project of members) {
      for (const item of project.inventory) {
        const key = `${fold(item.tool)} ${item.contractEnd}`;
        if (!item.contractEnd || item.contractEnd < today || item.contractEnd > horizon || seen.has(key)) continue;
        seen.add(key);
        contracts.push({ ...ref(project), tool: item.tool, date: item.contractEnd });
      }
    }
  }
  const byName = (a: { name?: string }, b: { name?: string }) => (a.name === undefined ? 1 : b.name === undefined ? -1 : compareText(a.name, b.name));
  return {
    organisations: organisations.sort(byName),
    costs: byCurrency(overall),
    overlaps,
    contracts: contracts.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : compareText(a.tool, b.tool))),
    overdue: projects.filter((p) => p.evaluation.state === 'overdue').map((p) => ({ ...ref(p), due: p.evaluation.due! })),
    stalled: projects.filter((p) => p.stalled).map((p) => ({ ...ref(p), latest: p.latest! })),
    objectives,
  };
}
