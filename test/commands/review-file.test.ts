/** `adopt evaluate --from review.yaml --yes` reads a review file as people's editors save it. */
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { adopt, tempDir, withFile } from '../helpers.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(async () => cleanup());

const project = ['version: 1', 'language: en', 'project:', '  title: Rota', 'needs:', '  objectives:', '    - { id: O1, text: One list }', ''].join('\n');
const saved = async () => parse(await readFile(`${dir}/adopt.yaml`, 'utf8')).evaluation?.reviews ?? [];

test('a review file saved with a UTF-8 BOM is read as its text', async () => {
  await withFile(dir, 'adopt.yaml', project);
  await withFile(dir, 'review.yaml', '\ufeffobjectives:\n  - { id: O1, status: met }\ndecision: continue\n');
  const { code, stderr } = await adopt(['evaluate', '--from', 'review.yaml', '--yes', '--date', '2027-06-01'], { cwd: dir });
  expect(stderr).toBe('');
  expect(code).toBe(0);
  expect(await saved()).toEqual([{ date: '2027-06-01', objectives: [{ id: 'O1', status: 'met' }], decision: 'continue' }]);
});

test('lines ended by a lone CR stay inside the review', async () => {
  await withFile(dir, 'adopt.yaml', project);
  await withFile(dir, 'review.yaml', 'objectives:\r  - { id: O1, status: partial, evidence: half }\rdecision: adjust\rx-source: paper form\r');
  const { code, stderr } = await adopt(['evaluate', '--from', 'review.yaml', '--yes', '--date', '2027-06-01'], { cwd: dir });
  expect(stderr).toBe('');
  expect(code).toBe(0);
  expect(await saved()).toEqual([{ date: '2027-06-01', objectives: [{ id: 'O1', status: 'partial', evidence: 'half' }], decision: 'adjust', 'x-source': 'paper form' }]);
});

test('a problem after a lone CR is reported at its own line', async () => {
  await withFile(dir, 'adopt.yaml', project);
  await withFile(dir, 'review.yaml', 'objectives:\r  - { id: O1, status: met }\rdecision: maybe\r');
  const { code, stderr } = await adopt(['evaluate', '--from', 'review.yaml', '--yes', '--date', '2027-06-01'], { cwd: dir });
  expect(code).toBe(1);
  expect(stderr).toMatch(/^review\.yaml:3:11 /);
});

test('keys of the user own (x-) are kept, and the user is told', async () => {
  await withFile(dir, 'adopt.yaml', project);
  await withFile(dir, 'review.yaml', 'x-source: paper form\nobjectives:\n  - { id: O1, status: met, x-who: Sam }\ndecision: continue\n');
  const { code, stdout } = await adopt(['evaluate', '--from', 'review.yaml', '--yes', '--date', '2027-06-01'], { cwd: dir });
  expect(code).toBe(0);
  expect(stdout).toContain('Your own keys are kept in the review, as written: x-source, objectives[0].x-who.');
  expect((await saved())[0]).toMatchObject({ 'x-source': 'paper form', objectives: [{ 'x-who': 'Sam' }] });
});
