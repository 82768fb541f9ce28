/**
 * A dataset's scientificMetadata satisfies its metadata profile
 * (`profiles/<metadataProfile>.json`): required keys are present, units have the
 * dimension the profile demands, and values lie in the profile's range after
 * converting units (a range in eV accepts 1.2 keV).
 */
import { preview } from '../../core/findings.ts';
import { convert, EXAMPLE_UNITS, isDimensionName, parseUnit, sameDimension } from '../../core/units.ts';
import { toPointer } from '../json-source.ts';
import { isObject, type ProfileField, type RecordRule, type RuleIssue } from './context.ts';

function entryAt(tree: unknown, key: string): unknown {
  let node = tree;
  for (const seg of key.split('/')) {
    if (!isObject(node) || !(seg in node)) return undefined;
    node = node[seg];
  }
  return node;
}

const numbersOf = (v: unknown): number[] =>
  typeof v === 'number' ? [v] : Array.isArray(v) ? v.filter((x): x is number => typeof x === 'number') : [];

function checkField(field: ProfileField, profileId: string, entry: unknown, pointer: string): RuleIssue[] {
  const label = `"${field.key}"`;
  const isEntry = isObject(entry);
  const unit = isEntry && typeof entry.unit === 'string' ? entry.unit : '';
  const unitPointer = isEntry && 'unit' in entry ? `${pointer}/unit` : pointer;
  if (field.dimension && isDimensionName(field.dimension)) {
    const want = `${field.dimension === 'energy' ? 'an' : 'a'} ${field.dimension.replace('_', ' ')} unit such as ${EXAMPLE_UNITS[field.dimension]}`;
    const r = parseUnit(unit);
    if (!r.ok) {
      return [{ severity: 'error', code: 'profile/unit', pointer: unitPointer, message: `${preview(unit)} is not a unit. Expected ${want}.`, expected: want, found: preview(unit), fix: `Write the unit of ${label} as one of ${EXAMPLE_UNITS[field.dimension]}.` }];
    }
    if (r.unit.dimension !== field.dimension) {
      return [{
        severity: 'error',
        code: 'profile/dimension',
        pointer: unitPointer,
        message: `${label} is in ${unit === '' ? 'no unit' : preview(unit)}${r.unit.dimension ? `, a ${r.unit.dimension.replace('_', ' ')} unit` : ''}; profile "${profileId}" requires ${want}`,
        expected: want,
        found: unit === '' ? 'no unit' : preview(unit),
        fix: `Give ${label} in ${EXAMPLE_UNITS[field.dimension]}; if the value really is a different quantity, store it under another key.`,
      }];
    }
  }
  if (field.unit && !sameDimension(unit, field.unit)) {
    return [{
      severity: 'error',
      code: 'profile/unit',
      pointer: unitPointer,
      message: `${label} is in ${unit === '' ? 'no unit' : preview(unit)}, which does not convert to ${preview(field.unit)} as profile "${profileId}" requires`,
      expected: `${field.unit} or a unit convertible to it`,
      found: unit === '' ? 'no unit' : preview(unit),
      fix: `Give ${label} in ${field.unit}.`,
    }];
  }
  const range = field.range;
  if (!range) return [];
  const values = isEntry ? ('value' in entry ? numbersOf(entry.value) : numbersOf([entry.min, entry.max])) : numbersOf(entry);
  const valuePointer = isEntry ? ('value' in entry ? `${pointer}/value` : pointer) : pointer;
  const rangeUnit = range.unit ?? field.unit ?? unit;
  const issues: RuleIssue[] = [];
  for (const v of values) {
    const inRangeUnit = convert(v, unit, rangeUnit);
    if (inRangeUnit === undefined) continue; // unit problems are reported above
    const tooLow = range.min !== undefined && inRangeUnit < range.min;
    const tooHigh = range.max !== undefined && inRangeUnit > range.max;
    if (!tooLow && !tooHigh) continue;
    const bounds = `${range.min ?? '−∞'} to ${range.max ?? '∞'} ${rangeUnit}`.trim();
    const shown = `${v}${unit ? ` ${unit}` : ''}${unit !== rangeUnit ? ` (= ${+inRangeUnit.toPrecision(6)} ${rangeUnit})` : ''}`;
    issues.push({
      severity: 'error',
      code: 'profile/range',
      pointer: valuePointer,
      message: `${label} = ${shown} is outside the range ${bounds} that profile "${profileId}" allows`,
      expected: `a value from ${bounds}`,
      found: shown,
      fix: `Check the value and its unit (a wrong unit, e.g. meV for eV, is the usual cause); if the value is right, widen the range in catalog/profiles/${profileId}.json.`,
    });
    break; // one finding per field is enough
  }
  return issues;
}

/** Checks required keys, dimensions, units and ranges of the dataset's profile. */
export const profileRule: RecordRule = ({ type, record }, ctx) => {
  if (type !== 'dataset' || typeof record.metadataProfile !== 'string') return [];
  const profileId = record.metadataProfile;
  const fields = ctx.profiles[profileId];
  if (!fields) return []; // an unknown profile is a dangling reference (references.ts)
  const tree = record.scientificMetadata;
  const issues: RuleIssue[] = [];
  for (const field of fields) {
    const pointer = toPointer(['scientificMetadata', ...field.key.split('/')]);
    let entry = entryAt(tree, field.key);
    for (const alias of field.aliases ?? []) if (entry === undefined) entry = entryAt(tree, alias);
    if (entry === undefined) {
      if (field.required) {
        issues.push({
          severity: 'error',
          code: 'profile/required',
          pointer,
          message: `missing "${field.key}"${field.name ? ` (${field.name})` : ''}, which profile "${profileId}" requires`,
          expected: field.dimension ? `a quantity with ${field.dimension.replace('_', ' ')} unit, e.g. {"value": …, "unit": "${EXAMPLE_UNITS[field.dimension as keyof typeof EXAMPLE_UNITS]?.split(' ')[0] ?? ''}"}` : `a value for "${field.key}"`,
          found: 'no such key',
          fix: `Add scientificMetadata${pointer.slice('/scientificMetadata'.length)} (re-ingest if the source file has it), or set a different metadataProfile.`,
        });
      }
      continue;
    }
    issues.push(...checkField(field, profileId, entry, pointer));
  }
  return issues;
};
