/** Every corpus rule, in the order their findings are listed. Adding a rule is one line here. */
import { acronymExpansion } from './acronym-expansion.js';
import { datelineConflict } from './dateline-conflict.js';
import { nameVariant } from './name-variant.js';
import { roleConflict } from './role-conflict.js';
import type { CorpusRule } from './rule.js';
import { weekdayMismatch } from './weekday-mismatch.js';

export type { CorpusRule } from './rule.js';

/** The rules Dateline runs. */
export const rules: readonly CorpusRule[] = [
  nameVariant,
  acronymExpansion,
  datelineConflict,
  weekdayMismatch,
  roleConflict,
];
