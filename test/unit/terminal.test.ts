/**
 * The terminals Windows users have, simulated on Linux through the environment and platform
 * that each function takes: no LANG, the classic console's font, Git Bash's pipes, EOF.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadTranslator, localeLanguage, resolveLanguage, systemLocale } from '../../src/i18n/index.js';
import { asciiSymbols, inGitBash, isClosedPipe, unicodeSupported } from '../../src/terminal.js';
import { makeStyle } from '../../src/view/style.js';
import { noTerminal } from '../../src/wizard/session.js';
import { keyNames } from '../../src/wizard/inquirer-prompter.js';
import { adopt, root, tempDir } from '../helpers.js';

describe('the language when LANG is not set, as on Windows', () => {
  test("the system's locale decides", () => {
    expect(localeLanguage({}, () => 'fr-FR')).toBe('fr');
    expect(localeLanguage({}, () => 'fr-CA')).toBe('fr');
    expect(localeLanguage({}, () => 'en-GB')).toBe('en');
    expect(localeLanguage({}, () => 'de-DE')).toBeUndefined();
    expect(localeLanguage({}, () => 'und')).toBeUndefined();
    expect(resolveLanguage(undefined, undefined, {})).toMatch(/^(en|fr)$/);
  });

  test('LC_ALL, LC_MESSAGES and LANG still come first, even when they name another language', () => {
    expect(localeLanguage({ LANG: 'en_GB.UTF-8' }, () => 'fr-FR')).toBe('en');
    expect(localeLanguage({ LC_MESSAGES: 'fr_FR.UTF-8' }, () => 'en-US')).toBe('fr');
    expect(localeLanguage({ LC_ALL: 'C' }, () => 'fr-FR')).toBeUndefined();
  });

  test("the system's locale is the one every Intl formatter uses", () => {
    expect(systemLocale()).toBe(Intl.DateTimeFormat().resolvedOptions().locale);
  });
});

describe('symbols in the classic Windows console', () => {
  // The same rule as @inquirer/figures, which draws inquirer's own symbols.
  const cases: [string, NodeJS.Platform, NodeJS.ProcessEnv, boolean][] = [
    ['classic console (PowerShell 5.1, cmd)', 'win32', {}, false],
    ['Windows Terminal', 'win32', { WT_SESSION: 'b0c5…' }, true],
    ['VS Code', 'win32', { TERM_PROGRAM: 'vscode' }, true],
    ['Git Bash (mintty)', 'win32', { TERM: 'xterm-256color', MSYSTEM: 'MINGW64' }, true],
    ['cmder', 'win32', { ConEmuTask: '{cmd::Cmder}' }, true],
    ['JetBrains', 'win32', { TERMINAL_EMULATOR: 'JetBrains-JediTerm' }, true],
    ['a Linux terminal', 'linux', { TERM: 'xterm-256color' }, true],
    ['the Linux kernel console', 'linux', { TERM: 'linux' }, false],
    ['macOS', 'darwin', {}, true],
  ];
  test.each(cases)('%s', (_name, platform, env, expected) => {
    expect(unicodeSupported(env, platform)).toBe(expected);
  });

  test('agrees with @inquirer/figures for this process', async () => {
    const figures = (await import('@inquirer/figures')).default as { tick: string };
    expect(unicodeSupported(process.env, process.platform)).toBe(figures.tick === '✔');
  });

  test('the progress marks become ASCII of one width, so that columns stay aligned', async () => {
    const style = await makeStyle({ env: {}, platform: 'win32' });
    const marks = ['✔', '◐', '○'].map((mark) => style('green', mark));
    expect(marks).toEqual(['[x]', '[~]', '[ ]']);
    expect(style('dim', '✔ Step 1: already done.')).toBe('[x] Step 1: already done.');
    expect((await makeStyle({ env: { WT_SESSION: '1' }, platform: 'win32' }))('green', '✔')).toBe('✔');
    expect((await makeStyle({ env: {}, platform: 'linux' }))('green', '◐')).toBe('◐');
    expect(asciiSymbols('Plan — ready → next')).toBe('Plan — ready → next');
  });

  test('the marks adopt prints are all ones that have an ASCII form', () => {
    for (const file of ['src/view/status.ts', 'src/wizard/session.ts', 'src/i18n/locales/en.json', 'src/i18n/locales/fr.json']) {
      const marks = new Set(readFileSync(path.join(root, file), 'utf8').match(/[✔✓✗✘◐◑○●◯◉]/gu));
      for (const mark of marks) expect([file, mark, asciiSymbols(mark)]).toEqual([file, mark, expect.stringMatching(/^[\x20-\x7e]+$/)]);
    }
  });

  test('the keys in the help line are named where their symbols would be boxes', async () => {
    const fr = await loadTranslator('fr');
    const en = await loadTranslator('en');
    expect(keyNames(en, true)).toEqual({ arrows: '↑↓', sides: '←→', enter: '⏎', space: 'Space' }); // the space bar by its name: first-time users did not read ␣ as a key
    expect(keyNames(en, false)).toEqual({ arrows: '↑↓', sides: '←→', enter: 'Enter', space: 'Space' });
    expect(keyNames(fr, false)).toEqual({ arrows: '↑↓', sides: '←→', enter: 'Entrée', space: 'Espace' });
  });
});

describe('Git Bash without a console', () => {
  test('is told apart from other shells', () => {
    expect(inGitBash({ MSYSTEM: 'MINGW64' }, 'win32')).toBe(true);
    expect(inGitBash({}, 'win32')).toBe(false);
    expect(inGitBash({ MSYSTEM: 'MINGW64' }, 'linux')).toBe(false);
  });

  test('the "needs a terminal" message says to start adopt through winpty, in both languages', async () => {
    const gitBash = { MSYSTEM: 'MINGW64' };
    expect(noTerminal(await loadTranslator('en'), 'init', gitBash, 'win32').message).toMatch(/Git Bash.*winpty adopt\.cmd init\b/);
    expect(noTerminal(await loadTranslator('fr'), 'edit 3', gitBash, 'win32').message).toMatch(/Git Bash.*winpty adopt\.cmd edit 3\b/);
    expect(noTerminal(await loadTranslator('en'), 'init', {}, 'win32').message).not.toMatch(/winpty/);
    expect(noTerminal(await loadTranslator('en'), 'init', gitBash, 'linux').message).not.toMatch(/winpty/);
  });

  test('adopt init without a terminal still says it needs one, and exits 2', async () => {
    const { dir, cleanup } = await tempDir();
    try {
      const result = await adopt(['init'], { cwd: dir, env: { MSYSTEM: 'MINGW64' } });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/needs a terminal/);
      if (process.platform !== 'win32') expect(result.stderr).not.toMatch(/winpty/);
    } finally {
      await cleanup();
    }
  });
});

describe('a reader that went away', () => {
  test('EPIPE, and EOF as Windows reports a closed pipe, end quietly; other errors do not', () => {
    expect(isClosedPipe({ code: 'EPIPE' })).toBe(true);
    expect(isClosedPipe({ code: 'EOF' })).toBe(true);
    expect(isClosedPipe({ code: 'EIO' })).toBe(false);
    expect(isClosedPipe({})).toBe(false);
  });
});
