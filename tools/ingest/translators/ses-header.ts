/**
 * The Scienta SES `Key=Value` header, shared by the SES text export (`[Info n]`
 * sections) and the note of the Igor waves SES writes (`.ibw`, `.pxt`). Pure:
 * lines in, canonical metadata out, so the text file and the wave of one
 * measurement give the same result.
 *
 * Key spellings vary between SES versions (`Detector First X-Channel` in 1.3,
 * `Detector first x-channel` in 1.2.2), so keys are compared case-insensitively.
 * Keys written by beamline plug-ins (ENDSTATION=, BEAMLINE=, mono, slits…) are
 * kept under their snake_case names.
 */
import type { HarvestedQuantity } from '../measurement.ts';
import { num, numOrText, q, snakeKey } from './common.ts';
import { localDateTime } from './dates.ts';

/** One SES header key: where it goes and in which unit SES writes it. */
interface KeySpec {
  key: string;
  unit?: string;
  text?: boolean;
}

/** SES keys (lower-case) to canonical harvest keys. Energies are eV; SES writes step time in ms. */
const KEYS: Record<string, KeySpec> = {
  'lens mode': { key: 'lens_mode', text: true },
  'pass energy': { key: 'pass_energy', unit: 'eV' },
  'number of sweeps': { key: 'sweeps' },
  'excitation energy': { key: 'excitation_energy', unit: 'eV' },
  'energy scale': { key: 'energy_scale', text: true },
  'acquisition mode': { key: 'acquisition_mode', text: true },
  // Which scale Low/Center/High Energy are given on (SES "Energy Unit": Kinetic or Binding).
  'energy unit': { key: 'energy_range_scale', text: true },
  'center energy': { key: 'center_energy', unit: 'eV' },
  'low energy': { key: 'energy_start', unit: 'eV' },
  'high energy': { key: 'energy_end', unit: 'eV' },
  'energy step': { key: 'energy_step', unit: 'eV' },
  'step time': { key: 'dwell_time', unit: 'ms' },
  'detector first x-channel': { key: 'detector_first_x_channel' },
  'detector last x-channel': { key: 'detector_last_x_channel' },
  'detector first y-channel': { key: 'detector_first_y_channel' },
  'detector last y-channel': { key: 'detector_last_y_channel' },
  'number of slices': { key: 'slices' },
  file: { key: 'source_file', text: true },
  sequence: { key: 'sequence_file', text: true },
  'spectrum name': { key: 'spectrum_name', text: true },
  location: { key: 'location', text: true },
  comments: { key: 'comments', text: true },
  'time per spectrum channel': { key: 'time_per_channel' },
  detectormode: { key: 'detector_mode', text: true },
  version: { key: 'software_version', text: true },
};

/** Keys that describe the measurement rather than a metadata value. */
const HANDLED = new Set(['region name', 'instrument', 'user', 'sample', 'date', 'time', 'beamline', 'endstation']);

/** What an SES header says. */
export interface SesHeader {
  regionName?: string;
  metadata: Record<string, HarvestedQuantity>;
  /** `Instrument=R3000-6MS014` split into model `R3000` and serial `6MS014`. */
  analyser?: { model?: string; serial?: string };
  user?: string;
  sample?: string;
  beamline?: string;
  startTimeRaw?: string;
  startTime?: string;
  /** Base name of the acquisition (from `File=`), shared by the .txt, .pxt and .ibw of one measurement. */
  baseName?: string;
  warnings: string[];
}

/** Splits `Key=Value` lines; lines without `=` (section titles such as `[SES]`, `SPECTROMETER`) are skipped. */
export function keyValueLines(lines: Iterable<string>): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const line of lines) {
    const i = line.indexOf('=');
    if (i <= 0) continue;
    out.push([line.slice(0, i).trim(), line.slice(i + 1).trim()]);
  }
  return out;
}

/** The acquisition base name from SES `File=Z:\dir\Ag_0001.txt,.pxt,.ibw` → `Ag_0001`. */
export function sesBaseName(fileValue: string): string | undefined {
  const first = fileValue.split(',')[0]?.trim() ?? '';
  const name = first.split(/[\\/]/).pop() ?? '';
  const stem = name.replace(/\.[A-Za-z0-9]{1,4}$/, '');
  return stem || undefined;
}

/** Reads SES header pairs into canonical metadata. Unknown keys are kept, snake_cased. */
export function parseSesHeader(pairs: ReadonlyArray<readonly [string, string]>): SesHeader {
  const out: SesHeader = { metadata: {}, warnings: [] };
  let date: string | undefined;
  let time: string | undefined;
  for (const [rawKey, value] of pairs) {
    const k = rawKey.toLowerCase().replace(/\s+/g, ' ');
    if (k === 'endheader') continue;
    if (HANDLED.has(k)) {
      if (value === '') continue;
      if (k === 'region name') out.regionName = value;
      else if (k === 'instrument') out.analyser = splitAnalyser(value);
      else if (k === 'user') out.user = value;
      else if (k === 'sample') out.sample = value;
      else if (k === 'date') date = value;
      else if (k === 'time') time = value;
      else if (k === 'beamline') out.beamline = value;
      else if (k === 'endstation') out.metadata.endstation = q(value);
      continue;
    }
    const spec = KEYS[k];
    if (!spec) {
      if (value !== '') out.metadata[snakeKey(rawKey)] = q(numOrText(value));
      continue;
    }
    // SES writes an empty comment as ";" (the separator of its comment lines).
    const v = spec.key === 'comments' ? value.replace(/;\s*$/, '').trim() : value;
    if (v === '') continue;
    if (spec.text) {
      out.metadata[spec.key] = q(v);
      if (spec.key === 'source_file') {
        const base = sesBaseName(v);
        if (base) out.baseName = base;
      }
      continue;
    }
    const n = num(v);
    if (n === undefined) {
      out.warnings.push(`${rawKey}=${v}: expected a number; kept as text.`);
      out.metadata[spec.key] = q(v, spec.unit);
    } else out.metadata[spec.key] = q(n, spec.unit);
  }
  if (date !== undefined) {
    out.startTimeRaw = time === undefined ? date : `${date} ${time}`;
    const iso = localDateTime(date, time ?? '00:00:00');
    if (iso) out.startTime = iso;
    else out.warnings.push(`Date=${date} Time=${time ?? ''}: not a date and time SES writes; start time left empty.`);
  }
  return out;
}

/** `R3000-6MS014` → model R3000, serial 6MS014; `SES 100-556` → SES 100, 556. */
export function splitAnalyser(value: string): { model?: string; serial?: string } {
  const i = value.indexOf('-');
  if (i <= 0) return { model: value };
  return { model: value.slice(0, i).trim(), serial: value.slice(i + 1).trim() };
}
