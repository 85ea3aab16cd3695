import { costLineFields } from './cost-line.js';
import { notPast } from './poc.js';
import type { Step } from './types.js';
import { choices as schemaChoices } from '../generated/schema-facts.js';
import { isLang, localeOf } from '../i18n/index.js';

export const needs: Step = {
  id: 'needs',
  number: 3,
  title: 'step.needs',
  owns: ['needs'],
  fields: [
    {
      kind: 'group',
      key: 'needs',
      label: 'step.needs',
      fields: [
        {
          kind: 'list',
          key: 'objectives',
          item: 'objective',
          label: 'field.needs.objectives',
          help: 'help.needs.objectives',
          required: true,
          id: { prefix: 'O' },
          title: 'text',
          fields: [
            { kind: 'text', key: 'text', label: 'field.objective.text', help: 'help.objective.text', required: true },
            { kind: 'text', key: 'indicator', label: 'field.objective.indicator', help: 'help.objective.indicator', required: true },
            { kind: 'choice', key: 'priority', label: 'field.objective.priority', help: 'help.objective.priority', choices: schemaChoices['needs.objectives[].priority'], labels: 'enum.priority', required: true, together: 'grid.objective.priority' },
          ],
        },
        {
          kind: 'list',
          key: 'audiences',
          item: 'audience',
          label: 'field.needs.audiences',
          help: 'help.needs.audiences',
          required: true,
          title: 'who',
          fields: [
            { kind: 'text', key: 'who', label: 'field.audience.who', help: 'help.audience.who', required: true },
            { kind: 'choices', key: 'uses', label: 'field.audience.uses', help: 'help.audience.uses', choices: schemaChoices['needs.audiences[].uses[]'], labels: 'enum.use', required: true, together: 'grid.audience.uses' },
          ],
        },
        {
          kind: 'group',
          key: 'budget',
          label: 'field.needs.budget',
          fields: [
            {
              kind: 'list',
              key: 'items',
              item: 'budgetLine',
              label: 'field.needs.budget.items',
              help: 'help.needs.budget.items',
              required: true,
              title: 'item',
              fields: costLineFields({ label: 'field.budget.item', help: 'help.budget.item' }),
            },
            // After the lines: the currency typed with one of them ("29 €/mois") answers it.
            { kind: 'currency', key: 'currency', label: 'field.needs.budget.currency', help: 'help.needs.budget.currency', suggest: ({ project }) => localeOf(isLang(project.language) ? project.language : 'fr').currency },
            { kind: 'text', key: 'funding', label: 'field.needs.budget.funding', help: 'help.needs.budget.funding', required: true },
            {
              kind: 'group',
              key: 'ceiling',
              label: 'field.needs.budget.ceiling',
              fields: [
                { kind: 'number', key: 'amount', label: 'field.needs.budget.ceiling.amount', help: 'help.needs.budget.ceiling.amount', min: 0, money: 'ceiling' },
                // Only a ceiling given is per something; per year is how most boards vote one.
                {
                  kind: 'choice',
                  key: 'per',
                  label: 'field.needs.budget.ceiling.per',
                  help: 'help.needs.budget.ceiling.per',
                  choices: schemaChoices['needs.budget.ceiling.per'],
                  labels: 'enum.ceilingPer',
                  when: ({ project }) => typeof project.needs?.budget?.ceiling?.amount === 'number',
                  suggest: () => 'year',
                },
              ],
            },
            { kind: 'number', key: 'hourValue', label: 'field.needs.budget.hourValue', help: 'help.needs.budget.hourValue', min: 0, detail: true },
            { kind: 'integer', key: 'horizon', label: 'field.needs.budget.horizon', help: 'help.needs.budget.horizon', min: 1, max: 10, detail: true },
          ],
        },
        {
          kind: 'group',
          key: 'schedule',
          label: 'field.needs.schedule',
          fields: [
            { kind: 'choice', key: 'urgency', label: 'field.needs.schedule.urgency', help: 'help.needs.schedule.urgency', choices: schemaChoices['needs.schedule.urgency'], labels: 'enum.level', required: true },
            { kind: 'date', key: 'deadline', label: 'field.needs.schedule.deadline', help: 'help.needs.schedule.deadline', confirm: (value, { today }) => notPast(value, today) },
            { kind: 'longtext', key: 'conflicts', label: 'field.needs.schedule.conflicts', help: 'help.needs.schedule.conflicts', detail: true },
            {
              kind: 'list',
              key: 'milestones',
              item: 'milestone',
              label: 'field.needs.schedule.milestones',
              help: 'help.needs.schedule.milestones',
              required: true,
              id: { prefix: 'M' },
              title: 'name',
              fields: [
                { kind: 'text', key: 'name', label: 'field.milestone.name', help: 'help.milestone.name', required: true, carries: 'date' },
                { kind: 'date', key: 'date', label: 'field.milestone.date', help: 'help.milestone.date', required: true },
                // Only a milestone whose day has come can be reached.
                { kind: 'boolean', key: 'done', label: 'field.milestone.done', help: 'help.milestone.done', together: 'grid.milestone.done', when: ({ item, today }) => !today || typeof item?.date !== 'string' || item.date <= today },
              ],
            },
          ],
        },
        {
          kind: 'group',
          key: 'maturity',
          label: 'field.needs.maturity',
          fields: [
            { kind: 'choice', key: 'level', label: 'field.needs.maturity.level', help: 'help.needs.maturity.level', choices: schemaChoices['needs.maturity.level'], labels: 'enum.maturity', required: true },
            { kind: 'choice', key: 'trainingNeed', label: 'field.needs.maturity.trainingNeed', help: 'help.needs.maturity.trainingNeed', choices: schemaChoices['needs.maturity.trainingNeed'], labels: 'enum.trainingNeed', required: true },
            { kind: 'longtext', key: 'notes', label: 'field.needs.maturity.notes', help: 'help.needs.maturity.notes', detail: true },
          ],
        },
        {
          kind: 'group',
          key: 'interface',
          label: 'field.needs.interface',
          fields: [
            { kind: 'choice', key: 'importance', label: 'field.needs.interface.importance', help: 'help.needs.interface.importance', choices: schemaChoices['needs.interface.importance'], labels: 'enum.level', required: true },
            { kind: 'longtext', key: 'notes', label: 'field.needs.interface.notes', help: 'help.needs.interface.notes', detail: true },
          ],
        },
        {
          kind: 'list',
          key: 'risks',
          item: 'risk',
          label: 'field.needs.risks',
          help: 'help.needs.risks',
          required: true,
          id: { prefix: 'R' },
          title: 'text',
          fields: [
            { kind: 'text', key: 'text', label: 'field.risk.text', help: 'help.risk.text', required: true },
            { kind: 'choice', key: 'area', label: 'field.risk.area', help: 'help.risk.area', choices: schemaChoices['needs.risks[].area'], labels: 'enum.riskArea', required: true, together: 'grid.risk.area' },
            // Weighed together, as a risk is: one menu of the nine pairs, the file keeping both answers.
            {
              kind: 'choice',
              key: 'likelihood',
              label: 'field.risk.likelihood',
              help: 'help.risk.likelihoodImpact',
              choices: schemaChoices['needs.risks[].likelihood'],
              labels: 'enum.level',
              required: true,
              together: 'grid.risk.likelihood',
              with: { key: 'impact', choices: schemaChoices['needs.risks[].impact'], labels: 'enum.impact', label: 'field.risk.likelihoodImpact', pair: 'risk.pair' },
            },
            { kind: 'choice', key: 'impact', label: 'field.risk.impact', help: 'help.risk.impact', choices: schemaChoices['needs.risks[].impact'], labels: 'enum.impact', required: true, together: 'grid.risk.impact' },
            // Worked out with the key users rather than alone on day one: until then a warning says which risks still need one.
            { kind: 'longtext', key: 'mitigation', label: 'field.risk.mitigation', help: 'help.risk.mitigation', detail: true },
          ],
        },
      ],
    },
  ],
};
