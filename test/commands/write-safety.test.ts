/**
 * Every write is safe: documents never go through a link or over the project file, a full disk
 * leaves nothing half-written, two writers never lose a review, a read-only file is respected,
 * each line ending and trailing comment is kept. Each test reproduces a reported finding.
 */
import { chmod, link, mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { hostname } from 'node:os';
import { parse } from 'yaml';
import { replaceFsCalls } from '../../src/util/atomic.js';
import type { Project } from '../../src/generated/model.js';
import { adopt, copyExample, examples, tempDir, withFile, failingOpen } from '../helpers.js';

let dir: string;
let cleanup: () => Promise<void>;
let restore: (() => void) | undefined;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(async () => {
  restore?.();
  restore = undefined;
  await cleanup();
});

const review = (date: string) => `date: ${date}\nobjectives:\n  - { id: O1, status: met }\n  - { id: O2, status: partial }\n  - { id: O3, status: met }\n  - { id: O4, status: unmet }\ndecision: continue\n`;
const leftovers = async (folder = dir) => (await readdir(folder)).filter((name) => name.endsWith('.adopt-tmp') || name.endsWith('.tmp') || name.endsWith('.lock') || name.endsWith('.break'));

describe('documents and the calendar are never written through a link or over the project', () => {
  test('a plan.md that is a link to another file: refused, naming the link, the file left alone', async () => {
    await copyExample(examples.foodBank, dir);
    const victim = await withFile(dir, 'bashrc', 'export PATH=/usr/bin\n');
    await mkdir(path.join(dir, 'adopt-docs'));
    await symlink(victim, path.join(dir, 'adopt-docs/plan.md'));
    const result = await adopt(['render'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/adopt-docs\/plan\.md is a symbolic link/);
    expect(await readFile(victim, 'utf8')).toBe('export PATH=/usr/bin\n');
    // all or nothing: the other documents were not written either
    expect((await readdir(path.join(dir, 'adopt-docs'))).sort()).toEqual(['plan.md']);
  });

  test('a link named adopt.ics pointing at the project file: refused, the project intact', async () => {
    const file = await copyExample(examples.foodBank, dir);
    const before = await readFile(file, 'utf8');
    await symlink('adopt.yaml', path.join(dir, 'adopt.ics'));
    const result = await adopt(['calendar'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/adopt\.ics is a symbolic link/);
    expect(await readFile(file, 'utf8')).toBe(before);
  });

  test('an output folder that is a link is refused', async () => {
    await copyExample(examples.foodBank, dir);
    await mkdir(path.join(dir, 'elsewhere'));
    await symlink(path.join(dir, 'elsewhere'), path.join(dir, 'adopt-docs'));
    const result = await adopt(['render'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/adopt-docs is a symbolic link/);
    expect(await readdir(path.join(dir, 'elsewhere'))).toEqual([]);
  });

  test('--out naming the project through a link, a hard link or its own name: refused by identity', async () => {
    await copyExample(examples.foodBank, dir);
    const real = path.join(dir, 'real.yaml');
    await writeFile(real, await readFile(path.join(dir, 'adopt.yaml')));
    const { rm } = await import('node:fs/promises');
    await rm(path.join(dir, 'adopt.yaml'));
    await symlink('real.yaml', path.join(dir, 'adopt.yaml'));
    await link(real, path.join(dir, 'hard.yaml'));
    const before = await readFile(real, 'utf8');
    for (const out of ['real.yaml', 'hard.yaml', 'adopt.yaml']) {
      const result = await adopt(['calendar', '--out', out], { cwd: dir });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/is the project file itself|is a symbolic link/);
      expect(await readFile(real, 'utf8')).toBe(before);
    }
  });
});


describe('a full disk, no permission, a read-only disk: a sentence, exit 2, nothing half-written', () => {
  test.each([
    ['ENOSPC', /disk is full/],
    ['EACCES', /not allowed to write/],
    ['EROFS', /read-only disk/],
  ])('%s during render and calendar', async (code, message) => {
    await copyExample(examples.foodBank, dir);
    await adopt(['render'], { cwd: dir });
    await adopt(['calendar'], { cwd: dir });
    const plan = await readFile(path.join(dir, 'adopt-docs/plan.md'), 'utf8');
    const ics = await readFile(path.join(dir, 'adopt.ics'), 'utf8');
    await writeFile(path.join(dir, 'adopt.yaml'), (await readFile(path.join(dir, 'adopt.yaml'), 'utf8')).replace(/title: .*/, 'title: Changed title'));
    restore = replaceFsCalls({ open: failingOpen(code) });
    for (const command of ['render', 'calendar']) {
      const result = await adopt([command], { cwd: dir });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).not.toMatch(/inside adopt|report this/);
    }
    expect(await readFile(path.join(dir, 'adopt-docs/plan.md'), 'utf8')).toBe(plan);
    expect(await readFile(path.join(dir, 'adopt.ics'), 'utf8')).toBe(ics);
    expect(await leftovers(path.join(dir, 'adopt-docs'))).toEqual([]);
    expect(await leftovers()).toEqual([]);
  });

  test('--out naming a file where a folder is expected', async () => {
    await copyExample(examples.foodBank, dir);
    await writeFile(path.join(dir, 'notes.txt'), 'mine\n');
    const render = await adopt(['render', '--out', 'notes.txt'], { cwd: dir });
    expect(render.code).toBe(2);
    expect(render.stderr).toMatch(/notes\.txt is a file, not a folder/);
    const calendar = await adopt(['calendar', '--out', 'notes.txt/team.ics'], { cwd: dir });
    expect(calendar.code).toBe(2);
    expect(calendar.stderr).toMatch(/notes\.txt is a file, not a folder/);
    expect(await readFile(path.join(dir, 'notes.txt'), 'utf8')).toBe('mine\n');
  });

  test('a full disk while saving a review: the project file is as it was', async () => {
    const file = await copyExample(examples.foodBank, dir);
    const before = await readFile(file, 'utf8');
    await withFile(dir, 'review.yaml', review('2027-06-03'));
    restore = replaceFsCalls({ open: failingOpen('ENOSPC') });
    const result = await adopt(['evaluate', '--from', 'review.yaml', '--yes'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/disk is full/);
    expect(await readFile(file, 'utf8')).toBe(before);
    expect(await leftovers()).toEqual([]);
  });
});

describe('the project file', () => {
  test('two reviews saved at the same moment are both kept, and each says saved once', async () => {
    const file = await copyExample(examples.foodBank, dir);
    for (let round = 0; round < 5; round++) {
      const dates = [`2027-0${round + 1}-10`, `2027-0${round + 1}-20`];
      for (const date of dates) await withFile(dir, `r-${date}.yaml`, review(date));
      const results = await Promise.all(dates.map((date) => adopt(['evaluate', '--from', `r-${date}.yaml`, '--yes'], { cwd: dir })));
      const reviews = ((parse(await readFile(file, 'utf8')) as Project).evaluation?.reviews ?? []).map((r) => r.date);
      for (const [index, result] of results.entries()) {
        expect(result.code).toBe(0);
        expect(reviews).toContain(dates[index]);
      }
    }
    expect(await leftovers()).toEqual([]);
  });

  test('a stale lock left by a writer that died is taken over; a live one from another machine is waited for, then named', async () => {
    const file = await copyExample(examples.foodBank, dir);
    await withFile(dir, 'review.yaml', review('2027-06-03'));
    await writeFile(`${file}.lock`, JSON.stringify({ pid: 999999, host: hostname(), time: new Date().toISOString() }));
    expect((await adopt(['evaluate', '--from', 'review.yaml', '--yes'], { cwd: dir })).code).toBe(0);
    expect(await leftovers()).toEqual([]);
  });

  test('the temporary file is created exclusively, and those of dead writers are cleaned up', async () => {
    const file = await copyExample(examples.foodBank, dir);
    const stale = path.join(dir, '.adopt.yaml.999999.0123456789ab.adopt-tmp');
    await writeFile(stale, 'half a file');
    const flags: string[] = [];
    const { open } = await import('node:fs/promises');
    restore = replaceFsCalls({ open: (async (name: string, flag: string, mode?: number) => (flags.push(flag), open(name, flag, mode))) as never });
    await withFile(dir, 'review.yaml', review('2027-06-03'));
    expect((await adopt(['evaluate', '--from', 'review.yaml', '--yes'], { cwd: dir })).code).toBe(0);
    expect(flags.length).toBeGreaterThan(0);
    expect(flags.every((flag) => flag === 'wx')).toBe(true);
    expect(await leftovers()).toEqual([]);
    expect((parse(await readFile(file, 'utf8')) as Project).evaluation?.reviews?.at(-1)?.date).toBe('2027-06-03');
  });

  test('a read-only project file is respected: a sentence, exit 2, not replaced', async () => {
    const file = await copyExample(examples.foodBank, dir);
    const before = await readFile(file, 'utf8');
    await chmod(file, 0o444);
    await withFile(dir, 'review.yaml', review('2027-06-03'));
    const result = await adopt(['evaluate', '--from', 'review.yaml', '--yes'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/adopt\.yaml is read-only/);
    expect(await readFile(file, 'utf8')).toBe(before);
  });

  test('a file with lone CR line endings is read and written line for line, never turned into comments', async () => {
    const file = await withFile(dir, 'cr.yaml', '# our project\rversion: 1\rlanguage: en\rproject:\r  title: Rota # working title\r');
    await withFile(dir, 'ans.yaml', 'version: 1\nproject:\n  organisation: Bike Kitchen\n');
    const result = await adopt(['init', '-f', 'cr.yaml', '--from', 'ans.yaml', '--yes'], { cwd: dir });
    expect(result.stderr).not.toMatch(/inside adopt/);
    const written = await readFile(file, 'utf8');
    expect(written).toBe('# our project\rversion: 1\rlanguage: en\rproject:\r  title: Rota # working title\r  organisation: Bike Kitchen\r');
  });

  test('a file mixing CRLF and LF keeps each line its own ending', async () => {
    const file = await withFile(dir, 'adopt.yaml', 'version: 1\r\nlanguage: en\nproject:\r\n  title: Rota\n');
    await withFile(dir, 'ans.yaml', 'version: 1\nproject:\n  title: Volunteer rota\n');
    await adopt(['init', '--from', 'ans.yaml', '--yes'], { cwd: dir });
    expect(await readFile(file, 'utf8')).toBe('version: 1\r\nlanguage: en\nproject:\r\n  title: Volunteer rota\n');
  });

  test('a CRLF file given answers it already holds stays byte for byte (no doubled CR)', async () => {
    const text = '# ours\r\nversion: 1\r\nlanguage: en\r\nproject:\r\n  title: Rota\r\n';
    const file = await withFile(dir, 'adopt.yaml', text);
    await withFile(dir, 'ans.yaml', 'version: 1\nproject:\n  title: Rota\n');
    await adopt(['init', '--from', 'ans.yaml', '--yes'], { cwd: dir });
    expect(await readFile(file, 'utf8')).toBe(text);
  });

  test('a value replaced by one of another kind keeps its trailing comment', async () => {
    const file = await withFile(dir, 'adopt.yaml', 'version: 1\nlanguage: en\nx-tags: [] # filled in later\n');
    const { loadProject, writeProject, setIn } = await import('../../src/store.js');
    const { loadTranslator } = await import('../../src/i18n/index.js');
    const t = await loadTranslator('en');
    const loaded = await loadProject(file, t);
    if (!loaded.ok) throw new Error('fixture');
    await writeProject(loaded.source, (doc) => setIn(doc, ['x-tags'], 'none yet'), t);
    expect(await readFile(file, 'utf8')).toBe('version: 1\nlanguage: en\nx-tags: none yet # filled in later\n');
  });

  test('a trailing comment on a changed value stays', async () => {
    const file = await withFile(dir, 'adopt.yaml', 'version: 1\nlanguage: en\nproject:\n  title: Rota # working title\nevaluation:\n  due: 2027-07-05 # about three months after the last phase\n');
    await withFile(dir, 'ans.yaml', 'version: 1\nproject:\n  title: Volunteer rota\nevaluation:\n  due: 2027-10-05\n');
    await adopt(['init', '--from', 'ans.yaml', '--yes'], { cwd: dir });
    const written = await readFile(file, 'utf8');
    expect(written).toContain('  title: Volunteer rota # working title\n');
    expect(written).toContain('  due: 2027-10-05 # about three months after the last phase\n');
  });

  test('the answers file cannot reach a prototype: the project is not reprinted, nothing is injected', async () => {
    const project = 'version: 1\nlanguage: en\n# the team\'s own notes\nx-meta:\n  owner: Sam\nproject:\n  title: Rota\n';
    for (const payload of ['flow: true', 'commentBefore: " injected"', 'tag: "tag:yaml.org,2002:int"']) {
      const file = await withFile(dir, 'adopt.yaml', project);
      await withFile(dir, 'answers.yaml', `version: 1\nx-meta:\n  __proto__:\n    ${payload}\nlead:\n  role: Deputy manager\n`);
      await adopt(['init', '--from', 'answers.yaml', '--yes'], { cwd: dir });
      const written = await readFile(file, 'utf8');
      expect(written.startsWith(project.replace('  owner: Sam\n', ''))).toBe(false);
      expect(written).toContain("# the team's own notes\nx-meta:\n  owner: Sam\n");
      expect(written).toContain('lead:\n  role: Deputy manager\n');
      // kept as the data it is, under its own key: never a comment, a style or a tag
      expect(written).not.toMatch(/^\s*# injected/m);
      expect(written).not.toContain('!!int');
      expect(written).not.toContain('{');
      expect(({} as Record<string, unknown>).flow).toBeUndefined();
    }
  });
});

describe('files a careless team or an attacker may hand in', () => {
  test('a self-referencing alias is one problem, and validate goes on to the other files', async () => {
    await withFile(dir, 'a.yaml', 'version: 1\nlanguage: en\n');
    await withFile(dir, 'self.yaml', 'version: 1\nx-a: &a { self: *a }\n');
    await withFile(dir, 'b.yaml', 'version: 1\nlanguage: klingon\n');
    const result = await adopt(['validate', 'a.yaml', 'self.yaml', 'b.yaml'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout + result.stderr).toMatch(/self\.yaml:2:\d+ .*loop/);
    expect(result.stdout + result.stderr).toMatch(/b\.yaml:2:\d+/);
    expect(result.stderr).not.toMatch(/inside adopt|call stack/);
    for (const command of [['status'], ['render'], ['calendar']]) {
      const other = await adopt([...command, '-f', 'self.yaml'], { cwd: dir });
      expect(other.stderr).not.toMatch(/inside adopt|call stack/);
      expect(other.code).not.toBe(0);
    }
  });

  test('a file saved as UTF-16 is named as such', async () => {
    await withFile(dir, 'adopt.yaml', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('version: 1\r\n', 'utf16le')]));
    await withFile(dir, 'nobom.yaml', Buffer.from('version: 1\nlanguage: en\n', 'utf16le'));
    for (const name of ['adopt.yaml', 'nobom.yaml']) {
      const result = await adopt(['validate', name], { cwd: dir });
      expect(result.code).toBe(1);
      expect(result.stdout + result.stderr).toMatch(/saved as UTF-16.*save it as UTF-8/);
    }
  });
});

describe('when someone else saved the file meanwhile', () => {
  test('an answer elsewhere is applied on top; the same answer changed both ways keeps the file and sets the user\'s aside', async () => {
    const { loadProject, writeProject, setIn } = await import('../../src/store.js');
    const { loadTranslator } = await import('../../src/i18n/index.js');
    const t = await loadTranslator('en');
    const file = await withFile(dir, 'adopt.yaml', 'version: 1\nlanguage: en\nproject:\n  title: Rota\nlead:\n  name: Sam\n');
    const loaded = await loadProject(file, t);
    if (!loaded.ok) throw new Error('fixture');
    // a colleague's pull lands while the wizard asks
    await writeFile(file, 'version: 1\nlanguage: en\nproject:\n  title: Volunteer rota # renamed at the meeting\nlead:\n  name: Sam\n');
    const written = await writeProject(loaded.source, (doc) => {
      setIn(doc, ['lead', 'role'], 'Coordinator');
      setIn(doc, ['project', 'title'], 'Rota 2027');
    }, t, () => new Date(2027, 5, 3, 14, 15, 2));
    const text = await readFile(file, 'utf8');
    expect(text).toBe('version: 1\nlanguage: en\nproject:\n  title: Volunteer rota # renamed at the meeting\nlead:\n  name: Sam\n  role: Coordinator\n');
    expect(written.kept?.paths).toEqual(['project.title']);
    const aside = path.join(dir, 'adopt.yaml.unsaved-20270603-141502.yaml');
    expect(parse(await readFile(aside, 'utf8'))).toEqual({ version: 1, project: { title: 'Rota 2027' } });
    // and the side file is a partial project file that init --from applies
    expect((await adopt(['init', '--from', aside, '--yes'], { cwd: dir })).stderr).not.toMatch(/problem/);
    expect(parse(await readFile(file, 'utf8')).project.title).toBe('Rota 2027');
  });
});

describe('Windows: renames blocked for a moment by antivirus, Word or OneDrive', () => {
  const blockedRename = (times: number, code = 'EPERM') => {
    let calls = 0;
    return {
      count: () => calls,
      rename: (async (from: string, to: string) => {
        calls++;
        if (calls <= times) throw Object.assign(new Error(code), { code });
        const { rename } = await import('node:fs/promises');
        return rename(from, to);
      }) as never,
    };
  };

  test('a rename that fails a few times is retried, and the review is saved', async () => {
    const file = await copyExample(examples.foodBank, dir);
    const blocked = blockedRename(3);
    restore = replaceFsCalls({ rename: blocked.rename, platform: 'win32', retryFor: 2000 });
    await withFile(dir, 'review.yaml', review('2027-06-03'));
    const result = await adopt(['evaluate', '--from', 'review.yaml', '--yes'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(blocked.count()).toBe(4);
    expect((parse(await readFile(file, 'utf8')) as Project).evaluation?.reviews?.at(-1)?.date).toBe('2027-06-03');
    expect(await leftovers()).toEqual([]);
  });

  test('a file held open for good: the file is named, the project unchanged, no temporary file left', async () => {
    const file = await copyExample(examples.foodBank, dir);
    const before = await readFile(file, 'utf8');
    restore = replaceFsCalls({ rename: blockedRename(Infinity).rename, platform: 'win32', retryFor: 300 });
    await withFile(dir, 'review.yaml', review('2027-06-03'));
    const result = await adopt(['evaluate', '--from', 'review.yaml', '--yes'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/adopt\.yaml is held open by another program/);
    expect(await readFile(file, 'utf8')).toBe(before);
    expect(await leftovers()).toEqual([]);
    const render = await adopt(['render'], { cwd: dir });
    expect(render.code).toBe(2);
    expect(render.stderr).toMatch(/plan\.md is held open by another program/);
  });

  test('a lock file still "delete pending" (EPERM on create) is retried', async () => {
    const file = await copyExample(examples.foodBank, dir);
    const { open } = await import('node:fs/promises');
    let refused = 0;
    restore = replaceFsCalls({
      platform: 'win32',
      open: (async (name: string, flag: string, mode?: number) => {
        if (name.endsWith('.lock') && refused < 2) {
          refused++;
          throw Object.assign(new Error('EPERM'), { code: 'EPERM' });
        }
        return open(name, flag, mode);
      }) as never,
    });
    await withFile(dir, 'review.yaml', review('2027-06-03'));
    expect((await adopt(['evaluate', '--from', 'review.yaml', '--yes'], { cwd: dir })).code).toBe(0);
    expect(refused).toBe(2);
    expect((parse(await readFile(file, 'utf8')) as Project).evaluation?.reviews?.at(-1)?.date).toBe('2027-06-03');
  });
});

describe('what the review of these writes found', () => {
  test('answers kept aside in the same second by two writers are two files, never one over the other', async () => {
    const { parseProject, keepAside } = await import('../../src/store.js');
    const { loadTranslator } = await import('../../src/i18n/index.js');
    const file = await withFile(dir, 'adopt.yaml', 'version: 1\n');
    const read = await parseProject(Buffer.from('version: 1\n'), 'adopt.yaml', await loadTranslator('en'), file);
    if (!read.ok) throw new Error('fixture');
    const at = () => new Date(2027, 5, 3, 14, 15, 2);
    const kept = await Promise.all([1, 2, 3].map((n) => keepAside(read.source, { version: 1, project: { title: `answer ${n}` } }, at)));
    expect(new Set(kept).size).toBe(3);
    const titles = await Promise.all(kept.map(async (name) => (parse(await readFile(path.join(dir, path.basename(name)), 'utf8')) as Project).project?.title));
    expect(titles.sort()).toEqual(['answer 1', 'answer 2', 'answer 3']);
  });

  test('lines laid out anew around a change are said on stderr', async () => {
    const file = await withFile(dir, 'p5.yaml', 'version: 1\nlanguage: en\nlead:\n    name: Sam # c\n    role: Y\n');
    await withFile(dir, 'ans.yaml', 'version: 1\nlead:\n  contact: a@b.org\n  role: "New\\nrole"\n');
    const result = await adopt(['init', '-f', 'p5.yaml', '--from', 'ans.yaml', '--yes'], { cwd: dir });
    const written = await readFile(file, 'utf8');
    if (!written.includes('    name: Sam # c\n')) expect(result.stderr).toMatch(/rewrote a few lines of p5\.yaml|could not keep the layout/);
    expect((parse(written) as Project).lead).toMatchObject({ name: 'Sam', role: 'New\nrole', contact: 'a@b.org' });
  });

  test('a journal that cannot be written (a full disk) stops evaluate with a sentence, not an internal error', async () => {
    const { evaluate } = await import('../../src/commands/evaluate.js');
    const { ScriptedPrompter } = await import('../../src/wizard/prompter.js');
    const { contextFor } = await import('../helpers.js');
    const { PassThrough } = await import('node:stream');
    const file = await copyExample(examples.foodBank, dir);
    const before = await readFile(file, 'utf8');
    const { open } = await import('node:fs/promises');
    restore = replaceFsCalls({
      open: (async (name: string, flag: string, mode?: number) => {
        if (name.includes('.journal')) throw Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' });
        return open(name, flag, mode);
      }) as never,
    });
    const io = { stdout: { write: () => true }, stderr: { write: () => true }, stdin: Object.assign(new PassThrough(), { isTTY: true }), env: { LANG: 'C' }, cwd: dir };
    const error = await evaluate({ interactive: true, prompter: new ScriptedPrompter(['met', 'all shifts filled', 'met', '', 'met', '', 'met', '', '']) }, await contextFor(io, { lang: 'en', today: '2027-06-03' })).then(
      () => ({ exitCode: 0, message: 'finished' }),
      (caught: Error & { exitCode?: number }) => caught,
    );
    expect(error.exitCode).toBe(2);
    expect(error.message).toMatch(/disk is full/);
    expect(error.message).not.toMatch(/internal|bug/);
    expect(await readFile(file, 'utf8')).toBe(before);
  });
});
