/**
 * Igor binary wave (`.ibw`) as written by Scienta SES: one wave (one region),
 * whose note holds the SES `Key=Value` header (see ses-header.ts). The binary
 * container is read by igor-binary.ts; this module turns waves into a measurement.
 */
import { basename } from 'node:path';
import type { Measurement, Region, Translator, TranslatorResult } from '../measurement.ts';
import { commonMetadata, guarded, labelAndUnit, newMeasurement, q, readFileSafe } from './common.ts';
import { type IgorWave, looksLikeWave5, readWave } from './igor-binary.ts';
import { keyValueLines, parseSesHeader, type SesHeader } from './ses-header.ts';
import { applyHeader, sesGroupKey } from './ses-txt.ts';

/** One wave as a region: its SES header, its shape and, for 1-D waves, its spectrum. */
function waveRegion(wave: IgorWave, header: SesHeader): Region {
  const metadata = { ...header.metadata };
  if (wave.dims[0] !== undefined) metadata.points = q(wave.dims[0]);
  if (wave.dims.length > 1) metadata.dimensions = q(wave.dims);
  const region: Region = { name: header.regionName ?? wave.name, metadata };
  if (wave.data) {
    const d = wave.delta[0] ?? 1;
    const o = wave.offset[0] ?? 0;
    const x = wave.data.map((_, i) => o + i * d);
    const axis = labelAndUnit(wave.dimUnits[0] ?? '');
    const scale = header.metadata.energy_scale?.value;
    // Short Igor units ("eV") carry no label; SES says which energy scale the axis is.
    const xLabel = axis.unit ? axis.label : typeof scale === 'string' ? `${scale} Energy` : 'Energy';
    const xUnit = axis.unit || axis.label;
    const yLabel = labelAndUnit(wave.dataUnits).label || 'Counts';
    region.spectrum = { x, y: wave.data, xLabel, xUnit, yLabel };
  }
  return region;
}

/** The measurement made of the SES waves of one Igor file. */
export function wavesToMeasurement(waves: IgorWave[], path: string, format: string): Measurement {
  const headers = waves.map((w) => parseSesHeader(keyValueLines(w.note.split('\n'))));
  const first = headers[0];
  const stem = basename(path).replace(/\.[^.]*$/, '');
  const m = newMeasurement(format, [path], sesGroupKey(path, first, stem));
  m.regions = waves.map((w, i) => waveRegion(w, headers[i]!));
  m.metadata = commonMetadata(m.regions);
  waves.forEach((w, i) => {
    const h = headers[i]!;
    m.warnings.push(...h.warnings.map((msg) => `wave ${w.folder}${w.name}: ${msg}`));
    if (!h.regionName && !h.metadata.lens_mode) {
      m.warnings.push(`wave ${w.folder}${w.name}: the wave note holds no SES header (no Region Name= or Lens Mode=).`);
    }
  });
  if (first) applyHeader(m, first);
  m.title = first?.baseName ?? stem;
  return m;
}

export const igorIbw: Translator = {
  id: 'igor-ibw',
  description: 'Igor binary wave written by Scienta SES (.ibw, version 5)',
  detect(head) {
    return looksLikeWave5(head);
  },
  read(path, content): Promise<TranslatorResult> {
    return guarded(path, 'an Igor binary wave', async () => {
      const wave = readWave(await readFileSafe(path, content));
      return { status: 'ok', file: path, measurements: [wavesToMeasurement([wave], path, 'igor-ibw')] };
    });
  },
};
