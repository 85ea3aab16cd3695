#!/usr/bin/env node
// Builds the command: the schema's validator, then one ESM bundle split into chunks, so that a
// command loads a few files instead of a hundred small modules (which is most of Node's
// start-up cost here) and still loads only what it uses (each command is its own chunk).
import { rm, writeFile, readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

// From a fresh clone, `npm pack` (which builds) would otherwise end on a raw ERR_MODULE_NOT_FOUND.
try {
  await import('esbuild');
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND') throw error;
  console.error('Building adopt needs its development dependencies: run `npm ci` in this folder first, then try again.');
  process.exit(1);
}
const { build } = await import('esbuild');
const { buildValidator } = await import('./build-schema.mjs');
const { buildTemplates } = await import('./build-templates.mjs');
const { buildCatalogues } = await import('./build-catalogues.mjs');

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
await buildValidator();
await buildTemplates();
await rm(path.join(root, 'dist'), { recursive: true, force: true });
await build({
  // The portfolio's worker threads start from their own entry; both share the chunks.
  entryPoints: { main: path.join(root, 'src/main.ts'), 'portfolio-worker': path.join(root, 'src/commands/portfolio-worker.ts') },
  outdir: path.join(root, 'dist'),
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // CommonJS dependencies bundled into ESM still call require() for Node's own modules.
  banner: { js: "import { createRequire as __adoptRequire } from 'node:module'; const require = __adoptRequire(import.meta.url);" },
  chunkNames: 'chunks/[name]-[hash]',
  // Less to parse at every start. (No keepNames: it wraps every function the templates create
  // in a loop, which costs more than a readable name is worth; ADOPT_BUILD_READABLE=1 for that.)
  minify: process.env.ADOPT_BUILD_READABLE !== "1",
  legalComments: 'none',
  logLevel: 'warning',
});

await buildCatalogues();

// `adopt --help` and `adopt --version` are the first commands people type: their text is
// printed ahead of time in each language so that they start without loading the command
// parser. A test checks that this text is exactly what the parser prints. (A file URL, not a
// path: a dynamic import reads C:\… as a URL scheme, and a '#' or '%' in any path as URL syntax.)
const { run } = await import(pathToFileURL(path.join(root, 'dist/main.js')).href);
const { version } = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8'));
const prepared = { version };
for (const lang of (await readdir(path.join(root, 'src/i18n/locales'))).map((file) => file.replace(/\.json$/, ''))) {
  let out = '';
  const io = { stdout: { write: (text) => (out += text) }, stderr: { write: () => true }, stdin: process.stdin, env: {}, cwd: root };
  await run(['--help', '--lang', lang], io);
  prepared[lang] = out;
}
await writeFile(path.join(root, 'dist/prepared.json'), JSON.stringify(prepared));
