/**
 * Loads the catalogue-wide facts the per-record rules need before the walk:
 * the config and the metadata profiles. Both are small. A broken config or
 * profile is reported when the walk reaches its file; here it is only skipped.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isObject, type CatalogConfig, type ProfileField, type RuleContext } from './rules/context.ts';

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));
  } catch {
    return undefined;
  }
}

/** Reads config.json and profiles/*.json under `root`. */
export function loadRuleContext(root: string, now: Date): RuleContext {
  const raw = readJson(join(root, 'config.json'));
  const config = isObject(raw) ? (raw as CatalogConfig) : undefined;
  const profiles: Record<string, ProfileField[]> = {};
  let names: string[] = [];
  try {
    names = readdirSync(join(root, 'profiles')).filter((f) => f.endsWith('.json'));
  } catch {
    // no profiles folder: no profile rules
  }
  for (const name of names) {
    const p = readJson(join(root, 'profiles', name));
    if (!isObject(p) || typeof p.id !== 'string' || !Array.isArray(p.fields)) continue;
    profiles[p.id] = p.fields.filter((f): f is ProfileField => isObject(f) && typeof f.key === 'string');
  }
  return { config, profiles, now: now.toISOString() };
}
