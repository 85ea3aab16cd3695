// How long, and how much memory, appending one review to a large project file takes: the whole
// write path (read, check, merge by lines, lock, atomic write, read back). A report, not a test.
// Usage: node bench/large-write.mjs [MB ...]   (default: 2 5)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import { largeProject } from './large-project.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'bin', 'adopt.js');
if (!existsSync(path.join(root, 'dist', 'main.js'))) {
  console.error('dist/main.js is missing: run `npm run build` first.');
  process.exit(2);
}
const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const tmp = mkdtempSync(path.join(os.tmpdir(), 'adopt-bench-write-'));
process.on('exit', () => rmSync(tmp, { recursive: true, force: true }));

/** Runs the CLI under GNU time when it is there, for the peak memory of the child. */
function timed(args, cwd) {
  const gnuTime = existsSync('/usr/bin/time');
  const started = process.hrtime.bigint();
  const result = gnuTime
    ? spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, ...args], { cwd, encoding: 'utf8', env: { ...process.env, LANG: 'C' }, maxBuffer: 64 << 20 })
    : spawnSync(process.execPath, args, { cwd, encoding: 'utf8', env: { ...process.env, LANG: 'C' }, maxBuffer: 64 << 20 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const peakKb = gnuTime ? Number(result.stderr.trim().split('\n').at(-1)) : NaN;
  return { ms, peakMb: peakKb / 1024, status: result.status, stderr: result.stderr };
}

console.log(`node ${process.version}, ${os.cpus().length} CPU(s)`);
for (const mb of sizes.length ? sizes : [2, 5]) {
  const { text } = largeProject(path.join(root, 'examples', 'jardins-partages', 'adopt.yaml'), mb * 1024 * 1024);
  const dir = mkdtempSync(path.join(tmp, `${mb}mb-`));
  const file = path.join(dir, 'adopt.yaml');
  writeFileSync(file, text);
  const objectives = YAML.parse(text).needs.objectives.map((o) => ({ id: o.id, status: 'met' }));
  writeFileSync(path.join(dir, 'review.yaml'), YAML.stringify({ date: '2027-06-03', objectives, decision: 'continue' }));
  const lines = text.split('\n').length - 1;
  const run = timed([bin, 'evaluate', '--from', 'review.yaml', '--yes'], dir);
  const after = readFileSync(file, 'utf8');
  const kept = after.startsWith(text.slice(0, text.indexOf('evaluation:')));
  console.log(`${(text.length / 1048576).toFixed(1)} MB, ${lines} lines: review appended in ${(run.ms / 1000).toFixed(2)} s, peak ${Number.isNaN(run.peakMb) ? '?' : run.peakMb.toFixed(0)} MB, exit ${run.status}${kept ? '' : ', FILE REPRINTED'} (target: < 2 s, < 300 MB)`);
  if (run.status !== 0) console.log(run.stderr.split('\n').slice(0, 5).join('\n'));
}
