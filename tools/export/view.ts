/**
 * What the exporters take as input: a record plus the records it points to,
 * already resolved by the caller (the site build or `shelfmark publish`), so
 * every exporter is a pure function of its view.
 *
 * The record interfaces below list only the fields the exporters read, with the
 * names fixed by schemas/README.md. They are deliberately loose (most fields
 * optional) so the generated record types (tools/core/types.generated.ts) are
 * assignable to them.
 */

/** A person as the schemas define it. */
export interface PersonRecord {
  name: string;
  givenName?: string;
  familyName?: string;
  /** Bare ORCID id, e.g. `0000-0002-1825-0097`. */
  orcid?: string;
  email?: string;
  affiliation?: { name: string; ror?: string };
}

/** A `{pid, name}` technique reference (PaNET id and label). */
export interface TechniqueRef {
  pid: string;
  name: string;
}

/** A leaf or group of `scientificMetadata`; see schemas/README.md. */
export type MetadataValue = string | number | boolean | null | readonly (string | number | boolean)[];
export type MetadataEntry = MetadataValue | { readonly [key: string]: unknown };

export interface FundingRecord {
  funderName: string;
  funderIdentifier?: string;
  funderIdentifierType?: string;
  awardNumber?: string;
  awardTitle?: string;
}

export interface DatasetRecord {
  pid: string;
  type?: 'raw' | 'derived' | string;
  datasetName?: string;
  description?: string;
  /** Format of the data files, e.g. `NeXus/HDF5` (DataCite formats). */
  dataFormat?: string;
  creationTime?: string;
  startTime?: string;
  endTime?: string;
  creators?: PersonRecord[];
  principalInvestigators?: PersonRecord[];
  contactEmail?: string;
  proposalId?: string;
  sampleIds?: string[];
  instrumentId?: string;
  techniques?: TechniqueRef[];
  keywords?: string[];
  license?: string;
  access?: { status: 'public' | 'embargoed' | 'restricted' | string; embargoedUntil?: string; reason?: string };
  numberOfFiles?: number;
  size?: number;
  files?: { chkAlg?: string; dataFileList?: { path: string; size?: number; chk?: string; time?: string }[] };
  storage?: { downloadUrl?: string; globus?: { endpoint: string; path: string } };
  scientificMetadata?: Record<string, unknown>;
  inputDatasets?: string[];
  usedSoftware?: string[];
  relationships?: { pid: string; relationship: string }[];
  doi?: string;
}

export interface ProposalRecord {
  proposalId: string;
  title?: string;
  abstract?: string;
  pi?: PersonRecord;
  fundingReferences?: FundingRecord[];
}

export interface SampleRecord {
  sampleId: string;
  name?: string;
  description?: string;
}

export interface InstrumentRecord {
  id: string;
  name?: string;
  facility?: string;
  beamline?: string;
  url?: string;
}

export interface TechniqueRecord {
  pid: string;
  name?: string;
  description?: string;
}

/** Publication fields may be given DataCite-style (objects) or as plain strings. */
export interface PublicationRecord {
  doi: string;
  status?: 'draft' | 'registered' | 'findable' | string;
  title?: string;
  abstract?: string;
  creators?: PersonRecord[];
  publisher?: string | { name: string; ror?: string };
  publicationYear?: number | string;
  resourceType?: string;
  pidArray?: string[];
  subjects?: (string | { subject: string; subjectScheme?: string; schemeUri?: string; valueUri?: string; lang?: string })[];
  dates?: { date: string; dateType: string; dateInformation?: string }[];
  sizes?: string[];
  formats?: string[];
  rights?: string | { rights?: string; rightsUri?: string; rightsIdentifier?: string; rightsIdentifierScheme?: string }[];
  descriptions?: { description: string; descriptionType: string; lang?: string }[];
  relatedIdentifiers?: { relatedIdentifier: string; relatedIdentifierType: string; relationType: string; resourceTypeGeneral?: string }[];
  fundingReferences?: FundingRecord[];
  version?: string;
  conceptDoi?: string;
  registeredTime?: string;
  landingPage?: string;
}

export interface ConfigRecord {
  facility?: { name: string; ror?: string; url?: string };
  /** Base of the public site; without it exports carry no landing-page URL. */
  siteBaseUrl?: string;
  pidPrefix?: string;
  doiPrefix?: string;
  publisher?: string | { name: string; ror?: string };
}

import type { GeoLocation } from './datacite-model.ts';

/** A dataset and everything its exports mention. */
export interface DatasetView {
  dataset: DatasetRecord;
  config: ConfigRecord;
  proposal?: ProposalRecord;
  instrument?: InstrumentRecord;
  samples?: SampleRecord[];
  /** Technique records for the dataset's PaNET ids (for descriptions); the `{pid, name}` refs suffice otherwise. */
  techniques?: TechniqueRecord[];
  /** Publications that include this dataset (IsPartOf). */
  publications?: Pick<PublicationRecord, 'doi' | 'title'>[];
  /** Datasets derived from this one (IsSourceOf). */
  derived?: Pick<DatasetRecord, 'pid' | 'doi'>[];
  /** Where the data were taken (e.g. the facility's site), when the caller knows it. */
  geoLocations?: GeoLocation[];
}

/** A publication and the datasets it holds. */
export interface PublicationView {
  publication: PublicationRecord;
  config: ConfigRecord;
  /** The member datasets, when resolved (for formats, sizes, keywords). */
  datasets?: DatasetRecord[];
  /** Other versions sharing the concept DOI (HasVersion on the concept record). */
  versions?: Pick<PublicationRecord, 'doi' | 'version'>[];
  /** Where the data were taken, when the caller knows it. */
  geoLocations?: GeoLocation[];
}
