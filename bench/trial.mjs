// The trial of issue 9: examples/jardins-partages entered into an empty project file through
// the scripted prompter, as a person would (test/trial.ts says how), with the number of
// questions and the time a person would take. A report for people; test/commands/trial.test.ts
// holds the targets. Usage, after a build: node bench/trial.mjs [--list] [example.yaml]
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
if (!existsSync(path.join(root, 'dist', 'i18n'))) {
  console.error('dist/ is missing: run `npm run build` first, then run the trial again.');
  process.exit(2);
}
const list = process.argv.includes('--list');
const example = process.argv.slice(2).find((arg) => !arg.startsWith('--')) ?? path.join(root, 'examples', 'jardins-partages', 'adopt.yaml');
const TODAY = '2026-11-27'; // the day the examples are seen from, as in the tests

// The trial drives the commands with a scripted prompter, which the bundle does not export: it
// is bundled here from the sources, beside the build so that it finds the built catalogues.
const { build } = await import('esbuild');
const bundle = path.join(root, 'dist', 'trial-bench.mjs');
await build({
  entryPoints: [path.join(root, 'test', 'trial.ts')],
  outfile: bundle,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
});
const { runTrial } = await import(pathToFileURL(bundle).href);
const dir = mkdtempSync(path.join(os.tmpdir(), 'adopt-trial-'));
let trial;
try {
  trial = await runTrial({ dir, example, today: TODAY });
} finally {
  rmSync(dir, { recursive: true, force: true });
  rmSync(bundle, { force: true });
}

// --- The time model: seconds a volunteer coordinator takes, reading and answering ------------
const model = {
  typedBase: 6, // reading the question and its help, thinking of the answer
  typedPerChar: 0.3, // typing at about 40 words a minute, corrections included
  choice: 5, // reading the choices, moving to one (or ticking) and Enter
  choicePerTick: 1, // each further box ticked
  gridPerRow: 3, // each further row of a grid (or of a checklist per row): reading it, moving to it, choosing with ←→ (and Space)
  enter: 2, // reading the question, Enter to keep the proposal or to pass
  confirm: 3, // a yes or no
  notePerChar: 0.04, // reading what the wizard says between questions (about 250 words a minute)
};
const seconds = (prompt) =>
  prompt.answer === 'typed' ? model.typedBase + model.typedPerChar * prompt.size
  : prompt.answer === 'choice' ? model.choice + (prompt.kind === 'grid' || prompt.kind === 'ticks' ? model.gridPerRow : model.choicePerTick) * Math.max(0, prompt.size - 1)
  : prompt.answer === 'enter' ? model.enter
  : model.confirm;
const reading = (session) => model.notePerChar * session.said.reduce((n, text) => n + text.length, 0);
const minutes = (sessions) => sessions.reduce((n, s) => n + s.prompts.reduce((m, p) => m + seconds(p), 0) + reading(s), 0) / 60;

const byAnswer = (prompts) => ['typed', 'choice', 'enter', 'confirm'].map((kind) => `${prompts.filter((p) => p.answer === kind).length} ${kind}`).join(', ');
console.log(`Trial: ${path.relative(root, example)} entered from an empty file (today ${TODAY})\n`);
for (const session of trial.sessions) {
  console.log(`${session.name.padEnd(22)} ${String(session.prompts.length).padStart(4)} questions (${byAnswer(session.prompts)}), ${session.refused.length} refused, ~${minutes([session]).toFixed(1)} min`);
  if (list) for (const p of session.prompts) console.log(`    ${p.kind.padEnd(8)} ${p.answer.padEnd(7)} ${(p.path ?? '').padEnd(40)} ${p.message}`);
}
const dayOne = trial.sessions.filter((s) => s.name === 'day one');
const total = trial.sessions.reduce((n, s) => n + s.prompts.length, 0);
const refused = trial.sessions.flatMap((s) => s.refused);
const dayOneCount = dayOne.reduce((n, s) => n + s.prompts.length, 0);
console.log(`
day one (steps 1-3): ${dayOneCount} questions (target ≤ 60), ~${minutes(dayOne).toFixed(1)} min (target ≤ 20)
complete project:    ${total} questions (target ≤ 180), ~${minutes(trial.sessions).toFixed(0)} min
refusals (re-asks):  ${refused.length} (target 0)${refused.map((r) => `\n  - ${r}`).join('')}
choices to stop for the day: ${trial.stepOffers} (asked once a step is done in a run, twice at most)`);
console.log(`\ntime model (s): ${Object.entries(model).map(([k, v]) => `${k} ${v}`).join(', ')}`);
console.log(trial.differences.length ? `\nthe file differs from the example:\n${trial.differences.map((d) => `  - ${d}`).join('\n')}` : '\nthe file holds the data of the example (ids made from names, order of keys aside)');
if (trial.notAsked.length) console.log(`not asked by the wizard (adopt collect brings them): ${trial.notAsked.length} score comments`);
process.exitCode = dayOneCount <= 60 && total <= 180 && refused.length === 0 && trial.differences.length === 0 ? 0 : 1;
