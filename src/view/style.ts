import { styleText } from 'node:util';

export type Colour = 'bold' | 'dim' | 'green' | 'yellow' | 'red' | 'cyan';
export type Style = (colour: Colour, text: string) => string;

/**
 * Colour only for a person at a terminal: never with --no-color or NO_COLOR, always with
 * FORCE_COLOR. Node's own styleText keeps chalk's start-up cost off every command.
 */
export function makeStyle(options: { color?: boolean; env: NodeJS.ProcessEnv; isTTY?: boolean }): Style {
  const { env } = options;
  const enabled =
    options.color !== false && !('NO_COLOR' in env && env.NO_COLOR !== '') && (env.FORCE_COLOR ? env.FORCE_COLOR !== '0' : Boolean(options.isTTY) && env.TERM !== 'dumb');
  // We decide above whether to colour; Node must not second-guess it from process.stdout.
  return enabled ? (colour, text) => styleText(colour, text, { validateStream: false }) : (_colour, text) => text;
}
