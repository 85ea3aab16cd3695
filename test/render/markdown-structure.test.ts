/**
 * Free text in a project file must stay inside the place the template gives it: it can never
 * add a heading, a rule, a list, a quote, a table row, a code block or HTML to a Markdown
 * document. The proof: with hostile text everywhere, the documents have exactly the block
 * structure they have with plain words.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import MarkdownIt from 'markdown-it';
import { parse, stringify } from 'yaml';
import { adopt, tempDir, examples } from '../helpers.js';
import { markdownText, markdownCell } from '../../src/render/engine.js';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(async () => cleanup());

const md = new MarkdownIt();
/** The blocks of a document, without their words. */
const blocks = (text: string) =>
  md
    .parse(text, {})
    .filter((token) => token.type !== 'inline')
    .map((token) => `${token.type} ${token.tag} ${token.level}`);

const hostile = [
  'ok\n\nBOARD APPROVED THE BUDGET\n===',
  'T\r# x',
  'a\r| b | c |\r| d | e |',
  '---',
  'fine\n---\nnext',
  '> quoted\n- item\n+ item\n1. first\n2) second',
  '```\nfenced\n```\n~~~\ntilde',
  '    indented code',
  'ok\n\n    indented code',
  '<div>html</div>\n<!-- comment -->',
  'trailing  \nbreak\\',
  '***\n___\n* * *\n- - -',
  '#hash # not heading\n######',
  '\u2028line\u2029separator',
].join('\r\n');

/** The keys whose values are people's free text in the examples (not ids, dates or choices). */
const freeText = new Set(['title', 'organisation', 'summary', 'name', 'role', 'use', 'text', 'indicator', 'who', 'item', 'funding', 'conflicts', 'notes', 'mitigation', 'vendor', 'pricing', 'strengths', 'weaknesses', 'takeaway', 'rationale', 'comment', 'topic', 'audience', 'plan', 'scope', 'channel', 'message', 'evidence', 'hindsight', 'availability', 'support', 'specifics', 'owner', 'tool', 'decision', 'idea', 'by']);

function replaceText(value: unknown, by: string, key?: string, parent?: string): unknown {
  if (Array.isArray(value)) return value.map((v) => replaceText(v, by, undefined, key));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replaceText(v, by, k, key)]));
  // A review's decision and a score's "by" are choices and ids, not text.
  if (typeof value === 'string' && key && freeText.has(key) && !(key === 'decision' && parent !== 'decisions') && !(key === 'by' && parent !== 'decisions')) return by;
  return value;
}

async function renderWith(project: unknown, text: string, sub: string): Promise<Record<string, string>> {
  const at = path.join(dir, sub);
  await mkdir(at, { recursive: true });
  await writeFile(path.join(at, 'adopt.yaml'), stringify(replaceText(project, text)));
  const result = await adopt(['render', '--format', 'md'], { cwd: at });
  if (result.code !== 0) throw new Error(result.stderr);
  const out: Record<string, string> = {};
  for (const file of await readdir(path.join(at, 'adopt-docs'))) out[file] = await readFile(path.join(at, 'adopt-docs', file), 'utf8');
  return out;
}

describe.each([['jardins'], ['foodBank']] as const)('Markdown documents of the %s example', (name) => {
  test('hostile text in every free-text field leaves the block structure unchanged', async () => {
    const project = parse(await readFile(examples[name], 'utf8'));
    const plain = await renderWith(project, 'ok', 'plain');
    const attacked = await renderWith(project, hostile, 'attacked');
    for (const doc of Object.keys(plain)) expect([doc, blocks(attacked[doc]!)]).toEqual([doc, blocks(plain[doc]!)]);
    // And the words are still there for people to read.
    expect(Object.keys(attacked).sort()).toEqual(Object.keys(plain).sort());
    expect(attacked['plan.md']).toContain('BOARD APPROVED THE BUDGET');
  });
});

describe('markdownText and markdownCell', () => {
  test('a lone CR is a line break like any other, and never reaches the document', () => {
    expect(markdownText('T\r# x')).not.toMatch(/\r/);
    expect(blocks(`# ${markdownCell('T\r# x')}`)).toEqual(blocks('# T'));
    expect(blocks(`| a |\n| --- |\n| ${markdownCell('x\r| y |')} |`)).toEqual(blocks('| a |\n| --- |\n| x |'));
  });

  test('a setext underline, a rule and an indented line are plain text', () => {
    for (const text of ['ok\n\nBOARD\n===', 'ok\n---', '---', '***', '    code', 'a\n\n    code', '- - -', '=']) {
      expect([text, blocks(markdownText(text))]).toEqual([text, blocks('ok')]);
    }
  });
});
