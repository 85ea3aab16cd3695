/**
 * What an answer says besides itself: an amount's currency and period, and what an item's name
 * carries along ("Abonnement : 29 €/mois", "Sophie Lambert, animatrice", "Phase 1 : 05/12/2026 –
 * 31/12/2026", a cost line's category from its words). The item takes each, and the questions
 * answered along are passed.
 */
import type { Translator } from '../i18n/index.js';
import type { Context, NumberField, TextField } from '../steps/types.js';
import { today as todayOf } from '../util/dates.js';
import type { Amount } from './answers.js';
import { carriesTwo, endBefore, markAlong, readNameAndAmount, readNameAndDate, readNameAndDates, readNameAndRole, readSort, type Carried } from './along.js';
import type { Prompter, Question } from './prompter.js';

/** What every kind of question needs to ask: the field as a prompt, and the current answer. */
export interface Asking {
  prompter: Prompter;
  ctx: Context;
  t: Translator;
  /** The current answer, or the step's suggestion: the default. */
  proposal: unknown;
  must: boolean;
  q: Question;
  /** Undefined for a non-blank answer; for a blank one, whether it may stay blank. */
  blank(value: string): string | true | undefined;
}

/**
 * An amount typed with its currency and period. The period fills a budget line's kind and
 * period; the currency, the budget's when it has none yet, and refused when it differs.
 */
export function amountFacts(field: NumberField, read: Amount, asking: Asking): string | true {
  const { t } = asking;
  const foreign = foreignCurrency(read, asking);
  if (foreign) return foreign;
  if (field.money === 'monthly' && ((read.period && read.period !== 'month') || read.once)) return t('prompt.monthlyOnly');
  if (field.money === 'ceiling' && read.period && read.period !== 'year') return t('prompt.ceilingPer');
  return true;
}

export function keepAmountFacts(field: NumberField, read: Amount, asking: Asking): void {
  const { ctx, t, prompter } = asking;
  takeCurrency(read, ctx);
  const item = ctx.item;
  if (field.money === 'ceiling' && item && (read.period || read.once)) {
    // "1 500 € par an" is a ceiling per year; "3 000 € une fois", one for the whole project.
    item.per = read.period ? 'year' : 'total';
    markAlong(item, ['per']);
    const { period: _period, once: _once, ...amount } = read;
    prompter.say(t('prompt.understood', { what: `${amountSaid(amount, asking)} ${t.named(`enum.ceilingPer.${String(item.per)}`)}` }));
    return;
  } else if (field.money === 'recurring' && item) markAlong(item, takePeriod(item, read));
  prompter.say(t('prompt.understood', { what: amountSaid(read, asking) }));
}

/**
 * How often a line's amount is paid, when its answer said it ("29 €/mois", "600 € une fois");
 * nothing to pay is paid once, so how often is no question for it. The keys it answered.
 */
function takePeriod(item: Record<string, unknown>, read: Amount): string[] {
  if (read.period) {
    Object.assign(item, { kind: 'recurring', period: read.period });
    return ['kind', 'period'];
  }
  if (read.once || (read.amount === 0 && item.kind === undefined)) {
    item.kind = 'one-off';
    delete item.period;
    return ['kind'];
  }
  return [];
}

/** An amount as the wizard says it back: "29,00 € par mois", "400,00 £ une fois". */
export function amountSaid(read: Amount, { ctx, t }: Asking): string {
  const currency = read.currency ?? ctx.project.needs?.budget?.currency;
  const money = currency ? t.money(read.amount, currency) : t.number(read.amount);
  if (read.once) return t('prompt.amountOnce', { amount: money });
  // "par an", not "par année": the menu's word for a period is not the one said after an amount.
  return read.period ? t(`prompt.per.${read.period}`, { amount: money }) : money;
}

/** A currency typed with an amount becomes the budget's when the budget has none yet. */
function takeCurrency(read: Amount, ctx: Context): void {
  const project = ctx.project as { needs?: { budget?: { currency?: string } } };
  if (!read.currency || project.needs?.budget?.currency) return;
  project.needs ??= {};
  project.needs.budget ??= {};
  project.needs.budget.currency = read.currency;
}

