/* eslint-disable */
/**
 * GENERATED FILE, DO NOT EDIT.
 * Made by tools/core/generate-types.ts from schemas/*.schema.json.
 * After changing a schema, run: npm run gen:types
 */

/**
 * Any Shelfmark record.
 */
export type ShelfmarkRecord =
  | CatalogConfig
  | InstrumentRecord
  | TechniqueRecord
  | ProfileRecord
  | PublicationRecord
  | ProposalRecord
  | SampleRecord
  | DatasetRecord
  | AnnotationRecord;
/**
 * A physical dimension. The list must match the dimension names in tools/core/units.ts.
 */
export type Dimension =
  | 'energy'
  | 'length'
  | 'time'
  | 'temperature'
  | 'pressure'
  | 'angle'
  | 'frequency'
  | 'current'
  | 'voltage'
  | 'mass'
  | 'dimensionless'
  | 'count'
  | 'magnetic_field'
  | 'power'
  | 'area'
  | 'volume';
/**
 * One entry of a scientificMetadata or sampleCharacteristics tree: a quantity, a range, a plain value or a group of further entries.
 */
export type MetadataEntry = Quantity | MetadataRange | PlainValue | MetadataGroup;
/**
 * A metadata value without a unit: a scalar or an array of scalars.
 */
export type PlainValue = Scalar | Scalar[];
/**
 * A single string, number or boolean.
 */
export type Scalar = string | number | boolean;

/**
 * Facility-wide settings of a Shelfmark catalogue, in `catalog/config.json`. The top level is strict; to add a section, add one optional property here that references a new entry in `$defs`.
 */
export interface CatalogConfig {
  /**
   * Optional pointer to this schema, for editors.
   */
  $schema?: string;
  facility: FacilityConfig;
  /**
   * The public URL of the static site; landing-page URLs and DOI targets are built on it.
   */
  siteBaseUrl: string;
  /**
   * The handle (or DOI) prefix of dataset pids: `<pidPrefix>/<proposalId>/<name>`.
   */
  pidPrefix: string;
  /**
   * The DataCite prefix under which publications are minted (10.5072 is the DataCite test prefix).
   */
  doiPrefix: string;
  /**
   * The default DataCite publisher of publications.
   */
  publisher: string;
  /**
   * The SPDX licence ingest gives new datasets.
   */
  defaultLicense?: string;
  /**
   * How long raw data stays embargoed after its creation time, unless curated otherwise.
   */
  defaultEmbargoYears?: number;
  /**
   * How long the facility keeps the files after creation; sets a dataset's retentionUntil.
   */
  retentionYears?: number;
  /**
   * The facility's IANA time zone, used to resolve local times in instrument files. The validator checks the name with Intl.
   */
  timeZone: string;
  storage?: StorageConfig;
  forge?: ForgeConfig;
  /**
   * JSON pointers of dataset fields that may still change after a DOI was minted; every other field is frozen.
   *
   * Items: An RFC 6901 JSON pointer into a record, e.g. `/keywords` or `/scientificMetadata/sample_temperature`.
   */
  curationFields?: string[];
  /**
   * How many days after creation a raw dataset may still be edited freely by the ingest (re-harvest) before changes need curation.
   */
  rawGracePeriodDays?: number;
  ingest?: IngestConfig;
  datacite?: DataciteConfig;
}
/**
 * The facility that runs the catalogue.
 */
export interface FacilityConfig {
  /**
   * The facility's name.
   */
  name: string;
  /**
   * The facility's ROR id (DataCite publisher identifier).
   */
  ror?: string;
  /**
   * The facility's home page.
   */
  url?: string;
}
/**
 * URL templates for a dataset's files.
 */
export interface StorageConfig {
  /**
   * Template of a dataset's download URL.
   */
  downloadUrlTemplate?: string;
  /**
   * UUID of the Globus collection holding the files.
   */
  globusEndpoint?: string;
  /**
   * Template of a dataset's folder inside the Globus collection.
   */
  globusPathTemplate?: string;
}
/**
 * The git forge hosting the catalogue. With kind `none`, curation works on local branches only.
 */
