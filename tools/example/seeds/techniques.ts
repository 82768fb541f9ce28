/**
 * The technique vocabulary: a subset of PaNET (CC BY 4.0). Ids, names, synonyms and
 * ancestors were copied from the reasoned ontology in the corpus
 * (../shared/corpus/panet/PaNET_reasoned.jsonld, commit dd2903b); `ancestors`
 * is every superclass after reasoning, so deep search is a lookup. The short
 * descriptions are ours (PaNET has no definition for most of these terms).
 */
export interface TechniqueSeed {
  name: string;
  synonyms: string[];
  ancestors: string[];
  source?: string;
}

export const TECHNIQUES: Record<string, TechniqueSeed> = {
  PaNET01202: { name: "photoelectron spectroscopy", synonyms: ["PES"], ancestors: ["PaNET00001","PaNET00002","PaNET00003","PaNET00004","PaNET00005","PaNET00100","PaNET00201","PaNET00300","PaNET00402","PaNET01047","PaNET01072","PaNET01073","PaNET01125","PaNET01201","PaNET01269"], source: "https://en.wikipedia.org/wiki/Photoemission_spectroscopy" },
  PaNET01204: { name: "x-ray photoelectron spectroscopy", synonyms: ["XPS"], ancestors: ["PaNET00001","PaNET00002","PaNET00003","PaNET00004","PaNET00005","PaNET00100","PaNET00201","PaNET00300","PaNET00402","PaNET01012","PaNET01047","PaNET01072","PaNET01073","PaNET01125","PaNET01156","PaNET01201","PaNET01202","PaNET01258","PaNET01269"], source: "https://en.wikipedia.org/wiki/X-ray_photoelectron_spectroscopy" },
  PaNET01103: { name: "hard x-ray photoelectron spectroscopy", synonyms: ["HAXPES","hard photoelectron spectroscopy"], ancestors: ["PaNET00001","PaNET00002","PaNET00003","PaNET00004","PaNET00005","PaNET00100","PaNET00201","PaNET00300","PaNET00402","PaNET01012","PaNET01013","PaNET01047","PaNET01072","PaNET01073","PaNET01125","PaNET01156","PaNET01201","PaNET01202","PaNET01204","PaNET01258","PaNET01269"] },
  PaNET01093: { name: "photoemission spectroscopy", synonyms: [], ancestors: ["PaNET00001","PaNET00002","PaNET00003","PaNET00004","PaNET00100","PaNET00201","PaNET00300","PaNET01047","PaNET01057","PaNET01092","PaNET01269"], source: "https://en.wikipedia.org/wiki/Photoemission_spectroscopy" },
  PaNET01089: { name: "angle resolved photoemission spectroscopy", synonyms: ["ARPES"], ancestors: ["PaNET00001","PaNET00002","PaNET00003","PaNET00004","PaNET00005","PaNET00100","PaNET00201","PaNET00300","PaNET00402","PaNET01047","PaNET01057","PaNET01058","PaNET01075","PaNET01092","PaNET01093","PaNET01269"], source: "https://en.wikipedia.org/wiki/Angle-resolved_photoemission_spectroscopy" },
  PaNET01317: { name: "high resolution angle resolved photoemission spectroscopy", synonyms: ["HR-ARPES"], ancestors: ["PaNET00001","PaNET00002","PaNET00003","PaNET00004","PaNET00005","PaNET00100","PaNET00201","PaNET00300","PaNET00402","PaNET01042","PaNET01047","PaNET01057","PaNET01058","PaNET01075","PaNET01089","PaNET01092","PaNET01093","PaNET01104","PaNET01125","PaNET01201","PaNET01269"] },
  PaNET01196: { name: "x-ray absorption spectroscopy", synonyms: ["XAS"], ancestors: ["PaNET00001","PaNET00002","PaNET00003","PaNET00004","PaNET00100","PaNET00202","PaNET00206","PaNET00300","PaNET01012","PaNET01053","PaNET01054","PaNET01125","PaNET01135","PaNET01156","PaNET01227"], source: "https://en.wikipedia.org/wiki/X-ray_absorption_spectroscopy" },
  PaNET01199: { name: "x-ray absorption near edge structure", synonyms: ["NEXAFS","XANES"], ancestors: ["PaNET00001","PaNET00002","PaNET00003","PaNET00004","PaNET00005","PaNET00100","PaNET00202","PaNET00206","PaNET00300","PaNET00402","PaNET01012","PaNET01053","PaNET01054","PaNET01125","PaNET01135","PaNET01156","PaNET01196","PaNET01197","PaNET01227"], source: "https://en.wikipedia.org/wiki/X-ray_absorption_near_edge_structure" },
  PaNET01129: { name: "tomography", synonyms: [], ancestors: ["PaNET00001","PaNET00005","PaNET00401","PaNET01071","PaNET01106"], source: "https://en.wikipedia.org/wiki/Tomography" },
  PaNET01207: { name: "x-ray tomography", synonyms: ["CT scan"], ancestors: ["PaNET00001","PaNET00002","PaNET00005","PaNET00100","PaNET00401","PaNET01012","PaNET01071","PaNET01106","PaNET01129","PaNET01285"], source: "https://en.wikipedia.org/wiki/CT_scan" },
  PaNET01151: { name: "absorption tomography", synonyms: [], ancestors: ["PaNET00001","PaNET00003","PaNET00005","PaNET00202","PaNET00401","PaNET01071","PaNET01088","PaNET01106","PaNET01129"] },
  PaNET01152: { name: "propagation phase contrast tomography", synonyms: [], ancestors: ["PaNET00001","PaNET00003","PaNET00005","PaNET00203","PaNET00204","PaNET00401","PaNET01071","PaNET01106","PaNET01116","PaNET01129"] },
  PaNET01022: { name: "diffraction", synonyms: [], ancestors: ["PaNET00001","PaNET00003","PaNET00200","PaNET01020"], source: "https://en.wikipedia.org/wiki/Diffraction" },
  PaNET01216: { name: "x-ray diffraction", synonyms: ["XRD"], ancestors: ["PaNET00001","PaNET00002","PaNET00003","PaNET00100","PaNET00200","PaNET01012","PaNET01020","PaNET01022","PaNET01184"] },
  PaNET01101: { name: "x-ray powder diffraction", synonyms: ["XPD"], ancestors: ["PaNET00001","PaNET00002","PaNET00003","PaNET00100","PaNET00200","PaNET01012","PaNET01020","PaNET01022","PaNET01026","PaNET01027","PaNET01028","PaNET01030","PaNET01184","PaNET01216"] },
};

