import { readFile, readdir, symlink, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { adopt, tempDir, examples, withFile, root } from '../helpers.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(async () => cleanup());

const MODELINE = '# yaml-language-server: $schema=./adopt.schema.json';
const OLD = '# yaml-language-server: $schema=https://unpkg.com/adopt-cli@0/schema/adopt.schema.json';
const shipped = () => readFile(path.join(root, 'schema/adopt.schema.json'), 'utf8');
const read = (name: string) => readFile(path.join(dir, name), 'utf8');

/** An example as a team's file from before: the old modeline, the example's comments. */
async function oldProject(example = examples.foodBank): Promise<string> {
  const text = (await readFile(example, 'utf8')).replace(/^# yaml-language-server: \S+/, OLD);
  await withFile(dir, 'adopt.yaml', text);
  return text;
}

describe('adopt schema --write', () => {
  test('saves the schema beside the project and replaces the old URL modeline, every other byte kept', async () => {
    const before = await oldProject();
    const result = await adopt(['schema', '--write'], { cwd: dir });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toBe('Wrote adopt.schema.json; adopt.yaml now points to it, so editors that read its yaml-language-server line (VS Code with the YAML extension, for one) complete and check it as you type. Commit both files.\n');
    expect(await read('adopt.schema.json')).toBe(await shipped());
    expect(await read('adopt.yaml')).toBe(before.replace(OLD, MODELINE));
    // the file's own comments are still there, under the modeline
    expect((await read('adopt.yaml')).split('\n').slice(0, 3)).toEqual([MODELINE, '#', '# Volunteer rota project, Riverside Community Food Bank.']);
    expect(await readdir(dir)).toEqual(['adopt.schema.json', 'adopt.yaml']);
  });

  test('adds the modeline as the first line when the file has none, above its comments', async () => {
    const text = '# Our membership tool\n# (kept by Camille)\nversion: 1\nlanguage: fr\nproject:\n  title: Adhésions   # short\n';
    await withFile(dir, 'adopt.yaml', text);
    const result = await adopt(['schema', '--write'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Écrit\u00a0: adopt\.schema\.json\. adopt\.yaml y renvoie désormais\u00a0: /);
    expect(await read('adopt.yaml')).toBe(`${MODELINE}\n${text}`);
  });

  test('adds it to a file with no comment at all, in the file\'s own line endings', async () => {
    const text = 'version: 1\r\nlanguage: en\r\nproject:\r\n  title: Rota\r\n';
    await withFile(dir, 'adopt.yaml', text);
    expect((await adopt(['schema', '--write'], { cwd: dir })).code).toBe(0);
    expect(await read('adopt.yaml')).toBe(`${MODELINE}\r\n${text}`);
  });

  test('replaces a modeline that is not on the first line where it stands', async () => {
    const text = '# Notes first\n#yaml-language-server: $schema=https://example.org/old.json\nversion: 1\nlanguage: en\n';
    await withFile(dir, 'adopt.yaml', text);
    expect((await adopt(['schema', '--write'], { cwd: dir })).code).toBe(0);
    expect(await read('adopt.yaml')).toBe(`# Notes first\n${MODELINE}\nversion: 1\nlanguage: en\n`);
  });

  test('a second run refreshes the schema and leaves the project file alone', async () => {
    await oldProject();
    await adopt(['schema', '--write'], { cwd: dir });
    await writeFile(path.join(dir, 'adopt.schema.json'), '{"stale": true}\n');
    const before = await read('adopt.yaml');
    const result = await adopt(['schema', '--write'], { cwd: dir });
    expect(result).toMatchObject({ code: 0, stdout: 'Wrote adopt.schema.json; adopt.yaml already points to it.\n' });
    expect(await read('adopt.yaml')).toBe(before);
    expect(await read('adopt.schema.json')).toBe(await shipped());
  });

  test('the schema goes beside the file named by -f, shown as the user named it', async () => {
    await withFile(dir, 'team.yaml', 'version: 1\nlanguage: en\n');
    const named = path.join(path.basename(dir), 'team.yaml');
    const result = await adopt(['schema', '--write', '-f', named], { cwd: path.dirname(dir) });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Wrote ${path.join(path.basename(dir), 'adopt.schema.json')}; ${named} now points to it`);
    expect((await read('team.yaml')).split('\n')[0]).toBe(MODELINE);
    expect(existsSync(path.join(dir, 'adopt.schema.json'))).toBe(true);
  });

  test('refuses to write through a link, and changes nothing', async () => {
    const before = await oldProject();
    const victim = await withFile(dir, 'precious.txt', 'mine\n');
    await symlink(victim, path.join(dir, 'adopt.schema.json'));
    const result = await adopt(['schema', '--write'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/adopt\.schema\.json is a symbolic link: adopt does not write through links/);
    expect(await read('precious.txt')).toBe('mine\n');
    expect(await read('adopt.yaml')).toBe(before);
  });

  test('refuses to write the schema over the project file itself', async () => {
    await withFile(dir, 'adopt.schema.json', 'version: 1\nlanguage: en\n');
    const result = await adopt(['schema', '--write', '-f', 'adopt.schema.json'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/adopt\.schema\.json is the project file itself/);
    expect(await read('adopt.schema.json')).toBe('version: 1\nlanguage: en\n');
  });

  test('a file adopt cannot read gets no schema beside it', async () => {
    await withFile(dir, 'adopt.yaml', 'version: 1\nproject: [unclosed\n');
    const result = await adopt(['schema', '--write'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^adopt\.yaml:2:10 .*\nadopt\.yaml cannot be read \(see above\), so the schema was not saved beside it: fix the file first\.\n$/);
    expect(existsSync(path.join(dir, 'adopt.schema.json'))).toBe(false);
  });

  test('before init: only the schema, then the new file points to it', async () => {
    const alone = await adopt(['schema', '--write'], { cwd: dir });
    expect(alone).toMatchObject({ code: 0, stdout: 'Wrote adopt.schema.json. There is no adopt.yaml yet: adopt init will point the new file to this schema.\n' });
    expect(existsSync(path.join(dir, 'adopt.yaml'))).toBe(false);
    const answers = await withFile(dir, 'answers.yaml', 'version: 1\nlanguage: en\nproject:\n  title: Rota\n');
    const init = await adopt(['init', '--from', answers, '--yes'], { cwd: dir });
    expect(init.stderr).not.toMatch(/internal/i);
    expect((await read('adopt.yaml')).split('\n')[0]).toBe(MODELINE);
  });
});
