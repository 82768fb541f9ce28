import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Measurement, TranslatorResult } from '../measurement.ts';
import { igorIbw } from './igor-ibw.ts';
import { hasHdf5Signature, masterStem, nexus } from './nexus.ts';
import { HAVE_CORPUS, NO_CORPUS, corpus } from './test-corpus.ts';

function only(r: TranslatorResult): Measurement {
  if (r.status !== 'ok') throw new Error(`expected ok, got ${r.status}: ${JSON.stringify(r)}`);
  expect(r.measurements).toHaveLength(1);
  return r.measurements[0]!;
}

describe('NeXus helpers (pure)', () => {
  it('finds the HDF5 signature at 0 or after a user block', () => {
    const sig = [0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a];
    const at = (n: number) => {
      const b = new Uint8Array(2048);
      b.set(sig, n);
      return b;
    };
    expect(hasHdf5Signature(at(0))).toBe(true);
    expect(hasHdf5Signature(at(512))).toBe(true);
    expect(hasHdf5Signature(at(1024))).toBe(true);
    expect(hasHdf5Signature(at(100))).toBe(false);
  });
  it('names the master of a data file', () => {
    expect(masterStem('Therm_6_2_000001.h5')).toBe('Therm_6_2');
    expect(masterStem('scan_data_000003.h5')).toBe('scan');
    expect(masterStem('p45-1168.nxs')).toBeUndefined();
  });
});

