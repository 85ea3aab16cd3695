/**
 * Documents a board can use, and that stay still in git: the same bytes on two days unless a
 * state changed, no terminal command, no column empty on every row.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import MarkdownIt from 'markdown-it';
import { parse, stringify } from 'yaml';
import { adopt, tempDir, examples } from '../helpers.js';
import type { Project } from '../../src/generated/model.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(async () => cleanup());

/** Renders every document of the project as seen on `today`, and returns them by file name. */
async function documents(project: unknown, today: string, args: string[] = []): Promise<Map<string, string>> {
  await writeFile(path.join(dir, 'adopt.yaml'), stringify(project));
  const out = path.join(dir, `docs-${today}-${args.join('')}`);
  const result = await adopt(['render', '--out', out, ...args], { cwd: dir, env: { ADOPT_TODAY: today } });
  if (result.code !== 0) throw new Error(result.stderr);
  const found = new Map<string, string>();
  for (const name of (await readdir(out)).sort()) found.set(name, await readFile(path.join(out, name), 'utf8'));
  return found;
}

const load = async (file: string) => parse(await readFile(file, 'utf8')) as Project & Record<string, any>;

/** The food bank with two reviews, so that the evaluation report is written too. */
async function reviewed(): Promise<Project> {
  const project = await load(examples.foodBank);
  const [first, second] = project.needs!.objectives!;
  project.evaluation = {
    due: '2027-10-05',
    reviews: [
      { date: '2027-07-06', by: ['Sam'], objectives: [{ id: first!.id, status: 'partial' }, { id: second!.id, status: 'met' }], decision: 'adjust' },
      { date: '2027-10-06', by: ['Sam'], objectives: [{ id: first!.id, status: 'met', evidence: 'All shifts logged' }, { id: second!.id, status: 'met' }], decision: 'continue' },
    ],
  };
  return project;
}

/** What a first pass of `adopt init` leaves: the details it does not ask are missing. */
async function firstPass(): Promise<Project> {
  const project = await load(examples.jardins);
  for (const phase of project.deployment!.phases!) delete phase.scope;
  for (const item of project.practices!.communications!) delete item.channel;
  for (const item of project.practices!.vision!.inventory!) delete item.contractEnd;
  for (const peer of project.research!.peerFeedback ?? []) delete peer.takeaway;
  return project;
}

describe('files that stay still in git', () => {
  test.each([
    ['jardins', examples.jardins],
    ['foodBank', examples.foodBank],
    ['warnings', examples.warnings],
  ])('%s: two renders a day apart are byte for byte the same', async (_name, file) => {
    const project = await load(file);
    const before = await documents(project, '2026-11-27');
    const after = await documents(project, '2026-11-28');
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [name, text] of before) expect([name, after.get(name) === text]).toEqual([name, true]);
  });

  test('the evaluation report too, months apart', async () => {
    const project = await reviewed();
    const before = await documents(project, '2027-10-07');
    const after = await documents(project, '2027-12-20');
    expect(before.get('evaluation.md')).toBeDefined();
    for (const [name, text] of before) expect([name, after.get(name) === text]).toEqual([name, true]);
  });

  test('a state that changes changes the plan, with absolute dates only', async () => {
    const project = await load(examples.foodBank);
    const before = (await documents(project, '2027-02-16')).get('plan.md')!;
    const after = (await documents(project, '2027-02-17')).get('plan.md')!;
    expect(before).toContain('| 7. Training | ◷ planned, until 17 February 2027 |');
    expect(after).toContain('| 7. Training | ✓ complete |');
    // the evaluation, once overdue, says so with its date
    const late = (await documents(project, '2027-08-01')).get('plan.md')!;
    expect(late).toContain('**Evaluation date:** 5 July 2027 — ⚠ this date has passed');
    for (const text of [before, after, late]) expect(text).not.toMatch(/\b(in \d+ days|\d+ days ago|tomorrow|yesterday|Generated on)\b/);
  });

  test('--stamp adds the day to every document', async () => {
    const project = await reviewed();
    const stamped = await documents(project, '2027-10-07', ['--stamp']);
    for (const [name, text] of stamped) expect([name, text.includes('7 October 2027')]).toEqual([name, true]);
    expect(stamped.get('plan.md')).toContain('**Generated on:** 7 October 2027');
    expect((await documents(project, '2027-10-07')).get('plan.md')).not.toContain('7 October 2027');
  });
});

