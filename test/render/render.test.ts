import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import MarkdownIt from 'markdown-it';
import { parse, stringify } from 'yaml';
import { adopt, tempDir, examples } from '../helpers.js';
import { budgetTotals } from '../../src/derive/budget.js';
import { decisionMatrix } from '../../src/derive/matrix.js';
import { loadTranslator } from '../../src/i18n/index.js';
import { markdownCell, markdownText } from '../../src/render/engine.js';
import type { Project } from '../../src/generated/model.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(async () => cleanup());

async function renderProject(project: unknown, args: string[] = []) {
  await writeFile(path.join(dir, 'adopt.yaml'), stringify(project));
  const result = await adopt(['render', ...args], { cwd: dir });
  if (result.code !== 0) throw new Error(result.stderr);
  const read = (name: string) => readFile(path.join(dir, 'adopt-docs', name), 'utf8');
  return { result, read };
}

const md = new MarkdownIt();

/** Every table's rows have the header's number of cells, and there is no raw HTML. */
function checkMarkdown(text: string): void {
  const tokens = md.parse(text, {});
  expect(tokens.filter((t) => t.type === 'html_block' || t.type === 'html_inline' || t.children?.some((c) => c.type === 'html_inline'))).toEqual([]);
  let columns = 0;
  let cells = 0;
  for (const token of tokens) {
    if (token.type === 'thead_open') columns = -1;
    if (token.type === 'tr_open') cells = 0;
    if (token.type === 'th_open' || token.type === 'td_open') cells++;
    if (token.type === 'tr_close') {
      if (columns === -1) columns = cells;
      else expect(cells).toBe(columns);
    }
  }
  // headings in order: never jump from h1 to h3
  let level = 0;
  for (const token of tokens.filter((t) => t.type === 'heading_open')) {
    const next = Number(token.tag.slice(1));
    expect(next).toBeLessThanOrEqual(level + 1);
    level = next;
  }
}

