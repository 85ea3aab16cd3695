import { readFile } from 'node:fs/promises';
import { adopt, tempDir, withFile } from '../helpers.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(async () => cleanup());

const base = [
  'version: 1',
  'keyUsers:',
  '  - id: ana',
  'needs:',
  '  objectives:',
  '    - id: O1',
  '      text: Centraliser',
  '  audiences:',
  '    - who: Bénévoles',
  '      count: 12',
  '    - id: staff',
  '      who: Salariés',
  'research:',
  '  candidates:',
  '    - id: tool-a',
  '      name: Tool A',
];

describe('collected answers in the project file', () => {
  test('responses, a review naming them, counted audiences and tool comments are valid', async () => {
    const text = [
      ...base,
      'poc:',
      '  comments:',
      '    - { candidate: tool-a, by: ana, comment: Simple }',
      'evaluation:',
      '  responses:',
      '    - id: R1',
      '      received: 2026-11-20',
      '      form: review',
      '      audience: A1',
      '      sus: [4, 2, 4, 2, 4, 2, 4, 2, 4, 2]',
      '      objectives:',
      '        - { id: O1, status: met, comment: Oui }',
      '      effects: { positive: Moins de papier }',
      '    - { id: R2, received: 2026-11-21, form: review, audience: staff }',
      '  reviews:',
      '    - date: 2026-11-27',
      '      responses: [R1, R2]',
      '',
    ].join('\n');
    await withFile(dir, 'adopt.yaml', text);
    const result = await adopt(['validate'], { cwd: dir });
    expect(result.stdout).toContain('valid');
    expect(result.code).toBe(0);
  });

  test('ids that point nowhere and a short questionnaire are reported at their line', async () => {
    const text = [
      ...base,
      'poc:',
      '  comments:',
      '    - { candidate: tool-z, by: bob, comment: Simple }',
      'evaluation:',
      '  responses:',
      '    - id: R1',
      '      received: 2026-11-20',
      '      form: review',
      '      audience: A2',
      '      sus: [4, 2, 4]',
      '      objectives:',
      '        - { id: O9, status: met }',
      '  reviews:',
      '    - date: 2026-11-27',
      '      responses: [R1, R7]',
      '',
    ].join('\n');
    const file = await withFile(dir, 'adopt.yaml', text);
    const before = await readFile(file);
    const { code, stdout } = await adopt(['validate'], { cwd: dir });
    expect(code).toBe(1);
    // A2 is taken by nobody: the second audience is called staff, so the first one is A1.
    expect(stdout).toMatch(/adopt\.yaml:25:17 .*Response R1 › audience: "A2" does not match any target group's id/);
    expect(stdout).toMatch(/adopt\.yaml:26:12 .*must hold 10 answers, not 3/);
    expect(stdout).toMatch(/adopt\.yaml:28:17 .*"O9" does not match any objective's id/);
    expect(stdout).toMatch(/adopt\.yaml:31:23 .*"R7" does not match any collected response's id/);
    expect(stdout).toMatch(/adopt\.yaml:19:20 .*"tool-z" does not match any candidate/);
    expect(stdout).toMatch(/adopt\.yaml:19:32 .*"bob" does not match any key user/);
    expect(await readFile(file)).toEqual(before);
  });

  test('two audiences with the same id are refused', async () => {
    await withFile(dir, 'adopt.yaml', ['version: 1', 'needs:', '  audiences:', '    - { id: A1, who: X }', '    - { id: A1, who: Y }', ''].join('\n'));
    const { code, stdout } = await adopt(['validate'], { cwd: dir });
    expect(code).toBe(1);
    expect(stdout).toMatch(/adopt\.yaml:5:13 .*"A1" is already used at line 4/);
  });
});
