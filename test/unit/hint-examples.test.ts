/**
 * Every example a hint shows is an answer the question takes, without a further warning: a
 * person who copies the example is never refused, nor asked "are you sure?".
 */
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { loadTranslator, localeOf, type Lang, type MsgKey, type Translator } from '../../src/i18n/index.js';
import { steps } from '../../src/steps/index.js';
import type { Context, Field } from '../../src/steps/types.js';
import type { Project } from '../../src/generated/model.js';
import { amountWords, emailSuggestion, isContact, parseAmount, parseNumber, parseOutOf, readCurrency, readScores } from '../../src/wizard/answers.js';
import { loadDateReader, parseDate } from '../../src/util/dates.js';
import { readDates, readNameAndAmount, readNameAndDate, readNameAndDates, readNameAndRole } from '../../src/wizard/along.js';
import { splitItems } from '../../src/wizard/ask-kind.js';
import { examples, TODAY } from '../helpers.js';

function* allFields(fields: readonly Field[]): Generator<Field> {
  for (const field of fields) {
    yield field;
    if (field.kind === 'group' || field.kind === 'list') yield* allFields(field.fields);
  }
}

const typed = [...steps.flatMap((step) => [...allFields(step.fields)])].filter((f) => ['date', 'number', 'integer', 'currency', 'email', 'strings'].includes(f.kind) || ('carries' in f && f.carries));

/** What a hint offers as examples: dates as typed, and the answers after "e.g." or "par ex.". */
function examplesIn(text: string, field: Field): string[] {
  // The examples end at the parenthesis or with the sentence: "par ex. 1500. Avec lui, …".
  const after = /(?:par ex\.|e\.g\.)\s*([^)]+?)(?:\)|\.(?:\s|$)|$)/.exec(text)?.[1];
  const dates = text.match(/\b\d{2}\/\d{2}\/\d{4}\b/g) ?? [];
  // A start with its end: each date, and the two as one answer.
  if (field.kind === 'date') return 'carries' in field && field.carries === 'end' && after ? [...dates, after] : dates;
  // A comma between examples, not in £1,500; a name with its role, or a list of items, is one example.
  // "… : 29 €/mois ou Formation : …": two examples, never one answer.
  const whole = field.kind === 'strings' || ('carries' in field && (field.carries === 'role' || field.carries === 'tool'));
  const found = after ? (whole ? [after] : after.split(/,(?!\d)\s*|\s+(?:ou|or)\s+(?=\p{Lu})/u)) : [];
  // "…, ou gratuit." / "…, or free.": a last example after the parenthesis.
  const last = /\),\s*(?:ou|or)\s+([^.]+)\.$/.exec(text)?.[1];
  if (last) found.push(last);
  if (field.kind === 'integer' && 'max' in field && field.max !== undefined) found.push(...(text.match(/\b\d\b/g) ?? []));
  return found.map((example) => example.trim()).filter(Boolean);
}

