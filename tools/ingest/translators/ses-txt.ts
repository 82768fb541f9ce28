/**
 * Scienta SES text export (`.txt`): `[Info]` (region count, SES version), then
 * per region `[Region n]` (name, `Dimension k name/size/scale`), `[Info n]`
 * (the SES header, see ses-header.ts), `[Run Mode Information n]` and
 * `[Data n]` (one row per point of dimension 1: the axis value, then one column
 * per point of dimension 2). One file is one measurement; each region is a Region.
 */
import { basename, dirname } from 'node:path';
import type { Measurement, Region, Translator, TranslatorResult } from '../measurement.ts';
import {
  TranslateError,
  commonMetadata,
  decodeText,
  guarded,
  headText,
  labelAndUnit,
  newMeasurement,
  num,
  q,
  readFileSafe,
} from './common.ts';
import { keyValueLines, parseSesHeader, type SesHeader } from './ses-header.ts';
import { photoemissionTechnique } from './technique.ts';

interface Section {
  title: string;
  line: number;
  lines: string[];
}

/** Splits the text into `[Title]` sections; lines keep their 1-based numbers through `line`. */
function sections(text: string): Section[] {
  const out: Section[] = [];
  let current: Section | undefined;
  const lines = text.split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.startsWith('[') && line.trimEnd().endsWith(']')) {
      current = { title: line.trim().slice(1, -1), line: i + 1, lines: [] };
      out.push(current);
    } else if (current) current.lines.push(line);
  }
  return out;
}

/** The group key of an SES acquisition: its folder and base name, shared by .txt, .ibw and .pxt. */
export function sesGroupKey(path: string, header: SesHeader | undefined, fallbackStem: string): string {
  return `ses:${dirname(path)}/${header?.baseName ?? fallbackStem}`;
}

/** Reads the text of an SES export into one measurement. Pure apart from the path it records. */
export function parseSesText(text: string, path: string): Measurement {
  const secs = sections(text);
  const info = secs.find((s) => s.title === 'Info');
  if (!info) throw new TranslateError('expected an SES text export starting with "[Info]", found no [Info] section.');
  const infoPairs = keyValueLines(info.lines);
  const declared = num(infoPairs.find(([k]) => k === 'Number of Regions')?.[1]);
  const version = infoPairs.find(([k]) => k === 'Version')?.[1];

  const byTitle = new Map(secs.map((s) => [s.title, s]));
  const regions: Region[] = [];
  const headers: SesHeader[] = [];
  const warnings: string[] = [];
  const count = declared ?? secs.filter((s) => /^Region \d+$/.test(s.title)).length;
  for (let n = 1; n <= count; n++) {
    const region = byTitle.get(`Region ${n}`);
    const infoN = byTitle.get(`Info ${n}`);
    const data = byTitle.get(`Data ${n}`);
    if (!region || !infoN || !data) {
      const missing = [!region && `[Region ${n}]`, !infoN && `[Info ${n}]`, !data && `[Data ${n}]`].filter(Boolean);
      throw new TranslateError(
        `the [Info] section declares ${count} region(s), but ${missing.join(', ')} is missing: the file is truncated or was edited.`,
        'Export the spectrum from SES again, or copy the complete file from the instrument PC.',
      );
    }
    const regionPairs = keyValueLines(region.lines);
    const runMode = keyValueLines(byTitle.get(`Run Mode Information ${n}`)?.lines ?? []);
    const header = parseSesHeader([...(version ? [['Version', version] as const] : []), ...keyValueLines(infoN.lines)]);
    headers.push(header);
    warnings.push(...header.warnings.map((w) => `[Info ${n}] ${w}`));
    const meta = { ...header.metadata };
    for (const [k, v] of runMode) meta[`run_mode_${k.toLowerCase().replace(/[^a-z0-9]+/g, '_')}`] = q(num(v) ?? v);

    const dims: Array<{ name: string; size: number }> = [];
    for (let d = 1; d <= 3; d++) {
      const name = regionPairs.find(([k]) => k === `Dimension ${d} name`)?.[1];
      const size = num(regionPairs.find(([k]) => k === `Dimension ${d} size`)?.[1]);
      if (name === undefined || size === undefined) break;
      dims.push({ name, size });
    }
    const dim1 = dims[0];
    if (!dim1) {
      throw new TranslateError(
        `[Region ${n}] (line ${region.line}) has no "Dimension 1 name=" and "Dimension 1 size=" lines.`,
        'Export the spectrum from SES again with the default text export settings.',
      );
    }
    const rows = data.lines.filter((l) => l.trim() !== '');
    const rowsExpected = dims.length === 3 ? dim1.size * dims[2]!.size : dim1.size;
    if (rows.length < rowsExpected) {
      throw new TranslateError(
        `[Data ${n}] (line ${data.line}) has ${rows.length} data rows, expected ${rowsExpected} (Dimension 1 size=${dim1.size}): the file is truncated.`,
        'Copy the complete file from the instrument PC again.',
      );
    }
    meta.points = q(dim1.size);
    const out: Region = { name: header.regionName ?? regionPairs.find(([k]) => k === 'Region Name')?.[1] ?? `Region ${n}`, metadata: meta };
    if (dims.length === 1) out.spectrum = spectrumOf(rows, dim1.name, n, data.line);
    regions.push(out);
  }

  const first = headers[0];
  const stem = basename(path).replace(/\.[^.]*$/, '');
  const m = newMeasurement('ses-txt', [path], sesGroupKey(path, first, stem));
  m.regions = regions;
  m.metadata = commonMetadata(regions);
  m.warnings = warnings;
  if (first) applyHeader(m, first);
  m.title = first?.baseName ?? stem;
  return m;
}

