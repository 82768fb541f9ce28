/**
 * Hand-written proposal narratives for the example catalogue: what each team
 * came to measure, on which samples, and the runs it took. The generator
 * (tools/example/make-example-catalog.ts) turns these into records; titles and
 * descriptions of individual runs are filled from the tables below.
 */
import type { PersonKey } from './facility.ts';
import type { MetaTree } from '../metadata.ts';

export interface SampleSeed {
  /** Appended to the proposal id: `<proposalId>-<suffix>`. */
  suffix: string;
  name: string;
  description: string;
  characteristics: MetaTree;
}

/** One dataset to generate. */
export interface RunSeed {
  name: string;
  kind: 'xps' | 'arpes' | 'tomography' | 'xrd';
  type: 'raw' | 'derived';
  title: string;
  sample: string;
  /** Markdown; a default is generated from the title when absent. */
  description?: string;
  /** Measurement options passed to the metadata generator (photon energy, region, temperature...). */
  options?: Record<string, unknown>;
  /** Extra scientificMetadata merged over the generated tree. */
  extraMetadata?: MetaTree;
  /** For derived runs: names of the input runs in the same proposal. */
  inputs?: string[];
  software?: string[];
  /** Overrides the proposal's access for this run. */
  access?: { status: 'public' | 'embargoed' | 'restricted'; embargoedUntil?: string; reason?: string };
  /** Minutes from the previous run's end (default: a few minutes). */
  gapMinutes?: number;
}

export interface ProposalSeed {
  proposalId: string;
  title: string;
  abstract: string;
  pi: PersonKey;
  members: PersonKey[];
  instrumentId: string;
  techniques: string[];
  type: string;
  /** Local dates of the allocated beamtime. */
  startTime: string;
  endTime: string;
  fundingReferences: { funderName: string; funderIdentifier?: string; funderIdentifierType?: string; awardNumber?: string; awardTitle?: string }[];
  keywords: string[];
  access: { status: 'public' | 'embargoed' | 'restricted'; embargoedUntil?: string; reason?: string };
  samples: SampleSeed[];
  runs: RunSeed[];
}

const q = (value: number | string, unit: string | undefined, name: string) =>
  unit === undefined ? { value, name } : { value, unit, name };

const VR = { funderName: 'Swedish Research Council', funderIdentifier: 'https://ror.org/03zttf063', funderIdentifierType: 'ROR' };
const ERC = { funderName: 'European Research Council', funderIdentifier: 'https://doi.org/10.13039/501100000781', funderIdentifierType: 'Crossref Funder ID' };
const NORDFORSK = { funderName: 'NordForsk', funderIdentifier: 'https://doi.org/10.13039/501100004785', funderIdentifierType: 'Crossref Funder ID' };

/** Runs for an ARPES temperature / photon-energy campaign. */
function arpesRuns(sample: string, plan: { hv: number; T: number; pol: string; what: string }[], start = 1): RunSeed[] {
  return plan.map((p, i) => ({
    name: `arpes-${String(start + i).padStart(4, '0')}`,
    kind: 'arpes' as const,
    type: 'raw' as const,
    title: `${p.what}, hν = ${p.hv} eV, ${p.pol}, T = ${p.T} K`,
    sample,
    options: { photonEnergy: p.hv, temperature: p.T, polarization: p.pol },
  }));
}

/** Runs for an XPS series: one run per (condition, region). */
function xpsRuns(sample: string, condition: string, regions: string[], hv: number, start: number, extra?: MetaTree): RunSeed[] {
  return regions.map((region, i) => ({
    name: `xps-${String(start + i).padStart(4, '0')}`,
    kind: 'xps' as const,
    type: 'raw' as const,
    title: `${region === 'Survey' ? 'Survey spectrum' : `${region} core level`}, ${condition}`,
    sample,
    options: { region, photonEnergy: hv },
    ...(extra ? { extraMetadata: extra } : {}),
  }));
}

