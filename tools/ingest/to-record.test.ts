import { describe, expect, it } from 'vitest';
import { attachmentDir } from '../core/layout.ts';
import type { FileFacts } from './manifest.ts';
import { settingsFromConfig } from './settings.ts';
import { CONFIG, XPS_PROFILE, sesMeasurement } from './test-utils/fixtures.ts';
import { datasetName, mergeMeasurements, sanitizeName, toRecord, type MeasurementGroup } from './to-record.ts';

const settings = settingsFromConfig(CONFIG, [XPS_PROFILE], [
  { id: 'flexpes', analysers: [{ serial: '6MS014' }], techniques: [{ pid: 'PaNET01204', name: 'x-ray photoelectron spectroscopy' }] },
]);
const facts = (path: string, size = 100): FileFacts => ({ path, size, sha256: 'a'.repeat(64), mtime: '2023-03-08T14:30:00.000Z' });
const group = (ms = [sesMeasurement('/data/20231234/Ag_0001.txt')]): MeasurementGroup => ({
  key: 'k',
  measurements: ms,
  files: [...new Set(ms.flatMap((m) => m.files))].map((p) => facts(p)),
});
const now = new Date('2025-01-01T00:00:00Z');
const map = (g = group(), s = settings) => {
  const r = toRecord(g, s, { now, proposal: { pi: { name: 'Anna Svensson' } } });
  if (!r.ok) throw new Error(r.message);
  return r;
};
const sm = (r: ReturnType<typeof map>) => r.record.scientificMetadata as Record<string, Record<string, unknown>>;

