/**
 * Plausible `scientificMetadata` for each kind of measurement at the example
 * facility, drawn from a seeded random source. Used by the example catalogue and
 * by the synthetic benchmark catalogues. Values stay inside the profile ranges;
 * human names come from the profiles (tools/example/profiles.ts).
 */
import type { Random } from './random.ts';
import { fieldName } from './profiles.ts';

export type Quantity = { value: number | string | boolean | (number | string)[]; unit?: string; name?: string };
export type RangeValue = { min: number; max: number; unit?: string; name?: string };
export type MetaTree = { [key: string]: Quantity | RangeValue | string | number | boolean | MetaTree };

/** The kinds of raw measurement the example beamlines produce. */
export type MeasurementKind = 'xps' | 'arpes' | 'tomography' | 'xrd';

const q = (value: Quantity['value'], unit: string | undefined, name: string): Quantity =>
  unit === undefined ? { value, name } : { value, unit, name };

/** A core-level region: label and the binding-energy window (eV) it spans. */
export interface XpsRegion {
  name: string;
  from: number;
  to: number;
}

export const XPS_REGIONS: readonly XpsRegion[] = [
  { name: 'Survey', from: -5, to: 1100 },
  { name: 'C 1s', from: 278, to: 296 },
  { name: 'O 1s', from: 524, to: 540 },
  { name: 'N 1s', from: 392, to: 410 },
  { name: 'S 2p', from: 156, to: 172 },
  { name: 'Fe 2p', from: 700, to: 740 },
  { name: 'Co 2p', from: 772, to: 812 },
  { name: 'Ti 2p', from: 450, to: 475 },
  { name: 'Au 4f', from: 80, to: 92 },
  { name: 'Zn 2p', from: 1015, to: 1050 },
  { name: 'Valence band', from: -3, to: 15 },
];

export interface XpsOptions {
  region?: XpsRegion;
  photonEnergy?: number;
  analyser?: { model: string; serial: string };
  temperature?: number;
  pressure?: number;
}

const profileName = (profile: string) => (key: string) => fieldName(profile, key);

