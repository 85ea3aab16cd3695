import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { adopt, contextFor, copyExample, examples, quietTerminal, tempDir, withFile } from '../helpers.js';
import type { Project } from '../../src/generated/model.js';
import { formQuestions, projectFingerprint, questionsFingerprint, type FormKind } from '../../src/derive/form-questions.js';
import { collect } from '../../src/commands/collect.js';
import { ScriptedPrompter } from '../../src/wizard/prompter.js';

let dir: string;
let cleanup: () => Promise<void>;
let file: string;
let project: Project;
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  file = await copyExample(examples.jardins, dir);
  project = parse(await readFile(file, 'utf8')) as Project;
});
afterEach(async () => cleanup());

/** French typography (’, thin spaces before : and inside « ») set aside, to compare with plain text. */
const plain = (text: string) => text.replace(/’/g, "'").replace(/[\u202f\u00a0]/g, ' ');
const run = async (argv: string[]) => {
  const result = await adopt(argv, { cwd: dir });
  return { ...result, stdout: plain(result.stdout), stderr: plain(result.stderr) };
};

const read = async () => parse(await readFile(file, 'utf8')) as Project;

/** A response file as the form page saves it. */
function response(form: FormKind, answers: Record<string, string | number>, of: Project = project): string {
  return JSON.stringify({ adopt: 'response', version: 1, form, project: projectFingerprint(of), questions: questionsFingerprint(form, formQuestions(of, form)), saved: '2026-11-26', answers });
}

const sus = (answers: number[]) => Object.fromEntries(answers.map((a, i) => [`SUS${i + 1}`, a]));
const karimScores = { WHO: 'karim', 'C1/adhesio': 4, 'C2/adhesio': 5, 'C3/adhesio': 3, 'C4/adhesio': 2, 'NOTE/adhesio': 'Clair mais lent le soir' };

