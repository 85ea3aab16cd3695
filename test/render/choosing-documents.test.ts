/**
 * The plan as a board reads it when choosing with eyes open: each shortlisted tool's total over
 * the horizon beside its weighted score and the cost of a point, what the tools in place cost
 * and what the project changes, each candidate's data protection and accessibility, and the
 * ideas raised over time; in Markdown, HTML and Word alike, the user's text escaped.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import JSZip from 'jszip';
import { parse, stringify } from 'yaml';
import { adopt, tempDir, examples, TODAY } from '../helpers.js';
import { inventoryTotals } from '../../src/derive/inventory.js';
import { toolCosts } from '../../src/derive/costs.js';
import type { Project } from '../../src/generated/model.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(async () => cleanup());

const load = async (file: string) => parse(await readFile(file, 'utf8')) as Project & Record<string, any>;

async function render(project: unknown, formats = 'md,html,docx'): Promise<{ md: string; html: string; docx: string }> {
  await writeFile(path.join(dir, 'adopt.yaml'), stringify(project));
  const result = await adopt(['render', '--doc', 'plan', '--format', formats], { cwd: dir, env: { ADOPT_TODAY: TODAY } });
  if (result.code !== 0) throw new Error(result.stderr);
  const docs = path.join(dir, 'adopt-docs');
  const md = formats.includes('md') ? await readFile(path.join(docs, 'plan.md'), 'utf8') : '';
  const html = formats.includes('html') ? await readFile(path.join(docs, 'plan.html'), 'utf8') : '';
  let docx = '';
  if (formats.includes('docx')) {
    const zip = await JSZip.loadAsync(await readFile(path.join(docs, 'plan.docx')));
    // The text of each table row, cells joined by " | ", paragraphs by new lines.
    const xml = await zip.file('word/document.xml')!.async('string');
    docx = xml
      .replace(/<\/w:p>(?=<\/w:tc>)/g, '')
      .replace(/<\/w:tc>/g, ' | ')
      .replace(/<\/w:p>/g, '\n')
      .replace(/<[^>]+>/g, '')
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"');
  }
  return { md, html, docx };
}

/** A section of the Markdown, from its heading to the next heading of the same level or above. */
function section(md: string, heading: string): string {
  const start = md.indexOf(heading);
  expect(start).toBeGreaterThan(-1);
  const level = heading.match(/^#+/)![0].length;
  const rest = md.slice(start + heading.length);
  const end = rest.search(new RegExp(`^#{1,${level}} `, 'm'));
  return end < 0 ? rest : rest.slice(0, end);
}

describe('the cost of each tool beside its score', () => {
  test('the food bank: Rotaly scores higher and costs less over three years than the free tool once volunteer time counts', async () => {
    const { md, html, docx } = await render(await load(examples.foodBank));
    // By hand: Rotaly 650 one-off + 3 × (35×12 + 45×4 + 60) = 650 + 3 × 660 = 2,630; time 2 h × £12 × 36 = 864;
    // less the £10 a month of the replaced phone, 360 over three years: 2,630 + 864 − 360 = 3,134.
    // ShiftShare: 80 + 3 × (6×12 + 15) = 341; time 8 × 12 × 36 = 3,456; less 360: 3,437.
    const table = section(md, '### Cost and score');
    expect(table).toContain('| Tool | Weighted score | Total over 3 years | Per point of score |');
    expect(table).toContain('| **Rotaly** ✓ | 4.22 | **£3,134** | £742.65 |');
    expect(table).toContain('| ShiftShare | 3.12 | **£3,437** | £1,101.60 |');
    // best ranked first, as in the matrix
    expect(table.indexOf('Rotaly')).toBeLessThan(table.indexOf('ShiftShare'));
    expect(table).toContain('plus the time the tool takes to run, valued at £12 an hour, less the £120 a year that the tools it replaces cost today');
    // HTML: a captioned table whose rows are headed by the tool
    expect(html).toMatch(/<p class="table-title" id="cap-costs">What each tool would cost over 3 years, beside its score<\/p>/);
    expect(html).toContain('<tr class="chosen"><th scope="row">Rotaly <span class="badge badge-ok">✓ chosen</span></th><td class="num">4.22</td><td class="num"><strong>£3,134</strong></td><td class="num">£742.65</td></tr>');
    // Word: the same table, made from the HTML
    expect(docx).toContain('Rotaly ✓ chosen | 4.22 | £3,134 | £742.65 |');
    expect(docx).toContain('ShiftShare | 3.12 | £3,437 | £1,101.60 |');
  });

  test('a tool without costs says so rather than showing as free; none with costs, no table at all', async () => {
    const project = await load(examples.foodBank);
    delete project.research!.candidates![1]!.costs;
    delete project.research!.candidates![1]!.hoursPerMonth;
    const { md } = await render(project, 'md');
    expect(section(md, '### Cost and score')).toContain('| ShiftShare | 3.12 | not known yet | — |');
    delete project.research!.candidates![0]!.costs;
    delete project.research!.candidates![0]!.hoursPerMonth;
    const bare = await render(project, 'md,html');
    expect(bare.md).not.toContain('Cost and score');
    expect(bare.html).not.toContain('cap-costs');
  });

  test('without an hour value, time is left out of the totals and the legend says nothing of it; a 5-year horizon is named', async () => {
    const project = await load(examples.foodBank);
    delete project.needs!.budget!.hourValue;
    project.needs!.budget!.horizon = 5;
    const { md } = await render(project, 'md');
    const table = section(md, '### Cost and score');
    // Rotaly: 650 + 5 × 660 − 5 × 120 = 3,350; ShiftShare: 80 + 5 × 87 − 600 = −85 (it saves more than it costs)
    expect(table).toContain('| Tool | Weighted score | Total over 5 years | Per point of score |');
    expect(table).toContain('**£3,350**');
    expect(table).toContain('**-£85**');
    expect(table).not.toContain('an hour');
    expect(table).toContain('5 years of recurring costs');
  });

  test('in French, with French words and figures', async () => {
    const { md } = await render(await load(examples.jardins), 'md');
    const table = section(md, '### Coût et note');
    expect(table).toMatch(/\| Outil \| Note pondérée \| Total sur 3 ans \| Par point de note \|/);
    expect(table).toMatch(/Chaque total compte les coûts ponctuels et 3 ans de coûts récurrents/);
  });
});

describe('candidates: data protection, accessibility, costs and running time', () => {
  test('each shortlisted card says them, in every format', async () => {
    const { md, html } = await render(await load(examples.foodBank), 'md,html');
    const rotaly = section(md, '#### Rotaly');
    expect(rotaly).toContain('- **Costs:** £650 one-off, £660 a year');
    expect(rotaly).toContain('- **Time to run it:** 2 hours a month');
    expect(rotaly).toContain('- **Data protection:** EU law · processing agreement signed');
    expect(rotaly).toContain('- **Who else handles the data:** Cloud hosting in Dublin; a UK text-message gateway');
    expect(rotaly).toContain('- **Accessibility:** statement published: partly compliant — WCAG 2.1 AA statement');
    expect(section(md, '#### ShiftShare')).toContain('- **Accessibility:** not known yet — No statement published');
    expect(section(md, '#### CharityCRM Suite')).toContain('- **Data protection:** US law · processing agreement offered, not signed yet');
    expect(html).toContain('<div><dt>Data protection</dt><dd>EU law · processing agreement signed</dd></div>');
  });
});

describe('the global view: what the tools in place cost, and what changes', () => {
  test('totals of the tools in place, what the project stops paying, what it adds, in every format', async () => {
    const { md, html, docx } = await render(await load(examples.foodBank));
    const practices = section(md, '## Cross-cutting practices');
    // By hand: 0 + 10 + 0 + 40 = £50 a month; the phone (£10) is replaced; Rotaly adds £660 a year: 480 + 660 = 1,140.
    expect(practices).toContain('- **The tools in place today:** £50 a month, £600 a year');
    expect(practices).toContain('- **No longer paid (the tools the project replaces):** £10 a month, £120 a year');
    expect(practices).toContain('- **Still paid (the tools kept or overlapping):** £40 a month, £480 a year');
    expect(practices).toContain('- **Added by the chosen tool (its recurring costs):** £660 a year');
    expect(practices).toContain('- **Every tool, once the project is done:** £1,140 a year');
    expect(practices).toContain('From the monthly cost of 4 tools in the list above.');
    expect(html).toContain('<div><dt>Every tool, once the project is done</dt><dd><strong>£1,140 a year</strong></dd></div>');
    expect(docx).toContain('Every tool, once the project is done: £1,140 a year');
  });

  test('a tool without a monthly cost is not counted as free; no tool with a cost, no totals', () => {
    const project: Project = { version: 1, practices: { vision: { inventory: [{ tool: 'A', monthlyCost: 12.5, fate: 'replaced' }, { tool: 'B' }, { tool: 'C', monthlyCost: 7, fate: 'kept' }] } } };
    const totals = inventoryTotals(project, toolCosts(project));
    expect(totals).toEqual({ counted: 2, monthly: 19.5, yearly: 234, replacedMonthly: 12.5, replacedYearly: 150, remainingMonthly: 7, remainingYearly: 84 });
    const none: Project = { version: 1, practices: { vision: { inventory: [{ tool: 'B' }] } } };
    expect(inventoryTotals(none, toolCosts(none))).toBeUndefined();
  });
});

describe('the ideas raised along the way', () => {
  test('listed with who raised them and where they stand; user text escaped in HTML', async () => {
    const project = await load(examples.foodBank);
    const hostile = '<script>window.__pwned = 1</script><img src=x onerror="alert(1)">';
    project.practices!.ideas!.push({ date: '2026-11-26', from: `Zoë ${hostile}`, idea: `Idea ${hostile}`, status: 'new' });
    project.research!.candidates![0]!.name = `Rotaly ${hostile}`;
    const { md, html, docx } = await render(project);
    const ideas = section(md, '### Ideas and needs raised along the way');
    expect(ideas).toContain('| Date | Raised by | Idea or need | Where it stands |');
    expect(ideas).toContain('| 24 November 2026 | Priya Shah | Let drivers see the delivery addresses for their round in the tool | new, to discuss |');
    expect(ideas).toContain('| 2 November 2026 | Grace Adeyemi | Record volunteers\' food hygiene certificates and their renewal dates | declined |');
    expect(html).not.toContain('<script>window');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('Idea &lt;script&gt;window.__pwned');
    expect(html).toContain('<th scope="row">Rotaly &lt;script&gt;');
    expect(md).not.toMatch(/<script>/);
    expect(docx).toContain(`Idea ${hostile}`);
  });

  test('no idea yet: the plan says how to note one', async () => {
    const project = await load(examples.foodBank);
    delete project.practices!.ideas;
    const { md } = await render(project, 'md');
    expect(section(md, '### Ideas and needs raised along the way')).toContain('No idea noted yet.');
  });
});
