/**
 * The DataCite Metadata Schema 4.6 as data.
 *
 * The shape is the one the DataCite REST API takes as JSON:API `attributes`
 * (https://support.datacite.org/docs/api-create-dois), so DataCite JSON is this
 * object as it stands, and DataCite XML is one translation away
 * (datacite-xml.ts, datacite-xml-read.ts). It holds every property of kernel 4.6, including
 * relatedItems, geoLocations and xml:lang (as `lang`), so that every official
 * example reads into it and writes back out unchanged.
 *
 * Two places where XML can say more than the REST JSON shape: a geoLocation may
 * hold several polygons (kept as `geoLocationPolygons`), and a description may
 * contain `<br/>` (kept as a newline).
 */

/** A person's or organisation's identifier, e.g. an ORCID or ROR URL. */
export interface NameIdentifier {
  nameIdentifier: string;
  nameIdentifierScheme: string;
  schemeUri?: string;
}

/** An affiliation, with its ROR id when known. */
export interface Affiliation {
  name: string;
  affiliationIdentifier?: string;
  affiliationIdentifierScheme?: string;
  schemeUri?: string;
}

/** A creator (kernel 4.6 §2). */
export interface Creator {
  name: string;
  nameType?: 'Personal' | 'Organizational';
  /** xml:lang of creatorName. */
  lang?: string;
  givenName?: string;
  familyName?: string;
  nameIdentifiers?: NameIdentifier[];
  affiliation?: Affiliation[];
}

/** A contributor (kernel 4.6 §7): a creator with a role. */
export interface Contributor extends Creator {
  contributorType: string;
}

export interface Title {
  title: string;
  titleType?: 'AlternativeTitle' | 'Subtitle' | 'TranslatedTitle' | 'Other';
  lang?: string;
}

/** The publisher (an object since kernel 4.5). */
export interface Publisher {
  name: string;
  publisherIdentifier?: string;
  publisherIdentifierScheme?: string;
  schemeUri?: string;
  lang?: string;
}

export interface Types {
  /** Controlled list, e.g. `Dataset`. */
  resourceTypeGeneral: string;
  /** Free text, e.g. `Raw data`; may be empty. */
  resourceType?: string;
}

export interface Subject {
  subject: string;
  subjectScheme?: string;
  schemeUri?: string;
  valueUri?: string;
  classificationCode?: string;
  lang?: string;
}

export interface DateEntry {
  /** A date or a range `start/end` (RKMS-ISO 8601). */
  date: string;
  dateType: string;
  dateInformation?: string;
}

export interface AlternateIdentifier {
  alternateIdentifier: string;
  alternateIdentifierType: string;
}

export interface RelatedIdentifier {
  relatedIdentifier: string;
  relatedIdentifierType: string;
  relationType: string;
  resourceTypeGeneral?: string;
  relatedMetadataScheme?: string;
  schemeUri?: string;
  schemeType?: string;
}

export interface Rights {
  /** The licence name; may be empty when only the identifier is known. */
  rights?: string;
  rightsUri?: string;
  rightsIdentifier?: string;
  rightsIdentifierScheme?: string;
  schemeUri?: string;
  lang?: string;
}

export interface Description {
  /** Plain text; a `<br/>` in XML is a newline here. */
  description: string;
  descriptionType: string;
  lang?: string;
}

export interface GeoPoint {
  pointLongitude: number;
  pointLatitude: number;
}

export interface GeoBox {
  westBoundLongitude: number;
  eastBoundLongitude: number;
  southBoundLatitude: number;
  northBoundLatitude: number;
}

export interface GeoPolygon {
  /** At least four points, the last equal to the first. */
  polygonPoints: GeoPoint[];
  inPolygonPoint?: GeoPoint;
}

export interface GeoLocation {
  geoLocationPlace?: string;
  geoLocationPoint?: GeoPoint;
  geoLocationBox?: GeoBox;
  /** Kernel 4.6 allows several polygons per geoLocation. */
  geoLocationPolygons?: GeoPolygon[];
}

export interface FundingReference {
  funderName: string;
  funderIdentifier?: string;
  funderIdentifierType?: string;
  /** schemeURI of funderIdentifier. */
  schemeUri?: string;
  awardNumber?: string;
  awardUri?: string;
  awardTitle?: string;
}

/** A creator or contributor of a related item: name parts only (kernel 4.6 §20). */
export interface RelatedItemPerson {
  name: string;
  nameType?: 'Personal' | 'Organizational';
  lang?: string;
  givenName?: string;
  familyName?: string;
}

export interface RelatedItem {
  relationType: string;
  relatedItemType: string;
  relatedItemIdentifier?: {
    relatedItemIdentifier: string;
    relatedItemIdentifierType?: string;
    relatedMetadataScheme?: string;
    schemeURI?: string;
    schemeType?: string;
  };
  creators?: RelatedItemPerson[];
  titles?: Title[];
  publicationYear?: string;
  volume?: string;
  issue?: string;
  number?: string;
  numberType?: string;
  firstPage?: string;
  lastPage?: string;
  publisher?: string;
  edition?: string;
  contributors?: (RelatedItemPerson & { contributorType: string })[];
}

/** One DataCite record (kernel 4.6): the REST API's `attributes` plus `identifierType`. */
export interface DataciteRecord {
  /** The identifier (a DOI for DataCite; a Handle for a dataset without one). */
  doi: string;
  /** `DOI` unless stated; the XML `identifierType`. */
  identifierType?: string;
  creators: Creator[];
  titles: Title[];
  publisher: Publisher;
  publicationYear: string;
  types: Types;
  subjects?: Subject[];
  contributors?: Contributor[];
  dates?: DateEntry[];
  language?: string;
  alternateIdentifiers?: AlternateIdentifier[];
  relatedIdentifiers?: RelatedIdentifier[];
  sizes?: string[];
  formats?: string[];
  version?: string;
  rightsList?: Rights[];
  descriptions?: Description[];
  geoLocations?: GeoLocation[];
  fundingReferences?: FundingReference[];
  relatedItems?: RelatedItem[];
  /** The landing page; not part of the XML, sent to the REST API. */
  url?: string;
}

/** The namespace of kernel 4 (all 4.x versions share it). */
export const DATACITE_NS = 'http://datacite.org/schema/kernel-4';
/** Where kernel 4.6 is published, for xsi:schemaLocation. */
export const DATACITE_SCHEMA_LOCATION = 'http://datacite.org/schema/kernel-4 https://schema.datacite.org/meta/kernel-4.6/metadata.xsd';
