import type { Step } from './types.js';

export const poc: Step = {
  id: 'poc',
  number: 5,
  title: 'step.poc',
  owns: ['poc'],
  fields: [
    {
      kind: 'group',
      key: 'poc',
      label: 'step.poc',
      fields: [
        { kind: 'date', key: 'start', label: 'field.poc.start', help: 'help.poc.start', required: true },
        { kind: 'date', key: 'end', label: 'field.poc.end', help: 'help.poc.end', required: true },
        {
          kind: 'list',
          key: 'criteria',
          label: 'field.poc.criteria',
          help: 'help.poc.criteria',
          required: true,
          id: { prefix: 'C' },
          title: 'text',
          fields: [
            { kind: 'text', key: 'text', label: 'field.criterion.text', help: 'help.criterion.text', required: true },
            { kind: 'integer', key: 'weight', label: 'field.criterion.weight', help: 'help.criterion.weight', min: 1, max: 5, required: true },
            { kind: 'ref', key: 'objective', label: 'field.criterion.objective', help: 'help.criterion.objective', target: 'objectives' },
          ],
        },
        {
          kind: 'list',
          key: 'scores',
          label: 'field.poc.scores',
          help: 'help.poc.scores',
          required: true,
          title: 'candidate',
          fields: [
            { kind: 'ref', key: 'candidate', label: 'field.score.candidate', target: 'candidates', required: true },
            { kind: 'ref', key: 'by', label: 'field.score.by', target: 'keyUsers', required: true },
            { kind: 'ref', key: 'criterion', label: 'field.score.criterion', target: 'criteria', required: true },
            { kind: 'number', key: 'score', label: 'field.score.score', help: 'help.score.score', min: 0, max: 5, required: true },
            { kind: 'text', key: 'comment', label: 'field.score.comment', help: 'help.score.comment' },
          ],
        },
        { kind: 'strings', key: 'adaptations', label: 'field.poc.adaptations', help: 'help.poc.adaptations' },
        {
          kind: 'group',
          key: 'decision',
          label: 'field.poc.decision',
          fields: [
            { kind: 'ref', key: 'chosen', label: 'field.poc.decision.chosen', help: 'help.poc.decision.chosen', target: 'candidates', required: true },
            { kind: 'date', key: 'date', label: 'field.poc.decision.date', help: 'help.poc.decision.date', required: true },
            { kind: 'longtext', key: 'rationale', label: 'field.poc.decision.rationale', help: 'help.poc.decision.rationale', required: true },
          ],
        },
      ],
    },
  ],
};
