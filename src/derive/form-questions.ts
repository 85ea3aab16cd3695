import { createHash } from 'node:crypto';
import type { Project } from '../generated/model.js';
import { SUS_ITEMS } from './sus.js';
import { audienceIds } from './audiences.js';

/**
 * The questions of the two forms (the key users' POC scores, everyone's review), in one place:
 * the form page, the CSV for form services and `adopt collect` all take their codes and
 * fingerprints from here. The contract is `forms-contract.md` (codes, fingerprints, response file).
 * Translated wording (SUS items, choice labels) comes from the catalogue, never from here.
 */
export type FormKind = 'poc' | 'review';

export interface FormQuestion {
  code: string;
  kind: 'score' | 'status' | 'sus' | 'pick' | 'text';
  /** The project's own text for this question; '' for a fixed question (SUS, effects, comments, name). */
  text: string;
  required: boolean;
  candidate?: string;
  criterion?: string;
  objective?: string;
  /** A `label` is the project's own word for a pick (a key user's name, an audience); other labels are translated. */
  choices?: { value: string | number; label?: string }[];
}

export const FORM_KINDS: readonly FormKind[] = ['poc', 'review'];
export const OBJECTIVE_STATUSES = ['met', 'partial', 'unmet'] as const;

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/** The shortlisted candidates only: a form asks about the tools actually in the test. */
function shortlisted(project: Project) {
  return (project.research?.candidates ?? []).filter((c) => c.shortlisted === true);
}

function pocQuestions(project: Project): FormQuestion[] {
  const questions: FormQuestion[] = [];
  const keyUsers = project.keyUsers ?? [];
  if (keyUsers.length > 0) {
    questions.push({
      code: 'WHO',
      kind: 'pick',
      text: keyUsers.map((k) => k.name ?? k.id).join('\n'),
      required: true,
      choices: keyUsers.map((k) => ({ value: k.id, label: k.name ?? k.id })),
    });
  }
  const criteria = project.poc?.criteria ?? [];
  for (const candidate of shortlisted(project)) {
    const name = candidate.name ?? candidate.id;
    criteria.forEach((criterion, index) => {
      questions.push({
        code: `C${index + 1}/${candidate.id}`,
        kind: 'score',
        text: `${criterion.text ?? criterion.id}\n${name}`,
        required: false,
        candidate: candidate.id,
        criterion: criterion.id,
        choices: range(0, 5).map((value) => ({ value })),
      });
    });
    questions.push({ code: `NOTE/${candidate.id}`, kind: 'text', text: '', required: false, candidate: candidate.id });
  }
  return questions;
}

function reviewQuestions(project: Project): FormQuestion[] {
  const questions: FormQuestion[] = [];
  const audiences = project.needs?.audiences ?? [];
  if (audiences.length > 0) {
    const ids = audienceIds(audiences);
    const labels = audiences.map((a, i) => a.who ?? ids[i]!);
    questions.push({
      code: 'AUD',
      kind: 'pick',
      text: labels.join('\n'),
      required: true,
      choices: ids.map((value, i) => ({ value, label: labels[i]! })),
    });
  }
  for (const objective of project.needs?.objectives ?? []) {
    questions.push({
      code: objective.id,
      kind: 'status',
      text: objective.text ?? objective.id,
      required: false,
      objective: objective.id,
      choices: OBJECTIVE_STATUSES.map((value) => ({ value })),
    });
    questions.push({ code: `${objective.id}/NOTE`, kind: 'text', text: '', required: false, objective: objective.id });
  }
  for (const n of range(1, SUS_ITEMS)) {
    questions.push({ code: `SUS${n}`, kind: 'sus', text: '', required: false, choices: range(1, 5).map((value) => ({ value })) });
  }
  for (const code of ['EFF+', 'EFF-', 'COM', 'NAME']) questions.push({ code, kind: 'text', text: '', required: false });
  return questions;
}

/** The questions of a form, in the order the page and the CSV ask them. */
export function formQuestions(project: Project, kind: FormKind): FormQuestion[] {
  return kind === 'poc' ? pocQuestions(project) : reviewQuestions(project);
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** Which project a response belongs to: its organisation and title, so a response to another project is recognised. */
export function projectFingerprint(project: Project): string {
  return sha256(JSON.stringify([project.project?.organisation ?? '', project.project?.title ?? '']));
}

/** Which questions were asked: changes when the project's questions change, never with the interface language. */
export function questionsFingerprint(kind: FormKind, questions: readonly FormQuestion[]): string {
  return sha256(JSON.stringify([kind, questions.map((q) => [q.code, q.text])]));
}