describe.skipIf(!HAVE_CORPUS)(`NeXus/HDF5 on real files ${HAVE_CORPUS ? '' : NO_CORPUS}`, () => {
  const tmp = mkdtempSync(join(tmpdir(), 'shelfmark-nexus-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('NXarpes skeleton: definition, technique and the analyser fields', async () => {
    const m = only(await nexus.read(corpus('nexus', 'NXarpes.hdf5')));
    expect(m.definition).toBe('NXarpes');
    expect(m.technique).toEqual({ pid: 'PaNET01089', name: 'angle resolved photoemission spectroscopy' });
    expect(m.metadata.acquisition_mode).toEqual({ value: 'swept' });
    expect(m.metadata.lens_mode).toEqual({ value: 'SAMPLE-CHAR-DATA' });
    expect(m.metadata.entrance_slit_shape).toEqual({ value: 'curved' });
    // NX_ENERGY is a NeXus unit category, not a unit: dropped.
    expect(m.metadata.pass_energy).toEqual({ value: 'SAMPLE-CHAR-DATA' });
    expect(m.startTime).toBe('2021-03-29T15:51:33.838');
    expect(m.startTimeRaw).toBe('2021-03-29T15:51:33.838489');
  });

  it('NXxas and NXtomo skeletons: technique from the definition, end time', async () => {
    const xas = only(await nexus.read(corpus('nexus', 'NXxas.hdf5')));
    expect(xas.technique?.pid).toBe('PaNET01196');
    expect(xas.metadata.excitation_energy).toEqual({ value: 1 });
    const tomo = only(await nexus.read(corpus('nexus', 'NXtomo.hdf5')));
    expect(tomo.technique).toEqual({ pid: 'PaNET01129', name: 'tomography' });
    expect(tomo.endTime).toBe('2021-03-29T15:51:44.652');
    expect(tomo.metadata.source_probe).toEqual({ value: 'neutron' });
  });

  it('Therm_6_2.nxs: missing external link and virtual dataset target is a warning, not an error', async () => {
    const r = await nexus.read(corpus('nexus', 'Therm_6_2.nxs'));
    const m = only(r);
    expect(m.definition).toBe('NXmx');
    expect(m.technique?.pid).toBe('PaNET01164');
    expect(m.startTime).toBe('2019-02-14T14:25:57');
    expect(m.endTime).toBe('2019-02-14T14:26:24');
    expect(m.facility).toBe('Diamond Light Source');
    expect(m.metadata.wavelength).toEqual({ value: 0.9802735610373182, unit: 'angstrom' });
    expect(m.metadata.detector).toEqual({ value: 'Eiger 16M' });
    expect(m.files).toEqual([corpus('nexus', 'Therm_6_2.nxs')]);
    expect(m.warnings).toHaveLength(1);
    expect(m.warnings[0]).toMatch(/\/entry\/data\/data .*"Therm_6_2_000001\.h5", which is not next to Therm_6_2\.nxs/);
  });

  it('groups a master with its data file when the data file is there', async () => {
    copyFileSync(corpus('nexus', 'Therm_6_2.nxs'), join(tmp, 'Therm_6_2.nxs'));
    const h5 = (await import('h5wasm/node')) as unknown as typeof import('h5wasm');
    await h5.ready;
    const f = new h5.File(join(tmp, 'Therm_6_2_000001.h5'), 'w');
    f.create_dataset({ name: 'data', data: new Int32Array([1, 2, 3, 4]), shape: [1, 2, 2] });
    f.close();
    const master = only(await nexus.read(join(tmp, 'Therm_6_2.nxs')));
    expect(master.files).toEqual([join(tmp, 'Therm_6_2.nxs'), join(tmp, 'Therm_6_2_000001.h5')]);
    expect(master.warnings).toEqual([]);
    const part = only(await nexus.read(join(tmp, 'Therm_6_2_000001.h5')));
    expect(part.role).toBe('part');
    expect(part.groupKey).toBe(master.groupKey);
    expect(part.regions).toEqual([]);
    // Without its master in the folder, a data file is skipped rather than made a dataset of its own.
    mkdirSync(join(tmp, 'alone'));
    copyFileSync(join(tmp, 'Therm_6_2_000001.h5'), join(tmp, 'alone', 'Therm_6_2_000001.h5'));
    const alone = await nexus.read(join(tmp, 'alone', 'Therm_6_2_000001.h5'));
    expect(alone.status).toBe('skipped');
    expect(alone.status === 'skipped' && alone.reason).toMatch(/master \(Therm_6_2\.nxs, \.h5 or _master\.h5\) is not in the same folder/);
  });

  it('p45-1168.nxs: superblock v2, no definition, empty NXuser', async () => {
    expect(readFileSync(corpus('nexus', 'p45-1168.nxs'))[8]).toBe(2); // superblock version byte
    const m = only(await nexus.read(corpus('nexus', 'p45-1168.nxs')));
    expect(m.definition).toBeUndefined();
    expect(m.technique).toBeUndefined();
    expect(m.user).toBeUndefined();
    expect(m.sample).toBe('Unnamed Sample');
    expect(m.warnings.join()).toMatch(/"p45-1168-mic\.hdf5"/);
  });

  it('writer_1_3.h5: entry without definition or times, 1-D NXdata as quick look', async () => {
    const m = only(await nexus.read(corpus('nexus', 'writer_1_3.h5')));
    expect(m.regions.map((r) => r.name)).toEqual(['Scan']);
    expect(m.startTime).toBeUndefined();
    const s = m.regions[0]!.spectrum!;
    expect(s.y).toHaveLength(31);
    expect(s.y[0]).toBe(1037);
    expect([s.xLabel, s.xUnit, s.yLabel]).toEqual(['two_theta', 'degrees', 'counts']);
  });

  it('scienta_ibw_ref.nxs: two NXxps entries, electronanalyzer fields, agrees with the .ibw it came from', async () => {
    const m = only(await nexus.read(corpus('nexus', 'scienta_ibw_ref.nxs')));
    expect(m.definition).toBe('NXxps');
    expect(m.regions.map((r) => r.name)).toEqual(['Ag__001__Ag3d', 'Ag__002__VB']);
    expect(m.regions.map((r) => r.metadata.excitation_energy?.value)).toEqual([520, 153]);
    expect(m.metadata.lens_mode).toEqual({ value: 'Transmission' });
    expect(m.metadata.pass_energy).toEqual({ value: 50, unit: 'eV' });
    expect(m.user).toBe('AN');
    expect(m.sample).toBe('Ag');
    expect(m.facility).toBe('BESSY II');
    expect(m.instrumentName).toBe('R3000-6MS014');
    expect(m.startTime).toBe('2023-03-08T15:24:35+01:00');
    expect(m.regions[0]!.spectrum!.xLabel).toBe('energy');
    const ibw = only(await igorIbw.read(corpus('scienta-ses', 'Ag_0001Ag__001.ibw')));
    const a = ibw.regions[0]!;
    const b = m.regions[0]!;
    expect(b.metadata.excitation_energy).toEqual(a.metadata.excitation_energy);
    expect(b.metadata.pass_energy).toEqual(a.metadata.pass_energy);
    expect(b.metadata.lens_mode).toEqual(a.metadata.lens_mode);
    expect(b.spectrum!.y[0]).toBeCloseTo(a.spectrum!.y[0]!, 9);
    expect(m.startTime!.slice(0, 19)).toBe(ibw.startTime);
  });
});
