/**
 * Shelfmark records → the DataCite model (kernel 4.6).
 *
 * A dataset's record describes the dataset itself (identifier: its DOI when it
 * has one, else its Handle pid); a publication's record is the DataCite record
 * of its DOI, with the member datasets as HasPart and versions linked through
 * the concept DOI (issue #6, §1 and §3).
 */
import type {
  Contributor,
  Creator,
  DataciteRecord,
  DateEntry,
  FundingReference,
  RelatedIdentifier,
  Rights,
  Subject,
} from './datacite-model.ts';
import {
  datasetCreators,
  datasetLandingUrl,
  datasetMediaTypes,
  datasetYear,
  datePart,
  invertedName,
  markdownToPlainText,
  orcidUrl,
  publicationLandingUrl,
  publisherOf,
  rorUrl,
  spdxUrl,
  yearOf,
} from './common.ts';
import { absoluteUrl, instrumentUrl } from '../core/routes.ts';
import type { ConfigRecord, DatasetRecord, DatasetView, FundingRecord, PersonRecord, PublicationView, TechniqueRef } from './view.ts';

/** PaNET, the photon and neutron techniques ontology that technique ids come from. */
export const PANET_BASE = 'http://purl.org/pan-science/PaNET/';

// relationType values of kernel 4.6, so a dataset's free-form `relationships`
// only reach DataCite when they are valid there.
const RELATION_TYPES = new Set(
  ('IsCitedBy Cites IsSupplementTo IsSupplementedBy IsContinuedBy Continues IsDescribedBy Describes HasMetadata IsMetadataFor ' +
    'HasVersion IsVersionOf IsNewVersionOf IsPreviousVersionOf IsPartOf HasPart IsPublishedIn IsReferencedBy References ' +
    'IsDocumentedBy Documents IsCompiledBy Compiles IsVariantFormOf IsOriginalFormOf IsIdenticalTo IsReviewedBy Reviews ' +
    'IsDerivedFrom IsSourceOf IsRequiredBy Requires IsObsoletedBy Obsoletes IsCollectedBy Collects HasTranslation IsTranslationOf').split(' '),
);

/** A Shelfmark person as a DataCite creator: ORCID as a name identifier, ROR as the affiliation identifier. */
export function personToCreator(p: PersonRecord): Creator {
  const c: Creator = { name: invertedName(p), nameType: 'Personal' };
  if (p.givenName) c.givenName = p.givenName;
  if (p.familyName) c.familyName = p.familyName;
  if (p.orcid)
    c.nameIdentifiers = [{ nameIdentifier: orcidUrl(p.orcid), nameIdentifierScheme: 'ORCID', schemeUri: 'https://orcid.org' }];
  if (p.affiliation)
    c.affiliation = [
      p.affiliation.ror
        ? { name: p.affiliation.name, affiliationIdentifier: rorUrl(p.affiliation.ror), affiliationIdentifierScheme: 'ROR', schemeUri: 'https://ror.org' }
        : { name: p.affiliation.name },
    ];
  return c;
}

function organisation(name: string, ror?: string): Creator {
  const c: Creator = { name, nameType: 'Organizational' };
  if (ror) c.nameIdentifiers = [{ nameIdentifier: rorUrl(ror), nameIdentifierScheme: 'ROR', schemeUri: 'https://ror.org' }];
  return c;
}

function publisher(config: ConfigRecord, given?: string | { name: string; ror?: string }): DataciteRecord['publisher'] {
  const p = publisherOf(config, given);
  return p.ror
    ? { name: p.name, publisherIdentifier: rorUrl(p.ror), publisherIdentifierScheme: 'ROR', schemeUri: 'https://ror.org/' }
    : { name: p.name };
}

/** An SPDX licence as DataCite rights (identifier, scheme and URI, as DataCite recommends). */
export function spdxRights(id: string): Rights {
  return {
    rights: id,
    rightsUri: spdxUrl(id),
    rightsIdentifier: id,
    rightsIdentifierScheme: 'SPDX',
    schemeUri: 'https://spdx.org/licenses/',
  };
}

// OpenAIRE Guidelines for Data Archives (the `openaire_data` OAI-PMH set) read
// the access level from rightsList, as an info:eu-repo access-rights URI.
const ACCESS_RIGHTS: Record<string, Rights> = {
  public: { rights: 'Open Access', rightsUri: 'info:eu-repo/semantics/openAccess' },
  embargoed: { rights: 'Embargoed Access', rightsUri: 'info:eu-repo/semantics/embargoedAccess' },
  restricted: { rights: 'Restricted Access', rightsUri: 'info:eu-repo/semantics/restrictedAccess' },
};

