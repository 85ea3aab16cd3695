/**
 * Checks a parsed project file: the JSON Schema (compiled ahead of time), then what a schema
 * cannot say (real dates, unique ids, an end after its start, ids that point somewhere).
 * Every problem is located in the file.
 */
import type { ErrorObject } from 'ajv';
import { validate } from './generated/validate.js';
import { datePaths, idLists, keyOrder } from './generated/schema-facts.js';
import type { Translator } from './i18n/index.js';
import type { Problem } from './problems.js';
import { byPosition } from './problems.js';
import { describeFound, orderKey, positionOfPath, type PathSegment, type ProjectSource } from './store.js';

/** A problem before it is located: where in the data, and what to say. */
interface Finding {
  path: readonly PathSegment[];
  message: string;
  target?: 'key' | 'value';
  /** For a duplicate id: the first use, whose line replaces {line} in the message. */
  firstUse?: readonly PathSegment[];
  /** For text that YAML read as a number: the value as written, which replaces {raw}. */
  quoteRaw?: boolean;
}
type At = (path: readonly PathSegment[], message: string, target?: 'key' | 'value') => Finding;
const at: At = (path, message, target = 'value') => ({ path, message, target });
import { danglingMessage, danglingReferences, type DanglingReference } from './derive/references.js';
import { isRealDate, inDateRange, daysBetween } from './util/dates.js';
import { plainValuesAt, valuesAt } from './util/paths.js';
import { closest } from './util/suggest.js';
import { choiceLabelPrefixes } from './steps/index.js';
import { describePath } from './steps/positions.js';

export interface CheckResult {
  /** Problems that make the file unfit to work from: wrong types, values, dates, ids. */
  structural: Problem[];
  /** Ids that point nowhere: problems for `validate`, warnings for `status`. */
  references: Problem[];
  dangling: DanglingReference[];
}

export async function checkProject(source: ProjectSource, t: Translator, options: { locateReferences?: boolean } = {}): Promise<CheckResult> {
  const structural: Finding[] = [];
  if (!validate(source.data)) {
    for (const error of validate.errors ?? []) structural.push(schemaProblem(error, source, t));
  }
  structural.push(...semanticProblems(source.data, t));
  const dangling = danglingReferences(source.data);
  const references = options.locateReferences === false ? [] : dangling.map((ref) => at(ref.path, danglingMessage(ref, t, describePath(ref.path, source.data, t, { start: true }))));
  if (structural.length === 0 && references.length === 0) return { structural: [], references: [], dangling };
  // Only now is the Document with positions worth building.
  const located = await source.located();
  const place = (finding: Finding): Problem => {
    const at = positionOfPath(located, finding.path, finding.target);
    let message = finding.message;
    if (finding.firstUse) message = message.replace('{line}', String(positionOfPath(located, finding.firstUse, 'value').line));
    if (finding.quoteRaw) message = message.replaceAll('{raw}', rawValueAt(source.text, at));
    return { file: source.file, ...at, message };
  };
  return { structural: dedupe(structural.map(place)).sort(byPosition), references: references.map(place).sort(byPosition), dangling };
}

