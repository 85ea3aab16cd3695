/**
 * The steps' ids in the method's order, and their names as people type them, without loading
 * the steps' declarations: the help and the hints that name a step need only these.
 */
import { localeOf, type Lang } from '../i18n/index.js';
import type { StepId } from './types.js';

export const stepIds = ['lead', 'key-users', 'needs', 'research', 'poc', 'deployment', 'training', 'evaluation', 'practices'] as const satisfies readonly StepId[];

/** A step as people of `lang` type it (`adopt edit recherche`): the language's first word for it, else its id. */
export function stepName(id: StepId, lang: Lang): string {
  return Object.entries(localeOf(lang).stepNames as Readonly<Record<string, string>>).find(([, step]) => step === id)?.[0] ?? id;
}

/** Every step as people of `lang` type it, in order: for help texts and usage errors. */
export function stepNames(lang: Lang): string[] {
  return stepIds.map((id) => stepName(id, lang));
}
