/**
 * `adopt portfolio` over a tree built here: nested folders, a broken file, a symlink loop, an
 * unreadable folder, two currencies, an overlap, a contract ending soon, a stalled project, and
 * an anonymous run that must not show a single name from the files.
 */
import { chmod, mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';
import { adopt, examples, loadExample, tempDir, TODAY } from '../helpers.js';
import type { Project } from '../../src/generated/model.js';

const isRoot = process.getuid?.() === 0;

let dir: string;
let cleanup: () => Promise<void>;
const fixtures: Project[] = [];

async function put(file: string, project: Project | string): Promise<void> {
  const full = path.join(dir, file);
  await mkdir(path.dirname(full), { recursive: true });
  await writeFile(full, typeof project === 'string' ? project : stringify(project));
  if (typeof project !== 'string') fixtures.push(project);
}

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir());
  const jardins = await loadExample(examples.jardins);
  jardins.evaluation = {
    ...jardins.evaluation,
    reviews: [{ date: '2026-11-01', by: ['camille'], objectives: [{ id: 'O1', status: 'met' }, { id: 'O2', status: 'partial' }, { id: 'O3', status: 'unmet' }], usability: [70, 80], decision: 'continue' }],
  };
  await put('members/jardins/adopt.yaml', jardins);
  // A second project of the same organisation: its workshop sign-ups stay on HelloAsso (an
  // overlap with the tool the first project chose for them), whose contract ends in 44 days.
  await put('members/jardins/events/ateliers.adopt.yaml', {
    version: 1,
    language: 'fr',
    project: { title: 'Ateliers de printemps', organisation: 'les jardins partagés de la croix-rousse ', created: '2026-09-01' },
    lead: { name: 'Inès Lefort' },
    evaluation: { due: '2026-10-01' },
    practices: {
      vision: {
        owner: 'Inès Lefort',
        inventory: [
          { tool: 'HelloAsso', use: 'inscriptions aux ateliers', fate: 'kept', monthlyCost: 15, contractEnd: '2027-01-10' },
          { tool: 'Logiciel de comptabilité', use: "Comptabilité de l'association", fate: 'kept', monthlyCost: 12 },
        ],
      },
    },
  } as Project);
  await put('members/riverside/deep/nested/food.adopt.yaml', await loadExample(examples.foodBank));
  await put('members/old/adopt.yaml', { version: 1, language: 'en', project: { title: 'Old newsletter', organisation: 'Quiet Club', created: '2025-01-10' }, lead: { name: 'Bartholomew Quill' }, needs: { schedule: { deadline: '2025-06-01' } } } as Project);
  await put('members/broken/adopt.yaml', 'version: 1\nproject:\n  title: Broken\nkeyUsers: 5\n');
  // Neither is a project of the portfolio: dependencies and hidden folders are not looked in.
  await put('node_modules/pkg/adopt.yaml', 'version: 1\nproject: { title: Hidden in node_modules }\n');
  await put('.hidden/adopt.yaml', 'version: 1\nproject: { title: Hidden folder }\n');
  await put('members/notes.yaml', 'version: 1\n');
  // A link back up to the top: followed once by its real path, never round and round.
  await symlink(path.join(dir, 'members'), path.join(dir, 'members', 'riverside', 'loop'));
  if (!isRoot) {
    await put('members/locked/adopt.yaml', 'version: 1\n');
    await chmod(path.join(dir, 'members/locked'), 0o000);
  }
}, 30_000);

afterAll(async () => {
  if (!isRoot) await chmod(path.join(dir, 'members/locked'), 0o755).catch(() => undefined);
  await cleanup?.();
});

const perYear: Record<string, number> = { month: 12, quarter: 4, year: 1 };

/** What the test expects each organisation to pay, in cents, worked out from the fixtures directly. */
function expectedCosts(): Map<string, { currency: string; monthly: number; yearly: number }> {
  const out = new Map<string, { currency: string; monthly: number; yearly: number }>();
  const seen = new Set<string>();
  for (const project of fixtures) {
    const org = project.project!.organisation!.trim().toLowerCase();
    const currency = project.needs?.budget?.currency ?? 'EUR';
    const sum = out.get(org) ?? { currency, monthly: 0, yearly: 0 };
    const chosen = project.research?.candidates?.find((c) => c.id === project.poc?.decision?.chosen);
    for (const item of project.practices?.vision?.inventory ?? []) {
      if ((chosen && item.fate === 'replaced') || seen.has(`${org}/${item.tool}`) || typeof item.monthlyCost !== 'number') continue;
      seen.add(`${org}/${item.tool}`);
      sum.monthly += item.monthlyCost * 100;
      sum.yearly += item.monthlyCost * 1200;
    }
    if (chosen) {
      const yearly = (chosen.costs ?? []).filter((c) => c.kind === 'recurring').reduce((total, c) => total + c.amount! * 100 * perYear[c.period ?? 'year']!, 0);
      sum.monthly += Math.round(yearly / 12);
      sum.yearly += yearly;
    }
    out.set(org, sum);
  }
  return out;
}

