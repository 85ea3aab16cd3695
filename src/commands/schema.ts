/**
 * `adopt schema [--write]`: the JSON Schema of the file, printed, or saved beside the project
 * with the project's modeline pointed at it, so that editors complete and check the file
 * offline. (Saving through adopt rather than `>` also spares Windows PowerShell 5.1 users a
 * UTF-16 file.)
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Document } from 'yaml';
import type { Io } from '../io.js';
import type { Translator } from '../i18n/index.js';
import { packageRoot } from '../package-root.js';
import { FileProblemsError } from '../errors.js';
import { formatProblem } from '../problems.js';
import { loadProject, loadYaml, writeProject, writeNotes, MODELINE, SCHEMA_FILE } from '../store.js';
import { writeOutputs } from '../write-documents.js';
import { shownPath } from '../util/shown-path.js';

export const schemaFile = () => path.join(packageRoot(), 'schema/adopt.schema.json');

/** Prints the JSON Schema exactly as shipped: the one source of the format. */
export async function printSchema(io: Io): Promise<void> {
  io.stdout.write(await readFile(schemaFile(), 'utf8'));
}

export interface WriteSchemaOptions {
  file: string;
  shownFile: string;
  t: Translator;
  io: Io;
}

/** A comment line that names a schema for yaml-language-server, as `yaml` holds it (without `#`). */
const modelineComment = /^[ \t]*yaml-language-server:[ \t]*\$schema=.*$/m;
const ours = MODELINE.slice(1);

interface Commented {
  commentBefore?: string | null;
  comment?: string | null;
}

/**
 * Points the document's modeline at the schema beside it: an existing one is replaced where it
 * stands (another schema's URL, or the old unpkg one); otherwise one is added as the first line.
 * Returns whether anything changed.
 */
export function pointModeline(doc: Document, visit: typeof import('yaml').visit): boolean {
  const holders: Commented[] = [doc];
  visit(doc, (_key, node) => {
    if (node && typeof node === 'object' && ('commentBefore' in node || 'comment' in node)) holders.push(node as Commented);
  });
  let found = false;
  let changed = false;
  for (const holder of holders) {
    for (const field of ['commentBefore', 'comment'] as const) {
      const text = holder[field];
      if (typeof text !== 'string' || !modelineComment.test(text)) continue;
      found = true;
      const pointed = text.replace(new RegExp(modelineComment.source, 'gm'), ours);
      if (pointed !== text) {
        holder[field] = pointed;
        changed = true;
      }
    }
  }
  if (found) return changed;
  // The first comment or key of the file, so that the modeline is its first line.
  const contents = doc.contents as (Commented & { items?: { key?: unknown }[] }) | null;
  const firstKey = contents?.items?.[0]?.key;
  const top: Commented =
    doc.commentBefore != null ? doc : contents?.commentBefore != null ? contents : firstKey && typeof firstKey === 'object' ? (firstKey as Commented) : doc;
  top.commentBefore = top.commentBefore ? `${ours}\n${top.commentBefore}` : ours;
  return true;
}

/**
 * Saves the schema beside the project file, atomically and never through a link nor over the
 * project, then points the project's modeline at it through the store, so that every other
 * byte of the file stays as it was. Without a project file yet, only the schema is written:
 * `adopt init` points the new file at it.
 */
export async function writeSchema(options: WriteSchemaOptions): Promise<void> {
  const { t, io } = options;
  const target = path.join(path.dirname(options.file), SCHEMA_FILE);
  const shown = (file: string) => shownPath(io.cwd, file);
  const exists = await stat(options.file).then(
    () => true,
    (error: NodeJS.ErrnoException) => error.code !== 'ENOENT',
  );
  // The project is read first: a file adopt cannot read gets no schema written beside it either.
  const loaded = exists ? await loadProject(options.file, t, options.shownFile) : undefined;
  if (loaded && !loaded.ok) throw new FileProblemsError(t('schema.fixFirst', { file: options.shownFile }), loaded.problems.map(formatProblem));
  await writeOutputs([{ target, data: await readFile(schemaFile()) }], { project: options.file, cwd: io.cwd, advice: 'none', shown, t });
  if (!loaded) {
    io.stdout.write(`${t('schema.wroteAlone', { schema: shown(target), file: options.shownFile })}\n`);
    return;
  }
  const { visit } = await loadYaml();
  const { doc } = await loaded.source.located();
  if (!pointModeline(doc.clone(), visit)) {
    io.stdout.write(`${t('schema.wroteAlreadyPointed', { schema: shown(target), file: options.shownFile })}\n`);
    return;
  }
  const written = await writeProject(loaded.source, (change) => pointModeline(change, visit), t);
  for (const note of writeNotes(written, t)) io.stderr.write(`${note}\n`);
  io.stdout.write(`${t('schema.wrote', { schema: shown(target), file: options.shownFile })}\n`);
}
