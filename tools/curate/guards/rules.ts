/**
 * The guards that keep published records read-only (issue #5): a pure check
 * of one record's change against the catalogue policy (config `curationFields`
 * and `rawGracePeriodDays`). Each issue names its rule, the pointer, and what
 * to do instead, usually the versioning route (`shelfmark publish --new-version`).
 *
 *   guard/doi-frozen          a record with a registered DOI changed outside the curation fields
 *   guard/raw-frozen          a raw dataset changed outside the curation fields after its grace period
 *   guard/doi-deleted         a record with a DOI was deleted
 *   guard/renamed             a record moved to another path
 *   guard/id-changed          a record's id changed
 *   guard/embargo-lifted-early (warning) an embargo was lifted before its date: allowed, but reported
 *   guard/policy-changed      (warning) the config's curationFields or rawGracePeriodDays changed
 */
import type { Severity } from '../../core/findings.ts';
import type { RecordType } from '../../core/layout.ts';
import { toPointer } from '../../validate/json-source.ts';
import { ID_FIELD, isObject, timeOf } from '../../validate/rules/context.ts';
import type { FieldChange } from '../diff/record-diff.ts';
import { formatValue } from '../diff/values.ts';

/** The policy the guards apply, from the config at the base revision. */
export interface GuardPolicy {
  /** JSON pointers that stay editable after a DOI or the grace period (a change at or below one is allowed). */
  curationFields: readonly string[];
  rawGracePeriodDays: number;
  now: Date;
}

/** One record's change, as the guards see it. */
export interface GuardInput {
  type: RecordType;
  status: 'A' | 'M' | 'D' | 'R';
  /** Repository path at head (base for a deletion). */
  path: string;
  oldPath?: string;
  before: unknown;
  after: unknown;
  /** diffRecords(before, after). */
  changes: readonly FieldChange[];
}

export interface GuardIssue {
  severity: Severity;
  code: string;
  /** Pointer in the record (head version; base version for a deletion). */
  pointer: string;
  message: string;
  fix: string;
  found?: string;
}

/** The default grace period when the config gives none (the schema's default). */
export const DEFAULT_GRACE_DAYS = 30;

const DAY = 86_400_000;

/** True when `pointer` is one of the curation fields or inside one. */
export function isCurationField(pointer: string, fields: readonly string[]): boolean {
  return fields.some((f) => pointer === f || pointer.startsWith(`${f}/`));
}

/** The DOI that freezes a record: a dataset's `doi`, or a publication's own DOI once registered or findable. */
export function frozenDoi(type: RecordType, record: unknown): string | undefined {
  if (!isObject(record)) return undefined;
  if (type === 'dataset' && typeof record.doi === 'string') return record.doi;
  if (type === 'publication' && (record.status === 'registered' || record.status === 'findable') && typeof record.doi === 'string') return record.doi;
  return undefined;
}

function idOf(type: RecordType, record: unknown): string | undefined {
  const field = ID_FIELD[type];
  return field && isObject(record) && typeof record[field] === 'string' ? (record[field] as string) : undefined;
}

/** Why the embargo counts as lifted early, or undefined when it does not. */
function embargoLift(before: unknown, after: unknown, now: Date): string | undefined {
  if (!isObject(before) || !isObject(after) || !isObject(before.access)) return undefined;
  const was = before.access;
  const until = timeOf(was.embargoedUntil);
  if (was.status !== 'embargoed' || until === undefined || until <= now.getTime()) return undefined;
  const is = isObject(after.access) ? after.access : {};
  if (is.status === 'public') return `the embargo until ${String(was.embargoedUntil)} was lifted: access is now public`;
  const newUntil = timeOf(is.embargoedUntil);
  if (is.status === 'embargoed' && newUntil !== undefined && newUntil < until)
    return `the embargo was shortened from ${String(was.embargoedUntil)} to ${String(is.embargoedUntil)}`;
  return undefined;
}

const newVersion = (id: string) => `create a new version instead: \`shelfmark publish --new-version ${id}\` (it gets its own DOI and links to this one)`;

