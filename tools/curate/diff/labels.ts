/**
 * Human names for the fields of a diff: the metadata profile's `name` for a
 * scientificMetadata key ("Pass energy"), else the quantity's own `name`, else
 * the key path; for the fixed fields, the `title` their JSON Schema gives
 * ("Dataset name"). The names are data handed in, so {@link labelFor} is pure;
 * {@link loadSchemaTitles} reads them from the schemas once per process.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RecordType } from '../../core/layout.ts';
import { pointerSegments } from '../../validate/json-source.ts';
import { SCHEMAS_DIR } from '../../validate/schema-validator.ts';

/** What names the fields of one record. */
export interface LabelContext {
  /** Top-level property → schema title. */
  titles: Record<string, string>;
  /** scientificMetadata key path (`analyser/pass_energy`) → profile field name. */
  profileNames?: Record<string, string>;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function treeValue(record: unknown, segs: string[]): unknown {
  let cur = record;
  for (const s of segs) cur = isObject(cur) ? cur[s] : Array.isArray(cur) ? cur[Number(s)] : undefined;
  return cur;
}

const segLabel = (s: string) => (/^\d+$/.test(s) ? `#${Number(s) + 1}` : s);

/** The human name of the field at `pointer`; `records` (after, before) supply a quantity's own name. */
export function labelFor(pointer: string, ctx: LabelContext, records: readonly unknown[] = []): string {
  const segs = pointerSegments(pointer);
  const [top, ...rest] = segs;
  if (top === undefined) return '(record)';
  if ((top === 'scientificMetadata' || top === 'sampleCharacteristics') && rest.length > 0) {
    const key = rest.join('/');
    const fromProfile = top === 'scientificMetadata' ? ctx.profileNames?.[key] : undefined;
    if (fromProfile) return fromProfile;
    for (const r of records) {
      const v = treeValue(r, segs);
      if (isObject(v) && typeof v.name === 'string' && v.name) return v.name;
    }
    return rest.map(segLabel).join(' › ');
  }
  return [ctx.titles[top] ?? top, ...rest.map(segLabel)].join(' › ');
}

const titleCache = new Map<string, Record<string, string>>();

/** The `title` of each top-level property of a record type's schema (empty when the schema is missing). */
export function loadSchemaTitles(type: RecordType, dir: string = SCHEMAS_DIR): Record<string, string> {
  const key = `${dir}\0${type}`;
  const hit = titleCache.get(key);
  if (hit) return hit;
  const titles: Record<string, string> = {};
  try {
    const schema = JSON.parse(readFileSync(join(dir, `${type}.schema.json`), 'utf8')) as { properties?: Record<string, { title?: unknown }> };
    for (const [k, p] of Object.entries(schema.properties ?? {})) if (typeof p.title === 'string') titles[k] = p.title;
  } catch {
    // no schema for this type: fields keep their JSON names
  }
  titleCache.set(key, titles);
  return titles;
}

/** Profile field key → name, from a profile record's `fields`. */
export function profileNames(profile: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isObject(profile) || !Array.isArray(profile.fields)) return out;
  for (const f of profile.fields) if (isObject(f) && typeof f.key === 'string' && typeof f.name === 'string') out[f.key] = f.name;
  return out;
}
