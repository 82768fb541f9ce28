/**
 * No two records share an id. Two files can claim one id when a record was
 * copied, or filed in the wrong place (its path then disagrees with its id too).
 * Publication DOIs compare case-insensitively, as DOIs do.
 */
import { preview } from '../../core/findings.ts';
import type { RecordType } from '../../core/layout.ts';
import { ID_FIELD, type RuleIssue } from './context.ts';

/** The key under which an id must be unique. */
export const idKey = (type: RecordType, id: string): string => (type === 'publication' ? id.toLowerCase() : id);

/** The issue for the second (and later) file claiming an id. */
export function duplicateId(type: RecordType, id: string, firstFile: string): RuleIssue {
  const field = ID_FIELD[type] ?? 'id';
  return {
    severity: 'error',
    code: 'id/duplicate',
    pointer: `/${field}`,
    message: `duplicate ${type} id ${preview(id)}: ${firstFile} has the same id`,
    expected: 'an id no other record uses',
    found: preview(id),
    fix: `Give one of the two records a new "${field}" (and move it to match), or delete the copy.`,
  };
}
