/**
 * The trial: a project file entered from nothing through the wizard, the way a person would,
 * with the scripted prompter answering each question from an example file by the field it asks
 * (Question.path). Day one is `adopt init` for steps 1 to 3; then `adopt init` again for the
 * rest, until the key users score the tools on the form; `adopt collect` records their answers;
 * `adopt init` carries on; then `adopt edit --blanks`, as the end of `adopt init` says, asks the
 * details the first pass left. Every prompt is recorded, menus and confirmations included, so
 * that the counts say what a person goes through. Used by test/commands/trial.test.ts (the
 * targets) and bench/trial.mjs (the counts and the estimated time).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { parse } from 'yaml';
import { init, edit } from '../src/commands/init.js';
import { collect } from '../src/commands/collect.js';
import { createContext } from '../src/cli.js';
import { ScriptedPrompter, type AskedQuestion } from '../src/wizard/prompter.js';
import type { Io } from '../src/io.js';

type Data = Record<string, unknown>;
type Segment = string | number;

/** One prompt as a person meets it: what kind of answer it took, for the time model. */
export interface Prompt {
  session: string;
  kind: AskedQuestion['kind'];
  message: string;
  path?: string;
  /** typed: an answer typed in; choice: a choice moved to or ticked; enter: a default kept or a question passed; confirm: yes or no. */
  answer: 'typed' | 'choice' | 'enter' | 'confirm';
  /** Characters typed, or boxes ticked. */
  size: number;
}

export interface Session {
  name: string;
  prompts: Prompt[];
  /** What the wizard said between questions (titles, notes, help): read, not answered. */
  said: string[];
  refused: string[];
}

export interface TrialResult {
  sessions: Session[];
  /** How many times `adopt init` offered to stop for the day ("Continuer maintenant / Reprendre plus tard"). */
  stepOffers: number;
  /** Where the file differs from the example, once every session is over. */
  differences: string[];
  /** What the example holds that no question asks (filled by other commands). */
  notAsked: string[];
}

const isRecord = (value: unknown): value is Data => typeof value === 'object' && value !== null && !Array.isArray(value);
const isoDate = /^\d{4}-\d{2}-\d{2}$/;

function at(data: unknown, segments: readonly Segment[]): unknown {
  let value = data;
  for (const segment of segments) {
    if (Array.isArray(value) && typeof segment === 'number') value = value[segment];
    else if (isRecord(value) && typeof segment === 'string') value = value[segment];
    else return undefined;
  }
  return value;
}

/** The example with the ids the wizard makes (from names) in place of the ones it has. */
function withFileIds(example: Data, file: Data): Data {
  const copy = structuredClone(example);
  const renamed = new Map<string, string>();
  const match = (mine: unknown, theirs: unknown) => {
    for (const item of Array.isArray(mine) ? (mine as Data[]) : []) {
      const same = (Array.isArray(theirs) ? (theirs as Data[]) : []).find((other) => other.name === item.name);
      if (same && typeof same.id === 'string' && typeof item.id === 'string') {
        renamed.set(item.id, same.id);
        item.id = same.id;
      }
    }
  };
  match(copy.keyUsers, file.keyUsers);
  match(at(copy, ['research', 'candidates']), at(file, ['research', 'candidates']));
  const id = (value: unknown) => (typeof value === 'string' ? (renamed.get(value) ?? value) : value);
  for (const score of (at(copy, ['poc', 'scores']) as Data[] | undefined) ?? []) Object.assign(score, { candidate: id(score.candidate), by: id(score.by) });
  const decision = at(copy, ['poc', 'decision']);
  if (isRecord(decision)) decision.chosen = id(decision.chosen);
  const training = copy.training;
  if (isRecord(training) && Array.isArray(training.champions)) training.champions = training.champions.map(id);
  return copy;
}

