/**
 * `adopt render --format docx`: Word files a board can annotate, opened here as Word opens them
 * (a ZIP archive of XML) and checked for what makes them usable: real headings, real tables with
 * repeating header rows, the checklist's boxes, no markup shown as text, the user's text escaped,
 * and the same bytes whatever the time of rendering.
 */
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import JSZip from 'jszip';
import { parse, stringify } from 'yaml';
import { adopt, examples, root, tempDir } from '../helpers.js';
import { parseHtml } from '../../src/render/html-tree.js';

const hostile = '<script>alert(1)</script> & <b>gras</b> **étoiles** {{t}}';

async function project(dir: string): Promise<void> {
  const data = parse(await readFile(examples.jardins, 'utf8')) as Record<string, any>;
  data.project.title = `Adhésions ${hostile}`;
  data.needs.objectives[0].text = `Centraliser ${hostile}`;
  data.evaluation.reviews = [
    { date: '2027-05-20', by: ['Camille'], objectives: [{ id: data.needs.objectives[0].id, status: 'partial', evidence: hostile }], effects: [{ text: hostile, kind: 'negative', anticipated: false }], usability: [80, 45, 62.5], decision: 'adjust' },
  ];
  await writeFile(path.join(dir, 'adopt.yaml'), stringify(data));
}

async function open(file: string): Promise<{ zip: JSZip; xml: string }> {
  const zip = await JSZip.loadAsync(await readFile(file));
  return { zip, xml: await zip.file('word/document.xml')!.async('string') };
}

