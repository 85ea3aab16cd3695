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

  test('reads a date digit by digit exactly as the calendar of a Date does', () => {
    const byDate = (value: string) => {
      const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
      if (!match) return false;
      const [y, m, d] = match.slice(1).map(Number) as [number, number, number];
      const date = new Date(Date.UTC(y, m - 1, d));
      return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
    };
    const samples = ['1900-02-29', '2000-02-29', '2100-02-29', '2024-02-29', '0099-01-01', '0100-01-01', '0000-01-01', '9999-12-31', '2027-00-10', '2027-01-00', '2027-1-01', '2027-01-01 ', '2027-01-01\n', '2027/01/01', '２０２７-01-01', '2027-0a-01', '+027-01-01', ''];
    for (let year = 1896; year <= 2404; year += 4) for (let month = 0; month <= 13; month++) for (const day of [0, 1, 28, 29, 30, 31, 32]) {
      samples.push(`${year + (month % 3)}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
    }
    for (const value of samples) expect([value, isRealDate(value)]).toEqual([value, byDate(value)]);
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
