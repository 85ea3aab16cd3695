/**
 * The end-to-end tests need programs from outside node_modules (Chromium, tmux). On a
 * developer's machine without them, their tests skip with a sentence saying what to install.
 * In CI (CI set, as .ci/run does) a skipped test would be a check that silently never ran: the
 * missing program is a failing test instead, with the same sentence.
 */
export type Gate = 'run' | 'skip' | 'fail';

export function inCi(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.CI) && env.CI !== '0' && env.CI !== 'false';
}

export function gate(available: boolean, env: NodeJS.ProcessEnv = process.env): Gate {
  return available ? 'run' : inCi(env) ? 'fail' : 'skip';
}

/**
 * `describe` when the program is there; otherwise a warning and `describe.skip`, or, in CI,
 * one failing test that names what is missing.
 */
export function describeWith(available: boolean, missing: string): jest.Describe {
  const decision = gate(available);
  if (decision === 'run') return describe;
  if (decision === 'fail') {
    test(`needs a program that is missing: ${missing}`, () => {
      throw new Error(`${missing} CI runs every test: install it (.ci/run does, with apt-get) rather than skip.`);
    });
  } else {
    console.warn(`Skipping: ${missing}`);
  }
  return describe.skip;
}
