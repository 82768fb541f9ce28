/**
 * Units in metadata trees (`scientificMetadata`, `sampleCharacteristics`) parse
 * (tools/core/units.ts). A unit nobody can read makes the value meaningless, but
 * outside a profile we cannot know what it should have been, so this is a
 * warning; fields a profile constrains are checked (as errors) in profile.ts.
 */
import { preview } from '../../core/findings.ts';
import { parseUnit } from '../../core/units.ts';
import { toPointer } from '../json-source.ts';
import { isObject, type ProfileField, type RecordRule, type RuleIssue } from './context.ts';

/** A leaf of a metadata tree that carries a unit: a quantity `{value, unit}` or a range `{min, max, unit}`. */
export interface UnitLeaf {
  /** `/`-separated key inside the tree, as profiles write it. */
  key: string;
  entry: Record<string, unknown>;
}

/** Calls `found` for every quantity or range in a metadata tree, with its profile-style key. */
export function visitLeaves(tree: unknown, found: (leaf: UnitLeaf) => void, prefix = ''): void {
  if (!isObject(tree)) return;
  for (const k in tree) {
    const v = tree[k];
    if (!isObject(v)) continue;
    const key = prefix ? `${prefix}/${k}` : k;
    if ('value' in v || ('min' in v && 'max' in v)) found({ key, entry: v });
    else visitLeaves(v, found, key);
  }
}

const constrainedCache = new WeakMap<object, Set<string>>();

/** The keys whose units a profile checks itself (computed once per profile). */
function constrainedKeys(fields: ProfileField[] | undefined): ReadonlySet<string> {
  if (!fields) return new Set();
  let keys = constrainedCache.get(fields);
  if (!keys) {
    keys = new Set(fields.filter((f) => f.dimension || f.unit || f.range).flatMap((f) => [f.key, ...(f.aliases ?? [])]));
    constrainedCache.set(fields, keys);
  }
  return keys;
}

/** Warns about unit strings that do not parse, outside the fields the record's profile constrains. */
export const unitsRule: RecordRule = ({ type, record }, ctx) => {
  const trees: [string, unknown][] =
    type === 'dataset' ? [['scientificMetadata', record.scientificMetadata]] : type === 'sample' ? [['sampleCharacteristics', record.sampleCharacteristics]] : [];
  const profileId = typeof record.metadataProfile === 'string' ? record.metadataProfile : undefined;
  const constrained = constrainedKeys(profileId ? ctx.profiles[profileId] : undefined);
  const issues: RuleIssue[] = [];
  for (const [name, tree] of trees) {
    visitLeaves(tree, (leaf) => {
      const unit = leaf.entry.unit;
      if (typeof unit !== 'string' || (name === 'scientificMetadata' && constrained.has(leaf.key))) return;
      if (parseUnit(unit).ok) return;
      issues.push({
        severity: 'warning',
        code: 'units/unknown',
        pointer: toPointer([name, ...leaf.key.split('/'), 'unit']),
        message: `${preview(unit)} is not a unit Shelfmark can read, so "${leaf.key}" cannot be compared or converted`,
        expected: 'a unit such as eV, mbar, K, um, deg, counts (mathjs notation)',
        found: preview(unit),
        fix: 'Correct the unit (e.g. "eVV" → "eV"), or leave it empty for a dimensionless value.',
      });
    });
  }
  return issues;
};
