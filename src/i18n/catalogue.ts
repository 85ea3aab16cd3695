import type { en } from './en.js';

/** The English catalogue is the reference: its keys are the keys. */
export type MsgKey = keyof typeof en;
/** Every catalogue has exactly the English keys: a missing or extra key is a compile error. */
export type Catalogue = { readonly [K in MsgKey]: string };
