/**
 * The syntax mistakes people make when they edit the project file by hand, said in their words
 * and placed on the line they have to change.
 *
 * `yaml` reports where its reading broke down, which is often not where the mistake is: a key
 * indented one space too far is read as the end of the text on the line above, a key without
 * its colon at the end of a group is only noticed on the next line, an unclosed quotation mark
 * at the end of the file. So the first error is taken as a clue, and the lines around it are
 * read the way a person would look at them.
 */
import type { Translator } from '../i18n/index.js';

export interface YamlError {
  code: string;
  message: string;
  pos: [number, number];
}

export interface SyntaxProblem {
  line: number;
  col: number;
  message: string;
}

/** One line as written, its ending left out (a Windows CR included). */
interface Line {
  /** 1-based, as editors count. */
  n: number;
  text: string;
  indent: number;
  /** Blank or a comment: no part in the structure. */
  empty: boolean;
}

/** `key: value` on a line, after any list dashes: where the key starts and what follows it. */
interface KeyLine {
  dashes: number;
  keyCol: number;
  key: string;
  value: string;
  valueCol: number;
}

const KEY = /^((?:-[ ]+)*)([^\s#:"'\-[\]{}@`%&*!|>][^:#]*?|"[^"]*"|'[^']*')[ \t]*:(?:[ \t]+|$)/;
/** Characters that YAML reserves at the start of a value written without quotes. */
const RESERVED = /^(?:[@`%&*!|>]|-(?= ))/;

function isItem(line: Line): boolean {
  return /^-(?:\s|$)/.test(line.text.slice(line.indent));
}

function linesOf(text: string): Line[] {
  return text.split('\n').map((raw, i) => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const indent = /^ */.exec(line)![0].length;
    const rest = line.slice(indent).trimEnd();
    return { n: i + 1, text: line, indent, empty: rest === '' || rest.startsWith('#') };
  });
}

function keyLine(line: Line): KeyLine | undefined {
  const body = line.text.slice(line.indent);
  const match = KEY.exec(body);
  if (!match) return undefined;
  const prefix = match[1]!;
  const value = body.slice(match[0].length);
  return {
    dashes: prefix.length,
    keyCol: line.indent + prefix.length + 1,
    key: match[2]!.trim().replace(/^(["'])(.*)\1$/, '$2'),
    value: value.trimEnd(),
    valueCol: line.indent + match[0].length + 1,
  };
}

/** A value written without quotes, and the `# comment` after it (which stays outside quotes). */
function splitComment(value: string): { text: string; comment: string } {
  const at = /[ \t]#/.exec(value);
  return at ? { text: value.slice(0, at.index).trimEnd(), comment: value.slice(at.index) } : { text: value, comment: '' };
}

function quoted(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function previousContent(lines: Line[], index: number): number {
  let i = index - 1;
  while (i >= 0 && lines[i]!.empty) i--;
  return i;
}

/** The column where a line's own content starts: after the dashes of a list item. */
function contentCol(line: Line): number {
  return line.indent + /^(?:-[ ]+)*/.exec(line.text.slice(line.indent))![0].length + 1;
}

/**
 * The key, above a line, whose column the line should have had: among the groups still open
 * there, the one whose column is nearest (the deeper one when two are as near).
 */
function alignedWith(lines: Line[], index: number): { key: string; col: number; index: number } | undefined {
  const col = lines[index]!.indent + 1;
  let best: { key: string; col: number; index: number } | undefined;
  let limit = Infinity;
  for (let i = previousContent(lines, index); i >= 0 && limit > 1; i = previousContent(lines, i)) {
    const line = lines[i]!;
    const own = contentCol(line);
    if (own >= limit) continue;
    limit = line.indent + 1;
    const key = keyLine(line);
    if (!key) continue;
    if (!best || Math.abs(own - col) < Math.abs(best.col - col)) best = { key: key.key, col: own, index: i };
  }
  return best;
}

function indentProblem(lines: Line[], index: number, t: Translator): SyntaxProblem | undefined {
  const line = lines[index]!;
  if (isItem(line)) {
    // A list item lines up with the item before it, not with a key.
    for (let i = previousContent(lines, index); i >= 0; i = previousContent(lines, i)) {
      const item = lines[i]!;
      if (!isItem(item)) {
        // A key less indented than the item owns the list it is in: nothing above it is a sibling.
        if (item.indent < line.indent) break;
        continue;
      }
      if (item.indent === line.indent) return undefined;
      if (Math.abs(item.indent - line.indent) <= 2) return { line: line.n, col: line.indent + 1, message: t('yaml.indentItem', { col: line.indent + 1, expected: item.indent + 1 }) };
      if (item.indent < line.indent) break;
    }
  }
  const above = alignedWith(lines, index);
  if (!above || above.col === line.indent + 1) return undefined;
  const first = overIndentedFirst(lines, above, line);
  if (first) return first(t);
  return { line: line.n, col: line.indent + 1, message: t('yaml.indentColumn', { col: line.indent + 1, above: above.key, expected: above.col }) };
}

/**
 * When a group's first key is indented too far, yaml takes its column for the group's and
 * stops at the next key, which is where it should be: two spaces under the group's own key.
 * Then the first key is the line to change.
 */
function overIndentedFirst(lines: Line[], above: { col: number; index: number }, line: Line): ((t: Translator) => SyntaxProblem) | undefined {
  const col = line.indent + 1;
  const below = keyLine(line);
  if (!below || above.col < col) return undefined;
  let parent = previousContent(lines, above.index);
  while (parent >= 0 && lines[parent]!.indent + 1 >= above.col) parent = previousContent(lines, parent);
  const owner = parent >= 0 ? keyLine(lines[parent]!) : undefined;
  if (!owner || splitComment(owner.value).text !== '' || col !== owner.keyCol + 2) return undefined;
  const first = lines[lines.findIndex((l, i) => i > parent && !l.empty)]!;
  if (!keyLine(first) || first.indent + 1 !== above.col) return undefined;
  return (t) => ({ line: first.n, col: above.col, message: t('yaml.indentColumnBelow', { col: above.col, below: below.key, expected: col }) });
}

/** A line at a key's place with no `key:` on it: its colon is missing, or its space after it. */
function colonProblem(lines: Line[], index: number, t: Translator): SyntaxProblem | undefined {
  const line = lines[index]!;
  if (line.empty || keyLine(line)) return undefined;
  const body = line.text.slice(line.indent);
  const at = { line: line.n, col: line.indent + 1 };
  if (/^-[^\s-]/.test(body)) return { ...at, message: t('yaml.dashSpace', { example: `- ${body.slice(1)}` }) };
  const { text, comment } = splitComment(body);
  const glued = /^((?:-[ ]+)*[^\s:#"']+)[:\uff1a][\u00a0]?(\S.*)$/.exec(text);
  if (glued) return { ...at, message: t('yaml.colonSpace', { example: `${glued[1]}: ${glued[2]}${comment}` }) };
  const before = lines[previousContent(lines, index)];
  const parent = before && keyLine(before);
  // `role:` then its text on the next line, not indented under it.
  if (parent && parent.value === '' && before!.indent >= line.indent && !/[:\uff1a]\s/.test(text)) {
    return { ...at, message: t('yaml.valueNotIndented', { key: parent.key, example: `${parent.key}: ${text}${comment}` }) };
  }
  const words = /^((?:-[ ]+)*[^\s:#\uff1a]+)[\s\uff1a]*(.*)$/.exec(text);
  if (!words) return undefined;
  return { ...at, message: t('yaml.missingColon', { example: `${words[1]}:${words[2] ? ` ${words[2]}` : ''}${comment}` }) };
}

/** The line where a quotation mark opens and is not closed on that line. */
function unclosedQuote(lines: Line[], last: number): { line: Line; key: KeyLine | undefined; col: number } | undefined {
  for (let i = 0; i <= last && i < lines.length; i++) {
    const line = lines[i]!;
    if (line.empty) continue;
    const key = keyLine(line);
    const valueCol = key ? key.valueCol : contentCol(line);
    const value = line.text.slice(valueCol - 1);
    const quote = value[0];
    if (quote !== '"' && quote !== "'") continue;
    const closing = quote === '"' ? /(?<!\\)(?:\\\\)*"/ : /'(?!')/;
    if (!closing.test(value.slice(1).replace(/''/g, ''))) return { line, key, col: valueCol };
  }
  return undefined;
}

/** The line of the opening bracket or brace that is never closed, looking up from `from`. */
function unclosedBracket(lines: Line[], from: number): { line: Line; col: number } | undefined {
  for (let i = Math.min(from, lines.length - 1); i >= 0; i--) {
    const line = lines[i]!;
    if (line.empty) continue;
    const text = splitComment(line.text).text;
    const opens = [...text.matchAll(/[[{]/g)];
    if (opens.length > (text.match(/[\]}]/g)?.length ?? 0)) return { line, col: opens[opens.length - 1]!.index! + 1 };
  }
  return undefined;
}

function reservedStart(line: Line, t: Translator): SyntaxProblem | undefined {
  const key = keyLine(line);
  const valueCol = key ? key.valueCol : contentCol(line);
  const value = line.text.slice(valueCol - 1);
  const char = RESERVED.exec(value)?.[0];
  if (!char || /^[|>][-+0-9]*\s*(?:#.*)?$/.test(value)) return undefined;
  const { text, comment } = splitComment(value);
  const lead = line.text.slice(0, valueCol - 1).trimStart();
  // `@id: R1`: a key with a character typed before it, not a text.
  if (!key && KEY.test(value.slice(char.length))) return { line: line.n, col: valueCol, message: t('yaml.strayChar', { char, example: `${lead}${value.slice(char.length)}` }) };
  return { line: line.n, col: valueCol, message: t('yaml.reservedStart', { char, example: `${lead}${quoted(text)}${comment}` }) };
}

/** The first place before `index` where `key` is a key of the same group as on line `index`. */
function firstOccurrence(lines: Line[], index: number, key: string): number | undefined {
  const col = keyLine(lines[index]!)?.keyCol;
  for (let i = previousContent(lines, index); i >= 0; i = previousContent(lines, i)) {
    const line = lines[i]!;
    const own = keyLine(line);
    if (contentCol(line) < (col ?? 0) && !(own && own.keyCol === col)) return undefined;
    if (own && own.keyCol === col && own.key === key) return line.n;
    if (own && own.keyCol === col && own.dashes > 0) return undefined;
  }
  return undefined;
}

/** The problem to show for `yaml`'s first error, or undefined to say it in `yaml`'s words. */
export function diagnose(error: YamlError, text: string, t: Translator): SyntaxProblem | undefined {
  const lines = linesOf(text);
  const index = text.slice(0, error.pos[0]).split('\n').length - 1;
  const line = lines[index];
  if (!line) return undefined;
  const col = error.pos[0] - (text.lastIndexOf('\n', error.pos[0] - 1) + 1) + 1;
  const here = { line: line.n, col };
  const key = keyLine(line);
  const reserved = reservedStart(line, t);
  // An indented first line makes its column the top level's, so yaml stops at the next key.
  const first = lines.findIndex((l) => !l.empty);
  if (first >= 0 && lines[first]!.indent > 0 && lines.slice(first + 1, index + 1).some((l) => !l.empty && l.indent < lines[first]!.indent)) {
    return { line: lines[first]!.n, col: lines[first]!.indent + 1, message: t('yaml.indentFirst') };
  }
  if (error.code !== 'DUPLICATE_KEY' && /^-[^\s-]/.test(line.text.slice(line.indent))) return colonProblem(lines, index, t);
  switch (error.code) {
    case 'TAB_AS_INDENT':
      return { ...here, message: t('yaml.tab') };
    case 'DUPLICATE_KEY': {
      const name = key?.key ?? '';
      const earlier = firstOccurrence(lines, index, name);
      return { ...here, message: earlier ? t('file.duplicateKeyFirst', { key: name, first: earlier }) : t('file.duplicateKey', { key: name }) };
    }
    case 'BAD_SCALAR_START':
    case 'BAD_ALIAS':
      return reserved;
    case 'MISSING_CHAR': {
      if (/quote/i.test(error.message)) {
        const open = unclosedQuote(lines, index);
        if (!open) return { ...here, message: t('yaml.unclosedQuotePlain') };
        const value = open.line.text.slice(open.col - 1);
        const { text: words, comment } = splitComment(value);
        const example = `${open.line.text.slice(0, open.col - 1).trimStart()}${words}${value[0]}${comment}`;
        return { line: open.line.n, col: open.col, message: t('yaml.unclosedQuote', { example }) };
      }
      if (/without - indicator/.test(error.message)) return indentProblem(lines, index, t);
      return colonProblem(lines, index, t);
    }
    case 'MULTILINE_IMPLICIT_KEY':
      return colonProblem(lines, index, t) ?? indentProblem(lines, index, t);
    case 'UNEXPECTED_TOKEN': {
      if (reserved) return reserved;
      const value = key ? line.text.slice(key.valueCol - 1) : '';
      const quote = value[0];
      if (quote !== '"' && quote !== "'") return undefined;
      const { text: whole, comment } = splitComment(value);
      const inner = whole.length > 1 && whole.endsWith(quote) ? whole.slice(1, -1) : whole;
      const other = quote === "'" ? quoted(inner) : `'${inner.replace(/'/g, "''")}'`;
      return { line: line.n, col: key!.valueCol, message: t('yaml.textAfterQuote', { example: `${line.text.slice(0, key!.valueCol - 1).trimStart()}${other}${comment}` }) };
    }
    case 'BAD_INDENT': {
      if (/end with a [\]}]/.test(error.message)) {
        const open = unclosedBracket(lines, previousContent(lines, index));
        return { ...(open ? { line: open.line.n, col: open.col } : here), message: t('yaml.unclosedBracket') };
      }
      const before = previousContent(lines, index);
      const body = line.text.slice(line.indent);
      if (/^-[^\s-]/.test(body)) return colonProblem(lines, index, t);
      const above = lines[before];
      if (above && !keyLine(above) && !isItem(above)) {
        const missing = colonProblem(lines, before, t);
        if (missing && contentCol(above) <= line.indent + 1) return missing;
      }
      if (above && !isItem(above)) {
        // Keys written where the items of a list start: the dash of a new item is missing.
        const item = [...lines.slice(0, index)].reverse().find((l) => !l.empty && l.indent <= line.indent);
        if (item && item.indent === line.indent && isItem(item)) {
          return { line: line.n, col: line.indent + 1, message: t('yaml.missingDash', { example: `- ${body.trimEnd()}`, col: contentCol(item) }) };
        }
      }
      return indentProblem(lines, index, t);
    }
    case 'BLOCK_AS_IMPLICIT_KEY': {
      if (col <= line.indent + 1 && isItem(line)) {
        return indentProblem(lines, index, t) ?? { line: line.n, col: line.indent + 1, message: t('yaml.dashAmongKeys') };
      }
      if (!key || col < key.valueCol) return undefined;
      const { text: value, comment } = splitComment(key.value);
      if (/:\s/.test(value)) {
        const lead = line.text.slice(0, key.valueCol - 1).trimStart();
        return { ...here, message: t('yaml.colonInText', { example: `${lead}${quoted(value)}${comment}` }) };
      }
      // The value goes on over the next lines, and one of them has a key: it is indented too far.
      for (let i = index + 1; i < lines.length; i++) {
        const next = lines[i]!;
        if (next.empty) continue;
        if (next.indent < key.keyCol) break;
        if (keyLine(next)) return indentProblem(lines, i, t);
      }
      return undefined;
    }
    default:
      return reserved;
  }
}

/**
 * A value that starts with `*` is read as an alias of an anchor (`&name`) defined elsewhere;
 * written by hand, it is nearly always text, such as `*important*`.
 */
export function unknownAlias(text: string, offset: number, t: Translator): SyntaxProblem | undefined {
  const lines = linesOf(text);
  const index = text.slice(0, offset).split('\n').length - 1;
  return lines[index] && reservedStart(lines[index], t);
}

/**
 * A non-breaking space at the start of a line (pasted from a word processor) looks like an
 * indent but is read as part of the key, which then is not found: said before anything else.
 */
export function nbspIndent(text: string, t: Translator): SyntaxProblem | undefined {
  // French text has many non-breaking spaces (before « : », inside « »): only those in an indent matter.
  for (let at = text.indexOf('\u00a0'); at !== -1; at = text.indexOf('\u00a0', at + 1)) {
    const start = text.lastIndexOf('\n', at) + 1;
    if (!/^[ \t]*$/.test(text.slice(start, at))) continue;
    const end = text.indexOf('\n', at);
    if (!/^[ \t\u00a0]*(?:-[ ]|[^\s#:][^:]*:(?:[ \t]|\r?$))/.test(text.slice(at, end === -1 ? undefined : end))) continue;
    return { line: text.slice(0, start).split('\n').length, col: at - start + 1, message: t('yaml.nbspIndent') };
  }
  return undefined;
}
