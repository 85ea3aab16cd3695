import { susScore } from '../../src/derive/sus.js';

describe('System Usability Scale', () => {
  test('the published worked examples', () => {
    // Neutral on every statement: the middle of the scale.
    expect(susScore([3, 3, 3, 3, 3, 3, 3, 3, 3, 3])).toBe(50);
    // Strongly agree with every positive statement, strongly disagree with every negative one.
    expect(susScore([5, 1, 5, 1, 5, 1, 5, 1, 5, 1])).toBe(100);
    expect(susScore([1, 5, 1, 5, 1, 5, 1, 5, 1, 5])).toBe(0);
    // Brooke's scoring on a mixed set: (3+3+3+4+3) + (3+4+3+4+3) = 33, × 2.5.
    expect(susScore([4, 2, 4, 1, 4, 2, 5, 1, 4, 2])).toBe(82.5);
  });

  test('anything but ten answers from 1 to 5 is refused', () => {
    expect(() => susScore([3, 3, 3])).toThrow(RangeError);
    expect(() => susScore([0, 3, 3, 3, 3, 3, 3, 3, 3, 3])).toThrow(RangeError);
    expect(() => susScore([3.5, 3, 3, 3, 3, 3, 3, 3, 3, 3])).toThrow(RangeError);
  });
});
