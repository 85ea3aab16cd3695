import { decisionMatrix } from '../../src/derive/matrix.js';
import type { Project } from '../../src/generated/model.js';

const base: Project = {
  version: 1,
  keyUsers: [{ id: 'ana' }, { id: 'ben' }],
  research: {
    candidates: [
      { id: 'a', name: 'Tool A', shortlisted: true },
      { id: 'b', name: 'Tool B', shortlisted: true },
      { id: 'c', name: 'Tool C', shortlisted: false },
    ],
  },
  poc: {
    criteria: [
      { id: 'C1', text: 'Fast entry', weight: 3 },
      { id: 'C2', text: 'Easy for volunteers', weight: 1 },
    ],
    scores: [
      { candidate: 'a', by: 'ana', criterion: 'C1', score: 4 },
      { candidate: 'a', by: 'ben', criterion: 'C1', score: 2 },
      { candidate: 'a', by: 'ana', criterion: 'C2', score: 5 },
      { candidate: 'a', by: 'ben', criterion: 'C2', score: 5 },
      { candidate: 'b', by: 'ana', criterion: 'C1', score: 4 },
      { candidate: 'b', by: 'ben', criterion: 'C1', score: 4 },
      { candidate: 'b', by: 'ana', criterion: 'C2', score: 1 },
      { candidate: 'b', by: 'ben', criterion: 'C2', score: 2 },
    ],
  },
};

describe('decision matrix', () => {
  test('weights each criterion mean and ranks the shortlisted tools', () => {
    const matrix = decisionMatrix(base);
    // a: C1 mean 3 (w3), C2 mean 5 (w1) → (9 + 5) / 4 = 3.5; b: C1 4, C2 1.5 → (12 + 1.5) / 4 = 3.375
    expect(matrix.candidates.map((c) => [c.id, c.weighted, c.rank])).toEqual([
      ['a', 3.5, 1],
      ['b', 3.38, 2],
    ]);
  });

  test('calls out cells where key users differ by 2 points or more', () => {
    const matrix = decisionMatrix(base);
    expect(matrix.disagreements).toHaveLength(1);
    expect(matrix.disagreements[0]).toMatchObject({ candidate: 'a', criterion: 'C1', spread: 2, mean: 3 });
  });

  test('equal results share a rank; a tool without scores has none', () => {
    const tie: Project = {
      ...base,
      research: { candidates: [...base.research!.candidates!, { id: 'd', shortlisted: true }] },
      poc: { ...base.poc, scores: base.poc!.scores!.filter((s) => s.criterion === 'C1') },
    };
    const matrix = decisionMatrix(tie);
    expect(matrix.candidates.map((c) => [c.id, c.rank])).toEqual([
      ['b', 1],
      ['a', 2],
      ['d', undefined],
    ]);
    const withTie = decisionMatrix({ ...tie, poc: { ...tie.poc, scores: [{ candidate: 'a', by: 'ana', criterion: 'C1', score: 3 }, { candidate: 'b', by: 'ana', criterion: 'C1', score: 3 }] } });
    expect(withTie.candidates.filter((c) => c.rank === 1).map((c) => c.id).sort()).toEqual(['a', 'b']);
  });

  test('a tool that was not shortlisted still appears once it has scores', () => {
    const matrix = decisionMatrix({ ...base, poc: { ...base.poc, scores: [...base.poc!.scores!, { candidate: 'c', by: 'ana', criterion: 'C2', score: 3 }] } });
    expect(matrix.candidates.map((c) => c.id)).toContain('c');
  });

  test('no criteria, no scores: an empty but usable matrix', () => {
    expect(decisionMatrix({ version: 1 })).toEqual({ criteria: [], candidates: [], disagreements: [] });
  });
});