export const TECHNIQUE_DESCRIPTIONS: Record<string, string> = {
  PaNET01202: 'Spectroscopy of the kinetic energy of electrons emitted by photons, giving occupied electronic states.',
  PaNET01204: 'Photoelectron spectroscopy with X-rays: elemental composition and chemical states from core-level binding energies.',
  PaNET01103: 'Photoelectron spectroscopy with hard X-rays (above about 2 keV), probing deeper below the surface.',
  PaNET01093: 'Spectroscopy of electrons emitted from a sample by the photoelectric effect.',
  PaNET01089: 'Photoemission resolved in emission angle as well as energy, mapping the electronic band structure E(k).',
  PaNET01317: 'Angle-resolved photoemission with meV energy resolution, for gaps and many-body effects.',
  PaNET01196: 'Measurement of X-ray absorption as a function of photon energy around absorption edges.',
  PaNET01199: 'The near-edge region of an X-ray absorption spectrum (NEXAFS/XANES): unoccupied states and molecular orientation.',
  PaNET01129: 'Three-dimensional imaging from projections taken at many angles.',
  PaNET01207: 'Tomography with X-rays.',
  PaNET01151: 'Tomography with contrast from X-ray absorption.',
  PaNET01152: 'Tomography with contrast from phase shifts made visible by free-space propagation.',
  PaNET01022: 'Scattering of a coherent wave by a periodic structure into discrete directions.',
  PaNET01216: 'Diffraction of X-rays by crystalline matter.',
  PaNET01101: 'X-ray diffraction from a polycrystalline powder, giving phases, lattice parameters and microstructure.',
};