export interface ForgeConfig {
  /**
   * The forge software.
   */
  kind: 'github' | 'gitlab' | 'gitea' | 'none';
  /**
   * The forge's base URL (the web UI, not the API).
   */
  url?: string;
  /**
   * `<owner>/<name>` of the catalogue repository (GitLab may use nested groups).
   */
  repository?: string;
  /**
   * The branch the site is published from.
   */
  branch?: string;
  /**
   * Template of the "edit this record" link; `{path}` is the record's path in the repository.
   */
  editUrlTemplate?: string;
}
/**
 * How ingest assigns files to proposals and instruments.
 */
export interface IngestConfig {
  /**
   * A JavaScript regular expression matched against a file's path; its named group `proposal` is the proposal id.
   */
  proposalPathPattern?: string;
  instrumentBySerial?: InstrumentMap;
  instrumentByName?: InstrumentMap;
  /**
   * The proposal for files whose path does not match proposalPathPattern (e.g. in-house commissioning).
   */
  defaultProposal?: string;
}
/**
 * Maps a string found in data files to an instrument id.
 */
export interface InstrumentMap {
  /**
   * The id of an instrument record (`catalog/instruments/<id>.json`): lower-case letters, digits and dashes.
   */
  [k: string]: string | undefined;
}
/**
 * DataCite REST API settings.
 */
export interface DataciteConfig {
  /**
   * The DataCite REST API base URL; the test system by default.
   */
  endpoint?: string;
  /**
   * A regular expression that every DOI suffix minted by this catalogue must match.
   */
  doiSuffixPattern?: string;
}
/**
 * An instrument or end station (SciCat Instrument). Stored at `catalog/instruments/<id>.json`, with an optional Markdown description in `<id>.md`.
 */
export interface InstrumentRecord {
  /**
   * Optional pointer to this schema, for editors.
   */
  $schema?: string;
  /**
   * The instrument's id; must match the file name.
   */
  id: string;
  /**
   * The instrument's display name.
   */
  name: string;
  /**
   * The facility that runs the instrument.
   */
  facility?: string;
  /**
   * The beamline (or neutron guide) the instrument sits on.
   */
  beamline?: string;
  /**
   * The techniques the instrument offers, as PaNET references.
   */
  techniques?: TechniqueRef[];
  /**
   * Detectors or analysers, by model and serial number, so that ingest can tell which instrument wrote a file.
   */
  analysers?: Analyser[];
  /**
   * The instrument's page on the facility web site.
   */
  url?: string;
}
/**
 * A technique used, by PaNET id and name (SciCat `techniques[]`).
 */
export interface TechniqueRef {
  /**
   * The PaNET id of the technique; a `catalog/techniques/<pid>.json` record must exist.
   */
  pid: string;
  /**
   * The PaNET label of the technique.
   */
  name: string;
}
/**
 * A detector or electron analyser of the instrument.
 */
export interface Analyser {
  /**
   * Who made it.
   */
  manufacturer?: string;
  /**
   * The model name as the instrument software writes it.
   */
  model: string;
  /**
   * The serial number as written into data files; config.ingest.instrumentBySerial maps it to this instrument.
   */
  serial: string;
}
/**
 * An entry of the technique vocabulary, taken from PaNET. Stored at `catalog/techniques/<pid>.json`.
 */
export interface TechniqueRecord {
  /**
   * Optional pointer to this schema, for editors.
   */
  $schema?: string;
  /**
   * The PaNET id; must match the file name.
   */
  pid: string;
  /**
   * The PaNET label.
   */
  name: string;
  /**
   * The PaNET definition, or a short explanation.
   */
  description?: string;
  /**
   * Alternative labels and abbreviations, for search.
   */
  synonyms?: string[];
  /**
   * PaNET ids of all broader techniques (transitive), so a search for a parent finds datasets of its children.
   *
   * Items: A technique id from the PaNET ontology (http://purl.org/pan-science/PaNET/), e.g. PaNET01204 for x-ray photoelectron spectroscopy.
   */
  ancestors?: string[];
}
/**
 * What scientificMetadata a kind of dataset must or may carry, with dimensions, units and plausible ranges. Stored at `catalog/profiles/<id>.json`.
 */