export const PROPOSALS: ProposalSeed[] = [
  {
    proposalId: '20230012',
    title: 'Electronic structure of the kagome metal CsV₃Sb₅ across the charge-density-wave transition',
    abstract:
      'The kagome metals AV₃Sb₅ host a charge-density wave (CDW) below about 94 K whose origin is debated. ' +
      'We map the Fermi surface and the van Hove singularities at the M point above and below T_CDW with ' +
      'polarisation-dependent ARPES, and follow the gap opening in temperature steps. ' +
      'Photon-energy scans between 60 and 120 eV separate surface and bulk states.',
    pi: 'halvorsen',
    members: ['okafor', 'sorensen', 'lindgren'],
    instrumentId: 'aurora',
    techniques: ['PaNET01089'],
    type: 'standard',
    startTime: '2023-02-13T08:00',
    endTime: '2023-02-18T08:00',
    fundingReferences: [{ ...VR, awardNumber: '2021-04187', awardTitle: 'Correlated electrons on frustrated lattices' }],
    keywords: ['kagome metal', 'charge-density wave', 'CsV3Sb5', 'van Hove singularity'],
    access: { status: 'public' },
    samples: [
      {
        suffix: 's01',
        name: 'CsV₃Sb₅ single crystal A',
        description: 'Self-flux grown platelet, 2 × 2 × 0.1 mm³, cleaved in situ at 12 K.',
        characteristics: {
          chemical_formula: 'CsV3Sb5',
          growth: q('Cs–Sb self flux', undefined, 'Growth method'),
          lattice_a: q(5.495, 'angstrom', 'Lattice parameter a'),
          lattice_c: q(9.309, 'angstrom', 'Lattice parameter c'),
          t_cdw: q(94, 'K', 'CDW transition temperature'),
        },
      },
      {
        suffix: 's02',
        name: 'CsV₃Sb₅ single crystal B',
        description: 'Second crystal from the same growth batch, used for the photon-energy scan.',
        characteristics: {
          chemical_formula: 'CsV3Sb5',
          growth: q('Cs–Sb self flux', undefined, 'Growth method'),
          t_cdw: q(93.5, 'K', 'CDW transition temperature'),
        },
      },
    ],
    runs: [
      ...arpesRuns('s01', [
        { hv: 84, T: 120, pol: 'LH', what: 'Fermi surface map above T_CDW' },
        { hv: 84, T: 20, pol: 'LH', what: 'Fermi surface map below T_CDW' },
        { hv: 84, T: 20, pol: 'LV', what: 'M-point van Hove singularity' },
        { hv: 84, T: 60, pol: 'LH', what: 'Temperature series, Γ–M cut' },
        { hv: 84, T: 80, pol: 'LH', what: 'Temperature series, Γ–M cut' },
        { hv: 84, T: 100, pol: 'LH', what: 'Temperature series, Γ–M cut' },
      ]),
      ...arpesRuns('s02', [
        { hv: 62, T: 20, pol: 'LH', what: 'Photon-energy scan, normal emission' },
        { hv: 100, T: 20, pol: 'LH', what: 'Photon-energy scan, normal emission' },
        { hv: 120, T: 20, pol: 'LH', what: 'Photon-energy scan, normal emission' },
      ], 7),
      {
        name: 'kspace-0001',
        kind: 'arpes',
        type: 'derived',
        title: 'Fermi surfaces in momentum space above and below T_CDW',
        sample: 's01',
        inputs: ['arpes-0001', 'arpes-0002'],
        software: ['PyARPES 3.0.1', 'xarray 2023.1.0'],
        description:
          'Fermi-surface maps converted to momentum space and *six-fold symmetrised*.\n\n' +
          'The CDW reconstruction is visible as a **2×2 folding** of the M-point pockets below 94 K.',
      },
      {
        name: 'gap-0001',
        kind: 'arpes',
        type: 'derived',
        title: 'CDW gap at M from symmetrised EDCs versus temperature',
        sample: 's01',
        inputs: ['arpes-0004', 'arpes-0005', 'arpes-0006'],
        software: ['PyARPES 3.0.1', 'lmfit 1.1.0'],
        description:
          'Energy distribution curves at the M point, symmetrised about E_F and fitted with a BCS-like gap.\n\n' +
          '| T (K) | Δ (meV) |\n|---|---|\n| 60 | 18 ± 2 |\n| 80 | 11 ± 3 |\n| 100 | 0 |',
      },
      {
        name: 'kz-0001',
        kind: 'arpes',
        type: 'derived',
        title: 'k_z dispersion from the photon-energy scan',
        sample: 's02',
        inputs: ['arpes-0007', 'arpes-0008', 'arpes-0009'],
        software: ['PyARPES 3.0.1'],
      },
    ],
  },
  {
    proposalId: '20230045',
    title: 'Oxidation states of cobalt ferrite thin films under operando water-splitting conditions',
    abstract:
      'Spinel CoFe₂O₄ films are promising anodes for the oxygen evolution reaction (OER). ' +
      'Using near-ambient-pressure XPS in a three-electrode cell we follow the Co and Fe oxidation states ' +
      'while sweeping the potential from open circuit to 1.6 V vs RHE, to identify the active phase and its ' +
      'depth profile by varying the photon energy.',
    pi: 'ricci',
    members: ['nakamura', 'berg', 'haugen'],
    instrumentId: 'fjell',
    techniques: ['PaNET01204'],
    type: 'standard',
    startTime: '2023-05-22T08:00',
    endTime: '2023-05-26T08:00',
    fundingReferences: [
      { ...ERC, awardNumber: '101043251', awardTitle: 'OPERANDO-OER' },
      { funderName: 'Kattegat Institute of Technology', awardNumber: 'KIT-2022-117' },
    ],
    keywords: ['oxygen evolution reaction', 'cobalt ferrite', 'operando XPS', 'electrocatalysis'],
    access: { status: 'public' },
    samples: [
      {
        suffix: 's01',
        name: 'CoFe₂O₄ / Nb:SrTiO₃ (001), 20 nm',
        description: 'Pulsed-laser-deposited epitaxial film, 20 nm, on 0.5 wt% Nb-doped SrTiO₃(001).',
        characteristics: {
          chemical_formula: 'CoFe2O4',
          substrate: q('Nb:SrTiO3 (001)', undefined, 'Substrate'),
          thickness: q(20, 'nm', 'Film thickness'),
          deposition: q('pulsed laser deposition', undefined, 'Deposition'),
        },
      },
      {
        suffix: 's02',
        name: 'CoFe₂O₄ / Nb:SrTiO₃ (001), 5 nm',
        description: 'Thin reference film from the same deposition series.',
        characteristics: {
          chemical_formula: 'CoFe2O4',
          substrate: q('Nb:SrTiO3 (001)', undefined, 'Substrate'),
          thickness: q(5, 'nm', 'Film thickness'),
        },
      },
    ],
    runs: [
      ...xpsRuns('s01', 'as-loaded, UHV', ['Survey', 'Co 2p', 'Fe 2p', 'O 1s'], 1000, 1),
      ...xpsRuns('s01', '1.2 V vs RHE, 5 mbar H₂O', ['Co 2p', 'Fe 2p', 'O 1s'], 1000, 5, {
        electrode_potential: q(1.2, 'V', 'Electrode potential vs RHE'),
      }),
      ...xpsRuns('s01', '1.6 V vs RHE, 5 mbar H₂O', ['Co 2p', 'Fe 2p'], 1000, 8, {
        electrode_potential: q(1.6, 'V', 'Electrode potential vs RHE'),
      }),
      ...xpsRuns('s02', 'depth profile, hν = 1486.6 eV', ['Co 2p', 'Fe 2p'], 1486.6, 10),
      {
        name: 'fit-0001',
        kind: 'xps',
        type: 'derived',
        title: 'Co 2p peak fits: Co²⁺/Co³⁺ ratio versus potential',
        sample: 's01',
        inputs: ['xps-0002', 'xps-0005', 'xps-0008'],
        software: ['CasaXPS 2.3.25', 'lmfit 1.2.1'],
        description:
          'Co 2p₃/₂ fitted with multiplet envelopes for Co²⁺ (octahedral, tetrahedral) and Co³⁺.\n\n' +
          '- open circuit: Co³⁺ fraction 0.21\n- 1.2 V: 0.34\n- 1.6 V: **0.58**, consistent with a CoOOH-like surface layer',
      },
      {
        name: 'fit-0002',
        kind: 'xps',
        type: 'derived',
        title: 'Fe 2p peak fits versus potential',
        sample: 's01',
        inputs: ['xps-0003', 'xps-0006', 'xps-0009'],
        software: ['CasaXPS 2.3.25'],
      },
    ],
  },
  {
    proposalId: '20240017',
    title: 'Porosity evolution in additively manufactured Ti-6Al-4V lattices under cyclic loading',
    abstract:
      'Laser-powder-bed-fused titanium lattices fail by fatigue cracks that start at lack-of-fusion pores. ' +
      'We image the same gyroid lattice struts in situ in a 5 kN load frame after 0, 10⁴, 10⁵ and 10⁶ cycles ' +
      'with absorption micro-tomography at 1.3 µm voxel size, and follow individual pores as cracks nucleate.',
    pi: 'dubois',
    members: ['petrov', 'strand'],
    instrumentId: 'tind',
    techniques: ['PaNET01151'],
    type: 'industry-collaboration',
    startTime: '2024-03-04T08:00',
    endTime: '2024-03-07T08:00',
    fundingReferences: [{ ...NORDFORSK, awardNumber: 'NF-105322', awardTitle: 'Nordic additive manufacturing for implants' }],
    keywords: ['additive manufacturing', 'Ti-6Al-4V', 'fatigue', 'porosity', 'in situ'],
    access: { status: 'public', reason: 'Released early by the principal investigator with the accompanying paper' },
    samples: [
      {
        suffix: 's01',
        name: 'Ti-6Al-4V gyroid lattice G2',
        description: 'L-PBF gyroid, unit cell 2 mm, 5 × 5 × 10 cells, hot isostatically pressed.',
        characteristics: {
          material: q('Ti-6Al-4V ELI', undefined, 'Alloy'),
          unit_cell: q(2, 'mm', 'Unit cell size'),
          relative_density: q(0.21, undefined, 'Relative density'),
          post_treatment: q('HIP 920 °C / 100 MPa / 2 h', undefined, 'Post treatment'),
        },
      },
      {
        suffix: 's02',
        name: 'Ti-6Al-4V gyroid lattice G3 (as built)',
        description: 'As G2 but without HIP, as a high-porosity reference.',
        characteristics: {
          material: q('Ti-6Al-4V ELI', undefined, 'Alloy'),
          unit_cell: q(2, 'mm', 'Unit cell size'),
          post_treatment: q('none (as built)', undefined, 'Post treatment'),
        },
      },
    ],
    runs: [
      ...[0, 1e4, 1e5, 1e6].map((cycles, i) => ({
        name: `tomo-${String(i + 1).padStart(4, '0')}`,
        kind: 'tomography' as const,
        type: 'raw' as const,
        title: `Lattice G2 after ${cycles === 0 ? 'no' : cycles.toExponential(0).replace('e+', '×10^')} load cycles, 1.3 µm`,
        sample: 's01',
        options: { energyKeV: 30, objective: 5 },
        extraMetadata: { load_cycles: q(cycles, undefined, 'Load cycles'), max_load: q(1.2, 'kN', 'Maximum load') },
        gapMinutes: 180,
      })),
      ...[0, 1e5, 1e6].map((cycles, i) => ({
        name: `tomo-${String(i + 5).padStart(4, '0')}`,
        kind: 'tomography' as const,
        type: 'raw' as const,
        title: `Lattice G3 (as built) after ${cycles === 0 ? 'no' : cycles.toExponential(0).replace('e+', '×10^')} load cycles`,
        sample: 's02',
        options: { energyKeV: 30, objective: 5 },
        extraMetadata: { load_cycles: q(cycles, undefined, 'Load cycles') },
        gapMinutes: 120,
      })),
      {
        name: 'recon-0001',
        kind: 'tomography',
        type: 'derived',
        title: 'Reconstructed volumes of lattice G2, all load steps',
        sample: 's01',
        inputs: ['tomo-0001', 'tomo-0002', 'tomo-0003', 'tomo-0004'],
        software: ['tomopy 1.15.2', 'Nordlys reconstruction pipeline 2.4'],
      },
      {
        name: 'pores-0001',
        kind: 'tomography',
        type: 'derived',
        title: 'Pore segmentation and crack tracking in lattice G2',
        sample: 's01',
        inputs: ['tomo-0001', 'tomo-0004'],
        software: ['Dragonfly 2023.2', 'scikit-image 0.22.0'],
        description:
          'Pores segmented by Otsu thresholding and tracked between load steps by overlap.\n\n' +
          '> 3 of 4 cracks started at lack-of-fusion pores larger than 40 µm within 150 µm of the strut surface.',
      },
    ],
  },
  {
    proposalId: '20240033',
    title: 'Ti₂O₃ metal–insulator transition: band structure and core levels',
    abstract:
      'Ti₂O₃ changes from a semiconductor to a bad metal over a broad range around 450 K without a change of ' +
      'symmetry. We measure the a₁g–e_g^π band gap with ARPES at 20 K and 500 K and the Ti 2p satellite ' +
      'structure with XPS in the same chamber, to test the Mott–Hubbard versus Peierls pictures.',
    pi: 'sorensen',
    members: ['halvorsen', 'chen'],
    instrumentId: 'aurora',
    techniques: ['PaNET01089', 'PaNET01204'],
    type: 'standard',
    startTime: '2024-06-10T08:00',
    endTime: '2024-06-14T08:00',
    fundingReferences: [{ ...VR, awardNumber: '2023-03302' }],
    keywords: ['Ti2O3', 'metal–insulator transition', 'Mott', 'ARPES', 'XPS'],
    access: { status: 'embargoed', embargoedUntil: '2027-09-30', reason: 'Proprietary period of the proposal (3 years)' },
    samples: [
      {
        suffix: 's01',
        name: 'Ti₂O₃ (0001) single crystal',
        description: 'Floating-zone grown, oriented (0001), polished and annealed in O₂.',
        characteristics: {
          chemical_formula: 'Ti2O3',
          orientation: q('(0001)', undefined, 'Surface orientation'),
          t_mit: q(450, 'K', 'Transition temperature'),
        },
      },
    ],
    runs: [
      ...arpesRuns('s01', [
        { hv: 70, T: 20, pol: 'LH', what: 'Γ–L band map, insulating phase' },
        { hv: 70, T: 500, pol: 'LH', what: 'Γ–L band map, metallic phase' },
      ]),
      {
        name: 'arpes-0003',
        kind: 'arpes',
        type: 'raw',
        title: 'CANARY-EMBARGO-7f3k Ti2O3 hidden',
        sample: 's01',
        options: { photonEnergy: 55, temperature: 20, polarization: 'LV' },
        description:
          'Embargoed band map kept out of the public build. The value of `canary_token` must never appear on the public site.',
        extraMetadata: { canary_token: q('CANARY-VALUE-q9w2-Ti2O3', undefined, 'Canary token') },
      },
      ...xpsRuns('s01', 'insulating phase, 20 K', ['Ti 2p', 'O 1s', 'Valence band'], 650, 1, {}),
      {
        name: 'gap-0001',
        kind: 'arpes',
        type: 'derived',
        title: 'Band gap of Ti₂O₃ from leading-edge fits, 20 K and 500 K',
        sample: 's01',
        inputs: ['arpes-0001', 'arpes-0002'],
        software: ['PyARPES 3.0.1'],
      },
    ],
  },
  {
    proposalId: '20240058',
    title: 'Lithium plating in silicon–graphite anodes imaged by phase-contrast microtomography',
    abstract:
      'Fast charging of silicon–graphite composite anodes risks lithium plating and silicon particle cracking. ' +
      'We image pouch-cell coupons operando during 2C charging with propagation-based phase-contrast ' +
      'tomography at 0.65 µm pixel size, then compare with post-mortem scans of cells cycled 500 times.',
    pi: 'kowalska',
    members: ['mensah', 'strand', 'alvarez'],
    instrumentId: 'tind',
    techniques: ['PaNET01152'],
    type: 'industry-collaboration',
    startTime: '2024-10-21T08:00',
    endTime: '2024-10-24T08:00',
    fundingReferences: [
      { funderName: 'Swedish Energy Agency', funderIdentifier: 'https://ror.org/052g5qm38', funderIdentifierType: 'ROR', awardNumber: 'P2023-00791' },
    ],
    keywords: ['lithium-ion battery', 'silicon anode', 'lithium plating', 'operando', 'phase contrast'],
    access: { status: 'embargoed', embargoedUntil: '2027-10-24', reason: 'Proprietary period of the proposal (3 years)' },
    samples: [
      {
        suffix: 's01',
        name: 'Si–graphite coupon, fresh (cell C-14)',
        description: '15 wt% Si, 2.1 mAh cm⁻², 1 mm wide coupon cut from a single-layer pouch cell.',
        characteristics: {
          silicon_fraction: q(15, 'percent', 'Silicon content'),
          areal_capacity: q(2.1, 'mAh/cm^2', 'Areal capacity'),
          electrolyte: q('1 M LiPF6 in EC:EMC 3:7 + 10% FEC', undefined, 'Electrolyte'),
        },
      },
      {
        suffix: 's02',
        name: 'Si–graphite coupon after 500 cycles (cell C-09)',
        description: 'Harvested in an argon glove box after 500 cycles at 1C/1C.',
        characteristics: {
          silicon_fraction: q(15, 'percent', 'Silicon content'),
          cycles: q(500, undefined, 'Cycles'),
        },
      },
    ],
    runs: [
      ...[0, 25, 50, 75, 100].map((soc, i) => ({
        name: `tomo-${String(i + 1).padStart(4, '0')}`,
        kind: 'tomography' as const,
        type: 'raw' as const,
        title: `Operando scan during 2C charge, ${soc} % state of charge`,
        sample: 's01',
        options: { energyKeV: 20, objective: 10 },
        extraMetadata: { state_of_charge: q(soc, 'percent', 'State of charge'), c_rate: q(2, undefined, 'C-rate') },
        gapMinutes: 4,
        ...(i === 0 ? { access: { status: 'public' as const } } : {}),
      })),
      {
        name: 'tomo-0006',
        kind: 'tomography',
        type: 'raw',
        title: 'Post-mortem scan of a coupon after 500 cycles',
        sample: 's02',
        options: { energyKeV: 20, objective: 10 },
        access: { status: 'restricted', reason: 'Contains proprietary cell design of the industrial partner; available on request' },
      },
      {
        name: 'recon-0001',
        kind: 'tomography',
        type: 'derived',
        title: 'Phase-retrieved volumes of the operando series',
        sample: 's01',
        inputs: ['tomo-0001', 'tomo-0002', 'tomo-0003', 'tomo-0004', 'tomo-0005'],
        software: ['tomopy 1.15.2', 'Nordlys reconstruction pipeline 2.5'],
      },
    ],
  },
  {
    proposalId: '20250004',
    title: 'NEXAFS and XPS of self-assembled monolayers of thiolated porphyrins on Au(111)',
    abstract:
      'Thiol-anchored zinc porphyrins form ordered monolayers whose tilt controls charge transfer to the ' +
      'substrate. We determine the molecular orientation from angle-dependent N K-edge NEXAFS and the ' +
      'bonding from S 2p and N 1s XPS, before and after annealing.',
    pi: 'nakamura',
    members: ['chen', 'haugen'],
    instrumentId: 'fjell',
    techniques: ['PaNET01204', 'PaNET01199'],
    type: 'standard',
    startTime: '2025-02-03T08:00',
    endTime: '2025-02-06T08:00',
    fundingReferences: [{ ...VR, awardNumber: '2024-05112', awardTitle: 'Molecular interfaces for solar fuels' }],
    keywords: ['self-assembled monolayer', 'porphyrin', 'NEXAFS', 'Au(111)'],
    access: { status: 'embargoed', embargoedUntil: '2028-02-06', reason: 'Proprietary period of the proposal (3 years)' },
    samples: [
      {
        suffix: 's01',
        name: 'ZnTPP-SH monolayer on Au(111)',
        description: 'Zinc tetraphenylporphyrin thiol, immersion 24 h in 0.1 mM ethanol solution.',
        characteristics: {
          molecule: q('Zn-5-(4-mercaptophenyl)-10,15,20-triphenylporphyrin', undefined, 'Molecule'),
          substrate: q('Au(111) on mica', undefined, 'Substrate'),
          immersion_time: q(24, 'h', 'Immersion time'),
        },
      },
    ],
    runs: [
      ...xpsRuns('s01', 'as prepared', ['Survey', 'S 2p', 'N 1s', 'Zn 2p', 'C 1s', 'Au 4f'], 1100, 1),
      ...xpsRuns('s01', 'after annealing at 400 K', ['S 2p', 'N 1s'], 1100, 7, {
        anneal_temperature: q(400, 'K', 'Anneal temperature'),
      }),
      {
        name: 'fit-0001',
        kind: 'xps',
        type: 'derived',
        title: 'S 2p fits: bound thiolate versus unbound thiol',
        sample: 's01',
        inputs: ['xps-0002', 'xps-0007'],
        software: ['KolXPD 1.8'],
      },
    ],
  },
  {
    proposalId: '20250021',
    title: 'In-situ powder diffraction of MOF-303 during water adsorption',
    abstract:
      'The aluminium MOF-303 harvests water from desert air. We follow its lattice parameters and the ' +
      'occupancy of the water sites by in-situ powder diffraction while dosing water vapour from 0 to 30 mbar ' +
      'at 298 K, to link the adsorption isotherm step to the pore-filling sequence.',
    pi: 'alvarez',
    members: ['mensah', 'ricci'],
    instrumentId: 'kristall',
    techniques: ['PaNET01101'],
    type: 'rapid-access',
    startTime: '2025-06-16T08:00',
    endTime: '2025-06-17T20:00',
    fundingReferences: [{ funderName: 'Lindqvist Materials AB', awardNumber: 'LM-RA-2025-03' }],
    keywords: ['metal–organic framework', 'MOF-303', 'water harvesting', 'in situ', 'powder diffraction'],
    access: { status: 'embargoed', embargoedUntil: '2029-01-31', reason: 'Industrial partner: extended proprietary period' },
    samples: [
      {
        suffix: 's01',
        name: 'MOF-303 powder, activated',
        description: 'Activated at 423 K under vacuum, loaded in a 0.5 mm borosilicate capillary.',
        characteristics: {
          chemical_formula: 'Al(OH)(C5H2O4N2)',
          bet_surface_area: q(1380, 'm^2/g', 'BET surface area'),
        },
      },
    ],
    runs: [
      ...[0, 5, 10, 15, 20, 30].map((p, i) => ({
        name: `xrd-${String(i + 1).padStart(4, '0')}`,
        kind: 'xrd' as const,
        type: 'raw' as const,
        title: `Powder pattern series at ${p} mbar H₂O, 298 K`,
        sample: 's01',
        options: { temperature: 298, gasPressure: p },
        gapMinutes: 25,
      })),
      {
        name: 'rietveld-0001',
        kind: 'xrd',
        type: 'derived',
        title: 'Rietveld refinements: lattice parameters and water-site occupancy versus pressure',
        sample: 's01',
        inputs: ['xrd-0001', 'xrd-0002', 'xrd-0003', 'xrd-0004', 'xrd-0005', 'xrd-0006'],
        software: ['TOPAS-Academic 7', 'GSAS-II 5.2'],
      },
    ],
  },
];

