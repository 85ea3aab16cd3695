/**
 * One answer of one kind, asked through the prompter: text, a date, a number, a choice, a
 * reference to another list, a list of strings. Undefined means "passed over" (only for an
 * optional question); CLEARED, that an answer there was is removed.
 */
import { localeOf, type Translator } from '../i18n/index.js';
import type { ChoiceField, Context, Field, NumberField, RefField, StringsField, TextField } from '../steps/types.js';
import { isRequired, type StepId } from '../steps/types.js';
import { stepName } from '../steps/ids.js';
import { toolsInTest } from '../derive/matrix.js';
import { amountWords, dateAlone, emailSuggestion, isContact, isEmail, parseAmount, parseOutOf, readCurrency, type Amount } from './answers.js';
import { loadDateReader, loadedDateReader, parseDate, today as todayOf, typedDate, type DateReading } from '../util/dates.js';
import { answeredAlong, endBefore, markAlong, readDates, readyForDates } from './along.js';
import { amountFacts, carriedBy, keepAmountFacts, keepCarried, refusedCarried, sortOf, type Asking } from './carried.js';
import type { Choice, Prompter } from './prompter.js';

/** "None for now" chosen where there was an answer: the answer is removed. */
export const CLEARED = Symbol('cleared');

export type ValueField = Exclude<Field, { kind: 'group' | 'list' | 'scores' }>;

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export async function askKind(field: ValueField, proposal: unknown, ctx: Context, engine: { prompter: Prompter; t: Translator; path?: readonly (string | number)[]; helped?: Set<string> }, verify: (value: unknown) => string | true = () => true): Promise<unknown> {
  const { prompter, t } = engine;
  const must = isRequired(field, ctx);
  const message = capitalise(t(field.label)) + (field.kind === 'date' ? t('prompt.dateFormat') : '');
  // A help read once is not read again for each item of a list: the question alone says enough then.
  const help = field.help && !engine.helped?.has(field.help) ? t(field.help) : undefined;
  if (field.help) engine.helped?.add(field.help);
  const asking: Asking = { prompter, ctx, t, proposal, must, q: { message, ...(help ? { help } : {}), ...(engine.path ? { path: engine.path } : {}) }, blank: (value) => (value === '' ? (must ? t('prompt.required') : true) : undefined) };
  switch (field.kind) {
    case 'text':
    case 'longtext':
    case 'url':
    case 'email':
      return askText(field, asking);
    case 'currency':
      return askCurrency(asking);
    case 'date':
      return askDate(field, asking, verify);
    case 'number':
    case 'integer':
      return askNumber(field, asking);
    case 'boolean':
      return prompter.confirm({ ...asking.q, default: typeof proposal === 'boolean' ? proposal : false });
    case 'choice':
      return field.with ? pickPair(field, asking) : pickOne(enumChoices(field, ctx, t), asking);
    case 'choices':
      return pickMany(enumChoices(field, ctx, t), asking);
    case 'ref':
    case 'refs':
      return askReference(field, ctx, asking);
    case 'strings':
      return askStrings(field, asking);
  }
}

const withDefault = (proposal: unknown) => (typeof proposal === 'string' ? { default: proposal } : {});

async function askText(field: TextField, asking: Asking): Promise<unknown> {
  const { prompter, t, proposal, q, blank } = asking;
  const email = field.kind === 'email';
  // A slip such as gmail,com passes the check, to be offered corrected just after.
  const check = email ? (v: string) => (isContact(v) || emailSuggestion(v) ? true : t(v.includes('@') && !isEmail(v) ? 'prompt.badEmail' : 'prompt.badContact')) : () => true as const;
  let shown = withDefault(proposal);
  const carries = field.carries && asking.ctx.item ? field.carries : undefined;
  let declined: string | undefined;
  for (;;) {
    const answer = await prompter.text({ ...q, ...shown, validate: (v) => blank(v) ?? (carries ? refusedCarried(field, v, asking) : check(v)) });
    if (carries && answer !== proposal) {
      if (carries === 'date' || carries === 'dates') await readyForDates(answer, t);
      const carried = carriedBy(field, answer, asking);
      const sort = sortOf(field, carried?.name ?? answer, asking);
      if (carried) return keepCarried(carried, field, asking, sort);
      if (sort) prompter.say(t('prompt.understood', { what: `${answer} · ${sort}` }));
    }
    // Typed again as it was after a "no": the person means it, and is not asked a second time.
    const suggestion = email && answer !== proposal && answer !== declined ? emailSuggestion(answer) : undefined;
    if (!suggestion) return answer === '' ? undefined : answer;
    if (await prompter.confirm({ message: t('prompt.didYouMean', { suggestion }), default: true })) return suggestion;
    if (isContact(answer)) return answer;
    declined = answer;
    shown = { default: answer };
  }
}