export interface ProfileRecord {
  /**
   * Optional pointer to this schema, for editors.
   */
  $schema?: string;
  /**
   * The profile's id; must match the file name and is what datasets name in metadataProfile.
   */
  id: string;
  /**
   * The profile's display name.
   */
  name: string;
  /**
   * What the profile is for, in Markdown.
   */
  description?: string;
  /**
   * Which datasets the profile is chosen for by default, when they do not name one.
   */
  appliesTo?: {
    /**
     * PaNET ids; a dataset using one of them (or a narrower technique) gets this profile.
     *
     * Items: A technique id from the PaNET ontology (http://purl.org/pan-science/PaNET/), e.g. PaNET01204 for x-ray photoelectron spectroscopy.
     */
    techniques?: string[];
    /**
     * Instrument ids whose datasets get this profile.
     *
     * Items: The id of an instrument record (`catalog/instruments/<id>.json`): lower-case letters, digits and dashes.
     */
    instruments?: string[];
  };
  /**
   * The metadata entries the profile knows about.
   *
   * @minItems 1
   */
  fields: [ProfileField, ...ProfileField[]];
}
/**
 * One metadata entry: where it is, whether it is required, and its dimension or exact unit.
 */
export interface ProfileField {
  /**
   * The `/`-separated path of the entry inside scientificMetadata.
   */
  key: string;
  /**
   * The human-readable name, shown on landing pages and search facets.
   */
  name: string;
  /**
   * What the entry means and how it was measured.
   */
  description?: string;
  /**
   * Whether a dataset using this profile must have the entry.
   */
  required: boolean;
  dimension?: Dimension;
  /**
   * The value must be a quantity in exactly this unit. Give dimension or unit, not both.
   */
  unit?: string;
  range?: ProfileRange;
  /**
   * Keys that source files use for this entry; ingest maps them to key.
   */
  aliases?: string[];
}
/**
 * Limits outside which a value is reported (at least one of min and max).
 */
export interface ProfileRange {
  /**
   * The smallest plausible value, in unit.
   */
  min?: number;
  /**
   * The largest plausible value, in unit.
   */
  max?: number;
  /**
   * The unit of min and max; values in other units of the same dimension are converted before comparing.
   */
  unit: string;
}
/**
 * A DOI-registered collection of datasets (SciCat PublishedData), shaped after DataCite Metadata Schema 4.6. Stored at `catalog/publications/<doi suffix>.json`.
 */
