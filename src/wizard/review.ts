/**
 * The questions of a review (`adopt evaluate` at a terminal). A review is recorded whole, so
 * until its last answer it lives in the journal: after every answer `keep` is called with the
 * progress, and a progress handed back from the journal resumes at the first unanswered question.
 */
import { localeOf, type Translator } from '../i18n/index.js';
import type { Project, Review } from '../generated/model.js';
import { addMonths, parseDate, withinRange } from '../util/dates.js';
import { visible } from '../util/visible.js';
import { EVALUATION_DELAY_MONTHS } from '../derive/events.js';
import { susScore, SUS_ITEMS } from '../derive/sus.js';
import { digestResponses, unusedResponses, type ObjectiveVotes } from '../derive/responses.js';

/** The questionnaire's statements by number, each with its sentence in the catalogue (`sus.1` to `sus.10`). */
const SUS_NUMBERS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;
import type { Style } from '../view/style.js';
import type { Prompter } from './prompter.js';
import type { ReviewProgress } from './journal.js';
import { stepName } from '../steps/ids.js';

const statuses = ['met', 'partial', 'unmet'] as const;

export interface Asking {
  prompter: Prompter;
  t: Translator;
  style: Style;
  project: Project;
  previous: Review | undefined;
  keep: (progress: ReviewProgress) => Promise<void>;
}

/** A journal's review still fits the project: its objectives exist, its day has no review yet. */
export function reviewFits(progress: ReviewProgress, project: Project): boolean {
  const ids = new Set((project.needs?.objectives ?? []).map((o) => o.id));
  const given = progress.review.objectives ?? [];
  if (!Array.isArray(given)) return false;
  const named = [...given.map((o: unknown) => (o as { id?: unknown } | null)?.id), ...(progress.current?.kind === 'objective' ? [progress.current.id] : [])];
  if (named.some((id) => typeof id !== 'string' || !ids.has(id))) return false;
  return !(project.evaluation?.reviews ?? []).some((r) => r.date === progress.review.date);
}

