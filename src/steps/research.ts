import type { Step } from './types.js';
import { choices as schemaChoices } from '../generated/schema-facts.js';

export const research: Step = {
  id: 'research',
  number: 4,
  title: 'step.research',
  owns: ['research'],
  fields: [
    {
      kind: 'group',
      key: 'research',
      label: 'step.research',
      fields: [
        { kind: 'strings', key: 'sources', label: 'field.research.sources', help: 'help.research.sources', required: true },
        {
          kind: 'list',
          key: 'peerFeedback',
          item: 'peer',
          label: 'field.research.peerFeedback',
          help: 'help.research.peerFeedback',
          required: true,
          title: 'organisation',
          fields: [
            { kind: 'text', key: 'organisation', label: 'field.peer.organisation', help: 'help.peer.organisation', required: true },
            { kind: 'text', key: 'tool', label: 'field.peer.tool', help: 'help.peer.tool', required: true },
            { kind: 'longtext', key: 'takeaway', label: 'field.peer.takeaway', help: 'help.peer.takeaway', required: true },
          ],
        },
        {
          kind: 'list',
          key: 'candidates',
          item: 'candidate',
          label: 'field.research.candidates',
          help: 'help.research.candidates',
          required: true,
          id: { from: 'name' },
          title: 'name',
          fields: [
            { kind: 'text', key: 'name', label: 'field.candidate.name', help: 'help.candidate.name', required: true },
            { kind: 'text', key: 'vendor', label: 'field.candidate.vendor', help: 'help.candidate.vendor', detail: true },
            { kind: 'url', key: 'url', label: 'field.candidate.url', help: 'help.candidate.url', detail: true },
            { kind: 'text', key: 'pricing', label: 'field.candidate.pricing', help: 'help.candidate.pricing', required: true },
            { kind: 'choice', key: 'licence', label: 'field.candidate.licence', help: 'help.candidate.licence', choices: schemaChoices['research.candidates[].licence'], labels: 'enum.licence', detail: true },
            { kind: 'choice', key: 'hosting', label: 'field.candidate.hosting', help: 'help.candidate.hosting', choices: schemaChoices['research.candidates[].hosting'], labels: 'enum.hosting', required: true },
            { kind: 'choice', key: 'dataExport', label: 'field.candidate.dataExport', help: 'help.candidate.dataExport', choices: schemaChoices['research.candidates[].dataExport'], labels: 'enum.dataExport', required: true },
            { kind: 'longtext', key: 'strengths', label: 'field.candidate.strengths', help: 'help.candidate.strengths' },
            { kind: 'longtext', key: 'weaknesses', label: 'field.candidate.weaknesses', help: 'help.candidate.weaknesses' },
            {
              kind: 'boolean',
              key: 'shortlisted',
              label: 'field.candidate.shortlisted',
              help: 'help.candidate.shortlisted',
              after: ({ item }) => (item?.shortlisted === true && item.dataExport === 'none' ? [{ key: 'guard.noExport', params: { name: String(item.name ?? '') } }] : []),
            },
          ],
        },
      ],
    },
  ],
  requirements: [
    {
      path: 'research.candidates',
      label: 'field.research.shortlist',
      met: (project) => (project.research?.candidates ?? []).some((candidate) => candidate.shortlisted === true),
      when: (project) => (project.research?.candidates ?? []).length > 0,
    },
  ],
};
