/**
 * Messages in the ICU form translators know from other projects, the part adopt needs of it:
 * `{name}`, `{n, plural, one {# file} other {# files}}` (with `=0`-style exact cases) and
 * `{kind, select, positive {…} negative {…} other {…}}`, nested as deep as wanted. Unlike ICU,
 * an apostrophe is only an apostrophe (French needs many and quotes nothing), and `#` is the
 * count in plain digits: an Intl.NumberFormat costs tens of milliseconds to make at each start.
 */

export interface Formatting {
  /** The plural category of a count in the message's language (Intl.PluralRules). */
  plural(n: number): string;
  /** `{x, number}`: a number with the language's decimal mark (3,59). */
  number?(n: number): string;
  /** `{x, date}`: a YYYY-MM-DD date as the wizard asks it typed (15/03/2027). */
  date?(iso: string): string;
  /** How a parameter's value enters the text (user text is shown visibly). */
  show(value: unknown): string;
}

const CHOICE = /\{\s*\w+\s*,\s*(?:plural|select\s*,|number\s*\}|date\s*\})/;

export function formatMessage(template: string, params: Readonly<Record<string, unknown>> | undefined, how: Formatting): string {
  if (!params) return template;
  // Most messages have no plural or select: a single replace is all they need.
  if (!CHOICE.test(template)) return simple(template, params, how);
  return format(template, params, how, undefined);
}

function simple(template: string, params: Readonly<Record<string, unknown>>, how: Formatting): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(params, name) ? how.show(params[name]) : whole));
}

/** `count` is the number `#` stands for, inside the case of a plural. */
function format(text: string, params: Readonly<Record<string, unknown>>, how: Formatting, count: number | undefined): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const char = text[i]!;
    if (char === '#' && count !== undefined) {
      out += String(count);
      i++;
    } else if (char === '{') {
      const end = closing(text, i);
      if (end < 0) return out + text.slice(i);
      out += argument(text.slice(i + 1, end), params, how) ?? text.slice(i, end + 1);
      i = end + 1;
    } else {
      out += char;
      i++;
    }
  }
  return out;
}

/** The index of the brace that closes the one at `open`, or -1. */
function closing(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

/** What `{…}` says, or undefined to leave it as written (an unknown parameter shows itself). */
function argument(inner: string, params: Readonly<Record<string, unknown>>, how: Formatting): string | undefined {
  const match = /^\s*(\w+)\s*(?:,\s*(plural|select)\s*,([\s\S]*)|,\s*(number|date)\s*)?$/.exec(inner);
  if (!match || !Object.hasOwn(params, match[1]!)) return undefined;
  const value = params[match[1]!];
  if (match[4] === 'number' && typeof value === 'number' && how.number) return how.number(value);
  if (match[4] === 'date' && typeof value === 'string' && how.date) return how.date(value);
  if (!match[2]) return how.show(value);
  const options = cases(match[3]!);
  if (match[2] === 'select') {
    const chosen = options.get(String(value)) ?? options.get('other');
    return chosen === undefined ? undefined : format(chosen, params, how, undefined);
  }
  const n = Number(value);
  const chosen = options.get(`=${n}`) ?? options.get(how.plural(n)) ?? options.get('other');
  return chosen === undefined ? undefined : format(chosen, params, how, n);
}

/** `one {…} other {…}` as a map from each selector to its text. */
function cases(text: string): Map<string, string> {
  const out = new Map<string, string>();
  const selector = /\s*(=?[\w-]+)\s*\{/y;
  let i = 0;
  for (;;) {
    selector.lastIndex = i;
    const found = selector.exec(text);
    if (!found) return out;
    const open = selector.lastIndex - 1;
    const end = closing(text, open);
    if (end < 0) return out;
    out.set(found[1]!, text.slice(open + 1, end));
    i = end + 1;
  }
}

/** The names of a message's parameters, in the order they first appear: a translation must keep them all. */
export function argumentsOf(template: string): string[] {
  const out = new Set<string>();
  const walk = (text: string) => {
    for (let i = text.indexOf('{'); i >= 0; i = text.indexOf('{', i + 1)) {
      const end = closing(text, i);
      if (end < 0) return;
      const match = /^\s*(\w+)\s*(?:,\s*(?:plural|select)\s*,([\s\S]*)|,\s*(?:number|date)\s*)?$/.exec(text.slice(i + 1, end));
      if (match) {
        out.add(match[1]!);
        if (match[2] !== undefined) for (const body of cases(match[2]).values()) walk(body);
      }
      i = end;
    }
  };
  walk(template);
  return [...out];
}
