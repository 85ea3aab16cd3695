/**
 * Ctrl-C while adopt is writing (outside any prompt, where inquirer has no say): the built
 * command, spawned for real, stops with exit 130, and leaves neither its lock nor its
 * temporary file, and the project file is the old text or the new one, whole.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse, stringify } from 'yaml';
import { root, tempDir } from '../helpers.js';
// @ts-expect-error: a plain ES module of the benchmarks, without types
import { largeProject } from '../../bench/large-project.mjs';

const bin = path.join(root, 'bin/adopt.js');

test('SIGINT during a long write: exit 130, lock and temporary file removed, the file whole', async () => {
  const { dir, cleanup } = await tempDir();
  try {
    const { text } = largeProject(path.join(root, 'examples/jardins-partages/adopt.yaml'), 1024 * 1024) as { text: string };
    const file = path.join(dir, 'adopt.yaml');
    writeFileSync(file, text);
    const objectives = (parse(text) as { needs: { objectives: { id: string }[] } }).needs.objectives.map((o) => ({ id: o.id, status: 'met' }));
    writeFileSync(path.join(dir, 'review.yaml'), stringify({ date: '2027-06-03', objectives, decision: 'continue' }));
    const child = spawn(process.execPath, [bin, 'evaluate', '--from', 'review.yaml', '--yes'], { cwd: dir, env: { PATH: process.env.PATH, LANG: 'C' }, stdio: 'ignore' });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // The lock is held from the re-read to the rename: that is the moment to interrupt.
    const started = Date.now();
    while (!existsSync(`${file}.lock`) && Date.now() - started < 20000 && child.exitCode === null) await new Promise((r) => setTimeout(r, 5));
    expect(existsSync(`${file}.lock`)).toBe(true);
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(readdirSync(dir).filter((name) => name.endsWith('.lock') || name.endsWith('.adopt-tmp'))).toEqual([]);
    const after = readFileSync(file, 'utf8');
    if (after !== text) expect((parse(after) as { evaluation: { reviews: { date: string }[] } }).evaluation.reviews.at(-1)?.date).toBe('2027-06-03');
  } finally {
    await cleanup();
  }
});
