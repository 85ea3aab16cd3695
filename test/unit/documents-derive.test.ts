import { riskMatrix } from '../../src/derive/risks.js';
import { timeline } from '../../src/derive/timeline.js';
import { reviewHistory, usabilityOf } from '../../src/derive/reviews.js';
import type { Project } from '../../src/generated/model.js';

const labels = { poc: 'POC', launch: 'Launch', evaluation: 'Evaluation' };

describe('risk matrix', () => {
  test('rows are likelihood from high to low, columns impact from low to high; severity grows to the top right', () => {
    const grid = riskMatrix({
      version: 1,
      needs: { risks: [{ id: 'R1', text: 'Data leak', likelihood: 'medium', impact: 'high' }, { id: 'R2', likelihood: 'low', impact: 'low' }, { id: 'R3', text: 'Burn-out' }] },
    });
    expect(grid.map((row) => row.map((cell) => `${cell.likelihood}/${cell.impact}`))).toEqual([
      ['high/low', 'high/medium', 'high/high'],
      ['medium/low', 'medium/medium', 'medium/high'],
      ['low/low', 'low/medium', 'low/high'],
    ]);
    expect(grid[1]![2]).toMatchObject({ risks: [{ id: 'R1', text: 'Data leak' }], severity: 6 });
    expect(grid[2]![0]).toMatchObject({ risks: [{ id: 'R2', text: 'R2' }], severity: 1 });
    expect(grid[0]![2]!.severity).toBe(9);
    // a risk not yet rated is in no cell
    expect(grid.flat().flatMap((cell) => cell.risks.map((r) => r.id))).toEqual(['R1', 'R2']);
  });
});

describe('timeline', () => {
  const project: Project = {
    version: 1,
    needs: { schedule: { milestones: [{ id: 'M1', name: 'Choice', date: '2027-01-01', done: true }] } },
    poc: { start: '2027-01-01', end: '2027-01-31' },
    deployment: { launch: { date: '2027-02-01' }, phases: [{ id: 'P1', name: 'Office', start: '2027-02-01', end: '2027-04-01' }, { id: 'P2', name: 'Wrong', start: '2027-05-01', end: '2027-04-01' }] },
    evaluation: { due: '2027-07-01' },
  };

  test('every dated item placed on one line from the first date to the last, in percent', () => {
    const line = timeline(project, labels)!;
    expect([line.start, line.end]).toEqual(['2027-01-01', '2027-07-01']);
    const byLabel = Object.fromEntries(line.items.map((i) => [i.label, i]));
    expect(byLabel.Choice).toMatchObject({ lane: 'milestones', left: 0, width: 0, done: true });
    expect(byLabel.POC).toMatchObject({ lane: 'poc', left: 0, width: 16.6 }); // 30 of 181 days
    expect(byLabel.Evaluation).toMatchObject({ left: 100 });
    // a phase ending before it starts is left out rather than drawn backwards
    expect(byLabel.Wrong).toBeUndefined();
  });

  test('nothing dated, no timeline', () => {
    expect(timeline({ version: 1 }, labels)).toBeUndefined();
  });
});

describe('review history', () => {
  const project: Project = {
    version: 1,
    needs: { objectives: [{ id: 'O1', text: 'One list' }, { id: 'O2', text: 'Fewer missed shifts' }, { id: 'O3', text: 'Later' }] },
    evaluation: {
      reviews: [
        // stored out of order on purpose: the history sorts by date
        { date: '2027-09-01', objectives: [{ id: 'O1', status: 'met' }, { id: 'O2', status: 'partial' }], usability: [70, 80, 85] },
        { date: '2027-06-01', objectives: [{ id: 'O1', status: 'partial' }, { id: 'O2', status: 'met' }], usability: [50] },
      ],
    },
  };

  test('each objective across reviews, oldest first, and its trend', () => {
    const { trends } = reviewHistory(project);
    expect(trends.map((t) => [t.id, t.statuses, t.trend])).toEqual([
      ['O1', ['partial', 'met'], 'better'],
      ['O2', ['met', 'partial'], 'worse'],
      ['O3', [undefined, undefined], 'none'],
    ]);
  });

  test('each respondent\'s usability score is kept beside the mean: 62.5 on average hides a 45', () => {
    const usability = usabilityOf([80, 45, 62.5, 'x', 62.5]);
    expect(usability).toEqual({ mean: 62.5, respondents: 4, aboveAverage: false, scores: [45, 62.5, 62.5, 80], min: 45, max: 80, gap: 35 });
    expect(usabilityOf([])).toBeUndefined();
    expect(usabilityOf(undefined)).toBeUndefined();
  });

  test('what changed since the previous review, and the usability mean against the average of 68', () => {
    const { reviews } = reviewHistory(project);
    expect(reviews.map((r) => r.date)).toEqual(['2027-06-01', '2027-09-01']);
    expect(reviews[0]!.changes).toEqual([]);
    expect(reviews[1]!.changes).toEqual([
      { id: 'O1', text: 'One list', from: 'partial', to: 'met' },
      { id: 'O2', text: 'Fewer missed shifts', from: 'met', to: 'partial' },
    ]);
    expect(reviews[0]!.usability).toEqual({ mean: 50, respondents: 1, aboveAverage: false, scores: [50], min: 50, max: 50, gap: 0 });
    expect(reviews[1]!.usability).toEqual({ mean: 78.3, respondents: 3, aboveAverage: true, scores: [70, 80, 85], min: 70, max: 85, gap: 15 });
  });
});
