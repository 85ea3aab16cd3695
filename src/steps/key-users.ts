import type { Step } from './types.js';
import { choices as schemaChoices } from '../generated/schema-facts.js';

export const keyUsers: Step = {
  id: 'key-users',
  number: 2,
  title: 'step.key-users',
  owns: ['keyUsers'],
  fields: [
    {
      kind: 'list',
      key: 'keyUsers',
      item: 'keyUser',
      label: 'field.keyUsers',
      help: 'help.keyUsers',
      required: true,
      minItems: 2,
      id: { from: 'name' },
      title: 'name',
      after: ({ project }) => {
        const users = project.keyUsers ?? [];
        const profiles = new Set(users.map((u) => u.profile));
        return users.length >= 2 && profiles.size === 1 ? [{ key: 'guard.singleProfile' }] : [];
      },
      fields: [
        { kind: 'text', key: 'name', label: 'field.keyUser.name', help: 'help.keyUser.name', required: true, carries: 'role' },
        { kind: 'text', key: 'role', label: 'field.keyUser.role', help: 'help.keyUser.role', required: true },
        { kind: 'choice', key: 'profile', label: 'field.keyUser.profile', help: 'help.keyUser.profile', choices: schemaChoices['keyUsers[].profile'], labels: 'enum.profile', required: true, together: 'grid.keyUser.profile' },
        // The profile says how each will use the tool; the sentence that details it can wait for `adopt edit`.
        { kind: 'text', key: 'use', label: 'field.keyUser.use', help: 'help.keyUser.use', detail: true },
      ],
    },
  ],
};
