// `adopt portfolio` over a generated tree of project files: 500 and 5,000 files made from the
// examples (other organisations, titles, dates, costs; some with reviews; 1 % broken). Prints
// seconds and peak memory, and both as ratios to a bare `node -e 0`. A report for people, not a
// test: the targets (500 files < 2 s, 5,000 < 15 s, peak < 300 MB) are only printed beside.
// Usage: npm run build && node bench/portfolio.mjs [N...]   (default: 500 5000)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'bin', 'adopt.js');
if (!existsSync(path.join(root, 'dist', 'main.js'))) {
  console.error('dist/main.js is missing: run `npm run build` first, then run the benchmark again.');
  process.exit(2);
}
const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
const TODAY = '2026-11-27';
const examples = ['jardins-partages', 'food-bank', 'warnings'].map((name) => YAML.parse(readFileSync(path.join(root, 'examples', name, 'adopt.yaml'), 'utf8')));

// A seeded generator: the same tree on every run, so that runs compare.
let seed = 42;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = (list) => list[Math.floor(random() * list.length)];
const shift = (iso, days) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const places = ['Lyon', 'Leeds', 'Nantes', 'Bristol', 'Lille', 'Cork', 'Grenoble', 'Dundee', 'Rennes', 'York'];
const kinds = ['Jardins partagés', 'Food bank', 'Rowing club', 'Ciné-club', 'Repair café', 'Youth orchestra', 'AMAP', 'Tenants union'];

/** Every date of a project moved by the same number of days: its plan stays in order. */
function moveDates(value, days) {
  if (Array.isArray(value)) return value.map((item) => moveDates(item, days));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, moveDates(v, days)]));
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? shift(value, days) : value;
}

function project(index) {
  const base = structuredClone(pick(examples));
  const days = Math.round((random() - 0.6) * 900);
  const p = moveDates(base, days);
  p.project.organisation = `${pick(kinds)} ${pick(places)} ${Math.floor(index / 4)}`;
  p.project.title = `${p.project.title} ${index}`;
  const factor = 0.5 + random() * 2;
  for (const item of p.practices?.vision?.inventory ?? []) if (typeof item.monthlyCost === 'number') item.monthlyCost = Math.round(item.monthlyCost * factor);
  for (const candidate of p.research?.candidates ?? []) for (const cost of candidate.costs ?? []) cost.amount = Math.round(cost.amount * factor);
  if (random() < 0.3 && p.needs?.objectives?.length) {
    p.evaluation = { ...p.evaluation, reviews: [{ date: shift(TODAY, -Math.round(random() * 200)), objectives: p.needs.objectives.map((o) => ({ id: o.id, status: pick(['met', 'partial', 'unmet']) })), usability: [Math.round(random() * 100), Math.round(random() * 100)], decision: pick(['continue', 'adjust', 'stop']) }] };
  }
  return YAML.stringify(p);
}

function makeTree(count) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'adopt-portfolio-bench-'));
  for (let i = 0; i < count; i++) {
    const folder = path.join(dir, `member-${Math.floor(i / 4)}`, i % 2 ? 'projects' : '');
    mkdirSync(folder, { recursive: true });
    // 1 % broken: a list where the format wants a number.
    const text = i % 100 === 99 ? `${project(i)}\nkeyUsers: 5\n` : project(i);
    writeFileSync(path.join(folder, i % 3 === 0 ? 'adopt.yaml' : `p${i}.adopt.yaml`), text);
  }
  return dir;
}

/** Wall-clock seconds and peak resident memory (MB) of one run, as /usr/bin/time measures them. */
function measure(args, cwd) {
  const result = spawnSync('/usr/bin/time', ['-f', '%e %M', ...args], { cwd, env: { ...process.env, ADOPT_TODAY: TODAY, LANG: 'C' }, encoding: 'utf8', maxBuffer: 1 << 30 });
  const [seconds, kb] = result.stderr.trim().split('\n').pop().split(' ').map(Number);
  return { seconds, mb: kb / 1024, status: result.status };
}

const bare = measure([process.execPath, '-e', '0'], root);
console.log(`node ${process.version}, ${os.cpus().length} CPU(s); bare \`node -e 0\`: ${bare.seconds.toFixed(2)} s, ${bare.mb.toFixed(0)} MB\n`);
for (const count of sizes.length > 0 ? sizes : [500, 5000]) {
  const dir = makeTree(count);
  try {
    for (const mode of [['--json'], []]) {
      const runs = [1, 2, 3].map(() => measure([process.execPath, bin, 'portfolio', ...mode], dir));
      const best = runs.reduce((a, b) => (b.seconds < a.seconds ? b : a));
      const peak = Math.max(...runs.map((r) => r.mb));
      const target = count <= 500 ? 2 : 15;
      console.log(`${String(count).padStart(5)} files ${mode.join(' ') || '(terminal)'}: ${best.seconds.toFixed(2)} s (×${(best.seconds / bare.seconds).toFixed(1)} bare node; target < ${target} s), peak ${peak.toFixed(0)} MB (×${(peak / bare.mb).toFixed(1)}; target < 300 MB), exit ${best.status}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