/** The access-rights entry of a dataset; a dataset with no access block is public by the schema's default. */
function accessRights(d: DatasetRecord): Rights {
  return { ...(ACCESS_RIGHTS[d.access?.status ?? 'public'] ?? ACCESS_RIGHTS.public!) };
}

function techniqueSubject(t: TechniqueRef): Subject {
  return { subject: t.name, subjectScheme: 'PaNET', schemeUri: PANET_BASE, valueUri: `${PANET_BASE}${t.pid}` };
}

function funding(f: FundingRecord): FundingReference {
  const out: FundingReference = { funderName: f.funderName };
  if (f.funderIdentifier) {
    out.funderIdentifier = f.funderIdentifier;
    out.funderIdentifierType = f.funderIdentifierType ?? 'Other';
  }
  if (f.awardNumber) out.awardNumber = f.awardNumber;
  if (f.awardTitle) out.awardTitle = f.awardTitle;
  return out;
}

/** How another Shelfmark dataset is identified: its DOI when it has one, else its Handle. */
function datasetRef(d: { pid: string; doi?: string }): Pick<RelatedIdentifier, 'relatedIdentifier' | 'relatedIdentifierType'> {
  return d.doi ? { relatedIdentifier: d.doi, relatedIdentifierType: 'DOI' } : { relatedIdentifier: d.pid, relatedIdentifierType: 'Handle' };
}

/** A date range `start/end` (dates only), or the one date when only one end is known. */
function range(start?: string, end?: string): string | undefined {
  if (start && end) return datePart(start) === datePart(end) ? datePart(start) : `${datePart(start)}/${datePart(end)}`;
  const one = start ?? end;
  return one ? datePart(one) : undefined;
}

const nonEmpty = <T>(xs: T[]): T[] | undefined => (xs.length > 0 ? xs : undefined);
const unique = <T>(xs: T[]): T[] => [...new Set(xs)];

/** Human-readable byte count with the exact figure, e.g. `1048576 bytes`. DataCite sizes are free text. */
function sizes(d: DatasetRecord): string[] {
  const out: string[] = [];
  if (d.size !== undefined) out.push(`${d.size} bytes`);
  const n = d.numberOfFiles ?? d.files?.dataFileList?.length;
  if (n !== undefined) out.push(`${n} ${n === 1 ? 'file' : 'files'}`);
  return out;
}

/** The DataCite record of one dataset, from the dataset and the records it points to. */
export function datasetToDatacite(view: DatasetView): DataciteRecord {
  const { dataset: d, config } = view;
  const people = datasetCreators(d);
  const facility = config.facility;
  const creators = people.length > 0 ? people.map(personToCreator) : [organisation(facility?.name ?? publisherOf(config).name, facility?.ror)];

  const contributors: Contributor[] = [];
  for (const pi of d.principalInvestigators ?? [])
    contributors.push({ contributorType: 'ProjectLeader', ...personToCreator(pi) });
  if (facility) contributors.push({ contributorType: 'HostingInstitution', ...organisation(facility.name, facility.ror) });

  const dates: DateEntry[] = [];
  const collected = range(d.startTime, d.endTime);
  if (collected) dates.push({ date: collected, dateType: 'Collected' });
  if (d.creationTime) dates.push({ date: datePart(d.creationTime), dateType: 'Created' });
  if (d.access?.embargoedUntil) dates.push({ date: datePart(d.access.embargoedUntil), dateType: 'Available' });

  const related: RelatedIdentifier[] = [];
  for (const pid of d.inputDatasets ?? []) related.push({ ...pidOrDoi(pid), relationType: 'IsDerivedFrom', resourceTypeGeneral: 'Dataset' });
  for (const out of view.derived ?? []) related.push({ ...datasetRef(out), relationType: 'IsSourceOf', resourceTypeGeneral: 'Dataset' });
  for (const r of d.relationships ?? [])
    if (RELATION_TYPES.has(r.relationship))
      related.push({ ...pidOrDoi(r.pid), relationType: r.relationship });
  for (const p of view.publications ?? [])
    related.push({ relatedIdentifier: p.doi, relatedIdentifierType: 'DOI', relationType: 'IsPartOf', resourceTypeGeneral: 'Dataset' });
  const instrument = view.instrument;
  if (instrument) {
    // IsCollectedBy (kernel 4.5+) names the instrument that recorded the data.
    const url = config.siteBaseUrl ? absoluteUrl(config.siteBaseUrl, instrumentUrl(instrument.id)) : instrument.url;
    if (url) related.push({ relatedIdentifier: url, relatedIdentifierType: 'URL', relationType: 'IsCollectedBy', resourceTypeGeneral: 'Instrument' });
  }

  const descriptions: DataciteRecord['descriptions'] = [];
  if (d.description) descriptions.push({ description: markdownToPlainText(d.description), descriptionType: 'Abstract' });
  const method = methodsText(view);
  if (method) descriptions.push({ description: method, descriptionType: 'Methods' });

  const alternate: DataciteRecord['alternateIdentifiers'] = [];
  if (d.doi) alternate.push({ alternateIdentifier: d.pid, alternateIdentifierType: 'Handle' });
  if (d.proposalId) alternate.push({ alternateIdentifier: d.proposalId, alternateIdentifierType: 'Proposal' });

  const formats = unique([...(d.dataFormat ? [d.dataFormat] : []), ...datasetMediaTypes(d)]);

  const record: DataciteRecord = {
    doi: d.doi ?? d.pid,
    identifierType: d.doi ? 'DOI' : 'Handle',
    creators,
    titles: [{ title: d.datasetName ?? d.pid }],
    publisher: publisher(config),
    publicationYear: datasetYear(d),
    types: { resourceTypeGeneral: 'Dataset', resourceType: d.type === 'derived' ? 'Derived data' : 'Raw data' },
    subjects: nonEmpty([...(d.techniques ?? []).map(techniqueSubject), ...(d.keywords ?? []).map((k) => ({ subject: k }))]),
    contributors: nonEmpty(contributors),
    dates: nonEmpty(dates),
    alternateIdentifiers: nonEmpty(alternate),
    relatedIdentifiers: nonEmpty(related),
    sizes: nonEmpty(sizes(d)),
    formats: nonEmpty(formats),
    rightsList: [...(d.license ? [spdxRights(d.license)] : []), accessRights(d)],
    descriptions: nonEmpty(descriptions),
    geoLocations: view.geoLocations?.length ? view.geoLocations : undefined,
    fundingReferences: nonEmpty((view.proposal?.fundingReferences ?? []).map(funding)),
    url: datasetLandingUrl(config, d.pid),
  };
  return dropUndefined(record);
}