const headingsOf = (xml: string) => [...xml.matchAll(/<w:p>(?:(?!<\/w:p>)[\s\S])*?<w:pStyle w:val="(Heading\d)"\/>([\s\S]*?)<\/w:p>/g)].map((m) => ({ level: m[1], text: [...m[2]!.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('') }));

describe('adopt render --format docx', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ dir, cleanup } = await tempDir());
    await project(dir);
    const result = await adopt(['render', '--format', 'docx'], { cwd: dir });
    expect(result).toMatchObject({ code: 0, stderr: '' });
  });
  afterAll(() => cleanup());

  test('writes the plan, the checklist and the evaluation in Word, and only those', async () => {
    expect((await readdir(path.join(dir, 'adopt-docs'))).sort()).toEqual(['checklist.docx', 'evaluation.docx', 'plan.docx']);
  });

  test('the plan has real headings in order and real tables whose header rows repeat', async () => {
    const { xml } = await open(path.join(dir, 'adopt-docs/plan.docx'));
    const headings = headingsOf(xml);
    expect(headings[0]).toEqual({ level: 'Heading1', text: expect.stringContaining('Adhésions') });
    expect(headings.filter((h) => h.level === 'Heading2').map((h) => h.text)).toEqual(expect.arrayContaining(['1. Responsable du projet', '5. Test en conditions réelles', 'Pratiques transversales']));
    const tables = xml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? [];
    expect(tables.length).toBeGreaterThanOrEqual(8);
    for (const table of tables) expect(table).toContain('<w:tblHeader/>');
    // the decision matrix, as a table: its header names the criteria
    expect(tables.some((table) => table.includes('Note pondérée') && table.includes('C4'))).toBe(true);
  });

  test('the checklist has boxes to tick: three per objective, the effects and the decision', async () => {
    const { xml } = await open(path.join(dir, 'adopt-docs/checklist.docx'));
    const objectives = (parse(await readFile(path.join(dir, 'adopt.yaml'), 'utf8')) as any).needs.objectives.length as number;
    const boxes = (xml.match(/<w14:checkbox>/g) ?? []).length;
    expect(boxes).toBe(objectives * 3 + 4 + 5 + 3);
    expect(headingsOf(xml).map((h) => h.level)).toContain('Heading3');
  });

  test('the user\'s text is escaped, and no markup or template syntax is shown as text', async () => {
    for (const doc of ['plan', 'checklist', 'evaluation']) {
      const { zip, xml } = await open(path.join(dir, `adopt-docs/${doc}.docx`));
      // the document is well-formed enough to be split into runs, and the text reads as typed
      expect(xml).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;gras&lt;/b&gt; **étoiles** {{t}}');
      expect(xml).not.toMatch(/<script|<b>|<strong|<span|<td|class=|aria-/);
      const text = [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('\n');
      expect(text).not.toMatch(/&lt;(?:strong|span|td|p|div)\b/);
      const core = await zip.file('docProps/core.xml')!.async('string');
      expect(core).toContain('<dc:title>Adhésions &lt;script&gt;');
    }
  });

  test('the evaluation shows each respondent\'s usability score and the spread, not only the mean', async () => {
    const xml = (await open(path.join(dir, 'adopt-docs/evaluation.docx'))).xml.replace(/[\u00a0\u202f]/g, ' ');
    expect(xml).toContain('Score moyen : 62,5 sur 100, pour 3 répondants.');
    expect(xml).toContain('45 · 62,5 · 80');
    expect(xml).toContain('De 45 à 80 : 35 points d’écart');
  });

  test('the same project gives the same bytes on another day, with the project\'s date inside', async () => {
    const first = await readFile(path.join(dir, 'adopt-docs/checklist.docx'));
    await new Promise((resolve) => setTimeout(resolve, 2100)); // ZIP dates count in 2-second steps
    // another time, and another day: the documents say nothing of the day they were written
    expect((await adopt(['render', '--format', 'docx', '--doc', 'checklist'], { cwd: dir, env: { ADOPT_TODAY: '2026-12-01' } })).code).toBe(0);
    expect(Buffer.compare(first, await readFile(path.join(dir, 'adopt-docs/checklist.docx')))).toBe(0);
    const { zip } = await open(path.join(dir, 'adopt-docs/checklist.docx'));
    const core = await zip.file('docProps/core.xml')!.async('string');
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2026-06-15T00:00:00Z</dcterms:created>');
    expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2026-06-15T00:00:00Z</dcterms:modified>');
    for (const entry of Object.values(zip.files)) expect(entry.date.toISOString()).toBe('2026-06-15T00:00:00.000Z');
  }, 20_000);

  test('--format accepts docx beside the others; the default stays Markdown and HTML', async () => {
    const both = await adopt(['render', '--format', 'md,docx', '--doc', 'plan', '--out', 'two'], { cwd: dir });
    expect(both.code).toBe(0);
    expect((await readdir(path.join(dir, 'two'))).sort()).toEqual(['plan.docx', 'plan.md']);
    expect((await adopt(['render', '--out', 'default'], { cwd: dir })).code).toBe(0);
    expect((await readdir(path.join(dir, 'default'))).sort()).toEqual(['checklist.html', 'checklist.md', 'evaluation.html', 'evaluation.md', 'plan.html', 'plan.md']);
    const bad = await adopt(['render', '--format', 'pdf'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('docx');
  });
});

test('the docx library is loaded only when Word is asked for: one module imports it, and is itself imported lazily', async () => {
  const files: string[] = [];
  const walk = async (at: string) => {
    for (const entry of await readdir(at, { withFileTypes: true })) {
      if (entry.isDirectory()) await walk(path.join(at, entry.name));
      else if (entry.name.endsWith('.ts')) files.push(path.join(at, entry.name));
    }
  };
  await walk(path.join(root, 'src'));
  const importers: string[] = [];
  for (const file of files) {
    const source = await readFile(file, 'utf8');
    if (/^\s*import\s[^;]*from\s+'docx'/m.test(source)) importers.push(path.relative(root, file));
    // a static import of the Word module would load the library with the command
    expect(source).not.toMatch(/^\s*import\s[^;(]*from\s+'[^']*render\/docx\.js'/m);
  }
  expect(importers).toEqual([path.join('src', 'render', 'docx.ts')]);
});

test('the HTML reader keeps text and structure, decodes entities, and leaves out head, styles and drawings', () => {
  const tree = parseHtml('<!doctype html><html><head><style>a > b {}</style><title>x</title></head><body><p class="a b">A &amp; &lt;b&gt; &#x27;q&#x27;<br>next</p><svg><text>0</text></svg><ul><li>one<li>two</ul></p></body></html>');
  expect(tree.children).toEqual([
    { tag: 'p', attrs: { class: 'a b' }, children: ["A & <b> 'q'", { tag: 'br', attrs: {}, children: [] }, 'next'] },
    { tag: 'ul', attrs: {}, children: [{ tag: 'li', attrs: {}, children: ['one', { tag: 'li', attrs: {}, children: ['two'] }] }] },
  ]);
});
