/**
 * A draft publication record from its member datasets, their proposals and the
 * config (issue #6 §1). Pure: the caller reads the records and writes the result.
 *
 * The record stores the DataCite fields explicitly (creators, subjects, dates,
 * sizes, formats, rights, descriptions, relatedIdentifiers, fundingReferences)
 * so that what was minted is what git holds; the exporters
 * (tools/export/datacite-from-records.ts) turn it into DataCite JSON and XML.
 */
import type {
  CatalogConfig,
  DatasetRecord,
  FundingReference,
  Person,
  ProposalRecord,
  PublicationDate,
  PublicationDescription,
  PublicationRecord,
  RelatedIdentifier,
  Rights,
  Subject,
} from '../core/types.generated.ts';
import { datasetMediaTypes, datePart, spdxUrl } from '../export/common.ts';
import { PANET_BASE } from '../export/datacite-from-records.ts';

/** What a new publication is made of. */
export interface AssembleInput {
  doi: string;
  datasets: DatasetRecord[];
  /** The proposals of the datasets, by proposal id (missing ones are skipped). */
  proposals: Map<string, ProposalRecord>;
  config: CatalogConfig;
  /** Datasets named by `inputDatasets` of the members but not members themselves (for their DOIs). */
  inputs?: Map<string, DatasetRecord>;
  title?: string;
  now: Date;
  /** For a new version: its number, the concept DOI and the version it follows. */
  version?: string;
  conceptDoi?: string;
  previousDoi?: string;
}

const unique = <T>(xs: T[]): T[] => [...new Set(xs)];

/** People identified by ORCID when they have one, else by name; first occurrence wins; e-mail addresses are not published. */
function uniquePeople(people: Person[]): Person[] {
  const seen = new Map<string, Person>();
  for (const p of people) {
    const key = p.orcid ?? p.name.trim().toLowerCase();
    if (seen.has(key)) continue;
    const { email: _email, ...rest } = p;
    seen.set(key, rest);
  }
  return [...seen.values()];
}

function datasetRef(d: Pick<DatasetRecord, 'pid' | 'doi'>): Pick<RelatedIdentifier, 'relatedIdentifier' | 'relatedIdentifierType'> {
  return d.doi ? { relatedIdentifier: d.doi, relatedIdentifierType: 'DOI' } : { relatedIdentifier: d.pid, relatedIdentifierType: 'Handle' };
}

function defaultTitle(datasets: DatasetRecord[], proposals: Map<string, ProposalRecord>): string {
  const [first] = datasets;
  if (datasets.length === 1 && first) return first.datasetName;
  const ids = unique(datasets.map((d) => d.proposalId).filter((p): p is string => !!p));
  const proposal = ids.length === 1 ? proposals.get(ids[0]!) : undefined;
  if (proposal?.title) return proposal.title;
  return `${first?.datasetName ?? 'Datasets'} and ${datasets.length - 1} more`;
}

