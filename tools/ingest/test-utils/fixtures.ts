/**
 * Test fixtures for the ingest pipeline: a small catalogue (config, XPS profile,
 * instrument, proposal) in a temporary folder, and hand-made measurements.
 */
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { recordPath } from '../../core/layout.ts';
import type { Measurement } from '../measurement.ts';
import type { Profile } from '../settings.ts';

export const XPS_PROFILE: Profile & { description: string } = {
  id: 'xps',
  name: 'X-ray photoelectron spectroscopy',
  description: 'What every XPS dataset should say about its photons and analyser.',
  appliesTo: { techniques: ['PaNET01204'] },
  fields: [
    { key: 'photon_energy', name: 'Photon energy', required: true, unit: 'eV', aliases: ['Excitation Energy'] },
    { key: 'analyser/pass_energy', name: 'Pass energy', required: true, unit: 'eV' },
    { key: 'analyser/lens_mode', name: 'Lens mode', required: false },
    { key: 'analyser/dwell_time', name: 'Dwell time', required: false, unit: 's' },
    { key: 'sample/name', name: 'Sample', required: false, aliases: ['sample_name'] },
    { key: 'sample/temperature', name: 'Sample temperature', required: true, dimension: 'temperature' },
  ],
};

export const CONFIG = {
  facility: { name: 'Example Light Source' },
  siteBaseUrl: 'https://data.example.org/',
  pidPrefix: '20.500.12345',
  doiPrefix: '10.5072',
  publisher: 'Example Light Source',
  defaultEmbargoYears: 3,
  retentionYears: 7,
  timeZone: 'Europe/Stockholm',
  defaultLicense: 'CC-BY-4.0',
  ingest: {
    instrumentBySerial: { '6MS014': 'flexpes' },
    instrumentByName: { MERLIN: 'merlin' },
    proposalPathPattern: '/(?<proposal>\\d{8})/',
    defaultProposal: '20240017',
  },
};

/** Creates a catalogue folder with config, the XPS profile, two instruments and a proposal. */
export async function makeCatalog(root?: string, config: object = CONFIG): Promise<string> {
  const dir = root ?? join(await mkdtemp(join(tmpdir(), 'shelfmark-ingest-')), 'catalog');
  const put = async (rel: string, data: unknown) => {
    await mkdir(join(dir, rel, '..'), { recursive: true });
    await writeFile(join(dir, rel), `${JSON.stringify(data, null, 2)}\n`);
  };
  await put('config.json', config);
  await put(recordPath('profile', 'xps'), XPS_PROFILE);
  const xps = { pid: 'PaNET01204', name: 'x-ray photoelectron spectroscopy' };
  await put(recordPath('instrument', 'flexpes'), {
    id: 'flexpes',
    name: 'FlexPES',
    facility: 'Example Light Source',
    techniques: [xps],
    analysers: [{ model: 'R3000', serial: '6MS014' }],
  });
  await put(recordPath('instrument', 'merlin'), { id: 'merlin', name: 'MERLIN', facility: 'ALS', techniques: [{ pid: 'PaNET01203', name: 'angle-resolved photoemission spectroscopy' }] });
  await put(recordPath('proposal', '20240017'), { proposalId: '20240017', title: 'Silver surfaces', pi: { name: 'Anna Svensson' } });
  return dir;
}

/** A single-region SES-like measurement of `file`. */
export function sesMeasurement(file: string, over: Partial<Measurement> = {}): Measurement {
  return {
    format: 'ses-txt',
    files: [file],
    groupKey: file.replace(/\.[^./]+$/, ''),
    title: 'Ag 3d',
    startTimeRaw: '2023-03-08 15:24:35',
    startTime: '2023-03-08T15:24:35',
    sample: 'Ag',
    user: 'AN',
    analyser: { model: 'R3000', serial: '6MS014' },
    technique: { pid: 'PaNET01204', name: 'x-ray photoelectron spectroscopy' },
    metadata: { excitation_energy: { value: 520, unit: 'eV' } },
    regions: [
      {
        name: 'Ag3d',
        metadata: {
          pass_energy: { value: 50, unit: 'eV' },
          lens_mode: { value: 'Transmission' },
          dwell_time: { value: 203, unit: 'ms' },
          sweeps: { value: 2 },
        },
        spectrum: { x: [382, 381.5, 381, 380.5], y: [10, 30, 20, 5], xLabel: 'Binding Energy', xUnit: 'eV', yLabel: 'Intensity' },
      },
    ],
    warnings: [],
    ...over,
  };
}
