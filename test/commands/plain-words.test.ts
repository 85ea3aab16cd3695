/**
 * Plain words (issue 9): warnings say what is wrong and, at a terminal, what to do; steps are
 * named as people of the project's language type them; list items are named by number or id
 * and name; every message wraps between words at the terminal's width.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { parse } from 'yaml';
import { adopt, contextFor, tempDir, withFile } from '../helpers.js';
import { ScriptedPrompter, INTERRUPT } from '../../src/wizard/prompter.js';
import type { Io } from '../../src/io.js';
import { loadTranslator } from '../../src/i18n/index.js';
import { statusReport } from '../../src/progress/status.js';
import { warningAdvice, warningMessage } from '../../src/view/warnings.js';
import type { Project } from '../../src/generated/model.js';

import { montreuil } from './montreuil.js';

const TODAY = '2027-03-16';
const env = { ADOPT_TODAY: TODAY };

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
});
afterEach(async () => cleanup());

const project = (profile = 'occasional', language = 'fr') => withFile(dir, 'adopt.yaml', montreuil.replace('PROFILE', profile).replace('language: fr', `language: ${language}`));

describe('warnings say what to do, in the user\'s words', () => {
  test('status --json gives each warning its code, message and advice, in both languages', async () => {
    await project();
    const fr = JSON.parse((await adopt(['status', '--json'], { cwd: dir, env })).stdout) as { warnings: { code: string; message: string; advice?: string; path: string }[] };
    expect(fr.warnings.find((w) => w.code === 'milestone-late')).toEqual({
      code: 'milestone-late',
      message: 'Le jalon M3 «\u00a0Formation des bénévoles\u00a0» était prévu le 15 mars 2027 et n’est pas coché comme atteint.',
      advice: 'Cochez-le avec adopt edit besoins, puis dans ses menus : jalons › Modifier «\u00a0Formation des bénévoles\u00a0», ou donnez-lui une nouvelle date.',
      path: 'needs.schedule.milestones[2]',
    });
    const en = JSON.parse((await adopt(['status', '--json', '--lang', 'en'], { cwd: dir, env })).stdout) as typeof fr;
    expect(en.warnings.find((w) => w.code === 'milestone-late')).toMatchObject({
      message: 'Milestone M3 “Formation des bénévoles” was due on 15 March 2027 and is not ticked as reached.',
      advice: 'Tick it with adopt edit needs, then in its menus: milestones › Change “Formation des bénévoles”, or give it a new date there.',
    });
    // Every warning has advice, and no message carries a field path or a code.
    for (const warning of [...fr.warnings, ...en.warnings]) {
      expect(warning.advice).toMatch(/adopt (edit|evaluate)/);
      expect(warning.message).not.toMatch(/\[\w|\w\.\w+\b(?<!\d)|done: true|\(\w+\.\w+\)|\[[a-z-]+\]/);
    }
  });

  test('status shows the advice under the message; the code only dimmed, with colour', async () => {
    await project();
    const plain = (await adopt(['status'], { cwd: dir, env })).stdout;
    expect(plain).toContain(
      '  ! La personne responsable du projet estime n’avoir aucune compétence en gestion de projet, et rien ne dit encore comment elle sera compensée.\n    → Indiquez comment elle est compensée (un binôme, une formation, une aide extérieure) avec adopt edit responsable.\n',
    );
    expect(plain).not.toMatch(/\[(weak-lead-skill|milestone-late)\]|weak-lead-skill/);
    const coloured = (await adopt(['status'], { cwd: dir, env: { ...env, FORCE_COLOR: '1' } })).stdout;
    expect(coloured).toContain('\u001b[2mweak-lead-skill\u001b[22m');
  });

  test('documents show the message and never the advice', async () => {
    await project();
    const t = await loadTranslator('fr');
    const data = parse(montreuil.replace('PROFILE', 'occasional')) as Project;
    const report = statusReport(data, 'adopt.yaml', TODAY, (w) => ({ message: warningMessage(w, t, data), advice: warningAdvice(w, t) }));
    expect(report.warnings.length).toBeGreaterThan(2);
    expect((await adopt(['render', '--doc', 'plan', '--format', 'md'], { cwd: dir, env })).code).toBe(0);
    const plan = await readFile(path.join(dir, 'adopt-docs/plan.md'), 'utf8');
    expect(plan).toContain('Le jalon M3 «\u00a0Formation des bénévoles\u00a0» était prévu le 15 mars 2027');
    for (const warning of report.warnings) expect(plan).not.toContain(warning.advice!);
    expect(plan).not.toContain('adopt edit');
  });
});

describe('step names in the user\'s language', () => {
  test('the hints of status name steps as the project\'s language types them', async () => {
    await project();
    const fr = (await adopt(['status'], { cwd: dir, env })).stdout;
    expect(fr).toMatch(/Recherche d’outils +pas commencée → adopt edit recherche\n/);
    expect(fr).toMatch(/Déploiement +pas commencée → adopt edit deploiement\n/);
    expect(fr).not.toContain('adopt edit research');
    const en = (await adopt(['status', '--lang', 'en'], { cwd: dir, env })).stdout;
    expect(en).toMatch(/Research +not started → adopt edit research\n/);
  });

  test('adopt edit --help lists the steps in the user\'s language', async () => {
    await project();
    const fr = (await adopt(['edit', '--help'], { cwd: dir, env })).stdout.replace(/\s+/g, ' ');
    expect(fr).toContain('1 à 8, ou responsable, utilisateurs, besoins, recherche, test, deploiement, formation, evaluation, pratiques');
    const en = (await adopt(['edit', '--help', '--lang', 'en'], { cwd: dir, env })).stdout.replace(/\s+/g, ' ');
    expect(en).toContain('1 to 8, or lead, key-users, needs, research, poc, deployment, training, evaluation, practices');
  });

  test('adopt edit with no step and no terminal: one line of usage, exit 2', async () => {
    await project();
    expect(await adopt(['edit'], { cwd: dir, env })).toEqual({
      code: 2,
      stdout: '',
      stderr: 'Indiquez l’étape à reprendre\u00a0: son numéro (1 à 8) ou son nom (responsable, utilisateurs, besoins, recherche, test, deploiement, formation, evaluation, pratiques), par exemple adopt edit recherche.\n',
    });
    const en = await adopt(['edit', '--lang', 'en'], { cwd: dir, env });
    expect(en.code).toBe(2);
    expect(en.stderr).toBe('Name the step to edit: its number (1 to 8) or its name (lead, key-users, needs, research, poc, deployment, training, evaluation, practices), such as adopt edit research.\n');
  });

  test.each([
    ['fr', 'Sur quelle étape voulez-vous revenir\u00a0?', 'Tout ce qui reste à compléter', '1. Responsable du projet (en cours)', 'Recherche d’outils'],
    ['en', 'Which step do you want to come back to?', 'Everything left to fill in', '1. Project lead (in progress)', 'Research'],
  ] as const)('adopt edit with no step at a terminal (%s): every blank, then a menu of the steps, then the step chosen', async (lang, question, everything, firstStep, title) => {
    await project('occasional', lang);
    let out = '';
    const io: Io = { stdout: { write: (text: string) => (out += text) }, stderr: { write: (text: string) => (out += text) }, stdin: Object.assign(new PassThrough(), { isTTY: true }), env: { LANG: 'C' }, cwd: dir };
    const { edit } = await import('../../src/commands/init.js');
    const menus: { message: string; labels: string[] }[] = [];
    const prompter = new ScriptedPrompter([
      (q) => {
        menus.push({ message: q.message, labels: ((q as { choices?: { label: string }[] }).choices ?? []).map((c) => c.label) });
        return 'research';
      },
      INTERRUPT,
    ]);
    await expect(edit({ interactive: true, prompter }, await contextFor(io, { lang, today: TODAY }))).rejects.toMatchObject({ exitCode: 130 });
    expect(menus[0]!.message).toBe(question);
    expect(menus[0]!.labels[0]).toMatch(new RegExp(`^${everything} \\(\\d+ `));
    expect(menus[0]!.labels[1]).toBe(firstStep);
    expect(menus[0]!.labels).toHaveLength(10);
    expect(prompter.said.join('\n')).toContain(title);
  });
});

describe('positions people can follow', () => {
  test('validate names a list item by number and name, with its line, in both languages', async () => {
    await project('dayly');
    const fr = await adopt(['validate'], { cwd: dir, env });
    expect(fr.stdout).toContain('adopt.yaml:13:48 Utilisateur clef n° 4, Ollie Brennan › profile\u00a0: «\u00a0dayly\u00a0» ne fait pas partie des valeurs possibles');
    expect(fr.stdout).toContain('adopt.yaml:22:33 Note n° 1 › by\u00a0: «\u00a0coach\u00a0» ne correspond à aucun identifiant d’utilisateur clef.');
    const en = await adopt(['validate', '--lang', 'en'], { cwd: dir, env });
    expect(en.stdout).toContain('adopt.yaml:13:48 Key user 4, Ollie Brennan › profile: "dayly" is not one of');
    for (const output of [fr.stdout, en.stdout]) expect(output).not.toMatch(/\w\[\d+\]/);
  });

  test('status names dangling references and milestones by number or id, never keyUsers[3]', async () => {
    await project();
    const fr = (await adopt(['status'], { cwd: dir, env })).stdout;
    expect(fr).toContain('  ! Note n° 1 › by\u00a0: «\u00a0coach\u00a0» ne correspond à aucun identifiant d’utilisateur clef.\n    → Corrigez-le dans le fichier (adopt validate donne sa ligne), ou ajoutez ce qu’il désigne avec adopt edit utilisateurs.');
    const en = (await adopt(['status', '--lang', 'en'], { cwd: dir, env })).stdout;
    expect(en).toContain('  ! Score 1 › by: "coach" does not match any key user\'s id.\n');
    for (const output of [fr, en]) expect(output).not.toMatch(/\w\[\d+\]/);
  });
});
