/**
 * The first half of `adopt collect`: what a file holds, as sets of answers keyed by question
 * code, whatever brought them back (a response file saved by a form page, or a CSV exported by a
 * form service). Nothing here knows the project: a file that cannot be read as either is refused
 * with one sentence, and the answers are checked against the project afterwards (collect-answers.ts).
 */
import { readFile } from 'node:fs/promises';
import type { Translator } from '../i18n/index.js';
import type { FormKind } from '../derive/form-questions.js';

/** One person's answers: a whole response file, or one row of a CSV export. */
export interface AnswerSet {
  file: string;
  /** The CSV row as a spreadsheet numbers it (the header is row 1). */
  row?: number;
  form: FormKind;
  answers: Record<string, string | number>;
  /** Only a response file carries them; a CSV export cannot. */
  fingerprints?: { project: string; questions: string };
}

export type ReadResult = { ok: true; sets: AnswerSet[] } | { ok: false; refusal: string };

/** Far above any real response or export: a bigger file is not one of them. */
const MOST_BYTES = 20 * 1024 * 1024;
const CODE = /^\s*\[([^\]\s]+)\]/;
const POC_CODE = /^(WHO|C\d+\/.+|NOTE\/.+)$/;

export async function readAnswers(file: string, shown: string, t: Translator): Promise<ReadResult> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, refusal: t(code === 'ENOENT' ? 'collect.refuse.missing' : code === 'EISDIR' ? 'collect.refuse.folder' : 'collect.refuse.unreadable', { where: shown }) };
  }
  if (bytes.length > MOST_BYTES) return { ok: false, refusal: t('collect.refuse.tooBig', { where: shown }) };
  const text = decode(bytes);
  if (text === undefined) return { ok: false, refusal: t('collect.refuse.binary', { where: shown }) };
  if (text.trim() === '') return { ok: false, refusal: t('collect.refuse.empty', { where: shown }) };
  // A response file is JSON whatever its name; anything else is taken for an export.
  if (/^\s*\{/.test(text)) return responseFile(text, shown, t);
  return csvExport(text, shown, t);
}

/** UTF-8 with or without a BOM, UTF-16 with one (a spreadsheet's "Unicode text"), else Windows-1252. */
function decode(bytes: Buffer): string | undefined {
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      // Older exports from French services and spreadsheets on Windows.
      text = new TextDecoder('windows-1252').decode(bytes);
    }
  }
  text = text.replace(/^\ufeff/, '');
  // A NUL or other control bytes are no text anyone typed: an image, a zip, a spreadsheet file.
  if (/[\u0000-\u0008\u000e-\u001f]/.test(text.slice(0, 4096))) return undefined;
  return text;
}

function responseFile(text: string, shown: string, t: Translator): ReadResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, refusal: t('collect.refuse.badJson', { where: shown }) };
  }
  const record = data as Record<string, unknown>;
  const answers = record?.answers as Record<string, unknown> | undefined;
  const wellFormed =
    record?.adopt === 'response' &&
    (record.form === 'poc' || record.form === 'review') &&
    typeof record.project === 'string' &&
    typeof record.questions === 'string' &&
    answers !== null &&
    typeof answers === 'object' &&
    !Array.isArray(answers) &&
    Object.values(answers).every((v) => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)));
  if (!wellFormed) return { ok: false, refusal: t('collect.refuse.notResponse', { where: shown }) };
  if (record.version !== 1) return { ok: false, refusal: t('collect.refuse.newerResponse', { where: shown }) };
  if (Object.keys(answers).length === 0) return { ok: false, refusal: t('collect.refuse.noAnswers', { where: shown }) };
  return {
    ok: true,
    sets: [{ file: shown, form: record.form as FormKind, answers: answers as Record<string, string | number>, fingerprints: { project: record.project as string, questions: record.questions as string } }],
  };
}

/** The separator is the one the header line uses most, outside quotes: `,` or `;` (or a tab). */
function separatorOf(text: string): string {
  const header = text.split(/\r?\n/, 1)[0]!.replace(/"[^"]*"/g, '');
  const counts = [',', ';', '\t'].map((s) => [s, header.split(s).length - 1] as const).sort((a, b) => b[1] - a[1]);
  return counts[0]![1] > 0 ? counts[0]![0] : ',';
}

async function csvExport(text: string, shown: string, t: Translator): Promise<ReadResult> {
  const { parse } = await import('csv-parse/sync');
  let rows: string[][];
  try {
    rows = parse(text, { delimiter: separatorOf(text), relax_column_count: true, skip_empty_lines: true, trim: false }) as string[][];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    return { ok: false, refusal: t('collect.refuse.badCsv', { where: shown, line: line ?? 1 }) };
  }
  const header = rows[0] ?? [];
  const columns = header.flatMap((title, index) => {
    const code = CODE.exec(title)?.[1];
    return code ? [{ index, code }] : [];
  });
  if (columns.length === 0) return { ok: false, refusal: t('collect.refuse.noCodes', { where: shown }) };
  const seen = new Set<string>();
  for (const { code } of columns) {
    if (seen.has(code)) return { ok: false, refusal: t('collect.refuse.sameCode', { where: shown, code }) };
    seen.add(code);
  }
  const pocColumns = columns.filter((c) => POC_CODE.test(c.code)).length;
  if (pocColumns > 0 && pocColumns < columns.length) return { ok: false, refusal: t('collect.refuse.mixedCodes', { where: shown }) };
  const form: FormKind = pocColumns > 0 ? 'poc' : 'review';
  const sets: AnswerSet[] = [];
  rows.slice(1).forEach((cells, index) => {
    const answers: Record<string, string> = {};
    for (const { index: at, code } of columns) {
      const value = (cells[at] ?? '').trim();
      if (value !== '') answers[code] = value;
    }
    // A row with none of the questions answered (a test submission, a blank line) says nothing.
    if (Object.keys(answers).length > 0) sets.push({ file: shown, row: index + 2, form, answers });
  });
  if (sets.length === 0) return { ok: false, refusal: t('collect.refuse.noRows', { where: shown }) };
  return { ok: true, sets };
}
