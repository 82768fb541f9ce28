import { describe, expect, it } from 'vitest';
import type { Measurement, TranslatorResult } from '../measurement.ts';
import { prodigyDateTime } from './dates.ts';
import { prodigyXy } from './prodigy-xy.ts';
import { specslabXml } from './specslab-xml.ts';
import { HAVE_CORPUS, NO_CORPUS, corpus } from './test-corpus.ts';
import { vamas } from './vamas.ts';

function ok(r: TranslatorResult): Measurement[] {
  if (r.status !== 'ok') throw new Error(`expected ok, got ${r.status}: ${JSON.stringify(r)}`);
  return r.measurements;
}

describe('Prodigy time stamps (pure)', () => {
  it('reads US order, two-digit years and the UTC zone', () => {
    expect(prodigyDateTime('08/24/23 14:19:47 UTC')).toBe('2023-08-24T14:19:47Z');
    expect(prodigyDateTime('08/24/23 14:19:47')).toBe('2023-08-24T14:19:47');
    expect(prodigyDateTime('24.08.2023')).toBeUndefined();
  });
});

describe.skipIf(!HAVE_CORPUS)(`SPECS formats on real files ${HAVE_CORPUS ? '' : NO_CORPUS}`, () => {
  it('MgFe2O4_small.xy: one group, Survey and Fe2p with their analyser settings', async () => {
    const ms = ok(await prodigyXy.read(corpus('specs-prodigy', 'MgFe2O4_small.xy')));
    expect(ms).toHaveLength(1);
    const m = ms[0]!;
    expect(m.format).toBe('prodigy-xy');
    expect(m.title).toBe('1 as-loaded');
    expect(m.regions.map((r) => r.name)).toEqual(['Survey', 'Fe2p']);
    const [survey, fe2p] = m.regions as [Measurement['regions'][0], Measurement['regions'][0]];
    expect(survey.metadata.points).toEqual({ value: 1351 });
    expect(survey.metadata.pass_energy).toEqual({ value: 100, unit: 'eV' });
    expect(survey.metadata.excitation_energy).toEqual({ value: 1486.61, unit: 'eV' });
    expect(survey.metadata.dwell_time).toEqual({ value: 0.1, unit: 's' });
    expect(survey.metadata.lens_mode).toEqual({ value: 'LargeArea:1.5kV' });
    expect(survey.metadata.acquisition_mode).toEqual({ value: 'FixedAnalyzerTransmission' });
    expect(survey.metadata.energy_start).toEqual({ value: 1350, unit: 'eV' });
    expect(survey.metadata.energy_end).toEqual({ value: 0, unit: 'eV' });
    expect(survey.metadata.work_function).toEqual({ value: 4.1082, unit: 'eV' });
    expect(survey.spectrum!.y[0]).toBe(15598.679);
    expect(survey.spectrum!.xLabel).toBe('Binding Energy');
    expect(fe2p.metadata.points).toEqual({ value: 56 });
    expect(fe2p.metadata.pass_energy).toEqual({ value: 20, unit: 'eV' });
    expect(fe2p.metadata.dwell_time).toEqual({ value: 0.3, unit: 's' });
    expect(m.metadata.excitation_energy).toEqual({ value: 1486.61, unit: 'eV' });
    expect(m.metadata.pass_energy).toBeUndefined(); // differs between the regions
    expect(m.startTime).toBe('2023-08-24T14:19:47Z');
    expect(m.analyser).toEqual({ model: 'Phoibos' });
    expect(m.technique?.pid).toBe('PaNET01204');
    expect(m.metadata.software_version).toEqual({ value: '4.100.1-r111001' });
  });

  it('MgFe2O4_with_transmission_function.xy: 4 groups, 30 region blocks, an index axis, up to 6 scans', async () => {
    const ms = ok(await prodigyXy.read(corpus('specs-prodigy', 'MgFe2O4_with_transmission_function.xy')));
    expect(ms.map((m) => m.title)).toEqual([
      'Alignment',
      '1 as-loaded',
      '2 S1110, UHV, RT, Epass = 20 eV',
      '3 S1110, UHV, RT, Epass = 30 eV',
    ]);
    expect(ms.reduce((n, m) => n + m.regions.length, 0)).toBe(30);
    const align = ms[0]!.regions[0]!;
    expect(align.metadata.acquisition_mode).toEqual({ value: 'FixedEnergies' });
    expect(align.metadata.kinetic_energy).toEqual({ value: 780.61, unit: 'eV' });
    expect(align.metadata.energy_start).toBeUndefined();
    expect(align.spectrum!.xLabel).toBe('index');
    const sweeps = ms.flatMap((m) => m.regions.map((r) => r.metadata.sweeps?.value as number));
    expect(Math.min(...sweeps)).toBe(1);
    expect(Math.max(...sweeps)).toBe(6);
    // Group keys differ per group, so each becomes its own dataset.
    expect(new Set(ms.map((m) => m.groupKey)).size).toBe(4);
  });

  it('In-situ_PBTTT_XPS_SPECS.xml: typed elements, epoch cycle times', async () => {
    const ms = ok(await specslabXml.read(corpus('specs-prodigy', 'In-situ_PBTTT_XPS_SPECS.xml')));
    expect(ms).toHaveLength(1);
    const m = ms[0]!;
    expect(m.format).toBe('specslab-xml');
    expect(m.title).toBe('PBTTT 1.2 V');
    expect(m.regions.map((r) => r.name)).toEqual(['Survey', 'C1s']);
    const c1s = m.regions[1]!.metadata;
    expect(c1s.sweeps).toEqual({ value: 15 });
    expect(c1s.points).toEqual({ value: 201 });
    expect(c1s.pass_energy).toEqual({ value: 20, unit: 'eV' });
    expect(c1s.dwell_time).toEqual({ value: 0.2, unit: 's' });
    expect(c1s.energy_start).toEqual({ value: 963.6, unit: 'eV' });
    expect(c1s.energy_end).toEqual({ value: 973.6, unit: 'eV' });
    expect(m.metadata.excitation_energy).toEqual({ value: 1253.6, unit: 'eV' });
    expect(m.metadata.lens_mode).toEqual({ value: 'MediumMagnification:1.5kV' });
    expect(m.startTimeRaw).toBe('1643391325');
    expect(m.startTime).toBe('2022-01-28T17:35:25Z');
    expect(m.analyser?.model).toBe('PHOIBOS HSA3500 100 R6-HORN[HWType 30:7] MCD-5');
    expect(m.technique?.pid).toBe('PaNET01204');
  });

  it('regular.vms: the Prodigy block comment, and the same survey as the XY export', async () => {
    const ms = ok(await vamas.read(corpus('other', 'regular.vms')));
    expect(ms).toHaveLength(1);
    const m = ms[0]!;
    expect(m.format).toBe('vamas');
    expect(m.sample).toBe('1 as-loaded');
    const r = m.regions[0]!;
    expect(r.name).toBe('Survey');
    expect(r.metadata.lens_mode).toEqual({ value: 'LargeArea:1.5kV' });
    expect(r.metadata.acquisition_mode).toEqual({ value: 'FixedAnalyzerTransmission' });
    expect(r.metadata.spectrum_id).toEqual({ value: 20 });
    expect(r.metadata.excitation_energy).toEqual({ value: 1486.61, unit: 'eV' });
    expect(r.metadata.pass_energy).toEqual({ value: 100, unit: 'eV' });
    expect(r.metadata.points).toEqual({ value: 1351 });
    expect(r.metadata.energy_start).toEqual({ value: 136.61, unit: 'eV' });
    expect(r.metadata.analysis_method).toEqual({ value: 'XPS' });
    expect(m.startTime).toBe('2023-08-24T14:19:47Z');
    expect(m.metadata.software).toEqual({ value: 'SpecsLab Prodigy' });

    // The XY export of the same survey: same start, counts/s = counts / dwell time at the same energy.
    const xy = ok(await prodigyXy.read(corpus('specs-prodigy', 'MgFe2O4_small.xy')))[0]!;
    expect(m.startTime).toBe(xy.startTime);
    const xySurvey = xy.regions[0]!.spectrum!;
    const vms = r.spectrum!;
    expect(vms.x[0]! + xySurvey.x[0]!).toBeCloseTo(1486.61, 6); // kinetic + binding = photon energy
    expect(vms.y[0]! / 0.1).toBeCloseTo(xySurvey.y[0]!, 0);
  });
});