/** Asks what the progress does not hold yet; returns the whole review and the next review's date. */
export async function askReview(progress: ReviewProgress, asking: Asking): Promise<{ review: Review; next: string | undefined }> {
  const { prompter, t, style, project, previous } = asking;
  const review = progress.review as unknown as Review;
  const date = review.date;
  const done = (part: string) => progress.answered.includes(part);
  const keep = () => asking.keep(progress);
  const finish = async (part: string) => {
    progress.answered.push(part);
    delete progress.current;
    await keep();
  };
  const current = (kind: string) => (progress.current?.kind === kind ? progress.current : undefined);

  const objectives = project.needs?.objectives ?? [];
  // The collected answers no earlier review used: what respondents said comes before the team's say.
  const collected = unusedResponses(project);
  const heard = collected.length > 0 ? digestResponses(project, collected) : undefined;
  if (heard) {
    review.responses = collected.map((r) => r.id);
    prompter.say(t('evaluate.heard', { n: heard.respondents }));
    if (heard.usability) prompter.say(t('evaluate.heardUsability', { mean: t.number(heard.usability.mean, 1), min: t.number(heard.usability.min, 1), max: t.number(heard.usability.max, 1), scores: t.list(heard.usability.scores.map((s) => t.number(s, 1))) }));
    for (const group of heard.groups) if (group.usability) prompter.say(`  ${t('evaluate.heardGroupUsability', { who: group.who, mean: t.number(group.usability.mean, 1), n: group.usability.respondents })}`);
  }
  if (objectives.length === 0) prompter.say(t('evaluate.noObjectives', { step: stepName('needs', t.lang) }));
  for (const objective of objectives) {
    if (done(`objective:${objective.id}`)) continue;
    const before = previous?.objectives?.find((o) => o.id === objective.id)?.status;
    prompter.say(`\n${style('bold', visible(`${objective.id} · ${objective.text ?? ''}`))}${objective.indicator ? `\n${t('evaluate.indicator', { indicator: objective.indicator })}` : ''}${before ? `\n${t('evaluate.previously', { status: t(`enum.status.${before}`) })}` : ''}`);
    const votes = heard?.objectives.find((o) => o.id === objective.id);
    if (votes && votes.answered > 0) {
      prompter.say(t('evaluate.votes', { votes: votesLine(votes, t) }));
      for (const group of heard!.groups) {
        const inGroup = group.objectives.find((o) => o.id === objective.id);
        if (inGroup && inGroup.answered > 0) prompter.say(`  ${group.who}${t('doc.colon')} ${votesLine(inGroup, t)}`);
      }
    }
    const proposed = votes?.majority ?? before;
    const known = current('objective');
    let status = known?.id === objective.id && statuses.includes(known.status as never) ? (known.status as (typeof statuses)[number]) : undefined;
    if (!status) {
      status = await prompter.select({
        message: t('evaluate.status'),
        choices: statuses.map((value) => ({ value, label: t(`enum.status.${value}`) })),
        ...(proposed ? { default: proposed } : {}),
      });
      progress.current = { kind: 'objective', id: objective.id, status };
      await keep();
    }
    const evidence = await prompter.text({ message: t('evaluate.evidence'), help: t('evaluate.evidenceHelp') });
    (review.objectives ??= []).push({ id: objective.id, status, ...(evidence ? { evidence } : {}) });
    await finish(`objective:${objective.id}`);
  }

  if (!done('effects')) {
    prompter.say(`\n${style('bold', t('evaluate.effectsTitle'))}\n${t('evaluate.effectsHints')}`);
    for (let n = (review.effects?.length ?? 0) + 1; ; n++) {
      const known = current('effect');
      const text = typeof known?.text === 'string' ? known.text : await prompter.text({ message: t('evaluate.effect', { n }) });
      if (text === '') break;
      progress.current = { kind: 'effect', text };
      await keep();
      const kind =
        known?.effect === 'positive' || known?.effect === 'negative'
          ? known.effect
          : await prompter.select({ message: t('evaluate.effectKind'), choices: (['positive', 'negative'] as const).map((value) => ({ value, label: t(`enum.effect.${value}`) })) });
      progress.current = { kind: 'effect', text, effect: kind };
      await keep();
      const anticipated = await prompter.confirm({ message: t('evaluate.anticipated'), default: false });
      (review.effects ??= []).push({ text, kind, anticipated });
      delete progress.current;
      await keep();
    }
    await finish('effects');
  }

  if (!done('usability')) {
    await askUsability(progress, asking);
    await finish('usability');
  }

  if (!done('by')) {
    const by = await prompter.text({ message: t('evaluate.by'), help: t('evaluate.byHelp'), ...(project.lead?.name ? { default: project.lead.name } : {}) });
    if (by) review.by = by.split(/\s*[,;]\s*/).filter(Boolean);
    await finish('by');
  }
  if (!done('hindsight')) {
    const hindsight = await prompter.text({ message: t('evaluate.hindsight'), help: t('evaluate.hindsightHelp') });
    if (hindsight) review.hindsight = hindsight;
    await finish('hindsight');
  }
  if (!done('decision') || !review.decision) {
    review.decision = await prompter.select({
      message: t('evaluate.decision'),
      choices: (['continue', 'adjust', 'stop'] as const).map((value) => ({ value, label: t(`enum.decision.${value}`), hint: t(`evaluate.decisionHint.${value}`) })),
    });
    await finish('decision');
  }
  if (!done('rationale')) {
    // The log of an "adjust" or a "stop" says why; a "continue" may go without.
    const must = review.decision !== 'continue';
    const rationale = await prompter.text({
      message: t('evaluate.rationale'),
      help: t(`evaluate.rationaleHelp.${review.decision}`),
      validate: (value) => (must && value.trim() === '' ? t('evaluate.rationaleNeeded') : true),
    });
    if (rationale.trim()) review.rationale = rationale;
    await finish('rationale');
  }
  if (!done('actions') && review.decision !== 'continue') {
    await askActions(progress, asking);
    await finish('actions');
  }
  if (!done('notes')) {
    const notes = await prompter.text({ message: t('evaluate.notes') });
    if (notes) review.notes = notes;
    await finish('notes');
  }

  const proposed = withinRange(addMonths(date, EVALUATION_DELAY_MONTHS));
  const typed = (value: string) => parseDate(value, localeOf(t.lang).dateOrder);
  const next = await prompter.text({
    message: t('evaluate.nextDue'),
    help: t('evaluate.nextDueHelp'),
    default: proposed,
    validate: (value) => (value === '' || (typed(value) && typed(value)! > date) ? true : typed(value) ? t('evaluate.nextDueBad', { date: t.date(date) }) : t('prompt.badDate')),
  });
  return { review, next: next ? typed(next) : undefined };
}