export interface PublicationRecord {
  /**
   * Optional pointer to this schema, for editors.
   */
  $schema?: string;
  /**
   * The DOI; its suffix must match the file name.
   */
  doi: string;
  /**
   * DataCite state: `draft` (reserved, not resolvable), `registered` (resolvable, not in search), `findable` (resolvable and indexed). A DOI never goes back to draft.
   */
  status: 'draft' | 'registered' | 'findable';
  /**
   * The title of the publication.
   */
  title: string;
  /**
   * Abstract in Markdown (DataCite description of type Abstract).
   */
  abstract?: string;
  /**
   * The authors, in citation order.
   *
   * @minItems 1
   */
  creators: [Person, ...Person[]];
  /**
   * The publisher, usually the facility (defaults to config.publisher).
   */
  publisher: string;
  /**
   * The year the DOI was (or will be) made public.
   */
  publicationYear: number;
  /**
   * A free-text resource type (DataCite resourceType; resourceTypeGeneral is Dataset).
   */
  resourceType?: string;
  /**
   * Pids of the member datasets (SciCat pidArray); each must exist.
   *
   * @minItems 1
   *
   * Items: A dataset's persistent identifier `<pidPrefix>/<proposalId>/<name>`, where the prefix is a handle or DOI prefix (see tools/core/layout.ts).
   */
  pidArray: [string, ...string[]];
  /**
   * Subjects or keywords (DataCite subjects): a plain string is a keyword without a scheme.
   */
  subjects?: (string | Subject)[];
  /**
   * Dates relevant to the work (DataCite dates).
   */
  dates?: PublicationDate[];
  /**
   * Free-text sizes (DataCite sizes).
   */
  sizes?: string[];
  /**
   * File formats, as media types or names (DataCite formats).
   */
  formats?: string[];
  /**
   * Licences of the publication (DataCite rightsList): a bare SPDX id as shorthand for one licence, or a list of rights statements.
   */
  rights?: string | Rights[];
  /**
   * Further descriptions beyond the abstract (DataCite descriptions; SciCat dataDescription).
   */
  descriptions?: PublicationDescription[];
  /**
   * Links to related works (DataCite relatedIdentifiers; SciCat relatedPublications).
   */
  relatedIdentifiers?: RelatedIdentifier[];
  /**
   * Grants that funded the work.
   */
  fundingReferences?: FundingReference[];
  /**
   * Version of this publication; a new version gets a new DOI sharing conceptDoi.
   */
  version?: string;
  /**
   * A DOI that always resolves to the latest version.
   */
  conceptDoi?: string;
  /**
   * When the DOI was registered with DataCite (required once status is registered or findable).
   */
  registeredTime?: string;
  /**
   * The URL the DOI resolves to (SciCat url); normally derived from siteBaseUrl and the DOI.
   */
  landingPage?: string;
}
/**
 * A person: a creator, principal investigator, proposal member or annotation author.
 */
export interface Person {
  /**
   * The name as it should be printed, e.g. in a citation.
   */
  name: string;
  /**
   * Given (first) name(s), for citation formats that need them apart.
   */
  givenName?: string;
  /**
   * Family (last) name, for citation formats that need it apart.
   */
  familyName?: string;
  /**
   * The person's bare ORCID iD (checksum-validated by the validator).
   */
  orcid?: string;
  /**
   * Contact address. Not published on public pages unless the person is the dataset contact.
   */
  email?: string;
  affiliation?: Affiliation;
}
/**
 * An organisation a person works for, named and optionally identified by its ROR id.
 */
export interface Affiliation {
  /**
   * The organisation's name as it should be printed.
   */
  name: string;
  /**
   * The organisation's ROR id, used for DataCite affiliation identifiers.
   */
  ror?: string;
}
/**
 * A subject, keyword or classification code.
 */
export interface Subject {
  /**
   * The subject term.
   */
  subject: string;
  /**
   * The vocabulary the term comes from.
   */
  subjectScheme?: string;
  /**
   * The URI of the vocabulary.
   */
  schemeUri?: string;
  /**
   * The URI of the term.
   */
  valueUri?: string;
}
/**
 * A dated event in the life of the work.
 */
export interface PublicationDate {
  /**
   * A year, date or date-time, or a range of them separated by `/` (RKMS-ISO8601, as DataCite accepts).
   */
  date: string;
  /**
   * What the date means (DataCite dateType).
   */
  dateType:
    | 'Accepted'
    | 'Available'
    | 'Collected'
    | 'Copyrighted'
    | 'Coverage'
    | 'Created'
    | 'Issued'
    | 'Other'
    | 'Submitted'
    | 'Updated'
    | 'Valid'
    | 'Withdrawn';
  /**
   * Free text about the date.
   */
  dateInformation?: string;
}
/**
 * A licence statement.
 */
export interface Rights {
  /**
   * The SPDX licence id.
   */
  rightsIdentifier: string;
  /**
   * The scheme of rightsIdentifier; SPDX when absent.
   */
  rightsIdentifierScheme?: string;
  /**
   * The licence name.
   */
  rights?: string;
  /**
   * The licence text URL.
   */
  rightsUri?: string;
}
/**
 * A typed description.
 */
