/**
 * schema.org `Dataset` JSON-LD for landing pages and the `schema-org.jsonld`
 * export, shaped for Google Dataset Search: the required properties (name,
 * description of 50–5000 characters) and the recommended ones
 * (https://developers.google.com/search/docs/appearance/structured-data/dataset).
 *
 * {@link jsonLdForScript} is the only safe way to put the result in a
 * `<script type="application/ld+json">` element.
 */
import {
  datasetCreators,
  datasetLandingUrl,
  datasetMediaTypes,
  datasetYear,
  doiUrl,
  handleUrl,
  markdownToPlainText,
  metadataLeaves,
  orcidUrl,
  publicationLandingUrl,
  publisherOf,
  rorUrl,
  spdxUrl,
  yearOf,
} from './common.ts';
import { PANET_BASE } from './datacite-from-records.ts';
import type { GeoLocation } from './datacite-model.ts';
import type { ConfigRecord, DatasetView, FundingRecord, PersonRecord, PublicationView, TechniqueRef } from './view.ts';

/** A JSON-LD object (plain JSON). */
export type JsonLd = { [key: string]: unknown };

/** Google Dataset Search ignores descriptions outside this range of characters. */
export const DESCRIPTION_MIN = 50;
export const DESCRIPTION_MAX = 5000;

/** Fits a description into 50–5000 characters: short ones are completed with `context`, long ones cut at a word with "…". */
export function fitDescription(text: string | undefined, context: string): string {
  let d = (text ?? '').trim();
  if (d.length < DESCRIPTION_MIN) d = d ? `${d}${/[.!?]$/.test(d) ? '' : '.'} ${context}` : context;
  // Still short (little is known about the record): say what it is in full.
  if (d.length < DESCRIPTION_MIN) d = `${d} This record describes a dataset held in a Shelfmark data catalogue.`;
  if (d.length > DESCRIPTION_MAX) {
    const cut = d.slice(0, DESCRIPTION_MAX - 1);
    const space = cut.lastIndexOf(' ');
    d = `${space > DESCRIPTION_MAX - 200 ? cut.slice(0, space) : cut}…`;
  }
  return d;
}

function person(p: PersonRecord): JsonLd {
  const out: JsonLd = { '@type': 'Person' };
  if (p.orcid) out['@id'] = orcidUrl(p.orcid);
  // Google reads a person's identity from sameAs; JSON-LD consumers from @id.
  if (p.orcid) out.sameAs = orcidUrl(p.orcid);
  out.name = p.name;
  if (p.givenName) out.givenName = p.givenName;
  if (p.familyName) out.familyName = p.familyName;
  if (p.affiliation) out.affiliation = organisation(p.affiliation.name, p.affiliation.ror);
  return out;
}

function organisation(name: string, ror?: string, url?: string): JsonLd {
  const out: JsonLd = { '@type': 'Organization' };
  if (ror) out['@id'] = rorUrl(ror);
  out.name = name;
  if (url) out.url = url;
  return out;
}

function technique(t: TechniqueRef): JsonLd {
  return { '@type': 'DefinedTerm', name: t.name, termCode: t.pid, url: `${PANET_BASE}${t.pid}`, inDefinedTermSet: PANET_BASE };
}

/** A DataCite geoLocation as a schema.org Place (point as GeoCoordinates, box as a GeoShape "S W N E"). */
function place(g: GeoLocation): JsonLd {
  const out: JsonLd = { '@type': 'Place' };
  if (g.geoLocationPlace) out.name = g.geoLocationPlace;
  if (g.geoLocationPoint)
    out.geo = { '@type': 'GeoCoordinates', latitude: g.geoLocationPoint.pointLatitude, longitude: g.geoLocationPoint.pointLongitude };
  else if (g.geoLocationBox) {
    const b = g.geoLocationBox;
    out.geo = { '@type': 'GeoShape', box: `${b.southBoundLatitude} ${b.westBoundLongitude} ${b.northBoundLatitude} ${b.eastBoundLongitude}` };
  }
  return out;
}