describe('adopt collect, response files', () => {
  test("a key user's scores and an anonymous review response are recorded, and what was recorded is said", async () => {
    await withFile(dir, 'karim.adopt-response.json', response('poc', karimScores));
    await withFile(dir, 'r1.adopt-response.json', response('review', { AUD: 'A4', O1: 'met', 'O1/NOTE': 'Tout au même endroit', ...sus([4, 2, 4, 1, 5, 2, 4, 2, 4, 1]), 'EFF+': 'Moins de papier' }));
    const result = await run(['collect', 'karim.adopt-response.json', 'r1.adopt-response.json', '--yes']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('karim.adopt-response.json : Karim Benali, 4 notes et 1 commentaire sur 1 outil');
    expect(result.stdout).toContain("r1.adopt-response.json : 1 réponse (Bénévoles d'accueil (une dizaine) : 1), 1 avec le questionnaire d'utilisabilité, toutes anonymes");
    expect(result.stdout).toContain('remplace les notes que Karim Benali avait données pour ces outils');
    const after = await read();
    const karim = after.poc!.scores!.filter((s) => s.by === 'karim' && s.candidate === 'adhesio');
    expect(karim.map((s) => [s.criterion, s.score])).toEqual([['C1', 4], ['C2', 5], ['C3', 3], ['C4', 2]]);
    // Karim's scores of the other tool were not in this response: they stay.
    expect(after.poc!.scores!.filter((s) => s.by === 'karim' && s.candidate === 'cotiz').length).toBe(project.poc!.scores!.filter((s) => s.by === 'karim' && s.candidate === 'cotiz').length);
    expect(after.poc!.comments).toEqual([{ candidate: 'adhesio', by: 'karim', comment: 'Clair mais lent le soir' }]);
    expect(after.evaluation!.responses).toEqual([
      { id: 'R1', received: '2026-11-27', form: 'review', audience: 'A4', sus: [4, 2, 4, 1, 5, 2, 4, 2, 4, 1], objectives: [{ id: 'O1', status: 'met', comment: 'Tout au même endroit' }], effects: { positive: 'Moins de papier' } },
    ]);
    expect(after.needs!.audiences!.map((a) => a.id)).toEqual(['A1', 'A2', 'A3', 'A4']);
    // The rest of the file is as it was: its comments above all.
    const text = await readFile(file, 'utf8');
    expect(text).toContain("# Projet « adhésions » des Jardins Partagés — fichier tenu à jour par Camille.");
    expect((await adopt(['validate'], { cwd: dir })).code).toBe(0);
  });

  test('a second response from the same key user replaces the first, and it is said', async () => {
    await withFile(dir, 'a.adopt-response.json', response('poc', karimScores));
    await withFile(dir, 'b.adopt-response.json', response('poc', { ...karimScores, 'C1/adhesio': 1, 'NOTE/adhesio': 'Finalement non' }));
    const result = await run(['collect', 'a.adopt-response.json', 'b.adopt-response.json', '--yes']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('remplace ce que Karim Benali a répondu dans a.adopt-response.json');
    const after = await read();
    expect(after.poc!.scores!.filter((s) => s.by === 'karim' && s.candidate === 'adhesio' && s.criterion === 'C1')).toEqual([{ candidate: 'adhesio', by: 'karim', criterion: 'C1', score: 1 }]);
    expect(after.poc!.comments).toEqual([{ candidate: 'adhesio', by: 'karim', comment: 'Finalement non' }]);
  });

  test('a name is recorded only when given, and an anonymous response shows none anywhere', async () => {
    await withFile(dir, 'named.adopt-response.json', response('review', { AUD: 'A1', NAME: 'Zoé Lambert', COM: 'Très bien' }));
    await withFile(dir, 'anon.adopt-response.json', response('review', { AUD: 'A1', COM: 'Pas mal' }));
    const result = await run(['collect', 'named.adopt-response.json', 'anon.adopt-response.json', '--yes']);
    expect(result.code).toBe(0);
    const responses = (await read()).evaluation!.responses!;
    expect(responses[0]).toMatchObject({ id: 'R1', name: 'Zoé Lambert' });
    expect(responses[1]).not.toHaveProperty('name');
    expect(result.stdout + result.stderr).not.toContain('Zoé');
  });
});

describe('adopt collect, refusals leave the project file byte for byte', () => {
  const other = () => ({ ...project, project: { ...project.project, title: 'Autre projet' } });
  const cases: [string, () => string | Uint8Array, RegExp][] = [
    ['another project', () => response('review', { AUD: 'A1', COM: 'x' }, other()), /répond à un autre projet/],
    ['an outdated form', () => response('review', { AUD: 'A1', COM: 'x' }, { ...project, needs: { ...project.needs, objectives: project.needs!.objectives!.slice(1) } }), /version antérieure du questionnaire d'évaluation/],
    ['a key user not in the project', () => response('poc', { ...karimScores, WHO: 'bob' }), /« bob » ne fait pas partie des utilisateurs clefs/],
    ['a score out of range', () => response('poc', { ...karimScores, 'C2/adhesio': 7 }), /la note \[C2\/adhesio\] vaut « 7 » ; une note va de 0 à 5/],
    ['a usability answer out of range', () => response('review', { AUD: 'A1', ...sus([4, 2, 4, 1, 6, 2, 4, 2, 4, 1]) }), /\[SUS5\] vaut « 6 »/],
    ['an unknown audience', () => response('review', { AUD: 'A9', COM: 'x' }), /« A9 » ne fait pas partie des publics/],
    ['a malformed file', () => '{"adopt": "response", "version": 1, "form": "review", ', /est abîmé/],
    ['an empty file', () => '', /est vide/],
    ['a binary file', () => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), /n'est pas du texte/],
    ['a JSON file of something else', () => '{"name": "x"}', /n'est pas un fichier de réponses/],
  ];
  test.each(cases)('%s: one line naming the file, exit 1, nothing written even for the good file beside it', async (_name, content, message) => {
    await withFile(dir, 'good.adopt-response.json', response('poc', karimScores));
    await withFile(dir, 'bad.adopt-response.json', content());
    const before = await readFile(file);
    const result = await run(['collect', 'good.adopt-response.json', 'bad.adopt-response.json', '--yes']);
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^bad\.adopt-response\.json/);
    expect(lines[0]).toMatch(message);
    expect(lines[1]).toMatch(/Rien n'a été enregistré/);
    expect(result.stdout).toBe('');
    expect(await readFile(file)).toEqual(before);
  });

  test('with no terminal and no --yes: one line, exit 2, nothing written', async () => {
    await withFile(dir, 'good.adopt-response.json', response('poc', karimScores));
    const before = await readFile(file);
    const result = await run(['collect', 'good.adopt-response.json']);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('--yes');
    expect(await readFile(file)).toEqual(before);
  });

  test('at a terminal, it asks first: No writes nothing, Yes records', async () => {
    await withFile(dir, 'good.adopt-response.json', response('poc', karimScores));
    const before = await readFile(file);
    const io = quietTerminal(dir);
    let shown = '';
    io.stdout = { write: (text: string) => (shown += text) };
    const no = new ScriptedPrompter([false]);
    await collect({ files: ['good.adopt-response.json'], prompter: no }, await contextFor(io));
    expect(plain(shown)).toContain('Karim Benali, 4 notes');
    expect(no.asked.map(plain)).toEqual(['Enregistrer ces réponses ?']);
    expect(await readFile(file)).toEqual(before);
    await collect({ files: ['good.adopt-response.json'], prompter: new ScriptedPrompter([true]) }, await contextFor(io));
    expect((await read()).poc!.comments).toHaveLength(1);
  });
});
