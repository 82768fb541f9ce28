/**
 * Builders that turn seeds into records of the shape schemas/README.md fixes.
 * Pure: no disk access; the example generator and the synthetic benchmark
 * generator both call these and write the results.
 */
import { createHash } from 'node:crypto';
import type { Person } from './seeds/facility.ts';
import {
  DATA_HOST,
  DOI_PREFIX,
  FACILITY,
  PID_PREFIX,
  SITE_BASE_URL,
  TIME_ZONE,
  type InstrumentSeed,
} from './seeds/facility.ts';
import { TECHNIQUES, TECHNIQUE_DESCRIPTIONS } from './seeds/techniques.ts';
import type { Profile } from './profiles.ts';
import type { MetaTree } from './metadata.ts';
import { zonedIso } from './time.ts';

/** The Globus collection of the facility's data store (fictional). */
export const GLOBUS_ENDPOINT = '5f0c2a7e-3b1d-4e8a-9c6f-2d7e8b1a4c90';

/** `catalog/config.json`. */
export function configRecord(): Record<string, unknown> {
  return {
    facility: { ...FACILITY },
    siteBaseUrl: SITE_BASE_URL,
    pidPrefix: PID_PREFIX,
    doiPrefix: DOI_PREFIX,
    publisher: FACILITY.name,
    defaultEmbargoYears: 3,
    retentionYears: 7,
    timeZone: TIME_ZONE,
    defaultLicense: 'CC-BY-4.0',
    storage: {
      downloadUrlTemplate: `https://${DATA_HOST}/download/{proposalId}/{name}.zip`,
      globusEndpoint: GLOBUS_ENDPOINT,
      globusPathTemplate: '/proposals/{proposalId}/{name}/',
    },
    forge: {
      kind: 'github',
      url: 'https://github.com',
      repository: 'nordlys-synchrotron/catalogue',
      branch: 'main',
      editUrlTemplate: 'https://github.com/nordlys-synchrotron/catalogue/edit/main/catalog/{path}',
    },
    curationFields: ['/keywords', '/description', '/attachments', '/relationships'],
    rawGracePeriodDays: 30,
    ingest: {
      proposalPathPattern: '/(?<proposal>\\d{8})/',
      // Serials as the acquisition software writes them (SES: "Instrument=R3000-6MS014").
      instrumentBySerial: { 'R4000-6MS096': 'aurora', 'R3000-6MS014': 'aurora', 'P150-0412-2D': 'fjell' },
      instrumentByName: { 'R1-Aurora': 'aurora', 'R1-Fjell': 'fjell', 'R3-Tind': 'tind', 'R3-Kristall': 'kristall' },
      defaultProposal: 'commissioning',
    },
    datacite: {
      // DataCite's test system; 10.5072 is its test prefix. Tests use a local stand-in instead.
      endpoint: 'https://api.test.datacite.org',
      doiSuffixPattern: '^shelfmark\\.[0-9a-z]{4}-[0-9a-z]{4}$',
    },
  };
}

/** `catalog/instruments/<id>.json` (the Markdown goes beside it). */
export function instrumentRecord(seed: InstrumentSeed): Record<string, unknown> {
  return {
    id: seed.id,
    name: seed.name,
    facility: FACILITY.name,
    beamline: seed.beamline,
    techniques: seed.techniques.map(techniqueRef),
    analysers: seed.analysers.map((a) => ({ ...a })),
    url: `${FACILITY.url}beamlines/${seed.id}/`,
  };
}

/** `instruments/<id>.md`: YAML front matter (flat strings, numbers, lists) and the Markdown body. */
export function instrumentMarkdown(seed: InstrumentSeed): string {
  const yaml = Object.entries(seed.frontMatter)
    .map(([k, v]) => (Array.isArray(v) ? `${k}:\n${v.map((x) => `  - ${JSON.stringify(x)}`).join('\n')}` : `${k}: ${JSON.stringify(v)}`))
    .join('\n');
  return `---\n${yaml}\n---\n\n${seed.markdown}`;
}

/** A `{pid, name}` technique reference; the name is PaNET's label. */
export function techniqueRef(pid: string): { pid: string; name: string } {
  const t = TECHNIQUES[pid];
  if (!t) throw new Error(`technique ${pid} is not in the example vocabulary (tools/example/seeds/techniques.ts)`);
  return { pid, name: t.name };
}

/** `catalog/techniques/<pid>.json`. */
export function techniqueRecord(pid: string): Record<string, unknown> {
  const t = TECHNIQUES[pid]!;
  return {
    pid,
    name: t.name,
    description: TECHNIQUE_DESCRIPTIONS[pid] ?? t.name,
    synonyms: [...t.synonyms],
    ancestors: [...t.ancestors],
  };
}

