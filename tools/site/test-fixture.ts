/**
 * A small catalogue for the site's unit tests, written to a temporary folder:
 * one instrument (with Markdown), a technique, a proposal, a sample, a public
 * raw dataset with a nested metadata tree, a derived dataset, a restricted one,
 * an embargoed canary, an annotation and a findable and a draft publication.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeUnder } from '../catalog/test-catalog.ts';
import { recordPath, type RecordType, annotationDir, attachmentDir } from '../core/layout.ts';

export const FIXTURE_NOW = new Date('2026-01-01T00:00:00Z');
export const CANARY_TITLE = 'CANARY-FIXTURE-TITLE';
export const CANARY_VALUE = 'CANARY-FIXTURE-VALUE';

const person = (name: string, given: string, family: string, orcid?: string) => ({
  name,
  givenName: given,
  familyName: family,
  ...(orcid ? { orcid } : {}),
  affiliation: { name: 'Vesterby University', ror: 'https://ror.org/04gk8m166' },
});

export const RAW = {
  pid: '20.500.12345/20240017/xps-0001',
  type: 'raw',
  datasetName: 'Survey of Ag(111) <script>alert(1)</script>',
  description: 'An **XPS survey** of clean silver.\n\n<script>alert("x")</script>\n\n[a link](javascript:alert(1))',
  creationTime: '2024-03-04T21:18:58+01:00',
  startTime: '2024-03-04T21:14:03+01:00',
  endTime: '2024-03-04T21:18:58+01:00',
  creators: [person('Ingrid Halvorsen', 'Ingrid', 'Halvorsen', '0000-0002-1825-010X'), person('Wei Chen', 'Wei', 'Chen')],
  proposalId: '20240017',
  sampleIds: ['20240017-s01'],
  instrumentId: 'aurora',
  techniques: [{ pid: 'PaNET01196', name: 'x-ray photoelectron spectroscopy' }],
  keywords: ['silver', 'XPS'],
  license: 'CC-BY-4.0',
  access: { status: 'public' },
  numberOfFiles: 2,
  size: 1536,
  files: {
    chkAlg: 'sha256',
    dataFileList: [
      { path: 'Ag_0001.txt', size: 1024, chk: 'aa11' },
      { path: 'Ag_0001.ibw', size: 512, chk: 'bb22' },
    ],
  },
  storage: {
    downloadUrl: 'https://data.example/download/20240017/xps-0001.zip',
    globus: { endpoint: 'abc-123', path: '/proposals/20240017/xps-0001/' },
  },
  scientificMetadata: {
    photon_energy: { value: 520, unit: 'eV', name: 'Photon energy' },
    kinetic_range: { min: 10, max: 515.5, unit: 'eV', name: 'Kinetic energy range' },
    analyser: { lens_mode: { value: 'HighMagnification', name: 'Lens mode' }, pass_energy: { value: 50, unit: 'eV' } },
    region_name: 'Ag3d',
    sweeps: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
    cooled: true,
  },
  doi: '10.5072/shelfmark.xps-0001',
  attachments: [{ path: 'quicklook.svg', caption: 'Survey quick look', mediaType: 'image/svg+xml' }],
};

export const DERIVED = {
  pid: '20.500.12345/20240017/fit-0001',
  type: 'derived',
  datasetName: 'Peak fit of the Ag 3d region',
  description: 'Fitted with two Voigt doublets.',
  creationTime: '2025-02-01T10:00:00+01:00',
  creators: [person('Wei Chen', 'Wei', 'Chen')],
  proposalId: '20240017',
  sampleIds: ['20240017-s01'],
  instrumentId: 'aurora',
  techniques: [{ pid: 'PaNET01196', name: 'x-ray photoelectron spectroscopy' }],
  keywords: ['fit'],
  license: 'CC0-1.0',
  access: { status: 'embargoed', embargoedUntil: '2025-06-01' },
  inputDatasets: [RAW.pid],
  usedSoftware: ['CasaXPS 2.3.25'],
};

export const RESTRICTED = {
  pid: '20.500.12345/20240017/xps-0002',
  type: 'raw',
  datasetName: 'Valence band of Ag(111)',
  creationTime: '2024-03-05T09:00:00+01:00',
  creators: [person('Ingrid Halvorsen', 'Ingrid', 'Halvorsen')],
  proposalId: '20240017',
  instrumentId: 'aurora',
  access: { status: 'restricted', reason: 'Industrial partner' },
  files: { chkAlg: 'sha256', dataFileList: [{ path: 'vb.txt', size: 10, chk: 'cc33' }] },
  storage: { downloadUrl: 'https://data.example/download/20240017/xps-0002.zip' },
};

export const CANARY = {
  pid: '20.500.12345/20249999/secret-0001',
  type: 'raw',
  datasetName: `${CANARY_TITLE} hidden`,
  creationTime: '2025-11-01T10:00:00+01:00',
  creators: [person('Nils Sørensen', 'Nils', 'Sørensen')],
  proposalId: '20249999',
  sampleIds: ['20249999-s01'],
  instrumentId: 'aurora',
  access: { status: 'embargoed', embargoedUntil: '2028-11-01' },
  scientificMetadata: { canary_token: { value: CANARY_VALUE, name: 'Canary' } },
};

/** Writes the fixture catalogue; returns its root. */
export async function writeFixtureCatalog(dir?: string): Promise<string> {
  const root = dir ?? (await mkdtemp(join(tmpdir(), 'shelfmark-site-fixture-')));
  const put = async (rel: string, data: unknown) => writeUnder(root, rel, data);
  const rec = (type: RecordType, id: string, data: unknown) => put(recordPath(type, id), data);
  await put('config.json', {
    facility: { name: 'Nordlys Synchrotron', ror: 'https://ror.org/07nq3k246', url: 'https://nordlys.example/' },
    siteBaseUrl: 'https://data.nordlys.example/',
    pidPrefix: '20.500.12345',
    doiPrefix: '10.5072',
    publisher: 'Nordlys Synchrotron',
    forge: { kind: 'github', url: 'https://github.com', repository: 'nordlys/catalog', branch: 'main' },
  });
  await rec('instrument', 'aurora', { id: 'aurora', name: 'Aurora ARPES beamline', facility: 'Nordlys Synchrotron', beamline: 'A1' });
  await put('instruments/aurora.md', '---\ntitle: Aurora\n---\n# Aurora\n\nA soft x-ray beamline.\n');
  await rec('technique', 'PaNET01196', { pid: 'PaNET01196', name: 'x-ray photoelectron spectroscopy' });
  await rec('proposal', '20240017', { proposalId: '20240017', title: 'Silver surfaces', pi: person('Ingrid Halvorsen', 'Ingrid', 'Halvorsen') });
  await rec('proposal', '20249999', { proposalId: '20249999', title: 'Secret proposal' });
  await rec('sample', '20240017-s01', { sampleId: '20240017-s01', name: 'Ag(111) crystal', proposalId: '20240017' });
  await rec('sample', '20249999-s01', { sampleId: '20249999-s01', name: 'Secret sample', proposalId: '20249999' });
  for (const d of [RAW, DERIVED, RESTRICTED, CANARY]) await rec('dataset', d.pid, d);
  await put(`${annotationDir(RAW.pid)}/c-0001.json`, {
    id: '20240017/xps-0001/c-0001',
    datasetPid: RAW.pid,
    author: person('Wei Chen', 'Wei', 'Chen'),
    created: '2024-05-02T11:30:00+02:00',
    comment: 'Charging visible in the **first** sweep.',
    rating: 4,
    image: { path: 'c-0001.png', caption: 'Charging', mediaType: 'image/png' },
  });
  await put(`${annotationDir(RAW.pid)}/c-0001.png`, 'PNG');
  await put(`${attachmentDir(RAW.pid)}/quicklook.svg`, '<svg xmlns="http://www.w3.org/2000/svg"/>');
  await rec('publication', '10.5072/shelfmark.pub-0001', {
    doi: '10.5072/shelfmark.pub-0001',
    status: 'findable',
    title: 'Silver data',
    publicationYear: 2025,
    pidArray: [RAW.pid, CANARY.pid],
  });
  await rec('publication', '10.5072/shelfmark.pub-0002', { doi: '10.5072/shelfmark.pub-0002', status: 'draft', title: 'Draft data' });
  return root;
}
