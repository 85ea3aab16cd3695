import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { warnings, warningCodes, type WarningCode } from '../../src/derive/warnings.js';
import { evaluationStatus, lateMilestones, nextEvent } from '../../src/derive/events.js';
import type { Project } from '../../src/generated/model.js';
import { examples, loadExample, TODAY } from '../helpers.js';

const codes = (project: Project, today = TODAY): WarningCode[] => warnings(project, today).map((w) => w.code);

describe('warnings', () => {
  test('the complete examples raise none', async () => {
    expect(codes(await loadExample(examples.jardins))).toEqual([]);
    expect(codes(await loadExample(examples.foodBank))).toEqual([]);
  });

  test('the at-risk example raises every warning it was written to show', async () => {
    const found = new Set(codes(await loadExample(examples.warnings)));
    for (const code of ['single-profile', 'weak-lead-skill', 'poc-length', 'unscored-criterion', 'no-data-export', 'no-evaluation-date', 'milestone-late', 'dangling-reference', 'data-protection-unclear', 'accessibility-unknown', 'over-budget', 'contract-renewal', 'budget-gaps'] as const) {
      expect(found).toContain(code);
    }
  });

  test('single-profile: two or more key users, all of one profile', () => {
    expect(codes({ version: 1, keyUsers: [{ id: 'a', profile: 'daily' }, { id: 'b', profile: 'daily' }] })).toContain('single-profile');
    expect(codes({ version: 1, keyUsers: [{ id: 'a', profile: 'daily' }, { id: 'b', profile: 'admin' }] })).not.toContain('single-profile');
  });

  test('few-key-users: one key user, or none once scoring has begun', () => {
    expect(codes({ version: 1, keyUsers: [{ id: 'a' }] })).toContain('few-key-users');
    expect(codes({ version: 1 })).not.toContain('few-key-users');
    expect(codes({ version: 1, poc: { scores: [{ candidate: 'x', by: 'y', criterion: 'z', score: 1 }] } })).toContain('few-key-users');
  });

  test('weak-lead-skill: a skill rated none with no support written', () => {
    const weak: Project = { version: 1, lead: { skills: { projectManagement: 'strong', facilitation: 'none' } } };
    expect(warnings(weak, TODAY).find((w) => w.code === 'weak-lead-skill')?.path).toBe('lead.skills.facilitation');
    expect(codes({ version: 1, lead: { ...weak.lead, support: 'Co-animation with Karim' } })).not.toContain('weak-lead-skill');
    expect(codes({ version: 1, lead: { skills: { projectManagement: 'some', facilitation: 'some' } } })).not.toContain('weak-lead-skill');
  });

  test('poc-length: under a week or over a month', () => {
    const poc = (start: string, end: string): Project => ({ version: 1, poc: { start, end } });
    // both ends count: Monday the 4th to Sunday the 10th is a week
    expect(codes(poc('2027-01-04', '2027-01-09'))).toContain('poc-length');
    expect(codes(poc('2027-01-04', '2027-01-10'))).not.toContain('poc-length');
    expect(codes(poc('2027-01-01', '2027-01-31'))).not.toContain('poc-length');
    expect(codes(poc('2027-01-01', '2027-02-01'))).toContain('poc-length');
  });

  test('unscored-criterion: for each shortlisted tool, once scoring has begun', () => {
    const poc: Project = { version: 1, research: { candidates: [{ id: 'a', name: 'A', shortlisted: true }, { id: 'b', name: 'B', shortlisted: true }] }, poc: { criteria: [{ id: 'C1' }, { id: 'C2' }] } };
    expect(codes(poc)).not.toContain('unscored-criterion');
    const scored: Project = { ...poc, poc: { ...poc.poc, scores: [{ candidate: 'a', by: 'k', criterion: 'C1', score: 3 }, { candidate: 'a', by: 'k', criterion: 'C2', score: 3 }, { candidate: 'b', by: 'k', criterion: 'C1', score: 5 }] } };
    // B was never scored on C2: its mean would leave C2 out, so it is said
    expect(warnings(scored, TODAY).filter((w) => w.code === 'unscored-criterion').map((w) => [w.params.tool, w.params.ids])).toEqual([['B', 'C2']]);
  });

  test('no-data-export: only for shortlisted tools', () => {
    expect(codes({ version: 1, research: { candidates: [{ id: 'a', dataExport: 'none', shortlisted: true }] } })).toContain('no-data-export');
    expect(codes({ version: 1, research: { candidates: [{ id: 'a', dataExport: 'none', shortlisted: false }] } })).not.toContain('no-data-export');
    expect(codes({ version: 1, research: { candidates: [{ id: 'a', dataExport: 'partial', shortlisted: true }] } })).not.toContain('no-data-export');
  });

  test('no-evaluation-date and evaluation-overdue', () => {
    expect(codes({ version: 1, deployment: { launch: { date: '2027-03-01' } } })).toContain('no-evaluation-date');
    expect(codes({ version: 1, deployment: { launch: { date: '2027-03-01' } }, evaluation: { due: '2027-06-01' } })).not.toContain('no-evaluation-date');
    const due: Project = { version: 1, evaluation: { due: '2026-11-01' } };
    expect(codes(due)).toContain('evaluation-overdue');
    expect(codes({ version: 1, evaluation: { due: '2026-11-01', reviews: [{ date: '2026-11-03' }] } })).not.toContain('evaluation-overdue');
    expect(codes({ version: 1, evaluation: { due: '2026-11-01', reviews: [{ date: '2026-06-03' }] } })).toContain('evaluation-overdue');
    expect(codes(due, '2026-11-01')).not.toContain('evaluation-overdue');
  });

  test('milestone-late: past and not done', () => {
    const project: Project = {
      version: 1,
      needs: { schedule: { milestones: [{ id: 'M1', name: 'Choice', date: '2026-11-01' }, { id: 'M2', name: 'Done one', date: '2026-11-01', done: true }, { id: 'M3', name: 'Future', date: '2027-01-01' }] } },
    };
    expect(warnings(project, TODAY).filter((w) => w.code === 'milestone-late').map((w) => w.params.name)).toEqual(['Choice']);
    expect(lateMilestones(project, TODAY)).toHaveLength(1);
  });

  test('dangling-reference: every kind of cross-reference is checked', () => {
    const project: Project = {
      version: 1,
      keyUsers: [{ id: 'ana' }],
      needs: { objectives: [{ id: 'O1' }] },
      research: { candidates: [{ id: 'a' }] },
      poc: {
        criteria: [{ id: 'C1', objective: 'O9' }],
        scores: [{ candidate: 'zz', by: 'bob', criterion: 'C7', score: 3 }],
        decision: { chosen: 'nope' },
      },
      training: { champions: ['ana', 'carl'] },
      evaluation: { reviews: [{ date: '2027-01-01', objectives: [{ id: 'O2', status: 'met' }] }] },
    };
    const paths = warnings(project, TODAY).filter((w) => w.code === 'dangling-reference').map((w) => w.path);
    expect(paths.sort()).toEqual(
      ['evaluation.reviews[0].objectives[0].id', 'poc.criteria[0].objective', 'poc.decision.chosen', 'poc.scores[0].by', 'poc.scores[0].candidate', 'poc.scores[0].criterion', 'training.champions[1]'].sort(),
    );
    expect(codes({ version: 1, poc: { decision: { chosen: 'none' } } })).not.toContain('dangling-reference');
  });

  test('every documented code has a rule in docs/warnings.md', async () => {
    const { readFile } = await import('node:fs/promises');
    const doc = await readFile(new URL('../../docs/warnings.md', import.meta.url), 'utf8');
    for (const code of warningCodes) expect(doc).toContain(`\`${code}\``);
  });
});

