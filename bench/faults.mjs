// Fault injection for the write path (issue 8): a report for people, and a check. Each count
// printed is a way a user's file could be damaged or a review lost; every one must be 0, and
// the script exits 1 when one is not (or when a part could not run). Usage, after a build:
//   node bench/faults.mjs [--rounds 1000] [--pairs 500] [--jobs 2] [--only kill,pairs,disk]
// Full disk needs root (it mounts a small tmpfs); `--only kill,pairs` leaves it out.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statfsSync, writeFileSync, copyFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'bin', 'adopt.js');
const example = path.join(root, 'examples', 'food-bank', 'adopt.yaml');
const option = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? fallback : process.argv[at + 1];
};
const count = (name, fallback) => {
  const value = Number.parseInt(option(name, ''), 10);
  return Number.isInteger(value) && value >= 0 ? value : fallback;
};
const ROUNDS = count('rounds', 1000);
const PAIRS = count('pairs', 500);
const JOBS = Math.max(1, count('jobs', 2));
const ONLY = new Set(option('only', 'kill,pairs,disk').split(','));
// A pinned day keeps every run's output identical, so "the new content" is one known text.
const env = { ...process.env, ADOPT_TODAY: '2027-06-01', NO_COLOR: '1' };

if (!existsSync(path.join(root, 'dist', 'main.js'))) {
  console.error('dist/main.js is missing: run `npm run build` first, then run this script again.');
  process.exit(2);
}

const scratch = mkdtempSync(path.join(os.tmpdir(), 'adopt-faults-'));
const mounts = [];
const cleanUp = () => {
  for (const mount of mounts.splice(0)) spawnSync('umount', [mount]);
  rmSync(scratch, { recursive: true, force: true });
};
process.on('exit', cleanUp);
process.on('SIGINT', () => process.exit(130));

const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;
const OLD = readFileSync(example);
const REVIEW = 'objectives:\n  - { id: O1, status: met }\n  - { id: O2, status: partial }\n  - { id: O3, status: met }\n  - { id: O4, status: unmet }\ndecision: continue\n';
const ANSWERS = 'version: 1\nlead:\n  role: Deputy manager\nproject:\n  summary: A shorter summary, agreed at the June meeting.\n';
const commands = {
  evaluate: ['evaluate', '--from', 'review.yaml', '--yes', '--date', '2027-06-01'],
  init: ['init', '--from', 'answers.yaml', '--yes'],
};

/** Starts the built CLI; `done` resolves with what it printed, its exit and its duration. */
function start(args, cwd) {
  const t0 = performance.now();
  const child = spawn(process.execPath, [bin, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
  const done = new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr, ms: performance.now() - t0 })));
  return { child, done };
}
const run = (args, cwd) => start(args, cwd).done;

const projectIn = (dir) => (existsSync(path.join(dir, 'adopt.yaml')) ? readFileSync(path.join(dir, 'adopt.yaml')) : undefined);
const tempsIn = (dir) => readdirSync(dir).filter((name) => name.endsWith('.adopt-tmp'));
const parses = (bytes) => {
  try {
    parse(bytes.toString('utf8'));
    return true;
  } catch {
    return false;
  }
};
/** A refusal is one sentence for a person: not a crash report, not a stack. */
const isSentence = (stderr) => stderr.trim() !== '' && !/inside adopt|report this|\n\s+at /i.test(stderr);

/** Runs `total` rounds on `JOBS` workers, each in its own folder, printing progress. */
async function pool(name, total, round) {
  let next = 0;
  let finished = 0;
  let shown = Date.now();
  const worker = async (id) => {
    const dir = path.join(scratch, `${name}-${id}`);
    mkdirSync(dir, { recursive: true });
    while (next < total) {
      await round(next++, dir);
      finished++;
      if (Date.now() - shown > 15_000 || finished === total) {
        shown = Date.now();
        console.log(`  ${name}: ${finished}/${total} (${elapsed()})`);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(JOBS, total) }, (_, id) => worker(id)));
}