/** The data both files must share: what only a write or another command sets is left out. */
function comparable(project: Data): { data: Data; comments: string[] } {
  const data = structuredClone(project);
  const comments: string[] = [];
  if (isRecord(data.project)) delete data.project.created;
  for (const milestone of (at(data, ['needs', 'schedule', 'milestones']) as Data[] | undefined) ?? []) if (milestone.done === false) delete milestone.done;
  const scores = at(data, ['poc', 'scores']) as Data[] | undefined;
  for (const score of scores ?? []) {
    if (score.comment !== undefined) comments.push(`poc.scores ${String(score.candidate)}/${String(score.by)}/${String(score.criterion)}: comment`);
    delete score.comment;
  }
  scores?.sort((a, b) => `${String(a.candidate)} ${String(a.by)} ${String(a.criterion)}`.localeCompare(`${String(b.candidate)} ${String(b.by)} ${String(b.criterion)}`));
  // A log entered after the fact has adopt's own entry (step 5's choice) before those typed: a log is read by date.
  const decisions = at(data, ['practices', 'decisions']) as Data[] | undefined;
  decisions?.sort((a, b) => String(a.date).localeCompare(String(b.date)));
  const prune = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(prune);
    if (!isRecord(value)) return value;
    for (const key of Object.keys(value)) {
      value[key] = prune(value[key]);
      if (Array.isArray(value[key]) && (value[key] as unknown[]).length === 0) delete value[key];
    }
    return value;
  };
  return { data: prune(data) as Data, comments };
}

/**
 * The choice of step 5 goes into the decision log by itself: it is not something the person typed.
 * (The catalogue's spaces become typographic ones in French, hence the spaces made alike.)
 */
function withoutOwnLog(data: Data): Data {
  const logged = ['en', 'fr'].flatMap((lang) => {
    const catalogue = JSON.parse(readFileSync(path.join('src', 'i18n', 'locales', `${lang}.json`), 'utf8')) as Record<string, string>;
    return ['chosenScored', 'chosen', 'none'].map((key) => catalogue[`poc.logged.${key}`]!.split('{')[0]!);
  });
  const practices = data.practices as Data | undefined;
  const decisions = practices?.decisions;
  if (!Array.isArray(decisions)) return data;
  const kept = decisions.filter((entry) => !(isRecord(entry) && typeof entry.decision === 'string' && logged.some((start) => (entry.decision as string).replace(/\s/gu, ' ').startsWith(start.replace(/\s/gu, ' ')))));
  return { ...data, practices: { ...practices, decisions: kept } };
}

function differences(expected: unknown, actual: unknown, where = ''): string[] {
  if (Array.isArray(expected) && Array.isArray(actual)) {
    const found = expected.flatMap((item, index) => differences(item, actual[index], `${where}[${index}]`));
    if (actual.length > expected.length) found.push(`${where}: ${actual.length - expected.length} item(s) more than the example`);
    return found;
  }
  if (isRecord(expected) && isRecord(actual)) {
    const keys = new Set([...Object.keys(expected), ...Object.keys(actual)]);
    return [...keys].flatMap((key) => differences(expected[key], actual[key], where ? `${where}.${key}` : key));
  }
  return JSON.stringify(expected) === JSON.stringify(actual) ? [] : [`${where}: example ${JSON.stringify(expected)}, file ${JSON.stringify(actual)}`];
}