describe('toRecord', () => {
  it('derives a stable pid from the proposal in the path and the file base name', () => {
    const a = map();
    expect(a.pid).toBe(`20.500.12345/20231234/${datasetName('/data/20231234/Ag_0001', '/data/20231234')}`);
    expect(a.pid).toMatch(/^20\.500\.12345\/20231234\/ag-0001-[0-9a-f]{8}$/);
    expect(map().pid).toBe(a.pid);
    const elsewhere = map(group([sesMeasurement('/data/20239999/Ag_0001.txt')]));
    expect(elsewhere.pid).not.toBe(a.pid);
  });

  it('falls back to the default proposal and fails with a fix when there is none', () => {
    expect(map(group([sesMeasurement('/scratch/Ag_0001.txt')])).record.proposalId).toBe('20240017');
    const none = settingsFromConfig({ ...CONFIG, ingest: { ...CONFIG.ingest, defaultProposal: undefined } }, [XPS_PROFILE]);
    const r = toRecord(group([sesMeasurement('/scratch/Ag_0001.txt')]), none, { now });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.fix).toMatch(/proposalPathPattern/);
  });

  it('resolves local times in the facility zone and keeps the raw string', () => {
    const r = map();
    expect(r.record.startTime).toBe('2023-03-08T15:24:35+01:00');
    expect(r.record.creationTime).toBe('2023-03-08T15:24:35+01:00');
    const summer = map(group([sesMeasurement('/data/20231234/S.txt', { startTime: '2023-07-01T09:00:00', startTimeRaw: '07/01/2023 09:00 AM' })]));
    expect(summer.record.startTime).toBe('2023-07-01T09:00:00+02:00');
    expect((summer.record.provenance as Record<string, unknown>).rawStartTime).toBe('07/01/2023 09:00 AM');
  });

  it('maps instrument by analyser serial, and warns when it cannot', () => {
    expect(map().record.instrumentId).toBe('flexpes');
    const r = map(group([sesMeasurement('/data/20231234/X.txt', { analyser: { serial: 'NOPE' } })]));
    expect(r.record.instrumentId).toBeUndefined();
    expect(r.warnings.join('\n')).toMatch(/analyser serial "NOPE".*instrumentBySerial/);
  });

  it('applies the profile: names, unit conversion, SI values, dropped keys, missing required', () => {
    const r = map();
    expect(r.record.metadataProfile).toBe('xps');
    expect(sm(r).photon_energy).toMatchObject({ value: 520, unit: 'eV', name: 'Photon energy', unitSI: 'J' });
    expect(Math.abs((sm(r).photon_energy!.valueSI as number) / (520 * 1.602176634e-19) - 1)).toBeLessThan(1e-6);
    expect(sm(r).analyser!.dwell_time).toMatchObject({ value: 0.203, unit: 's', name: 'Dwell time' });
    expect(sm(r).analyser!.lens_mode).toEqual({ value: 'Transmission', name: 'Lens mode' });
    expect(sm(r).sample!.name).toEqual({ value: 'Ag', name: 'Sample' });
    const prov = r.record.provenance as Record<string, unknown>;
    expect(prov.unmappedKeys).toEqual(['sweeps', 'user']);
    expect(prov.missingRequired).toEqual(['sample/temperature']);
    expect(r.warnings.join('\n')).toMatch(/required field "sample\/temperature"/);
  });

  it('keeps a value of the wrong dimension out of the tree, in provenance, with the reason', () => {
    const m = sesMeasurement('/data/20231234/T.txt', { metadata: { excitation_energy: { value: 520, unit: 'eV' }, temperature: { value: 3, unit: 'mbar' } } });
    const r = map(group([m]));
    expect(sm(r).sample!.temperature).toBeUndefined();
    const prov = r.record.provenance as Record<string, Record<string, unknown>>;
    expect(prov.rejected!['sample/temperature']).toEqual({ value: 3, unit: 'mbar', reason: '"temperature" has unit "mbar", expected a temperature unit' });
    expect(prov.missingRequired).toEqual(['sample/temperature']);
    expect(r.warnings.join('\n')).toMatch(/"sample\/temperature".*unusable.*expected a temperature unit/);
  });

  it('rejects a unitless number for a dimension field', () => {
    const m = sesMeasurement('/data/20231234/U.txt', { metadata: { excitation_energy: { value: 520, unit: 'eV' }, temperature: { value: 300 } } });
    const r = map(group([m]));
    expect(sm(r).sample!.temperature).toBeUndefined();
    expect(r.warnings.join('\n')).toMatch(/no unit in the file, expected a temperature unit/);
    const ok = map(group([sesMeasurement('/data/20231234/V.txt', { metadata: { excitation_energy: { value: 0.52, unit: 'keV' }, temperature: { value: 27, unit: 'degC' } } })]));
    expect(sm(ok).sample!.temperature).toEqual({ value: 27, unit: 'degC', name: 'Sample temperature', valueSI: 300.15, unitSI: 'K' });
    expect(sm(ok).photon_energy!.value).toBe(520);
  });

  it('lifts values equal in every region and keeps differing ones per region', () => {
    const base = sesMeasurement('/data/20231234/Multi.txt');
    const r0 = base.regions[0]!;
    const m = { ...base, regions: [r0, { ...r0, name: 'VB', metadata: { ...r0.metadata, pass_energy: { value: 20, unit: 'eV' } } }] };
    const r = map(group([m]));
    expect(sm(r).analyser!.lens_mode).toEqual({ value: 'Transmission', name: 'Lens mode' });
    expect(sm(r).analyser!.pass_energy).toMatchObject({ value: [50, 20], unit: 'eV', name: 'Pass energy' });
    const regions = sm(r).regions as Record<string, Record<string, Record<string, { value: number }>>>;
    expect(regions.Ag3d!.analyser!.pass_energy!.value).toBe(50);
    expect(regions.VB!.analyser!.pass_energy!.value).toBe(20);
    expect((r.record.provenance as { missingRequired: string[] }).missingRequired).toEqual(['sample/temperature']);
    expect(r.attachments.map((a) => a.rel.split('/').pop())).toEqual(['quicklook-01-ag3d.svg', 'quicklook-02-vb.svg']);
  });

  it('sets access, retention, licence, manifest and a quick-look attachment', () => {
    const r = map();
    expect(r.record.access).toEqual({ status: 'embargoed', embargoedUntil: '2026-03-08' });
    expect(r.record.retentionUntil).toBe('2030-03-08');
    expect(r.record.license).toBe('CC-BY-4.0');
    expect(r.record.principalInvestigators).toEqual([{ name: 'Anna Svensson' }]);
    expect(r.record.files).toEqual({ chkAlg: 'sha256', dataFileList: [{ path: 'Ag_0001.txt', size: 100, chk: 'a'.repeat(64), time: '2023-03-08T14:30:00.000Z' }] });
    expect(r.record.sourceFolder).toBe('/data/20231234');
    expect(r.attachments).toHaveLength(1);
    expect(r.attachments[0]!.rel).toBe(`${attachmentDir(r.pid)}/quicklook.svg`);
    expect(r.record.attachments).toEqual([{ path: 'quicklook.svg', caption: expect.stringContaining('Ag3d'), mediaType: 'image/svg+xml' }]);
    const later = toRecord(group(), settings, { now: new Date('2027-01-01T00:00:00Z') });
    expect(later.ok && later.record.access).toEqual({ status: 'public' });
  });

  it('merges the files of one acquisition into one record, the primary file winning', () => {
    const txt = sesMeasurement('/data/20231234/Ag_0001.txt');
    const ibw = sesMeasurement('/data/20231234/Ag_0001Ag__001.ibw', { format: 'igor-ibw', groupKey: txt.groupKey, title: 'other', metadata: { excitation_energy: { value: 1, unit: 'eV' }, extra: { value: 'x' } } });
    const merged = mergeMeasurements([txt, ibw]);
    expect(merged.title).toBe('Ag 3d');
    expect(merged.metadata.excitation_energy!.value).toBe(520);
    expect(merged.metadata.extra!.value).toBe('x');
    const r = map(group([txt, ibw]));
    expect(r.record.numberOfFiles).toBe(2);
    expect(r.record.dataFormat).toBe('Scienta SES text + Igor Pro binary wave (Scienta SES)');
  });

  it('sanitizes names into layout-safe segments', () => {
    expect(sanitizeName('Cu-HHTP_0003 (C 1s)')).toBe('cu-hhtp-0003-c-1s');
    expect(sanitizeName('Ångström/..')).toBe('angstrom');
    expect(sanitizeName('___')).toBe('dataset');
  });
});