/** `catalog/profiles/<id>.json`. */
export function profileRecord(p: Profile): Record<string, unknown> {
  return JSON.parse(JSON.stringify(p)) as Record<string, unknown>;
}

/** The pid of a dataset of the example facility. */
export const datasetPid = (proposalId: string, name: string): string => `${PID_PREFIX}/${proposalId}/${name}`;

/** A fictional file checksum: SHA-256 of the dataset pid and file path (the files do not exist). */
export const fakeChecksum = (pid: string, path: string): string =>
  createHash('sha256').update(`${pid}\n${path}`).digest('hex');

export interface DatasetInput {
  proposalId: string;
  name: string;
  type: 'raw' | 'derived';
  title: string;
  description: string;
  instrumentId: string;
  techniques: string[];
  sampleIds: string[];
  creators: Person[];
  principalInvestigators: Person[];
  /** Start of acquisition (raw) or of the computation (derived), epoch ms. */
  start: number;
  durationSeconds: number;
  keywords: string[];
  license?: string;
  access: { status: 'public' | 'embargoed' | 'restricted'; embargoedUntil?: string; reason?: string };
  dataFormat: string;
  files: { path: string; size: number }[];
  scientificMetadata: MetaTree;
  metadataProfile?: string;
  inputDatasets?: string[];
  usedSoftware?: string[];
  doi?: string;
  relationships?: { pid: string; relationship: string }[];
}

/**
 * The date `years` after an instant, in the facility's calendar. A leap day rolls
 * forward to 1 March (never back to 28 February), so retention is never short.
 */
export function retentionDate(epochMs: number, years: number): string {
  // String arithmetic on the local date: luxon per record is the generator's hot spot at 100,000 records.
  const local = zonedIso(epochMs, TIME_ZONE);
  const monthDay = local.slice(5, 10);
  const year = Number(local.slice(0, 4)) + years;
  return monthDay === '02-29' ? `${year}-03-01` : `${year}-${monthDay}`;
}

/** A dataset record, with manifest, storage and retention filled in the way ingest would. */
export function datasetRecord(d: DatasetInput): Record<string, unknown> {
  const pid = datasetPid(d.proposalId, d.name);
  const end = d.start + d.durationSeconds * 1000;
  const year = zonedIso(d.start, TIME_ZONE).slice(0, 4);
  const files = d.files.map((f, i) => ({
    path: f.path,
    size: f.size,
    chk: fakeChecksum(pid, f.path),
    time: zonedIso(end - (d.files.length - 1 - i) * 1000, TIME_ZONE),
  }));
  const sub = d.type === 'raw' ? 'raw' : 'processed';
  return {
    pid,
    type: d.type,
    datasetName: d.title,
    description: d.description,
    creationTime: zonedIso(end, TIME_ZONE),
    startTime: zonedIso(d.start, TIME_ZONE),
    endTime: zonedIso(end, TIME_ZONE),
    creators: d.creators,
    principalInvestigators: d.principalInvestigators,
    contactEmail: d.principalInvestigators[0]?.email ?? d.creators[0]?.email,
    proposalId: d.proposalId,
    sampleIds: d.sampleIds,
    instrumentId: d.instrumentId,
    techniques: d.techniques.map(techniqueRef),
    keywords: d.keywords,
    license: d.license ?? 'CC-BY-4.0',
    access: d.access,
    dataFormat: d.dataFormat,
    numberOfFiles: files.length,
    size: files.reduce((s, f) => s + f.size, 0),
    files: { chkAlg: 'sha256', dataFileList: files },
    sourceFolder: `/data/proposals/${year}/${d.proposalId}/${d.instrumentId}/${sub}/${d.name}`,
    sourceFolderHost: DATA_HOST,
    storage: {
      downloadUrl: `https://${DATA_HOST}/download/${d.proposalId}/${d.name}.zip`,
      globus: { endpoint: GLOBUS_ENDPOINT, path: `/proposals/${d.proposalId}/${d.name}/` },
    },
    scientificMetadata: d.scientificMetadata,
    ...(d.metadataProfile ? { metadataProfile: d.metadataProfile } : {}),
    ...(d.inputDatasets ? { inputDatasets: d.inputDatasets } : {}),
    ...(d.usedSoftware ? { usedSoftware: d.usedSoftware } : {}),
    ...(d.relationships ? { relationships: d.relationships } : {}),
    ...(d.doi ? { doi: d.doi } : {}),
    retentionUntil: retentionDate(end, 7),
  };
}
