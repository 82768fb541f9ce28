/**
 * What a per-record rule sees: the record, where it lives, and the few
 * catalogue-wide facts loaded before the walk (config, metadata profiles, now).
 * Rules return issues (a pointer and words); the caller adds file and line.
 */
import type { Severity } from '../../core/findings.ts';
import type { PathInfo, RecordType } from '../../core/layout.ts';
import type { SchemaIssue } from '../error-map.ts';

/** The parts of `catalog/config.json` the rules use. */
export interface CatalogConfig {
  pidPrefix?: string;
  doiPrefix?: string;
  retentionYears?: number;
  defaultEmbargoYears?: number;
}

/** One field of a metadata profile (`profiles/<id>.json`, `fields[]`). */
export interface ProfileField {
  key: string;
  name?: string;
  required?: boolean;
  dimension?: string;
  unit?: string;
  range?: { min?: number; max?: number; unit?: string };
  aliases?: string[];
}

/** Catalogue-wide facts every rule may use; small enough to copy into each worker. */
export interface RuleContext {
  config: CatalogConfig | undefined;
  profiles: Record<string, ProfileField[]>;
  /** ISO time; "now" for embargo checks (fixed in tests). */
  now: string;
}

/** A record to check. */
export interface RecordInput {
  type: RecordType;
  /** POSIX path relative to the catalogue root. */
  rel: string;
  info: PathInfo;
  record: Record<string, unknown>;
}

/** A problem a rule found, before it is tied to a file and line: a schema issue with its own severity. */
export interface RuleIssue extends SchemaIssue {
  severity: Severity;
}

/** A check on one record. */
export type RecordRule = (input: RecordInput, ctx: RuleContext) => RuleIssue[];

/** The id property of each record type (config has none). */
export const ID_FIELD: Record<RecordType, string | undefined> = {
  config: undefined,
  instrument: 'id',
  technique: 'pid',
  profile: 'id',
  publication: 'doi',
  proposal: 'proposalId',
  sample: 'sampleId',
  dataset: 'pid',
  annotation: 'id',
};

export const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** Milliseconds of an ISO date (`2027-03-14`, taken as 00:00 UTC) or date-time; undefined if unparsable. */
export function timeOf(v: unknown): number | undefined {
  if (typeof v !== 'string') return undefined;
  const t = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T00:00:00Z` : v);
  return Number.isNaN(t) ? undefined : t;
}
