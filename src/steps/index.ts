import { lead } from './lead.js';
import { keyUsers } from './key-users.js';
import { needs } from './needs.js';
import { research } from './research.js';
import { poc } from './poc.js';
import { deployment } from './deployment.js';
import { training } from './training.js';
import { evaluation } from './evaluation.js';
import { practices } from './practices.js';
import type { Step, StepId } from './types.js';

/** The method in order: the 8 steps, then the cross-cutting practices. */
export const steps: readonly Step[] = [lead, keyUsers, needs, research, poc, deployment, training, evaluation, practices];

/** `adopt edit 3` and `adopt edit needs` name the same step. */
export function findStep(name: string): Step | undefined {
  const byNumber = /^[1-8]$/.test(name) ? steps.find((step) => step.number === Number(name)) : undefined;
  return byNumber ?? steps.find((step) => step.id === (name as StepId));
}

export type { Step, StepId };
