import { addDays, addMonths, daysBetween, isRealDate, today } from '../../src/util/dates.js';

describe('dates', () => {
  test('tells real dates from impossible ones', () => {
    expect(isRealDate('2027-02-28')).toBe(true);
    expect(isRealDate('2028-02-29')).toBe(true);
    expect(isRealDate('2027-02-29')).toBe(false);
    expect(isRealDate('2027-13-45')).toBe(false);
    expect(isRealDate('2027-04-31')).toBe(false);
    expect(isRealDate('27-04-01')).toBe(false);
  });

  test('counts days across months and years', () => {
    expect(daysBetween('2026-12-25', '2027-01-08')).toBe(14);
    expect(daysBetween('2027-01-08', '2026-12-25')).toBe(-14);
    expect(daysBetween('2027-03-27', '2027-03-29')).toBe(2); // across a daylight-saving change
  });

  test('adds months, clamping to the end of shorter months', () => {
    expect(addMonths('2027-03-01', 3)).toBe('2027-06-01');
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonths('2027-11-15', 3)).toBe('2028-02-15');
    expect(addDays('2027-02-27', 2)).toBe('2027-03-01');
  });

  test('ADOPT_TODAY pins today, and a wrong value is ignored', () => {
    expect(today({ ADOPT_TODAY: '2027-05-01' })).toBe('2027-05-01');
    expect(today({ ADOPT_TODAY: 'tomorrow' })).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
