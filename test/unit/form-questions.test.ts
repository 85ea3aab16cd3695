import { createHash } from 'node:crypto';
import { formQuestions, projectFingerprint, questionsFingerprint } from '../../src/derive/form-questions.js';
import type { Project } from '../../src/generated/model.js';
import { examples, loadExample } from '../helpers.js';

const codes = (project: Project, kind: 'poc' | 'review') => formQuestions(project, kind).map((q) => q.code);

describe('the POC form asks each key user to score the shortlisted tools', () => {
  it('asks who answers, then every criterion of every shortlisted tool, then a comment per tool', async () => {
    const jardins = await loadExample(examples.jardins);
    expect(codes(jardins, 'poc')).toEqual([
      'WHO',
      'C1/adhesio', 'C2/adhesio', 'C3/adhesio', 'C4/adhesio', 'NOTE/adhesio',
      'C1/cotiz', 'C2/cotiz', 'C3/cotiz', 'C4/cotiz', 'NOTE/cotiz',
    ]);
    const food = await loadExample(examples.foodBank);
    const poc = codes(food, 'poc');
    expect(poc).toContain('C4/shiftshare');
    expect(poc.some((code) => code.endsWith('/charitycrm'))).toBe(false);
  });

  it('offers the key users by id with their names, and scores 0 to 5 tied to the stored criterion id', async () => {
    const food = await loadExample(examples.foodBank);
    const [who, first] = formQuestions(food, 'poc');
    expect(who).toMatchObject({ code: 'WHO', kind: 'pick', required: true });
    expect(who!.choices!.map((c) => c.value)).toEqual(['priya', 'tom', 'grace', 'ollie']);
    expect(who!.choices![0]!.label).toBe(food.keyUsers![0]!.name);
    expect(first).toMatchObject({ code: 'C1/rotaly', kind: 'score', candidate: 'rotaly', criterion: 'C1' });
    expect(first!.choices!.map((c) => c.value)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(first!.text).toContain('sign up for a shift');
  });

  it('numbers criteria by position, whatever their ids', () => {
    const project: Project = {
      version: 1,
      keyUsers: [{ id: 'ana' }],
      research: { candidates: [{ id: 't', name: 'T', shortlisted: true }] },
      poc: { criteria: [{ id: 'speed', text: 'Fast' }, { id: 'C9', text: 'Easy' }] },
    };
    const scores = formQuestions(project, 'poc').filter((q) => q.kind === 'score');
    expect(scores.map((q) => [q.code, q.criterion])).toEqual([['C1/t', 'speed'], ['C2/t', 'C9']]);
  });

  it('asks nothing about tools when none is shortlisted', () => {
    const project: Project = { version: 1, keyUsers: [{ id: 'ana' }], research: { candidates: [{ id: 't' }] }, poc: { criteria: [{ id: 'C1' }] } };
    expect(codes(project, 'poc')).toEqual(['WHO']);
  });
});

describe('the review form asks everyone', () => {
  it('asks the audience, each objective with a comment, the ten SUS items, effects, a comment and an optional name', async () => {
    const jardins = await loadExample(examples.jardins);
    expect(codes(jardins, 'review')).toEqual([
      'AUD',
      'O1', 'O1/NOTE', 'O2', 'O2/NOTE', 'O3', 'O3/NOTE', 'O4', 'O4/NOTE',
      'SUS1', 'SUS2', 'SUS3', 'SUS4', 'SUS5', 'SUS6', 'SUS7', 'SUS8', 'SUS9', 'SUS10',
      'EFF+', 'EFF-', 'COM', 'NAME',
    ]);
    const review = formQuestions(jardins, 'review');
    expect(review.find((q) => q.code === 'O1')!.choices!.map((c) => c.value)).toEqual(['met', 'partial', 'unmet']);
    expect(review.find((q) => q.code === 'SUS3')!.choices!.map((c) => c.value)).toEqual([1, 2, 3, 4, 5]);
    expect(review.find((q) => q.code === 'NAME')).toMatchObject({ kind: 'text', text: '', required: false });
  });

  it('gives audiences without an id A1, A2… by position, and keeps the ids they have', async () => {
    const food = await loadExample(examples.foodBank);
    const aud = formQuestions(food, 'review')[0]!;
    expect(aud.choices).toEqual([
      { value: 'A1', label: 'Volunteer Coordinator' },
      { value: 'A2', label: 'Warehouse and distribution volunteers (about 90)' },
      { value: 'A3', label: 'Delivery drivers (about 15)' },
      { value: 'A4', label: 'Operations Manager and trustees' },
    ]);
    const mixed = { version: 1, needs: { audiences: [{ who: 'x' }, { who: 'y', id: 'A1' }, { who: 'z', id: 'staff' }] } } as Project;
    // The second audience already holds A1: the first one must not take it too.
    expect(formQuestions(mixed, 'review')[0]!.choices!.map((c) => c.value)).toEqual(['A2', 'A1', 'staff']);
  });
});

describe('fingerprints', () => {
  it('are SHA-256 of the organisation and title, and of the codes and project texts', async () => {
    const jardins = await loadExample(examples.jardins);
    const expected = createHash('sha256')
      .update(JSON.stringify([jardins.project!.organisation, jardins.project!.title]))
      .digest('hex');
    expect(projectFingerprint(jardins)).toBe(expected);
    const questions = formQuestions(jardins, 'review');
    expect(questionsFingerprint('review', questions)).toBe(
      createHash('sha256').update(JSON.stringify(['review', questions.map((q) => [q.code, q.text])])).digest('hex'),
    );
    expect(projectFingerprint({ version: 1 })).toMatch(/^[0-9a-f]{64}$/);
  });

  it('stay the same whatever the interface language', async () => {
    const jardins = await loadExample(examples.jardins);
    const english = { ...jardins, language: 'en' as const };
    for (const kind of ['poc', 'review'] as const) {
      expect(questionsFingerprint(kind, formQuestions(english, kind))).toBe(questionsFingerprint(kind, formQuestions(jardins, kind)));
    }
    expect(projectFingerprint(english)).toBe(projectFingerprint(jardins));
  });

  it('change when a criterion is renamed, an objective reworded, or the form kind differs', async () => {
    const food = await loadExample(examples.foodBank);
    const before = questionsFingerprint('poc', formQuestions(food, 'poc'));
    const renamed = structuredClone(food);
    renamed.poc!.criteria![1]!.text = 'The coordinator sees gaps';
    expect(questionsFingerprint('poc', formQuestions(renamed, 'poc'))).not.toBe(before);
    // The weight is shown but does not change what is asked.
    const reweighted = structuredClone(food);
    reweighted.poc!.criteria![1]!.weight = 1;
    expect(questionsFingerprint('poc', formQuestions(reweighted, 'poc'))).toBe(before);

    const review = questionsFingerprint('review', formQuestions(food, 'review'));
    const reworded = structuredClone(food);
    reworded.needs!.objectives![0]!.text = 'Something else';
    expect(questionsFingerprint('review', formQuestions(reworded, 'review'))).not.toBe(review);
    expect(questionsFingerprint('poc', [])).not.toBe(questionsFingerprint('review', []));

    const retitled = structuredClone(food);
    retitled.project!.title = 'Another project';
    expect(projectFingerprint(retitled)).not.toBe(projectFingerprint(food));
  });
});
