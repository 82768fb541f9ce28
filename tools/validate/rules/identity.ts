/**
 * A record's id and its place in the catalogue agree (tools/core/layout.ts):
 * the path is derived from the id, so a file in the wrong place (or with a
 * typo in its id) would publish under the wrong URL.
 */
import { LayoutError, parseDatasetPid, recordPath } from '../../core/layout.ts';
import { preview } from '../../core/findings.ts';
import { ID_FIELD, type RecordRule, type RuleIssue } from './context.ts';

/** The id matches the path; dataset pids carry the configured prefix; annotations sit under their dataset. */
export const identityRule: RecordRule = ({ type, rel, record }, ctx) => {
  const field = ID_FIELD[type];
  if (!field) return [];
  const id = record[field];
  if (typeof id !== 'string') return []; // missing or mistyped: the schema reports it
  const issues: RuleIssue[] = [];
  let expected: string | undefined;
  try {
    expected = recordPath(type, id);
  } catch (err) {
    if (!(err instanceof LayoutError)) throw err;
    issues.push({
      severity: 'error',
      code: 'layout/bad-id',
      pointer: `/${field}`,
      message: err.message,
      found: preview(id),
      fix: `Correct "${field}"; the file name is derived from it.`,
    });
  }
  if (expected !== undefined && expected !== rel) {
    issues.push({
      severity: 'error',
      code: 'layout/path-mismatch',
      pointer: `/${field}`,
      message: `${type} ${preview(id)} belongs at ${expected}, but this file is ${rel}`,
      expected: `the file catalog/${expected}`,
      found: `catalog/${rel}`,
      fix: `If the id is right, move the file: git mv catalog/${rel} catalog/${expected}. If the place is right, correct "${field}".`,
    });
  }
  if (type === 'dataset') {
    const prefix = ctx.config?.pidPrefix;
    const p = parseDatasetPid(id);
    if (p && prefix && p.prefix !== prefix) {
      issues.push({
        severity: 'error',
        code: 'layout/pid-prefix',
        pointer: '/pid',
        message: `the pid prefix "${p.prefix}" is not the catalogue's pidPrefix "${prefix}"`,
        expected: `${prefix}/${p.proposalId}/${p.name}`,
        found: preview(id),
        fix: `Write the pid as "${prefix}/${p.proposalId}/${p.name}" (pidPrefix is set in catalog/config.json).`,
      });
    }
  }
  if (type === 'annotation' && typeof record.datasetPid === 'string') {
    const p = parseDatasetPid(record.datasetPid);
    const [proposalId, name] = id.split('/');
    if (p && (p.proposalId !== proposalId || p.name !== name)) {
      issues.push({
        severity: 'error',
        code: 'layout/annotation-dataset',
        pointer: '/datasetPid',
        message: `the annotation ${preview(id)} is filed under dataset ${proposalId}/${name}, but its datasetPid is ${preview(record.datasetPid)}`,
        expected: `a datasetPid ending in /${proposalId}/${name}`,
        found: preview(record.datasetPid),
        fix: 'Move the annotation under the folder of the dataset it annotates, or correct "datasetPid".',
      });
    }
  }
  return issues;
};
