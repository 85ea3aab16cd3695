// Start-up benchmark for `adopt`: a report for people, not a test. No figure here is asserted;
// the targets only say where start-up cost deserves a look. Usage: node bench/run.mjs
// (BENCH_RUNS=N to change the number of measured runs, default 15).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { largeProject } from './large-project.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'bin', 'adopt.js');
const examples = ['jardins-partages', 'food-bank', 'warnings'].map((name) => ({ name, file: path.join(root, 'examples', name, 'adopt.yaml') }));
const RUNS = Math.max(1, Number.parseInt(process.env.BENCH_RUNS ?? '', 10) || 15);
const WARMUPS = 2;
const SCALE = 50;
// A pinned "today" keeps status output (late milestones, overdue evaluation) identical between runs.
const env = { ...process.env, ADOPT_TODAY: '2026-11-27' };

// bin/adopt.js imports dist/: without a build every run would only measure a crash.
if (!existsSync(path.join(root, 'dist', 'main.js'))) {
  console.error('dist/main.js is missing: run `npm run build` first, then run the benchmark again.');
  process.exit(2);
}

const cpus = os.cpus();
console.log(`node ${process.version}, ${cpus.length} CPU(s), ${cpus[0]?.model ?? 'unknown model'}`);
console.log(`${RUNS} measured runs per command after ${WARMUPS} warm-up runs, interleaved round-robin\n`);

// --- A large but valid project: every list of the real example, copied with fresh ids ----------
const targetBytes = SCALE * Math.max(...examples.map((e) => statSync(e.file).size));
const { text, copies } = largeProject(examples[0].file, targetBytes);

const tmp = mkdtempSync(path.join(os.tmpdir(), 'adopt-bench-'));
process.on('exit', () => rmSync(tmp, { recursive: true, force: true }));
const big = path.join(tmp, 'adopt.yaml');
writeFileSync(big, text);
const kb = (Buffer.byteLength(text) / 1024).toFixed(0);
console.log(`large file: ${kb} KB, ${text.split('\n').length - 1} lines (lists of jardins-partages × ${copies + 1}; target ≥ ${SCALE}× the largest example = ${(targetBytes / 1024).toFixed(0)} KB)`);

// A large file the CLI rejects would time the error path, not the real work.
const check = spawnSync(process.execPath, [bin, 'validate', big], { env, encoding: 'utf8', maxBuffer: 64 << 20 });
if (check.status !== 0) {
  console.error(`Aborting: the generated large file is not a valid project (validate exited ${check.status ?? check.signal}).`);
  console.error('Either the generator in bench/run.mjs no longer matches the schema, or the CLI rejects a valid file:');
  console.error([check.stdout, check.stderr].join('\n').split('\n').filter(Boolean).slice(0, 15).join('\n'));
  process.exit(1);
}

// --- Timing ---------------------------------------------------------------------------------
const adopt = (...args) => [bin, ...args];
const scratch = mkdtempSync(path.join(os.tmpdir(), 'adopt-bench-docs-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));
const cases = [
  { name: 'node -e 0 (baseline)', args: ['-e', '0'] },
  { name: 'adopt --help', args: adopt('--help'), target: 1.3 },
  { name: 'adopt --version', args: adopt('--version') },
  ...examples.map((e) => ({ name: `adopt status (${e.name})`, args: adopt('status', '-f', e.file), target: 2 })),
  { name: `adopt status --json (${examples[0].name})`, args: adopt('status', '--json', '-f', examples[0].file), target: 2 },
  // Colour is written for a person at a terminal: the one case that loads chalk.
  { name: `adopt status, coloured (${examples[0].name})`, args: adopt('status', '-f', examples[0].file), env: { FORCE_COLOR: '1' }, target: 2 },
  ...examples.map((e) => ({ name: `adopt validate (${e.name})`, args: adopt('validate', e.file), target: 2 })),
  { name: `adopt status (large, ${kb} KB)`, args: adopt('status', '-f', big), target: 3, big: true },
  { name: `adopt validate (large, ${kb} KB)`, args: adopt('validate', big), target: 3, big: true },
  // Every document, in both formats, into a scratch folder.
  ...examples.map((e) => ({ name: `adopt render (${e.name})`, args: adopt('render', '-f', e.file, '--out', path.join(scratch, e.name)), target: 3 })),
  { name: `adopt render (large, ${kb} KB)`, args: adopt('render', '-f', big, '--out', path.join(scratch, 'large')), limitMs: 1000, big: true },
].map((c) => ({ ...c, times: [], exits: new Set() }));

// stdout is discarded (not piped) so output size does not weigh on the parent; stderr is kept to
// show a crash.
function runOnce(c) {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, c.args, { env: { ...env, ...c.env }, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 64 << 20 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  c.exits.add(r.status ?? r.signal);
  if (r.status !== 0 && r.status !== 1) c.crash ??= (r.stderr || String(r.error ?? r.signal)).trim().split('\n')[0];
  return ms;
}

// Round-robin: a burst of machine noise then hits every command alike instead of one of them.
for (let round = 0; round < WARMUPS + RUNS; round++) {
  for (const c of cases) {
    const ms = runOnce(c);
    if (round >= WARMUPS) c.times.push(ms);
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};
const baseline = median(cases[0].times);
const rows = cases.map((c) => {
  const med = median(c.times);
  const ratio = med / baseline;
  const target = c.target ? `≤ ${c.target}x` : c.limitMs ? `< ${c.limitMs} ms` : '-';
  const verdict = c.target ? (ratio <= c.target ? 'ok' : 'OVER') : c.limitMs ? (med < c.limitMs ? 'ok' : 'OVER') : '';
  return [c.name, med.toFixed(1), Math.min(...c.times).toFixed(1), ratio.toFixed(2), target, verdict, [...c.exits].join('/')];
});
const header = ['command', 'median ms', 'min ms', 'ratio', 'target', 'verdict', 'exit'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (r) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ').trimEnd();
console.log(`\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
for (const r of rows) console.log(line(r));
for (const c of cases.filter((c) => c.crash)) console.log(`\n! ${c.name} failed: ${c.crash}`);

// --- Peak memory: only GNU time reports the max RSS of a child, so it is optional ----------
console.log('');
if (existsSync('/usr/bin/time')) {
  for (const c of cases.filter((c) => c.big)) {
    const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, ...c.args], { env, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 64 << 20 });
    const kib = Number.parseInt(r.stderr.trim().split('\n').at(-1) ?? '', 10);
    console.log(`peak RSS, ${c.name}: ${Number.isFinite(kib) ? `${(kib / 1024).toFixed(1)} MB` : 'not reported'}`);
  }
} else console.log('peak RSS: skipped (/usr/bin/time not found; install GNU time to get it)');
process.exit(0);
