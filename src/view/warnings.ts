import type { MsgKey, Translator } from '../i18n/index.js';
import { unmitigatedRisks, type Warning } from '../derive/warnings.js';
import type { Project } from '../generated/model.js';
import type { ReferenceTarget } from '../derive/references.js';
import { danglingMessage } from '../derive/references.js';
import { stepName } from '../steps/ids.js';
import type { StepId } from '../steps/types.js';
import { describePath } from '../steps/positions.js';
import type { Style } from './style.js';

/** A risk's first words, cut between words so that none is left in halves. */
function firstWords(text: string): string {
  if (Array.from(text).length <= 40) return text;
  const start = Array.from(text).slice(0, 40).join('');
  const space = start.lastIndexOf(' ');
  return `${(space > 20 ? start.slice(0, space) : start.slice(0, 39)).replace(/[\s,;:.]+$/u, '')}…`;
}

/**
 * A warning said to people, in their language: what is wrong, naming the item and since when.
 * Shared by status, the wizard and the documents, so it names no command (see warningAdvice).
 */
export function warningMessage(warning: Warning, t: Translator, project?: unknown): string {
  if (warning.code === 'dangling-reference' && warning.reference) return danglingMessage(warning.reference, t, describePath(warning.reference.path, project, t, { start: true }));
  const params = { ...warning.params };
  if (warning.code === 'single-profile') params.profile = t.named(`enum.profile.${params.profile}`);
  if (warning.code === 'weak-lead-skill') params.skill = t.named(`skill.${params.skill}`);
  if (warning.code === 'evaluation-overdue' || warning.code === 'milestone-late') params.date = t.date(String(params.date));
  if (warning.code === 'milestone-late') params.named = params.name ? 'yes' : 'no';
  if (warning.code === 'poc-length') params.duration = t('noun.day', { n: Number(params.days) });
  if (warning.code === 'date-order') {
    const what = t.named(`dateOrder.${params.what}`);
    params.what = what.charAt(0).toUpperCase() + what.slice(1);
    params.other = t.named(`dateOrder.${params.other}`);
    params.date = t.date(String(params.date));
    params.before = t.date(String(params.before));
  }
  if (warning.code === 'communication-behind') {
    params.since = t.date(String(params.since));
    params.due = t.date(String(params.due));
    params.frequency = t.named(`enum.frequency.${params.frequency}`);
  }
  if (warning.code === 'few-shortlisted') params.n = Number(params.count);
  // Ids the person never typed: each comes with the start of the risk's own words.
  if (warning.code === 'risk-unmitigated' && project) params.ids = t.list(unmitigatedRisks(project as Project).map(({ id, text }) => t('warning.risk-unmitigated.item', { id, text: firstWords(text) })));
  if (warning.code === 'contract-renewal') params.date = t.date(String(params.date));
  // Variants are whole sentences of their own, so that each language words each one freely.
  if (warning.code === 'data-protection-unclear' && params.problem !== 'agreement') {
    return t.named(`warning.data-protection-unclear.${params.problem}`, { ...params, law: t.named(`dataLaw.${params.law}`) });
  }
  if (warning.code === 'accessibility-unknown' && params.statement === 'none') return t('warning.accessibility-unknown.none', params);
  if (warning.code === 'budget-gaps' && params.missing !== 'training') return t.named(`warning.budget-gaps.${params.missing}`);
  if (warning.code === 'over-budget') {
    const currency = String(params.currency);
    const yearly = params.per === 'year';
    return t('warning.over-budget', {
      what: params.source === 'budget' ? t('overBudget.budget') : t('overBudget.tool', { name: params.name! }),
      amount: t.money(Number(params.amount), currency),
      when: yearly ? t('overBudget.firstYear') : t('overBudget.horizon', { years: t('noun.year', { n: Number(params.years) }) }),
      ceiling: t.money(Number(params.ceiling), currency),
      per: yearly ? t('overBudget.perYear') : t('overBudget.inAll'),
    });
  }
  if (warning.code === 'few-key-users' && params.count === 0) return t('warning.few-key-users.none');
  if (warning.code === 'unscored-criterion' && Number(params.more) > 0) params.criteria = t('status.missingMore', { list: String(params.criteria), more: t('noun.more', { n: Number(params.more) }) });
  return t(`warning.${warning.code}`, params);
}

/** The step whose `adopt edit` fixes each warning: its advice names it in the user's words. */
const fixedIn: Partial<Record<string, StepId>> = {
  'single-profile': 'key-users',
  'few-key-users': 'key-users',
  'weak-lead-skill': 'lead',
  'poc-length': 'poc',
  'unscored-criterion': 'poc',
  'no-data-export': 'research',
  'no-evaluation-date': 'evaluation',
  'milestone-late': 'needs',
  'risk-unmitigated': 'needs',
  'communication-behind': 'practices',
};
const referenceStep: Record<ReferenceTarget, StepId> = { keyUsers: 'key-users', candidates: 'research', criteria: 'poc', objectives: 'needs', audiences: 'needs', responses: 'evaluation' };
const dateStep: Record<string, StepId> = { decision: 'poc', launch: 'deployment', evaluation: 'evaluation' };

/**
 * What to do about a warning: the command and the menu path that fix it, from the catalogue's
 * `warning.<code>.advice`. For a terminal only: documents never show commands.
 */
export function warningAdvice(warning: Warning, t: Translator): string | undefined {
  const key = `warning.${warning.code}.advice`;
  if (!t.has(key)) return undefined;
  const step =
    warning.code === 'dangling-reference' && warning.reference
      ? referenceStep[warning.reference.target]
      : warning.code === 'date-order'
        ? dateStep[String(warning.params.what)]
        : fixedIn[warning.code];
  // {step} is the step that fixes it; an advice that sends to several steps names them so.
  const params: Record<string, string | number> = { ...warning.params, step: step ? stepName(step, t.lang) : '', needs: stepName('needs', t.lang), research: stepName('research', t.lang), practices: stepName('practices', t.lang) };
  // The wizard's list menu names an item by its title, or its number when it has none.
  if (warning.code === 'milestone-late') params.title = String(warning.params.name || Number(/\[(\d+)\]$/.exec(warning.path)?.[1] ?? 0) + 1);
  return t.named(key as MsgKey, params);
}

/**
 * A warning at a terminal: its message, the code dimmed after it when there is colour to dim it
 * (scripts read codes from --json), then what to do on its own line.
 */
export function warningLines(warning: { code: string; message: string; advice?: string }, style: Style, colour: boolean): string[] {
  const lines = [`  ${style('yellow', '!')} ${warning.message}${colour ? ` ${style('dim', warning.code)}` : ''}`];
  if (warning.advice) lines.push(`    ${style('dim', '→')} ${warning.advice}`);
  return lines;
}
