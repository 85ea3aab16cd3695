/**
 * What the terminal in front of the user can do, for the terminals Windows users have: the
 * classic console, Windows Terminal, VS Code, Git Bash. Loaded at every start: keep it small.
 */

/**
 * Whether the terminal's font has symbols such as ✔ ◐ ○ ⏎. The same rule as @inquirer/figures
 * (ported from is-unicode-supported), so that adopt's marks and inquirer's own switch together:
 * everywhere but the Linux kernel console; on Windows, only in terminals known to have them
 * (the classic console shows boxes).
 */
export function unicodeSupported(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): boolean {
  if (platform !== 'win32') return env.TERM !== 'linux';
  return (
    Boolean(env.WT_SESSION) || // Windows Terminal
    Boolean(env.TERMINUS_SUBLIME) ||
    env.ConEmuTask === '{cmd::Cmder}' ||
    env.TERM_PROGRAM === 'Terminus-Sublime' ||
    env.TERM_PROGRAM === 'vscode' ||
    env.TERM === 'xterm-256color' ||
    env.TERM === 'alacritty' ||
    env.TERMINAL_EMULATOR === 'JetBrains-JediTerm'
  );
}

/**
 * ASCII for the symbols adopt prints where the font has none. The four progress marks take
 * the same width, so that columns after them stay aligned.
 */
const ascii: Record<string, string> = { '✔': '[x]', '◷': '[>]', '◐': '[~]', '○': '[ ]' };
const symbols = new RegExp(`[${Object.keys(ascii).join('')}]`, 'gu');

export function asciiSymbols(text: string): string {
  return text.replace(symbols, (symbol) => ascii[symbol] ?? symbol);
}

/**
 * Git Bash (mintty) gives a program pipes, not a console, unless it is started through winpty.
 * MSYSTEM is set by every MSYS2 shell (MINGW64, MSYS…). winpty starts a Windows program, not
 * npm's shell shim, hence `adopt.cmd`.
 */
export function inGitBash(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): boolean {
  return platform === 'win32' && Boolean(env.MSYSTEM);
}

/** A reader that went away: EPIPE everywhere, EOF for a closed pipe on Windows. */
export function isClosedPipe(error: { code?: unknown }): boolean {
  return error.code === 'EPIPE' || error.code === 'EOF';
}