/** A currency typed with an amount: the budget's when it has none yet, refused when it differs. */
function foreignCurrency(read: Amount, { ctx, t }: Asking): string | undefined {
  const budget = ctx.project.needs?.budget?.currency;
  return read.currency && budget && read.currency !== budget.toUpperCase() ? t('prompt.otherCurrency', { currency: budget }) : undefined;
}

/**
 * An item's name typed with what comes next ("Abonnement Adhésio : 29 €/mois", "Choix de
 * l'outil : 15/03/2027"): the item takes both, and the questions answered along are passed.
 */
export function carriedBy(field: TextField, text: string, asking: Asking): Carried | undefined {
  const { ctx, t } = asking;
  switch (field.carries) {
    case 'amount':
      return readNameAndAmount(text, t);
    case 'date':
      return readNameAndDate(text, t, ctx.today ?? todayOf());
    case 'dates':
      return readNameAndDates(text, t, ctx.today ?? todayOf());
    case 'role':
    case 'tool':
      return readNameAndRole(text);
    default:
      return undefined;
  }
}

export function refusedCarried(field: TextField, text: string, asking: Asking): string | true {
  const carried = carriedBy(field, text, asking);
  if (carried && carriesTwo(carried, asking.t, asking.ctx.today ?? todayOf())) return asking.t('prompt.oneAtATime');
  if (carried && 'from' in carried) return endBefore(carried, asking.t) ?? true;
  if (!carried || !('amount' in carried)) return true;
  const read = carried.amount;
  if (read.amount < 0) return asking.t('prompt.tooSmall', { min: 0 });
  if (field.into && ((read.period && read.period !== 'month') || read.once)) return asking.t('prompt.monthlyOnly');
  return foreignCurrency(read, asking) ?? true;
}

/** The choice the words of a name make plain, set on the item; how it is said back. */
export function sortOf(field: TextField, text: string, { ctx, t }: Asking): string | undefined {
  const item = ctx.item;
  // A new name's words decide, over what was guessed for the old one.
  if (!field.sorts || !item) return undefined;
  const value = readSort(text, field.sorts, t);
  if (!value) return undefined;
  item[field.sorts.key] = value;
  markAlong(item, [field.sorts.key]);
  return t('prompt.sortedFor', { what: t.named(`${field.sorts.labels}.${value}`) });
}

export function keepCarried(carried: Carried, field: TextField, asking: Asking, sort?: string): string {
  const { ctx, t, prompter } = asking;
  const item = ctx.item!;
  const into = field.into;
  const understood = (what: string) => prompter.say(t('prompt.understood', { what: [carried.name, what, ...(sort ? [sort] : [])].join(' · ') }));
  if ('role' in carried) {
    // What follows a name after a comma: a person's role, or the tool an organisation uses.
    const key = field.carries === 'tool' ? 'tool' : 'role';
    item[key] = carried.role;
    markAlong(item, [key]);
    understood(carried.role);
    return carried.name;
  }
  if ('from' in carried) {
    Object.assign(item, { start: carried.from.iso, end: carried.to.iso });
    markAlong(item, ['start', 'end']);
    understood(t('prompt.fromTo', { from: t.date(carried.from.iso), to: t.date(carried.to.iso) }));
    return carried.name;
  }
  if ('date' in carried) {
    item.date = carried.date.iso;
    markAlong(item, ['date']);
    understood(t.date(carried.date.iso));
    return carried.name;
  }
  const read = carried.amount;
  takeCurrency(read, ctx);
  if (into) {
    item[into] = read.amount;
    markAlong(item, [into]);
    understood(amountSaid({ ...read, period: 'month' }, asking));
    return carried.name;
  }
  item.amount = read.amount;
  markAlong(item, ['amount', ...takePeriod(item, read)]);
  understood(amountSaid(read, asking));
  return carried.name;
}
