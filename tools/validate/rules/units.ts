/**
 * Units in metadata trees (`scientificMetadata`, `sampleCharacteristics`) parse
 * (tools/core/units.ts). A unit nobody can read makes the value meaningless, but
 * outside a profile we cannot know what it should have been, so this is a
 * warning; fields a profile constrains are checked (as errors) in profile.ts.
 */
import { preview } from '../../core/findings.ts';
import { parseUnit } from '../../core/units.ts';
import { toPointer } from '../json-source.ts';
import { isObject, type RecordRule, type RuleIssue } from './context.ts';

/** A leaf of a metadata tree that carries a unit: a quantity `{value, unit}` or a range `{min, max, unit}`. */
export interface UnitLeaf {
  /** `/`-separated key inside the tree, as profiles write it. */
  key: string;
  pointer: string;
  entry: Record<string, unknown>;
}

/** Every quantity or range in a metadata tree, with its profile-style key and JSON pointer. */
export function* metadataLeaves(tree: unknown, base: string[], keyPath: string[] = []): Generator<UnitLeaf> {
  if (!isObject(tree)) return;
  for (const [k, v] of Object.entries(tree)) {
    if (!isObject(v)) continue;
    const path = [...keyPath, k];
    if ('value' in v || ('min' in v && 'max' in v)) yield { key: path.join('/'), pointer: toPointer([...base, ...path]), entry: v };
    else yield* metadataLeaves(v, base, path);
  }
}

/** Warns about unit strings that do not parse, outside the fields the record's profile constrains. */
export const unitsRule: RecordRule = ({ type, record }, ctx) => {
  const trees: [string, unknown][] =
    type === 'dataset' ? [['scientificMetadata', record.scientificMetadata]] : type === 'sample' ? [['sampleCharacteristics', record.sampleCharacteristics]] : [];
  const profileId = typeof record.metadataProfile === 'string' ? record.metadataProfile : undefined;
  const constrained = new Set(
    (profileId ? (ctx.profiles[profileId] ?? []) : []).filter((f) => f.dimension || f.unit || f.range).map((f) => f.key),
  );
  const issues: RuleIssue[] = [];
  for (const [name, tree] of trees) {
    for (const leaf of metadataLeaves(tree, [name])) {
      const unit = leaf.entry.unit;
      if (typeof unit !== 'string' || (name === 'scientificMetadata' && constrained.has(leaf.key))) continue;
      const r = parseUnit(unit);
      if (r.ok) continue;
      issues.push({
        severity: 'warning',
        code: 'units/unknown',
        pointer: `${leaf.pointer}/unit`,
        message: `${preview(unit)} is not a unit Shelfmark can read, so "${leaf.key}" cannot be compared or converted`,
        expected: 'a unit such as eV, mbar, K, um, deg, counts (mathjs notation)',
        found: preview(unit),
        fix: 'Correct the unit (e.g. "eVV" → "eV"), or leave it empty for a dimensionless value.',
      });
    }
  }
  return issues;
};
