/**
 * The technique a measurement most likely used, as a PaNET id and its label
 * (ids and labels from the PaNET ontology, corpus/panet/PaNET.csv; a test checks
 * every entry against that file). A guess for the curator to confirm, never a
 * substitute for the metadata profile.
 */

export interface Technique {
  pid: string;
  name: string;
}

/** The PaNET terms translators can guess. */
export const PANET = {
  xps: { pid: 'PaNET01204', name: 'x-ray photoelectron spectroscopy' },
  haxpes: { pid: 'PaNET01103', name: 'hard x-ray photoelectron spectroscopy' },
  pes: { pid: 'PaNET01202', name: 'photoelectron spectroscopy' },
  arpes: { pid: 'PaNET01089', name: 'angle resolved photoemission spectroscopy' },
  photoemission: { pid: 'PaNET01093', name: 'photoemission spectroscopy' },
  xas: { pid: 'PaNET01196', name: 'x-ray absorption spectroscopy' },
  xanes: { pid: 'PaNET01199', name: 'x-ray absorption near edge structure' },
  exafs: { pid: 'PaNET01198', name: 'extended x-ray absorption fine structure' },
  tomography: { pid: 'PaNET01129', name: 'tomography' },
  mx: { pid: 'PaNET01164', name: 'macromolecular crystallography' },
  saxs: { pid: 'PaNET01188', name: 'small angle x-ray scattering' },
  xrf: { pid: 'PaNET01177', name: 'x-ray fluorescence' },
  stxm: { pid: 'PaNET01219', name: 'scanning transmission x-ray microscopy' },
  xrd: { pid: 'PaNET01216', name: 'x-ray diffraction' },
  powder: { pid: 'PaNET01101', name: 'x-ray powder diffraction' },
} as const satisfies Record<string, Technique>;

/** NeXus application definitions that name one technique. */
const BY_DEFINITION: Record<string, Technique> = {
  NXarpes: PANET.arpes,
  NXxps: PANET.xps,
  NXmpes: PANET.photoemission,
  NXxas: PANET.xas,
  NXxasproc: PANET.xas,
  NXxanes: PANET.xanes,
  NXtomo: PANET.tomography,
  NXtomoproc: PANET.tomography,
  NXtomophase: PANET.tomography,
  NXmx: PANET.mx,
  NXsas: PANET.saxs,
  NXcansas: PANET.saxs,
  NXfluo: PANET.xrf,
  NXstxm: PANET.stxm,
  NXxrot: PANET.mx,
  NXmonopd: PANET.powder,
};

/** Method names instruments write (`Analysis Method: XPS`, VAMAS technique, NXxps `method`). */
const BY_METHOD: Record<string, Technique> = {
  XPS: PANET.xps,
  ESCA: PANET.xps,
  HAXPES: PANET.haxpes,
  HAXPS: PANET.haxpes,
  UPS: PANET.pes,
  PES: PANET.pes,
  ARPES: PANET.arpes,
  XAS: PANET.xas,
  NEXAFS: PANET.xanes,
  XANES: PANET.xanes,
  EXAFS: PANET.exafs,
};

/** The technique of a NeXus application definition such as `NXarpes`, if it names one. */
export function techniqueFromDefinition(definition: string | undefined): Technique | undefined {
  return definition === undefined ? undefined : BY_DEFINITION[definition.trim()];
}

/** The technique of a method label such as `XPS` or `UPS`, if known. */
export function techniqueFromMethod(method: string | undefined): Technique | undefined {
  return method === undefined ? undefined : BY_METHOD[method.trim().toUpperCase()];
}

/**
 * A photoemission technique from analyser settings (SES has no method field):
 * angular lens modes mean ARPES; otherwise XPS above 100 eV photon energy,
 * HAXPES above 2 keV, plain photoelectron spectroscopy below.
 */
export function photoemissionTechnique(lensMode: string | undefined, excitationEnergyEv: number | undefined): Technique {
  if (lensMode && /^(angular|ang\b|a\d{2}\b|wideangle|da\d)/i.test(lensMode.trim())) return PANET.arpes;
  if (excitationEnergyEv === undefined) return PANET.pes;
  if (excitationEnergyEv >= 2000) return PANET.haxpes;
  if (excitationEnergyEv >= 100) return PANET.xps;
  return PANET.pes;
}
