import { progress, stepProgress } from '../../src/progress/completeness.js';
import { steps, findStep } from '../../src/steps/index.js';
import type { Project } from '../../src/generated/model.js';
import { examples, loadExample } from '../helpers.js';

const state = (project: Project, id: string) => progress(project).find((s) => s.id === id)!;

describe('step completeness', () => {
  test('a new file: every step is empty, and says what it needs', () => {
    const all = progress({ version: 1 });
    expect(all.map((s) => s.state)).toEqual(Array(9).fill('empty'));
    expect(all.map((s) => s.id)).toEqual(['lead', 'key-users', 'needs', 'research', 'poc', 'deployment', 'training', 'evaluation', 'practices']);
    expect(state({ version: 1 }, 'needs').missing.map((m) => m.path)).toEqual(
      expect.arrayContaining(['needs.objectives', 'needs.budget.items', 'needs.budget.funding', 'needs.schedule.milestones', 'needs.risks']),
    );
  });

  test('the complete examples have every step complete but the evaluation, which waits for a review', async () => {
    for (const file of [examples.jardins, examples.foodBank]) {
      const all = progress(await loadExample(file));
      expect(all.filter((s) => s.state !== 'complete').map((s) => [s.id, s.missing.map((m) => m.path)])).toEqual([['evaluation', ['evaluation.reviews']]]);
    }
  });

  test('missing answers inside a list name the item and the path', () => {
    const project: Project = {
      version: 1,
      keyUsers: [
        { id: 'karim', name: 'Karim', role: 'Treasurer', profile: 'occasional', use: 'Fees' },
        { id: 'lea', name: 'Léa', profile: 'daily', use: 'Welcome desk' },
      ],
    };
    const keyUsers = state(project, 'key-users');
    expect(keyUsers.state).toBe('partial');
    expect(keyUsers.missing).toEqual([{ path: 'keyUsers[1].role', label: 'field.keyUser.role', item: 'Léa' }]);
  });

  test('a list with fewer items than the method needs is missing', () => {
    const one: Project = { version: 1, keyUsers: [{ id: 'karim', name: 'Karim', role: 'Treasurer', profile: 'occasional', use: 'Fees' }] };
    expect(state(one, 'key-users').missing.map((m) => m.path)).toEqual(['keyUsers']);
  });

  test('conditional answers: support only for a weak skill, a period only for recurring costs', () => {
    const lead = (facilitation: 'none' | 'some', support?: string): Project => ({
      version: 1,
      project: { title: 'T', organisation: 'O' },
      lead: { name: 'C', role: 'R', contact: 'c@example.org', availability: '1 day', skills: { projectManagement: 'strong', facilitation }, ...(support ? { support } : {}) },
    });
    expect(state(lead('some'), 'lead').state).toBe('complete');
    expect(state(lead('none'), 'lead').missing.map((m) => m.path)).toEqual(['lead.support']);
    expect(state(lead('none', 'A co-lead'), 'lead').state).toBe('complete');

    const budget: Project = { version: 1, needs: { budget: { items: [{ item: 'Licence', amount: 10, kind: 'recurring' }, { item: 'Setup', amount: 10, kind: 'one-off' }] } } };
    expect(state(budget, 'needs').missing.map((m) => m.path)).toContain('needs.budget.items[0].period');
    expect(state(budget, 'needs').missing.map((m) => m.path)).not.toContain('needs.budget.items[1].period');
  });

  test('research needs a shortlist once there are candidates', () => {
    const research: Project = { version: 1, research: { candidates: [{ id: 'a', name: 'A', pricing: '0', hosting: 'EU', dataExport: 'full' }] } };
    expect(state(research, 'research').missing.map((m) => m.label)).toContain('field.research.shortlist');
  });

  test('catch-up plans are not needed when nobody needs training', () => {
    const training = (trainingNeed: 'none' | 'some'): Project => ({
      version: 1,
      needs: { maturity: { level: 'high', trainingNeed } },
      training: { champions: ['a'], formats: ['guide'], sessions: [{ date: '2027-01-01', topic: 'T', audience: 'A', format: 'guide' }] },
    });
    expect(state(training('none'), 'training').state).toBe('complete');
    expect(state(training('some'), 'training').missing.map((m) => m.path)).toEqual(['training.catchUp']);
  });

  test('steps are found by number or by name', () => {
    expect(findStep('3')?.id).toBe('needs');
    expect(findStep('key-users')?.number).toBe(2);
    expect(findStep('9')).toBeUndefined();
    expect(findStep('practices')?.id).toBe('practices');
    // As French users write them, accents or not: the names shown are typed as well with them.
    for (const [name, id] of [['déploiement', 'deployment'], ['évaluation', 'evaluation'], ['Déploiement', 'deployment'], ['deploiement', 'deployment'], ['recherche', 'research']] as const) expect([name, findStep(name)?.id]).toEqual([name, id]);
    expect(steps).toHaveLength(9);
    expect(stepProgress(findStep('poc')!, { version: 1 }).state).toBe('empty');
  });
});