export interface PublicationDescription {
  /**
   * The description text (plain text or Markdown).
   */
  description: string;
  /**
   * The kind of description (DataCite descriptionType).
   */
  descriptionType: 'Abstract' | 'Methods' | 'SeriesInformation' | 'TableOfContents' | 'TechnicalInfo' | 'Other';
}
/**
 * A typed link to a related work.
 */
export interface RelatedIdentifier {
  /**
   * The identifier of the related work.
   */
  relatedIdentifier: string;
  /**
   * The scheme of the identifier (DataCite relatedIdentifierType).
   */
  relatedIdentifierType:
    | 'ARK'
    | 'arXiv'
    | 'bibcode'
    | 'CSTR'
    | 'DOI'
    | 'EAN13'
    | 'EISSN'
    | 'Handle'
    | 'IGSN'
    | 'ISBN'
    | 'ISSN'
    | 'ISTC'
    | 'LISSN'
    | 'LSID'
    | 'PMID'
    | 'PURL'
    | 'RRID'
    | 'UPC'
    | 'URL'
    | 'URN'
    | 'w3id';
  /**
   * How this publication relates to the other work (DataCite relationType).
   */
  relationType:
    | 'IsCitedBy'
    | 'Cites'
    | 'IsSupplementTo'
    | 'IsSupplementedBy'
    | 'IsContinuedBy'
    | 'Continues'
    | 'IsNewVersionOf'
    | 'IsPreviousVersionOf'
    | 'IsPartOf'
    | 'HasPart'
    | 'IsPublishedIn'
    | 'IsReferencedBy'
    | 'References'
    | 'IsDocumentedBy'
    | 'Documents'
    | 'IsCompiledBy'
    | 'Compiles'
    | 'IsVariantFormOf'
    | 'IsOriginalFormOf'
    | 'IsIdenticalTo'
    | 'HasMetadata'
    | 'IsMetadataFor'
    | 'Reviews'
    | 'IsReviewedBy'
    | 'IsDerivedFrom'
    | 'IsSourceOf'
    | 'Describes'
    | 'IsDescribedBy'
    | 'HasVersion'
    | 'IsVersionOf'
    | 'Requires'
    | 'IsRequiredBy'
    | 'Obsoletes'
    | 'IsObsoletedBy'
    | 'Collects'
    | 'IsCollectedBy'
    | 'HasTranslation'
    | 'IsTranslationOf';
}
/**
 * A grant that funded the work (DataCite fundingReference).
 */
export interface FundingReference {
  /**
   * The name of the funding organisation.
   */
  funderName: string;
  /**
   * An identifier of the funder, in the scheme given by funderIdentifierType.
   */
  funderIdentifier?: string;
  /**
   * The scheme of funderIdentifier (DataCite controlled list).
   */
  funderIdentifierType?: 'ISNI' | 'GRID' | 'ROR' | 'Crossref Funder ID' | 'Other';
  /**
   * The grant number assigned by the funder.
   */
  awardNumber?: string;
  /**
   * The title of the grant.
   */
  awardTitle?: string;
}
/**
 * A beamtime proposal (SciCat Proposal). Stored at `catalog/proposals/<bb>/<proposalId>.json`.
 */
