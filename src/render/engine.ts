/**
 * Renders the documents from Handlebars templates: the built-in ones precompiled at build time,
 * or the user's own from `--templates DIR`, which override built-ins by file name and are
 * compiled here. Markdown and HTML each have their own environment: HTML escapes every value
 * (Handlebars' own escaping), Markdown escapes what Markdown would read as syntax.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { HelperOptions, TemplateDelegate } from 'handlebars';
import type { Translator } from '../i18n/index.js';
import { templates as builtIn } from '../generated/templates.js';
import { checkUserTemplate, shownTemplate, templateFailed, HelperMisuse } from './user-templates.js';

export type Format = 'md' | 'html';
export type DocName = 'plan' | 'checklist' | 'evaluation';
/** The documents of one project, and the overview of many (`adopt portfolio`). */
export type TemplateName = DocName | 'portfolio';
type Handlebars = typeof import('handlebars');

/**
 * The lines of user text, made inert for Markdown: what GitHub and GitLab would read as inline
 * syntax or HTML is escaped, and no line can start or end a block. A lone CR is a line break
 * there (as in CommonMark), indentation would open a code block, trailing spaces make a break,
 * a blank line ends the list or quote the text sits in; so lines are trimmed and blank ones go.
 */
function markdownLines(value: unknown): string[] {
  return String(value ?? '')
    .replace(/([\\`*_[\]<>|~])/g, '\\$1')
    .split(/\r\n?|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) =>
      line
        // An ATX heading, a bullet (- or +; * is escaped above), and a setext underline or a
        // rule (=== --- - - -): their first character, escaped, is only a character.
        .replace(/^(?:#{1,6}(?=\s|$)|[+-](?=\s|$)|[-=][-=\s]*$)/, '\\$&')
        // An ordered list marker: escaping the dot or bracket keeps the number as written.
        .replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2'),
    );
}

/**
 * Escapes text for Markdown where a paragraph or list item holds it: its own line breaks stay,
 * as hard breaks (a backslash at the end of the line), inside the same block.
 */
export function markdownText(value: unknown): string {
  return markdownLines(value).join('\\\n');
}

/** For a table cell or a heading: one line (a line break would end the row or the heading). */
export function markdownCell(value: unknown): string {
  return markdownLines(value).join(' ');
}

async function userTemplates(dir: string): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  const walk = async (at: string) => {
    for (const entry of await readdir(at, { withFileTypes: true })) {
      const full = path.join(at, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.name.endsWith('.hbs')) found.set(path.relative(dir, full).replace(/\.hbs$/, '').split(path.sep).join('/'), await readFile(full, 'utf8'));
    }
  };
  await walk(dir);
  return found;
}

/** The helpers templates can call: how each is written, and how many values it needs. */
const HELPERS = {
  t: { needs: 1, usage: '{{t "key"}}' },
  label: { needs: 2, usage: '{{label "prefix" value}}' },
  date: { needs: 1, usage: '{{date value}}' },
  money: { needs: 1, usage: '{{money amount currency}}' },
  number: { needs: 1, usage: '{{number value}}' },
  count: { needs: 2, usage: '{{count "noun" n}}' },
  pct: { needs: 1, usage: '{{pct value}}' },
  eq: { needs: 2, usage: '{{#eq a b}}…{{/eq}}' },
  md: { needs: 1, usage: '{{md text}}' },
  cell: { needs: 1, usage: '{{cell text}}' },
} as const;

export interface Renderer {
  render(doc: TemplateName, format: Format, view: object): string;
}

/** `shownDir` is the templates folder as the user named it, to name a template with a mistake. */
export async function makeRenderer(t: Translator, userDir?: string, shownDir = userDir ?? ''): Promise<Renderer> {
  const own = userDir ? await userTemplates(userDir) : new Map<string, string>();
  // Precompiled templates need only the small runtime; the user's own need the compiler.
  const library: Handlebars = own.size > 0 ? ((await import('handlebars')) as unknown as { default: Handlebars }).default : ((await import('handlebars/runtime')) as unknown as { default: Handlebars }).default;

  const environments = {} as Record<Format, Handlebars>;
  for (const format of ['md', 'html'] as const) {
    const env = library.create();
    const escapeParam = format === 'md' ? markdownText : (value: unknown) => value;
    // Handlebars passes its options last: a helper given fewer values than it needs is a
    // template's slip, said as such rather than as whatever the helper trips over.
    const helper = (name: keyof typeof HELPERS, fn: (...args: never[]) => unknown) =>
      env.registerHelper(name, function (this: unknown, ...args: unknown[]) {
        if (args.length - 1 < HELPERS[name].needs) throw new HelperMisuse(name, HELPERS[name].usage);
        return (fn as (...values: unknown[]) => unknown).apply(this, args);
      });
    helper('t', (key: string, options: HelperOptions) => {
      const params: Record<string, string | number> = {};
      for (const [name, value] of Object.entries(options.hash ?? {})) params[name] = typeof value === 'number' ? value : String(escapeParam(value ?? ''));
      return t.named(key, params);
    });
    helper('label', (prefix: string, value: unknown) => (value === undefined || value === null ? '' : t.named(`${prefix}.${String(value)}`)));
    helper('date', (iso: unknown) => (typeof iso === 'string' ? t.date(iso) : ''));
    helper('money', (amount: unknown, currency: unknown) => (typeof amount === 'number' ? t.money(amount, typeof currency === 'string' ? currency : 'EUR') : ''));
    helper('number', (value: unknown) => (typeof value === 'number' ? t.number(value) : ''));
    helper('count', (noun: string, n: unknown) => t.named(`noun.${noun}`, { n: Number(n) }));
    helper('pct', (value: unknown) => `${Number(value)}%`);
    helper('eq', function (this: unknown, a: unknown, b: unknown, options: HelperOptions) {
      return a === b ? options.fn(this) : options.inverse(this);
    });
    if (format === 'md') {
      helper('md', markdownText);
      helper('cell', markdownCell);
    }
    environments[format] = env;
  }

  const compiled = new Map<string, TemplateDelegate>();
  const load = (name: string): TemplateDelegate | undefined => {
    if (compiled.has(name)) return compiled.get(name);
    const format: Format = name.endsWith('.md') || name.startsWith('partials/md/') ? 'md' : 'html';
    const env = environments[format];
    const source = own.get(name);
    const spec = builtIn[name];
    const template = source !== undefined ? env.compile(source, { noEscape: format === 'md' }) : spec ? env.template(spec) : undefined;
    if (template) compiled.set(name, template);
    return template;
  };
  const names = new Set([...Object.keys(builtIn), ...own.keys()]);
  const partials = { md: new Set<string>(), html: new Set<string>() };
  for (const name of names) {
    const partial = /^partials\/(md|html)\/(.+)$/.exec(name);
    if (partial) partials[partial[1] as Format].add(partial[2]!);
  }
  for (const [name, source] of own) {
    const format: Format = name.endsWith('.md') || name.startsWith('partials/md/') ? 'md' : 'html';
    checkUserTemplate(library, { name, source, shown: shownTemplate(shownDir, name) }, partials[format], t);
  }
  for (const name of names) {
    const partial = /^partials\/(md|html)\/(.+)$/.exec(name);
    if (partial) environments[partial[1] as Format].registerPartial(partial[2]!, load(name)!);
  }

  return {
    render(doc, format, view) {
      const template = load(`${doc}.${format}`);
      if (!template) throw new Error(`no template for ${doc}.${format}`);
      if (own.size === 0) return template(view, { allowProtoPropertiesByDefault: false });
      try {
        return template(view, { allowProtoPropertiesByDefault: false });
      } catch (error) {
        const name = `${doc}.${format}`;
        throw templateFailed(error, own.has(name) ? shownTemplate(shownDir, name) : shownDir, name, t);
      }
    },
  };
}
