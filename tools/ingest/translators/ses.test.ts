import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Measurement, TranslatorResult } from '../measurement.ts';
import { igorIbw } from './igor-ibw.ts';
import { igorPxt } from './igor-pxt.ts';
import { parseSesHeader, splitAnalyser } from './ses-header.ts';
import { parseSesText, sesTxt } from './ses-txt.ts';
import { HAVE_CORPUS, NO_CORPUS, corpus } from './test-corpus.ts';

function only(r: TranslatorResult): Measurement {
  if (r.status !== 'ok') throw new Error(`expected ok, got ${r.status}: ${JSON.stringify(r)}`);
  expect(r.measurements).toHaveLength(1);
  return r.measurements[0]!;
}

const v = (m: Measurement, key: string) => m.regions[0]?.metadata[key];

describe('SES header (pure)', () => {
  it('reads lower-case key variants, US dates and 12-hour times', () => {
    const h = parseSesHeader([
      ['Detector first x-channel', '1'],
      ['Number of slices', '3'],
      ['Date', '06/05/2017'],
      ['Time', '12:05:09 AM'],
      ['Instrument', 'SES 100-556'],
      ['Comments', ';'],
      ['Pass Energy', 'fifty'],
    ]);
    expect(h.metadata.detector_first_x_channel).toEqual({ value: 1 });
    expect(h.metadata.slices).toEqual({ value: 3 });
    expect(h.startTime).toBe('2017-06-05T00:05:09');
    expect(h.analyser).toEqual({ model: 'SES 100', serial: '556' });
    expect(h.metadata.comments).toBeUndefined();
    expect(h.metadata.pass_energy).toEqual({ value: 'fifty', unit: 'eV' });
    expect(h.warnings[0]).toMatch(/Pass Energy=fifty: expected a number/);
  });

  it('warns instead of guessing when the date is unreadable', () => {
    const h = parseSesHeader([['Date', 'yesterday'], ['Time', 'noon']]);
    expect(h.startTime).toBeUndefined();
    expect(h.startTimeRaw).toBe('yesterday noon');
    expect(h.warnings.join()).toMatch(/start time left empty/);
  });

  it('splits analyser serials', () => {
    expect(splitAnalyser('R3000-6MS014')).toEqual({ model: 'R3000', serial: '6MS014' });
    expect(splitAnalyser('DA30')).toEqual({ model: 'DA30' });
  });
});

