/** The last line of .ci/run: a skipped test is a failure in CI, and the line stays "N passed, N failed". */
import { spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { root, tempDir } from '../helpers.js';

async function summary(results: object | string) {
  const { dir, cleanup } = await tempDir();
  try {
    const file = path.join(dir, 'jest.json');
    await writeFile(file, typeof results === 'string' ? results : JSON.stringify(results));
    const run = spawnSync(process.execPath, [path.join(root, '.ci', 'summary.mjs'), file], { encoding: 'utf8' });
    const lines = run.stdout.trimEnd().split('\n');
    return { code: run.status, last: lines.at(-1), lines };
  } finally {
    await cleanup();
  }
}

const base = { numPassedTests: 10, numFailedTests: 0, numPendingTests: 0, numTodoTests: 0, numRuntimeErrorTestSuites: 0, success: true };

test('all passed: exit 0', async () => {
  expect(await summary(base)).toMatchObject({ code: 0, last: '10 passed, 0 failed' });
});

test('a skipped test fails the run and is counted as failed', async () => {
  const result = await summary({ ...base, numPassedTests: 7, numPendingTests: 3 });
  expect(result).toMatchObject({ code: 1, last: '7 passed, 3 failed' });
  expect(result.lines[0]).toMatch(/3 test\(s\) skipped/);
  expect(await summary({ ...base, numTodoTests: 1 })).toMatchObject({ code: 1, last: '10 passed, 1 failed' });
});

test('a failed test, or a test file that cannot load, fails the run', async () => {
  expect(await summary({ ...base, numFailedTests: 2, success: false })).toMatchObject({ code: 1, last: '10 passed, 2 failed' });
  expect(await summary({ ...base, numRuntimeErrorTestSuites: 1, success: false })).toMatchObject({ code: 1, last: '10 passed, 1 failed' });
});

test('unreadable results fail the run', async () => {
  expect(await summary('{ not json')).toMatchObject({ code: 1, last: '0 passed, 1 failed' });
});