describe('documents for the board', () => {
  const projects: [string, () => Promise<unknown>][] = [
    ['a new file', async () => ({ version: 1, language: 'en', project: { title: 'T' } })],
    ['the warnings example', () => load(examples.warnings)],
    ['the French example, half done', async () => {
      const project = await load(examples.jardins);
      for (const key of ['research', 'poc', 'deployment', 'training', 'evaluation']) delete project[key];
      return project;
    }],
    ['a reviewed project', reviewed],
    ['a first pass', firstPass],
  ];

  test.each(projects)('no terminal command in any document: %s', async (_name, make) => {
    const docs = await documents(await make(), '2026-11-27');
    for (const [name, text] of docs) expect([name, text.match(/\badopt (init|edit|evaluate|render|status|calendar|validate|schema|help)\b/g)]).toEqual([name, null]);
  });

  /** Each table's columns, as lists of cell texts (header first). */
  function markdownTables(text: string): string[][][] {
    const tables: string[][][] = [];
    let rows: string[][] = [];
    let row: string[] = [];
    let cell: string | undefined;
    for (const token of new MarkdownIt().parse(text, {})) {
      if (token.type === 'table_open') rows = [];
      if (token.type === 'tr_open') row = [];
      if (token.type === 'th_open' || token.type === 'td_open') cell = '';
      if (token.type === 'inline' && cell !== undefined) cell += token.content;
      if (token.type === 'th_close' || token.type === 'td_close') (row.push(cell!.trim()), (cell = undefined));
      if (token.type === 'tr_close') rows.push(row);
      if (token.type === 'table_close') tables.push(rows[0]!.map((_, i) => rows.map((r) => r[i] ?? '')));
    }
    return tables;
  }

  function htmlTables(text: string): string[][][] {
    return [...text.matchAll(/<table[^>]*>([\s\S]*?)<\/table>/g)].map(([, body]) => {
      const rows = [...body!.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map(([, cells]) => [...cells!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map(([, inner]) => inner!.replace(/<[^>]+>/g, '').trim()));
      return rows[0]!.map((_, i) => rows.map((r) => r[i] ?? ''));
    });
  }

  test.each(projects)('no column empty on every row: %s', async (_name, make) => {
    const docs = await documents(await make(), '2026-11-27');
    for (const [name, text] of docs) {
      const tables = name.endsWith('.md') ? markdownTables(text) : htmlTables(text);
      for (const columns of tables) {
        for (const [header, ...cells] of columns) {
          // a total's row can be the only filled cell of a column: it is still a value
          if (cells.length === 0) continue;
          expect([name, header, cells.every((c) => c === '')]).toEqual([name, header, false]);
        }
      }
    }
  });

  test('the details a first pass leaves out are not printed as empty columns', async () => {
    const docs = await documents(await firstPass(), '2026-11-27');
    for (const format of ['md', 'html']) {
      const plan = docs.get(`plan.${format}`)!;
      const column = (header: string) => (format === 'md' ? ` ${header} |` : `<th scope="col">${header}</th>`);
      for (const header of ['Ce qu’elle couvre', 'Par quel moyen', 'Fin du contrat']) expect([format, header, plan.includes(column(header))]).toEqual([format, header, false]);
      // answered, they are shown
      const full = (await documents(await load(examples.jardins), '2026-11-27')).get(`plan.${format}`)!;
      for (const header of ['Ce qu’elle couvre', 'Par quel moyen', 'Fin du contrat']) expect(full).toContain(column(header));
    }
  });
});
