/**
 * Units of measurement: parsing, dimension checks and conversion, on mathjs
 * (the library SciCat uses, so a unit SciCat accepts is accepted here too).
 *
 * Facility files spell units in ways mathjs does not know: "µm" (micro sign),
 * "Å", "°", "Torr", "counts", "%", "a.u.". We normalise the spelling first and
 * teach one private mathjs instance the few units it lacks, so the global mathjs
 * is never changed. Results are memoised by the exact unit string: a catalogue of
 * 100,000 datasets repeats the same few dozen unit strings millions of times.
 */
import { createRequire } from 'node:module';
import type { MathJsInstance, Unit } from 'mathjs';

/** The dimension names a metadata profile may demand (`fields[].dimension`). */
export const DIMENSIONS = [
  'energy',
  'length',
  'time',
  'temperature',
  'pressure',
  'angle',
  'frequency',
  'current',
  'voltage',
  'mass',
  'dimensionless',
  'count',
  'magnetic_field',
  'power',
  'area',
  'volume',
] as const;

export type DimensionName = (typeof DIMENSIONS)[number];

/** A unit string that parsed. */
export interface ParsedUnit {
  /** The string as written in the record. */
  text: string;
  /** The spelling mathjs was given after normalisation, e.g. `um` for `µm`. */
  normalized: string;
  /** The named dimension, or undefined for a valid unit with no name in {@link DIMENSIONS} (e.g. `mm/s`). */
  dimension: DimensionName | undefined;
  /** Exponents of the base dimensions, the comparison key for "same kind of quantity". */
  signature: string;
}

export type UnitResult = { ok: true; unit: ParsedUnit } | { ok: false; text: string; reason: string };

// mathjs' single-file bundle loads in a tenth of the time of its ESM entry (about a thousand
// modules), which matters because every validation worker thread loads this module.
const mathjs = createRequire(import.meta.url)('mathjs/lib/browser/math.js') as { create(): MathJsInstance };
const math = mathjs.create();

// Units mathjs lacks (checked against mathjs 15). `count` is its own base
// dimension so that "counts" is never confused with a dimensionless ratio.
math.createUnit('count', { aliases: ['counts', 'cts'] }); // not "ct": mathjs reads that as centi-tonne
math.createUnit('Torr', { definition: '1 torr' });
math.createUnit('gauss', { definition: '1e-4 T' }); // not "Gs": that is a gigasecond
math.createUnit('percent', { definition: '0.01' });
math.createUnit('permille', { definition: '0.001' });
math.createUnit('ppm', { definition: '1e-6' });
math.createUnit('arbunit', { definition: '1' }); // "a.u.": a dimensionless intensity
math.createUnit('dalton', { definition: '1.66053906660e-27 kg', aliases: ['Da'] });

// Whole-string spellings that are not expressions mathjs can read.
const WHOLE: Record<string, string> = {
  '%': 'percent',
  '‰': 'permille',
  'a.u.': 'arbunit',
  'arb. units': 'arbunit',
  'arb.u.': 'arbunit',
  'arb. u.': 'arbunit',
  arb: 'arbunit',
  '°': 'deg',
  '°C': 'degC',
  '℃': 'degC',
  '°F': 'degF',
  '°K': 'K',
  G: 'gauss', // Gauss, not the gravitational constant (mathjs has no "G" unit)
  Oe: 'gauss', // in vacuum 1 Oe corresponds to 1 G; beamline magnets are logged either way
};

function normalise(text: string): string {
  const trimmed = text.trim();
  const whole = WHOLE[trimmed];
  if (whole !== undefined) return whole;
  return trimmed
    .replace(/[µμ]/g, 'u') // micro sign U+00B5 and Greek mu U+03BC
    .replace(/Å/g, 'angstrom')
    .replace(/Ω/g, 'ohm')
    .replace(/°C/g, 'degC')
    .replace(/°/g, 'deg')
    .replace(/·|⋅/g, ' ')
    .replace(/²/g, '^2')
    .replace(/³/g, '^3')
    .replace(/⁻¹/g, '^-1');
}

// mathjs dimension vectors: [mass, length, time, current, temperature,
// luminous intensity, amount, angle, bit, count (ours)].
const signatureOf = (u: Unit): string =>
  (u as unknown as { dimensions: number[] }).dimensions.map((d) => (Math.abs(d) < 1e-12 ? 0 : d)).join(',');