function funder(f: FundingRecord): JsonLd {
  const out: JsonLd = { '@type': 'Organization', name: f.funderName };
  if (f.funderIdentifier) out.identifier = f.funderIdentifier;
  return out;
}

function catalogue(config: ConfigRecord): JsonLd | undefined {
  if (!config.siteBaseUrl) return undefined;
  const owner = publisherOf(config);
  return { '@type': 'DataCatalog', name: `${owner.name} data catalogue`, url: config.siteBaseUrl };
}

/** Removes undefined values and empty arrays, so absent facts are absent rather than null. */
function prune(o: JsonLd): JsonLd {
  for (const [k, v] of Object.entries(o)) if (v === undefined || (Array.isArray(v) && v.length === 0)) delete o[k];
  return o;
}

/** The schema.org Dataset JSON-LD of a dataset's landing page. */
export function datasetToSchemaOrg(view: DatasetView): JsonLd {
  const { dataset: d, config } = view;
  const url = datasetLandingUrl(config, d.pid);
  const name = d.datasetName ?? d.pid;
  const techniques = d.techniques ?? [];
  const instrument = view.instrument;
  const context = [
    `${d.type === 'derived' ? 'Derived' : 'Raw'} data "${name}"`,
    techniques.length ? ` measured by ${techniques.map((t) => t.name).join(', ')}` : '',
    instrument ? ` on ${instrument.name ?? instrument.id}` : '',
    config.facility ? ` at ${config.facility.name}` : '',
    '.',
  ].join('');
  const leaves = metadataLeaves(d.scientificMetadata);
  const pub = publisherOf(config);
  const mediaTypes = datasetMediaTypes(d);
  const size = d.size;
  const free = (d.access?.status ?? 'public') === 'public';

  return prune({
    '@context': 'https://schema.org/',
    '@type': 'Dataset',
    '@id': url ?? (d.doi ? doiUrl(d.doi) : handleUrl(d.pid)),
    name,
    description: fitDescription(d.description && markdownToPlainText(d.description), context),
    url,
    identifier: [...(d.doi ? [doiUrl(d.doi)] : []), handleUrl(d.pid)],
    sameAs: d.doi ? doiUrl(d.doi) : undefined,
    // As in DataCite: with no person named, the facility is the creator.
    creator: datasetCreators(d).length
      ? datasetCreators(d).map(person)
      : config.facility
        ? [organisation(config.facility.name, config.facility.ror, config.facility.url)]
        : [],
    publisher: organisation(pub.name, pub.ror, config.facility?.url),
    provider: config.facility ? organisation(config.facility.name, config.facility.ror, config.facility.url) : undefined,
    datePublished: d.access?.embargoedUntil ?? d.creationTime ?? datasetYear(d),
    dateCreated: d.creationTime,
    temporalCoverage: d.startTime ? `${d.startTime}/${d.endTime ?? '..'}` : undefined,
    license: d.license ? spdxUrl(d.license) : undefined,
    isAccessibleForFree: free,
    keywords: [...(d.keywords ?? []), ...techniques.map((t) => t.name)],
    measurementTechnique: techniques.map(technique),
    variableMeasured: leaves.map((l) =>
      prune({
        '@type': 'PropertyValue',
        name: l.name ?? l.key,
        propertyID: l.key,
        value: l.value,
        minValue: l.min,
        maxValue: l.max,
        unitText: l.unit,
      }),
    ),
    distribution:
      free && d.storage?.downloadUrl
        ? [
            prune({
              '@type': 'DataDownload',
              contentUrl: d.storage.downloadUrl,
              encodingFormat: d.dataFormat ?? mediaTypes[0],
              contentSize: size !== undefined ? `${size} B` : undefined,
            }),
          ]
        : undefined,
    includedInDataCatalog: catalogue(config),
    isPartOf: (view.publications ?? []).map((p) => prune({ '@type': 'Dataset', '@id': doiUrl(p.doi), name: p.title })),
    isBasedOn: (d.inputDatasets ?? []).map((pid) => ({
      '@type': 'Dataset',
      '@id': datasetLandingUrl(config, pid) ?? (/^10\.\d{4,9}\//.test(pid) ? doiUrl(pid) : handleUrl(pid)),
    })),
    citation: (d.relationships ?? [])
      .filter((r) => /^(IsSupplementTo|IsDescribedBy|IsDocumentedBy|IsCitedBy|IsReferencedBy|References|Cites)$/.test(r.relationship))
      .map((r) => (/^10\.\d{4,9}\//.test(r.pid) ? doiUrl(r.pid) : r.pid)),
    funder: (view.proposal?.fundingReferences ?? []).map(funder),
    spatialCoverage: (view.geoLocations ?? []).map(place),
  });
}

/** The schema.org Dataset JSON-LD of a DOI publication's landing page. */
export function publicationToSchemaOrg(view: PublicationView): JsonLd {
  const { publication: p, config } = view;
  const members = view.datasets ?? [];
  const url = publicationLandingUrl(config, p);
  const name = p.title ?? p.doi;
  const people = p.creators?.length ? p.creators : members.flatMap(datasetCreators);
  const seen = new Set<string>();
  const creators = people.filter((x) => !seen.has(x.orcid ?? x.name) && seen.add(x.orcid ?? x.name));
  const techniques = [...new Map(members.flatMap((m) => m.techniques ?? []).map((t) => [t.pid, t])).values()];
  const keywords = [
    ...new Set([
      ...(p.subjects ?? []).map((s) => (typeof s === 'string' ? s : s.subject)),
      ...members.flatMap((m) => m.keywords ?? []),
      ...techniques.map((t) => t.name),
    ]),
  ];
  const first = Array.isArray(p.rights) ? p.rights[0] : undefined;
  const licence = typeof p.rights === 'string' ? p.rights : (first?.rightsIdentifier ?? members.find((m) => m.license)?.license);
  const rightsUri = first?.rightsUri;
  const abstract = p.abstract ?? p.descriptions?.find((d) => d.descriptionType === 'Abstract')?.description;
  const context = `A collection of ${members.length || (p.pidArray?.length ?? 0)} datasets published as DOI ${p.doi}.`;
  const pub = publisherOf(config, p.publisher);

  return prune({
    '@context': 'https://schema.org/',
    '@type': 'Dataset',
    '@id': doiUrl(p.doi),
    name,
    description: fitDescription(abstract && markdownToPlainText(abstract), context),
    url,
    identifier: doiUrl(p.doi),
    sameAs: url && url !== doiUrl(p.doi) ? url : undefined,
    creator: creators.map(person),
    publisher: organisation(pub.name, pub.ror),
    datePublished: p.registeredTime ?? (p.publicationYear !== undefined ? yearOf(p.publicationYear) : undefined),
    version: p.version,
    license: rightsUri ?? (licence ? spdxUrl(licence) : undefined),
    isAccessibleForFree: true,
    keywords,
    measurementTechnique: techniques.map(technique),
    includedInDataCatalog: catalogue(config),
    hasPart: (p.pidArray ?? []).map((pid) => {
      const m = members.find((x) => x.pid === pid);
      return prune({ '@type': 'Dataset', '@id': datasetLandingUrl(config, pid) ?? handleUrl(pid), name: m?.datasetName });
    }),
    citation: (p.relatedIdentifiers ?? [])
      .filter((r) => /^(IsSupplementTo|IsDescribedBy|IsDocumentedBy|IsCitedBy|IsReferencedBy|References|Cites)$/.test(r.relationType))
      .map((r) => (r.relatedIdentifierType === 'DOI' ? doiUrl(r.relatedIdentifier) : r.relatedIdentifier)),
    funder: (p.fundingReferences ?? []).map(funder),
    spatialCoverage: (view.geoLocations ?? []).map(place),
  });
}

/**
 * JSON-LD text that is safe inside `<script type="application/ld+json">`: `<`,
 * `>` and `&` become \u escapes (so no value can close the element or open a
 * comment), as do U+2028 and U+2029 (line terminators in older JavaScript).
 * JSON parsers read the escapes back as the same characters.
 */
export function jsonLdForScript(data: unknown): string {
  return JSON.stringify(data).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