describe('dated events', () => {
  const project: Project = {
    version: 1,
    needs: { schedule: { milestones: [{ id: 'M1', name: 'Reached', date: '2026-12-01', done: true }, { id: 'M2', name: 'Choice', date: '2027-02-15' }] } },
    poc: { start: '2027-01-10', end: '2027-02-07' },
    deployment: { launch: { date: '2027-03-01' }, phases: [{ id: 'P1', start: '2027-03-01', end: '2027-04-30' }] },
  };

  test('next is the first event from today on that is not already reached', () => {
    expect(nextEvent(project, TODAY)).toMatchObject({ date: '2027-01-10', kind: 'pocStart' });
    expect(nextEvent(project, '2027-01-10')).toMatchObject({ date: '2027-01-10' });
    expect(nextEvent(project, '2028-01-01')).toBeUndefined();
  });

  test('the evaluation is suggested three months after the end of deployment', () => {
    expect(evaluationStatus(project, TODAY)).toEqual({ overdue: false, reviews: 0, suggested: '2027-07-30' });
    expect(evaluationStatus({ ...project, evaluation: { due: '2027-08-01', reviews: [{ date: '2027-05-02' }] } }, TODAY)).toEqual({
      due: '2027-08-01',
      overdue: false,
      reviews: 1,
      lastReview: '2027-05-02',
    });
  });
});

describe("a warning's advice", () => {
  test.each(['fr', 'en'])('in %s names the step to edit in the reader\'s words (a placeholder), never a fixed id, and shows no code marks', async (lang) => {
    const catalogue = JSON.parse(await readFile(path.join('src', 'i18n', 'locales', `${lang}.json`), 'utf8')) as Record<string, string>;
    const advices = Object.entries(catalogue).filter(([key]) => /^warning\.[^.]+\.advice$/.test(key));
    expect(advices.length).toBeGreaterThan(10);
    for (const [key, text] of advices) {
      expect([key, text.includes('`')]).toEqual([key, false]);
      for (const [, step] of text.matchAll(/adopt edit ([^\s.,;:]+)/g)) expect([key, step]).toEqual([key, expect.stringMatching(/^\{\w+\}$/)]);
    }
  });

  test('the budget gaps, in French, send to « adopt edit besoins »', async () => {
    const { warningAdvice } = await import('../../src/view/warnings.js');
    const { loadTranslator } = await import('../../src/i18n/index.js');
    const advice = warningAdvice({ code: 'budget-gaps', params: { missing: 'both' }, path: 'needs.budget.items' } as never, await loadTranslator('fr'));
    expect(advice).toContain('adopt edit besoins, puis dans ses menus : budget › lignes de budget');
  });
});