function report(title, counts, info) {
  console.log(`\n${title}`);
  for (const [name, value] of Object.entries(counts)) console.log(`  ${value === 0 ? '   ' : '!! '}${name}: ${value}`);
  for (const [name, value] of Object.entries(info)) console.log(`     (${name}: ${value})`);
  return Object.values(counts).every((value) => value === 0);
}

// ── 1. kill -9 at a random moment of a write

async function kills() {
  console.log(`\n1. kill -9 at a random moment: ${ROUNDS} rounds of evaluate --from and init --from, ${JOBS} at a time`);
  const setup = path.join(scratch, 'reference');
  mkdirSync(setup);
  writeFileSync(path.join(setup, 'review.yaml'), REVIEW);
  writeFileSync(path.join(setup, 'answers.yaml'), ANSWERS);
  const NEW = {};
  const durations = {};
  for (const [name, args] of Object.entries(commands)) {
    durations[name] = [];
    for (let i = 0; i < 3; i++) {
      writeFileSync(path.join(setup, 'adopt.yaml'), OLD);
      const result = await run(args, setup);
      if (result.code !== 0) throw new Error(`${name} fails without a fault: ${result.stderr}`);
      durations[name].push(result.ms);
    }
    NEW[name] = projectIn(setup);
  }
  // The kill moment is drawn over the command's duration as measured under the same load: the
  // median of its latest uninterrupted runs (the recovery runs below).
  const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
  const c = { 'torn (neither old nor new)': 0, 'invalid (yaml cannot read it)': 0, 'temp files left after the next write': 0, 'locks that blocked the next write': 0, 'locks left after the next write': 0, 'next write failed otherwise': 0, 'other files left': 0 };
  const seen = { 'killed before the rename (file old)': 0, 'killed after the rename (file new)': 0, 'finished before the kill': 0, 'kills that left a temp file': 0, 'kills that left a lock': 0, 'next writes checked': 0 };
  const failures = [];
  /** Anything else beside the project (a journal, answers kept aside) is counted, then removed. */
  const otherFiles = (dir) => {
    const expected = new Set(['adopt.yaml', 'review.yaml', 'answers.yaml', 'adopt.yaml.lock']);
    const others = readdirSync(dir).filter((file) => !expected.has(file) && !file.endsWith('.adopt-tmp'));
    c['other files left'] += others.length;
    for (const file of others) rmSync(path.join(dir, file), { recursive: true, force: true });
  };
  await pool('kill', ROUNDS, async (index, dir) => {
    const name = index % 2 === 0 ? 'evaluate' : 'init';
    const args = commands[name];
    writeFileSync(path.join(dir, 'review.yaml'), REVIEW);
    writeFileSync(path.join(dir, 'answers.yaml'), ANSWERS);
    writeFileSync(path.join(dir, 'adopt.yaml'), OLD);
    const delay = Math.random() * median(durations[name].slice(-21));
    const { child, done } = start(args, dir);
    const timer = setTimeout(() => child.kill('SIGKILL'), delay);
    const result = await done;
    clearTimeout(timer);
    const after = projectIn(dir);
    if (result.signal !== 'SIGKILL') seen['finished before the kill']++;
    else if (after?.equals(OLD)) seen['killed before the rename (file old)']++;
    else if (after?.equals(NEW[name])) seen['killed after the rename (file new)']++;
    if (!after || !(after.equals(OLD) || after.equals(NEW[name]))) {
      c['torn (neither old nor new)']++;
      failures.push(`round ${index} (${name}, killed after ${delay.toFixed(0)} ms): the project file is ${after ? `${after.length} bytes, neither old nor new` : 'gone'}`);
    }
    if (after && !parses(after)) c['invalid (yaml cannot read it)']++;
    const leftTemp = tempsIn(dir).length > 0;
    const leftLock = existsSync(path.join(dir, 'adopt.yaml.lock'));
    if (leftTemp) seen['kills that left a temp file']++;
    if (leftLock) seen['kills that left a lock']++;
    // A kill that left nothing behind gives the next write nothing to clean up: it is run only
    // after one that did, and after one round in five, to keep measuring the command's duration.
    otherFiles(dir);
    if (!leftTemp && !leftLock && index % 10 >= 2) return;
    seen['next writes checked']++;

    // The next write: from the old content again, so that it has the same work to do.
    writeFileSync(path.join(dir, 'adopt.yaml'), OLD);
    const next = await run(args, dir);
    if (next.code === 0) durations[name].push(next.ms);
    else if (/adopt\.yaml\.lock/.test(next.stderr)) c['locks that blocked the next write']++;
    else c['next write failed otherwise']++;
    if (next.code !== 0) failures.push(`round ${index} (${name}, killed after ${delay.toFixed(0)} ms): the next write exited ${next.code}: ${next.stderr.trim()}`);
    else if (!projectIn(dir)?.equals(NEW[name])) c['next write failed otherwise']++;
    c['temp files left after the next write'] += tempsIn(dir).length;
    if (existsSync(path.join(dir, 'adopt.yaml.lock'))) c['locks left after the next write']++;
    otherFiles(dir);
    // Left for the next round only what this round already counted.
    for (const file of [...tempsIn(dir), 'adopt.yaml.lock']) rmSync(path.join(dir, file), { force: true });
  });
  seen['median uninterrupted run (evaluate / init)'] = `${median(durations.evaluate).toFixed(0)} / ${median(durations.init).toFixed(0)} ms`;
  for (const line of failures.slice(0, 10)) console.log(`  ${line}`);
  return report('kill -9 during a write', c, seen);
}

