/**
 * A step of the method declared as data: where each answer lives in the file, what kind of
 * answer it is, its label and help in the catalogue, and whether the step needs it to be
 * complete. The same declarations drive the wizard's questions, `status`' completeness and the
 * "to do" marks in documents, so the three never disagree.
 */
import type { MsgKey, Translator } from '../i18n/index.js';
import type { Project } from '../generated/model.js';

export type StepId = 'lead' | 'key-users' | 'needs' | 'research' | 'poc' | 'deployment' | 'training' | 'evaluation' | 'practices';

export interface Context {
  project: Project;
  /** Today, when known: some requirements depend on the date (a review once it is due). */
  today?: string;
  /** The list item being filled, for fields inside a list. */
  item?: Record<string, unknown>;
  /** Whether the answer under this key came with the one being confirmed (an end typed with its start). */
  alongWith?: (key: string) => boolean;
}

type Condition = boolean | ((ctx: Context) => boolean);

/** Something the wizard says, from the catalogue. */
export interface Note {
  key: MsgKey;
  params?: Record<string, string | number>;
  /** Amounts in this currency, shown as money in the user's language (steps have no translator). */
  money?: { currency: string; amounts: Record<string, number> };
}

interface FieldBase {
  /** Key relative to the parent: the project for a step's top fields, else the group or item. */
  key: string;
  label: MsgKey;
  help?: MsgKey;
  /** Needed for the step to be complete (default: no). */
  required?: Condition;
  /** Asked, and counted, only when this holds (default: always). */
  when?: (ctx: Context) => boolean;
  /** The proposed answer when there is none yet, computed from other answers. */
  suggest?: (ctx: Context) => unknown;
  /** Said before the question (a ranking before a decision...). */
  intro?: (ctx: Context) => Note[];
  /** Said after the answer, when the method is at risk: the guard rails. */
  after?: (ctx: Context) => Note[];
  /** Asks the user to confirm an answer the method advises against; "no" asks again. */
  confirm?: (value: unknown, ctx: Context) => Note | undefined;
  /** Refuses an answer the file could not hold (an end before its start): asked again. */
  check?: (value: unknown, ctx: Context) => Note | undefined;
  /**
   * A detail the method can do without at first (a vendor, a website, notes): `adopt init`'s
   * first pass leaves it for `adopt edit`, which asks everything.
   */
  detail?: boolean;
}

export interface TextField extends FieldBase {
  kind: 'text' | 'longtext' | 'email' | 'date' | 'url' | 'currency';
  /**
   * A name that may be typed with the next answers, which are then not asked: an amount
   * ("Abonnement : 29 €/mois" fills the amount, and the kind and period when said), a date, a
   * start and an end ("Phase 1 : 05/12/2026 – 31/12/2026"), a person's role ("Sophie
   * Lambert, animatrice") or an organisation's tool ("AMAP des Pentes, Adhésio"). A date may
   * carry its `end` ("du 19/10/2026 au 13/11/2026").
   */
  carries?: 'amount' | 'date' | 'dates' | 'role' | 'tool' | 'end';
  /** The key an amount carried goes to, when not `amount`: then it is a monthly cost, with no kind or period. */
  into?: string;
  /**
   * A choice of the item that the words of this answer make plain ("Abonnement" is for the tool
   * itself): filled, and its question passed. The words of value v are `${words}.${v}`, its label `${labels}.${v}`.
   */
  sorts?: { key: string; choices: readonly string[]; words: string; labels: string };
}

export interface NumberField extends FieldBase, AskedTogether {
  kind: 'number' | 'integer';
  min?: number;
  max?: number;
  /**
   * An amount of the budget's currency, typed as people do ("50 € par mois", "gratuit"): the
   * period typed with it fills a recurring line's kind and period, or must be a month, or says
   * whether a ceiling is per year or for the whole project (`per`).
   */
  money?: 'recurring' | 'monthly' | 'ceiling';
}

/**
 * In a list's item: asked once the list is there, for all its items on one screen (a grid of
 * choices, a checklist for a yes or no, a grid of the whole numbers from min to max), under
 * this question; see src/wizard/together.ts.
 */
interface AskedTogether {
  together?: MsgKey;
}

export interface BooleanField extends FieldBase, AskedTogether {
  kind: 'boolean';
}