/** The value as the user wrote it on its line (without a trailing comment). */
function rawValueAt(text: string, at: { line: number; col: number }): string {
  const line = text.split('\n')[at.line - 1] ?? '';
  return line.slice(at.col - 1).replace(/\s+#.*$/, '').replace(/[,}\]]+\s*$/, '').trim();
}

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.line}:${p.col}:${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function segmentsOf(instancePath: string): PathSegment[] {
  if (!instancePath) return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((raw) => raw.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}

function valueAtSegments(data: unknown, segments: readonly PathSegment[]): unknown {
  let value: unknown = data;
  for (const segment of segments) value = (value as Record<string | number, unknown> | undefined)?.[segment];
  return value;
}

function schemaProblem(error: ErrorObject, source: ProjectSource, t: Translator): Finding {
  const segments = segmentsOf(error.instancePath);
  // "Unknown key in key user 4…" names the place mid-sentence; every other message starts with it.
  const path = describePath(segments, source.data, t, { start: error.keyword !== 'additionalProperties' }) || t('problem.root');
  const value = valueAtSegments(source.data, segments);
  // Only plain values are shown: an unknown key's parent may be the whole file.
  const shown = typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'type': {
      const expected = String(params.type);
      if (expected === 'integer' && typeof value === 'number') return at(segments, t('problem.integer', { path, value: shown }));
      if (expected === 'string' && (typeof value === 'number' || typeof value === 'boolean')) {
        return { ...at(segments, t('problem.quoteIt', { path, raw: '{raw}' })), quoteRaw: true };
      }
      return at(segments, t('problem.type', { path, expected: t.named(`type.${expected}`), found: describeFound(value, t) }));
    }
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(String);
      const suggestion = typeof value === 'string' ? (closest(value, allowed) ?? fromLabels(value, allowed, t)) : undefined;
      const base = { path, value: shown, allowed: allowed.join(', ') };
      return at(segments, suggestion ? t('problem.enumSuggest', { ...base, suggestion }) : t('problem.enum', base));
    }
    case 'const':
      return at(segments, t('problem.const', { path, expected: JSON.stringify(params.allowedValue) }));
    case 'pattern': {
      if (error.schemaPath.includes('/date/')) return at(segments, t('problem.datePattern', { path, value: shown }));
      if (error.schemaPath.includes('/id/')) return at(segments, t('problem.idPattern', { path, value: shown }));
      if (error.schemaPath.endsWith('currency/pattern')) return at(segments, t('problem.currencyPattern', { path, value: shown }));
      return at(segments, t('problem.pattern', { path, value: shown }));
    }
    case 'minimum':
      return at(segments, t('problem.minimum', { path, limit: String(params.limit), value: shown }));
    case 'maximum':
      return at(segments, t('problem.maximum', { path, limit: String(params.limit), value: shown }));
    case 'maxLength':
      return at(segments, t('problem.maxLength', { path, limit: String(params.limit) }));
    case 'required':
      return at(segments, t('problem.required', { path, key: String(params.missingProperty) }));
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const suggestion = closest(key, keyOrder[orderKey(segments)] ?? []);
      // "x-__proto__" or "x-<<" would be no help: propose x- only for a word.
      const plain = /^[\p{L}\d][\p{L}\d_-]*$/u.test(key);
      return at(
        [...segments, key],
        suggestion ? t('problem.unknownKeySuggest', { key, path, suggestion }) : t(plain ? 'problem.unknownKey' : 'problem.unknownKeyPlain', { key, path }),
        'key',
      );
    }
    case 'minItems':
    case 'maxItems':
      return at(segments, t('problem.itemCount', { path, count: String(params.limit), found: String(Array.isArray(value) ? value.length : 0) }));
    case 'uniqueItems':
      return at(segments, t('problem.uniqueItems', { path }));
    default:
      return at(segments, t('problem.other', { path, message: error.message ?? error.keyword }));
  }
}

/**
 * A value written in the user's words ("bénévole", "quotidien", "daily user") matched to the
 * allowed value whose label in the catalogue it is.
 */
