import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Document } from 'yaml';
import { parseProject, writeProject, setIn, loadProject, newProjectText } from '../../src/store.js';
import { loadTranslator, type Translator } from '../../src/i18n/index.js';
import { FileSystemError } from '../../src/errors.js';
import { tempDir, withFile } from '../helpers.js';

let t: Translator;
beforeAll(async () => {
  t = await loadTranslator('en');
});
const parse = (text: string | Uint8Array) => parseProject(typeof text === 'string' ? Buffer.from(text) : text, 'adopt.yaml', t);
const problemOf = async (text: string | Uint8Array) => {
  const result = await parse(text);
  if (result.ok) throw new Error('expected a problem');
  return result.problems[0]!;
};

describe('reading: every bad input is one located sentence', () => {
  test('a valid file reads into data and a document', async () => {
    const result = await parse('version: 1\nlanguage: fr\nproject:\n  title: Adhésions\n');
    expect(result.ok && result.source.data).toEqual({ version: 1, language: 'fr', project: { title: 'Adhésions' } });
  });

  test('the syntax mistakes people make by hand, said plainly, one line each', async () => {
    expect(await problemOf('version: 1\nlead:\n\tname: Camille\n')).toMatchObject({ line: 3, message: 'A tab is used for indentation here: indent with spaces, two per level.' });
    expect(await problemOf('version: 1\nproject:\n  summary: Objectif : remplacer les tableurs\n')).toMatchObject({
      line: 3,
      message: 'This text contains ": ", which YAML reads as the start of a new key. Put the whole text in double quotes: summary: "Objectif : remplacer les tableurs"',
    });
    expect((await problemOf('version: 1\nproject:\n  title Adhésions\n  organisation: X\n')).message).toBe('This line looks like a key without its colon: write it as title: Adhésions');
    expect((await problemOf('version: 1\nproject: { title: A\n')).message).toBe('A list in [ ] or a group in { } is opened and never closed.');
    expect((await problemOf('version: 1\nlead:\n  name: a\n role: b\n')).message).toMatch(/starts at column 2, but the key "name" above it starts at column 3/);
    // a conflict whose first marker was already deleted is still a conflict
    expect((await problemOf('version: 1\nlanguage: en\n=======\nlanguage: fr\n>>>>>>> theirs\n')).message).toMatch(/unresolved git merge/);
  });

  test('a blank key is an unanswered question, not a wrong value', async () => {
    const result = await parse('version: 1\nlead:\n  name: Camille\n  support:\n');
    expect(result.ok && result.source.data).toEqual({ version: 1, lead: { name: 'Camille' } });
  });

  test('YAML syntax error, with its line and column', async () => {
    expect(await problemOf('version: 1\nproject:\n  title: "unclosed\n')).toMatchObject({ line: 3, col: 10, message: 'A quotation mark opens here and is never closed: close it at the end of the text, as in title: "unclosed"' });
    expect(await problemOf('version: 1\nproject: ]\n')).toMatchObject({ line: 2, message: expect.stringMatching(/^This is not valid YAML: /) });
    // The over-indented key is the line to change, not the text above it that yaml stopped at.
    expect(await problemOf('version: 1\nlead:\n  name: a\n    role: b\n')).toMatchObject({ line: 4, col: 5 });
  });

  test('git conflict markers say so plainly', async () => {
    const text = 'version: 1\nproject:\n<<<<<<< HEAD\n  title: Ours\n=======\n  title: Theirs\n>>>>>>> feature\n';
    expect(await problemOf(text)).toMatchObject({ line: 3, col: 1, message: expect.stringContaining('unresolved git merge') });
  });

  test('an empty file, or one with only comments or spaces', async () => {
    expect((await problemOf('')).message).toMatch(/empty/);
    expect((await problemOf('  \n\n')).message).toMatch(/empty/);
    expect((await problemOf('# just a comment\n')).message).toMatch(/empty/);
  });

  test('a binary file and a file that is not UTF-8', async () => {
    expect((await problemOf(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]))).message).toMatch(/not a text file/);
    expect(await problemOf(Buffer.concat([Buffer.from('version: 1\nproject:\n  title: caf'), Buffer.from([0xe9]), Buffer.from('\n')]))).toMatchObject({ line: 3, message: expect.stringMatching(/not UTF-8/) });
  });

  test('duplicate keys name the key', async () => {
    expect(await problemOf('version: 1\nproject:\n  title: A\n  title: B\n')).toMatchObject({ line: 4, message: expect.stringContaining('"title" appears twice') });
  });

  test('an alias bomb is refused quickly, without expanding it', async () => {
    const bomb = ['version: 1', 'a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 12; i++) bomb.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    const started = process.hrtime.bigint();
    expect((await problemOf(bomb.join('\n'))).message).toMatch(/too many YAML aliases/);
    expect(Number(process.hrtime.bigint() - started) / 1e9).toBeLessThan(5); // a bound on runaway work, not a speed test
  });

  test('__proto__ and constructor keys do not pollute prototypes', async () => {
    const result = await parse('version: 1\n__proto__:\n  polluted: true\nconstructor:\n  prototype:\n    polluted: true\n');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
    expect(result.ok && Object.keys(result.source.data)).toEqual(['version', '__proto__', 'constructor']);
  });

  test('versions: missing, newer than this release, not a number', async () => {
    expect((await problemOf('project:\n  title: A\n')).message).toMatch(/no version/);
    expect(await problemOf('version: 2\n')).toMatchObject({ line: 1, message: expect.stringMatching(/version 2, but this adopt only knows version 1/) });
    expect((await problemOf('version: "one"\n')).message).toMatch(/whole number/);
  });

  test('a list or a scalar at the top is not a project', async () => {
    expect((await problemOf('- a\n- b\n')).message).toMatch(/must start with keys/);
    expect((await problemOf('hello\n')).message).toMatch(/must start with keys/);
  });

  test('a missing file and a directory are refusals of the disk (FileSystemError), not usage errors', async () => {
    const { dir, cleanup } = await tempDir();
    try {
      await expect(loadProject(path.join(dir, 'nope.yaml'), t)).rejects.toThrow(FileSystemError);
      await expect(loadProject(path.join(dir, 'nope.yaml'), t)).rejects.toThrow(/no project file at .*nope\.yaml.*adopt init/);
      await expect(loadProject(dir, t)).rejects.toThrow(FileSystemError);
      await expect(loadProject(dir, t)).rejects.toThrow(/is a folder/);
    } finally {
      await cleanup();
    }
  });
});

