import type { Step } from './types.js';

export const evaluation: Step = {
  id: 'evaluation',
  number: 8,
  title: 'step.evaluation',
  owns: ['evaluation'],
  fields: [
    {
      kind: 'group',
      key: 'evaluation',
      label: 'step.evaluation',
      fields: [
        { kind: 'date', key: 'due', label: 'field.evaluation.due', help: 'help.evaluation.due', required: true },
        {
          kind: 'list',
          key: 'reviews',
          label: 'field.evaluation.reviews',
          required: true,
          managed: true,
          title: 'date',
          fields: [{ kind: 'date', key: 'date', label: 'field.review.date', required: true }],
        },
      ],
    },
  ],
};
