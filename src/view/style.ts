import { asciiSymbols, unicodeSupported } from '../terminal.js';

export type Colour = 'bold' | 'dim' | 'green' | 'yellow' | 'red' | 'cyan';
export type Style = (colour: Colour, text: string) => string;

/**
 * Colour only for a person at a terminal: never with --no-color or NO_COLOR, always with
 * FORCE_COLOR (but 0). Decided once per run, in cli.ts.
 */
export function colourWanted(options: { flag?: boolean; env: NodeJS.ProcessEnv; isTTY?: boolean }): boolean {
  const { env } = options;
  if (options.flag === false || ('NO_COLOR' in env && env.NO_COLOR !== '')) return false;
  return env.FORCE_COLOR ? env.FORCE_COLOR !== '0' : Boolean(options.isTTY) && env.TERM !== 'dumb';
}

/**
 * The styling of one run. chalk is loaded only when there is colour to write, so that piped
 * and scripted runs do not pay for it. Symbols (the progress marks, which always pass through
 * here) become ASCII where the terminal's font has none, as in Windows' classic console.
 */
export async function makeStyle(options: { color?: boolean; env: NodeJS.ProcessEnv; platform?: NodeJS.Platform }): Promise<Style> {
  let colour: Style = (_colour, text) => text;
  if (options.color) {
    const { Chalk } = await import('chalk');
    // The decision is ours (colourWanted): chalk must not second-guess it from process.stdout.
    const chalk = new Chalk({ level: 1 });
    colour = (name, text) => chalk[name](text);
  }
  return unicodeSupported(options.env, options.platform) ? colour : (name, text) => colour(name, asciiSymbols(text));
}
