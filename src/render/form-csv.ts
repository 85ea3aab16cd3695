/**
 * The questions of a form for a form service the team already uses (Framaforms, Google Forms,
 * Microsoft Forms, LimeSurvey): one row per question, `code,title,choices`. The title starts with
 * `[CODE] `, which is how `adopt collect` finds the question's column in the service's export; the
 * choices are the labels to offer, one per line in the cell, as those services take them pasted.
 * An empty choices cell is a free-text question. Layout and use: docs/forms.md.
 */
import type { Project } from '../generated/model.js';
import type { MsgKey, Translator } from '../i18n/index.js';
import { formQuestions, type FormKind, type FormQuestion } from '../derive/form-questions.js';

/**
 * RFC 4180: a field with a comma, a quote or a line break is quoted, its quotes doubled. A field
 * a spreadsheet would take for a formula (a name typed as "=HYPERLINK(…)") starts with an
 * apostrophe, which spreadsheets show as text and do not run.
 */
const csvField = (value: string) => {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/**
 * The words a choice is known by, the label the form and the CSV print first: a score or a
 * usability answer is offered as "4 — Well", and typed back as that, the number or the words; a
 * status is offered as its first word in the catalogue, and the others there ("Yes", "Partly
 * met"…) are what people type in a service's free-text export. `adopt collect` accepts exactly
 * these, in every language, so what the form offers and what collect reads cannot drift apart.
 */
export function choiceWords(kind: 'score' | 'sus' | 'status', value: string | number, t: Translator): string[] {
  if (kind === 'status') return t(`form.status.${value}` as MsgKey).split('|');
  const words = t(`form.${kind}.${value}` as MsgKey);
  return [`${value} — ${words}`, words];
}

/** The label a form service offers for a choice; `adopt collect` accepts it, or its leading number. */
export function choiceLabel(question: FormQuestion, choice: NonNullable<FormQuestion['choices']>[number], t: Translator): string {
  switch (question.kind) {
    case 'score':
    case 'sus':
    case 'status':
      return choiceWords(question.kind, choice.value, t)[0]!;
    default:
      return choice.label ?? String(choice.value);
  }
}

function title(project: Project, question: FormQuestion, t: Translator): string {
  const criteria = project.poc?.criteria ?? [];
  const tool = (id?: string) => {
    const candidate = (project.research?.candidates ?? []).find((c) => c.id === id);
    return candidate?.name ?? id ?? '';
  };
  const objective = (project.needs?.objectives ?? []).find((o) => o.id === question.objective);
  const objectiveText = objective?.text ?? question.objective ?? '';
  switch (question.code) {
    case 'WHO':
      return t('form.poc.who');
    case 'AUD':
      return t('form.review.audience');
    case 'EFF+':
      return t('form.review.effectPositive');
    case 'EFF-':
      return t('form.review.effectNegative');
    case 'COM':
      return t('form.review.comment');
    case 'NAME':
      return t('form.review.name');
  }
  if (question.kind === 'score') {
    const criterion = criteria.find((c) => c.id === question.criterion);
    return t('form.csv.score', { tool: tool(question.candidate), criterion: criterion?.text ?? question.criterion ?? '', weight: criterion?.weight ?? 1 });
  }
  if (question.kind === 'sus') return t('form.csv.sus', { item: t(`sus.${question.code.slice(3)}` as MsgKey) });
  if (question.kind === 'status') return t('form.csv.objective', { objective: objectiveText });
  if (question.candidate) return t('form.poc.note', { tool: tool(question.candidate) });
  return t('form.csv.objectiveNote', { objective: objectiveText });
}

/**
 * One line per question, with a header line; lines end with CRLF as RFC 4180 and spreadsheets
 * expect, and a byte order mark opens it so that Excel reads its accents as UTF-8.
 */
export function formCsv(project: Project, kind: FormKind, t: Translator): string {
  const rows = [['code', 'title', 'choices']];
  for (const question of formQuestions(project, kind)) {
    const choices = (question.choices ?? []).map((choice) => choiceLabel(question, choice, t));
    rows.push([question.code, `[${question.code}] ${title(project, question, t)}`, choices.join('\n')]);
  }
  return '\ufeff' + rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