/** The publication record, status `draft`, for the given datasets. */
export function assemblePublication(input: AssembleInput): PublicationRecord {
  const { datasets, proposals, config } = input;
  const members = new Set(datasets.map((d) => d.pid));
  const proposalIds = unique(datasets.map((d) => d.proposalId).filter((p): p is string => !!p));
  const props = proposalIds.map((id) => proposals.get(id)).filter((p): p is ProposalRecord => !!p);

  const people = uniquePeople(datasets.flatMap((d) => (d.creators?.length ? d.creators : (d.principalInvestigators ?? []))));
  const creators = people.length > 0 ? people : uniquePeople(props.flatMap((p) => (p.pi ? [p.pi] : [])));
  if (creators.length === 0) throw new Error('no creators: neither the datasets nor their proposals name anyone');

  const subjects: (string | Subject)[] = [];
  const techniques = new Map(datasets.flatMap((d) => d.techniques ?? []).map((t) => [t.pid, t]));
  for (const t of techniques.values())
    subjects.push({ subject: t.name, subjectScheme: 'PaNET', schemeUri: PANET_BASE, valueUri: `${PANET_BASE}${t.pid}` });
  subjects.push(...unique(datasets.flatMap((d) => d.keywords ?? [])));

  const dates: PublicationDate[] = [];
  const starts = datasets.map((d) => d.startTime ?? d.creationTime).sort();
  const ends = datasets.map((d) => d.endTime ?? d.startTime ?? d.creationTime).sort();
  const [start, end] = [datePart(starts[0]!), datePart(ends.at(-1)!)];
  dates.push({ date: start === end ? start : `${start}/${end}`, dateType: 'Collected' });
  const created = datasets.map((d) => d.creationTime).sort();
  dates.push({ date: datePart(created.at(-1)!), dateType: 'Created' });

  const bytes = datasets.reduce((n, d) => n + (d.size ?? 0), 0);
  const files = datasets.reduce((n, d) => n + (d.numberOfFiles ?? d.files?.dataFileList.length ?? 0), 0);
  const sizes = [
    `${datasets.length} ${datasets.length === 1 ? 'dataset' : 'datasets'}`,
    ...(files > 0 ? [`${files} ${files === 1 ? 'file' : 'files'}`] : []),
    ...(bytes > 0 ? [`${bytes} bytes`] : []),
  ];
  const formats = unique(datasets.flatMap((d) => [...(d.dataFormat ? [d.dataFormat] : []), ...datasetMediaTypes(d)]));

  const licences = unique(datasets.map((d) => d.license ?? config.defaultLicense).filter((l): l is string => !!l));
  const rights: Rights[] = licences.map((id) => ({ rightsIdentifier: id, rightsIdentifierScheme: 'SPDX', rights: id, rightsUri: spdxUrl(id) }));

  const descriptions: PublicationDescription[] = props.map((p) => ({
    description: `Proposal ${p.proposalId}${p.title ? `: ${p.title}` : ''}`,
    descriptionType: 'Other',
  }));
  if (datasets.length > 1)
    descriptions.push({ description: datasets.map((d) => `${d.datasetName} (${d.pid})`).join('\n'), descriptionType: 'TableOfContents' });

  const related: RelatedIdentifier[] = datasets.map((d) => ({ ...datasetRef(d), relationType: 'HasPart' }));
  const inputs = unique(datasets.flatMap((d) => d.inputDatasets ?? [])).filter((pid) => !members.has(pid));
  for (const pid of inputs) related.push({ ...datasetRef(input.inputs?.get(pid) ?? { pid }), relationType: 'IsDerivedFrom' });
  if (input.conceptDoi) related.push({ relatedIdentifier: input.conceptDoi, relatedIdentifierType: 'DOI', relationType: 'IsVersionOf' });
  if (input.previousDoi) related.push({ relatedIdentifier: input.previousDoi, relatedIdentifierType: 'DOI', relationType: 'IsNewVersionOf' });

  const funding: FundingReference[] = [];
  for (const f of props.flatMap((p) => p.fundingReferences ?? []))
    if (!funding.some((g) => g.funderName === f.funderName && g.awardNumber === f.awardNumber)) funding.push({ ...f });

  const single = datasets.length === 1 ? datasets[0] : undefined;
  const abstract = single?.description ?? (props.length === 1 ? props[0]!.abstract : undefined);
  const types = unique(datasets.map((d) => d.type));
  const publisher = typeof config.publisher === 'string' ? config.publisher : config.facility.name;

  const record: PublicationRecord = {
    doi: input.doi,
    status: 'draft',
    title: input.title ?? defaultTitle(datasets, proposals),
    ...(abstract ? { abstract } : {}),
    creators: creators as PublicationRecord['creators'],
    publisher,
    publicationYear: input.now.getUTCFullYear(),
    resourceType: types.length === 1 ? (types[0] === 'raw' ? 'Raw data' : 'Derived data') : 'Dataset',
    pidArray: datasets.map((d) => d.pid) as PublicationRecord['pidArray'],
    ...(subjects.length ? { subjects } : {}),
    dates,
    sizes,
    ...(formats.length ? { formats } : {}),
    ...(rights.length ? { rights } : {}),
    ...(descriptions.length ? { descriptions } : {}),
    relatedIdentifiers: related,
    ...(funding.length ? { fundingReferences: funding } : {}),
    ...(input.version ? { version: input.version } : {}),
    ...(input.conceptDoi ? { conceptDoi: input.conceptDoi } : {}),
  };
  return record;
}

/** Why a dataset may not be published now, or undefined when it may. */
export function publishRefusal(d: DatasetRecord): string | undefined {
  const access = d.access;
  if (!access || access.status === 'public') return undefined;
  if (access.status === 'embargoed')
    return `${d.pid} is under embargo until ${access.embargoedUntil}: a DOI would point at data nobody may read. Publish it after that date, or lift the embargo first with "shelfmark embargo ${d.pid} --lift" (the principal investigator must agree).`;
  return `${d.pid} is restricted${access.reason ? ` (${access.reason})` : ''}: only public datasets can be published with a DOI. Leave it out, or change its access in a curation PR first.`;
}