/** Analyser settings shared by XPS and ARPES (`analyser/*`, pass energy, sweep). */
function analyserBlock(r: Random, profile: string, o: {
  model: string;
  serial: string;
  lensMode: string;
  passEnergy: number;
  keMin: number;
  keMax: number;
  step: number;
  dwell: number;
  sweeps: number;
  temperature: number;
  pressure: number;
}): MetaTree {
  const n = profileName(profile);
  return {
    analyser: {
      model: q(o.model, undefined, n('analyser/model')),
      serial: q(o.serial, undefined, n('analyser/serial')),
    },
    lens_mode: q(o.lensMode, undefined, n('lens_mode')),
    pass_energy: q(o.passEnergy, 'eV', n('pass_energy')),
    acquisition_mode: q('Swept', undefined, n('acquisition_mode')),
    energy_scale: q('Kinetic', undefined, n('energy_scale')),
    kinetic_energy_range: { min: o.keMin, max: o.keMax, unit: 'eV', name: n('kinetic_energy_range') },
    energy_step: q(o.step, 'eV', n('energy_step')),
    dwell_time: q(o.dwell, 's', n('dwell_time')),
    number_of_sweeps: q(o.sweeps, undefined, n('number_of_sweeps')),
    sample_temperature: q(o.temperature, 'K', n('sample_temperature')),
    chamber_pressure: q(o.pressure, 'mbar', n('chamber_pressure')),
    detector: { mode: q(r.pick(['Pulse counting', 'ADC']), undefined, n('detector/mode')) },
  };
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;
/** Three significant digits, without binary noise such as 2.2999999999999998e-11. */
const sci = (x: number) => Number(x.toPrecision(3));

/** A core-level XPS region at a soft X-ray beamline with a SPECS PHOIBOS analyser. */
export function xpsMetadata(r: Random, o: XpsOptions = {}): MetaTree {
  const region = o.region ?? r.pick(XPS_REGIONS);
  // A region must lie below the photon energy; fall back to Al Kα when the draw is too low.
  const drawn = r.pick([650, 850, 1000, 1100, 1486.6]);
  const hv = o.photonEnergy ?? (drawn > region.to + 50 ? drawn : 1486.6);
  const wf = r.float(4.2, 4.6, 3);
  const survey = region.name === 'Survey';
  const passEnergy = survey ? 100 : r.pick([10, 20, 20, 50]);
  const n = profileName('xps');
  return {
    photon_energy: q(hv, 'eV', n('photon_energy')),
    region_name: q(region.name, undefined, n('region_name')),
    ...analyserBlock(r, 'xps', {
      model: o.analyser?.model ?? 'SPECS PHOIBOS 150 2D-CMOS',
      serial: o.analyser?.serial ?? 'P150-0412-2D',
      lensMode: survey ? 'LargeArea' : r.pick(['MediumArea', 'SmallArea', 'LargeArea']),
      passEnergy,
      keMin: round(Math.max(1, hv - region.to - wf), 2),
      keMax: round(Math.max(2, hv - region.from - wf), 2),
      step: survey ? 0.5 : r.pick([0.05, 0.1]),
      dwell: r.pick([0.05, 0.1, 0.2]),
      sweeps: survey ? r.int(1, 3) : r.int(4, 40),
      temperature: o.temperature ?? r.float(293, 300, 1),
      pressure: o.pressure ?? sci(r.float(1, 9, 1) * 1e-10),
    }),
    work_function: q(wf, 'eV', n('work_function')),
    photon_polarization: q('linear horizontal', undefined, n('photon_polarization')),
    exit_slit: q(r.pick([20, 30, 50, 100]), 'um', n('exit_slit')),
    ring_current: q(r.float(380, 401, 1), 'mA', n('ring_current')),
    emission_angle: q(r.pick([0, 0, 0, 60]), 'deg', n('emission_angle')),
  };
}

export interface ArpesOptions {
  photonEnergy?: number;
  temperature?: number;
  polarization?: string;
  analyser?: { model: string; serial: string };
}

/** An ARPES band map or Fermi-surface slice with a Scienta analyser. */
export function arpesMetadata(r: Random, o: ArpesOptions = {}): MetaTree {
  const hv = o.photonEnergy ?? r.pick([21, 40, 55, 62, 70, 84, 100, 120]);
  const wf = r.float(4.3, 4.5, 3);
  const ef = hv - wf;
  const passEnergy = r.pick([5, 10, 10, 20]);
  const n = profileName('arpes');
  return {
    photon_energy: q(hv, 'eV', n('photon_energy')),
    photon_polarization: q(o.polarization ?? r.pick(['LH', 'LV', 'C+', 'C-']), undefined, n('photon_polarization')),
    ...analyserBlock(r, 'arpes', {
      model: o.analyser?.model ?? 'Scienta R4000',
      serial: o.analyser?.serial ?? 'R4000-6MS096',
      lensMode: r.pick(['Angular30', 'Angular14', 'Angular30']),
      passEnergy,
      keMin: round(ef - r.pick([0.6, 1.0, 1.5]), 3),
      keMax: round(ef + 0.15, 3),
      step: r.pick([0.002, 0.003, 0.005]),
      dwell: r.pick([0.1, 0.2, 0.3]),
      sweeps: r.int(5, 60),
      temperature: o.temperature ?? r.pick([10, 12, 20, 80, 120]),
      pressure: sci(r.float(2, 9, 1) * 1e-11),
    }),
    number_of_slices: q(r.pick([800, 900, 1000]), undefined, n('number_of_slices')),
    angular_range: { min: -15, max: 15, unit: 'deg', name: n('angular_range') },
    manipulator: {
      polar: q(r.float(-12, 12, 2), 'deg', n('manipulator/polar')),
      tilt: q(r.float(-3, 3, 2), 'deg', n('manipulator/tilt')),
      azimuth: q(r.float(-45, 45, 1), 'deg', n('manipulator/azimuth')),
    },
    energy_resolution: q(round(passEnergy * 0.0015 + 0.004, 4), 'eV', n('energy_resolution')),
  };
}

export interface TomographyOptions {
  energyKeV?: number;
  objective?: number;
  projections?: number;
  temperature?: number;
}

/** A full-field micro-tomography scan. */
export function tomographyMetadata(r: Random, o: TomographyOptions = {}): MetaTree {
  const objective = o.objective ?? r.pick([2, 5, 10, 20]);
  const projections = o.projections ?? r.pick([1800, 2000, 3000, 3600]);
  const exposure = r.pick([0.005, 0.01, 0.02, 0.05, 0.1]);
  const pink = r.chance(0.2);
  const n = profileName('tomography');
  return {
    photon_energy: q(o.energyKeV ?? (pink ? 35 : r.pick([15, 20, 25, 30])), 'keV', n('photon_energy')),
    beam_mode: q(pink ? 'pink' : 'monochromatic', undefined, n('beam_mode')),
    exposure_time: q(exposure, 's', n('exposure_time')),
    number_of_projections: q(projections, undefined, n('number_of_projections')),
    number_of_flats: q(r.pick([50, 100, 200]), undefined, n('number_of_flats')),
    number_of_darks: q(r.pick([20, 50]), undefined, n('number_of_darks')),
    rotation_range: q(r.pick([180, 180, 360]), 'deg', n('rotation_range')),
    pixel_size: q(round(6.5 / objective, 3), 'um', n('pixel_size')),
    detector: {
      camera: q(r.pick(['PCO.edge 5.5', 'PCO.edge 5.5', 'Andor Zyla 5.5']), undefined, n('detector/camera')),
      scintillator: q(r.pick(['LuAG:Ce 20 µm', 'GGG:Eu 10 µm', 'LuAG:Ce 50 µm']), undefined, n('detector/scintillator')),
      objective: q(objective, undefined, n('detector/objective')),
    },
    sample_detector_distance: q(r.pick([20, 50, 100, 250]), 'mm', n('sample_detector_distance')),
    filter: q(pink ? '2 mm Al + 0.5 mm Cu' : 'none', undefined, n('filter')),
    sample_temperature: q(o.temperature ?? r.float(294, 298, 1), 'K', n('sample_temperature')),
    scan_duration: q(round(projections * (exposure + 0.004) * 1.05, 1), 's', n('scan_duration')),
  };
}

/** A powder-diffraction pattern series (no profile: the example leaves this one open). */
export function xrdMetadata(r: Random, o: { temperature?: number; gasPressure?: number } = {}): MetaTree {
  const energy = r.pick([20, 25, 30]);
  return {
    photon_energy: q(energy, 'keV', 'Photon energy'),
    wavelength: q(round(12.398 / energy, 5), 'angstrom', 'Wavelength'),
    detector: q('DECTRIS PILATUS3 X CdTe 2M', undefined, 'Detector'),
    two_theta_range: { min: 1, max: r.pick([30, 40, 45]), unit: 'deg', name: '2θ range' },
    exposure_time: q(r.pick([0.5, 1, 2]), 's', 'Exposure time per frame'),
    number_of_frames: q(r.int(60, 600), undefined, 'Number of frames'),
    sample_temperature: q(o.temperature ?? r.float(295, 300, 1), 'K', 'Sample temperature'),
    capillary_diameter: q(r.pick([0.3, 0.5, 0.7]), 'mm', 'Capillary diameter'),
    gas_pressure: q(o.gasPressure ?? r.float(0, 30, 2), 'mbar', 'H₂O partial pressure'),
    sample_detector_distance: q(r.pick([250, 300, 400]), 'mm', 'Sample–detector distance'),
  };
}

/** Metadata of a measurement of the given kind with default options. */
export function metadataFor(kind: MeasurementKind, r: Random): MetaTree {
  switch (kind) {
    case 'xps':
      return xpsMetadata(r);
    case 'arpes':
      return arpesMetadata(r);
    case 'tomography':
      return tomographyMetadata(r);
    case 'xrd':
      return xrdMetadata(r);
  }
}

/** Metadata of a derived dataset: what was done to the inputs. */
export function derivedMetadata(kind: MeasurementKind, r: Random): MetaTree {
  switch (kind) {
    case 'xps':
      return {
        analysis: {
          method: q('peak fit', undefined, 'Method'),
          background: q(r.pick(['Shirley', 'Tougaard', 'linear']), undefined, 'Background'),
          lineshape: q(r.pick(['GL(30)', 'LA(1.1,243,5)', 'Voigt']), undefined, 'Line shape'),
          number_of_components: q(r.int(2, 6), undefined, 'Number of components'),
          reduced_chi_squared: q(r.float(0.8, 2.5, 3), undefined, 'Reduced χ²'),
          energy_reference: q('Au 4f7/2 at 84.0 eV', undefined, 'Energy reference'),
        },
      };
    case 'arpes':
      return {
        analysis: {
          method: q('k-space conversion', undefined, 'Method'),
          inner_potential: q(r.float(8, 14, 1), 'eV', 'Inner potential'),
          fermi_level_reference: q('polycrystalline Au', undefined, 'Fermi level reference'),
          momentum_resolution: q(r.float(0.005, 0.02, 4), 'angstrom^-1', 'Momentum resolution'),
          symmetrised: q(r.chance(0.5), undefined, 'Symmetrised'),
        },
      };
    case 'tomography':
      return {
        reconstruction: {
          algorithm: q(r.pick(['gridrec', 'FBP', 'SIRT (200 iterations)']), undefined, 'Algorithm'),
          phase_retrieval: q(r.pick(['none', 'Paganin (δ/β = 200)']), undefined, 'Phase retrieval'),
          ring_removal: q(r.pick(['Vo et al. 2018', 'wavelet-Fourier']), undefined, 'Ring removal'),
          voxel_size: q(r.pick([0.325, 0.65, 1.3, 3.25]), 'um', 'Voxel size'),
          volume_shape: q([2560, 2560, r.pick([2160, 1800, 1024])], undefined, 'Volume shape'),
          data_type: q(r.pick(['float32', 'uint16']), undefined, 'Data type'),
        },
      };
    case 'xrd':
      return {
        analysis: {
          method: q('Rietveld refinement', undefined, 'Method'),
          r_wp: q(r.float(3, 9, 2), 'percent', 'R_wp'),
          phases: q(r.int(1, 3), undefined, 'Number of phases'),
        },
      };
  }
}