async function askCurrency({ prompter, t, proposal, q, blank }: Asking): Promise<unknown> {
  const words = amountWords(t);
  const answer = await prompter.text({ ...q, ...withDefault(proposal), validate: (v) => blank(v) ?? (readCurrency(v, words) ? true : t('prompt.badCurrency')) });
  if (answer === '') return undefined;
  const code = readCurrency(answer, words)!;
  if (code !== answer) prompter.say(t('prompt.understood', { what: code }));
  return code;
}

/**
 * 15/03/2027 and 2027-03-15 are read at once; any other form (15 mars 2027, March 15, 2027,
 * 15/03/27) by chrono-node, loaded the first time one is typed. The reading is said back, and
 * asked about when the year was guessed or the day and month were typed the other way round.
 * A start that carries its end ("du 19/10/2026 au 13/11/2026") fills the end too.
 */
async function askDate(field: TextField, { prompter, ctx, t, proposal, q, blank }: Asking, verify: (value: unknown) => string | true): Promise<unknown> {
  const { dateOrder, dateWords } = localeOf(t.lang);
  const strict = (value: string) => parseDate(dateAlone(value, t), dateOrder);
  const today = ctx.today ?? todayOf();
  const reading = (value: string): DateReading | undefined => loadedDateReader(dateWords)?.(dateAlone(value, t), today);
  const item = field.carries === 'end' ? ctx.item : undefined;
  // An end carried by an answer then doubted ("are you sure?" answered no) is asked again, not kept.
  if (item && answeredAlong(item, 'end')) delete item.end;
  // Two dates first: a date among words would otherwise take the start alone.
  const range = (value: string) => (item ? readDates(value, t, today) : undefined);
  const rangeRefused = (dates: NonNullable<ReturnType<typeof range>>) => endBefore(dates, t) ?? (verify(dates.from.iso) === true ? undefined : String(verify(dates.from.iso)));
  // Until chrono-node is loaded, a form it may read passes the prompt's check, and is read just after.
  const check = (value: string): string | true => {
    const dates = range(value);
    if (dates) return rangeRefused(dates) ?? true;
    const iso = strict(value) ?? reading(value)?.iso;
    if (iso) return verify(iso);
    // 30/02/2027 is written the strict way and is no day: no need of chrono-node to say so.
    if (!loadedDateReader(dateWords) && !/^\d{1,2}[/.]\d{1,2}[/.]\d{4}$|^\d{4}-\d{1,2}-\d{1,2}$/.test(dateAlone(value, t))) {
      void loadDateReader(dateWords).catch(() => undefined);
      return true;
    }
    return t('prompt.badDate');
  };
  let shown = typeof proposal === 'string' ? { default: typedDate(proposal, dateOrder) } : {};
  for (;;) {
    const answer = await prompter.text({ ...q, ...shown, validate: (v) => blank(v) ?? check(v) });
    if (answer === '') return undefined;
    if (item && /\p{L}/u.test(answer)) await loadDateReader(dateWords).catch(() => undefined);
    const dates = range(answer);
    if (item && dates) {
      const refusal = rangeRefused(dates);
      shown = { default: answer };
      if (refusal) {
        prompter.say(refusal);
        continue;
      }
      item.end = dates.to.iso;
      markAlong(item, ['end']);
      prompter.say(t('prompt.understood', { what: t('prompt.fromTo', { from: t.date(dates.from.iso), to: t.date(dates.to.iso) }) }));
      return dates.from.iso;
    }
    const iso = strict(answer);
    // Words around the date were left out: what was read is said.
    if (iso && dateAlone(answer, t) !== answer.trim()) prompter.say(t('prompt.understood', { what: t.date(iso) }));
    if (iso) return iso;
    const read = (await loadDateReader(dateWords))(dateAlone(answer, t), today);
    const refusal = read ? verify(read.iso) : t('prompt.badDate');
    shown = { default: answer };
    if (refusal !== true) {
      prompter.say(refusal);
      continue;
    }
    const date = t.date(read!.iso);
    if (read!.guessedYear || read!.swapped) {
      if (await prompter.confirm({ message: t('prompt.checkDate', { date }), default: true })) return read!.iso;
      continue;
    }
    prompter.say(t('prompt.understood', { what: date }));
    return read!.iso;
  }
}

