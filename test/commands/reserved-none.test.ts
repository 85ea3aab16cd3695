/** `poc.decision.chosen: none` means no tool fits: no candidate may be called none. */
import { adopt, tempDir, withFile } from '../helpers.js';
import { slug } from '../../src/util/ids.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(async () => cleanup());

test('a candidate with the id none is refused at its line, in both languages', async () => {
  const lines = ['version: 1', 'language: en', 'research:', '  candidates:', '    - id: tool-a', '      name: Tool A', '    - id: none', '      name: Nothing', 'poc:', '  decision: { chosen: none }', ''];
  await withFile(dir, 'adopt.yaml', lines.join('\n'));
  const { code, stdout } = await adopt(['validate'], { cwd: dir });
  expect(code).toBe(1);
  expect(stdout).toBe('adopt.yaml:7:11 Candidate tool 2, Nothing › id: "none" is kept for poc.decision.chosen, where it means that no tool was chosen. Give this candidate another id.\n');
  const fr = await adopt(['validate', '--lang', 'fr'], { cwd: dir });
  expect(fr.stdout).toContain('Outil candidat n° 2, Nothing › id\u00a0: «\u00a0none\u00a0» est réservé à poc.decision.chosen');
});

test('the wizard never makes the id none from a tool named None', () => {
  expect(slug('None')).not.toBe('none');
  expect(slug('Nothing')).toBe('nothing');
});
