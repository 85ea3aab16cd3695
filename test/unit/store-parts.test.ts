/**
 * The fast way to write a large file, by top-level parts: it must give the same data as the
 * whole-document way, copy every untouched part byte for byte, and step aside (to the whole
 * document) whenever the file is unusual.
 */
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { parseProject, workingCopy, writeProjectData, writeProject, applyChanges } from '../../src/store.js';
import { topLevelParts, writeByParts } from '../../src/store/sections.js';
import { loadTranslator, type Translator } from '../../src/i18n/index.js';
import { examples, tempDir, withFile } from '../helpers.js';

let t: Translator;
beforeAll(async () => {
  t = await loadTranslator('en');
});

const format = { lineWidth: 0, indent: 2, indentSeq: true } as const;
type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function read(text: string) {
  const result = await parseProject(Buffer.from(text), 'adopt.yaml', t);
  if (!result.ok) throw new Error(result.problems[0]?.message);
  return result.source;
}

/** A review appended and the next date moved: what `adopt evaluate` does. */
function addReview(data: Data): void {
  data.evaluation ??= {};
  data.evaluation.reviews = [...(data.evaluation.reviews ?? []), { date: '2027-06-03', objectives: [{ id: 'O1', status: 'met' }], decision: 'continue' }];
  data.evaluation.due = '2027-09-03';
}

describe('writing by top-level parts', () => {
  test.each(Object.entries(examples))('%s: same data as the whole-document way, and every other part byte for byte', async (_name, file) => {
    for (const ending of ['\n', '\r\n']) {
      const text = (await readFile(file, 'utf8')).replace(/\n/g, ending);
      const source = await read(text);
      const working = workingCopy(source.data as Data);
      addReview(working.copy);
      const fast = await writeByParts(source, { before: source.data, after: working.copy, originOf: working.originOf }, format);
      // A file with no evaluation yet gets a new top-level key: that is the whole document's work.
      if (!('evaluation' in source.data)) {
        expect(fast).toBeUndefined();
        continue;
      }
      expect(fast).toBeDefined();
      expect(parse(fast!.text)).toEqual(parse(JSON.stringify(working.copy)));
      const before = topLevelParts(text.replace(/\r\n/g, '\n'))!;
      const after = topLevelParts(fast!.text)!;
      expect(after.head).toBe(before.head);
      for (const [index, part] of before.parts.entries()) if (part.key !== 'evaluation') expect(after.parts[index]).toEqual(part);
    }
  });

  test('the written file and the whole-document way agree on disk, CRLF kept', async () => {
    const { dir, cleanup } = await tempDir();
    try {
      const text = (await readFile(examples.foodBank, 'utf8')).replace(/\n/g, '\r\n');
      const results: string[] = [];
      for (const way of ['parts', 'document'] as const) {
        const file = await withFile(dir, `${way}.yaml`, text);
        const source = await parseProject(Buffer.from(text), `${way}.yaml`, t, file);
        if (!source.ok) throw new Error('fixture');
        const working = workingCopy(source.source.data as Data);
        addReview(working.copy);
        const written =
          way === 'parts'
            ? await writeProjectData(source.source, { before: source.source.data, after: working.copy, originOf: working.originOf }, t)
            : await writeProject(source.source, (doc) => applyChanges(doc, source.source.data, working.copy, working.originOf), t);
        const onDisk = await readFile(file, 'utf8');
        expect(onDisk.split('\r\n').join('').includes('\n')).toBe(false);
        expect(written.data).toEqual(parse(onDisk));
        results.push(onDisk);
      }
      expect(parse(results[0]!)).toEqual(parse(results[1]!));
    } finally {
      await cleanup();
    }
  });

  test('steps aside for what it cannot cut safely', async () => {
    const cases: [string, (data: Data) => void][] = [
      // anchors tie parts together
      ['version: 1\nx-a: &a { k: 1 }\nx-b: *a\nevaluation:\n  due: 2027-01-01\n', (d) => (d.evaluation.due = '2027-02-01')],
      // a top-level key is added
      ['version: 1\nlanguage: en\n', (d) => (d.evaluation = { due: '2027-02-01' })],
      // a top-level key is removed
      ['version: 1\nlanguage: en\nx-old: 1\n', (d) => delete d['x-old']],
      // a directive and a document marker
      ['%YAML 1.2\n---\nversion: 1\nevaluation:\n  due: 2027-01-01\n', (d) => (d.evaluation.due = '2027-02-01')],
    ];
    for (const [text, change] of cases) {
      const source = await read(text);
      const working = workingCopy(source.data as Data);
      change(working.copy);
      expect(await writeByParts(source, { before: source.data, after: working.copy, originOf: working.originOf }, format)).toBeUndefined();
    }
  });

  test('a key line inside a part is not taken for a top-level key: the part reads alone or the way steps aside', async () => {
    const text = 'version: 1\nproject:\n  summary: |\n    notes:\n    more\nevaluation:\n  due: 2027-01-01 # next time\n';
    const source = await read(text);
    const working = workingCopy(source.data as Data);
    working.copy.evaluation.due = '2027-02-01';
    const fast = await writeByParts(source, { before: source.data, after: working.copy, originOf: working.originOf }, format);
    expect(fast?.text).toBe(text.replace('2027-01-01', '2027-02-01'));
  });
});
