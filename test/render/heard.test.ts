import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { adopt, copyExample, examples, tempDir } from '../helpers.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(async () => cleanup());

const plain = (text: string) => text.replace(/’/g, "'").replace(/[\u202f\u00a0]/g, ' ');
const lines = [
  '  responses:',
  '    - { id: R1, received: 2026-11-20, form: review, audience: A1, sus: [5, 1, 5, 1, 5, 1, 5, 1, 5, 1], objectives: [{ id: O1, status: met, comment: Tout est au même endroit }] }',
  '    - { id: R2, received: 2026-11-20, form: review, audience: A1, sus: [4, 4, 4, 4, 4, 4, 4, 4, 4, 4], objectives: [{ id: O1, status: met }], comment: Merci, name: Zoé Lambert }',
  '    - { id: R3, received: 2026-11-21, form: review, audience: A1, objectives: [{ id: O1, status: partial }] }',
  '    - { id: R4, received: 2026-11-21, form: review, audience: A2, objectives: [{ id: O1, status: unmet }], effects: { negative: Le samedi sans réseau } }',
  '  reviews:',
  '    - date: 2026-11-25',
  '      responses: [R1, R2, R3, R4]',
  '      objectives:',
  '        - { id: O1, status: partial }',
  '      decision: continue',
].join('\n');

test('the evaluation report: per audience of three or more, perceived status beside the team\'s, quotes named only when a name was given', async () => {
  const file = await copyExample(examples.jardins, dir);
  let text = (await readFile(file, 'utf8')).replace(/  reviews: \[\].*\n/, `${lines}\n`);
  text = text.replace("    - who: Secrétaire du bureau\n", "    - who: Secrétaire du bureau\n      count: 5\n");
  await writeFile(file, text);
  const result = await adopt(['render', '--doc', 'evaluation'], { cwd: dir });
  expect(result.stderr).toBe('');
  const md = plain(await readFile(path.join(dir, 'adopt-docs', 'evaluation.md'), 'utf8'));
  const html = plain(await readFile(path.join(dir, 'adopt-docs', 'evaluation.html'), 'utf8'));
  expect(md).toContain('### Ce que les répondants ont dit');
  expect(md).toContain('4 personnes ont répondu au questionnaire d\'évaluation.');
  expect(md).toContain('#### Secrétaire du bureau');
  expect(md).toContain('Réponses : 3 sur 5.');
  expect(md).toContain('75 en moyenne, de 50 à 100 (2 questionnaires remplis)');
  expect(md).toMatch(/\| \*\*O1\*\* [^|]+\| ✓ atteint \| 2 \/ 1 \/ 1 \| ◐ partiellement atteint \|/);
  expect(md).toContain('> Tout est au même endroit\n');
  expect(md).toContain('> Merci — Zoé Lambert');
  // The one respondent of the second group: counted, quoted, never shown as that group.
  expect(md).toContain('1 répondant d\'un public de moins de 3 personnes');
  expect(md).toContain('> Le samedi sans réseau');
  expect(md).not.toContain('#### Salariées');
  for (const doc of [md, html]) expect(doc.match(/Zoé/g)).toHaveLength(1);
  expect(html).toContain('<h4>Secrétaire du bureau</h4>');
  expect(html).toContain('<blockquote>Tout est au même endroit</blockquote>');
});