describe('writing: comments, order, unknown keys and untouched bytes survive', () => {
  const original = [
    '# yaml-language-server: $schema=https://example.org/s.json',
    '# Our project, edited by hand too.',
    'version: 1',
    'language: fr',
    'project:',
    '  title:   Gestion des adhésions    # spaces kept',
    '  x-internal: keep me',
    'lead:',
    '  name: Camille',
    '  skills: {projectManagement: strong,facilitation: some}',
    'keyUsers:',
    '- id: karim',
    '  name: Karim',
    "  use: 'a very long line that yaml would like to fold if it were allowed to fold lines at eighty characters or so'",
    '',
    '',
    '# the end',
    '',
  ].join('\n');

  async function write(text: string, change: (doc: Document) => void) {
    const { dir, cleanup } = await tempDir();
    const file = await withFile(dir, 'adopt.yaml', text);
    const loaded = await loadProject(file, t);
    if (!loaded.ok) throw new Error('fixture does not parse');
    await writeProject(loaded.source, (doc) => change(doc), t);
    const written = await readFile(file, 'utf8');
    const left = await readdir(dir);
    await cleanup();
    return { written, left };
  }

  test('a change touches only its own lines', async () => {
    const { written, left } = await write(original, (doc) => setIn(doc, ['lead', 'name'], 'Camille Martin'));
    expect(written).toBe(original.replace('  name: Camille\n', '  name: Camille Martin\n'));
    expect(left).toEqual(['adopt.yaml']);
  });

  test('a new key goes where the format puts it, between existing keys', async () => {
    const { written } = await write(original, (doc) => {
      setIn(doc, ['lead', 'role'], 'Coordinatrice');
      setIn(doc, ['project', 'organisation'], 'Les Jardins');
      setIn(doc, ['needs', 'budget', 'funding'], 'Subvention');
    });
    const lines = written.split('\n');
    expect(lines.indexOf('  role: Coordinatrice')).toBe(lines.indexOf('  name: Camille') + 1);
    expect(lines.indexOf('  organisation: Les Jardins')).toBe(lines.indexOf('  title:   Gestion des adhésions    # spaces kept') + 1);
    expect(written).toContain('needs:\n  budget:\n    funding: Subvention\n');
    expect(written.indexOf('needs:')).toBeGreaterThan(written.indexOf('keyUsers:'));
    // everything else is as it was
    for (const line of original.split('\n')) expect(lines).toContain(line);
  });

  test('a whole new item or group answered out of order is written in the format\'s order', async () => {
    // "Inès Roy (trésorière)": the role is read before the name is set.
    const { written } = await write(original, (doc) => {
      setIn(doc, ['keyUsers', 9], { id: 'ines-roy', role: 'trésorière', name: 'Inès Roy', notInTheFormat: 1, profile: 'daily' });
      setIn(doc, ['deployment'], { phases: [{ end: '2027-02-01', name: 'Bureau', start: '2027-01-04' }], launch: { date: '2027-01-04', format: 'Réunion' } });
    });
    expect(written).toContain('- id: ines-roy\n  name: Inès Roy\n  role: trésorière\n  profile: daily\n  notInTheFormat: 1\n');
    expect(written).toContain('deployment:\n  launch:\n    format: Réunion\n    date: 2027-01-04\n  phases:\n  - name: Bureau\n    start: 2027-01-04\n    end: 2027-02-01\n');
  });

  test('appending to a list keeps the existing items and the trailing comment', async () => {
    const { written } = await write(original, (doc) => {
      const list = doc.get('keyUsers', true) as { add(v: unknown): void };
      list.add(doc.createNode({ id: 'lea', name: 'Léa' }));
    });
    expect(written).toContain("  use: 'a very long line that yaml would like to fold if it were allowed to fold lines at eighty characters or so'");
    expect(written).toContain('- id: karim\n  name: Karim\n');
    expect(written).toContain('- id: lea\n  name: Léa\n');
    expect(written).toContain('# the end');
    expect(written).toContain('# Our project, edited by hand too.');
    expect(written.startsWith('# yaml-language-server:')).toBe(true);
  });

  test('Windows line endings and a byte-order mark are kept', async () => {
    const crlf = '\uFEFFversion: 1\r\nproject:\r\n  title: A\r\n';
    const { written } = await write(crlf, (doc) => setIn(doc, ['project', 'title'], 'B'));
    expect(written).toBe('\uFEFFversion: 1\r\nproject:\r\n  title: B\r\n');
  });

  test('a file changed by someone else meanwhile keeps their answer; the one changed both ways is set aside', async () => {
    const { dir, cleanup } = await tempDir();
    try {
      const file = await withFile(dir, 'adopt.yaml', 'version: 1\n');
      const loaded = await loadProject(file, t);
      if (!loaded.ok) throw new Error('fixture');
      await writeFile(file, 'version: 1\nlanguage: en\n');
      const written = await writeProject(loaded.source, (doc) => setIn(doc, ['language'], 'fr'), t);
      expect(await readFile(file, 'utf8')).toBe('version: 1\nlanguage: en\n');
      expect(written.kept?.paths).toEqual(['language']);
      expect((await readdir(dir)).sort()).toEqual(['adopt.yaml', path.basename(written.kept!.file)]);
      expect(await readFile(written.kept!.file, 'utf8')).toBe('version: 1\nlanguage: fr\n');
    } finally {
      await cleanup();
    }
  });

  test('a new project file starts with the modeline to the schema beside it, when it is there', async () => {
    const text = newProjectText('fr', true);
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=./adopt.schema.json');
    expect((await parse(text)).ok).toBe(true);
    // A modeline to a missing file would make editors report an error on a brand-new file.
    expect(newProjectText('en', false)).toBe('version: 1\nlanguage: en\n');
  });
});

