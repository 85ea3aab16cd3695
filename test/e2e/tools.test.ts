/** Whether an end-to-end test whose program is missing runs, skips, or fails (in CI). */
import { gate, inCi } from './tools.js';

test('a missing program skips locally and fails in CI; a present one always runs', () => {
  expect(gate(true, {})).toBe('run');
  expect(gate(true, { CI: '1' })).toBe('run');
  expect(gate(false, {})).toBe('skip');
  expect(gate(false, { CI: '1' })).toBe('fail');
  expect(gate(false, { CI: 'true' })).toBe('fail');
});

test('CI is set the way CI services set it, and can be turned off', () => {
  expect(inCi({ CI: '1' })).toBe(true);
  expect(inCi({ CI: 'true' })).toBe(true);
  expect(inCi({ CI: '' })).toBe(false);
  expect(inCi({ CI: '0' })).toBe(false);
  expect(inCi({ CI: 'false' })).toBe(false);
  expect(inCi({})).toBe(false);
});