describe('adopt portfolio over a tree of member folders', () => {
  test('finds every project once, lists the broken one by its place, and totals the others per currency', async () => {
    const result = await adopt(['portfolio', '--json', 'members'], { cwd: dir });
    expect(result.code).toBe(isRoot ? 1 : 2);
    const json = JSON.parse(result.stdout);
    expect(json.files).toBe(5);
    expect(json.projects.map((p: { file: string }) => p.file).sort()).toEqual(
      ['members/jardins/adopt.yaml', 'members/jardins/events/ateliers.adopt.yaml', 'members/old/adopt.yaml', 'members/riverside/deep/nested/food.adopt.yaml'].map((f) => f.split('/').join(path.sep)),
    );
    expect(json.problems).toHaveLength(1);
    expect(json.problems[0]).toMatchObject({ file: path.join('members', 'broken', 'adopt.yaml'), line: 4 });

    const expected = expectedCosts();
    const jardins = json.totals.organisations.find((o: { name: string }) => o.name.startsWith('Les Jardins'));
    const riverside = json.totals.organisations.find((o: { name: string }) => o.name.startsWith('Riverside'));
    const exp = (org: string) => expected.get(org)!;
    expect(jardins.projects).toBe(2);
    expect(jardins.costs).toEqual([{ currency: 'EUR', monthly: exp('les jardins partagés de la croix-rousse').monthly / 100, yearly: exp('les jardins partagés de la croix-rousse').yearly / 100 }]);
    expect(riverside.costs).toEqual([{ currency: 'GBP', monthly: exp('riverside community food bank').monthly / 100, yearly: exp('riverside community food bank').yearly / 100 }]);
    // Euros and pounds side by side, never added together.
    expect(json.totals.costs).toEqual([
      { currency: 'EUR', monthly: exp('les jardins partagés de la croix-rousse').monthly / 100, yearly: exp('les jardins partagés de la croix-rousse').yearly / 100 },
      { currency: 'GBP', monthly: exp('riverside community food bank').monthly / 100, yearly: exp('riverside community food bank').yearly / 100 },
    ]);
    // The accounting software is listed by both Jardins projects: one subscription, counted once.
    expect(jardins.tools.filter((t: { tool: string }) => t.tool === 'Logiciel de comptabilité')).toHaveLength(1);

    expect(json.totals.overlaps).toEqual([{ organisation: expect.stringMatching(/^Les Jardins/), use: 'Inscriptions aux ateliers', tools: ['Adhésio', 'HelloAsso'] }]);
    expect(json.totals.contracts).toEqual([expect.objectContaining({ tool: 'HelloAsso', date: '2027-01-10' })]);
    expect(json.totals.overdue).toEqual([expect.objectContaining({ title: 'Ateliers de printemps', due: '2026-10-01' })]);
    expect(json.totals.stalled).toEqual([expect.objectContaining({ title: 'Old newsletter', latest: '2025-06-01' })]);
    expect(json.totals.objectives).toEqual({ met: 1, partial: 1, unmet: 1 });
    expect(jardins.usability).toEqual({ mean: 75, respondents: 2, projects: 1 });
    // The overdue review comes first: attention before the alphabet.
    expect(json.projects[0].title).toBe('Ateliers de printemps');
    expect(json.projects[0].steps).toHaveLength(8);
  }, 30_000);

  test(isRoot ? 'a folder that cannot be read: said in one line, exit 2 (chmod 000 does not stop root, so a missing folder stands in)' : 'an unreadable folder (chmod 000) is said in one line, the run goes on, exit 2', async () => {
    const missing = await adopt(['portfolio', 'members', 'nowhere'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^nowhere does not exist/m);
    expect(missing.stdout).toContain('Volunteer shift scheduling');
    if (!isRoot) {
      const result = await adopt(['portfolio', 'members'], { cwd: dir });
      expect(result.code).toBe(2);
      expect(result.stderr.split('\n').filter((line) => line.includes(path.join('members', 'locked')))).toHaveLength(1);
      expect(result.stdout).toContain('Volunteer shift scheduling');
    }
  }, 30_000);

  test('at a terminal: one line per project in the run language, the broken file first with file:line:col', async () => {
    const result = await adopt(['portfolio', '--lang', 'fr', path.join('members', 'jardins'), path.join('members', 'broken')], { cwd: dir });
    expect(result.code).toBe(1);
    const lines = result.stdout.split('\n');
    expect(lines[3]).toMatch(/^ ✖ members[/\\]broken[/\\]adopt\.yaml:4:\d+ /);
    expect(lines[4]).toMatch(/^ \S{8} {2}les jardins partagés de la croix-rousse — Ateliers de printemps · .*bilan en retard depuis le 1er octobre 2026/);
    expect(result.stdout).toMatch(/«\s?Inscriptions aux ateliers\s?» par Adhésio et HelloAsso/u);
    expect(result.stdout).toMatch(/HelloAsso\s:\sse termine le 10 janvier 2027/u);
    expect(result.stderr).toMatch(/1 fichier avec des problèmes/);
  }, 30_000);

  test('--strict makes a warning fail the run; without it, warnings alone pass', async () => {
    // The workshops project has warnings (its review is overdue) and no problem.
    const warned = path.join('members', 'jardins', 'events');
    expect((await adopt(['portfolio', warned], { cwd: dir })).code).toBe(0);
    const strict = await adopt(['portfolio', '--strict', warned], { cwd: dir });
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(/0 files with problems and 1 file with warnings/);
  }, 30_000);

  test('--anonymous: no name of a person, no id made from one, anywhere in any output', async () => {
    const names = new Set<string>();
    const collect = (value: unknown, key = '', parent = '') => {
      if (Array.isArray(value)) return value.forEach((item) => collect(item, key, parent));
      if (value && typeof value === 'object') return Object.entries(value).forEach(([k, v]) => collect(v, k, key));
      if (typeof value !== 'string' || /^\d{4}-\d{2}-\d{2}$/.test(value)) return;
      if (['by', 'owner', 'from', 'who'].includes(key) || (key === 'name' && ['lead', 'keyUsers'].includes(parent)) || (key === 'id' && parent === 'keyUsers') || (parent === 'champions')) names.add(value);
    };
    for (const project of fixtures) collect(project);
    expect(names.size).toBeGreaterThan(10);
    expect([...names]).toEqual(expect.arrayContaining(['Sam Okafor', 'Camille Martin', 'Inès Lefort', 'priya']));

    const run = async (extra: string[]) => {
      const out = path.join(dir, `docs-${extra.length}`);
      const result = await adopt(['portfolio', 'members', '--out', out, ...extra], { cwd: dir });
      const json = await adopt(['portfolio', 'members', '--json', ...extra], { cwd: dir });
      return [result.stdout, result.stderr, json.stdout, await readFile(path.join(out, 'portfolio.md'), 'utf8'), await readFile(path.join(out, 'portfolio.html'), 'utf8')].join('\n');
    };
    const found = (text: string) => [...names].filter((name) => new RegExp(`(^|[^\\p{L}])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}])`, 'iu').test(text));
    // The same run without --anonymous shows the leads: the check below can fail.
    expect(found(await run([]))).toEqual(expect.arrayContaining(['Sam Okafor', 'Camille Martin']));
    expect(found(await run(['--anonymous']))).toEqual([]);
  }, 60_000);

  test('documents: the same bytes on every run seen from the same day, in the run language', async () => {
    const write = async (out: string) => {
      const result = await adopt(['portfolio', 'members', '--out', out, '--lang', 'en'], { cwd: dir });
      expect(result.stdout).toContain(`Wrote ${path.join(out, 'portfolio.html')}`);
      return Promise.all(['md', 'html'].map((f) => readFile(path.join(dir, out, `portfolio.${f}`), 'utf8')));
    };
    const [first, second] = [await write('one'), await write('two')];
    expect(second).toEqual(first);
    const [md, html] = first as [string, string];
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(html).not.toMatch(/<script|https?:\/\//);
    expect(md).toContain('| Adhésio | Fichier des adhérents et cotisations, Inscriptions aux ateliers |');
    expect(md).toContain(TODAY === '2026-11-27' ? '27 November 2026' : TODAY);
  }, 30_000);

  test('no project file under the folder: said, and nothing fails', async () => {
    await mkdir(path.join(dir, 'empty', 'sub'), { recursive: true });
    const result = await adopt(['portfolio', 'empty'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/No project file/);
  });
});
