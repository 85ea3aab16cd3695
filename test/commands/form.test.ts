import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse, stringify } from 'yaml';
import { adopt, copyExample, examples, tempDir } from '../helpers.js';
import { formQuestions, projectFingerprint, questionsFingerprint } from '../../src/derive/form-questions.js';
import type { Project } from '../../src/generated/model.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(async () => cleanup());

const page = (kind: string) => readFile(path.join(dir, 'adopt-docs', `form-${kind}.html`), 'utf8');
/** The JSON block the page's script reads. */
const pageData = (html: string) => JSON.parse(/<script type="application\/json" id="form-data">(.*?)<\/script>/s.exec(html)![1]!) as Record<string, unknown>;

describe('adopt form poc', () => {
  test('writes one self-contained page in the project\'s language, with every shortlisted tool and criterion; the file is left as it was', async () => {
    const file = await copyExample(examples.jardins, dir);
    const before = await readFile(file);
    const result = await adopt(['form', 'poc'], { cwd: dir });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain('adopt-docs/form-poc.html');
    expect(await readFile(file)).toEqual(before);
    const html = await page('poc');
    expect(html).toMatch(/^<!doctype html>\n<html lang="fr">/);
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; script-src 'sha256-[A-Za-z0-9+/=]+'; form-action 'none'; base-uri 'none'">/);
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).toContain('Enregistrer mes réponses');
    expect(html).toContain('Saisir une nouvelle adhésion en moins de deux minutes');
    expect(html).toContain('(poids 4 sur 5)');
    for (const code of ['WHO', 'C1/adhesio', 'C4/cotiz', 'NOTE/cotiz']) expect(html).toContain(`name="${code}"`);
    expect(html).not.toContain('grandcrm');
    const project = parse(before.toString()) as Project;
    expect(pageData(html)).toMatchObject({ form: 'poc', project: projectFingerprint(project), questions: questionsFingerprint('poc', formQuestions(project, 'poc')) });
    expect(Buffer.byteLength(html)).toBeLessThan(100_000);
  });

  test('an English project gets an English page', async () => {
    await copyExample(examples.foodBank, dir);
    expect((await adopt(['form', 'poc'], { cwd: dir })).code).toBe(0);
    const html = await page('poc');
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Save my answers');
    expect(html).toContain('by e-mail or chat');
  });

  test.each([
    ['no shortlisted tool', (p: any) => p.research.candidates.forEach((c: any) => (c.shortlisted = false)), 'aucun outil n’est retenu'],
    ['no criterion', (p: any) => delete p.poc.criteria && delete p.poc.scores && delete p.poc.decision, 'aucun critère'],
    ['no key user', (p: any) => { delete p.keyUsers; delete p.poc.scores; delete p.training.champions; }, 'aucun utilisateur clef'],
  ])('refuses with one line and writes nothing when there is %s', async (_name, change, words) => {
    const project = parse(await readFile(examples.jardins, 'utf8'));
    change(project);
    const file = path.join(dir, 'adopt.yaml');
    await writeFile(file, stringify(project));
    const before = await readFile(file);
    const result = await adopt(['form', 'poc'], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain(words);
    expect(await readFile(file)).toEqual(before);
    await expect(stat(path.join(dir, 'adopt-docs'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  test('an unknown form is a usage error', async () => {
    await copyExample(examples.foodBank, dir);
    const result = await adopt(['form', 'survey'], { cwd: dir });
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toBe('Unknown form "survey": choose poc or review.\n');
  });
});

describe('adopt form review', () => {
  test('writes the missing audience ids once, saying so in one line; every other byte of the file stays', async () => {
    const file = await copyExample(examples.jardins, dir);
    const original = await readFile(file, 'utf8');
    const first = await adopt(['form', 'review'], { cwd: dir });
    expect(first.code).toBe(0);
    expect(first.stdout.split('\n')[0]).toBe('4 publics ont désormais leur identifiant dans le fichier du projet (A1, A2… dans l’ordre de la liste), pour que les réponses leur restent attachées même si la liste change d’ordre.');
    const written = await readFile(file, 'utf8');
    expect(parse(written).needs.audiences.map((a: { id: string }) => a.id)).toEqual(['A1', 'A2', 'A3', 'A4']);
    // Taking the ids out again gives back the very same text.
    expect(written.replace(/- id: A\d\n {6}who:/g, '- who:')).toBe(original);
    expect((await adopt(['validate'], { cwd: dir })).code).toBe(0);

    const second = await adopt(['form', 'review'], { cwd: dir });
    expect(second.code).toBe(0);
    expect(second.stdout).not.toContain('A1');
    expect(await readFile(file, 'utf8')).toBe(written);
  });

  test('asks the audience, every objective, the ten SUS items, effects, a comment and an optional name', async () => {
    await copyExample(examples.jardins, dir);
    expect((await adopt(['form', 'review'], { cwd: dir })).code).toBe(0);
    const html = await page('review');
    for (const code of ['AUD', 'O1', 'O1/NOTE', 'O4', 'SUS1', 'SUS10', 'EFF+', 'EFF-', 'COM', 'NAME']) expect(html).toContain(`name="${code}"`);
    expect(html).toContain('value="A4"');
    expect(html).toContain('Je voudrais utiliser cet outil fréquemment.');
    expect(html).toContain('Vos réponses sont anonymes');
    expect(html).toContain('Adhésio vous sert-il');
    expect(Buffer.byteLength(html)).toBeLessThan(100_000);
  });

  test('refuses with one line when the project has no objective', async () => {
    const project = parse(await readFile(examples.foodBank, 'utf8'));
    delete project.needs.objectives;
    delete project.poc.criteria;
    delete project.poc.scores;
    delete project.poc.decision;
    const file = path.join(dir, 'adopt.yaml');
    await writeFile(file, stringify(project));
    const before = await readFile(file);
    const result = await adopt(['form', 'review'], { cwd: dir });
    expect(result).toMatchObject({ code: 1, stdout: '', stderr: 'No review form yet: the project has no objective to ask about (adopt edit needs).\n' });
    expect(await readFile(file)).toEqual(before);
  });

  test('project text is escaped in the HTML, and JSON-escaped where it reaches the script', async () => {
    const project = parse(await readFile(examples.jardins, 'utf8'));
    const hostile = '</script><script>window.__pwned=1</script>\u2028<!--';
    project.lead.name = `Camille ${hostile}`;
    project.needs.objectives[0].text = `Centraliser ${hostile}`;
    await writeFile(path.join(dir, 'adopt.yaml'), stringify(project));
    expect((await adopt(['form', 'review'], { cwd: dir })).code).toBe(0);
    const html = await page('review');
    expect(html.match(/<script/g)).toHaveLength(2);
    expect(html.match(/<\/script>/g)).toHaveLength(2);
    expect(html).toContain('Centraliser &lt;/script&gt;&lt;script&gt;');
    const block = /<script type="application\/json" id="form-data">(.*?)<\/script>/s.exec(html)![1]!;
    expect(block).not.toMatch(/[<\u2028\u2029]/);
    expect(JSON.stringify(pageData(html))).toContain('Camille </script>');
  });
});

describe('adopt form --csv', () => {
  test('prints code,title,choices: each title starts with its code, choices one per line, in the project\'s language', async () => {
    await copyExample(examples.jardins, dir);
    const result = await adopt(['form', 'review', '--csv'], { cwd: dir });
    expect(result.code).toBe(0);
    // The note about the ids goes to stderr: stdout is the CSV alone, for `> questions.csv`.
    expect(result.stderr).toContain('A1, A2');
    const rows = parseCsv(result.stdout, { columns: true, bom: true }) as { code: string; title: string; choices: string }[];
    const project = parse(await readFile(path.join(dir, 'adopt.yaml'), 'utf8')) as Project;
    expect(rows.map((r) => r.code)).toEqual(formQuestions(project, 'review').map((q) => q.code));
    for (const row of rows) expect(row.title.startsWith(`[${row.code}] `)).toBe(true);
    const byCode = Object.fromEntries(rows.map((r) => [r.code, r]));
    expect(byCode.O1!.choices.split('\n')).toEqual(['Atteint', 'En partie', 'Pas atteint']);
    expect(byCode.AUD!.choices.split('\n')[0]).toBe('Secrétaire du bureau');
    expect(byCode.SUS3!.choices.split('\n')).toEqual(['1 — Pas du tout d’accord', '2 — Pas d’accord', '3 — Ni d’accord ni pas d’accord', '4 — D’accord', '5 — Tout à fait d’accord']);
    expect(byCode.SUS3!.title).toContain('Cet outil est facile à utiliser.');
    expect(byCode.COM!.choices).toBe('');
  });

  test('the POC questions: who answers, each tool\'s score per criterion with its weight, a comment per tool', async () => {
    const file = await copyExample(examples.foodBank, dir);
    const before = await readFile(file);
    const result = await adopt(['form', 'poc', '--csv'], { cwd: dir });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(await readFile(file)).toEqual(before);
    const rows = parseCsv(result.stdout, { columns: true, bom: true }) as { code: string; title: string; choices: string }[];
    const byCode = Object.fromEntries(rows.map((r) => [r.code, r]));
    expect(byCode.WHO!.choices.split('\n')).toHaveLength(4);
    expect(byCode['C1/rotaly']!.title).toBe('[C1/rotaly] Rotaly: A volunteer can sign up for a shift from a phone in under a minute (weight 5 out of 5), from 0 to 5');
    expect(byCode['C1/rotaly']!.choices.split('\n')).toEqual(['0 — Does not do it', '1 — Very poorly', '2 — Poorly', '3 — Adequately', '4 — Well', '5 — Very well']);
    expect(byCode['NOTE/shiftshare']!.choices).toBe('');
    // A byte order mark first, for Excel; csv-parse and the form services skip it.
    expect(result.stdout.split('\r\n')[0]).toBe('\ufeffcode,title,choices');
  });
  test('a name a spreadsheet would run as a formula is written as text in the CSV', async () => {
    const project = parse(await readFile(examples.foodBank, 'utf8'));
    project.needs.audiences[0].who = '=HYPERLINK("http://evil.example","click")';
    await writeFile(path.join(dir, 'adopt.yaml'), stringify(project));
    const result = await adopt(['form', 'review', '--csv'], { cwd: dir });
    expect(result.code).toBe(0);
    const rows = parseCsv(result.stdout, { columns: true, bom: true }) as { code: string; choices: string }[];
    const audiences = rows.find((r) => r.code === 'AUD')!.choices;
    expect(audiences.startsWith("'=HYPERLINK(")).toBe(true);
    expect(rows.every((r) => !/^[=+\-@]/.test(r.choices))).toBe(true);
  });
});
