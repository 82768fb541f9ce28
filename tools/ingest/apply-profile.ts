/**
 * Applies a metadata profile to harvested values: the profile decides which
 * harvest keys are kept, where they go in `scientificMetadata`, their display
 * names and units, and which are required. Units are converted with mathjs.
 */
import { convert, dimensionOf, parseUnit, sameDimension } from '../core/units.ts';
import type { HarvestedQuantity } from './measurement.ts';
import type { Profile, ProfileField } from './settings.ts';

/** A scientificMetadata quantity entry (schemas/README.md). */
export interface QuantityEntry {
  value: HarvestedQuantity['value'];
  unit?: string;
  name?: string;
  valueSI?: number | number[];
  unitSI?: string;
}

/** What applying a profile to one set of harvested values gives. */
export interface ProfiledValues {
  /** Profile key (`/`-separated path) to its entry. */
  entries: Map<string, QuantityEntry>;
  /** Harvest keys the profile did not take. */
  unmapped: string[];
  warnings: string[];
}

/** SI units named per dimension, so `unitSI` reads "J" rather than "kg m^2 / s^2". */
const SI_BY_DIMENSION: Record<string, string> = {
  energy: 'J',
  length: 'm',
  time: 's',
  temperature: 'K',
  pressure: 'Pa',
  angle: 'rad',
  frequency: 'Hz',
  current: 'A',
  voltage: 'V',
  mass: 'kg',
  magnetic_field: 'T',
  power: 'W',
  area: 'm^2',
  volume: 'm^3',
};

const roundSig = (v: number) => Number(v.toPrecision(12));

/** Converts a harvested quantity to the entry the field asks for; a problem becomes a warning and the value is kept. */
function toEntry(field: ProfileField, source: string, q: HarvestedQuantity, warnings: string[]): QuantityEntry {
  let value = q.value;
  let valueSI: number | number[] | undefined;
  let unitSI: string | undefined;
  const numeric = typeof value === 'number' || (Array.isArray(value) && value.every((x) => typeof x === 'number'));
  let unit = q.unit?.trim() || undefined;
  if (field.unit && !unit && numeric) {
    unit = field.unit;
    warnings.push(`"${source}" has no unit in the file; assumed ${field.unit} as the profile field "${field.key}" asks.`);
  }
  if (unit && numeric) {
    const wanted = field.unit ?? (field.range?.unit && sameDimension(unit, field.range.unit) ? field.range.unit : unit);
    if (!parseUnit(unit).ok) {
      warnings.push(`"${source}" has unit "${unit}", which is not a known unit; kept as found.`);
    } else if (field.dimension && dimensionOf(unit) !== field.dimension) {
      warnings.push(`"${source}" has unit "${unit}", expected a ${field.dimension} unit for "${field.key}"; kept as found.`);
    } else if (!sameDimension(unit, wanted)) {
      warnings.push(`"${source}" has unit "${unit}", which cannot be converted to ${wanted} for "${field.key}"; kept as found.`);
    } else {
      const from = unit;
      const conv = (x: number) => roundSig(convert(x, from, wanted)!);
      value = typeof value === 'number' ? conv(value) : (value as number[]).map(conv);
      unit = wanted;
      const dim = dimensionOf(wanted);
      const si = dim ? SI_BY_DIMENSION[dim] : undefined;
      if (si) {
        const toSi = (x: number) => roundSig(convert(x, wanted, si)!);
        valueSI = typeof value === 'number' ? toSi(value) : (value as number[]).map(toSi);
        unitSI = si;
      }
    }
  }
  // A two-number value for a `…_range` field is a range entry (schemas/README.md: {min, max, unit?, name?}).
  if (/_range$/.test(field.key) && Array.isArray(value) && value.length === 2 && value.every((x) => typeof x === 'number'))
    return { min: value[0] as number, max: value[1] as number, ...(unit ? { unit } : {}), name: field.name } as unknown as QuantityEntry;
  return { value, ...(unit ? { unit } : {}), name: field.name, ...(valueSI !== undefined ? { valueSI, unitSI: unitSI! } : {}) };
}

