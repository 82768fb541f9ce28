/**
 * Hand-written seeds for the fictional Nordlys Synchrotron: the facility, its
 * beamlines and the people who use them. Everything here is invented; ORCID iDs
 * lie in the 0000-0002-1825-0xxx neighbourhood of ORCID's own test iD
 * (0000-0002-1825-0097) with correct check digits, ROR ids carry valid checksums.
 */
import { orcidFromBase, rorFromBase } from '../ids.ts';

export const FACILITY = {
  name: 'Nordlys Synchrotron',
  ror: rorFromBase('7nq3k2'),
  url: 'https://www.nordlys-synchrotron.example/',
};

export const SITE_BASE_URL = 'http://127.0.0.1:4321/';
export const PID_PREFIX = '20.500.12345';
export const DOI_PREFIX = '10.5072';
export const TIME_ZONE = 'Europe/Stockholm';
export const DATA_HOST = 'data.nordlys-synchrotron.example';

export interface Affiliation {
  name: string;
  ror?: string;
}

export const AFFILIATIONS = {
  nordlys: { name: FACILITY.name, ror: FACILITY.ror },
  vesterby: { name: 'Vesterby University, Department of Physics', ror: rorFromBase('4gk8m1') },
  kattegat: { name: 'Kattegat Institute of Technology', ror: rorFromBase('2h9t5w') },
  halden: { name: 'Halden Institute for Surface Science', ror: rorFromBase('6x3p7r') },
  oresund: { name: 'Øresund Battery Centre' },
  lindqvist: { name: 'Lindqvist Materials AB' },
} satisfies Record<string, Affiliation>;

export interface PersonSeed {
  givenName: string;
  familyName: string;
  /** 15-digit ORCID base (check digit computed), or undefined for someone without an ORCID iD. */
  orcidBase?: string;
  email: string;
  affiliation: keyof typeof AFFILIATIONS;
}

export const PEOPLE = {
  halvorsen: { givenName: 'Ingrid', familyName: 'Halvorsen', orcidBase: '000000021825010', email: 'ingrid.halvorsen@vesterby.example', affiliation: 'vesterby' },
  okafor: { givenName: 'Chidi', familyName: 'Okafor', orcidBase: '000000021825011', email: 'chidi.okafor@vesterby.example', affiliation: 'vesterby' },
  lindgren: { givenName: 'Maja', familyName: 'Lindgren', orcidBase: '000000021825012', email: 'maja.lindgren@nordlys-synchrotron.example', affiliation: 'nordlys' },
  ricci: { givenName: 'Matteo', familyName: 'Ricci', orcidBase: '000000021825013', email: 'matteo.ricci@kattegat.example', affiliation: 'kattegat' },
  nakamura: { givenName: 'Aiko', familyName: 'Nakamura', orcidBase: '000000021825014', email: 'aiko.nakamura@kattegat.example', affiliation: 'kattegat' },
  berg: { givenName: 'Johan', familyName: 'Berg', email: 'johan.berg@kattegat.example', affiliation: 'kattegat' },
  dubois: { givenName: 'Camille', familyName: 'Dubois', orcidBase: '000000021825015', email: 'camille.dubois@halden.example', affiliation: 'halden' },
  haugen: { givenName: 'Erik', familyName: 'Haugen', orcidBase: '000000021825016', email: 'erik.haugen@nordlys-synchrotron.example', affiliation: 'nordlys' },
  kowalska: { givenName: 'Zofia', familyName: 'Kowalska', orcidBase: '000000021825017', email: 'zofia.kowalska@oresund-battery.example', affiliation: 'oresund' },
  mensah: { givenName: 'Kwame', familyName: 'Mensah', orcidBase: '000000021825018', email: 'kwame.mensah@oresund-battery.example', affiliation: 'oresund' },
  strand: { givenName: 'Linnea', familyName: 'Strand', orcidBase: '000000021825019', email: 'linnea.strand@nordlys-synchrotron.example', affiliation: 'nordlys' },
  petrov: { givenName: 'Dmitri', familyName: 'Petrov', orcidBase: '000000021825020', email: 'dmitri.petrov@halden.example', affiliation: 'halden' },
  alvarez: { givenName: 'Lucía', familyName: 'Álvarez', orcidBase: '000000021825021', email: 'lucia.alvarez@lindqvist.example', affiliation: 'lindqvist' },
  sorensen: { givenName: 'Nils', familyName: 'Sørensen', orcidBase: '000000021825022', email: 'nils.sorensen@vesterby.example', affiliation: 'vesterby' },
  chen: { givenName: 'Wei', familyName: 'Chen', orcidBase: '000000021825023', email: 'wei.chen@kattegat.example', affiliation: 'kattegat' },
} satisfies Record<string, PersonSeed>;

export type PersonKey = keyof typeof PEOPLE;

/** A Person as records carry it (schemas/README.md, "Person"). */
export interface Person {
  name: string;
  givenName?: string;
  familyName?: string;
  orcid?: string;
  email?: string;
  affiliation?: Affiliation;
}

/** The Person record of a seed person. */
export function person(key: PersonKey): Person {
  const s: PersonSeed = PEOPLE[key];
  return {
    name: `${s.givenName} ${s.familyName}`,
    givenName: s.givenName,
    familyName: s.familyName,
    ...(s.orcidBase ? { orcid: orcidFromBase(s.orcidBase) } : {}),
    email: s.email,
    affiliation: { ...AFFILIATIONS[s.affiliation] },
  };
}

