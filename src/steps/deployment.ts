import { endAfterStart } from './poc.js';
import { deploymentEnd } from '../derive/events.js';
import type { Step } from './types.js';
import { choices as schemaChoices } from '../generated/schema-facts.js';
import type { Project } from '../generated/model.js';

const hasPhases = (project: Project) => (project.deployment?.phases ?? []).length > 0;

/**
 * adopt does not know how complex a tool is; how many groups it reaches is the best sign the
 * file holds: three target audiences or more are rolled out one after another, by default.
 */
const manyAudiences = (project: Project) => (project.needs?.audiences ?? []).length >= 3;

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
            { kind: 'text', key: 'format', label: 'field.deployment.launch.format', help: 'help.deployment.launch.format', required: true },
            { kind: 'date', key: 'date', label: 'field.deployment.launch.date', help: 'help.deployment.launch.date', required: true },
          ],
        },
        {
          kind: 'boolean',
          key: 'phased',
          label: 'field.deployment.phased',
          help: 'help.deployment.phased',
          // Phases already written say the answer (files from before the question).
          required: ({ project }) => !hasPhases(project),
          suggest: ({ project }) => hasPhases(project) || manyAudiences(project),
        },
        {
          kind: 'list',
          key: 'phases',
          item: 'phase',
          label: 'field.deployment.phases',
          help: 'help.deployment.phases',
          // A simple tool is rolled out by its launch alone: phases only when the team chose them.
          when: ({ project }) => project.deployment?.phased !== false,
          required: ({ project }) => project.deployment?.phased === true,
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