/** A date or a number as a French or British person types it. */
function typed(value: unknown, lang: string): string {
  if (typeof value === 'number') return lang === 'fr' ? String(value).replace('.', ',') : String(value);
  if (typeof value === 'string' && isoDate.test(value)) return value.split('-').reverse().join('/');
  return String(value);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export async function runTrial(options: { dir: string; example: string; today: string }): Promise<TrialResult> {
  const example = parse(readFileSync(options.example, 'utf8')) as Data;
  const lang = String(example.language);
  const file = path.join(options.dir, 'adopt.yaml');
  const sessions: Session[] = [];
  let stepOffers = 0;
  /** The items of lists inside an item being added, counted as they are asked. */
  const nested = new Map<string, { index: number; fields: Set<string> }>();
  const current = (): Data => {
    try {
      return (parse(readFileSync(file, 'utf8')) as Data | null) ?? {};
    } catch {
      return {};
    }
  };

  async function session(name: string, stepsNow: boolean, run: (prompter: ScriptedPrompter, io: Io) => Promise<void>): Promise<void> {
    const record: Session = { name, prompts: [], said: [], refused: [] };
    const edited = new Set<string>();
    nested.clear();
    let heard = 0;
    const answer = (q: AskedQuestion): unknown => {
      // What was said since the last question: the items a list proposes, for one.
      const justSaid = prompter.said.slice(heard);
      heard = prompter.said.length;
      const given = answerFor(q, justSaid, edited, stepsNow);
      if (process.env.ADOPT_TRIAL_TRACE) process.stderr.write(`${name} | ${q.path?.join('.') ?? ''} | ${q.message} => ${JSON.stringify(given)}\n`);
      if (q.choices?.some((c) => c.value === 'now')) stepOffers += 1;
      // A grid is one prompt however many rows it has: the rows moved are its ticks (so for a checklist per row).
      const rowed = q.kind === 'grid' || q.kind === 'ticks';
      const moved = rowed && Array.isArray(given) ? given.filter((value) => value !== '').length : 0;
      const kept = given === '' || (q.kind === 'confirm' && given === q.default) || (rowed && moved === 0);
      record.prompts.push({
        session: name,
        kind: q.kind,
        message: q.message,
        ...(q.path ? { path: q.path.join('.') } : {}),
        answer: kept ? 'enter' : q.kind === 'text' ? 'typed' : q.kind === 'confirm' ? 'confirm' : 'choice',
        size: kept ? 0 : q.kind === 'text' ? String(given).length : rowed ? moved : Array.isArray(given) ? given.length : 1,
      });
      return given;
    };
    const prompter = new ScriptedPrompter([], answer);
    let out = '';
    const io: Io = {
      stdout: { write: (text: string) => (out += text) },
      stderr: { write: (text: string) => (out += text) },
      stdin: Object.assign(new PassThrough(), { isTTY: true }),
      env: { LANG: lang === 'fr' ? 'fr_FR.UTF-8' : 'en_GB.UTF-8', ADOPT_TODAY: options.today },
      cwd: options.dir,
    };
    try {
      await run(prompter, io);
    } catch (error) {
      throw new Error(`${name}: ${error instanceof Error ? error.message : String(error)}\n${out}`, { cause: error });
    }
    record.said = prompter.said;
    record.refused = prompter.refused;
    sessions.push(record);
  }

  function answerFor(q: AskedQuestion, justSaid: readonly string[], edited: Set<string>, stepsNow: boolean): unknown {
    const values = (q.choices ?? []).map((c) => c.value);
    if (!q.path) {
      if (values.includes('now')) return stepsNow ? 'now' : 'later';
      // The key users score on their own, on the form: the coordinator types none of it.
      if (values.includes('forms')) return q.default === 'forms' ? '' : 'forms';
      // adopt collect: record what the forms brought back.
      if (q.kind === 'confirm') return true;
      if (values.includes(lang)) return q.default === lang ? '' : lang;
      // adopt edit after the first pass: the blanks, the details the first pass left, in every step.
      if (values.includes('everything')) return q.default === 'everything' ? '' : 'everything';
      throw new Error(`the trial has no answer for "${q.message}"`);
    }
    const data = current();
    // What adopt logs by itself (step 5's choice) is not typed: the example's entry for it is left out here.
    const mapped = withoutOwnLog(withFileIds(example, data));
    // An item being added is the next one of its list.
    // (What adopt logged by itself is not one of the example's items.)
    const typedSoFar = withoutOwnLog(data);
    const where: (string | number)[] = [];
    for (const [index, segment] of q.path.entries()) where.push(resolve(segment, index));
    function resolve(segment: string | number, index: number): string | number {
      const list = q.path!.slice(0, index);
      // A list inside an item being added (a tool's cost lines): the item is not in the file
      // yet, so its items are counted as they are asked, a field asked twice starting the next.
      if (segment === 'new' && list.includes('new')) {
        const key = where.join('.');
        const field = String(q.path![index + 1]);
        const current = nested.get(key) ?? { index: 0, fields: new Set<string>() };
        if (current.fields.has(field)) {
          current.index += 1;
          current.fields.clear();
        }
        current.fields.add(field);
        nested.set(key, current);
        return current.index;
      }
      if (segment === 'new') return (at(typedSoFar, list) as unknown[] | undefined)?.length ?? 0;
      if (typeof segment !== 'number') return segment;
      // A proposed item of a list inside an item being added: the items added next come after it.
      if (list.includes('new')) {
        const key = where.join('.');
        if ((nested.get(key)?.index ?? 0) <= segment) nested.set(key, { index: segment + 1, fields: new Set() });
        return segment;
      }
      // An item of the file, as the example counts them: the entries adopt logged left out.
      const item = (at(data, list) as unknown[] | undefined)?.[segment];
      const typedItems = (at(typedSoFar, list) as unknown[] | undefined) ?? [];
      return typedItems.includes(item) ? typedItems.indexOf(item) : segment;
    }
    if (where[0] === 'poc' && where[1] === 'scores') return scoresLine(q, where, data, mapped);
    // A grid: each row is the choice of one item, answered as that item's own menu would be.
    // (A number is chosen as its figure: a weight from 1 to 5.)
    if (q.kind === 'grid') {
      return (q.rows ?? []).map((row) => {
        const value = answerFor({ kind: 'select', message: row.label, choices: row.choices, default: row.default, ...(row.path ? { path: row.path } : {}) }, justSaid, edited, stepsNow);
        return typeof value === 'number' ? (String(value) === row.default ? '' : String(value)) : value;
      });
    }
    // A checklist per row: each row answered as that item's own checkbox would be.
    if (q.kind === 'ticks') {
      return (q.rows ?? []).map((row) => answerFor({ kind: 'checkbox', message: row.label, choices: row.choices, default: row.default, ...(row.path ? { path: row.path } : {}) }, justSaid, edited, stepsNow));
    }
    const expected = at(mapped, where);
    if (values.includes('done') && values.includes('add')) {
      const mine = (at(data, where) as Data[] | undefined) ?? [];
      const theirs = (expected as Data[] | undefined) ?? [];
      if (mine.length < theirs.length) return 'add';
      const index = mine.findIndex((item, i) => !edited.has(`${where.join('.')}.${i}`) && differences(comparable({ item: theirs[i] }).data, comparable({ item }).data).length > 0);
      if (index === -1) return 'done';
      edited.add(`${where.join('.')}.${index}`);
      return `edit:${index}`;
    }
    switch (q.kind) {
      case 'confirm':
        if (typeof expected === 'boolean') return expected;
        return true; // a date the method doubts, confirmed as the example has it
      case 'select': {
        // A risk's likelihood and impact are one choice; so are the lead's two skills.
        const second = { likelihood: 'impact', projectManagement: 'facilitation' }[String(where.at(-1))];
        const pair = second && values.some((v) => String(v).includes(' ')) ? `${String(expected)} ${String(at(mapped, [...where.slice(0, -1), second]))}` : expected;
        if (pair === undefined) return '';
        return q.default === pair ? '' : pair;
      }
      case 'checkbox': {
        // A yes or no asked of every item of a list at once (the milestones reached): the items ticked.
        const items = at(mapped, where.slice(0, -1));
        if (Array.isArray(items) && values.every((v) => typeof v === 'number')) {
          const ticked = (values as number[]).filter((index) => isRecord(items[index]) && (items[index] as Data)[String(where.at(-1))] === true);
          return same([...((q.default as unknown[] | undefined) ?? [])].sort(), ticked.sort()) ? '' : ticked;
        }
        // Proposed items (criteria from objectives first): as many kept as the example has, each
        // reworded just after; the comparison at the end tells whether what was kept was right.
        if (Array.isArray(expected) && expected.some(isRecord)) {
          const keep = values.slice(0, expected.length);
          return same(q.default, keep) ? '' : keep;
        }
        const wanted = Array.isArray(expected) ? expected : [];
        return same([...((q.default as unknown[] | undefined) ?? [])].sort(), [...wanted].sort()) ? '' : wanted;
      }
      case 'text': {
        if (expected === undefined || expected === null) return '';
        // A list of short texts is one answer, its items separated by semicolons.
        if (Array.isArray(expected)) return q.default === expected.join(' ; ') ? '' : expected.join(' ; ');
        const kept = q.default !== undefined && (q.default === expected || q.default === typed(expected, lang));
        // A line's name with its amount, a milestone's with its date, in one answer, as the hint shows.
        const withNext = kept ? undefined : alongWith(where, at(mapped, where.slice(0, -1)));
        return kept ? '' : (withNext ?? typed(expected, lang));
      }
    }
  }

  /** "Abonnement : 29 €/mois", "Set-up: £400 one-off", "Outil choisi : 15/03/2027": what the hint shows. */
  function alongWith(where: readonly Segment[], item: unknown): string | undefined {
    if (!isRecord(item)) return undefined;
    const colon = lang === 'fr' ? ' : ' : ': ';
    const field = where.at(-1);
    const list = where.at(-3);
    const currency = String(at(example, ['needs', 'budget', 'currency']) ?? 'EUR');
    const money = (value: number) => (lang === 'fr' ? `${typed(value, lang)} ${currency === 'EUR' ? '€' : currency}` : `${currency === 'GBP' ? '£' : currency === 'EUR' ? '€' : '$'}${value}`);
    const withDate = (name: unknown, date: unknown) => (typeof date === 'string' ? `${String(name)}${colon}${typed(date, lang)}` : undefined);
    // A person's name with their role: the lead's, and each key user's.
    if (field === 'name' && (where[0] === 'lead' || list === 'keyUsers') && typeof item.role === 'string') return `${String(item.name)}, ${item.role}`;
    if (field === 'name' && list === 'milestones') return withDate(item.name, item.date);
    if (field === 'format' && where.at(-2) === 'launch') return withDate(item.format, item.date);
    // The test's period, and a peer with the tool they use.
    if (field === 'start' && where[0] === 'poc' && typeof item.end === 'string') return `${lang === 'fr' ? 'du ' : ''}${typed(item.start, lang)} ${lang === 'fr' ? 'au' : 'to'} ${typed(item.end, lang)}`;
    if (field === 'organisation' && list === 'peerFeedback' && typeof item.tool === 'string') return `${String(item.organisation)}, ${item.tool}`;
    if (field === 'topic' && list === 'sessions') return withDate(item.topic, item.date);
    if (field === 'decision' && list === 'decisions') return withDate(item.decision, item.date);
    if (field === 'message' && list === 'communications') return withDate(item.message, item.date);
    if (field === 'name' && list === 'phases' && typeof item.start === 'string' && typeof item.end === 'string') return `${String(item.name)}${colon}${typed(item.start, lang)} – ${typed(item.end, lang)}`;
    if (field === 'tool' && list === 'inventory' && typeof item.monthlyCost === 'number') return `${String(item.tool)}${colon}${item.monthlyCost === 0 ? (lang === 'fr' ? 'gratuit' : 'free') : `${money(item.monthlyCost)}${lang === 'fr' ? '/mois' : ' a month'}`}`;
    if (field === 'amount' && where.at(-2) === 'ceiling' && typeof item.amount === 'number') return `${money(item.amount)}${item.per === 'total' ? (lang === 'fr' ? ' au total' : ' in total') : lang === 'fr' ? ' par an' : ' a year'}`;
    if (field !== 'item' || typeof item.amount !== 'number' || (list !== 'items' && list !== 'costs')) return undefined;
    const periods: Record<string, [string, string]> = { month: ['/mois', ' a month'], quarter: [' par trimestre', ' a quarter'], year: [' par an', ' a year'] };
    const when = item.kind === 'one-off' ? (lang === 'fr' ? ' une fois' : ' one-off') : item.kind === 'recurring' && typeof item.period === 'string' ? periods[item.period]![lang === 'fr' ? 0 : 1] : '';
    return `${String(item.item)}${colon}${money(item.amount)}${when}`;
  }

  /** The example's scores as a form service exports the POC form: a column per question code, a row per key user. */
  function scoresExport(mapped: Data, data: Data): string {
    const users = (at(data, ['keyUsers']) as Data[] | undefined) ?? [];
    const criteria = (at(data, ['poc', 'criteria']) as Data[] | undefined) ?? [];
    const tools = ((at(data, ['research', 'candidates']) as Data[] | undefined) ?? []).filter((c) => c.shortlisted === true);
    const scores = (at(mapped, ['poc', 'scores']) as Data[] | undefined) ?? [];
    const cell = (value: unknown) => `"${String(value ?? '').replace(/"/g, '""')}"`;
    const codes = tools.flatMap((tool) => criteria.map((criterion, index) => ({ code: `C${index + 1}/${String(tool.id)}`, tool: tool.id, criterion: criterion.id })));
    const header = [cell('[WHO]'), ...codes.map((c) => cell(`[${c.code}]`))].join(',');
    const rows = users.map((user) => [cell(user.name), ...codes.map((c) => cell(scores.find((s) => s.candidate === c.tool && s.by === user.id && s.criterion === c.criterion)?.score))].join(','));
    return [header, ...rows].join('\n') + '\n';
  }

  /** A line of scores: one per criterion, in the file's order, "-" where the example has none. */
  function scoresLine(q: AskedQuestion, where: readonly Segment[], data: Data, mapped: Data): string {
    const [, , candidate, by] = where;
    const criteria = (at(data, ['poc', 'criteria']) as Data[] | undefined) ?? [];
    const scores = (at(mapped, ['poc', 'scores']) as Data[] | undefined) ?? [];
    const line = criteria.map((c) => scores.find((s) => s.candidate === candidate && s.by === by && s.criterion === c.id)?.score).map((s) => (s === undefined ? '-' : typed(s, lang))).join(' ');
    return q.default === line ? '' : line;
  }

  const context = async (io: Io) => ({ ...(await createContext([], io)), today: options.today });
  await session('day one', false, async (prompter, io) => init({ interactive: true, prompter }, await context(io)));
  await session('the rest', true, async (prompter, io) => init({ interactive: true, prompter }, await context(io)));
  // The weeks of the test: each key user fills in the form; the answers come back as a form
  // service exports them, one row per person, and adopt collect records them.
  const exported = path.join(options.dir, 'scores.csv');
  writeFileSync(exported, scoresExport(withFileIds(example, current()), current()));
  await session('the forms', true, async (prompter, io) => collect({ files: [exported], interactive: true, prompter }, await context(io)));
  await session('after the test', true, async (prompter, io) => init({ interactive: true, prompter }, await context(io)));
  // The details left: one adopt edit, its first choice walking every step with blanks.
  // The details left, by the command the end of adopt init names: adopt edit --blanks.
  await session('edit blanks', true, async (prompter, io) => edit({ interactive: true, prompter, blanks: true }, await context(io)));

  const expected = comparable(withFileIds(example, current()));
  const actual = comparable(current());
  return { sessions, stepOffers, differences: differences(expected.data, actual.data), notAsked: expected.comments };
}
