/** The per-record rules, run in this order on every record after its schema check. */
import type { RecordRule } from './context.ts';
import { identityRule } from './identity.ts';
import { doiRule, licenseRule, peopleIdsRule } from './identifiers.ts';
import { profileRule } from './profile.ts';
import { timesRule } from './times.ts';
import { unitsRule } from './units.ts';

export const recordRules: readonly RecordRule[] = [identityRule, peopleIdsRule, licenseRule, doiRule, timesRule, profileRule, unitsRule];
