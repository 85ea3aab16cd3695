/**
 * The folders point one way (docs/architecture.md): data flows file → store → checks and
 * derivations → views and templates, answers flow prompter → wizard → store. Every import of
 * src/ (type-only and dynamic ones included) goes to the same layer or a lower one, and no
 * module reaches itself again through its imports. No source file is over 400 lines.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { root } from '../helpers.js';

/** Lowest first. A file belongs to the first layer with a pattern that matches its path. */
export const layers: readonly { name: string; patterns: readonly RegExp[] }[] = [
  { name: 'util', patterns: [/^src\/util\//, /^src\/(errors|io|terminal|package-root|problems)\.ts$/] },
  { name: 'generated', patterns: [/^src\/generated\//] },
  { name: 'i18n', patterns: [/^src\/i18n\//, /^src\/context\.ts$/] },
  { name: 'store', patterns: [/^src\/store\.ts$/, /^src\/store\//] },
  { name: 'derive', patterns: [/^src\/derive\//] },
  { name: 'steps', patterns: [/^src\/steps\//] },
  { name: 'check', patterns: [/^src\/check\.ts$/, /^src\/project\.ts$/] },
  { name: 'progress', patterns: [/^src\/progress\//] },
  { name: 'view', patterns: [/^src\/view\//] },
  { name: 'render', patterns: [/^src\/render\//, /^src\/write-documents\.ts$/] },
  { name: 'wizard', patterns: [/^src\/wizard\//] },
  { name: 'commands', patterns: [/^src\/commands\//] },
  { name: 'cli', patterns: [/^src\/cli\.ts$/] },
  { name: 'main', patterns: [/^src\/main\.ts$/] },
];

export type Graph = ReadonlyMap<string, readonly string[]>;

export function layerOf(file: string): number {
  const index = layers.findIndex((layer) => layer.patterns.some((pattern) => pattern.test(file)));
  if (index < 0) throw new Error(`${file} belongs to no layer: add it to docs/architecture.md and to this test`);
  return index;
}

// Static imports and re-exports (`import type` too: a type is a dependency of the design), side-effect
// imports, and dynamic imports, both called and in a type position.
const IMPORT = /\b(?:import|export)\s+(?:type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

/** The relative modules a source file imports, as paths from the repository root. */
export function importsOf(file: string, text: string, exists: (candidate: string) => boolean): string[] {
  const out: string[] = [];
  // Comments may quote an import; they are not one.
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  for (const match of code.matchAll(IMPORT)) {
    const specifier = match[1] ?? match[2]!;
    // A data file (a catalogue's JSON) imports nothing: it cannot point a layer the wrong way.
    if (!specifier.startsWith('.') || specifier.endsWith('.json')) continue;
    const base = path.posix.join(path.posix.dirname(file), specifier).replace(/\.js$/, '');
    const target = [`${base}.ts`, `${base}.d.ts`, `${base}/index.ts`].find(exists);
    if (!target) throw new Error(`${file} imports ${specifier}, which is no source file`);
    out.push(target);
  }
  return out;
}

/** Imports that go to a higher layer, said as `from → to (layer → layer)`. */
export function backwardImports(graph: Graph): string[] {
  const out: string[] = [];
  for (const [from, targets] of graph) {
    for (const to of targets) {
      if (layerOf(to) > layerOf(from)) out.push(`${from} → ${to} (${layers[layerOf(from)]!.name} imports ${layers[layerOf(to)]!.name})`);
    }
  }
  return out;
}

/** Each cycle once, as the chain of imports that closes it: `a → b → a`. */
export function cycles(graph: Graph): string[] {
  const out: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string) => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') out.push([...stack.slice(stack.indexOf(next)), next].join(' → '));
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of [...graph.keys()].sort()) if (!state.has(node)) visit(node);
  return out;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return sourceFiles(relative);
    return entry.name.endsWith('.ts') ? [relative] : [];
  });
}

describe('the architecture', () => {
  const files = sourceFiles('src');
  const known = new Set(files);
  const graph: Graph = new Map(files.map((file) => [file, importsOf(file, readFileSync(path.join(root, file), 'utf8'), (candidate) => known.has(candidate))]));

  test('every source file has a layer', () => {
    expect(files.filter((file) => !layers.some((layer) => layer.patterns.some((p) => p.test(file))))).toEqual([]);
  });

  test('no import goes up a layer', () => {
    expect(backwardImports(graph)).toEqual([]);
  });

  test('no module imports itself back', () => {
    expect(cycles(graph)).toEqual([]);
  });

  test('no source file is over 400 lines (generated files excepted)', () => {
    const long = files
      .filter((file) => !file.startsWith('src/generated/'))
      .map((file) => ({ file, lines: readFileSync(path.join(root, file), 'utf8').split('\n').length - 1 }))
      .filter(({ lines }) => lines > 400)
      .map(({ file, lines }) => `${file}: ${lines} lines`);
    expect(long).toEqual([]);
  });

  test('the layer order is the one the documentation gives', () => {
    const doc = readFileSync(path.join(root, 'docs/architecture.md'), 'utf8');
    const order = /^Layers, lowest first: (.+)\.$/m.exec(doc)?.[1];
    expect(order).toBe(layers.map((layer) => `\`${layer.name}\``).join(' < '));
  });
});

describe('the architecture test itself', () => {
  test('it finds every kind of import, and only real ones', () => {
    const text = [
      "import { a } from './a.js';",
      "import type { B } from '../store.js';",
      "export { c } from './c.js';",
      "export * from './d.js';",
      "import './e.js';",
      "const f = await import('./f.js');",
      "type G = typeof import('./g.js');",
      "import {\n  h,\n  type H,\n} from './h.js';",
      "import path from 'node:path';",
      "// import { no } from './commented.js';",
      '/* import { no } from "./block.js"; */',
      "const url = 'https://example.org/x'; // import('./trailing.js')",
    ].join('\n');
    const found = importsOf('src/wizard/x.ts', text, () => true);
    expect(found).toEqual(['src/wizard/a.ts', 'src/store.ts', 'src/wizard/c.ts', 'src/wizard/d.ts', 'src/wizard/e.ts', 'src/wizard/f.ts', 'src/wizard/g.ts', 'src/wizard/h.ts']);
  });

  test('it resolves .d.ts and index files, and refuses an import of nothing', () => {
    const exists = (candidate: string) => ['src/generated/validate.d.ts', 'src/store/index.ts'].includes(candidate);
    expect(importsOf('src/check.ts', "import { validate } from './generated/validate.js';\nimport { x } from './store/index.js';", exists)).toEqual(['src/generated/validate.d.ts', 'src/store/index.ts']);
    expect(() => importsOf('src/check.ts', "import { x } from './nowhere.js';", exists)).toThrow('src/check.ts imports ./nowhere.js');
  });

  test('it names a backward import, type-only or not', () => {
    const graph: Graph = new Map([
      ['src/view/status.ts', ['src/commands/status.ts', 'src/util/dates.ts']],
      ['src/commands/status.ts', ['src/view/status.ts']],
      ['src/util/dates.ts', []],
    ]);
    expect(backwardImports(graph)).toEqual(['src/view/status.ts → src/commands/status.ts (view imports commands)']);
  });

  test('it names a cycle, even within one layer', () => {
    const graph: Graph = new Map([
      ['src/store.ts', ['src/store/write.ts']],
      ['src/store/write.ts', ['src/store/merge.ts']],
      ['src/store/merge.ts', ['src/store/write.ts']],
      ['src/util/a.ts', []],
    ]);
    expect(cycles(graph)).toEqual(['src/store/write.ts → src/store/merge.ts → src/store/write.ts']);
  });

  test('a file outside every layer is refused, not ignored', () => {
    expect(() => layerOf('src/elsewhere.ts')).toThrow('src/elsewhere.ts belongs to no layer');
  });
});
