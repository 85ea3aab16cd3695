/**
 * Checks a parsed project file: the JSON Schema (compiled ahead of time), then what a schema
 * cannot say (real dates, unique ids, an end after its start, ids that point somewhere).
 * Every problem is located in the file.
 */
import type { ErrorObject } from 'ajv';
import { validate } from './generated/validate.js';
import { datePaths, idLists, keyOrder } from './generated/schema-facts.js';
import type { Translator, MsgKey } from './i18n/index.js';
import type { Problem } from './problems.js';
import { byPosition } from './problems.js';
import { describeFound, positionOfPath, type PathSegment, type ProjectSource } from './store.js';

/** A problem before it is located: where in the data, and what to say. */
interface Finding {
  path: readonly PathSegment[];
  message: string;
  target?: 'key' | 'value';
  /** For a duplicate id: the first use, whose line replaces {line} in the message. */
  firstUse?: readonly PathSegment[];
}
type At = (path: readonly PathSegment[], message: string, target?: 'key' | 'value') => Finding;
const at: At = (path, message, target = 'value') => ({ path, message, target });
import { danglingReferences, type DanglingReference } from './derive/references.js';
import { isRealDate, daysBetween } from './util/dates.js';
import { formatPath, valuesAt } from './util/paths.js';
import { closest } from './util/suggest.js';

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
  const references = options.locateReferences === false ? [] : dangling.map((ref) => at(ref.path, danglingMessage(ref, t)));
  if (structural.length === 0 && references.length === 0) return { structural: [], references: [], dangling };
  // Only now is the Document with positions worth building.
  const located = await source.located();
  const place = (finding: Finding): Problem => ({
    file: source.file,
    ...positionOfPath(located, finding.path, finding.target),
    message: finding.firstUse ? finding.message.replace('{line}', String(positionOfPath(located, finding.firstUse, 'value').line)) : finding.message,
  });
  return { structural: dedupe(structural.map(place)).sort(byPosition), references: references.map(place).sort(byPosition), dangling };
}

export function danglingMessage(ref: DanglingReference, t: Translator): string {
  const params = { path: formatPath(ref.path), id: ref.id, target: t(`target.${ref.target}`) };
  return ref.path.includes('decision') ? t('problem.danglingNone', params) : t('problem.dangling', params);
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

function orderKeyOf(segments: readonly PathSegment[]): string {
  return formatPath(segments).replace(/\[\d+\]/g, '[]');
}

function schemaProblem(error: ErrorObject, source: ProjectSource, t: Translator): Finding {
  const segments = segmentsOf(error.instancePath);
  const path = formatPath(segments) || t('problem.root');
  const value = valueAtSegments(source.data, segments);
  const shown = typeof value === 'string' ? value : JSON.stringify(value);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'type': {
      const expected = String(params.type);
      if (expected === 'integer' && typeof value === 'number') return at(segments, t('problem.integer', { path, value: shown }));
      return at(segments, t('problem.type', { path, expected: t(`type.${expected}` as MsgKey), found: describeFound(value, t) }));
    }
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(String);
      const suggestion = typeof value === 'string' ? closest(value, allowed) : undefined;
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
      const suggestion = closest(key, keyOrder[orderKeyOf(segments)] ?? []);
      return at(
        [...segments, key],
        suggestion ? t('problem.unknownKeySuggest', { key, path, suggestion }) : t('problem.unknownKey', { key, path }),
        'key',
      );
    }
    case 'uniqueItems':
      return at(segments, t('problem.uniqueItems', { path }));
    default:
      return at(segments, t('problem.other', { path, message: error.message ?? error.keyword }));
  }
}

function semanticProblems(data: unknown, t: Translator): Finding[] {
  const problems: Finding[] = [];
  for (const pattern of datePaths) {
    for (const { path, value } of valuesAt(data, pattern)) {
      if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !isRealDate(value)) {
        problems.push(at(path, t('problem.dateImpossible', { path: formatPath(path), value })));
      }
    }
  }
  for (const list of idLists) {
    const firstSeen = new Map<string, readonly PathSegment[]>();
    // The message names the line of the first use; it is filled in once positions are known.
    for (const { path, value } of valuesAt(data, `${list}[].id`)) {
      if (typeof value !== 'string') continue;
      const scope = JSON.stringify(path.slice(0, -2));
      const key = `${scope} ${value}`;
      const first = firstSeen.get(key);
      if (first) problems.push({ ...at(path, t('problem.duplicateId', { path: formatPath(path), id: value, line: '{line}' })), firstUse: first });
      else firstSeen.set(key, path);
    }
  }
  for (const pattern of ['poc', 'deployment.phases[]']) {
    for (const { path, value } of valuesAt(data, pattern)) {
      const span = value as { start?: unknown; end?: unknown } | undefined;
      if (span && typeof span.start === 'string' && typeof span.end === 'string' && isRealDate(span.start) && isRealDate(span.end) && daysBetween(span.start, span.end) < 0) {
        problems.push(at([...path, 'end'], t('problem.endBeforeStart', { path: formatPath([...path, 'end']), start: span.start, end: span.end })));
      }
    }
  }
  return problems;
}
