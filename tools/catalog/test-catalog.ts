/**
 * Test helper: a small, valid catalogue (one record of every type, linked to
 * each other), either in a temporary folder that a test then breaks in one
 * way (`makeTestCatalog`, the validator's, curation's and publishing's tests)
 * or as repository files for makeTempRepo (`catalogFiles`, the diff's and the
 * guards' tests, which start from their own variant of the records).
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { recordPath, type RecordType } from '../core/layout.ts';

export const PID = '20.500.12345/20240017/xps-0001';
export const DOI = '10.5072/shelfmark.4k7q-2m9d';

const person = { name: 'Anna Svensson', orcid: '0000-0002-1825-0097', affiliation: { name: 'Lund University', ror: 'https://ror.org/012a77v79' } };

/** The records of the small catalogue, by type. */
export function baseRecords(): Record<Exclude<RecordType, 'config'>, Record<string, unknown>> & { config: Record<string, unknown> } {
  return {
    config: {
      facility: { name: 'Test Light Source', ror: 'https://ror.org/012a77v79' },
      siteBaseUrl: 'http://127.0.0.1:4321/',
      pidPrefix: '20.500.12345',
      doiPrefix: '10.5072',
      publisher: 'Test Light Source',
      defaultEmbargoYears: 3,
      retentionYears: 7,
      timeZone: 'Europe/Stockholm',
    },
    instrument: { id: 'flexpes', name: 'FlexPES', techniques: [{ pid: 'PaNET01204', name: 'x-ray photoelectron spectroscopy' }] },
    technique: { pid: 'PaNET01204', name: 'x-ray photoelectron spectroscopy' },
    profile: {
      id: 'xps',
      name: 'X-ray photoelectron spectroscopy',
      appliesTo: { techniques: ['PaNET01204'], instruments: ['flexpes'] },
      fields: [
        { key: 'photon_energy', name: 'Photon energy', required: true, dimension: 'energy', range: { min: 50, max: 10000, unit: 'eV' } },
        { key: 'pass_energy', name: 'Pass energy', required: true, dimension: 'energy', range: { min: 1, max: 500, unit: 'eV' } },
        { key: 'analyser/model', name: 'Analyser model', required: true },
        { key: 'pressure', name: 'Chamber pressure', required: false, dimension: 'pressure', range: { max: 1e-6, unit: 'mbar' } },
      ],
    },
    proposal: { proposalId: '20240017', title: 'Silver surfaces', pi: person, instrumentIds: ['flexpes'], startTime: '2024-03-14T08:00:00+01:00', endTime: '2024-03-16T08:00:00+01:00' },
    sample: { sampleId: '20240017-s01', name: 'Ag(111) crystal', proposalId: '20240017' },
    dataset: {
      pid: PID,
      type: 'raw',
      datasetName: 'Ag 3d core level',
      creationTime: '2024-03-14T09:31:02+01:00',
      startTime: '2024-03-14T09:26:53+01:00',
      endTime: '2024-03-14T09:31:02+01:00',
      creators: [person],
      principalInvestigators: [person],
      proposalId: '20240017',
      sampleIds: ['20240017-s01'],
      instrumentId: 'flexpes',
      techniques: [{ pid: 'PaNET01204', name: 'x-ray photoelectron spectroscopy' }],
      license: 'CC-BY-4.0',
      access: { status: 'embargoed', embargoedUntil: '2027-03-14' },
      sourceFolder: '/data/20240017/raw',
      metadataProfile: 'xps',
      retentionUntil: '2031-03-14',
      scientificMetadata: {
        photon_energy: { value: 1.2, unit: 'keV', name: 'Photon energy' },
        pass_energy: { value: 50, unit: 'eV' },
        pressure: { value: 2e-10, unit: 'Torr' },
        analyser: { model: 'Scienta R4000' },
        counts: { value: 123456, unit: 'counts' },
      },
    },
    publication: {
      doi: DOI,
      status: 'draft',
      title: 'Ag 3d spectra',
      creators: [person],
      publisher: 'Test Light Source',
      publicationYear: 2025,
      pidArray: [PID],
    },
    annotation: { id: '20240017/xps-0001/c-0001', datasetPid: PID, author: person, created: '2024-04-01T10:00:00+02:00', comment: 'Good data.' },
  };
}

/** The id of a record of each type (what layout.ts turns into its path). */
const ids: Record<RecordType, (r: Record<string, unknown>) => string> = {
  config: () => 'config',
  instrument: (r) => r.id as string,
  technique: (r) => r.pid as string,
  profile: (r) => r.id as string,
  publication: (r) => r.doi as string,
  proposal: (r) => r.proposalId as string,
  sample: (r) => r.sampleId as string,
  dataset: (r) => r.pid as string,
  annotation: (r) => r.id as string,
};

/** Writes `root/rel`, creating folders: a value as pretty JSON (as the catalogue stores records), a string or bytes as they are. */
export function writeUnder(root: string, rel: string, content: unknown): void {
  const abs = join(root, rel);
  mkdirSync(dirname(abs), { recursive: true });
  writeFileSync(abs, typeof content === 'string' || content instanceof Uint8Array ? content : `${JSON.stringify(content, null, 2)}\n`);
}

/** The repository path (`catalog/…`) of a record. */
export function repoPath(type: RecordType, record: Record<string, unknown>): string {
  return `catalog/${recordPath(type, ids[type](record))}`;
}

/** Repository files for makeTempRepo: every record (by default the base ones) at its path. */
export function catalogFiles(records: Record<RecordType, Record<string, unknown>> = baseRecords()): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [type, r] of Object.entries(records) as [RecordType, Record<string, unknown>][]) out[repoPath(type, r)] = r;
  return out;
}

/** A temporary catalogue; call `cleanup()` when done. */
export interface TestCatalog {
  root: string;
  /** Path (relative to the root) of the base record of a type. */
  pathOf(type: RecordType): string;
  /** Writes a file (a value is written as pretty JSON, a string or bytes as they are). */
  write(rel: string, content: unknown): string;
  /** Reads back a record. */
  read(rel: string): Record<string, unknown>;
  /** Changes the base record of a type and writes it back. */
  edit(type: RecordType, change: (r: Record<string, unknown>) => void): string;
  cleanup(): void;
}

export function makeTestCatalog(): TestCatalog {
  const base = mkdtempSync(join(tmpdir(), 'shelfmark-validate-'));
  const root = join(base, 'catalog');
  const records = baseRecords();
  const pathOf = (type: RecordType) => recordPath(type, ids[type](records[type]));
  const write = (rel: string, content: unknown) => {
    writeUnder(root, rel, content);
    return rel;
  };
  for (const type of Object.keys(records) as RecordType[]) write(pathOf(type), records[type]);
  return {
    root,
    pathOf,
    write,
    read: (rel) => JSON.parse(readFileSync(join(root, rel), 'utf8')) as Record<string, unknown>,
    edit(type, change) {
      const rel = pathOf(type);
      const r = JSON.parse(readFileSync(join(root, rel), 'utf8')) as Record<string, unknown>;
      change(r);
      return write(rel, r);
    },
    cleanup: () => rmSync(base, { recursive: true, force: true }),
  };
}