export interface ProposalRecord {
  /**
   * Optional pointer to this schema, for editors.
   */
  $schema?: string;
  /**
   * The id issued by the user office; must match the file name.
   */
  proposalId: string;
  /**
   * The proposal title.
   */
  title: string;
  /**
   * The proposal abstract in Markdown.
   */
  abstract?: string;
  pi: Person;
  /**
   * Other members of the proposal team.
   */
  members?: Person[];
  /**
   * Start of the (first) allocated beamtime.
   */
  startTime?: string;
  /**
   * End of the (last) allocated beamtime.
   */
  endTime?: string;
  /**
   * The instruments allocated to the proposal (SciCat MeasurementPeriodList[].instrument).
   *
   * Items: The id of an instrument record (`catalog/instruments/<id>.json`): lower-case letters, digits and dashes.
   */
  instrumentIds?: string[];
  /**
   * The access route, as the user office names it.
   */
  type?: string;
  /**
   * Grants that funded the proposal; copied into DataCite metadata of its publications.
   */
  fundingReferences?: FundingReference[];
}
/**
 * A physical sample (SciCat Sample). Stored at `catalog/samples/<bb>/<sampleId>.json`.
 */
export interface SampleRecord {
  /**
   * Optional pointer to this schema, for editors.
   */
  $schema?: string;
  /**
   * The sample's id; must match the file name.
   */
  sampleId: string;
  /**
   * A short human-readable name.
   */
  name: string;
  /**
   * How the sample was made and handled, in Markdown.
   */
  description?: string;
  sampleCharacteristics?: ScientificMetadata;
  /**
   * The proposal the sample was brought for; a proposal record must exist.
   */
  proposalId?: string;
}
/**
 * A free-form tree of metadata entries (SciCat `scientificMetadata`). Keys may not contain `/`, because profiles address entries by `/`-separated paths.
 */
export interface ScientificMetadata {
  [k: string]: MetadataEntry | undefined;
}
/**
 * A measured or set value, usually with a unit (SciCat scientificMetadata convention). `valueSI`/`unitSI` hold the value converted to SI base units, for search.
 */
export interface Quantity {
  value: PlainValue;
  /**
   * The unit of `value`, in the notation of tools/core/units.ts (e.g. eV, K, mbar, um, deg). Empty or absent for dimensionless values.
   */
  unit?: string;
  /**
   * The human-readable name shown on landing pages; the key is used when absent.
   */
  name?: string;
  /**
   * The value converted to SI base units (computed at ingest, used for range search).
   */
  valueSI?: number | number[];
  /**
   * The SI unit of `valueSI`, written in base units.
   */
  unitSI?: string;
}
/**
 * An interval such as a scanned energy window: `min` to `max` in one unit.
 */
export interface MetadataRange {
  /**
   * The lower end of the range.
   */
  min: number;
  /**
   * The upper end of the range.
   */
  max: number;
  /**
   * The unit of `min` and `max`.
   */
  unit?: string;
  /**
   * The human-readable name shown on landing pages.
   */
  name?: string;
}
/**
 * A named group of further metadata entries (e.g. one analyser region). It may not use the keys `value`, `min` or `max`, which would make it a quantity or range.
 */
export interface MetadataGroup {
  [k: string]: MetadataEntry | undefined;
}
/**
 * A raw or derived dataset (SciCat Dataset). Stored at `catalog/datasets/<bb>/<proposalId>/<name>.json`; its pid is `<pidPrefix>/<proposalId>/<name>`.
 */
