/**
 * Files that are not records, or records in a place the layout does not know.
 * Allowed non-record files: `instruments/<id>.md`, files beside an annotation
 * (its image), anything under `attachments/`. A JSON file elsewhere that looks
 * like a record is told where it belongs; anything else is told to leave.
 */
import { preview } from '../../core/findings.ts';
import { LayoutError, recordPath, type RecordType } from '../../core/layout.ts';
import { isObject, type RuleIssue } from './context.ts';

/** True for non-record files the layout allows. */
export function isAllowedNonRecord(rel: string): boolean {
  const parts = rel.split('/');
  if (parts[0] === 'attachments') return true;
  if (parts[0] === 'instruments' && parts.length === 2 && /^[a-z0-9][a-z0-9-]{0,63}\.md$/.test(parts[1]!)) return true;
  // annotations/<bb>/<proposalId>/<name>/<image>: an annotation's image sits beside it.
  if (parts[0] === 'annotations' && parts.length === 5 && !rel.endsWith('.json')) return true;
  return false;
}

/** Guesses the type of a record from its keys, to say where a misplaced file should go. */
export function guessType(value: unknown): { type: RecordType; id: string } | undefined {
  if (!isObject(value)) return undefined;
  const s = (k: string) => (typeof value[k] === 'string' ? (value[k] as string) : undefined);
  if (s('pid') && s('datasetName')) return { type: 'dataset', id: s('pid')! };
  if (s('doi') && Array.isArray(value.pidArray)) return { type: 'publication', id: s('doi')! };
  if (s('id') && s('datasetPid')) return { type: 'annotation', id: s('id')! };
  if (s('sampleId')) return { type: 'sample', id: s('sampleId')! };
  if (s('proposalId') && s('title')) return { type: 'proposal', id: s('proposalId')! };
  if (s('pid')?.startsWith('PaNET')) return { type: 'technique', id: s('pid')! };
  if (s('id') && Array.isArray(value.fields)) return { type: 'profile', id: s('id')! };
  if (s('id') && s('name')) return { type: 'instrument', id: s('id')! };
  return undefined;
}

/** The issue for a file that is not where a record can be; `value` is its parsed content if it is JSON. */
export function strayFile(rel: string, value: unknown): RuleIssue {
  if (rel.endsWith('.json')) {
    const guess = guessType(value);
    let target: string | undefined;
    if (guess) {
      try {
        target = recordPath(guess.type, guess.id);
      } catch (err) {
        if (!(err instanceof LayoutError)) throw err;
      }
    }
    return {
      severity: 'error',
      code: 'layout/stray-record',
      pointer: '',
      message: guess
        ? `this looks like a ${guess.type} record (${preview(guess.id)}), but catalog/${rel} is not a place for records`
        : `catalog/${rel} is not a place for records, so this file would be ignored`,
      expected: target ? `the file catalog/${target}` : 'a path from the layout in tools/core/layout.ts',
      found: `catalog/${rel}`,
      fix: target
        ? `Move it: git mv catalog/${rel} catalog/${target}`
        : 'Move it to the folder for its record type (see schemas/README.md, "Where records live"), or delete it.',
    };
  }
  return {
    severity: 'warning',
    code: 'layout/stray-file',
    pointer: '',
    message: `catalog/${rel} is not part of the catalogue layout and is ignored`,
    expected: 'only records (.json), instruments/<id>.md, annotation images and files under attachments/',
    found: `catalog/${rel}`,
    fix: 'Move it out of catalog/ (e.g. to docs/), or under catalog/attachments/<bb>/<proposalId>/<name>/ if it belongs to a dataset.',
  };
}
