import { readFile } from 'node:fs/promises';
import type { Io } from '../io.js';

export const schemaFile = new URL('../../schema/adopt.schema.json', import.meta.url);

/** Prints the JSON Schema exactly as shipped: the one source of the format. */
export async function printSchema(io: Io): Promise<void> {
  io.stdout.write(await readFile(schemaFile, 'utf8'));
}
