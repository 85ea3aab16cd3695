import type { Step } from './types.js';
import { choices as schemaChoices } from '../generated/schema-facts.js';

export const lead: Step = {
  id: 'lead',
  number: 1,
  title: 'step.lead',
  owns: ['project', 'lead'],
  fields: [
    {
      kind: 'group',
      key: 'project',
      label: 'field.project',
      fields: [
        { kind: 'text', key: 'title', label: 'field.project.title', help: 'help.project.title', required: true },
        { kind: 'text', key: 'organisation', label: 'field.project.organisation', help: 'help.project.organisation', required: true },
        { kind: 'longtext', key: 'summary', label: 'field.project.summary', help: 'help.project.summary', detail: true },
      ],
    },
    {
      kind: 'group',
      key: 'lead',
      label: 'step.lead',
      fields: [
        { kind: 'text', key: 'name', label: 'field.lead.name', help: 'help.lead.name', required: true, carries: 'role' },
        { kind: 'text', key: 'role', label: 'field.lead.role', help: 'help.lead.role', required: true },
        { kind: 'email', key: 'contact', label: 'field.lead.contact', help: 'help.lead.contact', required: true },
        {
          kind: 'group',
          key: 'skills',
          label: 'field.lead.skills',
          after: ({ project }) => (hasWeakSkill(project.lead?.skills) ? [{ key: 'guard.weakSkill' }] : []),
          fields: [
            // Both skills in one menu of nine, as the person weighs them together; the file keeps them apart.
            {
              kind: 'choice',
              key: 'projectManagement',
              label: 'field.lead.skills.projectManagement',
              help: 'help.lead.skills.pair',
              choices: schemaChoices['lead.skills.projectManagement'],
              labels: 'enum.skill',
              required: true,
              with: { key: 'facilitation', choices: schemaChoices['lead.skills.facilitation'], labels: 'enum.skill', label: 'field.lead.skillsPair', pair: 'skills.pair' },
            },
            { kind: 'choice', key: 'facilitation', label: 'field.lead.skills.facilitation', help: 'help.lead.skills.facilitation', choices: schemaChoices['lead.skills.facilitation'], labels: 'enum.skill', required: true },
          ],
        },
        {
          kind: 'longtext',
          key: 'support',
          label: 'field.lead.support',
          help: 'help.lead.support',
          required: ({ project }) => hasWeakSkill(project.lead?.skills),
          // Asked at once when a skill is weak; otherwise a detail (a co-lead helps any lead).
          detail: true,
        },
        { kind: 'text', key: 'availability', label: 'field.lead.availability', help: 'help.lead.availability', required: true },
      ],
    },
  ],
};

export function hasWeakSkill(skills: { projectManagement?: string; facilitation?: string } | undefined): boolean {
  return skills?.projectManagement === 'none' || skills?.facilitation === 'none';
}
