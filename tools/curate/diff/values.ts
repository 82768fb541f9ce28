/**
 * How a metadata value reads in a diff: a quantity as "20 eV", a range as
 * "1–5 K", a list as "a, b, c". Pure. The tree conventions (quantity, range,
 * group) are those of schemas/README.md, "scientificMetadata tree".
 */
import { convert } from '../../core/units.ts';

const QUANTITY_KEYS = new Set(['value', 'unit', 'name', 'valueSI', 'unitSI']);
const RANGE_KEYS = new Set(['min', 'max', 'unit', 'name']);

const isPlainObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** A tree quantity `{value, unit?, name?, valueSI?, unitSI?}`. */
export function isQuantity(v: unknown): v is { value: unknown; unit?: string; name?: string } {
  return isPlainObject(v) && 'value' in v && Object.keys(v).every((k) => QUANTITY_KEYS.has(k));
}

/** A tree range `{min, max, unit?, name?}`. */
export function isRange(v: unknown): v is { min: unknown; max: unknown; unit?: string; name?: string } {
  return isPlainObject(v) && 'min' in v && 'max' in v && Object.keys(v).every((k) => RANGE_KEYS.has(k));
}

/** True for a value a diff shows whole: scalars, arrays of scalars, quantities and ranges. */
export function isLeafValue(v: unknown): boolean {
  if (!isPlainObject(v) && !Array.isArray(v)) return true;
  if (Array.isArray(v)) return v.every((x) => x === null || typeof x !== 'object');
  return false;
}

function truncate(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

function scalar(v: unknown, max: number): string {
  if (typeof v === 'string') return truncate(v.replace(/\s+/g, ' '), max);
  if (typeof v === 'number' || typeof v === 'boolean' || v === null) return String(v);
  if (Array.isArray(v)) return v.length === 0 ? '[]' : truncate(v.map((x) => scalar(x, max)).join(', '), max);
  return truncate(JSON.stringify(v) ?? String(v), max);
}

/** A value as a person reads it, at most `max` characters: `20 eV`, `1–5 K`, `a, b`, `"text"` stays text. */
export function formatValue(v: unknown, max = 80): string {
  if (v === undefined) return '∅';
  if (isQuantity(v)) return truncate(`${scalar(v.value, max)}${v.unit ? ` ${v.unit}` : ''}`, max);
  if (isRange(v)) return truncate(`${scalar(v.min, max)}–${scalar(v.max, max)}${v.unit ? ` ${v.unit}` : ''}`, max);
  return scalar(v, max);
}

/**
 * True when two quantities state the same amount in different units (such as
 * 20 eV and 0.02 keV): a reviewer sees that only the notation changed.
 */
export function sameAmount(a: unknown, b: unknown): boolean {
  if (!isQuantity(a) || !isQuantity(b)) return false;
  if (typeof a.value !== 'number' || typeof b.value !== 'number' || !a.unit || !b.unit || a.unit === b.unit) return false;
  const converted = convert(a.value, a.unit, b.unit);
  return converted !== undefined && Math.abs(converted - b.value) <= 1e-9 * Math.max(1, Math.abs(b.value));
}