/** Copies the measurement-level facts of an SES header (shared with the Igor translators). */
export function applyHeader(m: Measurement, h: SesHeader): void {
  if (h.startTimeRaw) m.startTimeRaw = h.startTimeRaw;
  if (h.startTime) m.startTime = h.startTime;
  if (h.sample) m.sample = h.sample;
  if (h.user) m.user = h.user;
  if (h.analyser) m.analyser = h.analyser;
  if (h.beamline) m.beamline = h.beamline;
  const lens = h.metadata.lens_mode?.value;
  const hv = h.metadata.excitation_energy?.value;
  m.technique = photoemissionTechnique(typeof lens === 'string' ? lens : undefined, typeof hv === 'number' ? hv : undefined);
}

function spectrumOf(rows: string[], dimName: string, n: number, line: number): Region['spectrum'] {
  const x: number[] = new Array(rows.length);
  const y: number[] = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const cols = rows[i]!.trim().split(/\s+/);
    const a = Number(cols[0]);
    const b = Number(cols[1]);
    if (!Number.isFinite(a) || !Number.isFinite(b)) {
      throw new TranslateError(
        `[Data ${n}] line ${line + 1 + i}: expected two numbers, found "${rows[i]!.trim().slice(0, 60)}".`,
        'The file is damaged; copy it again from the instrument PC.',
      );
    }
    x[i] = a;
    y[i] = b;
  }
  const { label, unit } = labelAndUnit(dimName);
  return { x, y, xLabel: label, xUnit: unit, yLabel: 'Counts' };
}

export const sesTxt: Translator = {
  id: 'ses-txt',
  description: 'Scienta SES text export (.txt)',
  detect(head) {
    const t = headText(head, 1024);
    return /^\s*\[Info\]\r?\n/.test(t) && /Number of Regions=/.test(t);
  },
  read(path, content): Promise<TranslatorResult> {
    return guarded(path, 'a Scienta SES text export', async () => {
      const text = decodeText(await readFileSafe(path, content));
      return { status: 'ok', file: path, measurements: [parseSesText(text, path)] };
    });
  },
};
