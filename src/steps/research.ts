import { costLineFields } from './cost-line.js';
import type { Context, Step } from './types.js';
import { choices as schemaChoices } from '../generated/schema-facts.js';

/** Asked of the tools to be tested only: the others are not compared. */
const shortlisted = ({ item }: Context) => item?.shortlisted === true;

export const research: Step = {
  id: 'research',
  number: 4,
  title: 'step.research',
  owns: ['research'],
  fields: [
    {
      kind: 'group',
      key: 'research',
      label: 'step.research',
      fields: [
        { kind: 'strings', key: 'sources', label: 'field.research.sources', help: 'help.research.sources', required: true, noun: 'noun.source' },
        {
          kind: 'list',
          key: 'peerFeedback',
          item: 'peer',
          label: 'field.research.peerFeedback',
          help: 'help.research.peerFeedback',
          required: true,
          title: 'organisation',
          fields: [
            { kind: 'text', key: 'organisation', label: 'field.peer.organisation', help: 'help.peer.organisation', required: true, carries: 'tool' },
            { kind: 'text', key: 'tool', label: 'field.peer.tool', help: 'help.peer.tool', required: true },
            { kind: 'longtext', key: 'takeaway', label: 'field.peer.takeaway', help: 'help.peer.takeaway', required: true },
          ],
        },
        {
          kind: 'list',
          key: 'candidates',
          item: 'candidate',
          label: 'field.research.candidates',
          help: 'help.research.candidates',
          required: true,
          id: { from: 'name' },
          title: 'name',
          fields: [
            { kind: 'text', key: 'name', label: 'field.candidate.name', help: 'help.candidate.name', required: true },
            { kind: 'text', key: 'vendor', label: 'field.candidate.vendor', help: 'help.candidate.vendor', detail: true },
            { kind: 'url', key: 'url', label: 'field.candidate.url', help: 'help.candidate.url', detail: true },
            { kind: 'text', key: 'pricing', label: 'field.candidate.pricing', help: 'help.candidate.pricing', required: true },
            { kind: 'choice', key: 'licence', label: 'field.candidate.licence', help: 'help.candidate.licence', choices: schemaChoices['research.candidates[].licence'], labels: 'enum.licence', detail: true, together: 'grid.candidate.licence' },
            { kind: 'choice', key: 'hosting', label: 'field.candidate.hosting', help: 'help.candidate.hosting', choices: schemaChoices['research.candidates[].hosting'], labels: 'enum.hosting', required: true, together: 'grid.candidate.hosting' },
            { kind: 'choice', key: 'dataExport', label: 'field.candidate.dataExport', help: 'help.candidate.dataExport', choices: schemaChoices['research.candidates[].dataExport'], labels: 'enum.dataExport', required: true, together: 'grid.candidate.dataExport' },
            { kind: 'longtext', key: 'strengths', label: 'field.candidate.strengths', help: 'help.candidate.strengths' },
            { kind: 'longtext', key: 'weaknesses', label: 'field.candidate.weaknesses', help: 'help.candidate.weaknesses' },
            {
              kind: 'boolean',
              key: 'shortlisted',
              label: 'field.candidate.shortlisted',
              help: 'help.candidate.shortlisted',
              together: 'grid.candidate.shortlisted',
              after: ({ item }) => (item?.shortlisted === true && item.dataExport === 'none' ? [{ key: 'guard.noExport', params: { name: String(item.name ?? '') } }] : []),
            },
            // What the method needs to compare the tools to be tested, and only for them: three
            // choices and the amounts of two usual cost lines; the rest waits for `adopt edit`.
            {
              kind: 'group',
              key: 'dataProtection',
              label: 'plan.research.dataProtection',
              when: shortlisted,
              fields: [
                {
                  kind: 'choice',
                  key: 'jurisdiction',
                  label: 'field.candidate.jurisdiction',
                  help: 'help.candidate.jurisdiction',
                  choices: schemaChoices['research.candidates[].dataProtection.jurisdiction'],
                  labels: 'enum.jurisdiction',
                  together: 'grid.candidate.jurisdiction',
                  // Data in the EU is most often with a provider under EU law: Enter confirms it.
                  suggest: ({ item }) => (item?.hosting === 'EU' ? 'EU' : undefined),
                },
                { kind: 'choice', key: 'agreement', label: 'field.candidate.agreement', help: 'help.candidate.agreement', choices: schemaChoices['research.candidates[].dataProtection.agreement'], labels: 'enum.agreement', together: 'grid.candidate.agreement' },
                { kind: 'text', key: 'subprocessors', label: 'field.candidate.subprocessors', help: 'help.candidate.subprocessors', detail: true },
              ],
            },
            {
              kind: 'group',
              key: 'accessibility',
              label: 'plan.research.accessibility',
              when: shortlisted,
              fields: [
                { kind: 'choice', key: 'statement', label: 'field.candidate.accessibility', help: 'help.candidate.accessibility', choices: schemaChoices['research.candidates[].accessibility.statement'], labels: 'enum.a11yStatement', together: 'grid.candidate.accessibility' },
                { kind: 'longtext', key: 'notes', label: 'field.candidate.accessibilityNotes', help: 'help.candidate.accessibilityNotes', detail: true },
              ],
            },
            {
              kind: 'list',
              key: 'costs',
              item: 'cost',
              label: 'field.candidate.costs',
              help: 'help.candidate.costs',
              when: shortlisted,
              title: 'item',
              // The two lines every tool has, named for the user: each is offered with its name,
              // which the user keeps or types again with the amount; more lines can follow.
              propose: (_ctx, t) => [
                { item: t('cost.subscription'), kind: 'recurring', period: 'month', category: 'licence' },
                { item: t('cost.setup'), kind: 'one-off', category: 'setup' },
              ],
              proposedIntro: 'prompt.proposedCosts',
              reviewProposed: ['item', 'amount', 'period'],
              fields: costLineFields({ label: 'field.cost.item', help: 'help.cost.item' }),
            },
            { kind: 'number', key: 'hoursPerMonth', label: 'field.candidate.hoursPerMonth', help: 'help.candidate.hoursPerMonth', min: 0, when: shortlisted, detail: true },
          ],
        },
      ],
    },
  ],
  requirements: [
    {
      path: 'research.candidates',
      label: 'field.research.shortlist',
      met: (project) => (project.research?.candidates ?? []).some((candidate) => candidate.shortlisted === true),
      when: (project) => (project.research?.candidates ?? []).length > 0,
    },
  ],
};