export interface ChoiceField extends FieldBase, AskedTogether {
  kind: 'choice' | 'choices';
  choices: readonly string[];
  /** Catalogue prefix: the label of value v is `${labels}.${v}`. */
  labels: string;
  /** The choices worth offering here, among `choices` (a session's format among the formats chosen); all when empty. */
  offered?: (ctx: Context) => readonly string[];
  /**
   * A second answer of the item chosen in the same menu (a risk's impact with its likelihood):
   * every pair is a choice, `pair` names it; the item's `key` takes the second answer.
   */
  with?: { key: string; choices: readonly string[]; labels: string; label: MsgKey; pair: MsgKey };
}

export interface RefField extends FieldBase {
  kind: 'ref' | 'refs';
  target: 'keyUsers' | 'candidates' | 'objectives' | 'criteria';
  /** Only the shortlisted candidates are offered. */
  shortlistedOnly?: boolean;
  /** `none` is a valid answer (no tool was chosen). */
  allowNone?: boolean;
}

/** The proof of concept's scores: one per key user × shortlisted tool × criterion. */
export interface ScoresField extends FieldBase {
  kind: 'scores';
}

export interface StringsField extends FieldBase {
  kind: 'strings';
  minItems?: number;
  /** How the items read are counted when said back ("3 sources"). */
  noun: MsgKey;
}

export interface GroupField extends FieldBase {
  kind: 'group';
  fields: readonly Field[];
}

export interface ListField extends FieldBase {
  kind: 'list';
  /** Catalogue prefix for one item: `item.<name>.title` ("Key user {n}"), `.a`, `.another`. */
  item: ItemKind;
  fields: readonly Field[];
  /** How many items the step needs to be complete (when required; default 1). */
  minItems?: number;
  /** Items carry a stable id: made from a field (a slug of the name) or numbered with a prefix. */
  id?: { from: string } | { prefix: string };
  /**
   * A yes-or-no of the parent that the items answer (`phased`): true once items are entered,
   * false when the list is passed empty; a list left as it was leaves it as written.
   */
  says?: string;
  /** The field that names an item in lists and messages. */
  title: string;
  /** Filled by another command (`adopt evaluate`), not by the wizard. */
  managed?: boolean;
  /**
   * Items proposed from other answers when the list is empty (criteria from objectives and
   * constraints); `t` words what the step proposes in its own name, in the user's language.
   */
  propose?: (ctx: Context, t: (key: MsgKey) => string) => Record<string, unknown>[];
  /** What is said before the proposed items, with {what} (default: they come from step 3). */
  proposedIntro?: MsgKey;
  /** Of a proposed item, the answers offered for change (the rest were derived). */
  reviewProposed?: readonly string[];
  /** The proposed items are ticked to keep (several may not apply); otherwise all are taken. */
  pickProposed?: boolean;
}

export type Field = TextField | NumberField | BooleanField | ChoiceField | RefField | StringsField | GroupField | ListField | ScoresField;

/** A rule across fields that a step needs, such as "at least one candidate is shortlisted". */
export interface StepRequirement {
  path: string;
  label: MsgKey;
  met: (project: Project) => boolean;
  when?: (project: Project) => boolean;
}

export interface Step {
  id: StepId;
  /** 1..8 for the method's steps; the practices have none. */
  number?: number;
  title: MsgKey;
  /** Top-level keys of the file this step owns. */
  owns: readonly (keyof Project)[];
  fields: readonly Field[];
  requirements?: readonly StepRequirement[];
  /**
   * The last date of what the step plans (the end of the test, of the last phase...): a step
   * fully answered whose last date is still ahead is planned, not done. `label` says that date
   * with its state ("until {date}", "for {date}").
   */
  planned?: { until: (project: Project) => string | undefined; label: MsgKey };
  /**
   * What the step's answers record elsewhere in the file (step 5's decision in the decision log).
   * Run after every pass over the step, so it must do nothing the second time; true when it
   * changed the project.
   */
  settle?: (project: Project, t: Translator) => boolean;
}

/** Whether a field must be answered, for the wizard and for the progress of a step alike. */
export function isRequired(field: { required?: Condition }, ctx: Context): boolean {
  return typeof field.required === 'function' ? field.required(ctx) : field.required === true;
}

/** The names of list items the catalogue has a title for (`keyUser` for `item.keyUser.title`). */
export type ItemKind = { [K in MsgKey]: K extends `item.${infer Kind}.title` ? Kind : never }[MsgKey];
