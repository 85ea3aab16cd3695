import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { adopt, copyExample, examples, tempDir, withFile } from '../helpers.js';
import type { Project } from '../../src/generated/model.js';

let dir: string;
let cleanup: () => Promise<void>;
let file: string;
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir());
  file = await copyExample(examples.jardins, dir);
});
afterEach(async () => cleanup());

const plain = (text: string) => text.replace(/’/g, "'").replace(/[\u202f\u00a0]/g, ' ');
const run = async (argv: string[]) => {
  const result = await adopt(argv, { cwd: dir });
  return { ...result, stdout: plain(result.stdout), stderr: plain(result.stderr) };
};
const responses = async () => (parse(await readFile(file, 'utf8')) as Project).evaluation!.responses!;

const susTitles = Array.from({ length: 10 }, (_, i) => `[SUS${i + 1}] Question ${i + 1}`);

describe('adopt collect, CSV exports of form services', () => {
  test('Google Forms: a timestamp first, commas, labels offered by the form', async () => {
    const header = ['Horodateur', '[AUD] Vous êtes…', '[O1] Centraliser les adhésions', '[O1/NOTE] Pourquoi ?', ...susTitles, '[EFF+] Effets positifs', '[COM] Autre chose ?'];
    const row = (...cells: string[]) => cells.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',');
    const text = [
      row(...header),
      row('2026/11/20 10:02:11', "Bénévoles d'accueil (une dizaine)", 'Atteint', '', '4 — D\'accord', '2', '5', '1', '4', '2', '4', '2', '5', '1', 'Moins de papier', ''),
      row('2026/11/21 18:40:00', 'Trésorier', 'En partie', 'Les exports; surtout', ...'3 3 3 3 3 3 3 3 3 3'.split(' '), '', 'Ligne un\nLigne deux; avec un point-virgule'),
    ].join('\n');
    await withFile(dir, 'google.csv', text);
    const result = await run(['collect', 'google.csv', '--yes']);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain("google.csv : 2 réponses (Bénévoles d'accueil (une dizaine) : 1 et Trésorier : 1), 2 avec le questionnaire d'utilisabilité, toutes anonymes");
    const [first, second] = await responses();
    expect(first).toMatchObject({ id: 'R1', audience: 'A4', objectives: [{ id: 'O1', status: 'met' }], sus: [4, 2, 5, 1, 4, 2, 4, 2, 5, 1], effects: { positive: 'Moins de papier' } });
    expect(second).toMatchObject({ id: 'R2', audience: 'A3', objectives: [{ id: 'O1', status: 'partial', comment: 'Les exports; surtout' }], comment: 'Ligne un\nLigne deux; avec un point-virgule' });
  });

  test("Microsoft Forms: its own columns first (the respondent's e-mail and name among them) are never read", async () => {
    const header = ['ID', 'Start time', 'Completion time', 'Email', 'Name', '[AUD] Your group', '[O2] Track fees', ...susTitles];
    const text = [
      header.join(','),
      ['1', '11/20/26 10:01:02', '11/20/26 10:05:40', 'jeanne.dupont@example.org', 'Jeanne Dupont', 'A2', 'Not met', ...'5 1 5 1 5 1 5 1 5 1'.split(' ')].join(','),
    ].join('\r\n');
    await withFile(dir, 'microsoft.csv', text);
    const result = await run(['collect', 'microsoft.csv', '--yes']);
    expect(result.code).toBe(0);
    const [only] = await responses();
    expect(only).toEqual({ id: 'R1', received: '2026-11-27', form: 'review', audience: 'A2', sus: [5, 1, 5, 1, 5, 1, 5, 1, 5, 1], objectives: [{ id: 'O2', status: 'unmet' }] });
    const written = await readFile(file, 'utf8');
    for (const seen of [written, result.stdout, result.stderr]) {
      expect(seen).not.toContain('Jeanne');
      expect(seen).not.toContain('jeanne.dupont');
    }
  });

  test('Framaforms and LimeSurvey: semicolons, a BOM, quoted fields with line breaks and semicolons', async () => {
    const header = ['"Soumis le"', '"[AUD] Public"', '"[O3] Paiement en ligne"', '"[COM] Commentaire"', ...susTitles.map((s) => `"${s}"`)];
    const text =
      '\ufeff' +
      [
        header.join(';'),
        ['"20/11/2026 - 10:02"', '"Salariées (coordinatrice et animatrice)"', '"Pas atteint"', '"Deux lignes;\net un point-virgule"', ...'1;2;3;4;5;1;2;3;4;5'.split(';')].join(';'),
        ['"21/11/2026 - 11:00"', '"A1"', '"Atteint"', '""', ...Array(10).fill('""')].join(';'),
      ].join('\r\n');
    await withFile(dir, 'framaforms.csv', text);
    const result = await run(['collect', 'framaforms.csv', '--yes']);
    expect(result.stderr).toBe('');
    const [first, second] = await responses();
    expect(first).toMatchObject({ audience: 'A2', objectives: [{ id: 'O3', status: 'unmet' }], comment: 'Deux lignes;\net un point-virgule', sus: [1, 2, 3, 4, 5, 1, 2, 3, 4, 5] });
    expect(second).toEqual({ id: 'R2', received: '2026-11-27', form: 'review', audience: 'A1', objectives: [{ id: 'O3', status: 'met' }] });
  });

  test('the key users form as a CSV: one row per key user, names as offered', async () => {
    const text = ['Horodateur,[WHO] Qui êtes-vous ?,[C1/adhesio] Saisie,[C2/adhesio] Cotisations,[NOTE/adhesio] Commentaire', '2026/11/20,Lucie Moreau,5 — Tout à fait,4,Bien'].join('\n');
    await withFile(dir, 'poc.csv', text);
    const result = await run(['collect', 'poc.csv', '--yes']);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('poc.csv, ligne 2 : Lucie Moreau, 2 notes et 1 commentaire sur 1 outil');
  });

  test.each([
    ['an unknown audience, with its row', 'Horodateur,[AUD] Public\n2026/11/20,A1\n2026/11/21,Les voisins\n', /^bad\.csv, ligne 3 : « Les voisins » ne fait pas partie des publics/],
    ['a usability answer out of range', 'x;[SUS1] Q\n1;7\n', /^bad\.csv, ligne 2 : la réponse d'utilisabilité \[SUS1\] vaut « 7 »/],
    ['a status nobody offered', 'x,[O1] Q\n1,Peut-être\n', /^bad\.csv, ligne 2 : la réponse à \[O1\] vaut « Peut-être »/],
    ['a score out of range', '[WHO] Qui,[C1/adhesio] Q\nkarim,9\n', /^bad\.csv, ligne 2 : la note \[C1\/adhesio\] vaut « 9 »/],
    ['no coded column', 'Horodateur,Question\n1,2\n', /^bad\.csv n'est ni un fichier de réponses, ni l'export d'un formulaire créé avec adopt form --csv/],
    ['a quote left open', 'x,[COM] Q\n1,"pas fermé\n', /^bad\.csv ne se lit pas comme un export CSV/],
    ['an objective the project no longer has', 'x,[O9] Q\n1,Atteint\n', /^bad\.csv, ligne 2 : la question \[O9\] ne figure pas/],
  ])('%s: refused in one line, nothing written', async (_name, text, message) => {
    await withFile(dir, 'bad.csv', text);
    const before = await readFile(file);
    const result = await run(['collect', 'bad.csv', '--yes']);
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(message);
    expect(await readFile(file)).toEqual(before);
  });
});

describe('adopt collect reads back the labels the form offers, typed in either language', () => {
  const reviewCsv = (o1: string, o2: string, o3: string, sus: string[]) =>
    [['x', '[O1] Q', '[O2] Q', '[O3] Q', ...susTitles].join(';'), ['1', o1, o2, o3, ...sus].join(';')].join('\n');

  test.each([
    ['French, as printed', 'Atteint', 'En partie', 'Pas atteint', ['1 — Pas du tout d’accord', "Pas d'accord", 'Ni d’accord ni pas d’accord', "D'accord", 'Tout à fait d’accord', '5', '4', '3', '2', '1']],
    ['English, as printed', 'Met', 'Partly', 'Not met', ['1 — Strongly disagree', 'Disagree', 'Neither agree nor disagree', 'Agree', 'Strongly agree', '5', '4', '3', '2', '1']],
    ['the synonyms kept beside the printed label', 'oui', 'Partiellement atteint', 'No', ['1', '2', '3', '4', '5', '5 — Agree', '4', '3', '2', '1']],
  ])('%s', async (_name, o1, o2, o3, sus) => {
    await withFile(dir, 'labels.csv', reviewCsv(o1, o2, o3, sus));
    const result = await run(['collect', 'labels.csv', '--yes']);
    expect(result.stderr).toBe('');
    const [only] = await responses();
    expect(only!.objectives!.map((o) => o.status)).toEqual(['met', 'partial', 'unmet']);
    expect(only!.sus).toEqual([1, 2, 3, 4, 5, 5, 4, 3, 2, 1]);
  });

  test('a score typed as its words, in French or in English, on an English project', async () => {
    file = await copyExample(examples.foodBank, dir);
    const text = ['[WHO] Who,[C1/rotaly] A,[C2/rotaly] B,[C3/rotaly] C,[C4/rotaly] D', 'Tom Whitfield,Très bien,Does not do it,2 — Mal,Adequately'].join('\n');
    await withFile(dir, 'poc.csv', text);
    const result = await run(['collect', 'poc.csv', '--yes']);
    expect(result.stderr).toBe('');
    const scores = (parse(await readFile(file, 'utf8')) as Project).poc!.scores!.filter((s) => s.by === 'tom' && s.candidate === 'rotaly');
    expect(scores.map((s) => [s.criterion, s.score])).toEqual([['C1', 5], ['C2', 0], ['C3', 2], ['C4', 3]]);
  });

  test('a word the form never offered is still refused, in the language of the project', async () => {
    file = await copyExample(examples.foodBank, dir);
    await withFile(dir, 'bad.csv', reviewCsv('Maybe', 'Met', 'Met', []));
    const result = await run(['collect', 'bad.csv', '--yes']);
    expect(result.code).toBe(1);
    expect(result.stderr.split('\n')[0]).toBe('bad.csv, row 2: the answer to [O1] is "Maybe"; it is met, partly or not met.');
  });
});

describe('adopt collect as a coordinator meets it', () => {
  test('alone, it says what to give it, with an example; --help says the four steps in order', async () => {
    const alone = await run(['collect']);
    expect(alone.code).toBe(2);
    expect(alone.stderr.trim()).toBe('Indiquez les fichiers de réponses ou les exports à collecter, par exemple : adopt collect reponses/*.adopt-response.json export.csv');
    for (const [lang, steps] of [['fr', /1\. adopt form review.*\n  2\. Chaque personne.*\n  3\. adopt collect.*\n  4\. adopt evaluate/], ['en', /1\. adopt form review.*\n  2\. Each person.*\n  3\. adopt collect.*\n  4\. adopt evaluate/]] as const) {
      const help = await run(['collect', '--help', '--lang', lang]);
      expect(help.stdout).toMatch(steps);
    }
  });

  test('a response without a whole usability questionnaire: said plainly, no "0 with"', async () => {
    const text = ['x,[O1] Q,[SUS1] Q', '1,Met,4'].join('\n');
    await withFile(dir, 'partial.csv', text);
    const result = await run(['collect', 'partial.csv', '--yes', '--lang', 'en']);
    expect(result.stdout).toContain('partial.csv: 1 response (no group given: 1), none with the usability questionnaire, all anonymous');
    expect(result.stdout).toContain('partial.csv, row 2: the usability questionnaire is not complete; the other answers are kept, without a usability score');
    expect((await responses())[0]).not.toHaveProperty('sus');
  });
});
