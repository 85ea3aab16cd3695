// Generated from schema/adopt.schema.json by `npm run build:types`. Do not edit by hand.

/**
 * When the project file was started.
 */
export type IsoDate = string;
export type Text = string;
export type SkillLevel = 'none' | 'some' | 'strong';
export type Id = string;
export type Level = 'low' | 'medium' | 'high';
/**
 * A date as YYYY-MM-DD.
 */
export type IsoDate1 = string;
export type TrainingFormat = 'in-person' | 'e-learning' | 'webinar' | 'virtual-class' | 'guide';
/**
 * A date as YYYY-MM-DD.
 */
export type IsoDate2 = string;
/**
 * A date as YYYY-MM-DD.
 */
export type IsoDate3 = string;

/**
 * An adopt project file (format version 1): one association bringing in one digital tool, following the 8-step method.
 */
export interface Project {
  /**
   * Format version of this file.
   */
  version: 1;
  /**
   * Language of prompts and documents.
   */
  language?: 'fr' | 'en';
  project?: ProjectInfo;
  lead?: Lead;
  /**
   * Step 2: key users with complementary profiles.
   */
  keyUsers?: KeyUser[];
  needs?: Needs;
  research?: Research;
  poc?: Poc;
  deployment?: Deployment;
  training?: Training;
  evaluation?: Evaluation;
  practices?: Practices;
}
export interface ProjectInfo {
  /**
   * What the project is called.
   */
  title?: string;
  /**
   * The association or charity.
   */
  organisation?: string;
  /**
   * One sentence on why this tool, why now.
   */
  summary?: string;
  created?: IsoDate;
}
/**
 * Step 1: the project lead.
 */
export interface Lead {
  name?: Text;
  /**
   * Role in the structure.
   */
  role?: string;
  /**
   * E-mail or phone.
   */
  contact?: string;
  skills?: LeadSkills;
  /**
   * Time available for the project.
   */
  availability?: string;
  /**
   * How a weak skill is covered (co-lead, training, outside help).
   */
  support?: string;
}
export interface LeadSkills {
  projectManagement?: SkillLevel;
  facilitation?: SkillLevel;
}
export interface KeyUser {
  id: Id;
  name?: Text;
  /**
   * Role or team.
   */
  role?: string;
  profile?: 'daily' | 'occasional' | 'admin' | 'manager' | 'volunteer' | 'other';
  /**
   * Expected use of the tool.
   */
  use?: string;
}
/**
 * Step 3: needs and the structure's constraints.
 */
export interface Needs {
  objectives?: Objective[];
  audiences?: Audience[];
  budget?: Budget;
  schedule?: Schedule;
  maturity?: Maturity;
  interface?: InterfaceAppeal;
  risks?: Risk[];
}
export interface Objective {
  id: Id;
  text?: Text;
  /**
   * How we will tell, at evaluation, whether it was met.
   */
  indicator?: string;
  priority?: 'must' | 'should' | 'could';
}
export interface Audience {
  /**
   * How forms and responses name this audience (A1, A2…); given by adopt when missing.
   */
  id?: string;
  who?: Text;
  /**
   * How many people this audience counts: the evaluation report says how many of them answered.
   */
  count?: number;
  uses?: ('configure' | 'feed' | 'consult' | 'daily' | 'occasional')[];
}
export interface Budget {
  /**
   * ISO 4217 code, such as EUR or GBP.
   */
  currency?: string;
  items?: BudgetItem[];
  /**
   * Where the money comes from.
   */
  funding?: string;
  ceiling?: BudgetCeiling;
  /**
   * What an hour of volunteer or staff time is worth, to cost each tool's hoursPerMonth.
   */
  hourValue?: number;
  /**
   * Years over which each tool's total cost is counted (3 by default).
   */
  horizon?: number;
}
export interface BudgetItem {
  item?: Text;
  amount?: number;
  kind?: 'one-off' | 'recurring';
  /**
   * For a recurring cost: how often it is paid (default: year).
   */
  period?: 'month' | 'quarter' | 'year';
  /**
   * What the cost is for, so that the method's budget can be checked: the tool, its set-up, training, and the long-term hosting and maintenance.
   */
  category?: 'licence' | 'setup' | 'training' | 'hosting' | 'maintenance' | 'other';
}
/**
 * The most the structure can spend: per year, or in total over the horizon.
 */
