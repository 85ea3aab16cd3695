import { lead } from './lead.js';
import { keyUsers } from './key-users.js';
import { needs } from './needs.js';
import { research } from './research.js';
import { poc } from './poc.js';
import { deployment } from './deployment.js';
import { training } from './training.js';
import { evaluation } from './evaluation.js';
import { practices } from './practices.js';
import type { Field, Step, StepId } from './types.js';
import { languages, localeOf } from '../i18n/index.js';

/** The method in order: the 8 steps, then the cross-cutting practices. */
export const steps: readonly Step[] = [lead, keyUsers, needs, research, poc, deployment, training, evaluation, practices];

/** `adopt edit 3`, `adopt edit needs` and `adopt edit besoins` name the same step. */
export function findStep(name: string): Step | undefined {
  const byNumber = /^[1-8]$/.test(name) ? steps.find((step) => step.number === Number(name)) : undefined;
  const plain = name.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  // Every language's names, whatever the language of the run: a French user may run adopt in English.
  const named = languages().map((lang) => localeOf(lang).stepNames).find((names) => Object.hasOwn(names, plain))?.[plain];
  return byNumber ?? steps.find((step) => step.id === plain || step.id === named);
}

export { stepName, stepNames } from './ids.js';

export type { Step, StepId };

/** The catalogue prefixes of every question with choices (`enum.profile`…), in step order, once each. */
export function choiceLabelPrefixes(): string[] {
  const found = new Set<string>();
  const walk = (fields: readonly Field[]) => {
    for (const field of fields) {
      if (field.kind === 'choice' || field.kind === 'choices') found.add(field.labels);
      if (field.kind === 'group' || field.kind === 'list') walk(field.fields);
    }
  };
  for (const step of steps) walk(step.fields);
  return [...found];
}
