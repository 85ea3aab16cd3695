/**
 * What every part of the store shares: the file as read, and the `yaml` library, loaded on
 * first need (reading a clean file does without it).
 */
import type { Document, LineCounter } from 'yaml';
import type { Problem } from '../problems.js';

export const FORMAT_VERSION = 1;
/** The schema's name beside the project file, where `adopt schema --write` saves it. */
export const SCHEMA_FILE = 'adopt.schema.json';
/**
 * The editor modeline. Relative, so that it resolves offline, in every clone of the team's
 * repository and whatever adopt's version, once `adopt schema --write` has saved the schema.
 */
export const MODELINE = `# yaml-language-server: $schema=./${SCHEMA_FILE}`;
export const MAX_ALIASES = 100;

export type { PathSegment } from '../util/paths.js';
export type Yaml = typeof import('yaml');

let yamlLibrary: Yaml | undefined;
export async function loadYaml(): Promise<Yaml> {
  const module = (await import('yaml')) as unknown as Partial<Yaml> & { default?: Yaml };
  // Bundled, this CommonJS package arrives as the default export of its namespace.
  yamlLibrary ??= (module.LineCounter ? module : module.default) as Yaml;
  return yamlLibrary;
}
export function yaml(): Yaml {
  if (!yamlLibrary) throw new Error('the yaml library is used before a document was loaded');
  return yamlLibrary;
}

/** The file as `yaml` sees it: a Document that knows where everything is. */
export interface Located {
  doc: Document.Parsed;
  lines: LineCounter;
}

export interface ProjectSource {
  /** Where the file is on disk, for reading and writing. */
  path: string;
  /** The file as the user named it, for messages. */
  file: string;
  /** The text as `yaml` reads it: a lone CR (old Mac files) read as LF, one character for one. */
  text: string;
  /** The text as it is on disk (without its byte-order mark), each line with its own ending. */
  original: string;
  /** The plain data: checked against the schema before anyone trusts its shape. */
  data: Record<string, unknown>;
  bom: boolean;
  /** Read by the fast reader: no anchor or alias ties one part of the file to another. */
  plain?: boolean;
  /** The Document with positions and comments, parsed on first need. */
  located(): Promise<Located>;
}

export type ParseResult = { ok: true; source: ProjectSource } | { ok: false; problems: Problem[] };

