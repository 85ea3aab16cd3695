import type { Translator } from '../i18n/index.js';
import type { Warning } from '../derive/warnings.js';
import { danglingMessage } from '../derive/references.js';

/** A warning said to people, in their language: shared by status, the wizard and the plan. */
export function warningMessage(warning: Warning, t: Translator): string {
  if (warning.code === 'dangling-reference' && warning.reference) return danglingMessage(warning.reference, t);
  const params = { ...warning.params };
  if (warning.code === 'single-profile') params.profile = t.named(`enum.profile.${params.profile}`);
  if (warning.code === 'weak-lead-skill') params.skill = t.named(`skill.${params.skill}`);
  if (warning.code === 'evaluation-overdue' || warning.code === 'milestone-late') params.date = t.date(String(params.date));
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
