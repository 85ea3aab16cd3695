/**
 * The second half of `adopt collect`: each set of answers checked against the project as the
 * file's own checks would (the right project and form, a key user or an audience that exists,
 * scores 0–5, usability answers 1–5, statuses among met / partial / unmet), then turned into
 * what the file records. Labels offered by a form service are read back in either language.
 */
import { audienceIds } from '../derive/audiences.js';
import type { Project, Response } from '../generated/model.js';
import { languages, loadTranslator, type Translator } from '../i18n/index.js';
import { formQuestions, projectFingerprint, questionsFingerprint, OBJECTIVE_STATUSES, type FormKind, type FormQuestion } from '../derive/form-questions.js';
import { SUS_ITEMS } from '../derive/sus.js';
import { choiceWords } from '../render/form-csv.js';
import type { AnswerSet } from './collect-read.js';

type Status = (typeof OBJECTIVE_STATUSES)[number];

export interface PocRecord {
  kind: 'poc';
  from: AnswerSet;
  by: string;
  scores: { candidate: string; criterion: string; score: number }[];
  comments: { candidate: string; comment: string }[];
}

export interface ReviewRecord {
  kind: 'review';
  from: AnswerSet;
  /** The response without its id and date: given when it is recorded. */
  response: Omit<Response, 'id' | 'received'>;
  /** Some usability answers but not all ten: the score cannot be computed, the rest is kept. */
  partialSus: boolean;
}

export type Interpreted = { ok: true; record: PocRecord | ReviewRecord } | { ok: false; refusal: string };

/** What a form asks of this project, worked out once per run, not once per response. */
export interface Asked {
  questions: Record<FormKind, FormQuestion[]>;
  fingerprints: Record<FormKind, string>;
  project: string;
  labels: Labels;
}

interface Labels {
  status: Map<string, Status>;
  sus: Map<string, number>;
  score: Map<string, number>;
}

/** Lower case, no accents, no punctuation around: « Pas atteint » and "pas atteint." are one label. */
const plain = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’']/g, "'")
    .replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, '')
    .replace(/\s+/g, ' ');

/**
 * A form may have been made in the other language: the words each choice is offered by
 * (choiceWords, the one place that says them) are read back in every language adopt speaks.
 */
async function labels(): Promise<Labels> {
  const status = new Map<string, Status>();
  const sus = new Map<string, number>();
  const score = new Map<string, number>();
  for (const value of OBJECTIVE_STATUSES) status.set(value, value);
  for (const lang of languages()) {
    const t = await loadTranslator(lang);
    for (const value of OBJECTIVE_STATUSES) for (const word of choiceWords('status', value, t)) status.set(plain(word), value);
    for (let n = 1; n <= 5; n++) for (const word of choiceWords('sus', n, t)) sus.set(plain(word), n);
    for (let n = 0; n <= 5; n++) for (const word of choiceWords('score', n, t)) score.set(plain(word), n);
  }
  return { status, sus, score };
}

export async function asked(project: Project): Promise<Asked> {
  const questions = { poc: formQuestions(project, 'poc'), review: formQuestions(project, 'review') };
  return {
    questions,
    fingerprints: { poc: questionsFingerprint('poc', questions.poc), review: questionsFingerprint('review', questions.review) },
    project: projectFingerprint(project),
    labels: await labels(),
  };
}

/** A number typed, or a label that starts with it ("4 — D'accord"). */
function leadingNumber(value: string | number): number | undefined {
  if (typeof value === 'number') return value;
  const match = /^\s*(\d+(?:[.,]\d+)?)(?!\d)/.exec(value);
  return match ? Number(match[1]!.replace(',', '.')) : undefined;
}

export function interpret(set: AnswerSet, project: Project, asking: Asked, t: Translator): Interpreted {
  const where = set.row === undefined ? set.file : t('collect.fileRow', { file: set.file, row: set.row });
  const refuse = (key: Parameters<Translator>[0], params: Record<string, string | number> = {}): Interpreted => ({ ok: false, refusal: t(key, { where, ...params }) });
  if (set.fingerprints) {
    if (set.fingerprints.project !== asking.project) return refuse('collect.refuse.otherProject');
    if (set.fingerprints.questions !== asking.fingerprints[set.form]) return refuse('collect.refuse.outdated', { form: set.form });
  }
  const questions = new Map(asking.questions[set.form].map((q) => [q.code, q]));
  const unknown = Object.keys(set.answers).find((code) => !questions.has(code));
  if (unknown !== undefined) return refuse(set.form === 'poc' ? 'collect.refuse.unknownPocCode' : 'collect.refuse.unknownReviewCode', { code: unknown });
  return set.form === 'poc' ? pocRecord(set, project, questions, asking.labels, refuse) : reviewRecord(set, project, asking.labels, refuse);
}

