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

export function checkProject(source: ProjectSource, t: Translator): CheckResult {
  const at = (path: readonly PathSegment[], message: string, target: 'key' | 'value' = 'value'): Problem => ({
    file: source.file,
    ...positionOfPath(source, path, target),
    message,
  });
  const structural: Problem[] = [];
  if (!validate(source.data)) {
    for (const error of validate.errors ?? []) {
      const problem = schemaProblem(error, source, t, at);
      if (problem) structural.push(problem);
    }
  }
  structural.push(...semanticProblems(source.data, t, at));
  const dangling = danglingReferences(source.data);
  const references = dangling.map((ref) => at(ref.path, danglingMessage(ref, t)));
  return { structural: dedupe(structural).sort(byPosition), references: references.sort(byPosition), dangling };
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

function schemaProblem(
  error: ErrorObject,
  source: ProjectSource,
  t: Translator,
  at: (path: readonly PathSegment[], message: string, target?: 'key' | 'value') => Problem,
): Problem | undefined {
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

function semanticProblems(data: unknown, t: Translator, at: (path: readonly PathSegment[], message: string, target?: 'key' | 'value') => Problem): Problem[] {
  const problems: Problem[] = [];
  for (const pattern of datePaths) {
    for (const { path, value } of valuesAt(data, pattern)) {
      if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !isRealDate(value)) {
        problems.push(at(path, t('problem.dateImpossible', { path: formatPath(path), value })));
      }
    }
  }
  for (const list of idLists) {
    const firstSeen = new Map<string, readonly PathSegment[]>();
    for (const { path, value } of valuesAt(data, `${list}[].id`)) {
      if (typeof value !== 'string') continue;
      const scope = JSON.stringify(path.slice(0, -2));
      const key = `${scope} ${value}`;
      const first = firstSeen.get(key);
      if (first) {
        const line = at(first, '').line ?? 0;
        problems.push(at(path, t('problem.duplicateId', { path: formatPath(path), id: value, line })));
      } else firstSeen.set(key, path);
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