describe.each([
  ['jardins', 'fr'],
  ['foodBank', 'en'],
] as const)('the documents of the %s example (%s)', (name, lang) => {
  test('plan: every key user, objective and candidate, the totals, the ranking', async () => {
    const project = parse(await readFile(examples[name], 'utf8')) as Project;
    const { read, result } = await renderProject(project);
    expect(result.stdout).toMatch(/plan\.md/);
    const t = await loadTranslator(lang);
    for (const format of ['md', 'html']) {
      const plan = await read(`plan.${format}`);
      const shown = (text: string) => (format === 'md' ? markdownText(text) : text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#x27;'));
      for (const user of project.keyUsers!) expect(plan).toContain(shown(user.name!));
      for (const objective of project.needs!.objectives!) expect(plan).toContain(shown(objective.text!));
      for (const candidate of project.research!.candidates!) expect(plan).toContain(shown(candidate.name!));
      const totals = budgetTotals(project);
      for (const amount of [totals.oneOff, totals.yearly, totals.threeYear]) expect(plan).toContain(shown(t.money(amount, totals.currency)));
      // the ranking: the best tool comes first in the matrix
      const ranked = decisionMatrix(project).candidates.filter((c) => c.rank !== undefined).map((c) => plan.indexOf(shown(c.name), plan.indexOf(shown(c.name)) + 1));
      expect(ranked.every((position, i) => i === 0 || position > ranked[i - 1]!)).toBe(true);
    }
    checkMarkdown(await read('plan.md'));
    expect(await read('plan.md')).toMatch(/```mermaid\ngantt\n/);
  });

  test('checklist: three boxes per objective, the effects and the decision', async () => {
    const project = parse(await readFile(examples[name], 'utf8')) as Project;
    const { read } = await renderProject(project);
    const checklist = await read('checklist.md');
    checkMarkdown(checklist);
    const boxes = checklist.split('\n').filter((line) => /^\s*- \[ \] /.test(line));
    expect(boxes.length).toBeGreaterThanOrEqual(project.needs!.objectives!.length * 3 + 3);
    for (const objective of project.needs!.objectives!) expect(checklist).toContain(markdownText(objective.indicator!));
  });

  test('no label of the other language is left in the documents', async () => {
    const project = parse(await readFile(examples[name], 'utf8')) as Project;
    const { read } = await renderProject(project);
    // The documents' own sentences: the wizard's and the command line's never reach a document.
    const documents = (of: string) => Object.fromEntries(Object.entries(JSON.parse(readFileSync(new URL(`../../src/i18n/locales/${of}.json`, import.meta.url), 'utf8')) as Record<string, string>).filter(([key]) => /^(plan|checklist|evaluation|doc)\./.test(key)));
    const other = documents(lang === 'fr' ? 'en' : 'fr');
    const own = documents(lang);
    for (const doc of ['plan.md', 'plan.html', 'checklist.md', 'checklist.html']) {
      const text = await read(doc);
      for (const [key, value] of Object.entries(other)) {
        const mine = (own as Record<string, string>)[key]!;
        if (value.length < 10 || value === mine || /\{/.test(value)) continue;
        expect([doc, key, text.includes(value)]).toEqual([doc, key, false]);
      }
    }
  });
});

describe('documents of a project in progress', () => {
  test('missing answers are marked to do and said in words, without a terminal command', async () => {
    const project = parse(await readFile(examples.jardins, 'utf8')) as Record<string, unknown>;
    for (const key of ['research', 'poc', 'deployment', 'training', 'evaluation', 'practices']) delete project[key];
    const { read } = await renderProject(project);
    const t = await loadTranslator('fr');
    for (const format of ['md', 'html']) {
      const plan = await read(`plan.${format}`);
      // what each step still needs, by its name in the catalogue
      for (const label of ['field.research.sources', 'field.poc.criteria', 'field.deployment.procedures', 'field.training.sessions', 'field.evaluation.due'] as const) expect(plan).toContain(t(label));
      expect(plan).not.toMatch(/\badopt (init|edit|evaluate|render|status|calendar|validate)\b/);
      expect(plan).toContain(t("plan.cover.progress"));
    }
    expect(await read('plan.md')).toContain('3 terminées · 5 à faire');
  });

  test('the evaluation report: only once a review exists, with the trend and the usability score', async () => {
    const project = parse(await readFile(examples.foodBank, 'utf8')) as Project & Record<string, any>;
    const { result } = await renderProject(project);
    expect(result.stdout).not.toContain('evaluation');
    const [first, second] = project.needs!.objectives!;
    project.evaluation = {
      due: '2027-07-05',
      reviews: [
        { date: '2027-07-06', by: ['Sam'], objectives: [{ id: first!.id, status: 'partial' }, { id: second!.id, status: 'met' }], decision: 'adjust', usability: [70, 80] },
        { date: '2027-10-06', by: ['Sam', 'Ade'], objectives: [{ id: first!.id, status: 'met', evidence: 'All | shifts | logged' }, { id: second!.id, status: 'met' }], decision: 'continue' },
      ],
    };
    const { read } = await renderProject(project);
    const report = await read('evaluation.md');
    checkMarkdown(report);
    expect(report).toContain(markdownText(first!.text!));
    expect(report).toContain(markdownCell('All | shifts | logged'));
    expect(report).toContain('75');
    expect(await read('evaluation.html')).toContain('lang="en"');
  });

  test('user text that looks like Markdown stays text', async () => {
    const project = parse(await readFile(examples.foodBank, 'utf8')) as Project & Record<string, any>;
    project.keyUsers![0]!.name = '# Not | a heading `code` <b>bold</b>';
    project.needs!.objectives![0]!.text = '- not a list | with a pipe\nand a new line';
    const { read } = await renderProject(project);
    const plan = await read('plan.md');
    checkMarkdown(plan);
    expect(plan).not.toMatch(/^# Not/m);
    expect(plan).not.toContain('<b>');
  });
});

describe('Markdown escaping', () => {
  test('what Markdown reads as syntax is escaped', () => {
    expect(markdownText('a|b `c` *d* _e_ [f](g) <h>')).toBe('a\\|b \\`c\\` \\*d\\* \\_e\\_ \\[f\\](g) \\<h\\>');
    // Each line break stays a break inside the same block (a backslash at its end); "\\1." would show its backslash.
    expect(markdownText('# title\n- item\n1. first')).toBe('\\# title\\\n\\- item\\\n1\\. first');
    expect(markdownCell('two\nlines | and a pipe')).toBe('two lines \\| and a pipe');
  });
});

describe('--templates: the user\'s own templates override the built-in ones by file name', () => {
  test('a custom plan.md, the rest built in; a missing folder is a usage error', async () => {
    const project = parse(await readFile(examples.foodBank, 'utf8'));
    await mkdir(path.join(dir, 'mine'));
    await writeFile(path.join(dir, 'mine', 'plan.md.hbs'), '# {{md title}} for {{project.project.organisation}}\n{{t "plan.timeline.poc"}}\n');
    await writeFile(path.join(dir, 'adopt.yaml'), stringify(project));
    const result = await adopt(['render', '--templates', 'mine', '--doc', 'plan'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(await readFile(path.join(dir, 'adopt-docs', 'plan.md'), 'utf8')).toMatch(/^# Volunteer shift scheduling for Riverside Community Food Bank\n/);
    expect(await readFile(path.join(dir, 'adopt-docs', 'plan.html'), 'utf8')).toContain('<!doctype html>');
    expect((await adopt(['render', '--templates', 'nowhere'], { cwd: dir })).code).toBe(2);
    expect((await adopt(['render', '--doc', 'poster'], { cwd: dir })).stderr).toMatch(/There is no document "poster"/);
  });
});
