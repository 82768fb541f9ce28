/**
 * The metadata profiles of the example facility (XPS, ARPES, tomography): which
 * `scientificMetadata` keys a dataset of that technique carries, their human
 * names, dimensions and plausible ranges. The example catalogue and the synthetic
 * benchmark catalogues both take field names from here, so records and profiles
 * cannot disagree.
 */
import type { DimensionName } from '../core/units.ts';

/** One field of a profile, as written to `catalog/profiles/<id>.json`. */
export interface ProfileField {
  /** `/`-separated path inside `scientificMetadata`. */
  key: string;
  name: string;
  description?: string;
  required: boolean;
  dimension?: DimensionName;
  unit?: string;
  range?: { min?: number; max?: number; unit: string };
}

/** A profile record (see schemas/README.md, "profile"). */
export interface Profile {
  id: string;
  name: string;
  description: string;
  appliesTo: { techniques?: string[]; instruments?: string[] };
  fields: ProfileField[];
}

const energy = (min: number, max: number) => ({ dimension: 'energy' as const, range: { min, max, unit: 'eV' } });

const ANALYSER_FIELDS: ProfileField[] = [
  { key: 'analyser/model', name: 'Analyser model', required: true, description: 'Manufacturer and model of the electron analyser.' },
  { key: 'analyser/serial', name: 'Analyser serial number', required: false, description: 'As written by the acquisition software, e.g. R4000-6MS096.' },
  { key: 'lens_mode', name: 'Lens mode', required: true, description: 'Electrostatic lens table used, e.g. Transmission, Angular30, LargeArea.' },
  { key: 'pass_energy', name: 'Pass energy', required: true, ...energy(1, 500), description: 'Analyser pass energy; sets the energy resolution.' },
  { key: 'acquisition_mode', name: 'Acquisition mode', required: false, description: 'Swept or Fixed (snapshot) acquisition.' },
  { key: 'energy_scale', name: 'Energy scale', required: false, description: 'Whether the axis is kinetic or binding energy.' },
  { key: 'kinetic_energy_range', name: 'Kinetic energy range', required: true, ...energy(0, 2000), description: 'First and last kinetic energy of the sweep.' },
  { key: 'energy_step', name: 'Energy step', required: true, ...energy(0.0005, 5) },
  { key: 'dwell_time', name: 'Dwell time', required: true, dimension: 'time', range: { min: 0.001, max: 10, unit: 's' }, description: 'Time per energy step and sweep.' },
  { key: 'number_of_sweeps', name: 'Number of sweeps', required: true },
  { key: 'sample_temperature', name: 'Sample temperature', required: true, dimension: 'temperature', range: { min: 4, max: 1200, unit: 'K' } },
  { key: 'chamber_pressure', name: 'Analysis chamber pressure', required: false, dimension: 'pressure', range: { min: 1e-12, max: 2000, unit: 'mbar' } },
  { key: 'detector/mode', name: 'Detector mode', required: false, description: 'Pulse counting or ADC.' },
];

