import { runTrial, type TrialResult } from '../trial.js';
import { examples, tempDir, TODAY } from '../helpers.js';

/**
 * The trial of issue 9: the example entered from nothing, as a person would. The targets keep
 * later changes from pushing the number of questions back up.
 */
let trial: TrialResult;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  const temp = await tempDir();
  cleanup = temp.cleanup;
  trial = await runTrial({ dir: temp.dir, example: examples.jardins, today: TODAY });
}, 120_000);
afterAll(async () => cleanup());

const count = (names: (name: string) => boolean) => trial.sessions.filter((s) => names(s.name)).reduce((n, s) => n + s.prompts.length, 0);

// Issue 9's targets are 60 questions for day one and 180 for the complete project. The ceilings
// below are the counts reached so far (every prompt, menus and the stop choice included): lower
// them as questions go, never raise them. (The choosing questions of step 4, a tool's data
// protection, accessibility and cost lines, raised the complete project from 252 to 303 once;
// a risk's likelihood and impact as two grids of three rather than one of nine pairs, slow and
// error-prone for both first-time users, raised day one from 55 to 56 and the project to 178.)
const DAY_ONE = 56;
const COMPLETE = 178;

test(`day one (steps 1 to 3) takes at most ${DAY_ONE} questions`, () => {
  expect(count((name) => name === 'day one')).toBeLessThanOrEqual(DAY_ONE);
});

test(`the complete project takes at most ${COMPLETE} questions`, () => {
  expect(count(() => true)).toBeLessThanOrEqual(COMPLETE);
});

test('one adopt edit asks only what the first pass left blank, in every step', () => {
  const edits = trial.sessions.filter((s) => s.name.startsWith('edit'));
  expect(edits.map((s) => s.name)).toEqual(['edit blanks']);
  const prompts = edits[0]!.prompts;
  // No menu: --blanks says what to do, and no step asks what to do either.
  expect(prompts.filter((p) => p.path === undefined)).toEqual([]);
  // Nothing answered is offered again: every prompt types, picks or passes a blank.
  expect(prompts.filter((p) => p.answer === 'enter' && p.kind !== 'text')).toEqual([]);
  // Every step the first pass left details in, under its own heading.
  const headings = edits[0]!.said.filter((line) => /^\n?Step \d of 8|^\n?Étape \d sur 8/u.test(line));
  expect(headings.length).toBeGreaterThan(1);
});

test('no answer the example holds is refused', () => {
  expect(trial.sessions.flatMap((s) => s.refused)).toEqual([]);
});

test('the file entered holds the data of the example', () => {
  expect(trial.differences).toEqual([]);
});
