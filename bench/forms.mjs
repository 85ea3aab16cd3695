// The size of each form page (the issue asks under 100 KB each, so it travels by e-mail and
// opens fast on a phone) and the time `adopt form` takes, for the examples and for a project at
// the upper end of what an association tests: 5 shortlisted tools, 12 criteria, 12 key users,
// 12 objectives, 8 audiences. A report for people: nothing here is asserted.
// Usage: npm run build && node bench/forms.mjs
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
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

function upperEnd() {
  const project = YAML.parse(readFileSync(path.join(root, 'examples/jardins-partages/adopt.yaml'), 'utf8'));
  const times = (n, make) => Array.from({ length: n }, (_, i) => make(i + 1));
  project.keyUsers = times(12, (i) => ({ id: `ku${i}`, name: `Personne clef numéro ${i}`, profile: 'volunteer' }));
  project.needs.objectives = times(12, (i) => ({ id: `O${i}`, text: `Objectif ${i} : un résultat concret attendu de l'outil, décrit en une phrase complète`, indicator: `Indicateur mesurable ${i}`, priority: 'should' }));
  project.needs.audiences = times(8, (i) => ({ who: `Public ${i} (une vingtaine de personnes)`, uses: ['consult'] }));
  project.research.candidates = times(5, (i) => ({ id: `tool-${i}`, name: `Outil candidat ${i}`, shortlisted: true }));
  project.poc.criteria = times(12, (i) => ({ id: `C${i}`, text: `Critère ${i} : une tâche réelle jugée pendant l'essai, en une phrase`, weight: (i % 5) + 1, objective: `O${i}` }));
  delete project.poc.scores;
  delete project.poc.decision;
  delete project.training;
  delete project.evaluation?.reviews;
  return YAML.stringify(project);
}

const projects = [
  ...['jardins-partages', 'food-bank', 'warnings'].map((name) => ({ name, text: readFileSync(path.join(root, 'examples', name, 'adopt.yaml'), 'utf8') })),
  { name: 'upper end (5 tools × 12 criteria)', text: upperEnd() },
];

console.log('form                                      kind     size      time');
for (const { name, text } of projects) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'adopt-bench-forms-'));
  try {
    writeFileSync(path.join(dir, 'adopt.yaml'), text);
    for (const kind of ['poc', 'review']) {
      const start = process.hrtime.bigint();
      const run = spawnSync(process.execPath, [bin, 'form', kind], { cwd: dir, env: { ...process.env, ADOPT_TODAY: '2026-11-27' }, encoding: 'utf8' });
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (run.status !== 0) {
        console.log(`${name.padEnd(42)}${kind.padEnd(9)}refused: ${run.stderr.trim()}`);
        continue;
      }
      const bytes = statSync(path.join(dir, 'adopt-docs', `form-${kind}.html`)).size;
      const flag = bytes >= 100_000 ? '  OVER 100 KB' : '';
      console.log(`${name.padEnd(42)}${kind.padEnd(9)}${`${(bytes / 1024).toFixed(1)} KB`.padEnd(10)}${ms.toFixed(0)} ms${flag}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
