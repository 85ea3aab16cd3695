/**
 * Two things a board notices on paper: a glyph that needs an emoji font prints as an empty box
 * on a machine without one, and a usability mean alone hides the person who struggles.
 */
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { adopt, examples, root, tempDir } from '../helpers.js';

const emoji = /[\p{Emoji_Presentation}\u{FE0F}]/gu;

async function reviewed(dir: string, lang: 'fr' | 'en'): Promise<void> {
  const project = parse(await readFile(examples.jardins, 'utf8')) as Record<string, any>;
  project.language = lang;
  project.evaluation.reviews = [
    { date: '2027-05-20', objectives: [{ id: project.needs.objectives[0].id, status: 'met' }], effects: [{ text: 'a', kind: 'positive' }, { text: 'b', kind: 'negative' }], usability: [80, 45, 62.5, 62.5], decision: 'continue' },
  ];
  await writeFile(path.join(dir, 'adopt.yaml'), stringify(project));
}

test('no document uses a character that needs an emoji font: the examples, and an evaluation with effects', async () => {
  const { dir, cleanup } = await tempDir();
  try {
    await reviewed(dir, 'fr');
    expect((await adopt(['render'], { cwd: dir })).code).toBe(0);
    const files = [...(await readdir(path.join(dir, 'adopt-docs'))).map((f) => path.join(dir, 'adopt-docs', f))];
    for (const name of ['jardins-partages', 'food-bank', 'warnings']) {
      const docs = path.join(root, 'examples', name, 'adopt-docs');
      files.push(...(await readdir(docs)).map((f) => path.join(docs, f)));
    }
    expect(files.some((f) => f.endsWith('evaluation.html'))).toBe(true);
    for (const file of files) expect([path.relative(root, file), (await readFile(file, 'utf8')).match(emoji)]).toEqual([path.relative(root, file), null]);
  } finally {
    await cleanup();
  }
});

test('the evaluation shows each respondent\'s score, lowest first, and the spread beside the mean, in words and as a small chart', async () => {
  const { dir, cleanup } = await tempDir();
  try {
    await reviewed(dir, 'en');
    expect((await adopt(['render', '--doc', 'evaluation'], { cwd: dir })).code).toBe(0);
    const md = await readFile(path.join(dir, 'adopt-docs/evaluation.md'), 'utf8');
    expect(md).toContain('Average score: 62.5 out of 100, from 4 respondents.');
    expect(md).toContain("Each person's score, lowest first: **45 · 62.5 · 62.5 · 80**. From 45 to 80: 35 points between the person least at ease and the one most at ease.");
    const html = await readFile(path.join(dir, 'adopt-docs/evaluation.html'), 'utf8');
    const chart = /<svg class="sus-chart"[\s\S]*?<\/svg>/.exec(html)?.[0] ?? '';
    // one dot per person, equal scores stacked rather than hidden behind each other
    const dots = [...chart.matchAll(/<circle cx="([\d.]+)" cy="([\d.]+)"/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(dots).toEqual([
      [145.6, 30],
      [196, 30],
      [196, 21],
      [246.4, 30],
    ]);
    // the chart repeats what the sentence says, so it is hidden from screen readers
    expect(chart).toContain('aria-hidden="true"');
    expect(html).toContain('<strong>45 · 62.5 · 62.5 · 80</strong>');
  } finally {
    await cleanup();
  }
});
