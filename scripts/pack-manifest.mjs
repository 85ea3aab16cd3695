#!/usr/bin/env node
// The package's manifest without `prepare`, for the time of `npm pack` or `npm publish`.
//
// `prepare` builds the checkout on the repository's own `npm install`. In a packed package it
// is worse than useless: the tarball already holds dist/, its installer has no esbuild, and npm
// warns at every install that the script is "not yet covered by allowScripts". So `prepack`
// removes it and `postpack` puts package.json back as it was, byte for byte.
//
// A pack can stop between the two (Ctrl-C, a failed build, a full disk): the original is kept
// beside package.json until it is restored, and `strip` restores it before it strips again, so
// a crash never loses `prepare` nor strips the original twice.
//
//   node scripts/pack-manifest.mjs strip     (prepack)
//   node scripts/pack-manifest.mjs restore   (postpack; also by hand after an interrupted pack)
import { readFile, rename, writeFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const manifest = (dir = root) => path.join(dir, 'package.json');
/** Hidden and outside `files`, so it is never packed; .gitignore keeps it out of commits. */
export const kept = (dir = root) => path.join(dir, '.package.json.before-pack');

const exists = (file) => readFile(file).then(() => true, () => false);

/** Written whole under another name, then renamed: a reader sees the old file or the new one. */
async function replace(file, data) {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    await writeFile(temporary, data, { flush: true });
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** The manifest as packed, in the original's indentation and line endings; undefined if there is no `prepare`. */
export function stripped(original) {
  const data = JSON.parse(original);
  if (!data.scripts?.prepare) return undefined;
  delete data.scripts.prepare;
  const indent = /^\{\r?\n([ \t]+)"/.exec(original)?.[1] ?? 2;
  const newline = original.includes('\r\n') ? '\r\n' : '\n';
  return JSON.stringify(data, null, indent).replace(/\n/g, newline) + newline;
}

export async function restore(dir = root) {
  if (!(await exists(kept(dir)))) return false;
  // Changed since it was stripped (a dependency added after an interrupted pack): putting the
  // original back would lose that change, so a person decides.
  if ((await readFile(manifest(dir), 'utf8')) !== stripped(await readFile(kept(dir), 'utf8'))) {
    throw new Error(`package.json changed after an interrupted pack: compare it with ${path.basename(kept(dir))}, keep what you need (with its "prepare" script), then delete ${path.basename(kept(dir))}.`);
  }
  await rename(kept(dir), manifest(dir));
  return true;
}

export async function strip(dir = root) {
  await restore(dir);
  const original = await readFile(manifest(dir), 'utf8');
  const text = stripped(original);
  if (text === undefined) return false;
  // The original is safe on disk before package.json changes.
  await replace(kept(dir), original);
  await replace(manifest(dir), text);
  return true;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const action = { strip, restore }[process.argv[2] ?? ''];
  if (!action) {
    console.error('usage: node scripts/pack-manifest.mjs strip|restore');
    process.exit(2);
  }
  try {
    await action(process.argv[3] ? path.resolve(process.argv[3]) : root);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
