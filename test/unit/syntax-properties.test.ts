/**
 * Whatever a hand edit does to a real project file, reading it gives data or one located
 * sentence: the reading of syntax mistakes is guesswork about people, and must never throw.
 */
import { readFile } from 'node:fs/promises';
import fc from 'fast-check';
import { parseProject } from '../../src/store.js';
import { loadTranslator, type Translator } from '../../src/i18n/index.js';
import { examples } from '../helpers.js';

let t: Translator;
let original: string;
beforeAll(async () => {
  t = await loadTranslator('fr');
  original = await readFile(examples.jardins, 'utf8');
});

/** What a slip of the keyboard does: a character typed, deleted, or a line ending changed. */
const typed = fc.constantFrom(' ', '  ', '\t', ':', ': ', '-', '- ', '"', "'", '#', '[', '{', '*', '@', '&', '!', '|', '\u00a0', 'x', '\n', '\r\n');
const slip = fc.record({ at: fc.nat(), insert: fc.option(typed), remove: fc.nat({ max: 3 }) });

describe('hand edits never crash the reading', () => {
  test('every slip gives data or one sentence on a line of the file', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(slip, { minLength: 1, maxLength: 3 }), fc.boolean(), async (slips, crlf) => {
        let text = original;
        for (const { at, insert, remove } of slips) {
          const offset = at % text.length;
          text = text.slice(0, offset) + (insert ?? '') + text.slice(offset + remove);
        }
        if (crlf) text = text.replace(/\r?\n/g, '\r\n');
        const result = await parseProject(Buffer.from(text), 'adopt.yaml', t);
        if (result.ok) return;
        const [problem] = result.problems;
        expect(problem!.message).not.toMatch(/\n|undefined|\{\w+\}/);
        if (problem!.line !== undefined) {
          expect(problem!.line).toBeGreaterThanOrEqual(1);
          expect(problem!.line).toBeLessThanOrEqual(text.split('\n').length);
        }
      }),
      { numRuns: 400 },
    );
  });
});
