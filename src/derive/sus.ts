/**
 * The System Usability Scale (Brooke, 1996): ten statements answered from 1 (strongly disagree)
 * to 5 (strongly agree), alternately positive and negative, scored 0 to 100. About 68 is the
 * average of published studies.
 */
export const SUS_ITEMS = 10;

/** One respondent's score: odd items count (answer − 1), even items (5 − answer), × 2.5. */
export function susScore(answers: readonly number[]): number {
  if (answers.length !== SUS_ITEMS || answers.some((a) => !Number.isInteger(a) || a < 1 || a > 5)) {
    throw new RangeError('the System Usability Scale needs ten answers from 1 to 5');
  }
  const sum = answers.reduce((total, answer, index) => total + (index % 2 === 0 ? answer - 1 : 5 - answer), 0);
  return sum * 2.5;
}
