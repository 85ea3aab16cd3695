/**
 * `adopt status` in a real terminal 60 and 80 columns wide (tmux): what the user sees has no word
 * cut at a line end. The screen is read as drawn (capture-pane without -J), so a word the
 * terminal itself had to break would show as two. Needs tmux and a build (npm run build).
 */
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { adopt, root, tempDir, withFile } from '../helpers.js';
import { describeWith } from './tools.js';
import { montreuil } from '../commands/montreuil.js';

const bin = path.join(root, 'bin/adopt.js');
const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const describeTmux = describeWith(hasTmux, 'the terminal width tests need tmux on the PATH (apt-get install tmux).');

const socket = path.join(tmpdir(), `adopt-words-${process.pid}.sock`);
const tmuxEnv: NodeJS.ProcessEnv = { ...process.env, LANG: 'C.UTF-8' };
delete tmuxEnv.TMUX;
delete tmuxEnv.LC_ALL;
const tmux = (...args: string[]) => spawnSync('tmux', ['-S', socket, '-f', '/dev/null', '-u', ...args], { encoding: 'utf8', env: tmuxEnv });
const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;
const words = (text: string) => text.split(/\s+/).filter(Boolean);

describeTmux('status at the terminal\'s width', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ dir, cleanup } = await tempDir());
    await withFile(dir, 'adopt.yaml', montreuil.replace('PROFILE', 'occasional'));
  });
  afterAll(async () => {
    tmux('kill-server');
    await cleanup();
  });

  test.each([
    [60, 'fr'],
    [80, 'fr'],
    [60, 'en'],
  ] as const)('%i columns, %s: every line fits and every word is whole', async (columns, lang) => {
    const name = `words-${process.pid}-${columns}-${lang}`;
    const command = `cd ${quote(dir)} && NO_COLOR=1 ADOPT_TODAY=2027-03-16 ${quote(process.execPath)} ${quote(bin)} status --lang ${lang}; echo EXIT=$?; sleep 30`;
    expect(tmux('new-session', '-d', '-s', name, '-x', String(columns), '-y', '80', command).status).toBe(0);
    let screen = '';
    for (let tries = 0; tries < 100 && !/EXIT=\d/.test(screen); tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      screen = tmux('capture-pane', '-p', '-t', name).stdout;
    }
    tmux('kill-session', '-t', name);
    expect(screen).toContain('EXIT=0');
    const drawn = screen.slice(0, screen.indexOf('EXIT='));
    // The same status, unwrapped (a pipe): the words the screen must show, none cut.
    const piped = (await adopt(['status', '--lang', lang], { cwd: dir, env: { ADOPT_TODAY: '2027-03-16' } })).stdout;
    expect(piped.split('\n').some((line) => line.length > columns)).toBe(true);
    expect(words(drawn)).toEqual(words(piped));
    expect(drawn.split('\n').filter((line) => [...line].length > columns)).toEqual([]);
  }, 20_000);
});
