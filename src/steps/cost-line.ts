/**
 * A line of cost, as the budget and each candidate tool write it (the format's one cost item):
 * what is paid for, typed with its amount when the person wishes, one-off or recurring, how
 * often, and what it is for. Only the first question's wording differs between the two lists.
 */
import type { Field } from './types.js';
import type { MsgKey } from '../i18n/index.js';
import { choices as schemaChoices } from '../generated/schema-facts.js';

export function costLineFields(item: { label: MsgKey; help: MsgKey }): Field[] {
  return [
    {
      kind: 'text',
      key: 'item',
      label: item.label,
      help: item.help,
      required: true,
      carries: 'amount',
      sorts: { key: 'category', choices: schemaChoices['needs.budget.items[].category'], words: 'answer.category', labels: 'enum.costCategory' },
    },
    { kind: 'number', key: 'amount', label: 'field.budget.amount', help: 'help.budget.amount', min: 0, money: 'recurring', required: true },
    { kind: 'choice', key: 'kind', label: 'field.budget.kind', help: 'help.budget.kind', choices: schemaChoices['needs.budget.items[].kind'], labels: 'enum.costKind', required: true },
    {
      kind: 'choice',
      key: 'period',
      label: 'field.budget.period',
      help: 'help.budget.period',
      choices: schemaChoices['needs.budget.items[].period'],
      labels: 'enum.period',
      required: ({ item }) => item?.kind === 'recurring',
      when: ({ item }) => item?.kind === 'recurring',
    },
    { kind: 'choice', key: 'category', label: 'field.budget.category', help: 'help.budget.category', choices: schemaChoices['needs.budget.items[].category'], labels: 'enum.costCategory', detail: true },
  ];
}
