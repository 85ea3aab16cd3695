import { deploymentEnd, EVALUATION_DELAY_MONTHS } from '../derive/events.js';
import { addMonths, withinRange } from '../util/dates.js';
import { notPast } from './poc.js';
import type { Step } from './types.js';

export const evaluation: Step = {
  id: 'evaluation',
  number: 8,
  title: 'step.evaluation',
  owns: ['evaluation'],
  // Planned until its due date; from then on a review is missing (see `reviews` below). Once a
  // review is recorded the step is done: the next due date is the next round, not a plan.
  planned: { until: (project) => ((project.evaluation?.reviews ?? []).length > 0 ? undefined : project.evaluation?.due), label: 'state.dueOn' },
  fields: [
    {
      kind: 'group',
      key: 'evaluation',
      label: 'step.evaluation',
      fields: [
        {
          kind: 'date',
          key: 'due',
          label: 'field.evaluation.due',
          help: 'help.evaluation.due',
          required: true,
          confirm: (value, { today }) => notPast(value, today),
          suggest: ({ project }) => {
            const end = deploymentEnd(project);
            return end ? withinRange(addMonths(end, EVALUATION_DELAY_MONTHS)) : undefined;
          },
        },
        {
          kind: 'list',
          key: 'reviews',
          item: 'review',
          label: 'field.evaluation.reviews',
          // Needed once the evaluation is due; before that, planning it is all the step asks.
          required: ({ project, today }) => !today || !project.evaluation?.due || project.evaluation.due <= today,
          managed: true,
          title: 'date',
          fields: [{ kind: 'date', key: 'date', label: 'field.review.date', required: true }],
        },
      ],
    },
  ],
};
