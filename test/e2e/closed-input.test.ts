/** Input that runs out is not an answer, and not a Ctrl-C either: it is said, with exit 2. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { root, tempDir, TODAY } from '../helpers.js';
import { inquirerPrompter } from '../../src/wizard/inquirer-prompter.js';
import { loadTranslator } from '../../src/i18n/index.js';
import { makeStyle } from '../../src/view/style.js';
import { UsageError } from '../../src/errors.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(async () => cleanup());

test('a piped answer that runs out stops the wizard with exit 2 and a sentence', () => {
  const result = spawnSync(process.execPath, [path.join(root, 'bin/adopt.js'), 'init', '--interactive'], {
    cwd: dir,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ADOPT_TODAY: TODAY, LANG: 'C' },
    encoding: 'utf8',
    input: 'x\n',
    timeout: 20_000,
  });
  expect(result.status).toBe(2);
  expect(result.stderr).toContain('The input closed before this question was answered');
  expect(result.stderr).not.toContain('Stopped.');
});

test('a prompt whose input ends, before or while it is open, refuses in the user language', async () => {
  const t = await loadTranslator('fr');
  const input = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => undefined });
  const output = Object.assign(new Writable({ write: (_chunk, _encoding, done) => done() }), { end: () => output });
  const prompter = inquirerPrompter(t, await makeStyle({ env: {} }), output, { input, output });
  const open = prompter.text({ message: 'Nom' });
  setTimeout(() => input.end(), 30);
  const error = await open.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(UsageError);
  expect((error as UsageError).exitCode).toBe(2);
  expect((error as UsageError).message).toMatch(/^L’entrée s’est fermée/);
  await expect(prompter.select({ message: 'Choix', choices: [{ value: 1, label: 'Un' }] })).rejects.toBeInstanceOf(UsageError);
});
