import type { Step } from './types.js';
import { isValidIsoDate } from '../util/dates.js';
import { choices as schemaChoices } from '../generated/schema-facts.js';

export const training: Step = {
  id: 'training',
  number: 7,
  title: 'step.training',
  owns: ['training'],
  // The training is planned until its last session has taken place.
  planned: { until: (project) => (project.training?.sessions ?? []).map((s) => s.date).filter(isValidIsoDate).sort().pop(), label: 'state.until' },
  fields: [
    {
      kind: 'group',
      key: 'training',
      label: 'step.training',
      fields: [
        { kind: 'refs', key: 'champions', label: 'field.training.champions', help: 'help.training.champions', target: 'keyUsers', required: true },
        { kind: 'choices', key: 'formats', label: 'field.training.formats', help: 'help.training.formats', choices: schemaChoices['training.formats[]'], labels: 'enum.format', required: true },
        {
          kind: 'list',
          key: 'sessions',
          item: 'session',
          label: 'field.training.sessions',
          help: 'help.training.sessions',
          required: true,
          title: 'topic',
          fields: [
            { kind: 'text', key: 'topic', label: 'field.session.topic', help: 'help.session.topic', required: true, carries: 'date' },
            { kind: 'date', key: 'date', label: 'field.session.date', required: true },
            { kind: 'text', key: 'audience', label: 'field.session.audience', help: 'help.session.audience', required: true },
            {
              kind: 'choice',
              key: 'format',
              label: 'field.session.format',
              choices: schemaChoices['training.sessions[].format'],
              labels: 'enum.format',
              required: true,
              together: 'grid.session.format',
              // The formats chosen for the step, and the session's own if it was another.
              offered: ({ project, item }) => [...(project.training?.formats ?? []), ...(typeof item?.format === 'string' ? [item.format] : [])],
            },
          ],
        },
        {
          kind: 'list',
          key: 'catchUp',
          item: 'catchUp',
          label: 'field.training.catchUp',
          help: 'help.training.catchUp',
          // A team that says nobody needs training has no one to bring up to speed.
          required: ({ project }) => project.needs?.maturity?.trainingNeed !== 'none',
          title: 'who',
          fields: [
            { kind: 'text', key: 'who', label: 'field.catchUp.who', help: 'help.catchUp.who', required: true },
            { kind: 'longtext', key: 'plan', label: 'field.catchUp.plan', help: 'help.catchUp.plan', required: true },
          ],
        },
      ],
    },
  ],
};