/** The guard issues of one record's change. */
export function guardChange(input: GuardInput, policy: GuardPolicy): GuardIssue[] {
  const issues: GuardIssue[] = [];
  const { type, before, after } = input;
  const id = idOf(type, after) ?? idOf(type, before) ?? input.path;
  const fields = policy.curationFields;
  const fieldList = fields.length ? `curationFields: ${fields.join(', ')}` : 'curationFields is empty';

  if (input.status === 'D') {
    const doi = frozenDoi(type, before);
    if (doi)
      issues.push({
        severity: 'error',
        code: 'guard/doi-deleted',
        pointer: '',
        message: `${type} ${id} has the DOI ${doi} and was deleted; a DOI must keep resolving to its landing page`,
        fix: 'Restore the file. To withdraw the data, keep the record and set /access/status to "restricted" with a /access/reason; to supersede it, ' + newVersion(id) + '.',
      });
    return issues;
  }

  if (input.status === 'R' && input.oldPath !== undefined)
    issues.push({
      severity: 'error',
      code: 'guard/renamed',
      pointer: '',
      message: `${type} ${id} moved from ${input.oldPath} to ${input.path}; record paths and ids are permanent because landing pages and citations use them`,
      fix: `Move the file back to ${input.oldPath}. To replace the record, add a new one and link it (relationships: IsNewVersionOf), or ${newVersion(id)}.`,
    });

  const idField = ID_FIELD[type];
  const oldId = idOf(type, before);
  const newId = idOf(type, after);
  if (input.status !== 'A' && idField && oldId !== undefined && newId !== oldId)
    issues.push({
      severity: 'error',
      code: 'guard/id-changed',
      pointer: toPointer([idField]),
      message: `the ${idField} of this ${type} changed from ${oldId} to ${newId ?? '(nothing)'}; ids are permanent because landing pages and citations use them`,
      fix: `Set ${idField} back to "${oldId}". To replace the record, add a new one beside it, or ${newVersion(oldId)}.`,
      found: formatValue(newId),
    });
  if (input.status === 'A') return issues;

  if (type === 'config')
    for (const c of input.changes.filter((x) => isCurationField(x.pointer, ['/curationFields', '/rawGracePeriodDays'])))
      issues.push({
        severity: 'warning',
        code: 'guard/policy-changed',
        pointer: c.pointer,
        message: `the curation policy changed: ${c.pointer} ${c.op === 'add' ? 'added' : c.op === 'remove' ? 'removed' : 'changed'}; it applies from the next pull request on (this one is checked against the base's policy)`,
        fix: 'Allowed. Reviewers: check that the facility policy really changed.',
        found: c.op === 'remove' ? `${formatValue(c.old)} (removed)` : c.op === 'add' ? formatValue(c.new) : `${formatValue(c.old)} → ${formatValue(c.new)}`,
      });

  const lift = embargoLift(before, after, policy.now);
  if (lift)
    issues.push({
      severity: 'warning',
      code: 'guard/embargo-lifted-early',
      pointer: '/access',
      message: `${lift} (before its date)`,
      fix: 'Allowed. Make sure the principal investigator agreed; the reviewers see this warning.',
    });

  const doi = frozenDoi(type, before);
  const created = isObject(before) && type === 'dataset' && before.type === 'raw' ? timeOf(before.creationTime) : undefined;
  const graceEnd = created !== undefined ? created + policy.rawGracePeriodDays * DAY : undefined;
  const pastGrace = graceEnd !== undefined && policy.now.getTime() > graceEnd;
  if (!doi && !pastGrace) return issues;

  for (const c of input.changes) {
    if (isCurationField(c.pointer, fields)) continue;
    if (lift && isCurationField(c.pointer, ['/access'])) continue;
    if (c.pointer === toPointer([idField ?? ''])) continue; // reported above
    // DataCite's own life cycle: a registered DOI becomes findable, and `shelfmark doi hide` takes it back (#6 §2).
    if (type === 'publication' && c.pointer === '/status' && ((c.old === 'registered' && c.new === 'findable') || (c.old === 'findable' && c.new === 'registered'))) continue;
    const what = c.op === 'add' ? 'added' : c.op === 'remove' ? 'removed' : 'changed';
    const found = c.op === 'remove' ? `${formatValue(c.old)} (removed)` : c.op === 'add' ? formatValue(c.new) : `${formatValue(c.old)} → ${formatValue(c.new)}`;
    if (doi)
      issues.push({
        severity: 'error',
        code: 'guard/doi-frozen',
        pointer: c.pointer,
        message: `${c.pointer} was ${what} on ${type} ${id}, ${type === 'publication' ? 'which is registered with DataCite' : `which has the registered DOI ${doi}`}; only the curation fields may change (${fieldList})`,
        fix: `Revert this field and ${newVersion(id)}. If the field should stay editable after publication, add "${c.pointer}" to curationFields in catalog/config.json in a PR of its own.`,
        found,
      });
    else
      issues.push({
        severity: 'error',
        code: 'guard/raw-frozen',
        pointer: c.pointer,
        message: `${c.pointer} was ${what} on raw dataset ${id}, created ${String((before as Record<string, unknown>).creationTime)}, past its grace period of ${policy.rawGracePeriodDays} days (ended ${new Date(graceEnd!).toISOString().slice(0, 10)}); only the curation fields may change (${fieldList})`,
        fix: `Revert this field. Record the correction in a derived dataset (type "derived", inputDatasets ["${id}"]), or ${newVersion(id)}.`,
        found,
      });
  }
  return issues;
}
