/**
 * From what a curator types (a dataset pid, a proposal or sample id, an
 * instrument, a PaNET id, a DOI, an annotation id, or a record's path) to the
 * record's type and file, through the layout. Reads only whether files exist.
 */
import { existsSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { classifyPath, recordPath, LayoutError, RECORD_TYPES, type RecordType } from '../core/layout.ts';
import { CurateError } from './errors.ts';

export interface ResolvedRecord {
  type: RecordType;
  id: string;
  /** POSIX path relative to the catalogue root. */
  rel: string;
  /** Absolute path. */
  abs: string;
}

/** The record `id` names in the catalogue at `root`; `type` settles ids that several types could have. */
export function resolveRecord(root: string, id: string, type?: RecordType): ResolvedRecord {
  const absRoot = resolve(root);
  if (id.endsWith('.json')) {
    const abs = resolve(id);
    const rel = relative(absRoot, abs).split(sep).join('/');
    const info = rel.startsWith('..') ? undefined : classifyPath(rel);
    if (info && existsSync(abs)) return { type: info.type, id: info.id, rel, abs };
  }
  const types = type ? [type] : RECORD_TYPES.filter((t) => t !== 'config');
  const found: ResolvedRecord[] = [];
  const tried: string[] = [];
  for (const t of types) {
    let rel: string;
    try {
      rel = recordPath(t, id);
    } catch (err) {
      if (err instanceof LayoutError) {
        if (type) throw new CurateError('E_CURATE_BAD_ID', `${err.message}.`);
        continue;
      }
      throw err;
    }
    const abs = join(absRoot, rel);
    tried.push(`catalog/${rel}`);
    if (existsSync(abs)) found.push({ type: t, id, rel, abs });
  }
  if (found.length === 1) return found[0]!;
  if (found.length > 1)
    throw new CurateError('E_CURATE_AMBIGUOUS', `"${id}" names several records (${found.map((f) => `${f.type} ${f.rel}`).join(', ')}). Pass --type ${found.map((f) => f.type).join('|')}.`);
  if (tried.length === 0)
    throw new CurateError('E_CURATE_BAD_ID', `"${id}" is not an id of any record type. Use a dataset pid (20.500.12345/20240017/xps-0001), a proposal or sample id, an instrument id, a PaNET id or a DOI.`);
  throw new CurateError('E_CURATE_NOT_FOUND', `no record "${id}" in ${absRoot}: looked for ${tried.join(', ')}. Check the id (and --root).`);
}