async function askNumber(field: NumberField, asking: Asking): Promise<unknown> {
  const { prompter, t, proposal, q, blank } = asking;
  const shown = typeof proposal === 'number' ? t.number(proposal) : undefined;
  const words = field.money ? amountWords(t) : undefined;
  const read = (v: string): Amount | undefined => (words ? parseAmount(v, t.lang, words) : ((n) => (n === undefined ? undefined : { amount: n }))(parseOutOf(v, t.lang, field.max)));
  const answer = await prompter.text({
    ...q,
    ...(shown !== undefined ? { default: shown } : {}),
    validate: (v) => {
      const empty = blank(v);
      if (empty !== undefined) return empty;
      const typed = read(v);
      const n = typed?.amount;
      if (n === undefined || (field.kind === 'integer' && !Number.isInteger(n))) return t(field.kind === 'integer' ? 'prompt.badInteger' : field.money ? 'prompt.badAmount' : 'prompt.badNumber');
      if (field.min !== undefined && n < field.min) return t('prompt.tooSmall', { min: field.min });
      if (field.max !== undefined && n > field.max) return t('prompt.tooLarge', { max: field.max });
      return field.money ? amountFacts(field, typed!, asking) : true;
    },
  });
  if (answer === '') return undefined;
  // Enter on the default keeps the value as the file has it, whatever the decimals shown.
  if (shown !== undefined && answer === shown) return proposal;
  const typed = read(answer)!;
  if (field.money && answer !== shown && (typed.currency || typed.period || typed.once || typed.amount === 0 || !/\d/.test(answer))) keepAmountFacts(field, typed, asking);
  return typed.amount;
}

export function enumChoices(field: ChoiceField, ctx: Context, t: Translator): Choice<string>[] {
  const offered = field.offered?.(ctx) ?? [];
  const values = offered.length > 0 ? field.choices.filter((value) => offered.includes(value)) : field.choices;
  return values.map((value) => ({ value, label: t.named(`${field.labels}.${value}`) }));
}

/** One answer among choices; for an optional question "None for now" passes (or clears). */
async function pickOne(choices: Choice<string>[], { prompter, t, proposal, must, q }: Asking): Promise<unknown> {
  const options = must ? choices : [...choices, { value: '', label: t('prompt.skip') }];
  const answer = await prompter.select({ ...q, choices: options, ...withDefault(proposal) });
  return answer === '' ? (proposal !== undefined ? CLEARED : undefined) : answer;
}

/** Every pair of a choice taken with a second one ("probabilité faible, impact fort"), its value "first second". */
function pairChoices(field: ChoiceField, t: Translator): Choice<string>[] {
  const other = field.with!;
  return field.choices.flatMap((first) =>
    other.choices.map((second) => ({ value: `${first} ${second}`, label: t(other.pair, { [field.key]: t.named(`${field.labels}.${first}`), [other.key]: t.named(`${other.labels}.${second}`) }) })),
  );
}

/**
 * Two answers in one menu ("probabilité faible, impact fort"): the first is returned, the
 * second goes to the item with its question passed. The file keeps them apart.
 */
async function pickPair(field: ChoiceField, asking: Asking): Promise<unknown> {
  const { prompter, ctx, t, proposal, q } = asking;
  const other = field.with!;
  const item = ctx.item!;
  const choices = pairChoices(field, t);
  const both = typeof proposal === 'string' && typeof item[other.key] === 'string' ? { default: `${proposal} ${String(item[other.key])}` } : {};
  const answer = await prompter.select({ ...q, message: capitalise(t(other.label)), ...(field.help ? { help: t(field.help) } : {}), choices, ...both });
  const [first, second] = answer.split(' ');
  item[other.key] = second;
  markAlong(item, [other.key]);
  return first;
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

/**
 * A list of short texts in one answer, the items separated by semicolons ("centre de
 * ressources ; comparateur"): how many were read is said back, with each item. Enter on the
 * current items keeps them as the file has them, a semicolon inside one included.
 */
async function askStrings(field: StringsField, { prompter, t, proposal, q, blank }: Asking): Promise<unknown> {
  const current = Array.isArray(proposal) ? (proposal as string[]) : [];
  const shown = current.length > 0 ? current.join(' ; ') : undefined;
  const answer = await prompter.text({ ...q, ...(shown !== undefined ? { default: shown } : {}), validate: (v) => blank(splitItems(v).join(' ; ')) ?? true });
  if (answer === '' || answer === shown) return answer === '' ? undefined : current;
  const items = splitItems(answer);
  if (items.length === 0) return undefined;
  prompter.say([t('prompt.understood', { what: t(field.noun, { n: items.length }) }), ...items.map((item) => `  · ${item}`)].join('\n'));
  return items;
}

/** The items of an answer: what lies between semicolons, empty pieces dropped. */
export function splitItems(answer: string): string[] {
  return answer.split(';').map((item) => item.trim()).filter(Boolean);
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