// ── 2. two writers at once

async function pairs() {
  console.log(`\n2. two writers at once: ${PAIRS} pairs of evaluate --from with different dates on one file`);
  const dates = ['2027-06-01', '2027-06-02'];
  const c = { 'reviews lost (exit 0, review missing)': 0, 'double "saved" with a review missing': 0, 'reviews recorded twice': 0, 'crashes or refusals without a sentence': 0, 'project files invalid after the pair': 0, 'temp files or locks left': 0 };
  const seen = { 'pairs where both saved': 0, 'refusals with a sentence (exit 2)': 0, 'pairs where answers were kept aside': 0 };
  const failures = [];
  await pool('pairs', PAIRS, async (index, dir) => {
    for (const file of readdirSync(dir)) rmSync(path.join(dir, file), { force: true });
    writeFileSync(path.join(dir, 'adopt.yaml'), OLD);
    for (const date of dates) writeFileSync(path.join(dir, `review-${date}.yaml`), REVIEW);
    const results = await Promise.all(dates.map((date) => start(['evaluate', '--from', `review-${date}.yaml`, '--yes', '--date', date], dir).done));
    let recorded = [];
    try {
      recorded = (parse(readFileSync(path.join(dir, 'adopt.yaml'), 'utf8')).evaluation?.reviews ?? []).map((review) => review.date);
    } catch {
      c['project files invalid after the pair']++;
    }
    const saved = results.map((result) => /The review is saved/.test(result.stdout));
    const missing = dates.map((date) => !recorded.includes(date));
    results.forEach((result, i) => {
      if (result.code === 0 && missing[i]) c['reviews lost (exit 0, review missing)']++;
      if (result.code === 2 && isSentence(result.stderr)) seen['refusals with a sentence (exit 2)']++;
      else if (result.code !== 0) {
        c['crashes or refusals without a sentence']++;
        failures.push(`pair ${index}: ${dates[i]} exited ${result.code}: ${result.stderr.trim()}`);
      }
    });
    if (saved.every(Boolean) && missing.some(Boolean)) {
      c['double "saved" with a review missing']++;
      failures.push(`pair ${index}: both said saved, the file holds ${JSON.stringify(recorded)}`);
    }
    if (saved.every(Boolean)) seen['pairs where both saved']++;
    if (new Set(recorded).size !== recorded.length) c['reviews recorded twice']++;
    const left = readdirSync(dir);
    if (left.some((file) => file.endsWith('.adopt-tmp') || file.endsWith('.lock'))) c['temp files or locks left']++;
    if (left.some((file) => file.includes('.unsaved-'))) seen['pairs where answers were kept aside']++;
  });
  for (const line of failures.slice(0, 10)) console.log(`  ${line}`);
  return report('two writers at once', c, seen);
}

