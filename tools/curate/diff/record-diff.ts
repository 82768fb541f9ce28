/**
 * The semantic diff of two parsed records: which fields were added, removed or
 * changed, each at a JSON pointer with its old and new value. Pure: no git, no
 * disk. Inside the metadata trees a quantity or range is one field, so a change
 * of value and unit reads "20 eV → 50 eV" instead of two JSON edits; arrays of
 * scalars (keywords, sampleIds) are one field too; arrays of objects (creators,
 * files) are compared item by item.
 */
import { isDeepStrictEqual } from 'node:util';
import { toPointer } from '../../validate/json-source.ts';
import { isLeafValue, isQuantity, isRange } from './values.ts';

export type ChangeOp = 'add' | 'remove' | 'change';

/** One field that differs between two versions of a record. */
export interface FieldChange {
  op: ChangeOp;
  /** RFC 6901 pointer into the record. */
  pointer: string;
  /** The value before (absent for `add`). */
  old?: unknown;
  /** The value after (absent for `remove`). */
  new?: unknown;
}

/** The free-form trees whose quantities and ranges are compared whole. */
const TREES = new Set(['scientificMetadata', 'sampleCharacteristics']);

type Path = readonly (string | number)[];

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function wholeAt(path: Path, v: unknown): boolean {
  if (isLeafValue(v)) return true;
  return path.length >= 2 && TREES.has(String(path[0])) && (isQuantity(v) || isRange(v));
}

/** Every leaf of `v` as an add (or remove) change: a new record lists all its fields. */
function leaves(v: unknown, path: Path, op: 'add' | 'remove', out: FieldChange[]): void {
  if (wholeAt(path, v) || (isObject(v) && Object.keys(v).length === 0) || (Array.isArray(v) && v.length === 0)) {
    out.push(op === 'add' ? { op, pointer: toPointer(path), new: v } : { op, pointer: toPointer(path), old: v });
    return;
  }
  if (Array.isArray(v)) v.forEach((x, i) => leaves(x, [...path, i], op, out));
  else for (const [k, x] of Object.entries(v as Record<string, unknown>)) leaves(x, [...path, k], op, out);
}

function walk(a: unknown, b: unknown, path: Path, out: FieldChange[]): void {
  if (a === undefined && b === undefined) return;
  if (a === undefined) return leaves(b, path, 'add', out);
  if (b === undefined) return leaves(a, path, 'remove', out);
  if (isDeepStrictEqual(a, b)) return;
  if (path.length > 0 && (wholeAt(path, a) || wholeAt(path, b))) {
    out.push({ op: 'change', pointer: toPointer(path), old: a, new: b });
    return;
  }
  if (isObject(a) && isObject(b)) {
    for (const k of Object.keys(a)) walk(a[k], b[k], [...path, k], out);
    for (const k of Object.keys(b)) if (!(k in a)) walk(undefined, b[k], [...path, k], out);
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) walk(a[i], b[i], [...path, i], out);
    return;
  }
  out.push({ op: 'change', pointer: toPointer(path), old: a, new: b });
}

/**
 * The changes from `before` to `after` (either may be undefined: a new record
 * lists every field as added, a removed one every field as removed), in the
 * order the fields appear in `before`, then new fields in `after`'s order.
 */
export function diffRecords(before: unknown, after: unknown): FieldChange[] {
  const out: FieldChange[] = [];
  walk(before, after, [], out);
  return out;
}
