/**
 * `shelfmark edit`: set and remove fields of one record by JSON pointer,
 * validated before the write (see store.ts).
 */
import type { RecordType } from '../core/layout.ts';
import { CurateError } from './errors.ts';
import { setAt, unsetAt } from './pointer.ts';
import { resolveRecord, type ResolvedRecord } from './resolve.ts';
import { readRecord, saveRecord, type SaveResult } from './store.ts';

export type EditOp = { op: 'set'; pointer: string; value: unknown } | { op: 'unset'; pointer: string };

/**
 * Parses `--set <pointer>=<value>`: split at the first `=`; the value is JSON
 * when it parses as JSON (`42`, `true`, `["a","b"]`, `"007"`), else the text as a string.
 */
export function parseSet(arg: string): EditOp {
  const i = arg.indexOf('=');
  if (i <= 0)
    throw new CurateError('E_CURATE_BAD_ARGUMENT', `--set ${JSON.stringify(arg)}: expected <json-pointer>=<value>, for example --set /keywords='["XPS","Ag"]' or --set /datasetName="Ag 3d"`);
  const raw = arg.slice(i + 1);
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    value = raw;
  }
  return { op: 'set', pointer: arg.slice(0, i), value };
}

/** Applies the operations in order to a copy of `record`. */
export function applyEdits<T>(record: T, ops: readonly EditOp[]): T {
  let out = record;
  for (const op of ops) out = op.op === 'set' ? setAt(out, op.pointer, op.value) : unsetAt(out, op.pointer);
  return out;
}

export interface EditResult extends SaveResult {
  record: ResolvedRecord;
}

/** Edits the record `id` names; nothing is written when the result would bring in errors. */
export async function editRecord(opts: { root: string; id: string; type?: RecordType; ops: EditOp[]; now?: Date }): Promise<EditResult> {
  if (opts.ops.length === 0) throw new CurateError('E_CURATE_BAD_ARGUMENT', 'nothing to do: give at least one --set <pointer>=<value> or --unset <pointer>.');
  const record = resolveRecord(opts.root, opts.id, opts.type);
  const before = await readRecord(record.abs);
  const after = applyEdits(before, opts.ops);
  const saved = await saveRecord({ root: opts.root, rel: record.rel, record: after, before, ...(opts.now ? { now: opts.now } : {}) });
  return { ...saved, record };
}