type Refuse = (key: Parameters<Translator>[0], params?: Record<string, string | number>) => Interpreted;

function pocRecord(set: AnswerSet, project: Project, questions: Map<string, FormQuestion>, labels: Labels, refuse: Refuse): Interpreted {
  const who = set.answers.WHO;
  if (who === undefined) return refuse('collect.refuse.noKeyUser');
  const wanted = plain(String(who));
  const keyUser = (project.keyUsers ?? []).find((k) => k.id === String(who).trim() || (k.name !== undefined && plain(k.name) === wanted));
  if (!keyUser) return refuse('collect.refuse.notKeyUser', { who: String(who) });
  const record: PocRecord = { kind: 'poc', from: set, by: keyUser.id, scores: [], comments: [] };
  for (const [code, value] of Object.entries(set.answers)) {
    const question = questions.get(code)!;
    if (question.kind === 'score') {
      const score = leadingNumber(value) ?? labels.score.get(plain(String(value)));
      if (score === undefined || score < 0 || score > 5) return refuse('collect.refuse.scoreRange', { code, value: String(value) });
      record.scores.push({ candidate: question.candidate!, criterion: question.criterion!, score });
    } else if (code.startsWith('NOTE/') && String(value).trim()) {
      record.comments.push({ candidate: question.candidate!, comment: String(value).trim() });
    }
  }
  if (record.scores.length === 0 && record.comments.length === 0) return refuse('collect.refuse.nothingScored');
  return { ok: true, record };
}

function reviewRecord(set: AnswerSet, project: Project, labels: Labels, refuse: Refuse): Interpreted {
  const response: ReviewRecord['response'] = { form: 'review' };
  const text = (code: string) => {
    const value = set.answers[code];
    return value === undefined ? undefined : String(value).trim() || undefined;
  };
  const aud = text('AUD');
  if (aud !== undefined) {
    const ids = audienceIds(project.needs?.audiences);
    const audiences = project.needs?.audiences ?? [];
    const index = ids.findIndex((id, i) => id === aud || (audiences[i]?.who !== undefined && plain(audiences[i]!.who!) === plain(aud)));
    if (index < 0) return refuse('collect.refuse.unknownAudience', { audience: aud });
    response.audience = ids[index]!;
  }
  if (text('NAME')) response.name = text('NAME')!;
  const sus: (number | undefined)[] = [];
  for (let n = 1; n <= SUS_ITEMS; n++) {
    const value = set.answers[`SUS${n}`];
    if (value === undefined || String(value).trim() === '') {
      sus.push(undefined);
      continue;
    }
    const answer = leadingNumber(value) ?? labels.sus.get(plain(String(value)));
    if (answer === undefined || !Number.isInteger(answer) || answer < 1 || answer > 5) return refuse('collect.refuse.susRange', { code: `SUS${n}`, value: String(value) });
    sus.push(answer);
  }
  const given = sus.filter((a) => a !== undefined).length;
  if (given === SUS_ITEMS) response.sus = sus as NonNullable<Response['sus']>;
  for (const objective of project.needs?.objectives ?? []) {
    const value = text(objective.id);
    const comment = text(`${objective.id}/NOTE`);
    if (value === undefined && comment === undefined) continue;
    const status = value === undefined ? undefined : labels.status.get(plain(value));
    if (value !== undefined && status === undefined) return refuse('collect.refuse.status', { code: objective.id, value });
    (response.objectives ??= []).push({ id: objective.id, ...(status ? { status } : {}), ...(comment ? { comment } : {}) });
  }
  const positive = text('EFF+');
  const negative = text('EFF-');
  if (positive || negative) response.effects = { ...(positive ? { positive } : {}), ...(negative ? { negative } : {}) };
  if (text('COM')) response.comment = text('COM')!;
  if (!response.audience && !response.sus && !response.objectives && !response.effects && !response.comment && given === 0) return refuse('collect.refuse.noAnswers');
  return { ok: true, record: { kind: 'review', from: set, response, partialSus: given > 0 && given < SUS_ITEMS } };
}
