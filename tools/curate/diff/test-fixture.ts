/**
 * Test helper for the diff and the guards: a small, valid catalogue (one
 * record of every type, linked to each other) as repository files for
 * makeTempRepo. Kept here rather than shared with the validator so the diff's
 * snapshots change only when this file does.
 */
import { recordPath, type RecordType } from '../../core/layout.ts';

export const PID = '20.500.12345/20240017/xps-0001';
export const DOI = '10.5072/shelfmark.4k7q-2m9d';

const person = { name: 'Anna Svensson', orcid: '0000-0002-1825-0097', affiliation: { name: 'Lund University', ror: 'https://ror.org/012a77v79' } };

type Rec = Record<string, unknown>;

/** Fresh copies of the records, by type. */
export function fixtureRecords(): Record<RecordType, Rec> {
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
      curationFields: ['/keywords', '/description', '/attachments'],
      rawGracePeriodDays: 30,
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
      keywords: ['silver', 'XPS'],
      license: 'CC-BY-4.0',
      access: { status: 'embargoed', embargoedUntil: '2027-03-14' },
      sourceFolder: '/data/20240017/raw',
      metadataProfile: 'xps',
      retentionUntil: '2031-03-14',
      scientificMetadata: {
        photon_energy: { value: 1.2, unit: 'keV', name: 'Photon energy' },
        pass_energy: { value: 20, unit: 'eV' },
        pressure: { value: 2e-10, unit: 'mbar' },
        analyser: { model: 'Scienta R4000', lens: { mode: 'Transmission' } },
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

const ID_OF: Record<RecordType, (r: Rec) => string> = {
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

/** The repository path (`catalog/…`) of a record. */
export function repoPath(type: RecordType, record: Rec): string {
  return `catalog/${recordPath(type, ID_OF[type](record))}`;
}

/** Repository files for makeTempRepo: every record at its path, after `edit` changed them. */
export function fixtureFiles(edit?: (r: Record<RecordType, Rec>) => void): Record<string, Rec> {
  const records = fixtureRecords();
  edit?.(records);
  const out: Record<string, Rec> = {};
  for (const [type, r] of Object.entries(records) as [RecordType, Rec][]) out[repoPath(type, r)] = r;
  return out;
}
