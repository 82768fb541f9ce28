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
  /** Profile key to a harvested value that could not be used, with the reason. */
  rejected: Map<string, HarvestedQuantity & { reason: string }>;
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

/**
 * Converts a harvested quantity to the entry the field asks for. A value that
 * cannot be what the field demands (no unit or the wrong kind of unit for a
 * dimension) is rejected with the reason, so the record stays valid and the
 * value goes to provenance for a curator.
 */
function toEntry(field: ProfileField, source: string, q: HarvestedQuantity, warnings: string[]): { entry: QuantityEntry } | { reject: string } {
  let value = q.value;
  let valueSI: number | number[] | undefined;
  let unitSI: string | undefined;
  const numeric = typeof value === 'number' || (Array.isArray(value) && value.length > 0 && value.every((x) => typeof x === 'number'));
  const needsUnit = field.dimension !== undefined || field.unit !== undefined;
  let unit = q.unit?.trim() || undefined;
  if (needsUnit && !numeric) return { reject: `"${source}" is ${JSON.stringify(value)}, expected a number with ${field.unit ?? `a ${field.dimension} unit`}` };
  if (field.unit && !unit) {
    unit = field.unit;
    warnings.push(`"${source}" has no unit in the file; assumed ${field.unit} as the profile field "${field.key}" asks.`);
  }
  if (field.dimension && !unit) return { reject: `"${source}" has no unit in the file, expected a ${field.dimension} unit` };
  if (unit && numeric) {
    const wanted = field.unit ?? (field.range?.unit && sameDimension(unit, field.range.unit) ? field.range.unit : unit);
    if (!parseUnit(unit).ok) {
      if (needsUnit) return { reject: `"${source}" has unit "${unit}", which is not a known unit` };
      warnings.push(`"${source}" has unit "${unit}", which is not a known unit; kept as found.`);
    } else if (field.dimension && dimensionOf(unit) !== field.dimension) {
      return { reject: `"${source}" has unit "${unit}", expected a ${field.dimension} unit` };
    } else if (!sameDimension(unit, wanted)) {
      return { reject: `"${source}" has unit "${unit}", which cannot be converted to ${wanted}` };
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
    return { entry: { min: value[0] as number, max: value[1] as number, ...(unit ? { unit } : {}), name: field.name } as unknown as QuantityEntry };
  return { entry: { value, ...(unit ? { unit } : {}), name: field.name, ...(valueSI !== undefined ? { valueSI, unitSI: unitSI! } : {}) } };
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

/** A key in snake case: "Excitation Energy" and "excitation_energy" compare equal. */
export const normKey = (k: string): string => k.trim().toLowerCase().replace(/[^a-z0-9/]+/g, '_').replace(/^_+|_+$/g, '');

const normed = new Map<string, string>();
/** {@link normKey}, memoised: every record repeats the same few dozen harvest keys. */
function normKeyOf(k: string): string {
  let n = normed.get(k);
  if (n === undefined) {
    if (normed.size > 10_000) normed.clear();
    normed.set(k, (n = normKey(k)));
  }
  return n;
}

const candidates = new WeakMap<ProfileField, { key: string; norm: string }[]>();
/** {@link candidateKeys} with their snake-case forms, worked out once per profile field. */
function candidatesOf(field: ProfileField): { key: string; norm: string }[] {
  let c = candidates.get(field);
  if (!c) candidates.set(field, (c = candidateKeys(field).map((key) => ({ key, norm: normKey(key) }))));
  return c;
}

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
  const rejected: ProfiledValues['rejected'] = new Map();
  const used = new Set<string>();
  const warnings: string[] = [];
  // Aliases may be spelled as files write them ("Excitation Energy"); compare in snake case.
  const byNorm = new Map<string, string>();
  for (const k of Object.keys(harvest)) if (!byNorm.has(normKeyOf(k))) byNorm.set(normKeyOf(k), k);
  for (const field of profile.fields) {
    let source: string | undefined;
    for (const c of candidatesOf(field)) {
      const k = harvest[c.key] !== undefined ? c.key : byNorm.get(c.norm);
      if (k !== undefined && harvest[k] !== undefined && harvest[k]!.value !== '') {
        source = k;
        break;
      }
    }
    if (!source) continue;
    used.add(source);
    const r = toEntry(field, source, harvest[source]!, warnings);
    if ('entry' in r) entries.set(field.key, r.entry);
    else rejected.set(field.key, { ...harvest[source]!, reason: r.reject });
  }
  const unmapped = Object.keys(harvest).filter((k) => !used.has(k)).sort();
  return { entries, unmapped, rejected, warnings };
}

/** Without a profile every harvested key is kept under its own name. */
export function keepAll(harvest: Record<string, HarvestedQuantity>): ProfiledValues {
  const entries = new Map<string, QuantityEntry>();
  for (const [k, q] of Object.entries(harvest)) entries.set(k, { value: q.value, ...(q.unit ? { unit: q.unit } : {}) });
  return { entries, unmapped: [], rejected: new Map(), warnings: [] };
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

/**
 * Picks the profile for an instrument and technique: one naming both wins, then
 * one for the technique (the technique decides what must be said), then one for
 * the instrument alone.
 */
export function chooseProfile(profiles: readonly Profile[], instrumentId?: string, techniquePid?: string): Profile | undefined {
  const forInstrument = (p: Profile) => !!instrumentId && !!p.appliesTo?.instruments?.includes(instrumentId);
  const forTechnique = (p: Profile) => !!techniquePid && !!p.appliesTo?.techniques?.includes(techniquePid);
  return profiles.find((p) => forInstrument(p) && forTechnique(p)) ?? profiles.find(forTechnique) ?? profiles.find(forInstrument);
}