describe.skipIf(!HAVE_CORPUS)(`Scienta SES on real files ${HAVE_CORPUS ? '' : NO_CORPUS}`, () => {
  it('Ag_0001.txt: one Ag3d region with the exact header values', async () => {
    const m = only(await sesTxt.read(corpus('scienta-ses', 'Ag_0001.txt')));
    expect(m.format).toBe('ses-txt');
    expect(m.regions.map((r) => r.name)).toEqual(['Ag3d']);
    expect(v(m, 'excitation_energy')).toEqual({ value: 520, unit: 'eV' });
    expect(v(m, 'pass_energy')).toEqual({ value: 50, unit: 'eV' });
    expect(v(m, 'lens_mode')).toEqual({ value: 'Transmission' });
    expect(v(m, 'acquisition_mode')).toEqual({ value: 'Swept' });
    expect(v(m, 'energy_scale')).toEqual({ value: 'Binding' });
    expect(v(m, 'energy_start')).toEqual({ value: 138, unit: 'eV' });
    expect(v(m, 'energy_end')).toEqual({ value: 156, unit: 'eV' });
    expect(v(m, 'energy_step')).toEqual({ value: 0.05, unit: 'eV' });
    expect(v(m, 'dwell_time')).toEqual({ value: 203, unit: 'ms' });
    expect(v(m, 'sweeps')).toEqual({ value: 2 });
    expect(v(m, 'points')).toEqual({ value: 361 });
    expect(v(m, 'detector_first_x_channel')).toEqual({ value: 43 });
    expect(v(m, 'detector_last_x_channel')).toEqual({ value: 659 });
    expect(v(m, 'detector_first_y_channel')).toEqual({ value: 91 });
    expect(v(m, 'detector_last_y_channel')).toEqual({ value: 398 });
    expect(v(m, 'slices')).toEqual({ value: 1 });
    expect(m.analyser).toEqual({ model: 'R3000', serial: '6MS014' });
    expect(m.sample).toBe('Ag');
    expect(m.user).toBe('AN');
    expect(m.startTimeRaw).toBe('2023-03-08 15:24:35');
    expect(m.startTime).toBe('2023-03-08T15:24:35');
    expect(m.technique).toEqual({ pid: 'PaNET01204', name: 'x-ray photoelectron spectroscopy' });
    const s = m.regions[0]!.spectrum!;
    expect(s.x).toHaveLength(361);
    expect(s.x[0]).toBe(382);
    expect(s.x[360]).toBeCloseTo(364, 9);
    expect(s.y[0]).toBeCloseTo(15.7494897842407, 12);
    expect([s.xLabel, s.xUnit]).toEqual(['Binding Energy', 'eV']);
    expect(m.metadata.excitation_energy).toEqual({ value: 520, unit: 'eV' });
    expect(m.warnings).toEqual([]);
  });

  it('Cu-HHTP_0001.txt: the survey (1221 points, hv 700 eV, Ep 200 eV)', async () => {
    const m = only(await sesTxt.read(corpus('scienta-ses', 'Cu-HHTP_0001.txt')));
    expect(m.regions[0]!.name).toBe('survey');
    expect(v(m, 'points')).toEqual({ value: 1221 });
    expect(v(m, 'excitation_energy')).toEqual({ value: 700, unit: 'eV' });
    expect(v(m, 'pass_energy')).toEqual({ value: 200, unit: 'eV' });
    expect(m.regions[0]!.spectrum!.x).toHaveLength(1221);
    expect(m.startTime).toBe('2023-03-08T11:17:15');
  });

  it('Cu-HHTP_0003.txt: a region name with a space', async () => {
    const m = only(await sesTxt.read(corpus('scienta-ses', 'Cu-HHTP_0003.txt')));
    expect(m.regions[0]!.name).toBe('C 1s');
    expect(v(m, 'excitation_energy')).toEqual({ value: 400, unit: 'eV' });
    expect(v(m, 'sweeps')).toEqual({ value: 10 });
    expect(v(m, 'points')).toEqual({ value: 321 });
  });

  for (const [txt, ibw] of [
    ['Ag_0001.txt', 'Ag_0001Ag__001.ibw'],
    ['Cu-HHTP_0001.txt', 'Cu-HHTP_0001Cu-HHTP__001.ibw'],
  ] as const) {
    it(`${ibw} and ${txt} (one measurement) give the same metadata, spectrum and group key`, async () => {
      const a = only(await sesTxt.read(corpus('scienta-ses', txt)));
      const b = only(await igorIbw.read(corpus('scienta-ses', ibw)));
      expect(b.format).toBe('igor-ibw');
      // Two keys really differ in the files: the SES build that wrote them (1.3.1 vs 1.2.5), and
      // for Cu-HHTP_0001 the sequence file (Cu-HTTP_Mar_23.seq vs Acetate_Dec_21.seq).
      const strip = (md: Record<string, unknown>) => {
        const { software_version: _v, sequence_file: _s, ...rest } = md;
        return rest;
      };
      expect(strip(b.regions[0]!.metadata)).toEqual(strip(a.regions[0]!.metadata));
      expect(b.regions[0]!.name).toBe(a.regions[0]!.name);
      for (const k of ['startTime', 'startTimeRaw', 'sample', 'user', 'analyser', 'technique', 'groupKey', 'title'] as const) {
        expect(b[k], k).toEqual(a[k]);
      }
      const sa = a.regions[0]!.spectrum!;
      const sb = b.regions[0]!.spectrum!;
      expect(sb.x).toHaveLength(sa.x.length);
      sa.x.forEach((x, i) => expect(sb.x[i]).toBeCloseTo(x, 6));
      sa.y.forEach((y, i) => expect(sb.y[i]! / y).toBeCloseTo(1, 9));
      expect([sb.xLabel, sb.xUnit]).toEqual([sa.xLabel, sa.xUnit]);
    });
  }

  it('MERLIN_9.pxt: big-endian packed experiment, lower-case keys, US date and 12-hour time', async () => {
    const m = only(await igorPxt.read(corpus('scienta-ses', 'MERLIN_9.pxt')));
    expect(m.format).toBe('igor-pxt');
    expect(m.startTimeRaw).toBe('06/05/2017 01:58:54 PM');
    expect(m.startTime).toBe('2017-06-05T13:58:54');
    expect(m.regions.map((r) => r.name)).toEqual(['Swept_Core_1']);
    expect(v(m, 'lens_mode')).toEqual({ value: 'Angular30' });
    expect(v(m, 'excitation_energy')).toEqual({ value: 96, unit: 'eV' });
    expect(v(m, 'pass_energy')).toEqual({ value: 20, unit: 'eV' });
    expect(v(m, 'detector_first_x_channel')).toEqual({ value: 1 });
    expect(v(m, 'detector_last_x_channel')).toEqual({ value: 1024 });
    expect(v(m, 'detector_first_y_channel')).toEqual({ value: 117 });
    expect(v(m, 'slices')).toEqual({ value: 1 });
    expect(v(m, 'points')).toEqual({ value: 561 });
    expect(v(m, 'endstation')).toEqual({ value: 'ARPES' });
    expect(v(m, 'mono_energy')).toEqual({ value: 95.9993 });
    expect(v(m, 'pressure')).toEqual({ value: 3.38e-11 });
    expect(m.beamline).toBe('Merlin');
    expect(m.sample).toBe('LaSb_3');
    expect(m.user).toBe('Jonathan');
    expect(m.analyser).toEqual({ model: 'SES 100', serial: '556' });
    expect(m.technique?.pid).toBe('PaNET01089');
    const s = m.regions[0]!.spectrum!;
    expect(s.x).toHaveLength(561);
    expect(s.x[0]).toBe(55);
    expect([s.xLabel, s.xUnit]).toEqual(['Binding Energy', 'eV']);
  });

  it('a two-region export (two real regions renumbered into one file) gives two regions and their common metadata', () => {
    const ag = readFileSync(corpus('scienta-ses', 'Ag_0001.txt'), 'latin1');
    const c1s = readFileSync(corpus('scienta-ses', 'Cu-HHTP_0003.txt'), 'latin1');
    const body = (t: string, n: number) => t.slice(t.indexOf('[Region 1]')).replace(/\[(Region|Info|Run Mode Information|Data) 1\]/g, `[$1 ${n}]`);
    const text = `[Info]\r\nNumber of Regions=0002\r\nVersion=1.3.1\r\n\r\n${body(ag, 1)}${body(c1s, 2)}`;
    const m = parseSesText(text, '/data/two.txt');
    expect(m.regions.map((r) => r.name)).toEqual(['Ag3d', 'C 1s']);
    expect(m.regions.map((r) => r.metadata.excitation_energy?.value)).toEqual([520, 400]);
    expect(m.regions.map((r) => r.spectrum?.x.length)).toEqual([361, 321]);
    expect(m.metadata.excitation_energy).toBeUndefined();
    expect(m.metadata.pass_energy).toEqual({ value: 50, unit: 'eV' });
    expect(m.startTime).toBe('2023-03-08T15:24:35');
  });

  it('a 2-D region (Dimension 2) keeps its metadata and has no 1-D quick look', () => {
    const ag = readFileSync(corpus('scienta-ses', 'Ag_0001.txt'), 'latin1');
    const text = ag.replace('Dimension 1 scale=', 'Dimension 2 name=Y-Scale [deg]\r\nDimension 2 size=1\r\nDimension 1 scale=');
    const m = parseSesText(text, '/data/Ag_0001.txt');
    expect(m.regions[0]!.metadata.points).toEqual({ value: 361 });
    expect(m.regions[0]!.spectrum).toBeUndefined();
  });

  it('a region declared but missing is a truncation error naming the section', () => {
    const ag = readFileSync(corpus('scienta-ses', 'Ag_0001.txt'), 'latin1');
    expect(() => parseSesText(ag.replace('Number of Regions=0001', 'Number of Regions=0002'), '/data/x.txt')).toThrow(
      /declares 2 region\(s\), but \[Region 2\], \[Info 2\], \[Data 2\] is missing: the file is truncated/,
    );
  });
});
