#!/usr/bin/env node
// Renders each example's documents next to it (examples/<name>/adopt-docs/), seen from a fixed
// day so that they do not change with the date. A test fails when they are stale: run
// `npm run examples` after changing a template, the catalogue or an example.
import { readdir } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const EXAMPLES_TODAY = '2026-11-27';

for (const entry of await readdir(path.join(root, 'examples'), { withFileTypes: true })) {
  if (!entry.isDirectory()) continue;
  const folder = path.join(root, 'examples', entry.name);
  const run = spawnSync(process.execPath, [path.join(root, 'bin/adopt.js'), 'render', '-f', 'adopt.yaml'], {
    cwd: folder,
    env: { ...process.env, ADOPT_TODAY: EXAMPLES_TODAY, LANG: 'C' },
    encoding: 'utf8',
  });
  if (run.status !== 0) {
    console.error(`${entry.name}: ${run.stderr.trim()}`);
    process.exitCode = 1;
  } else console.log(`${entry.name}: ${run.stdout.trim().split('\n').length - 1} documents`);
}
