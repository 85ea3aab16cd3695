import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Io } from '../io.js';
import { packageRoot } from '../package-root.js';

export const schemaFile = () => path.join(packageRoot(), 'schema/adopt.schema.json');

/** Prints the JSON Schema exactly as shipped: the one source of the format. */
export async function printSchema(io: Io): Promise<void> {
  io.stdout.write(await readFile(schemaFile(), 'utf8'));
}