/** "met 5, partly 2, not met 1": how respondents rated one objective. */
function votesLine(votes: ObjectiveVotes, t: Translator): string {
  return t.list(statuses.filter((s) => votes.counts[s] > 0).map((s) => `${t(`enum.status.${s}`)} ${votes.counts[s]}`));
}

/**
 * What changes after an "adjust" (at least one change), or what it takes to stop: what, who does
 * it, by when, one after another until an empty "what". Each is kept as soon as it is whole.
 */
async function askActions(progress: ReviewProgress, asking: Asking): Promise<void> {
  const { prompter, t, style, project } = asking;
  const review = progress.review as unknown as Review;
  const keep = () => asking.keep(progress);
  const decision = review.decision === 'stop' ? 'stop' : 'adjust';
  const typed = (value: string) => parseDate(value, localeOf(t.lang).dateOrder);
  prompter.say(`\n${style('bold', t(`evaluate.actionsTitle.${decision}`))}\n${t(`evaluate.actionsHint.${decision}`)}`);
  for (;;) {
    const n = (review.actions?.length ?? 0) + 1;
    const known = progress.current?.kind === 'action' ? progress.current : undefined;
    const what =
      typeof known?.what === 'string'
        ? known.what
        : await prompter.text({
            message: t('evaluate.actionWhat', { n }),
            validate: (value) => (decision === 'adjust' && n === 1 && value.trim() === '' ? t('evaluate.actionNeeded') : true),
          });
    if (what.trim() === '') return;
    progress.current = { kind: 'action', what };
    await keep();
    // The one who did the last one, else the project's lead: Enter is the usual answer.
    const usual = review.actions?.at(-1)?.who ?? project.lead?.name;
    const who = typeof known?.who === 'string' ? known.who : await prompter.text({ message: t('evaluate.actionWho'), ...(usual ? { default: usual } : {}) });
    progress.current = { kind: 'action', what, who };
    await keep();
    const by = await prompter.text({
      message: t('evaluate.actionBy') + t('prompt.dateFormat'),
      help: t('evaluate.actionByHelp'),
      validate: (value) => {
        if (value === '') return true;
        const date = typed(value);
        if (!date) return t('prompt.badDate');
        return date >= review.date ? true : t('evaluate.actionByBad', { date: t.date(review.date) });
      },
    });
    (review.actions ??= []).push({ what, ...(who.trim() ? { who } : {}), ...(by ? { by: typed(by)! } : {}) });
    delete progress.current;
    await keep();
  }
}

/** The questionnaire, one respondent after another, as long as people are there to answer it. */
async function askUsability(progress: ReviewProgress, asking: Asking): Promise<void> {
  const { prompter, t } = asking;
  const review = progress.review as unknown as Review;
  const keep = () => asking.keep(progress);
  // 'respondent': one person's answers in progress; 'respondents': between two people.
  const state = progress.current?.kind;
  if (state !== 'respondent' && state !== 'respondents') {
    if (!(await prompter.confirm({ message: t('evaluate.susAsk'), help: t('evaluate.susHelp'), default: false }))) return;
    progress.current = { kind: 'respondent', answers: [] };
    await keep();
  }
  const scale = ([1, 2, 3, 4, 5] as const).map((value) => ({ value, label: t(`evaluate.susScale.${value}`) }));
  for (;;) {
    if (progress.current?.kind === 'respondent') {
      const kept = progress.current.answers;
      const answers = Array.isArray(kept) ? kept.filter((a): a is number => Number.isInteger(a) && a >= 1 && a <= 5).slice(0, SUS_ITEMS) : [];
      prompter.say(t('evaluate.susRespondent', { n: (review.usability?.length ?? 0) + 1 }));
      for (let item = answers.length + 1; item <= SUS_ITEMS; item++) {
        answers.push(await prompter.select({ message: `${item}/10 · ${t(`sus.${SUS_NUMBERS[item - 1]!}`)}`, choices: scale, default: 3 }));
        progress.current = { kind: 'respondent', answers: [...answers] };
        await keep();
      }
      const score = susScore(answers);
      (review.usability ??= []).push(score);
      progress.current = { kind: 'respondents' };
      await keep();
      prompter.say(t('evaluate.susScore', { score: t.number(score, 1) }));
    }
    if (!(await prompter.confirm({ message: t('evaluate.susAnother'), default: false }))) return;
    progress.current = { kind: 'respondent', answers: [] };
    await keep();
  }
}