/** A DOI publication of the example catalogue: which runs it bundles. */
export interface PublicationSeed {
  suffix: string;
  status: 'draft' | 'registered' | 'findable';
  title: string;
  abstract: string;
  creators: PersonKey[];
  publicationYear: number;
  registeredTime: string;
  proposalId: string;
  /** Run names in that proposal. */
  runs: string[];
  relatedPaper?: string;
  /** DataCite description of type Methods. */
  methods: string;
}

export const PUBLICATIONS: PublicationSeed[] = [
  {
    suffix: 'shelfmark.4k7q-2m9d',
    status: 'findable',
    title: 'ARPES data: charge-density-wave gap and Fermi-surface reconstruction in CsV₃Sb₅',
    abstract:
      'Raw and processed angle-resolved photoemission data underlying the study of the charge-density-wave ' +
      'gap in the kagome metal CsV₃Sb₅, measured at the Aurora beamline of Nordlys Synchrotron in February 2023.',
    creators: ['halvorsen', 'okafor', 'sorensen', 'lindgren'],
    publicationYear: 2024,
    registeredTime: '2024-04-15T10:12:00+02:00',
    proposalId: '20230012',
    runs: ['arpes-0001', 'arpes-0002', 'arpes-0004', 'arpes-0005', 'arpes-0006', 'kspace-0001', 'gap-0001'],
    relatedPaper: '10.5072/example-journal.2024.0117',
    methods:
      'ARPES at the Aurora beamline with a Scienta R4000 analyser, total energy resolution 12 meV, ' +
      'samples cleaved in situ at 12 K. Momentum conversion and gap fits with PyARPES.',
  },
  {
    suffix: 'shelfmark.8r3v-x5tn',
    status: 'registered',
    title: 'Operando XPS of CoFe₂O₄ thin-film anodes during the oxygen evolution reaction',
    abstract:
      'Near-ambient-pressure XPS spectra (Co 2p, Fe 2p, O 1s) of epitaxial CoFe₂O₄ films at open circuit, ' +
      '1.2 V and 1.6 V vs RHE, with peak-fit results.',
    creators: ['ricci', 'nakamura', 'berg'],
    publicationYear: 2025,
    registeredTime: '2025-01-20T14:03:00+01:00',
    proposalId: '20230045',
    runs: ['xps-0002', 'xps-0003', 'xps-0005', 'xps-0006', 'xps-0008', 'xps-0009', 'fit-0001', 'fit-0002'],
    methods:
      'NAP-XPS at the Fjell beamline (SPECS PHOIBOS 150) in a three-electrode cell with 5 mbar water vapour, ' +
      'hν = 1000 eV; binding energies referenced to Au 4f7/2. Peak fits with CasaXPS.',
  },
];