/**
 * Well-known equivalences between profile keys and the canonical harvest keys of
 * tools/ingest/measurement.ts, used after a profile's own `aliases`, so existing
 * profiles work without listing the obvious.
 */
export const HARVEST_SYNONYMS: Record<string, string[]> = {
  photon_energy: ['excitation_energy'],
  number_of_sweeps: ['sweeps'],
  sample_temperature: ['temperature'],
  chamber_pressure: ['pressure'],
  'detector/mode': ['detector_mode'],
  'analyser/model': ['analyser_model'],
  'analyser/serial': ['analyser_serial'],
  'sample/name': ['sample_name'],
  sample_name: ['sample'],
  number_of_points: ['points'],
};

/** The harvest keys a field accepts, most specific first. */
export function candidateKeys(field: ProfileField): string[] {
  const last = field.key.split('/').pop()!;
  return [...new Set([field.key, last, ...(field.aliases ?? []), ...(HARVEST_SYNONYMS[field.key] ?? []), ...(HARVEST_SYNONYMS[last] ?? [])])];
}

/**
 * Adds derived harvest keys: `kinetic_energy_range` / `binding_energy_range` from
 * `energy_start` and `energy_end` (a two-number value that becomes a range entry).
 */
export function withDerivedKeys(harvest: Record<string, HarvestedQuantity>): Record<string, HarvestedQuantity> {
  const start = harvest.energy_start;
  const end = harvest.energy_end;
  if (!start || !end || typeof start.value !== 'number' || typeof end.value !== 'number') return harvest;
  const scale = String(harvest.energy_range_scale?.value ?? harvest.energy_scale?.value ?? '');
  const key = /bind/i.test(scale) ? 'binding_energy_range' : /kin/i.test(scale) ? 'kinetic_energy_range' : 'energy_range';
  const lo = Math.min(start.value, end.value);
  const hi = Math.max(start.value, end.value);
  return { ...harvest, [key]: { value: [lo, hi], ...(start.unit ? { unit: start.unit } : {}) } };
}

/** Applies `profile` to one set of harvested values. Pure. */
export function applyProfile(harvest: Record<string, HarvestedQuantity>, profile: Profile): ProfiledValues {
  const entries = new Map<string, QuantityEntry>();
  const used = new Set<string>();
  const warnings: string[] = [];
  for (const field of profile.fields) {
    const source = candidateKeys(field).find((k) => harvest[k] !== undefined && harvest[k]!.value !== '');
    if (!source) continue;
    used.add(source);
    entries.set(field.key, toEntry(field, source, harvest[source]!, warnings));
  }
  const unmapped = Object.keys(harvest).filter((k) => !used.has(k)).sort();
  return { entries, unmapped, warnings };
}

/** Without a profile every harvested key is kept under its own name. */
export function keepAll(harvest: Record<string, HarvestedQuantity>): ProfiledValues {
  const entries = new Map<string, QuantityEntry>();
  for (const [k, q] of Object.entries(harvest)) entries.set(k, { value: q.value, ...(q.unit ? { unit: q.unit } : {}) });
  return { entries, unmapped: [], warnings: [] };
}

/** Sets `value` at a `/`-separated path inside a tree, creating groups on the way. */
export function setPath(tree: Record<string, unknown>, key: string, value: unknown): void {
  const parts = key.split('/');
  let node = tree;
  for (const p of parts.slice(0, -1)) {
    const next = node[p];
    if (typeof next !== 'object' || next === null || Array.isArray(next)) node[p] = {};
    node = node[p] as Record<string, unknown>;
  }
  node[parts[parts.length - 1]!] = value;
}

/** Picks the profile for an instrument and technique: an instrument match beats a technique match. */
export function chooseProfile(profiles: readonly Profile[], instrumentId?: string, techniquePid?: string): Profile | undefined {
  return (
    (instrumentId ? profiles.find((p) => p.appliesTo?.instruments?.includes(instrumentId)) : undefined) ??
    (techniquePid ? profiles.find((p) => p.appliesTo?.techniques?.includes(techniquePid) && !p.appliesTo.instruments?.length) : undefined) ??
    (techniquePid ? profiles.find((p) => p.appliesTo?.techniques?.includes(techniquePid)) : undefined)
  );
}