describe('the fast reader and the yaml Document agree', () => {
  const samples = [
    'version: 1\nlanguage: fr\nproject: { title: "Adhésions : 2027", organisation: \'L\'\'AMAP\' }\n',
    'version: 1\nneeds:\n  budget:\n    items:\n      - { item: Licence, amount: 1e3, kind: recurring, period: month }\n      - item: Setup\n        amount: 0.5\n        kind: one-off\n',
    'version: 1\nneeds:\n  schedule:\n    milestones:\n      - id: M1\n        date: 2027-02-15\n        done: false\n      - id: M2\n        date: "2027-03-01"\n        done: TRUE\n',
    'version: 1\nproject:\n  summary: >\n    Folded text\n    over lines\n  title: |\n    Literal\n    text\n',
    'version: 1\npractices:\n  specifics: ~\n  decisions: []\n  x-note: 0o14\n',
    'version: 1\nkeyUsers:\n- id: a\n  name: "Émile \\u00e9"\n- id: b\n  name: plain # comment\n',
  ];

  test.each(samples.map((s, i) => [i, s]))('sample %i', async (_i, text) => {
    const result = await parse(text as string);
    if (!result.ok) throw new Error(result.problems[0]!.message);
    const { doc } = await result.source.located();
    // a blank key is "not answered": both readers agree once blanks are set aside
    const withoutBlanks = JSON.parse(JSON.stringify(doc.toJS(), (_k, v: unknown) => (v === null ? undefined : v)));
    expect(result.source.data).toEqual(withoutBlanks);
  });

  test('the examples', async () => {
    const { examples } = await import('../helpers.js');
    for (const file of Object.values(examples)) {
      const result = await parse(await readFile(file));
      if (!result.ok) throw new Error(result.problems[0]!.message);
      expect(result.source.data).toEqual((await result.source.located()).doc.toJS());
    }
  });

  test('anchors and aliases go through yaml, and its alias limit', async () => {
    const result = await parse('version: 1\nx-base: &base { role: Bénévole }\nkeyUsers:\n  - { id: a, <<: *base }\n');
    expect(result.ok && result.source.data).toMatchObject({ keyUsers: [{ id: 'a', '<<': { role: 'Bénévole' } }] });
  });
});
