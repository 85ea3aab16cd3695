#!/usr/bin/env node
// Writes each language's catalogue as JSON (French with its typography already applied), from the
// TypeScript catalogues, which stay the source the compiler checks. At run time, JSON.parse of
// this text costs a fraction of what evaluating the same object literals in a module does.
import { mkdir, writeFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export async function buildCatalogues() {
  const out = path.join(root, 'dist/i18n');
  await mkdir(out, { recursive: true });
  const entry = path.join(out, 'catalogues.tmp.mjs');
  await build({
    stdin: {
      contents: "export { en } from './en.ts'; export { fr } from './fr.ts'; export { frenchTypography } from './index.ts';",
      resolveDir: path.join(root, 'src/i18n'),
      loader: 'ts',
    },
    bundle: true,
    format: 'esm',
    platform: 'node',
    outfile: entry,
    logLevel: 'warning',
  });
  const { en, fr, frenchTypography } = await import(`${pathToFileURL(entry).href}?${Date.now()}`);
  const typeset = Object.fromEntries(Object.entries(fr).map(([key, value]) => [key, frenchTypography(value)]));
  await writeFile(path.join(out, 'en.json'), JSON.stringify(en));
  await writeFile(path.join(out, 'fr.json'), JSON.stringify(typeset));
  await rm(entry);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildCatalogues();