/** Instrument seeds: the record fields plus a Markdown description. */
export interface InstrumentSeed {
  id: string;
  name: string;
  beamline: string;
  techniques: string[];
  analysers: { model: string; serial: string }[];
  /** Front matter and body of `instruments/<id>.md`. */
  frontMatter: Record<string, string | number | string[]>;
  markdown: string;
}

export const INSTRUMENTS: InstrumentSeed[] = [
  {
    id: 'aurora',
    name: 'Aurora ARPES beamline',
    beamline: 'R1-Aurora',
    techniques: ['PaNET01089', 'PaNET01317', 'PaNET01093', 'PaNET01204'],
    // The R3000 serial is the one SES writes into its text export (corpus: scienta-ses/Ag_0001.txt).
    analysers: [
      { model: 'Scienta R4000', serial: 'R4000-6MS096' },
      { model: 'Scienta R3000', serial: 'R3000-6MS014' },
    ],
    frontMatter: {
      title: 'Aurora: high-resolution ARPES',
      source: 'APPLE-II undulator, 1.5 GeV ring',
      energyRange: '18–240 eV',
      contact: 'maja.lindgren@nordlys-synchrotron.example',
      status: 'user operation',
    },
    markdown: `Aurora is the low-energy **angle-resolved photoemission** beamline of the 1.5 GeV ring.
An APPLE-II undulator delivers linearly and circularly polarised light from 18 to 240 eV to a
plane-grating monochromator with a resolving power above 20 000.

## End station

- Scienta **R4000** hemispherical analyser (serial R4000-6MS096) with a 2D MCP/CCD detector;
  an older **R3000** (serial R3000-6MS014) serves the preparation-chamber XPS
- 6-axis cryogenic manipulator, base temperature 8 K (liquid helium, open cycle)
- Base pressure better than 5 × 10⁻¹¹ mbar; LEED, sputter gun and e-beam evaporators in the preparation chamber

Typical total energy resolution is *8 meV at 50 eV* photon energy. Samples are cleaved in situ.
`,
  },
  {
    id: 'fjell',
    name: 'Fjell soft X-ray spectroscopy beamline',
    beamline: 'R1-Fjell',
    techniques: ['PaNET01204', 'PaNET01103', 'PaNET01199', 'PaNET01196'],
    analysers: [{ model: 'SPECS PHOIBOS 150 2D-CMOS', serial: 'P150-0412-2D' }],
    frontMatter: {
      title: 'Fjell: XPS and NEXAFS',
      source: 'Elliptically polarising undulator',
      energyRange: '90–2000 eV',
      contact: 'erik.haugen@nordlys-synchrotron.example',
      status: 'user operation',
    },
    markdown: `Fjell serves **X-ray photoelectron spectroscopy** and **NEXAFS** on surfaces, thin films and
electrochemical interfaces, from 90 to 2000 eV.

## End station

| Component | Model |
|---|---|
| Analyser | SPECS PHOIBOS 150 with 2D-CMOS detector (serial P150-0412-2D) |
| NEXAFS | Partial- and total-electron yield, fluorescence diode |
| Environment | Near-ambient-pressure cell up to 20 mbar, three-electrode electrochemistry |

Spectra are recorded with SpecsLab Prodigy; binding energies are referenced to the Au 4f₇/₂ line at 84.0 eV.
`,
  },
  {
    id: 'tind',
    name: 'Tind micro-tomography beamline',
    beamline: 'R3-Tind',
    techniques: ['PaNET01207', 'PaNET01151', 'PaNET01152', 'PaNET01129'],
    analysers: [],
    frontMatter: {
      title: 'Tind: X-ray micro-tomography',
      source: 'Multipole wiggler, 3 GeV ring',
      energyRange: '8–45 keV (monochromatic), pink beam to 120 keV',
      contact: 'linnea.strand@nordlys-synchrotron.example',
      status: 'user operation',
    },
    markdown: `Tind is a full-field **X-ray micro-tomography** beamline for absorption and propagation-based
phase contrast, with a multilayer monochromator (8–45 keV, ΔE/E ≈ 2 %) or filtered pink beam.

## Detection

- Optique Peter microscope with 2×, 5×, 10× and 20× objectives
- PCO.edge 5.5 sCMOS camera (2560 × 2160 pixels, 6.5 µm); Andor Zyla for fast scans
- LuAG:Ce and GGG:Eu scintillators, 5–50 µm thick

Effective pixel sizes range from 0.33 µm to 3.25 µm. A full scan of 1800 projections takes about *2 minutes*;
in-situ rigs include a 5 kN load frame and a battery cycling cell.
`,
  },
  {
    id: 'kristall',
    name: 'Kristall powder diffraction beamline',
    beamline: 'R3-Kristall',
    techniques: ['PaNET01101', 'PaNET01216'],
    analysers: [],
    frontMatter: {
      title: 'Kristall: high-resolution powder diffraction',
      source: 'In-vacuum undulator, 3 GeV ring',
      energyRange: '15–35 keV',
      contact: 'lucia.alvarez@lindqvist.example',
      status: 'commissioning',
    },
    markdown: `Kristall records **X-ray powder diffraction** in capillary geometry with a Dectris PILATUS3 X CdTe
2M area detector for fast in-situ work.

Sample environments: hot-air blower to 1173 K, cryostream to 90 K, and a gas-dosing manifold for
*adsorption isotherms* measured while diffraction patterns are taken.
`,
  },
];
