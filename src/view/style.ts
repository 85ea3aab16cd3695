import { styleText } from 'node:util';
import { asciiSymbols, unicodeSupported } from '../terminal.js';

export type Colour = 'bold' | 'dim' | 'green' | 'yellow' | 'red' | 'cyan';
export type Style = (colour: Colour, text: string) => string;

/**
 * Colour only for a person at a terminal: never with --no-color or NO_COLOR, always with
 * FORCE_COLOR. Node's own styleText keeps chalk's start-up cost off every command.
 * Symbols (the progress marks, which always pass through here) become ASCII where the
 * terminal's font has none, as in Windows' classic console.
 */
export function makeStyle(options: { color?: boolean; env: NodeJS.ProcessEnv; isTTY?: boolean; platform?: NodeJS.Platform }): Style {
  const { env } = options;
  const enabled =
    options.color !== false && !('NO_COLOR' in env && env.NO_COLOR !== '') && (env.FORCE_COLOR ? env.FORCE_COLOR !== '0' : Boolean(options.isTTY) && env.TERM !== 'dumb');
  // We decide above whether to colour; Node must not second-guess it from process.stdout.
  const colour: Style = enabled ? (colour, text) => styleText(colour, text, { validateStream: false }) : (_colour, text) => text;
  return unicodeSupported(env, options.platform) ? colour : (name, text) => colour(name, asciiSymbols(text));
}
