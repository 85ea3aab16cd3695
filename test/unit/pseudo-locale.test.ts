/**
 * Adding a language is one catalogue and one row of the locale table: a pseudo-language built
 * from the English catalogue (every message accented and in brackets) is registered with no
 * other change, and adopt runs in it.
 */
import { readFileSync } from 'node:fs';
import { adopt, examples, tempDir, copyExample } from '../helpers.js';
import { loadTranslator, localeOf, registerLocale, type Catalogue, type Lang } from '../../src/i18n/index.js';

const english = JSON.parse(readFileSync(new URL('../../src/i18n/locales/en.json', import.meta.url), 'utf8')) as Record<string, string>;
const accents: Record<string, string> = { a: 'á', e: 'é', i: 'ï', o: 'ö', u: 'ü', A: 'Å', E: 'É', O: 'Ö', c: 'ç', n: 'ñ' };

/** Accents the words outside braces, and brackets the whole: "[Wröté {file}]". */
function pseudo(text: string): string {
  let depth = 0;
  let out = '';
  for (const char of text) {
    if (char === '{') depth++;
    if (char === '}') depth--;
    out += depth === 0 ? (accents[char] ?? char) : char;
  }
  return `[${out}]`;
}

const catalogue = Object.fromEntries(Object.entries(english).map(([key, value]) => [key, key === 'date.months' ? value.split(',').map(pseudo).join(',') : pseudo(value)]));
// One row: French habits for numbers and plurals, so that what comes from the row shows.
registerLocale('xx', { ...localeOf('fr'), name: 'Pseudo', typography: undefined }, catalogue as Catalogue);

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(async () => cleanup());

// What a line holds besides words: ids, paths, dates, numbers, marks, the user's own answers.
const userText = (line: string, project: string) => line.split(' — ').every((part) => project.includes(part.trim())) || /^[\s\d·.:/()[\]✔✓◐○●\-—→x~*]*$/.test(line);

describe('a language that is one catalogue and one table row', () => {
  for (const example of ['jardins', 'warnings', 'foodBank'] as const) {
    test(`adopt status speaks it, every line, with its plurals (${example})`, async () => {
      const file = await copyExample(examples[example], dir);
      const { code, stdout, stderr } = await adopt(['status', '--lang', 'xx', '-f', file], { cwd: dir, env: { ADOPT_TODAY: '2026-11-27' } });
      expect(stderr).toBe('');
      expect(code).toBe(0);
      const project = readFileSync(file, 'utf8');
      const lines = stdout.split('\n').filter((line) => line.trim() !== '');
      expect(lines.length).toBeGreaterThan(5);
      for (const line of lines) expect([line, line.includes('[') || userText(line, project)]).toEqual([line, true]);
      // No English word that the pseudo catalogue accents is left as English wrote it.
      for (const line of lines.filter((line) => !userText(line, project))) expect(line).not.toMatch(/\b(Step|Next|step|the|and|answer)\b/);
    });
  }

  test('its plurals follow the row, and its errors are its own', async () => {
    const file = await copyExample(examples.warnings, dir);
    const json = await adopt(['status', '--json', '--lang', 'xx', '-f', file], { cwd: dir, env: { ADOPT_TODAY: '2026-11-27' } });
    const report = JSON.parse(json.stdout) as { warnings: { code: string; message: string }[] };
    expect(report.warnings.find((w) => w.code === 'poc-length')?.message).toMatch(/^\[Thé prööf .*\[3 days\].*\]$/);
    // The row's plural rules (French: 0 is singular), with the catalogue's words.
    const t = await loadTranslator('xx' as Lang);
    expect([0, 1, 2].map((n) => t('noun.problem', { n }))).toEqual(['[0 problem]', '[1 problem]', '[2 problems]']);
    const missing = await adopt(['status', '--lang', 'xx', '-f', 'nowhere.yaml'], { cwd: dir });
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/^\[.*nowhere\.yaml.*\]\n$/);
  });
});