const NAMED: Record<string, DimensionName> = {};
for (const [name, example] of [
  ['energy', 'J'],
  ['length', 'm'],
  ['time', 's'],
  ['temperature', 'K'],
  ['pressure', 'Pa'],
  ['angle', 'rad'],
  ['frequency', 'Hz'],
  ['current', 'A'],
  ['voltage', 'V'],
  ['mass', 'kg'],
  ['dimensionless', 'percent'],
  ['count', 'count'],
  ['magnetic_field', 'T'],
  ['power', 'W'],
  ['area', 'm^2'],
  ['volume', 'm^3'],
] as const) {
  NAMED[signatureOf(math.unit(example))] = name;
}

const cache = new Map<string, UnitResult>();

/** Parses a unit string as facilities write it; memoised. The empty string is a dimensionless unit. */
export function parseUnit(text: string): UnitResult {
  const hit = cache.get(text);
  if (hit) return hit;
  let result: UnitResult;
  const normalized = normalise(text);
  try {
    const u = math.unit(normalized);
    if (u.value !== null) throw new Error('a unit, not a quantity');
    const signature = signatureOf(u);
    result = { ok: true, unit: { text, normalized, dimension: NAMED[signature], signature } };
  } catch (err) {
    result = { ok: false, text, reason: (err as Error).message };
  }
  if (cache.size > 10_000) cache.clear(); // bound memory against a catalogue of random strings
  cache.set(text, result);
  return result;
}

/** The named dimension of a unit string; undefined if it does not parse or has no name. */
export function dimensionOf(unit: string): DimensionName | undefined {
  const r = parseUnit(unit);
  return r.ok ? r.unit.dimension : undefined;
}

/** True if the unit parses and measures the named dimension. */
export function hasDimension(unit: string, dimension: DimensionName): boolean {
  return dimensionOf(unit) === dimension;
}

/** True if the name is one of {@link DIMENSIONS}. */
export function isDimensionName(name: string): name is DimensionName {
  return (DIMENSIONS as readonly string[]).includes(name);
}

/** True if two unit strings measure the same kind of quantity (so one converts to the other). */
export function sameDimension(a: string, b: string): boolean {
  const ra = parseUnit(a);
  const rb = parseUnit(b);
  return ra.ok && rb.ok && ra.unit.signature === rb.unit.signature;
}

/** An example unit per dimension, for messages such as "expected an energy unit such as eV or keV". */
export const EXAMPLE_UNITS: Record<DimensionName, string> = {
  energy: 'eV or keV',
  length: 'mm or nm',
  time: 's or ms',
  temperature: 'K or degC',
  pressure: 'mbar or Pa',
  angle: 'deg or mrad',
  frequency: 'Hz or kHz',
  current: 'mA or A',
  voltage: 'V or kV',
  mass: 'g or mg',
  dimensionless: '% or an empty unit',
  count: 'counts',
  magnetic_field: 'T or mT',
  power: 'W or mW',
  area: 'mm^2 or um^2',
  volume: 'mL or mm^3',
};

const conversions = new Map<string, { scale: number; offset: number } | undefined>();

function conversion(from: string, to: string): { scale: number; offset: number } | undefined {
  const key = `${from}\u0000${to}`;
  if (conversions.has(key)) return conversions.get(key);
  const f = parseUnit(from);
  const t = parseUnit(to);
  let c: { scale: number; offset: number } | undefined;
  if (f.ok && t.ok && f.unit.signature === t.unit.signature) {
    // mathjs cannot build a quantity with an empty unit; an empty unit is the plain number.
    const fu = f.unit.normalized === '' ? 'arbunit' : f.unit.normalized;
    const tu = t.unit.normalized === '' ? 'arbunit' : t.unit.normalized;
    // Every unit conversion is affine (degC to K has an offset), so two points define it.
    const offset = math.unit(0, fu).toNumber(tu);
    c = { scale: math.unit(1, fu).toNumber(tu) - offset, offset };
  }
  if (conversions.size > 10_000) conversions.clear();
  conversions.set(key, c);
  return c;
}

/**
 * Converts a value between two units (handles offsets such as degC to K).
 * Returns undefined if either unit does not parse or they measure different things.
 * Memoised per unit pair: a mathjs conversion costs tens of microseconds.
 */
export function convert(value: number, from: string, to: string): number | undefined {
  const c = conversion(from, to);
  return c && value * c.scale + c.offset;
}