/** Annotations (comments and ratings) left by users on public datasets. */
export const ANNOTATIONS: {
  proposalId: string;
  run: string;
  name: string;
  author: PersonKey;
  created: string;
  comment?: string;
  rating?: number;
}[] = [
  {
    proposalId: '20230012',
    run: 'arpes-0002',
    name: 'c-0001',
    author: 'okafor',
    created: '2023-03-02T16:40:12+01:00',
    comment: 'Sample surface aged after ~6 h; the **last two sweeps** show a broadened Fermi edge. Use sweeps 1–20 only.',
  },
  {
    proposalId: '20230012',
    run: 'kspace-0001',
    name: 'r-0001',
    author: 'lindgren',
    created: '2024-04-20T09:05:44+02:00',
    rating: 5,
    comment: 'Clean conversion; good reference for the new k-space tutorial.',
  },
  {
    proposalId: '20230045',
    run: 'xps-0005',
    name: 'c-0001',
    author: 'haugen',
    created: '2023-05-24T22:13:09+02:00',
    comment: 'Beam damage check: repeated Co 2p after 30 min shows no change in the Co³⁺ shoulder.',
  },
  {
    proposalId: '20240017',
    run: 'tomo-0004',
    name: 'r-0001',
    author: 'petrov',
    created: '2024-05-02T11:30:00+02:00',
    rating: 4,
    comment: 'Ring artefacts in the lower 200 slices; use `recon-0001`, which has ring removal applied.',
  },
  {
    proposalId: '20240017',
    run: 'pores-0001',
    name: 'c-0001',
    author: 'dubois',
    created: '2024-06-11T08:47:31+02:00',
    comment: 'Segmentation threshold documented in the methods section of the paper, see the dataset description.',
  },
];
