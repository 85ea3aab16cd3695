import type en from './locales/en.json';

/** The English catalogue is the reference: its keys are the keys (a test holds every other locale to them). */
export type MsgKey = keyof typeof en;
export type Catalogue = { readonly [K in MsgKey]: string };
