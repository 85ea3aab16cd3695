#!/usr/bin/env node
// The package as a user gets it, from the last commit of this checkout: a fresh clone, the
// quick start's install, `npm pack`, the tarball installed globally into an empty prefix, then
// adopt run from an empty folder holding only a copied example. Prints what it saw at each
// step and exits 1 if any npm command warned or failed, or adopt did not do its job.
//
//   node bench/pack-install.mjs          # `npm install` in the clone, as the README's quick start
//   node bench/pack-install.mjs --ci     # `npm ci` instead, as CI does
//   node bench/pack-install.mjs --keep   # keep the temporary folders to look inside
//   node bench/pack-install.mjs --ref=COMMIT   # another commit of this checkout than HEAD
//
// It needs the network (or a warm npm cache) and a few minutes; it is not part of `npm test`.
// Uncommitted changes are not seen: it clones HEAD.
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const windows = process.platform === 'win32';
const work = await mkdtemp(path.join(tmpdir(), 'adopt-pack-'));
const failures = [];

/** npm and adopt as a person would type them; every line of npm's output is scanned for warnings. */
function run(label, command, argv, cwd, { npm = false } = {}) {
  const started = performance.now();
  const result = spawnSync(command, argv, { cwd, encoding: 'utf8', shell: windows, env: { ...process.env, NO_COLOR: '1' } });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  const warnings = npm ? output.split(/\r?\n/).filter((line) => /^npm (warn|WARN|error|ERR)/.test(line)) : [];
  const ok = result.status === 0 && warnings.length === 0;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${label} (${seconds} s, exit ${result.status ?? result.signal})`);
  for (const line of warnings) console.log(`       ${line}`);
  if (result.status !== 0 && !warnings.length) console.log(output.trimEnd().split('\n').slice(-15).map((line) => `       ${line}`).join('\n'));
  if (!ok) failures.push(label);
  return { ...result, output };
}

function expect(label, condition, detail = '') {
  console.log(`${condition ? 'ok  ' : 'FAIL'} ${label}${detail ? `: ${detail}` : ''}`);
  if (!condition) failures.push(label);
}

try {
  const clone = path.join(work, 'clone');
  const prefix = path.join(work, 'prefix');
  const project = path.join(work, 'project');
  console.log(`npm ${spawnSync('npm', ['--version'], { encoding: 'utf8', shell: windows }).stdout.trim()}, node ${process.version}, in ${work}`);
  run('git clone', 'git', ['clone', '-q', root, clone], work);
  const ref = process.argv.find((arg) => arg.startsWith('--ref='))?.slice(6);
  if (ref) run(`git checkout ${ref}`, 'git', ['checkout', '-q', ref], clone);
  const install = args.has('--ci') ? 'ci' : 'install';
  run(`npm ${install} in the fresh clone`, 'npm', [install, '--no-audit', '--no-fund'], clone, { npm: true });
  const status = spawnSync('git', ['status', '--porcelain'], { cwd: clone, encoding: 'utf8' }).stdout.trim();
  expect('the clone is unchanged after the install', status === '', status);

  run('npm pack', 'npm', ['pack'], clone, { npm: true });
  const after = spawnSync('git', ['status', '--porcelain', '--ignored=no'], { cwd: clone, encoding: 'utf8' }).stdout.trim();
  expect('package.json is restored after the pack', !after.includes('package.json'), after);
  const tarball = (await readdir(clone)).find((name) => name.endsWith('.tgz'));
  expect('a tarball was made', tarball !== undefined, tarball);
  if (!tarball) throw new Error('no tarball');
  const listing = spawnSync('tar', ['-xzOf', path.join(clone, tarball), 'package/package.json'], { encoding: 'utf8' });
  const packed = JSON.parse(listing.stdout || '{}');
  expect('the packed manifest has no prepare script', packed.scripts?.prepare === undefined, JSON.stringify(Object.keys(packed.scripts ?? {})));

  await cp(path.join(clone, 'examples/food-bank/adopt.yaml'), path.join(project, 'adopt.yaml'));
  const tgz = path.join(work, tarball);
  await cp(path.join(clone, tarball), tgz);
  // The clone goes before adopt runs, so nothing can be found through it.
  await rm(clone, { recursive: true, force: true });
  run(`npm install -g --prefix <empty> ${tarball}`, 'npm', ['install', '-g', '--prefix', prefix, tgz], work, { npm: true });

  const adopt = windows ? path.join(prefix, 'adopt.cmd') : path.join(prefix, 'bin/adopt');
  const version = run('adopt --version', adopt, ['--version'], project);
  expect('the version is the package\'s', version.stdout.trim() === packed.version, version.stdout.trim());
  run('adopt render, from a folder with only the example', adopt, ['render'], project);
  const docs = await readdir(path.join(project, 'adopt-docs')).catch(() => []);
  expect('the documents are written', ['plan.md', 'plan.html', 'checklist.md', 'checklist.html'].every((name) => docs.includes(name)), docs.join(' '));
  const plan = await readFile(path.join(project, 'adopt-docs/plan.md'), 'utf8').catch(() => '');
  expect('the plan names the project', plan.includes('Riverside Community Food Bank'), `${plan.length} characters`);
  for (const lang of ['en', 'fr']) {
    const help = run(`adopt help warnings --lang ${lang}`, adopt, ['help', 'warnings', '--lang', lang], project);
    expect(`  the ${lang} guide is shipped`, help.stdout.includes('single-profile'), `${help.stdout.length} characters`);
  }
  run('adopt schema --write', adopt, ['schema', '--write'], project);
  const first = (await readFile(path.join(project, 'adopt.yaml'), 'utf8')).split('\n')[0];
  expect('the project points to the schema beside it', first === '# yaml-language-server: $schema=./adopt.schema.json', first);
  run('adopt validate', adopt, ['validate'], project);
} catch (error) {
  failures.push(String(error));
  console.log(`FAIL ${error}`);
} finally {
  if (args.has('--keep')) console.log(`kept: ${work}`);
  else await rm(work, { recursive: true, force: true });
}
console.log(failures.length ? `\n${failures.length} failed: ${failures.join('; ')}` : '\nall good: the package installs and runs without a warning');
process.exit(failures.length ? 1 : 0);
