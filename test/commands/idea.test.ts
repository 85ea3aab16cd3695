import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { adopt, tempDir, withFile } from '../helpers.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(async () => cleanup());

const env = { ADOPT_TODAY: '2027-03-02' };
const start = [
  '# Notre projet, à garder tel quel',
  'version: 1',
  'language: fr',
  'project: { title: Adhésions }   # une ligne en accolades',
  'practices:',
  '  specifics: Beaucoup de bénévoles ponctuels',
  '  ideas:',
  '    - { date: 2027-01-05, from: Karim, idea: "Relances automatiques", status: planned }',
  '    - { date: 2027-02-01, idea: Un annuaire des bénévoles, status: new }',
  '',
].join('\n');

describe('adopt idea', () => {
  test('appends one idea dated today, with the status new and who raised it; every other line stays as written', async () => {
    const file = await withFile(dir, 'adopt.yaml', start);
    const result = await adopt(['idea', 'Envoyer les rappels par SMS', '--by', 'Léa Dubois'], { cwd: dir, env });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toBe('Idée notée dans adopt.yaml, datée du 2 mars 2027.\n2 nouvelles idées attendent d’être discutées.\n');
    const text = await readFile(file, 'utf8');
    expect(text).toBe(`${start}    - date: 2027-03-02\n      from: Léa Dubois\n      idea: Envoyer les rappels par SMS\n      status: new\n`);
    expect((await adopt(['validate'], { cwd: dir })).code).toBe(0);
  });

  test('without --by, no name; a first idea creates the list where the format puts it', async () => {
    const file = await withFile(dir, 'adopt.yaml', 'version: 1\nlanguage: en\npractices:\n  specifics: Small team\n  decisions: []\n');
    const result = await adopt(['idea', '  Sign-up  by\nQR code  '], { cwd: dir, env });
    expect(result.stdout).toBe('Idea noted in adopt.yaml, dated 2 March 2027.\n1 new idea is waiting to be discussed.\n');
    const project = parse(await readFile(file, 'utf8'));
    expect(project.practices.ideas).toEqual([{ date: '2027-03-02', idea: 'Sign-up by QR code', status: 'new' }]);
    expect(Object.keys(project.practices)).toEqual(['specifics', 'decisions', 'ideas']);
  });

  test('an empty idea, no idea, or a file with problems: one sentence, nothing written', async () => {
    const file = await withFile(dir, 'adopt.yaml', start);
    const empty = await adopt(['idea', '   ', '--lang', 'en'], { cwd: dir, env });
    expect(empty).toMatchObject({ code: 2, stdout: '', stderr: 'Write the idea between quotes, for example: adopt idea "Send the shift reminders by text message".\n' });
    expect((await adopt(['idea'], { cwd: dir, env })).code).toBe(2);
    expect(await readFile(file, 'utf8')).toBe(start);

    const broken = 'version: 1\npractices:\n  ideas:\n    - { idea: Une idée, status: open }\n';
    await withFile(dir, 'adopt.yaml', broken);
    const refused = await adopt(['idea', 'Une autre', '--lang', 'en'], { cwd: dir, env });
    expect(refused.code).toBe(1);
    expect(refused.stdout + refused.stderr).toContain('adopt.yaml:4:33');
    expect(await readFile(file, 'utf8')).toBe(broken);

    const missing = await adopt(['idea', 'Une idée', '-f', 'absent.yaml'], { cwd: dir, env });
    expect(missing.code).toBe(2);
  });

  test('status counts the new ideas, at a terminal and in --json', async () => {
    await withFile(dir, 'adopt.yaml', start);
    expect((await adopt(['status', '--no-color'], { cwd: dir, env })).stdout).toContain('Idées\u00a0: 1 nouvelle idée à discuter\n');
    await adopt(['idea', 'Une troisième'], { cwd: dir, env });
    const json = JSON.parse((await adopt(['status', '--json'], { cwd: dir, env })).stdout);
    expect(json.ideas).toEqual({ new: 2, total: 3 });
    // Nothing new, nothing said.
    await withFile(dir, 'adopt.yaml', 'version: 1\nlanguage: en\n');
    expect((await adopt(['status', '--no-color'], { cwd: dir, env })).stdout).not.toContain('Ideas');
  });
});
