/**
 * Properties of the merges that every write goes through, over random projects and answers:
 * keys that name prototypes, comments, flow collections and every line ending included.
 */
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { lineDiff } from '../../src/util/line-diff.js';
import { mergeAnswers } from '../../src/wizard/from-file.js';
import { rebase } from '../../src/store/rebase.js';
import { parseProject, writeProject, setIn, workingCopy, applyChanges } from '../../src/store.js';
import { loadTranslator, type Translator } from '../../src/i18n/index.js';
import { tempDir, withFile } from '../helpers.js';

let t: Translator;
beforeAll(async () => {
  t = await loadTranslator('en');
});

const dangerous = ['__proto__', 'constructor', 'prototype', 'toString', 'flow', 'commentBefore', 'tag'];
const key = fc.oneof(fc.constantFrom(...dangerous), fc.constantFrom('a', 'b', 'c', 'title', 'x-note'));
const scalar = fc.oneof(fc.string({ maxLength: 12 }), fc.integer({ min: -5, max: 5000 }), fc.boolean());
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, tie('record'), tie('list')),
  record: fc.dictionary(key, tie('node'), { maxKeys: 4 }),
  list: fc.array(tie('node'), { maxLength: 3 }),
})).node;
const record = fc.dictionary(key, value, { maxKeys: 5 });

/** Own keys only, so that a key named __proto__ is seen as the data it is. */
function ownJson(input: unknown): unknown {
  if (Array.isArray(input)) return input.map(ownJson);
  if (input && typeof input === 'object') return Object.fromEntries(Object.keys(input).map((k) => [k, ownJson((input as Record<string, unknown>)[k])]));
  return input;
}

const prototypesUntouched = () => {
  for (const proto of [Object.prototype, Array.prototype]) for (const name of dangerous.slice(3)) expect(Object.prototype.hasOwnProperty.call(proto, name) && name !== 'toString' && name !== 'constructor').toBe(false);
  expect(({} as Record<string, unknown>).flow).toBeUndefined();
  expect(Object.getPrototypeOf({})).toBe(Object.prototype);
};

describe('the line diff', () => {
  test('its parts rebuild both sides, in order', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'x: 1', '  - y', ''), { maxLength: 40 }), fc.array(fc.constantFrom('a', 'b', 'c', 'e', 'x: 1', '  - z', ''), { maxLength: 40 }), async (a, b) => {
        const parts = await lineDiff(a, b);
        expect(parts.filter((p) => !p.added).flatMap((p) => p.value)).toEqual(a);
        expect(parts.filter((p) => !p.removed).flatMap((p) => p.value)).toEqual(b);
      }),
      { numRuns: 300 },
    );
  });
});

describe('the answer merge and the rebase reach no prototype', () => {
  test('mergeAnswers: every answer lands as an own key; no prototype changes', () => {
    fc.assert(
      fc.property(record, record, (project, answers) => {
        const target = JSON.parse(JSON.stringify(project)) as Record<string, unknown>;
        const given = parse(stringify(answers)) as Record<string, unknown>;
        mergeAnswers(target, given);
        prototypesUntouched();
        for (const k of Object.keys(given)) {
          if (k === 'version') continue;
          expect(Object.prototype.hasOwnProperty.call(target, k)).toBe(true);
          const answer = given[k];
          // a scalar answer replaces; a group or a list is merged into what is there
          if (answer === null || typeof answer !== 'object') expect(target[k]).toEqual(answer);
        }
      }),
      { numRuns: 300 },
    );
  });

  test('rebase: the user\'s change is applied on top of an unrelated change, with no conflict', () => {
    fc.assert(
      fc.property(record, record, record, (base, mine, theirs) => {
        // ours changes keys under "mine", theirs under "theirs": disjoint by construction
        const b = { version: 1, mine: base, theirs: base };
        const o = { ...b, mine };
        const th = { ...b, theirs };
        const working = workingCopy(JSON.parse(JSON.stringify(th)) as unknown);
        const { merged, conflicts } = rebase(JSON.parse(JSON.stringify(b)), JSON.parse(JSON.stringify(o)), working.copy);
        prototypesUntouched();
        expect(conflicts).toEqual([]);
        expect(ownJson(merged)).toEqual(ownJson({ version: 1, mine, theirs }));
      }),
      { numRuns: 300 },
    );
  });
});

describe('a write keeps the data exact, and the user\'s lines unless it says it reprinted', () => {
  const endings = fc.constantFrom('\n', '\r\n', '\r', 'mixed');
  test('random projects, comments, flow style and line endings', async () => {
    const { dir, cleanup } = await tempDir();
    try {
      await fc.assert(
        fc.asyncProperty(record, record, fc.boolean(), endings, fc.constantFrom('title', 'a', '__proto__', 'x-note'), scalar, async (data, extra, flow, ending, changed, newValue) => {
          const project = { version: 1, ...data, 'x-team': extra };
          let text = `# our project\n${stringify(project, { lineWidth: 0, collectionStyle: flow ? 'flow' : 'any' })}# the end\n`;
          text = text.replace(/^(\S[^\n]*)$/gm, (line, _l, offset: number) => (offset % 3 === 0 && !line.startsWith('#') && !line.endsWith(':') && !line.endsWith('|-') && !line.endsWith('|') && !line.endsWith('>') ? `${line} # note` : line));
          if (!(await parseProject(Buffer.from(text), 'p.yaml', t)).ok) return; // a generated shape yaml cannot read back
          const lines = text.split('\n');
          const withEndings = ending === 'mixed' ? lines.map((line, i) => line + (i === lines.length - 1 ? '' : i % 2 ? '\r\n' : '\n')).join('') : lines.join(ending);
          const file = await withFile(dir, 'p.yaml', withEndings);
          const read = await parseProject(Buffer.from(withEndings), 'p.yaml', t, file);
          if (!read.ok) throw new Error(`does not read: ${read.problems[0]?.message}`);
          const expected = JSON.parse(JSON.stringify(ownJson(read.source.data))) as Record<string, unknown>;
          Object.defineProperty(expected, changed, { value: newValue, enumerable: true, writable: true, configurable: true });
          const written = await writeProject(read.source, (doc) => setIn(doc, [changed], newValue), t);
          prototypesUntouched();
          const again = await parseProject(Buffer.from(await (await import('node:fs/promises')).readFile(file)), 'p.yaml', t, file);
          if (!again.ok) throw new Error('the written file does not read');
          expect(ownJson(again.source.data)).toEqual(expected);
          if (!written.reprinted) {
            // the comments the user wrote are all still there
            const out = written.original;
            for (const comment of withEndings.match(/# [a-z ]+/g) ?? []) expect(out).toContain(comment);
            // and a file with one kind of line ending keeps it on every line
            if (ending !== 'mixed') expect(out.split(ending).join('').includes('\r') || out.split(ending).join('').includes('\n')).toBe(false);
          }
        }),
        { numRuns: 120 },
      );
    } finally {
      await cleanup();
    }
  });

  test('applyChanges never reprints a project because of a key named like a yaml option', async () => {
    const text = 'version: 1\nlanguage: en\n# notes\nx-meta:\n  owner: Sam\n';
    const read = await parseProject(Buffer.from(text), 'p.yaml', t);
    if (!read.ok) throw new Error('fixture');
    const { doc } = await read.source.located();
    const working = workingCopy(read.source.data);
    const answers = parse('x-meta:\n  __proto__:\n    flow: true\n') as Record<string, unknown>;
    mergeAnswers(working.copy, answers);
    applyChanges(doc, read.source.data, working.copy, working.originOf);
    expect(doc.toString()).not.toContain('{');
  });
});