export const PROFILES: readonly Profile[] = [
  {
    id: 'xps',
    name: 'X-ray photoelectron spectroscopy',
    description: 'Core-level and valence-band spectra taken with a hemispherical analyser at a soft or tender X-ray beamline.',
    appliesTo: { techniques: ['PaNET01204', 'PaNET01103'], instruments: ['fjell'] },
    fields: [
      { key: 'photon_energy', name: 'Photon energy', required: true, ...energy(50, 10000), description: 'Excitation energy (hν) at the sample.' },
      { key: 'region_name', name: 'Region', required: true, description: 'Core level or region label, e.g. "Fe 2p" or "Survey".' },
      ...ANALYSER_FIELDS,
      { key: 'work_function', name: 'Spectrometer work function', required: false, ...energy(3, 6) },
      { key: 'photon_polarization', name: 'Polarisation', required: false, description: 'Linear horizontal, linear vertical, circular.' },
      { key: 'exit_slit', name: 'Exit slit', required: false, dimension: 'length', range: { min: 1, max: 1000, unit: 'um' } },
      { key: 'ring_current', name: 'Ring current', required: false, dimension: 'current', range: { min: 0, max: 600, unit: 'mA' } },
      { key: 'emission_angle', name: 'Emission angle', required: false, dimension: 'angle', range: { min: 0, max: 90, unit: 'deg' } },
    ],
  },
  {
    id: 'arpes',
    name: 'Angle-resolved photoemission spectroscopy',
    description: 'Band maps and Fermi-surface maps taken with a 2D hemispherical analyser and a cryogenic 6-axis manipulator.',
    appliesTo: { techniques: ['PaNET01089', 'PaNET01317'], instruments: ['aurora'] },
    fields: [
      { key: 'photon_energy', name: 'Photon energy', required: true, ...energy(10, 1000), description: 'Excitation energy (hν); sets k_z.' },
      { key: 'photon_polarization', name: 'Polarisation', required: true, description: 'LH, LV, C+ or C−.' },
      ...ANALYSER_FIELDS,
      { key: 'number_of_slices', name: 'Number of angular slices', required: false },
      { key: 'angular_range', name: 'Angular acceptance', required: false, dimension: 'angle', range: { min: -30, max: 30, unit: 'deg' } },
      { key: 'manipulator/polar', name: 'Polar angle', required: true, dimension: 'angle', range: { min: -180, max: 180, unit: 'deg' } },
      { key: 'manipulator/tilt', name: 'Tilt angle', required: true, dimension: 'angle', range: { min: -30, max: 30, unit: 'deg' } },
      { key: 'manipulator/azimuth', name: 'Azimuth', required: false, dimension: 'angle', range: { min: -180, max: 180, unit: 'deg' } },
      { key: 'energy_resolution', name: 'Total energy resolution', required: false, dimension: 'energy', range: { min: 0.0005, max: 0.5, unit: 'eV' } },
    ],
  },
  {
    id: 'tomography',
    name: 'X-ray micro-tomography',
    description: 'Absorption and propagation-based phase-contrast tomography with an indirect detector (scintillator, microscope optics, sCMOS camera).',
    appliesTo: { techniques: ['PaNET01129', 'PaNET01207', 'PaNET01151', 'PaNET01152'], instruments: ['tind'] },
    fields: [
      { key: 'photon_energy', name: 'Photon energy', required: true, ...energy(5000, 150000), description: 'Monochromatic energy, or mean energy of a filtered pink beam.' },
      { key: 'beam_mode', name: 'Beam', required: false, description: 'monochromatic or pink.' },
      { key: 'exposure_time', name: 'Exposure time', required: true, dimension: 'time', range: { min: 0.0001, max: 30, unit: 's' } },
      { key: 'number_of_projections', name: 'Number of projections', required: true },
      { key: 'number_of_flats', name: 'Number of flat fields', required: false },
      { key: 'number_of_darks', name: 'Number of dark fields', required: false },
      { key: 'rotation_range', name: 'Rotation range', required: true, dimension: 'angle', range: { min: 0, max: 360, unit: 'deg' } },
      { key: 'pixel_size', name: 'Effective pixel size', required: true, dimension: 'length', range: { min: 0.05, max: 50, unit: 'um' } },
      { key: 'detector/camera', name: 'Camera', required: true },
      { key: 'detector/scintillator', name: 'Scintillator', required: false },
      { key: 'detector/objective', name: 'Objective magnification', required: false },
      { key: 'sample_detector_distance', name: 'Sample–detector distance', required: false, dimension: 'length', range: { min: 1, max: 10000, unit: 'mm' } },
      { key: 'filter', name: 'Filters', required: false },
      { key: 'sample_temperature', name: 'Sample temperature', required: false, dimension: 'temperature', range: { min: 4, max: 2000, unit: 'K' } },
      { key: 'scan_duration', name: 'Scan duration', required: false, dimension: 'time', range: { min: 0.01, max: 86400, unit: 's' } },
    ],
  },
];

/** The profile with the given id (throws for an unknown id: a programming error in the seeds). */
export function profileById(id: string): Profile {
  const p = PROFILES.find((x) => x.id === id);
  if (!p) throw new Error(`no profile "${id}"`);
  return p;
}

/** The human name a profile gives a key, so records and profiles use the same words. */
export function fieldName(profileId: string, key: string): string {
  const f = profileById(profileId).fields.find((x) => x.key === key);
  if (!f) throw new Error(`profile "${profileId}" has no field "${key}"`);
  return f.name;
}