describe.each(['fr', 'en'] as Lang[])('hints in %s', (lang) => {
  let t: Translator;
  let ctx: Context;
  beforeAll(async () => {
    t = await loadTranslator(lang);
    const project = parse(await readFile(lang === 'fr' ? examples.jardins : examples.foodBank, 'utf8')) as Project;
    ctx = { project, today: TODAY, item: {} };
  });

  /** Whether the question of this field takes the answer as the wizard reads it, with no refusal nor doubt. */
  async function takes(field: Field, text: string): Promise<boolean> {
    let value: unknown;
    // A list's example shows several items in the one answer.
    if (field.kind === 'strings') return splitItems(text).length >= 2;
    if (field.kind === 'date' && field.carries === 'end' && !parseDate(text, localeOf(lang).dateOrder)) {
      await loadDateReader(localeOf(lang).dateWords);
      return readDates(text, t, TODAY) !== undefined;
    }
    if ('carries' in field && field.carries && field.carries !== 'end') {
      // A name with its amount or its date: both must be read from the one answer.
      await loadDateReader(localeOf(lang).dateWords);
      const carried = { amount: () => readNameAndAmount(text, t), date: () => readNameAndDate(text, t, TODAY), dates: () => readNameAndDates(text, t, TODAY), role: () => readNameAndRole(text), tool: () => readNameAndRole(text) }[field.carries]();
      if (carried && 'amount' in carried && carried.amount.currency && carried.amount.currency !== ctx.project.needs?.budget?.currency) return false;
      // A monthly cost carried is a month's: a year's or a one-off amount is refused.
      if (carried && 'amount' in carried && field.into && ((carried.amount.period && carried.amount.period !== 'month') || carried.amount.once)) return false;
      return carried !== undefined;
    }
    if (field.kind === 'date') value = parseDate(text, localeOf(lang).dateOrder) ?? (await loadDateReader(localeOf(lang).dateWords))(text, TODAY)?.iso;
    else if (field.kind === 'currency') value = readCurrency(text, amountWords(t));
    else if (field.kind === 'email') value = isContact(text) && !emailSuggestion(text) ? text : undefined;
    else if (field.kind === 'number' || field.kind === 'integer') {
      const read: { amount?: number; currency?: string; period?: string } | undefined = field.money ? parseAmount(text, lang, amountWords(t)) : { amount: parseOutOf(text, lang, field.max) };
      const budget = ctx.project.needs?.budget?.currency;
      if (read?.currency && read.currency !== budget) return false;
      if (field.money === 'ceiling' && read?.period && read.period !== 'year') return false;
      value = read?.amount;
      if (typeof value === 'number' && ((field.min !== undefined && value < field.min) || (field.max !== undefined && value > field.max))) return false;
    }
    if (value === undefined) return false;
    return !field.check?.(value, ctx) && !field.confirm?.(value, ctx);
  }

  test('every example in the help of a typed question is taken as it is written', async () => {
    const seen: string[] = [];
    for (const field of typed) {
      for (const key of [field.label, field.help].filter((k): k is MsgKey => k !== undefined)) {
        for (const example of examplesIn(t(key), field)) {
          seen.push(example);
          expect([key, example, await takes(field, example)]).toEqual([key, example, true]);
        }
      }
    }
    // The hints do show examples: dates, an amount per month and free, currencies, a weight.
    expect(seen.length).toBeGreaterThan(12);
  });

  test('the examples in the refusals are taken too', async () => {
    const read = await loadDateReader(localeOf(lang).dateWords);
    for (const example of t('prompt.badDate').match(/\(([^)]+)\)/g)!.map((e) => e.slice(1, -1))) expect([example, parseDate(example) ?? read(example, TODAY)?.iso]).toEqual([example, '2027-03-15']);
    for (const example of t('prompt.badNumber').match(/\d[\d,.]*\d|\d/g)!) expect([example, parseNumber(example, lang)]).toEqual([example, expect.any(Number)]);
    // The refusal of an amount names each form it takes: a number, an amount with its period, free.
    const words = amountWords(t);
    const forms = t('prompt.badAmount').replace(/[\u00a0\u202f]/g, ' ').match(/\(([^)]+)\)|(\p{L}+)\.$/gu)!.flatMap((part) => part.replace(/^\(|\)$|\.$/g, '').split(/,\s*| (?:or|ou) /));
    expect(forms.length).toBeGreaterThanOrEqual(5);
    for (const example of forms) expect([example, parseAmount(example, lang, words)?.amount]).toEqual([example, expect.any(Number)]);
    for (const example of t('prompt.badCurrency').match(/[A-Z]{3}|[€£$]/g)!) expect([example, readCurrency(example)]).toEqual([example, expect.any(String)]);
    const address = /\S+@[^\s)]+/.exec(t('prompt.badEmail'))![0];
    expect([address, isContact(address), emailSuggestion(address)]).toEqual([address, true, undefined]);
  });

  test('the example of a line of scores is a line of scores, for any number of criteria', async () => {
    for (let count = 1; count <= 7; count++) {
      const example = /([\d ]+)\)$/.exec(t('prompt.scoresFor', { user: 'A', tool: 'B', example: ['4', '5', '3', '2', '4', '5', '3'].slice(0, count).join(' ') }))?.[1];
      expect([count, example, example && readScores(example, count)?.length]).toEqual([count, example, count]);
    }
  });
});