export interface DatasetRecord {
  /**
   * Optional pointer to this schema, for editors.
   */
  $schema?: string;
  /**
   * `<pidPrefix>/<proposalId>/<name>`; the proposal and name parts must match the file's place in the catalogue.
   */
  pid: string;
  /**
   * `raw` for data as recorded by an instrument, `derived` for data computed from other datasets.
   */
  type: 'raw' | 'derived';
  /**
   * A short human-readable title, shown as the landing page heading.
   */
  datasetName: string;
  /**
   * A longer description in Markdown (GitHub-flavoured, sanitised when rendered).
   */
  description?: string;
  /**
   * When the dataset was created: for raw data the end of acquisition or file write time, for derived data when it was computed.
   */
  creationTime: string;
  /**
   * When the measurement started.
   */
  startTime?: string;
  /**
   * When the measurement ended.
   */
  endTime?: string;
  /**
   * The people who created the dataset, in citation order (SciCat v3 `investigator`/`owner`; DataCite creators).
   *
   * @minItems 1
   */
  creators?: [Person, ...Person[]];
  /**
   * The principal investigator(s) of the experiment (SciCat v4 `principalInvestigators`, v3 `principalInvestigator`).
   *
   * @minItems 1
   */
  principalInvestigators?: [Person, ...Person[]];
  /**
   * Where to write with questions about the dataset; shown on the landing page.
   */
  contactEmail?: string;
  /**
   * The proposal the dataset belongs to; a proposal record must exist.
   */
  proposalId: string;
  /**
   * The samples measured (SciCat v4 `sampleIds`, v3 `sampleId`); each must have a sample record.
   *
   * Items: A sample identifier; it is also a file name, so letters, digits, `.`, `_` and `-` only.
   */
  sampleIds?: string[];
  /**
   * The instrument that recorded the data; an instrument record must exist.
   */
  instrumentId?: string;
  /**
   * The techniques used, as PaNET references.
   */
  techniques?: TechniqueRef[];
  /**
   * Free keywords for search and DataCite subjects.
   */
  keywords?: string[];
  /**
   * The licence the data is published under, as an SPDX id.
   */
  license: string;
  access: DatasetAccess;
  /**
   * The format of the data files (SciCat `dataFormat`), used for DataCite formats and the landing page.
   */
  dataFormat?: string;
  /**
   * How many files the dataset holds.
   */
  numberOfFiles?: number;
  /**
   * The total size of the files in bytes.
   */
  size?: number;
  files?: FileManifest;
  /**
   * Where the files are on facility storage (absolute path on sourceFolderHost).
   */
  sourceFolder?: string;
  /**
   * The host or file system that holds sourceFolder.
   */
  sourceFolderHost?: string;
  storage?: DatasetStorage;
  scientificMetadata?: ScientificMetadata;
  /**
   * The profile that scientificMetadata is checked against; a profile record must exist.
   */
  metadataProfile?: string;
  /**
   * Pids of the datasets this derived dataset was computed from.
   *
   * @minItems 1
   *
   * Items: A dataset's persistent identifier `<pidPrefix>/<proposalId>/<name>`, where the prefix is a handle or DOI prefix (see tools/core/layout.ts).
   */
  inputDatasets?: [string, ...string[]];
  /**
   * The software used to derive the data: names with versions, or URLs/DOIs.
   *
   * @minItems 1
   */
  usedSoftware?: [string, ...string[]];
  /**
   * Typed links to other datasets or works (SciCat v4 `relationships`).
   */
  relationships?: DatasetRelationship[];
  /**
   * The DOI of the publication that includes this dataset, once minted. Curation is then limited to config.curationFields.
   */
  doi?: string;
  /**
   * The date until which the facility keeps the files (SciCat datasetlifecycle.archiveRetentionTime).
   */
  retentionUntil?: string;
  /**
   * Quick-look plots and images, stored in the dataset's attachments folder.
   */
  attachments?: Attachment[];
  provenance?: DatasetProvenance;
}
/**
 * Access status of the data files. The metadata record itself is always public.
 */
export interface DatasetAccess {
  /**
   * `public`: downloadable now; `embargoed`: downloadable from embargoedUntil; `restricted`: on request only.
   */
  status: 'public' | 'embargoed' | 'restricted';
  /**
   * When the embargo ends (required when status is embargoed). A date means the start of that day in the facility time zone.
   */
  embargoedUntil?: string;
  /**
   * Why access is embargoed or restricted, shown on the landing page.
   */
  reason?: string;
}
/**
 * The files of a dataset with their checksums (SciCat OrigDatablock). The digest length must match chkAlg.
 */
export interface FileManifest {
  /**
   * The hash algorithm of every `chk` in dataFileList.
   */
  chkAlg: 'sha256' | 'sha512' | 'sha1' | 'md5';
  /**
   * The files, in stable (sorted by path) order.
   */
  dataFileList: FileEntry[];
}
/**
 * One file of a dataset (SciCat OrigDatablock `dataFileList[]`).
 */
