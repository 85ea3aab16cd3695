/**
 * What differs between languages besides the words: one row per language. Adding a language is
 * one row here and one catalogue in ./locales/ (docs/translating.md).
 */
import type { DateOrder, DateWords } from '../util/dates.js';

export interface Locale {
  /** Its own name, offered when a new project chooses its language. */
  readonly name: string;
  /** The BCP 47 tag Intl writes numbers, money and lists with, and chooses plural forms by. */
  readonly tag: string;
  /**
   * The decimal mark people type. With a comma, thousands are grouped by spaces (and "12.50" is
   * still read as a decimal); with a point, by spaces or commas.
   */
  readonly decimal: ',' | '.';
  /** The currency a new budget suggests. */
  readonly currency: string;
  /** How a typed 03/04/2027 is read. */
  readonly dateOrder: DateOrder;
  /** Which chrono-node parser reads the dates people of the language write in words (15 mars 2027). */
  readonly dateWords: DateWords;
  /** How an item's title is named mid-sentence: "key user 3", « Utilisateur clef 3 ». */
  readonly nameInSentence: 'lowercase' | 'guillemets';
  /**
   * The words people of the language type for the steps in `adopt edit <step>`, lower case and
   * without accents, beside the step ids and numbers that every language accepts.
   */
  readonly stepNames: Readonly<Record<string, string>>;
  /** Applied to every message when the catalogue is built or loaded. */
  readonly typography?: (text: string) => string;
}

/**
 * French typography: a non-breaking space before : ; ? ! and inside « guillemets », between a
 * number and its currency or percent sign, and the typographic apostrophe between letters (l’équipe).
 */
export function frenchTypography(text: string): string {
  return text
    .replace(/ ([:;?!»])/g, '\u00a0$1')
    .replace(/« /g, '«\u00a0')
    // "150 €" is one word for the eye: a line never ends between the number and its unit.
    .replace(/(\d) ([€%$£])/g, '$1\u00a0$2')
    .replace(/(\p{L})'(\p{L})/gu, '$1’$2');
}

export const locales = {
  fr: {
    name: 'Français',
    tag: 'fr-FR',
    decimal: ',',
    currency: 'EUR',
    dateOrder: 'dmy',
    dateWords: 'fr',
    nameInSentence: 'guillemets',
    stepNames: {
      responsable: 'lead', chef: 'lead', 'chef-de-projet': 'lead', utilisateurs: 'key-users', 'utilisateurs-clefs': 'key-users', besoins: 'needs', recherche: 'research',
      test: 'poc', deploiement: 'deployment', formation: 'training', evaluation: 'evaluation', pratiques: 'practices',
    },
    typography: frenchTypography,
  },
  en: { name: 'English', tag: 'en-GB', decimal: '.', currency: 'GBP', dateOrder: 'dmy', dateWords: 'en.GB', nameInSentence: 'lowercase', stepNames: {} },
} as const satisfies Record<string, Locale>;
