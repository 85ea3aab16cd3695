import { PassThrough } from 'node:stream';
import { edit } from '../../src/commands/init.js';
import { ScriptedPrompter, PromptInterrupted } from '../../src/wizard/prompter.js';
import { adopt, tempDir, withFile, contextFor, TODAY } from '../helpers.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(async () => cleanup());

/**
 * Two tools tested: Adhésio, 29 € a month and 600 € of set-up, 1 hour a month; Cotiz, free but
 * 6 hours a month of volunteer time, at 15 € an hour. Over 3 years, with a 10 € monthly tool
 * replaced (360 € saved): Adhésio 600 + 1 044 + 540 − 360 = 1 824 €; Cotiz 3 240 − 360 = 2 880 €.
 */
const project = (language: 'en' | 'fr') => `version: 1
language: ${language}
needs:
  budget:
    currency: EUR
    hourValue: 15
keyUsers:
  - { id: lucie, name: Lucie, profile: daily }
  - { id: thomas, name: Thomas, profile: volunteer }
research:
  candidates:
    - id: adhesio
      name: Adhésio
      costs:
        - { item: Paramétrage, amount: 600, kind: one-off, category: setup }
        - { item: Abonnement, amount: 29, kind: recurring, period: month, category: licence }
      hoursPerMonth: 1
      shortlisted: true
    - id: cotiz
      name: Cotiz
      hoursPerMonth: 6
      shortlisted: true
    - id: autre
      name: Pas chiffré
      shortlisted: true
poc:
  start: 2026-10-01
  end: 2026-10-20
  criteria:
    - { id: C1, text: Saisie rapide, weight: 2 }
  scores:
    - { candidate: adhesio, by: lucie, criterion: C1, score: 4 }
    - { candidate: cotiz, by: lucie, criterion: C1, score: 3 }
    - { candidate: autre, by: lucie, criterion: C1, score: 2 }
practices:
  vision:
    inventory:
      - { tool: Formulaire payant, fate: replaced, monthlyCost: 10 }
`;

describe('each tool\'s cost in status', () => {
  test('status --json gives the comparison: totals over the horizon, net of savings, and cost per point', async () => {
    await withFile(dir, 'adopt.yaml', project('en'));
    const result = await adopt(['status', '--json'], { cwd: dir, env: { ADOPT_TODAY: TODAY } });
    expect(result.code).toBe(0);
    const { costs } = JSON.parse(result.stdout);
    expect(costs).toMatchObject({ currency: 'EUR', horizon: 3, hourValue: 15, savedPerYear: 120 });
    expect(costs.tools).toEqual([
      { id: 'adhesio', name: 'Adhésio', known: true, oneOff: 600, yearly: 348, recurring: 1044, hoursPerMonth: 1, time: 540, total: 2184, cash: 1644, savings: 360, net: 1824, weighted: 4, rank: 1, perPoint: 456 },
      { id: 'cotiz', name: 'Cotiz', known: true, oneOff: 0, yearly: 0, recurring: 0, hoursPerMonth: 6, time: 3240, total: 3240, cash: 0, savings: 360, net: 2880, weighted: 3, rank: 2, perPoint: 960 },
      { id: 'autre', name: 'Pas chiffré', known: false, oneOff: 0, yearly: 0, recurring: 0, time: 0, total: 0, cash: 0, savings: 360, net: -360, weighted: 2, rank: 3 },
    ]);
  });

  test('status at a terminal: one line per tool, in the user\'s language', async () => {
    await withFile(dir, 'adopt.yaml', project('en'));
    const en = await adopt(['status', '--no-color'], { cwd: dir, env: { ADOPT_TODAY: TODAY } });
    expect(en.stdout).toContain('Cost of each tool over 3 years\n  Adhésio      €1,824 · score 4 · €456 per point\n  Cotiz        €2,880 · score 3 · €960 per point\n  Pas chiffré  no costs yet\n');
    await withFile(dir, 'adopt.yaml', project('fr'));
    const fr = await adopt(['status', '--no-color'], { cwd: dir, env: { ADOPT_TODAY: TODAY } });
    expect(fr.stdout).toContain('Coût de chaque outil sur 3 ans\n  Adhésio      1\u202f824\u00a0€ · note 4 · 456\u00a0€ par point\n');
  });

  test('no cost section while no tool has costs', async () => {
    await withFile(dir, 'adopt.yaml', 'version: 1\nresearch:\n  candidates:\n    - { id: a, shortlisted: true }\n    - { id: b, shortlisted: true }\n');
    const result = await adopt(['status', '--no-color'], { cwd: dir, env: { ADOPT_TODAY: TODAY } });
    expect(result.code).toBe(0);
    expect(result.stdout).not.toMatch(/Cost of each tool/);
    expect(JSON.parse((await adopt(['status', '--json'], { cwd: dir, env: { ADOPT_TODAY: TODAY } })).stdout).costs.tools).toHaveLength(2);
  });
});

describe('step 5 shows each tool\'s cost before the decision', () => {
  test.each(['en', 'fr'] as const)('after the ranking, with the money in the user\'s language (%s)', async (lang) => {
    await withFile(dir, 'adopt.yaml', project(lang));
    let saidBeforeDecision: string[] | undefined;
    const prompter: ScriptedPrompter = new ScriptedPrompter(
      Array(200).fill((q: { message: string }) => {
        // What was said up to the decision is all this test needs: Ctrl-C there.
        if (/chosen tool|outil retenu/i.test(q.message)) {
          saidBeforeDecision = [...prompter.said];
          throw new PromptInterrupted();
        }
        return '';
      }),
    );
    const io = { stdout: { write: () => true }, stderr: { write: () => true }, stdin: Object.assign(new PassThrough(), { isTTY: true }), env: { LANG: 'C' }, cwd: dir };
    await expect(edit({ interactive: true, prompter, step: 'poc' }, await contextFor(io, { lang, today: TODAY }))).rejects.toMatchObject({ exitCode: 130 });
    expect(saidBeforeDecision).toBeDefined();
    const said = saidBeforeDecision!.join('\n');
    if (lang === 'en') {
      expect(said).toContain('What each tool would cost over 3 years');
      expect(said).toContain('  Adhésio: €1,824, that is €456 per point of score\n  Cotiz: €2,880, that is €960 per point of score\n  Pas chiffré: no costs recorded yet (adopt edit research)\n  Each total is net of the €120 a year that the tools it replaces cost today.');
      expect(said.indexOf('The decision matrix so far')).toBeLessThan(said.indexOf('What each tool would cost'));
    } else {
      expect(said).toContain('  Adhésio\u00a0: 1\u202f824\u00a0€, soit 456\u00a0€ par point de note');
    }
  });
});
