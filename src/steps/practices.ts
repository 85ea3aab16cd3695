import type { Step } from './types.js';
import { choices as schemaChoices } from '../generated/schema-facts.js';

export const practices: Step = {
  id: 'practices',
  title: 'step.practices',
  owns: ['practices'],
  fields: [
    {
      kind: 'group',
      key: 'practices',
      label: 'step.practices',
      fields: [
        {
          kind: 'group',
          key: 'vision',
          label: 'field.practices.vision',
          fields: [
            { kind: 'text', key: 'owner', label: 'field.practices.vision.owner', help: 'help.practices.vision.owner', required: true },
            {
              kind: 'list',
              key: 'inventory',
              item: 'inventory',
              label: 'field.practices.vision.inventory',
              help: 'help.practices.vision.inventory',
              required: true,
              title: 'tool',
              fields: [
                { kind: 'text', key: 'tool', label: 'field.inventory.tool', help: 'help.inventory.tool', required: true, carries: 'amount', into: 'monthlyCost' },
                { kind: 'text', key: 'use', label: 'field.inventory.use', help: 'help.inventory.use', detail: true },
                { kind: 'choice', key: 'fate', label: 'field.inventory.fate', help: 'help.inventory.fate', choices: schemaChoices['practices.vision.inventory[].fate'], labels: 'enum.fate', required: true, together: 'grid.inventory.fate' },
                { kind: 'number', key: 'monthlyCost', label: 'field.inventory.monthlyCost', min: 0, money: 'monthly', detail: true },
                // A tool that costs nothing has no contract to renew.
                { kind: 'date', key: 'contractEnd', label: 'field.inventory.contractEnd', help: 'help.inventory.contractEnd', detail: true, when: ({ item }) => item?.monthlyCost !== 0 },
              ],
            },
          ],
        },
        { kind: 'longtext', key: 'specifics', label: 'field.practices.specifics', help: 'help.practices.specifics', required: true },
        {
          kind: 'list',
          key: 'decisions',
          item: 'decision',
          label: 'field.practices.decisions',
          help: 'help.practices.decisions',
          title: 'decision',
          fields: [
            { kind: 'text', key: 'decision', label: 'field.decision.decision', help: 'help.decision.decision', required: true, carries: 'date' },
            { kind: 'date', key: 'date', label: 'field.decision.date', required: true },
            { kind: 'longtext', key: 'rationale', label: 'field.decision.rationale', detail: true },
            { kind: 'text', key: 'by', label: 'field.decision.by', detail: true },
          ],
        },
        {
          kind: 'list',
          key: 'communications',
          item: 'communication',
          label: 'field.practices.communications',
          help: 'help.practices.communications',
          title: 'audience',
          fields: [
            { kind: 'longtext', key: 'message', label: 'field.communication.message', help: 'help.communication.message', required: true, carries: 'date' },
            { kind: 'date', key: 'date', label: 'field.communication.date', required: true },
            { kind: 'text', key: 'audience', label: 'field.communication.audience', required: true },
            { kind: 'text', key: 'channel', label: 'field.communication.channel', detail: true },
          ],
        },
      ],
    },
  ],
};
