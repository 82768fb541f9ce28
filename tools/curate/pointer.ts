/**
 * Setting and removing values at RFC 6901 JSON pointers, for `shelfmark edit`.
 * Pure: works on a copy and never touches the disk. Missing objects on the way
 * to a `set` are created (so `/scientificMetadata/sample/temperature/value`
 * works on a record without a `sample` group); `-` appends to an array (as in
 * RFC 6902). Segments are parsed by the validator's own pointer functions.
 */
import { pointerSegments, toPointer } from '../validate/json-source.ts';
import { CurateError } from './errors.ts';

type Container = Record<string, unknown> | unknown[];

const isContainer = (v: unknown): v is Container => typeof v === 'object' && v !== null;

function segmentsOf(pointer: string): string[] {
  if (pointer === '') throw new CurateError('E_CURATE_POINTER', 'the empty pointer names the whole record; change fields one by one instead.');
  if (!pointer.startsWith('/'))
    throw new CurateError('E_CURATE_POINTER', `"${pointer}" is not a JSON pointer: it must start with "/" (for example /keywords or /access/status).`);
  if (/~[^01]|~$/.test(pointer))
    throw new CurateError('E_CURATE_POINTER', `"${pointer}": "~" must be written ~0, and "/" inside a key ~1 (RFC 6901).`);
  return pointerSegments(pointer);
}

function arrayIndex(arr: unknown[], seg: string, pointer: string, forSet: boolean): number {
  if (forSet && seg === '-') return arr.length;
  if (!/^(0|[1-9]\d*)$/.test(seg))
    throw new CurateError('E_CURATE_POINTER', `${pointer}: "${seg}" is not an array index (expected 0, 1, 2…${forSet ? ' or - to append' : ''}).`);
  const i = Number(seg);
  if (forSet ? i > arr.length : i >= arr.length)
    throw new CurateError('E_CURATE_POINTER', `${pointer}: index ${i} is past the end of an array of ${arr.length} item${arr.length === 1 ? '' : 's'}.`);
  return i;
}

/** The parent container of the pointer's target, creating objects on the way when `create`. */
function parentOf(doc: Container, segs: string[], pointer: string, create: boolean): Container {
  let cur: Container = doc;
  for (let k = 0; k < segs.length - 1; k++) {
    const seg = segs[k]!;
    const here = toPointer(segs.slice(0, k + 1));
    let next: unknown;
    if (Array.isArray(cur)) next = cur[arrayIndex(cur, seg, here, false)];
    else next = cur[seg];
    if (next === undefined && create && !Array.isArray(cur)) {
      next = {};
      cur[seg] = next;
    }
    if (next === undefined) throw new CurateError('E_CURATE_POINTER', `${pointer}: nothing at ${here}.`);
    if (!isContainer(next))
      throw new CurateError('E_CURATE_POINTER', `${pointer}: ${here} holds ${JSON.stringify(next)}, not an object or array, so nothing can be placed inside it.`);
    cur = next;
  }
  return cur;
}

/** A copy of `doc` with `value` at `pointer`. */
export function setAt<T>(doc: T, pointer: string, value: unknown): T {
  const segs = segmentsOf(pointer);
  const out = structuredClone(doc) as unknown;
  if (!isContainer(out)) throw new CurateError('E_CURATE_POINTER', 'the record is not an object.');
  const parent = parentOf(out, segs, pointer, true);
  const last = segs[segs.length - 1]!;
  if (Array.isArray(parent)) {
    const i = arrayIndex(parent, last, pointer, true);
    parent[i] = structuredClone(value);
  } else parent[last] = structuredClone(value);
  return out as T;
}

/** A copy of `doc` without the value at `pointer` (array items after it move up). */
export function unsetAt<T>(doc: T, pointer: string): T {
  const segs = segmentsOf(pointer);
  const out = structuredClone(doc) as unknown;
  if (!isContainer(out)) throw new CurateError('E_CURATE_POINTER', 'the record is not an object.');
  const parent = parentOf(out, segs, pointer, false);
  const last = segs[segs.length - 1]!;
  if (Array.isArray(parent)) parent.splice(arrayIndex(parent, last, pointer, false), 1);
  else {
    if (!Object.hasOwn(parent, last)) throw new CurateError('E_CURATE_POINTER', `${pointer}: nothing there to remove.`);
    delete parent[last];
  }
  return out as T;
}

/** The value at `pointer`, or undefined. */
export function getAt(doc: unknown, pointer: string): unknown {
  let cur = doc;
  for (const seg of pointer === '' ? [] : segmentsOf(pointer)) {
    if (!isContainer(cur)) return undefined;
    cur = Array.isArray(cur) ? cur[Number(seg)] : cur[seg];
  }
  return cur;
}
