/** A user's template with a mistake is named, with its line: it is not a bug inside adopt. */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { adopt, tempDir, examples, copyExample } from '../helpers.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(async () => cleanup());

async function renderWith(name: string, template: string) {
  await copyExample(examples.foodBank, dir);
  await mkdir(path.join(dir, 'mine', path.dirname(name)), { recursive: true });
  await writeFile(path.join(dir, 'mine', name), template);
  return adopt(['render', '--templates', 'mine'], { cwd: dir });
}

describe('a user template with a mistake', () => {
  test('a block left open: the file and the line, exit 2', async () => {
    const { code, stderr } = await renderWith('plan.md.hbs', '# {{md title}}\n\n{{#if project}}\nText\n');
    expect(code).toBe(2);
    expect(stderr).not.toMatch(/internal error|report it/);
    expect(stderr).toMatch(/^The template mine\/plan\.md\.hbs cannot be read at line \d+: /);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  test('a tag not closed, in French', async () => {
    const { code, stderr } = await renderWith('partials/md/poc.hbs', 'one\n{{md title\n', );
    expect(code).toBe(2);
    expect((await adopt(['render', '--templates', 'mine', '--lang', 'fr'], { cwd: dir })).stderr).toMatch(/^Le modèle mine\/partials\/md\/poc\.hbs ne peut pas être lu à la ligne 2/);
    expect(stderr).toMatch(/mine\/partials\/md\/poc\.hbs cannot be read at line 2/);
  });

  test('a partial that does not exist', async () => {
    const { code, stderr } = await renderWith('checklist.md.hbs', '# x\n\n{{> nowhere}}\n');
    expect(code).toBe(2);
    expect(stderr).toBe('The template mine/checklist.md.hbs includes the partial "nowhere" at line 3, and there is no such partial: partials are the files under partials/md/ and partials/html/.\n');
  });

  test('a message key that is not in the catalogue, even one every object has', async () => {
    for (const key of ['constructor', '__proto__', 'plan.nothing']) {
      const { code, stderr } = await renderWith('plan.html.hbs', `<p>\n{{t "${key}"}}</p>\n`);
      expect([key, code]).toEqual([key, 2]);
      expect(stderr).toBe(`The template mine/plan.html.hbs asks at line 2 for the message "${key}", which adopt does not have. Use the keys the built-in templates use.\n`);
    }
  });

  test('a mistake met only while writing names the template', async () => {
    const { code, stderr } = await renderWith('plan.md.hbs', '# {{md title}}\n{{#each 1}}{{/each}}{{lookup}}\n');
    expect(code).toBe(2);
    expect(stderr).toMatch(/^The template mine\/plan\.md\.hbs failed while writing plan\.md: /);
    expect(stderr).not.toMatch(/internal error/);
  });
});
