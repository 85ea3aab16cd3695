import { endAfterStart } from './poc.js';
import { deploymentEnd } from '../derive/events.js';
import type { Step } from './types.js';
import { choices as schemaChoices } from '../generated/schema-facts.js';

export const deployment: Step = {
  id: 'deployment',
  number: 6,
  title: 'step.deployment',
  owns: ['deployment'],
  planned: { until: deploymentEnd, label: 'state.until' },
  fields: [
    {
      kind: 'group',
      key: 'deployment',
      label: 'step.deployment',
      fields: [
        { kind: 'text', key: 'procedures', label: 'field.deployment.procedures', help: 'help.deployment.procedures', required: true },
        {
          kind: 'group',
          key: 'launch',
          label: 'field.deployment.launch',
          fields: [
            { kind: 'text', key: 'format', label: 'field.deployment.launch.format', help: 'help.deployment.launch.format', required: true, carries: 'date' },
            { kind: 'date', key: 'date', label: 'field.deployment.launch.date', help: 'help.deployment.launch.date', required: true },
          ],
        },
        {
          kind: 'list',
          key: 'phases',
          item: 'phase',
          label: 'field.deployment.phases',
          help: 'help.deployment.phases',
          // A simple tool is rolled out by its launch alone: no phase entered is a complete step,
          // unless the file says the rollout is phased.
          required: ({ project }) => project.deployment?.phased === true,
          says: 'phased',
          id: { prefix: 'P' },
          title: 'name',
          fields: [
            { kind: 'text', key: 'name', label: 'field.phase.name', help: 'help.phase.name', required: true, carries: 'dates' },
            { kind: 'date', key: 'start', label: 'field.phase.start', help: 'help.phase.start', required: true },
            { kind: 'date', key: 'end', label: 'field.phase.end', help: 'help.phase.end', required: true, check: (value, { item }) => endAfterStart(item?.start, value) },
            { kind: 'text', key: 'scope', label: 'field.phase.scope', help: 'help.phase.scope', detail: true },
          ],
        },
        {
          kind: 'group',
          key: 'infoPoints',
          label: 'field.deployment.infoPoints',
          fields: [
            { kind: 'choice', key: 'frequency', label: 'field.deployment.infoPoints.frequency', help: 'help.deployment.infoPoints.frequency', choices: schemaChoices['deployment.infoPoints.frequency'], labels: 'enum.frequency', required: true },
            { kind: 'text', key: 'channel', label: 'field.deployment.infoPoints.channel', help: 'help.deployment.infoPoints.channel', required: true },
          ],
        },
      ],
    },
  ],
};
