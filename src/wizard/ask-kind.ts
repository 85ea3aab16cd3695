/**
 * One answer of one kind, asked through the prompter: text, a date, a number, a choice, a
 * reference to another list, a list of strings. Undefined means "passed over" (only for an
 * optional question); CLEARED, that an answer there was is removed.
 */
import { localeOf, type Translator } from '../i18n/index.js';
import type { ChoiceField, Context, Field, RefField, TextField } from '../steps/types.js';
import { isRequired, type StepId } from '../steps/types.js';
import { stepName } from '../steps/ids.js';
import { toolsInTest } from '../derive/matrix.js';
import { isContact, isEmail, parseNumber } from './answers.js';
import { parseDate } from '../util/dates.js';
import type { Choice, Prompter } from './prompter.js';

/** "None for now" chosen where there was an answer: the answer is removed. */
export const CLEARED = Symbol('cleared');

export type ValueField = Exclude<Field, { kind: 'group' | 'list' | 'scores' }>;

/** What every kind of question needs to ask: the field as a prompt, and the current answer. */
interface Asking {
  prompter: Prompter;
  t: Translator;
  /** The current answer, or the step's suggestion: the default. */
  proposal: unknown;
  must: boolean;
  q: { message: string; help?: string };
  /** Undefined for a non-blank answer; for a blank one, whether it may stay blank. */
  blank(value: string): string | true | undefined;
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export async function askKind(field: ValueField, proposal: unknown, ctx: Context, engine: { prompter: Prompter; t: Translator }, verify: (value: unknown) => string | true = () => true): Promise<unknown> {
  const { prompter, t } = engine;
  const must = isRequired(field, ctx);
  const message = capitalise(t(field.label)) + (field.kind === 'date' ? t('prompt.dateFormat') : '');
  const help = field.help ? t(field.help) : undefined;
  const asking: Asking = { prompter, t, proposal, must, q: { message, ...(help ? { help } : {}) }, blank: (value) => (value === '' ? (must ? t('prompt.required') : true) : undefined) };
  switch (field.kind) {
    case 'text':
    case 'longtext':
    case 'url':
    case 'email':
      return askText(field, asking);
    case 'currency':
      return askCurrency(asking);
    case 'date':
      return askDate(asking, verify);
    case 'number':
    case 'integer':
      return askNumber(field, asking);
    case 'boolean':
      return prompter.confirm({ ...asking.q, default: typeof proposal === 'boolean' ? proposal : false });
    case 'choice':
      return pickOne(enumChoices(field, t), asking);
    case 'choices':
      return pickMany(enumChoices(field, t), asking);
    case 'ref':
    case 'refs':
      return askReference(field, ctx, asking);
    case 'strings':
      return askStrings(field, asking);
  }
}

const withDefault = (proposal: unknown) => (typeof proposal === 'string' ? { default: proposal } : {});

async function askText(field: TextField, { prompter, t, proposal, q, blank }: Asking): Promise<unknown> {
  const check = field.kind === 'email' ? (v: string) => (isContact(v) ? true : t(v.includes('@') && !isEmail(v) ? 'prompt.badEmail' : 'prompt.badContact')) : () => true as const;
  const answer = await prompter.text({ ...q, ...withDefault(proposal), validate: (v) => blank(v) ?? check(v) });
  return answer === '' ? undefined : answer;
}

async function askCurrency({ prompter, t, proposal, q, blank }: Asking): Promise<unknown> {
  const answer = await prompter.text({ ...q, ...withDefault(proposal), validate: (v) => blank(v) ?? (/^[A-Za-z]{3}$/.test(v) ? true : t('prompt.badCurrency')) });
  return answer === '' ? undefined : answer.toUpperCase();
}

async function askDate({ prompter, t, proposal, q, blank }: Asking, verify: (value: unknown) => string | true): Promise<unknown> {
  const typed = (value: string) => parseDate(value, localeOf(t.lang).dateOrder);
  const answer = await prompter.text({ ...q, ...withDefault(proposal), validate: (v) => blank(v) ?? (typed(v) ? verify(typed(v)) : t('prompt.badDate')) });
  return answer === '' ? undefined : typed(answer);
}

async function askNumber(field: Extract<Field, { kind: 'number' | 'integer' }>, { prompter, t, proposal, q, blank }: Asking): Promise<unknown> {
  const shown = typeof proposal === 'number' ? t.number(proposal) : undefined;
  const answer = await prompter.text({
    ...q,
    ...(shown !== undefined ? { default: shown } : {}),
    validate: (v) => {
      const empty = blank(v);
      if (empty !== undefined) return empty;
      const n = parseNumber(v, t.lang);
      if (n === undefined || (field.kind === 'integer' && !Number.isInteger(n))) return t(field.kind === 'integer' ? 'prompt.badInteger' : 'prompt.badNumber');
      if (field.min !== undefined && n < field.min) return t('prompt.tooSmall', { min: field.min });
      if (field.max !== undefined && n > field.max) return t('prompt.tooLarge', { max: field.max });
      return true;
    },
  });
  return answer === '' ? undefined : parseNumber(answer, t.lang);
}

function enumChoices(field: ChoiceField, t: Translator): Choice<string>[] {
  return field.choices.map((value) => ({ value, label: t.named(`${field.labels}.${value}`) }));
}

/** One answer among choices; for an optional question "None for now" passes (or clears). */
async function pickOne(choices: Choice<string>[], { prompter, t, proposal, must, q }: Asking): Promise<unknown> {
  const options = must ? choices : [...choices, { value: '', label: t('prompt.skip') }];
  const answer = await prompter.select({ ...q, choices: options, ...withDefault(proposal) });
  return answer === '' ? (proposal !== undefined ? CLEARED : undefined) : answer;
}

/** Several answers among choices; a required question needs at least one. */
async function pickMany(choices: Choice<string>[], { prompter, t, proposal, must, q }: Asking): Promise<unknown> {
  const answer = await prompter.checkbox({
    ...q,
    choices,
    default: Array.isArray(proposal) ? (proposal as string[]) : [],
    validate: (values) => (must && values.length === 0 ? t('prompt.pickOne') : true),
  });
  return answer.length ? answer : undefined;
}

async function askReference(field: RefField, ctx: Context, asking: Asking): Promise<unknown> {
  const { prompter, t } = asking;
  const choices = referenceChoices(field, ctx, t);
  if (choices.filter((c) => c.value !== 'none').length === 0) {
    prompter.say(t('prompt.nothingToPick', { what: t(field.label), step: stepName(sourceStep[field.target], t.lang) }));
    return undefined;
  }
  return field.kind === 'ref' ? pickOne(choices, asking) : pickMany(choices, asking);
}

async function askStrings(field: Extract<Field, { kind: 'strings' }>, { prompter, t, proposal, must, q }: Asking): Promise<unknown> {
  const current = Array.isArray(proposal) ? (proposal as string[]) : [];
  if (current.length > 0) {
    prompter.say(t('prompt.current', { list: current.join(' · ') }));
    if (await prompter.confirm({ message: t('prompt.keepThese'), default: true })) return current;
  }
  const entered: string[] = [];
  for (;;) {
    const answer = await prompter.text({
      message: t('prompt.addOne', { what: capitalise(t(field.label)), n: entered.length + 1 }),
      ...(q.help && entered.length === 0 ? { help: q.help } : {}),
      validate: (v) => (v === '' && entered.length === 0 && must ? t('prompt.required') : true),
    });
    if (answer === '') break;
    entered.push(answer);
  }
  return entered.length ? entered : undefined;
}

/** Where the items of each referenced list are entered: the step to go back to. */
const sourceStep: Record<RefField['target'], StepId> = { keyUsers: 'key-users', objectives: 'needs', candidates: 'research', criteria: 'poc' };

function referenceChoices(field: RefField, ctx: Context, t: Translator): Choice<string>[] {
  const project = ctx.project;
  const named = (items: readonly { id: string; name?: string; text?: string }[] | undefined) =>
    (items ?? []).map((item) => ({ value: item.id, label: item.name ?? item.text ?? item.id }));
  let choices: Choice<string>[];
  switch (field.target) {
    case 'keyUsers':
      choices = named(project.keyUsers);
      break;
    case 'objectives':
      choices = named(project.needs?.objectives);
      break;
    case 'criteria':
      choices = named(project.poc?.criteria);
      break;
    case 'candidates':
      choices = named(field.shortlistedOnly ? toolsInTest(project) : project.research?.candidates);
  }
  if (field.allowNone) choices.push({ value: 'none', label: t('prompt.noneChosen') });
  return choices;
}