function fromLabels(value: string, allowed: readonly string[], t: Translator): string | undefined {
  const wanted = value.trim().toLowerCase();
  for (const prefix of choiceLabelPrefixes()) {
    for (const option of allowed) {
      const label = t.named(`${prefix}.${option}`);
      if (label === `${prefix}.${option}`) continue;
      const words = label.toLowerCase().split(/[:(]/)[0]!.trim();
      if (words === wanted || closest(wanted, [words]) !== undefined) return option;
      if (wanted.length >= 4 && words.split(/\s+/).includes(wanted)) return option;
    }
  }
  return undefined;
}

/** Whether no two items of a list share an id (items that are not groups, or have no id, aside). */
function idsUnique(items: unknown): boolean {
  if (!Array.isArray(items)) return true;
  const seen = new Set<string>();
  for (const item of items) {
    if (!item || typeof item !== 'object' || Array.isArray(item) || !Object.prototype.hasOwnProperty.call(item, 'id')) continue;
    const id = (item as { id?: unknown }).id;
    if (typeof id !== 'string') continue;
    if (seen.has(id)) return false;
    seen.add(id);
  }
  return true;
}

function semanticProblems(data: unknown, t: Translator): Finding[] {
  const problems: Finding[] = [];
  const where = (path: readonly PathSegment[]) => describePath(path, data, t, { start: true });
  // The same key user scoring the same tool on the same criterion twice (a merge can do it).
  // A path is built only for a duplicate: a test scores every tool on every criterion.
  const scored = new Map<string, number>();
  const scores = plainValuesAt(data, 'poc.scores')[0];
  for (let index = 0; Array.isArray(scores) && index < scores.length; index++) {
    const score = scores[index] as { candidate?: unknown; by?: unknown; criterion?: unknown } | null;
    if (!score || typeof score !== 'object') continue;
    const key = `${String(score.candidate)}\u0000${String(score.by)}\u0000${String(score.criterion)}`;
    const first = scored.get(key);
    if (first === undefined) {
      scored.set(key, index);
      continue;
    }
    const path = ['poc', 'scores', index];
    problems.push({ ...at(path, t('problem.duplicateScore', { path: where(path), by: String(score.by), candidate: String(score.candidate), criterion: String(score.criterion), line: '{line}' })), firstUse: ['poc', 'scores', first] });
  }
  const impossible = (value: unknown) => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && (!isRealDate(value) || !inDateRange(value));
  for (const pattern of datePaths) {
    // Paths are built only where a date is wrong: a sound file allocates none.
    if (!plainValuesAt(data, pattern).some(impossible)) continue;
    for (const { path, value } of valuesAt(data, pattern)) {
      if (!impossible(value)) continue;
      const key = isRealDate(value as string) ? 'problem.dateRange' : 'problem.dateImpossible';
      problems.push(at(path, t(key, { path: where(path), value: value as string })));
    }
  }
  // An audience's id is optional (adopt gives one), but two audiences cannot share one.
  for (const list of [...idLists, 'needs.audiences']) {
    // The same id twice in one list is rare: only then are places worked out. (A list inside
    // the items of another, a review's objectives, is one list per item: ids repeat across them.)
    if (plainValuesAt(data, list).every(idsUnique)) continue;
    const firstSeen = new Map<string, readonly PathSegment[]>();
    // The message names the line of the first use; it is filled in once positions are known.
    for (const { path, value } of valuesAt(data, `${list}[].id`)) {
      if (typeof value !== 'string') continue;
      const scope = JSON.stringify(path.slice(0, -2));
      const key = `${scope} ${value}`;
      const first = firstSeen.get(key);
      if (first) problems.push({ ...at(path, t('problem.duplicateId', { path: where(path), id: value, line: '{line}' })), firstUse: first });
      else firstSeen.set(key, path);
    }
  }
  // `chosen: none` is the no-go: a candidate called none would make the decision ambiguous.
  if (plainValuesAt(data, 'research.candidates[].id').includes('none')) {
    for (const { path, value } of valuesAt(data, 'research.candidates[].id')) {
      if (value === 'none') problems.push(at(path, t('problem.reservedNone', { path: where(path) })));
    }
  }
  for (const pattern of ['poc', 'deployment.phases[]']) {
    for (const { path, value } of valuesAt(data, pattern)) {
      const span = value as { start?: unknown; end?: unknown } | undefined;
      if (span && typeof span.start === 'string' && typeof span.end === 'string' && isRealDate(span.start) && isRealDate(span.end) && daysBetween(span.start, span.end) < 0) {
        problems.push(at([...path, 'end'], t('problem.endBeforeStart', { path: where([...path, 'end']), start: span.start, end: span.end })));
      }
    }
  }
  return problems;
}