// ── 3. a full disk

/** A small file system of our own: a tmpfs, else a loop-mounted ext2 image. */
function mountSmall(kb) {
  const dir = mkdtempSync(path.join(scratch, 'disk-'));
  let result = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${kb}k`, 'tmpfs', dir], { encoding: 'utf8' });
  if (result.status !== 0) {
    const image = path.join(scratch, 'disk.img');
    spawnSync('dd', ['if=/dev/zero', `of=${image}`, 'bs=1k', `count=${kb}`], { encoding: 'utf8' });
    spawnSync('mkfs.ext2', ['-q', '-F', image], { encoding: 'utf8' });
    const loop = spawnSync('mount', ['-o', 'loop', image, dir], { encoding: 'utf8' });
    if (loop.status !== 0) return { error: `${result.stderr.trim()}; loop: ${loop.stderr.trim()}` };
    result = loop;
  }
  mounts.push(dir);
  return { dir };
}

async function disk() {
  console.log('\n3. a full disk: render, calendar and evaluate on a small tmpfs filled to every level');
  const mounted = mountSmall(512);
  if (mounted.error) {
    console.log(`  not run: no small file system could be mounted (${mounted.error}). Run as root, or leave it out with --only kill,pairs.`);
    return false;
  }
  const disk = mounted.dir;
  // What each command writes when there is room, and an older version of it (another title).
  const outputs = { render: ['adopt-docs/plan.md', 'adopt-docs/plan.html', 'adopt-docs/checklist.md', 'adopt-docs/checklist.html'], calendar: ['adopt.ics'] };
  const reference = async (project) => {
    const dir = mkdtempSync(path.join(scratch, 'docs-'));
    writeFileSync(path.join(dir, 'adopt.yaml'), project);
    for (const args of [['render'], ['calendar']]) if ((await run(args, dir)).code !== 0) throw new Error(`${args[0]} fails without a fault`);
    return Object.fromEntries([...outputs.render, ...outputs.calendar].map((file) => [file, readFileSync(path.join(dir, file))]));
  };
  const NEW = await reference(OLD);
  const STALE = await reference(OLD.toString('utf8').replace('title: Volunteer shift scheduling', 'title: Volunteer rota (draft)'));
  const reviewFile = path.join(scratch, 'review.yaml');
  writeFileSync(reviewFile, REVIEW);
  const evaluated = mkdtempSync(path.join(scratch, 'evaluated-'));
  writeFileSync(path.join(evaluated, 'adopt.yaml'), OLD);
  await run(['evaluate', '--from', reviewFile, '--yes', '--date', '2027-06-01'], evaluated);
  const NEW_PROJECT = projectIn(evaluated);

  const c = { 'truncated documents': 0, 'old and new documents mixed': 0, 'torn project files': 0, 'exit 0 without the new text': 0, 'project files not as the exit code says': 0, 'failures without exit 2 and a sentence': 0, 'temp files or locks left': 0 };
  const seen = { runs: 0, 'refused: disk full (exit 2)': 0, succeeded: 0 };
  const failures = [];
  const free = () => {
    const info = statfsSync(disk);
    return info.bavail * info.bsize;
  };
  const cases = [
    { command: 'render', stale: false }, { command: 'render', stale: true },
    { command: 'calendar', stale: false }, { command: 'calendar', stale: true },
    { command: 'evaluate', stale: false },
  ];
  for (const { command, stale } of cases) {
    const files = outputs[command] ?? [];
    const needed = files.reduce((sum, file) => sum + NEW[file].length, 0) + (command === 'evaluate' ? 2 * OLD.length : 0);
    // Every free space from none to a little more than the command needs, a page (4 KB) apart.
    for (let room = 0; room <= needed + 12 * 1024; room += 4096) {
      for (const file of readdirSync(disk)) rmSync(path.join(disk, file), { recursive: true, force: true });
      writeFileSync(path.join(disk, 'adopt.yaml'), OLD);
      if (stale) {
        mkdirSync(path.join(disk, 'adopt-docs'), { recursive: true });
        for (const file of files) writeFileSync(path.join(disk, file), STALE[file]);
      }
      const filler = free() - room;
      if (filler > 0) writeFileSync(path.join(disk, 'filler'), Buffer.alloc(filler));
      const args = command === 'evaluate' ? ['evaluate', '--from', reviewFile, '--yes', '--date', '2027-06-01'] : [command];
      const result = await run(args, disk);
      seen.runs++;
      const label = `${command}${stale ? ' over older documents' : ''} with ${room / 1024} KB free`;
      if (result.code === 0) seen.succeeded++;
      else if (result.code === 2 && isSentence(result.stderr)) seen['refused: disk full (exit 2)']++;
      else {
        c['failures without exit 2 and a sentence']++;
        failures.push(`${label}: exit ${result.code}: ${result.stderr.trim()}`);
      }
      const states = files.map((file) => {
        const bytes = existsSync(path.join(disk, file)) ? readFileSync(path.join(disk, file)) : undefined;
        if (bytes?.equals(NEW[file])) return 'new';
        if (stale ? bytes?.equals(STALE[file]) : bytes === undefined) return 'old';
        failures.push(`${label}: ${file} is ${bytes ? `${bytes.length} bytes, neither old nor complete` : 'gone'}`);
        return 'truncated';
      });
      c['truncated documents'] += states.filter((state) => state === 'truncated').length;
      if (states.includes('new') && states.includes('old')) c['old and new documents mixed']++;
      if (result.code === 0 && states.some((state) => state !== 'new')) c['exit 0 without the new text']++;
      const project = projectIn(disk);
      const projectOk = command === 'evaluate' ? project?.equals(result.code === 0 ? NEW_PROJECT : OLD) : project?.equals(OLD);
      if (!projectOk && (project?.equals(OLD) || project?.equals(NEW_PROJECT))) {
        c['project files not as the exit code says']++;
        failures.push(`${label}: exit ${result.code}, yet the project file is the ${project.equals(OLD) ? 'old' : 'new'} one`);
      } else if (!projectOk) {
        c['torn project files']++;
        failures.push(`${label}: the project file is ${project ? `${project.length} bytes` : 'gone'}`);
      }
      const left = [...readdirSync(disk), ...(existsSync(path.join(disk, 'adopt-docs')) ? readdirSync(path.join(disk, 'adopt-docs')) : [])];
      if (left.some((file) => file.endsWith('.adopt-tmp') || file.endsWith('.lock'))) c['temp files or locks left']++;
    }
  }
  for (const line of failures.slice(0, 10)) console.log(`  ${line}`);
  const ok = report('a full disk', c, seen);
  // A sweep that never fails, or never succeeds, did not test the edge it is meant to.
  if (seen.succeeded === 0 || seen['refused: disk full (exit 2)'] === 0) {
    console.log('  !! the sweep did not reach both a full disk and enough room');
    return false;
  }
  return ok;
}

console.log(`node ${process.version}, ${os.cpus().length} CPU(s); kill rounds ${ROUNDS}, pairs ${PAIRS}, ${JOBS} job(s)`);
const results = [];
if (ONLY.has('kill') && ROUNDS > 0) results.push(await kills());
if (ONLY.has('pairs') && PAIRS > 0) results.push(await pairs());
if (ONLY.has('disk')) results.push(await disk());
const ok = results.every(Boolean);
console.log(`\n${ok ? 'Every count is 0.' : 'Some counts are not 0 (marked !!), or a part could not run.'} Elapsed: ${elapsed()}.`);
process.exitCode = ok ? 0 : 1;