export interface BudgetCeiling {
  amount?: number;
  per?: 'year' | 'total';
}
export interface Schedule {
  urgency?: Level;
  deadline?: IsoDate1;
  /**
   * Other projects at the same time that the new tool could endanger.
   */
  conflicts?: string;
  milestones?: Milestone[];
}
export interface Milestone {
  id: Id;
  name?: Text;
  date?: IsoDate1;
  done?: boolean;
}
export interface Maturity {
  level?: 'low' | 'mixed' | 'high';
  trainingNeed?: 'none' | 'some' | 'everyone';
  notes?: Text;
}
export interface InterfaceAppeal {
  importance?: Level;
  notes?: Text;
}
export interface Risk {
  id: Id;
  text?: Text;
  area?: 'practices' | 'relationships' | 'data-protection' | 'dispersion' | 'other';
  likelihood?: Level;
  impact?: Level;
  mitigation?: Text;
}
/**
 * Step 4: candidate tools and where we looked.
 */
export interface Research {
  sources?: Text[];
  peerFeedback?: PeerFeedback[];
  candidates?: Candidate[];
}
export interface PeerFeedback {
  organisation?: Text;
  tool?: Text;
  takeaway?: Text;
}
export interface Candidate {
  id: Id;
  name?: Text;
  vendor?: Text;
  url?: Text;
  pricing?: Text;
  /**
   * What this tool would cost, line by line.
   */
  costs?: BudgetItem[];
  /**
   * Volunteer or staff time it takes to run, in hours per month.
   */
  hoursPerMonth?: number;
  licence?: 'open-source' | 'proprietary' | 'freemium';
  /**
   * Where the data lives.
   */
  hosting?: 'EU' | 'outside-EU' | 'self-hosted' | 'unknown';
  dataProtection?: DataProtection;
  /**
   * Can we leave with our data?
   */
  dataExport?: 'full' | 'partial' | 'none';
  accessibility?: Accessibility;
  strengths?: Text;
  weaknesses?: Text;
  shortlisted?: boolean;
}
export interface DataProtection {
  /**
   * A data-processing agreement (GDPR article 28).
   */
  agreement?: 'signed' | 'offered' | 'none' | 'unknown';
  /**
   * The law the provider answers to, which is not always where the data centre is.
   */
  jurisdiction?: 'EU' | 'UK' | 'US' | 'other' | 'unknown';
  /**
   * Who else handles the data for the provider.
   */
  subprocessors?: string;
}
export interface Accessibility {
  /**
   * A published accessibility statement (RGAA or WCAG).
   */
  statement?: 'full' | 'partial' | 'none' | 'unknown';
  notes?: Text;
}
/**
 * Step 5: the proof of concept with the key users.
 */
export interface Poc {
  start?: IsoDate1;
  end?: IsoDate1;
  criteria?: Criterion[];
  scores?: Score[];
  /**
   * A key user's comment on a tool as a whole, from the POC form (a comment on one score stays on the score).
   */
  comments?: PocComment[];
  adaptations?: Text[];
  decision?: PocDecision;
}
export interface Criterion {
  id: Id;
  text?: Text;
  weight?: number;
  /**
   * The objective (needs.objectives id) this criterion checks.
   */
  objective?: string;
}
export interface Score {
  candidate: Id;
  /**
   * The key user (keyUsers id) who gave the score.
   */
  by: string;
  criterion: Id;
  score: number;
  comment?: Text;
}
export interface PocComment {
  candidate: Id;
  /**
   * The key user (keyUsers id) who wrote it.
   */
  by: string;
  comment: Text;
}
export interface PocDecision {
  /**
   * The chosen candidate id, or none when no tool fits.
   */
  chosen?: string;
  date?: IsoDate1;
  rationale?: Text;
}
/**
 * Step 6: rolling the tool out to the teams.
 */
export interface Deployment {
  /**
   * Where the usage procedures are written.
   */
  procedures?: string;
  launch?: Launch;
  /**
   * Whether the rollout goes in phases (for a complex tool); false: the launch alone rolls it out. Absent in older files: phases, when there are any, say it.
   */
  phased?: boolean;
  phases?: Phase[];
  infoPoints?: InfoPoints;
}
export interface Launch {
  format?: Text;
  date?: IsoDate1;
}
export interface Phase {
  id: Id;
  name?: Text;
  start?: IsoDate1;
  end?: IsoDate1;
  scope?: Text;
}
export interface InfoPoints {
  frequency?: 'weekly' | 'fortnightly' | 'monthly' | 'quarterly' | 'milestones';
  channel?: Text;
}
/**
 * Step 7: training the users.
 */
