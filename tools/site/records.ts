/**
 * The parts of each record type that the site reads. These mirror the contract in
 * schemas/README.md; they are loose on purpose (every field optional except ids)
 * because the site must render a record the validator has already passed, and
 * must never crash on one it has not.
 * TODO(#3): switch to tools/core/types.generated.ts once the schemas land.
 */

export interface Person {
  name: string;
  givenName?: string;
  familyName?: string;
  orcid?: string;
  email?: string;
  affiliation?: { name: string; ror?: string };
}

export interface Technique {
  pid: string;
  name: string;
}

export interface FileEntry {
  path: string;
  size?: number;
  chk?: string;
  time?: string;
}

export interface Attachment {
  path: string;
  caption?: string;
  mediaType?: string;
}

export interface Access {
  status: 'public' | 'embargoed' | 'restricted';
  embargoedUntil?: string;
  reason?: string;
}

export interface Dataset {
  pid: string;
  type?: 'raw' | 'derived';
  datasetName?: string;
  description?: string;
  creationTime?: string;
  startTime?: string;
  endTime?: string;
  creators?: Person[];
  principalInvestigators?: Person[];
  contactEmail?: string;
  proposalId?: string;
  sampleIds?: string[];
  instrumentId?: string;
  techniques?: Technique[];
  keywords?: string[];
  license?: string;
  access?: Access;
  numberOfFiles?: number;
  size?: number;
  files?: { chkAlg?: string; dataFileList?: FileEntry[] };
  sourceFolder?: string;
  sourceFolderHost?: string;
  storage?: { downloadUrl?: string; globus?: { endpoint: string; path: string } };
  scientificMetadata?: Record<string, unknown>;
  metadataProfile?: string;
  inputDatasets?: string[];
  usedSoftware?: string[];
  relationships?: { pid: string; relationship: string }[];
  doi?: string;
  retentionUntil?: string;
  attachments?: Attachment[];
}

export interface Proposal {
  proposalId: string;
  title?: string;
  abstract?: string;
  pi?: Person;
  members?: Person[];
  startTime?: string;
  endTime?: string;
  instrumentIds?: string[];
  type?: string;
}

export interface Sample {
  sampleId: string;
  name?: string;
  description?: string;
  sampleCharacteristics?: Record<string, unknown>;
  proposalId?: string;
}

export interface Instrument {
  id: string;
  name?: string;
  facility?: string;
  beamline?: string;
  techniques?: Technique[];
  analysers?: { model: string; serial?: string }[];
  url?: string;
}

export interface TechniqueRecord {
  pid: string;
  name?: string;
  description?: string;
  synonyms?: string[];
  ancestors?: string[];
}

export interface Publication {
  doi: string;
  status?: 'draft' | 'registered' | 'findable';
  title?: string;
  abstract?: string;
  creators?: Person[];
  publisher?: string;
  publicationYear?: number;
  resourceType?: string;
  pidArray?: string[];
  landingPage?: string;
}

export interface Annotation {
  id: string;
  datasetPid?: string;
  author?: Person;
  created?: string;
  comment?: string;
  rating?: number;
  image?: Attachment;
}

export interface Forge {
  /** e.g. `github`, `gitlab`, `gitea`. */
  kind?: string;
  url?: string;
  repo?: string;
  branch?: string;
  /** Folder of the catalogue inside the repository (default `catalog`). */
  catalogPath?: string;
}

export interface SiteConfig {
  facility?: { name: string; ror?: string; url?: string };
  siteBaseUrl?: string;
  pidPrefix?: string;
  doiPrefix?: string;
  publisher?: string;
  timeZone?: string;
  forge?: Forge;
  storage?: Record<string, unknown>;
}
