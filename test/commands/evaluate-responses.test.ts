import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { evaluate } from '../../src/commands/evaluate.js';
import { ScriptedPrompter, type AskedQuestion } from '../../src/wizard/prompter.js';
import type { Project } from '../../src/generated/model.js';
import { tempDir, examples, copyExample, contextFor, quietTerminal } from '../helpers.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(async () => cleanup());

const read = async () => parse(await readFile(path.join(dir, 'adopt.yaml'), 'utf8')) as Project;
const responses = [
  '  responses:',
  '    - { id: R1, received: 2027-05-10, form: review, audience: A1, sus: [5, 1, 5, 1, 5, 1, 5, 1, 5, 1], objectives: [{ id: O1, status: unmet }] }',
  '    - { id: R2, received: 2027-05-10, form: review, audience: A1, sus: [4, 4, 4, 4, 4, 4, 4, 4, 4, 4], objectives: [{ id: O1, status: unmet }] }',
  '    - { id: R3, received: 2027-05-11, form: review, audience: A1, objectives: [{ id: O1, status: met }], name: Zoé }',
  '    - { id: R4, received: 2027-05-11, form: review, audience: A2, objectives: [{ id: O1, status: met }] }',
].join('\n');

describe('adopt evaluate starts from the collected responses', () => {
  test("the majority's status is proposed, the usability from the questionnaires shown, the ids recorded; typed scores stay apart", async () => {
    const file = await copyExample(examples.jardins, dir);
    await writeFile(file, (await readFile(file, 'utf8')).replace(/  reviews: \[\].*\n/, `${responses}\n  reviews: []\n`));
    const objectives = (await read()).needs!.objectives!;
    const asDefault = (q: AskedQuestion) => q.default ?? 'partial';
    const prompter = new ScriptedPrompter([...objectives.flatMap(() => [asDefault, '']), '', true, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, false, '', '', 'continue', '', '', '']);
    const io = quietTerminal(dir);
    await evaluate({ interactive: true, prompter }, await contextFor(io, { today: '2027-05-20' }));
    const [review] = (await read()).evaluation!.reviews!;
    // Two unmet against two met: a tie keeps the less favourable; O2 was rated by nobody, so nothing is proposed.
    expect(review!.objectives![0]).toEqual({ id: 'O1', status: 'unmet' });
    expect(review!.responses).toEqual(['R1', 'R2', 'R3', 'R4']);
    expect(review!.usability).toEqual([50]);
    const said = prompter.said.join('\n').replace(/’/g, "'").replace(/[\u202f\u00a0]/g, ' ');
    expect(said).toContain("4 réponses collectées qu'aucun bilan n'a encore utilisées");
    expect(said).toContain('Utilisabilité d\'après leurs questionnaires : 75 en moyenne (de 50 à 100');
    expect(said).toMatch(/Répondants : atteint 2 et non atteint 2/);
    // Group A1 has three respondents: shown apart; A2, one person, is not.
    expect(said).toMatch(/Secrétaire du bureau : atteint 1 et non atteint 2/);
    expect(said).not.toMatch(/Salariées.*: atteint 1/);
    expect(said).not.toContain('Zoé');

    // The next review has nothing new to start from.
    const next = new ScriptedPrompter([...objectives.flatMap(() => ['met', '']), '', false, '', '', 'continue', '', '', '']);
    await evaluate({ interactive: true, prompter: next }, await contextFor(io, { today: '2027-08-20' }));
    expect((await read()).evaluation!.reviews![1]).not.toHaveProperty('responses');
  });
});
