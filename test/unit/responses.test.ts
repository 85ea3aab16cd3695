import type { Project, Response } from '../../src/generated/model.js';
import { digestResponses, majorityOf, unusedResponses, SMALLEST_GROUP } from '../../src/derive/responses.js';

const project: Project = {
  version: 1,
  needs: {
    objectives: [{ id: 'O1', text: 'Centraliser' }, { id: 'O2', text: 'Exporter' }],
    audiences: [{ who: 'Bénévoles', count: 12 }, { who: 'Salariés' }],
  },
};
const allFours = [4, 4, 4, 4, 4, 4, 4, 4, 4, 4]; // odd items 3 points, even 1: 20 × 2.5 = 50
const best = [5, 1, 5, 1, 5, 1, 5, 1, 5, 1]; // 100
const r = (id: string, audience: string, extra: Partial<Response> = {}): Response => ({ id, received: '2026-11-20', form: 'review', audience, ...extra });

describe('what the collected responses say', () => {
  test('the majority of statuses; a tie keeps the less favourable one', () => {
    expect(majorityOf({ met: 3, partial: 1, unmet: 0 })).toBe('met');
    expect(majorityOf({ met: 2, partial: 2, unmet: 0 })).toBe('partial');
    expect(majorityOf({ met: 1, partial: 0, unmet: 1 })).toBe('unmet');
    expect(majorityOf({ met: 0, partial: 0, unmet: 0 })).toBeUndefined();
  });

  test('usability per respondent and overall, from the ten answers', () => {
    const digest = digestResponses(project, [r('R1', 'A1', { sus: allFours as Response['sus'] }), r('R2', 'A1', { sus: best as Response['sus'] }), r('R3', 'A2')]);
    expect(digest.respondents).toBe(3);
    expect(digest.usability).toMatchObject({ mean: 75, respondents: 2, scores: [50, 100], gap: 50 });
  });

  test(`an audience is shown apart only from ${SMALLEST_GROUP} respondents; the others count in the totals`, () => {
    const met = { objectives: [{ id: 'O1', status: 'met' as const }] };
    const responses = [r('R1', 'A1', met), r('R2', 'A1', met), r('R3', 'A1', { objectives: [{ id: 'O1', status: 'unmet', comment: 'Trop lent' }] }), r('R4', 'A2', { objectives: [{ id: 'O1', status: 'unmet' }] }), r('R5', 'A2', { comment: 'Bien', name: 'Zoé' })];
    const digest = digestResponses(project, responses);
    expect(digest.groups.map((g) => [g.audience, g.who, g.count, g.respondents])).toEqual([['A1', 'Bénévoles', 12, 3]]);
    expect(digest.notShownApart).toBe(2);
    expect(digest.objectives[0]).toMatchObject({ id: 'O1', counts: { met: 2, partial: 0, unmet: 2 }, answered: 4, majority: 'unmet' });
    expect(digest.groups[0]!.objectives[0]).toMatchObject({ counts: { met: 2, partial: 0, unmet: 1 }, majority: 'met' });
    expect(digest.objectives[1]).toMatchObject({ answered: 0 });
    expect(digest.objectives[1]).not.toHaveProperty('majority');
    expect(digest.quotes).toEqual([{ text: 'Trop lent', objective: 'O1', kind: 'objective' }, { text: 'Bien', kind: 'comment', name: 'Zoé' }]);
  });

  test('a response used by a review is not offered again', () => {
    const withReviews: Project = { ...project, evaluation: { responses: [r('R1', 'A1'), r('R2', 'A1'), r('R3', 'A2')], reviews: [{ date: '2026-11-27', responses: ['R1', 'R3'] }] } };
    expect(unusedResponses(withReviews).map((x) => x.id)).toEqual(['R2']);
  });
});