export interface Training {
  /**
   * Key users (keyUsers ids) who relay adoption to their peers.
   */
  champions?: Id[];
  formats?: TrainingFormat[];
  sessions?: TrainingSession[];
  catchUp?: CatchUp[];
}
export interface TrainingSession {
  date?: IsoDate1;
  topic?: Text;
  audience?: Text;
  format?: TrainingFormat;
}
export interface CatchUp {
  who?: Text;
  plan?: Text;
}
/**
 * Step 8: the evaluation after a few months of use.
 */
export interface Evaluation {
  due?: IsoDate2;
  /**
   * Answers to the review form, collected by `adopt collect`: one per person, anonymous unless a name was given.
   */
  responses?: Response[];
  reviews?: Review[];
}
export interface Response {
  /**
   * R1, R2…: how a review names the responses it used.
   */
  id: string;
  received: IsoDate3;
  /**
   * The form answered.
   */
  form: 'review';
  /**
   * The respondent's audience (needs.audiences id).
   */
  audience?: string;
  /**
   * Only when the person chose to give it.
   */
  name?: string;
  /**
   * The 10 answers to the System Usability Scale, in order, from 1 (strongly disagree) to 5 (strongly agree).
   *
   * @minItems 10
   * @maxItems 10
   */
  sus?: [number, number, number, number, number, number, number, number, number, number];
  objectives?: ResponseObjective[];
  effects?: ResponseEffects;
  comment?: Text;
}
export interface ResponseObjective {
  id: Id;
  status?: 'met' | 'partial' | 'unmet';
  comment?: Text;
}
/**
 * Effects nobody expected, as the person wrote them.
 */
export interface ResponseEffects {
  positive?: Text;
  negative?: Text;
}
export interface Review {
  date: IsoDate1;
  by?: Text[];
  objectives?: ObjectiveReview[];
  effects?: Effect[];
  /**
   * The collected responses (evaluation.responses ids) this review started from.
   */
  responses?: Id[];
  /**
   * System Usability Scale scores (0 to 100) typed at the meeting, one per respondent; collected responses carry their own.
   */
  usability?: number[];
  /**
   * Was the choice right, given what we knew then?
   */
  hindsight?: string;
  decision?: 'continue' | 'adjust' | 'stop';
  /**
   * Why this decision was taken.
   */
  rationale?: string;
  /**
   * What changes after the review (for an adjust or a stop): what, who does it, by when.
   */
  actions?: ReviewAction[];
  notes?: Text;
}
export interface ObjectiveReview {
  id: Id;
  status: 'met' | 'partial' | 'unmet';
  evidence?: Text;
}
export interface Effect {
  text: Text;
  kind: 'positive' | 'negative';
  anticipated?: boolean;
}
export interface ReviewAction {
  what: Text;
  who?: Text;
  by?: IsoDate1;
}
/**
 * The three cross-cutting practices.
 */
export interface Practices {
  vision?: Vision;
  /**
   * What is singular about this structure.
   */
  specifics?: string;
  decisions?: DecisionLogEntry[];
  communications?: Communication[];
  /**
   * The needs and proposals people raise over time.
   */
  ideas?: Idea[];
}
export interface Vision {
  /**
   * Who keeps the global view of the tools in use.
   */
  owner?: string;
  inventory?: InventoryTool[];
}
export interface InventoryTool {
  tool?: Text;
  use?: Text;
  fate?: 'kept' | 'replaced' | 'overlaps';
  monthlyCost?: number;
  contractEnd?: IsoDate1;
}
export interface DecisionLogEntry {
  date?: IsoDate1;
  decision?: Text;
  rationale?: Text;
  by?: Text;
}
export interface Communication {
  date?: IsoDate1;
  audience?: Text;
  message?: Text;
  channel?: Text;
}
export interface Idea {
  date?: IsoDate1;
  /**
   * Who raised it.
   */
  from?: string;
  idea?: Text;
  status?: 'new' | 'planned' | 'done' | 'declined';
}
