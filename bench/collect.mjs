// How long `adopt collect --yes` takes for a season of answers: 500 response files, then a
// 500-row CSV export, each into a copy of the example project. A report, not a test.
// Usage: node bench/collect.mjs [N]   (default: 500)
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import YAML from 'yaml';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'bin', 'adopt.js');
if (!existsSync(path.join(root, 'dist', 'main.js'))) {
  console.error('dist/main.js is missing: run `npm run build` first.');
  process.exit(2);
}
const count = Number(process.argv[2]) > 0 ? Number(process.argv[2]) : 500;
const tmp = mkdtempSync(path.join(os.tmpdir(), 'adopt-bench-collect-'));
process.on('exit', () => rmSync(tmp, { recursive: true, force: true }));

// The fingerprints come from the module the forms use, bundled here, never computed a second way.
const questionsModule = path.join(tmp, 'form-questions.mjs');
await build({ entryPoints: [path.join(root, 'src', 'derive', 'form-questions.ts')], bundle: true, platform: 'node', format: 'esm', outfile: questionsModule, logLevel: 'silent' });
const { formQuestions, projectFingerprint, questionsFingerprint } = await import(pathToFileURL(questionsModule).href);

const example = path.join(root, 'examples', 'jardins-partages', 'adopt.yaml');
const project = YAML.parse(readFileSync(example, 'utf8'));
const objectives = project.needs.objectives.map((o) => o.id);
const audiences = project.needs.audiences.length;
const answersOf = (i) => ({
  AUD: `A${(i % audiences) + 1}`,
  ...Object.fromEntries(objectives.flatMap((id, k) => [[id, ['met', 'partial', 'unmet'][(i + k) % 3]], [`${id}/NOTE`, `Remarque ${i} sur ${id}`]])),
  ...Object.fromEntries(Array.from({ length: 10 }, (_, k) => [`SUS${k + 1}`, ((i + k) % 5) + 1])),
  'EFF+': `Effet ${i}`,
  COM: `Commentaire ${i}`,
});

function timed(args, cwd) {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, LANG: 'C', ADOPT_TODAY: '2026-11-27' }, maxBuffer: 64 << 20 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0) throw new Error(`adopt ${args.slice(0, 2).join(' ')} … failed: ${result.stderr}`);
  return seconds;
}

const filesDir = mkdtempSync(path.join(tmp, 'files-'));
copyFileSync(example, path.join(filesDir, 'adopt.yaml'));
const names = [];
const fingerprints = { project: projectFingerprint(project), questions: questionsFingerprint('review', formQuestions(project, 'review')) };
for (let i = 0; i < count; i++) {
  const name = `r${i}.adopt-response.json`;
  writeFileSync(path.join(filesDir, name), JSON.stringify({ adopt: 'response', version: 1, form: 'review', ...fingerprints, saved: '2026-11-26', answers: answersOf(i) }));
  names.push(name);
}

const csvDir = mkdtempSync(path.join(tmp, 'csv-'));
copyFileSync(example, path.join(csvDir, 'adopt.yaml'));
const codes = Object.keys(answersOf(0));
const quote = (cell) => `"${String(cell).replace(/"/g, '""')}"`;
const rows = [['Horodateur', ...codes.map((c) => `[${c}] Question`)].map(quote).join(',')];
for (let i = 0; i < count; i++) rows.push(['2026/11/20 10:00:00', ...codes.map((c) => answersOf(i)[c])].map(quote).join(','));
writeFileSync(path.join(csvDir, 'export.csv'), rows.join('\n'));

console.log(`node ${process.version}, ${os.cpus().length} CPU(s)`);
console.log(`${count} response files: ${timed(['collect', ...names, '--yes'], filesDir).toFixed(2)} s`);
console.log(`a ${count}-row CSV export: ${timed(['collect', 'export.csv', '--yes'], csvDir).toFixed(2)} s`);
