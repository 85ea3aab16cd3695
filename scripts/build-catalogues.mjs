#!/usr/bin/env node
// Copies each language's catalogue (src/i18n/locales/*.json, which translators edit) into
// dist/i18n, with its typography applied (the locale table's rule: French non-breaking spaces), so that a run only
// parses the JSON of its own language.
import { mkdir, readFile, readdir, writeFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export async function buildCatalogues() {
  const out = path.join(root, 'dist/i18n');
  const sources = path.join(root, 'src/i18n/locales');
  await mkdir(out, { recursive: true });
  const entry = path.join(out, 'catalogues.tmp.mjs');
  await build({
    stdin: { contents: "export { locales } from './locales.ts';", resolveDir: path.join(root, 'src/i18n'), loader: 'ts' },
    bundle: true,
    format: 'esm',
    platform: 'node',
    outfile: entry,
    logLevel: 'warning',
  });
  const { locales } = await import(`${pathToFileURL(entry).href}?${Date.now()}`);
  for (const name of (await readdir(sources)).filter((file) => file.endsWith('.json'))) {
    const lang = name.replace(/\.json$/, '');
    const catalogue = JSON.parse(await readFile(path.join(sources, name), 'utf8'));
    const rule = locales[lang]?.typography;
    if (!locales[lang]) throw new Error(`src/i18n/locales/${name} has no row in the locale table (src/i18n/locales.ts)`);
    const typeset = rule ? Object.fromEntries(Object.entries(catalogue).map(([key, value]) => [key, rule(value)])) : catalogue;
    await writeFile(path.join(out, name), JSON.stringify(typeset));
  }
  await rm(entry);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildCatalogues();