/** A DOI, a URL or (otherwise) a Handle such as a dataset pid, typed as DataCite wants it. */
function pidOrDoi(id: string): Pick<RelatedIdentifier, 'relatedIdentifier' | 'relatedIdentifierType'> {
  if (/^10\.\d{4,9}\//.test(id)) return { relatedIdentifier: id, relatedIdentifierType: 'DOI' };
  if (/^https?:\/\//.test(id)) return { relatedIdentifier: id, relatedIdentifierType: 'URL' };
  return { relatedIdentifier: id, relatedIdentifierType: 'Handle' };
}

/** "Measured with <techniques> on <instrument> (<beamline>, <facility>)." when any of it is known. */
function methodsText(view: DatasetView): string | undefined {
  const techniques = (view.dataset.techniques ?? []).map((t) => t.name);
  const i = view.instrument;
  const where = i ? [i.name ?? i.id, [i.beamline, i.facility].filter(Boolean).join(', ')].filter(Boolean) : [];
  if (techniques.length === 0 && where.length === 0) return undefined;
  const what = techniques.length ? techniques.join(', ') : 'Measured';
  const on = where.length ? ` on ${where[0]}${where[1] ? ` (${where[1]})` : ''}` : '';
  return `${techniques.length ? `Technique: ${what}` : what}${on}.`;
}

/** The DataCite record of a publication (a DOI over one or more datasets). */
export function publicationToDatacite(view: PublicationView): DataciteRecord {
  const { publication: p, config } = view;
  const members = view.datasets ?? [];
  const byPid = new Map(members.map((m) => [m.pid, m]));
  const people = p.creators?.length ? p.creators : unique(members.flatMap(datasetCreators));
  const creators = people.length ? people.map(personToCreator) : [organisation(publisherOf(config, p.publisher).name, publisherOf(config, p.publisher).ror)];

  const related: RelatedIdentifier[] = [...(p.relatedIdentifiers ?? [])];
  const has = (id: string, rel: string) => related.some((r) => r.relatedIdentifier === id && r.relationType === rel);
  for (const pid of p.pidArray ?? []) {
    const ref = datasetRef(byPid.get(pid) ?? { pid });
    if (!has(ref.relatedIdentifier, 'HasPart')) related.push({ ...ref, relationType: 'HasPart', resourceTypeGeneral: 'Dataset' });
  }
  if (p.conceptDoi && p.conceptDoi !== p.doi && !has(p.conceptDoi, 'IsVersionOf'))
    related.push({ relatedIdentifier: p.conceptDoi, relatedIdentifierType: 'DOI', relationType: 'IsVersionOf' });
  // The concept DOI's record lists every version; a version points back to its concept.
  const isConcept = !p.conceptDoi || p.conceptDoi === p.doi;
  for (const v of isConcept ? (view.versions ?? []) : [])
    if (v.doi !== p.doi && !has(v.doi, 'HasVersion')) related.push({ relatedIdentifier: v.doi, relatedIdentifierType: 'DOI', relationType: 'HasVersion' });

  // Record descriptions may be Markdown; DataCite takes text.
  const descriptions = (p.descriptions ?? []).map((d) => ({ ...d, description: markdownToPlainText(d.description) }));
  if (p.abstract && !descriptions.some((d) => d.descriptionType === 'Abstract'))
    descriptions.unshift({ description: markdownToPlainText(p.abstract), descriptionType: 'Abstract' });

  const subjects: Subject[] = (p.subjects ?? []).map((s) => (typeof s === 'string' ? { subject: s } : { ...s }));
  if (subjects.length === 0) {
    const techniques = new Map(members.flatMap((m) => m.techniques ?? []).map((t) => [t.pid, t]));
    subjects.push(...[...techniques.values()].map(techniqueSubject), ...unique(members.flatMap((m) => m.keywords ?? [])).map((k) => ({ subject: k })));
  }

  let rightsList: Rights[] | undefined;
  if (typeof p.rights === 'string') rightsList = [spdxRights(p.rights)];
  else if (p.rights?.length)
    rightsList = p.rights.map((r) => {
      const base = r.rightsIdentifier ? spdxRights(r.rightsIdentifier) : {};
      return { ...base, ...r, rightsIdentifierScheme: r.rightsIdentifierScheme ?? base.rightsIdentifierScheme };
    });
  else {
    const licences = unique(members.map((m) => m.license).filter((l): l is string => !!l));
    rightsList = nonEmpty(licences.map(spdxRights));
  }

  // A DOI is only minted for published data, so it is open unless the record says otherwise.
  if (!rightsList?.some((r) => r.rightsUri?.startsWith('info:eu-repo/semantics/'))) rightsList = [...(rightsList ?? []), { ...ACCESS_RIGHTS.public! }];
  const dates: DateEntry[] = [...(p.dates ?? [])];
  if (p.registeredTime && !dates.some((d) => d.dateType === 'Issued')) dates.push({ date: datePart(p.registeredTime), dateType: 'Issued' });
  const starts = members.map((m) => m.startTime).filter((t): t is string => !!t).sort();
  const ends = members.map((m) => m.endTime ?? m.startTime).filter((t): t is string => !!t).sort();
  const collected = range(starts[0], ends.at(-1));
  if (collected && !dates.some((d) => d.dateType === 'Collected')) dates.push({ date: collected, dateType: 'Collected' });

  const totalSize = members.reduce((n, m) => n + (m.size ?? 0), 0);
  const sizes = p.sizes ?? (members.length ? [`${members.length} ${members.length === 1 ? 'dataset' : 'datasets'}`, ...(totalSize ? [`${totalSize} bytes`] : [])] : []);
  const formats = p.formats ?? unique(members.flatMap((m) => [...(m.dataFormat ? [m.dataFormat] : []), ...datasetMediaTypes(m)]));

  const record: DataciteRecord = {
    doi: p.doi,
    identifierType: 'DOI',
    creators,
    titles: [{ title: p.title ?? p.doi }],
    publisher: publisher(config, p.publisher),
    // A draft may not have a year yet: take the newest member's, and only then the clock.
    publicationYear:
      yearOf(p.publicationYear) ??
      yearOf(p.registeredTime) ??
      members.map(datasetYear).sort().at(-1) ??
      String(new Date().getUTCFullYear()),
    types: { resourceTypeGeneral: 'Dataset', resourceType: p.resourceType ?? 'Dataset' },
    subjects: nonEmpty(subjects),
    dates: nonEmpty(dates),
    relatedIdentifiers: nonEmpty(related),
    sizes: nonEmpty(sizes),
    formats: nonEmpty(formats),
    version: p.version,
    rightsList,
    descriptions: nonEmpty(descriptions),
    geoLocations: view.geoLocations?.length ? view.geoLocations : undefined,
    fundingReferences: nonEmpty((p.fundingReferences ?? []).map(funding)),
    url: publicationLandingUrl(config, p),
  };
  return dropUndefined(record);
}

function dropUndefined<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}