export interface FileEntry {
  /**
   * Path of the file relative to the dataset's sourceFolder.
   */
  path: string;
  /**
   * Size of the file in bytes.
   */
  size: number;
  /**
   * Lower-case hex digest of the file, computed with the manifest's chkAlg.
   */
  chk: string;
  /**
   * Last modification time of the file.
   */
  time?: string;
}
/**
 * Where the files can be fetched.
 */
export interface DatasetStorage {
  /**
   * A URL that downloads the files (or an archive of them).
   */
  downloadUrl?: string;
  /**
   * A Globus collection and path holding the files.
   */
  globus?: {
    /**
     * The UUID of the Globus collection.
     */
    endpoint: string;
    /**
     * The absolute path of the dataset's folder inside the collection.
     */
    path: string;
  };
}
/**
 * A typed link from this dataset to another dataset or work.
 */
export interface DatasetRelationship {
  /**
   * A dataset pid, DOI or URL of the related object.
   */
  pid: string;
  /**
   * How this dataset relates to the other, preferably a DataCite relationType.
   */
  relationship: string;
}
/**
 * An image or plot shown with a record (SciCat Attachment). For datasets the path is relative to the dataset's attachments folder (tools/core/layout.ts attachmentDir); for annotations, to the annotation's folder.
 */
export interface Attachment {
  /**
   * Where the file is, relative to the record's attachments folder.
   */
  path: string;
  /**
   * A caption that also serves as the image's alternative text.
   */
  caption: string;
  /**
   * The file's media type.
   */
  mediaType: string;
}
/**
 * Harvest information written by the ingest pipeline. Deliberately loose: known keys are typed, other keys are allowed so the pipeline can record what it needs.
 */
export interface DatasetProvenance {
  /**
   * The program that wrote the record.
   */
  tool?: string;
  /**
   * The version of that program.
   */
  toolVersion?: string;
  /**
   * The instrument-format translator that read the source files.
   */
  translator?: string;
  /**
   * When the record was harvested.
   */
  harvestTime?: string;
  /**
   * The files read to make the record, with hashes.
   */
  sourceFiles?: ProvenanceSourceFile[];
  /**
   * The start time exactly as the source file wrote it, before time-zone resolution.
   */
  rawStartTime?: string;
  /**
   * The IANA time zone used to resolve local times in the source.
   */
  timeZone?: string;
  /**
   * Problems the ingest noticed but could work around.
   */
  warnings?: (
    | string
    | {
        /**
         * What the ingest noticed.
         */
        message: string;
        [k: string]: unknown | undefined;
      }
  )[];
  [k: string]: unknown | undefined;
}
/**
 * A file the ingest pipeline read to make this record.
 */
export interface ProvenanceSourceFile {
  /**
   * The path of the file as the ingest saw it (relative to the scanned root where possible).
   */
  path: string;
  /**
   * Lower-case hex SHA-256 of the file, to detect re-harvests of changed files.
   */
  sha256?: string;
  /**
   * Size of the file in bytes.
   */
  size?: number;
  [k: string]: unknown | undefined;
}
/**
 * A comment, rating or image attached to a dataset by a user. Stored at `catalog/annotations/<bb>/<proposalId>/<name>/<a>.json`.
 */
export interface AnnotationRecord {
  /**
   * Optional pointer to this schema, for editors.
   */
  $schema?: string;
  /**
   * `<proposalId>/<dataset name>/<annotation name>`; must match the file's place.
   */
  id: string;
  /**
   * The dataset annotated; its proposal and name must match the id.
   */
  datasetPid: string;
  author: Person;
  /**
   * When the annotation was written.
   */
  created: string;
  /**
   * The comment in Markdown (sanitised when rendered).
   */
  comment?: string;
  /**
   * A quality rating from 1 (unusable) to 5 (excellent).
   */
  rating?: number;
  image?: Attachment;
}
