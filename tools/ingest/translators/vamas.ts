/**
 * VAMAS Surface Chemical Analysis Standard Data Transfer Format (ISO 14976,
 * `.vms`): one value per line, in a fixed order that depends on the experiment
 * mode, the scan mode and the technique (ISO 14976:1998 §6). The experiment
 * header is followed by blocks (one spectrum each). SpecsLab Prodigy writes its
 * region settings into the block comment as `Key = value` lines.
 *
 * Blocks are grouped into measurements by their sample identifier, which Prodigy
 * fills with the group name (as the XY export's `# Group:`).
 */
import { basename, dirname } from 'node:path';
import type { HarvestedQuantity, Measurement, Region, Translator, TranslatorResult } from '../measurement.ts';
import { TranslateError, commonMetadata, decodeText, guarded, headText, newMeasurement, num, q, readFileSafe, snakeKey } from './common.ts';
import { fieldsDateTime } from './dates.ts';
import { PANET, techniqueFromMethod } from './technique.ts';

const FORMAT_ID = 'VAMAS Surface Chemical Analysis Standard Data Transfer Format 1988 May 4';

/** Techniques whose blocks carry the sputtering-ion fields (ISO 14976 §6, block items 11 and 40). */
const SPUTTER_TECHNIQUES = new Set(['FABMS', 'FABMS energy spec', 'ISS', 'SIMS', 'SIMS energy spec', 'SNMS', 'SNMS energy spec']);
const MAP_MODES = new Set(['MAP', 'MAPDP']);
const MAP_FIELD_MODES = new Set(['MAP', 'MAPDP', 'MAPSV', 'MAPSVDP', 'SEM']);
const LINESCAN_MODES = new Set(['MAPSV', 'MAPSVDP', 'SEM']);
const DEPTH_MODES = new Set(['MAPDP', 'MAPSVDP', 'SDP', 'SDPSV']);

/** Prodigy block-comment keys to canonical harvest keys. */
const PRODIGY_KEYS: Record<string, { key: string; unit?: string; text?: boolean }> = {
  'Analyzer lens': { key: 'lens_mode', text: true },
  'Analyzer slit': { key: 'analyser_slit', text: true },
  'Scan mode': { key: 'acquisition_mode', text: true },
  'Spectrum ID': { key: 'spectrum_id' },
  'Kinetic energy start': { key: 'kinetic_energy', unit: 'eV' },
  Group: { key: 'group', text: true },
  File: { key: 'source_file', text: true },
};

/** A cursor over the lines that says where it ran out and what it was reading. */
class Lines {
  private i = 0;
  private readonly lines: string[];
  constructor(lines: string[]) {
    this.lines = lines;
  }
  get line(): number {
    return this.i + 1;
  }
  next(what: string): string {
    // A final empty "line" is the newline that ends the file, not a value.
    const atEnd = this.i >= this.lines.length || (this.i === this.lines.length - 1 && this.lines[this.i] === '');
    if (atEnd) {
      throw new TranslateError(
        `the file ends at line ${this.lines.length} where the ${what} was expected: the file is truncated.`,
        'Copy the complete file again, or export it again from CasaXPS or Prodigy.',
      );
    }
    return this.lines[this.i++]!;
  }
  int(what: string): number {
    const at = this.line;
    const t = this.next(what);
    const n = num(t);
    if (n === undefined || !Number.isInteger(n)) {
      throw new TranslateError(`line ${at}: expected the ${what} (an integer), found "${t.slice(0, 40)}".`, 'The file does not follow ISO 14976; export it again.');
    }
    return n;
  }
  real(what: string): number {
    const at = this.line;
    const t = this.next(what);
    const n = num(t);
    if (n === undefined) {
      throw new TranslateError(`line ${at}: expected the ${what} (a number), found "${t.slice(0, 40)}".`, 'The file does not follow ISO 14976; export it again.');
    }
    return n;
  }
  /** The next line as a number when it plainly is one (and is not the file's final newline); else undefined, consuming nothing. */
  fastReal(): number | undefined {
    const t = this.lines[this.i];
    if (t === undefined || t.trim() === '') return undefined;
    const n = Number(t);
    if (!Number.isFinite(n)) return undefined;
    this.i++;
    return n;
  }
  skip(n: number, what: string): void {
    for (let k = 0; k < n; k++) this.next(what);
  }
}

interface Block {
  name: string;
  sample: string;
  startTime?: string;
  startTimeRaw: string;
  technique: string;
  region: Region;
}

/** Reads the experiment header and every block of a VAMAS file. */
export function parseVamas(text: string, path: string): Measurement[] {
  const L = new Lines(text.split(/\r\n|\r|\n/));
  const id = L.next('format identifier');
  if (id.trim() !== FORMAT_ID) {
    throw new TranslateError(`line 1: expected "${FORMAT_ID}", found "${id.slice(0, 60)}".`, 'Check that the file is a VAMAS (.vms) file.');
  }
  const institution = L.next('institution identifier').trim();
  const model = L.next('instrument model identifier').trim();
  const operator = L.next('operator identifier').trim();
  L.next('experiment identifier');
  const commentLines = L.int('number of lines in the experiment comment');
  const comment: string[] = [];
  for (let k = 0; k < commentLines; k++) comment.push(L.next('experiment comment line'));
  const expMode = L.next('experiment mode').trim();
  const scanMode = L.next('scan mode').trim();
  if (!['REGULAR', 'IRREGULAR'].includes(scanMode)) {
    throw new TranslateError(`line ${L.line - 1}: expected the scan mode REGULAR or IRREGULAR, found "${scanMode.slice(0, 40)}".`);
  }
  if (['MAP', 'MAPD', 'NORM', 'SDP'].includes(expMode)) L.int('number of spectral regions');
  if (MAP_MODES.has(expMode)) L.skip(3, 'map layout (analysis positions, discrete x and y coordinates)');
  const expVars = L.int('number of experimental variables');
  L.skip(2 * expVars, 'experimental variable label and unit');
  const inclusion = L.int('number of entries in the parameter inclusion list');
  if (inclusion !== 0) {
    throw new TranslateError(
      `line ${L.line - 1}: the file uses a parameter inclusion list (${inclusion} entries), which Shelfmark does not read yet.`,
      'Export the data again from CasaXPS or Prodigy, which write complete blocks.',
    );
  }
  const manual = L.int('number of manually entered items');
  L.skip(manual, 'manually entered item');
  const futureExp = L.int('number of future upgrade experiment entries');
  const futureBlock = L.int('number of future upgrade block entries');
  L.skip(futureExp, 'future upgrade experiment entry');
  const nBlocks = L.int('number of blocks');

  const blocks: Block[] = [];
  for (let b = 0; b < nBlocks; b++) blocks.push(readBlock(L, { expMode, scanMode, expVars, futureBlock }));

  const software = comment.map((c) => /Created by (.+?), Version (\S+)/.exec(c)).find(Boolean);
  const stem = basename(path).replace(/\.[^.]*$/, '');
  const bySample = new Map<string, Block[]>();
  for (const b of blocks) {
    const list = bySample.get(b.sample);
    if (list) list.push(b);
    else bySample.set(b.sample, [b]);
  }
  return [...bySample].map(([sample, list]) => {
    const m = newMeasurement('vamas', [path], `specs:${dirname(path)}/${stem}${sample ? ` - ${sample.replace(/[/\\:]/g, '-')}` : ''}`);
    m.title = sample || stem;
    if (sample) m.sample = sample;
    m.regions = list.map((b) => b.region);
    m.metadata = commonMetadata(m.regions);
    if (software) {
      m.metadata.software = q(software[1]!);
      m.metadata.software_version = q(software[2]!);
    }
    if (institution && institution !== 'Not Specified') m.facility = institution;
    if (model && model !== 'Not Specified') m.analyser = { model };
    if (operator && operator !== 'Not Specified') m.user = operator;
    const first = list[0]!;
    m.startTimeRaw = first.startTimeRaw;
    if (first.startTime) m.startTime = first.startTime;
    m.technique = techniqueFromMethod(first.technique) ?? PANET.pes;
    return m;
  });
}

function readBlock(
  L: Lines,
  h: { expMode: string; scanMode: string; expVars: number; futureBlock: number },
): Block {
  const name = L.next('block identifier').trim();
  const sample = L.next('sample identifier').trim();
  const [year, month, day, hour, minute, second] = ['year', 'month', 'day', 'hours', 'minutes', 'seconds'].map((w) => L.int(w)) as [
    number, number, number, number, number, number,
  ];
  const ahead = L.real('number of hours in advance of GMT');
  const nComment = L.int('number of lines in the block comment');
  const meta: Record<string, HarvestedQuantity> = {};
  for (let k = 0; k < nComment; k++) {
    const line = L.next('block comment line');
    const m = /^\s*([^=]+?)\s*=\s*(.*?)\s*$/.exec(line);
    if (!m) continue;
    const spec = PRODIGY_KEYS[m[1]!];
    const value = m[2]!;
    if (value === '') continue;
    if (spec) meta[spec.key] = spec.text ? q(value) : q(num(value) ?? value, spec.unit);
    else meta[snakeKey(m[1]!)] = q(num(value) ?? value);
  }
  const technique = L.next('technique').trim();
  if (MAP_MODES.has(h.expMode)) L.skip(2, 'x and y coordinates');
  L.skip(h.expVars, 'experimental variable value');
  const source = L.next('analysis source label').trim();
  const sputter = DEPTH_MODES.has(h.expMode) || SPUTTER_TECHNIQUES.has(technique);
  if (sputter) L.skip(3, 'sputtering ion or atom');
  const hv = L.real('analysis source characteristic energy');
  L.real('analysis source strength');
  L.real('analysis source beam width x');
  L.real('analysis source beam width y');
  if (MAP_FIELD_MODES.has(h.expMode)) L.skip(2, 'field of view');
  if (LINESCAN_MODES.has(h.expMode)) L.skip(6, 'linescan coordinates');
  const polar = L.real('analysis source polar angle of incidence');
  L.real('analysis source azimuth');
  const analyserMode = L.next('analyser mode').trim();
  const passEnergy = L.real('analyser pass energy or retard ratio');
  if (technique === 'AES diff') L.real('differential width');
  L.real('magnification of analyser transfer lens');
  const workFunction = L.real('analyser work function');
  L.real('target bias');
  L.real('analysis width x');
  L.real('analysis width y');
  L.real('analyser axis take off polar angle');
  L.real('analyser axis take off azimuth');
  const species = L.next('species label').trim();
  const transition = L.next('transition or charge state label').trim();
  L.int('charge of detected particle');
  let abscissa: { label: string; unit: string; start: number; step: number } | undefined;
  if (h.scanMode === 'REGULAR') {
    const label = L.next('abscissa label').trim();
    const unit = L.next('abscissa units').trim();
    abscissa = { label, unit, start: L.real('abscissa start'), step: L.real('abscissa increment') };
  }
  const nVars = L.int('number of corresponding variables');
  const vars: Array<{ label: string; unit: string }> = [];
  for (let k = 0; k < nVars; k++) vars.push({ label: L.next('corresponding variable label').trim(), unit: L.next('corresponding variable unit').trim() });
  L.next('signal mode');
  const dwell = L.real('signal collection time');
  const scans = L.int('number of scans to compile this block');
  L.real('signal time correction');
  if (DEPTH_MODES.has(h.expMode)) L.skip(7, 'sputtering source settings');
  L.real('sample normal polar angle of tilt');
  L.real('sample normal tilt azimuth');
  L.real('sample rotation angle');
  const nParams = L.int('number of additional numerical parameters');
  for (let k = 0; k < nParams; k++) {
    const label = L.next('additional parameter label').trim();
    const unit = L.next('additional parameter unit').trim();
    const value = L.real('additional parameter value');
    meta[snakeKey(label)] = q(value, unit === 'd' ? undefined : unit);
  }
  L.skip(h.futureBlock, 'future upgrade block entry');
  const nOrdinates = L.int('number of ordinate values');
  L.skip(2 * nVars, 'minimum and maximum ordinate');
  if (nVars === 0 || nOrdinates % nVars !== 0) {
    throw new TranslateError(`block "${name}": ${nOrdinates} ordinate values do not divide among ${nVars} corresponding variables.`);
  }
  const points = nOrdinates / nVars;
  const y: number[] = new Array(points);
  const x: number[] = new Array(points);
  for (let p = 0; p < points; p++) {
    for (let v = 0; v < nVars; v++) {
      // Hot loop: plain Number() first, the full check (and its message) only when that fails.
      const value = L.fastReal() ?? L.real(`ordinate value ${p * nVars + v + 1} of ${nOrdinates} of block "${name}"`);
      if (v === 0) y[p] = value;
    }
    x[p] = abscissa ? abscissa.start + p * abscissa.step : p;
  }

  meta.analysis_method = q(technique);
  meta.source = q(source);
  meta.excitation_energy = q(hv, 'eV');
  meta.source_polar_angle = q(polar, 'degree');
  meta.analyser_mode = q(analyserMode);
  meta.pass_energy = q(passEnergy, 'eV');
  meta.work_function = q(workFunction, 'eV');
  meta.species = q(species);
  if (transition) meta.transition = q(transition);
  meta.dwell_time = q(dwell, 's');
  meta.sweeps = q(scans);
  meta.points = q(points);
  const kinetic = abscissa?.label.toLowerCase().startsWith('kinetic');
  if (abscissa) {
    meta.energy_scale = q(kinetic ? 'Kinetic' : abscissa.label);
    meta.energy_start = q(abscissa.start, abscissa.unit);
    meta.energy_end = q(Math.round((abscissa.start + (points - 1) * abscissa.step) * 1e9) / 1e9, abscissa.unit);
    meta.energy_step = q(abscissa.step, abscissa.unit);
  }
  const region: Region = { name, metadata: meta };
  if (abscissa) {
    region.spectrum = {
      x,
      y,
      xLabel: kinetic ? 'Kinetic Energy' : abscissa.label,
      xUnit: abscissa.unit,
      yLabel: vars[0]?.label ?? 'counts',
    };
  }
  const raw = `${year}-${month}-${day} ${hour}:${minute}:${second} (GMT${ahead >= 0 ? '+' : ''}${ahead})`;
  const iso = fieldsDateTime({ year, month, day, hour, minute, second }, ahead);
  return iso ? { name, sample, startTimeRaw: raw, startTime: iso, technique, region } : { name, sample, startTimeRaw: raw, technique, region };
}

export const vamas: Translator = {
  id: 'vamas',
  description: 'VAMAS ISO 14976 (.vms)',
  detect(head) {
    return headText(head, 200).startsWith('VAMAS Surface Chemical Analysis Standard Data Transfer Format');
  },
  read(path, content): Promise<TranslatorResult> {
    return guarded(path, 'a VAMAS file', async () => {
      const text = decodeText(await readFileSafe(path, content));
      const measurements = parseVamas(text, path);
      if (measurements.length === 0) return { status: 'skipped', file: path, reason: `${basename(path)}: the VAMAS file holds no blocks.` };
      return { status: 'ok', file: path, measurements };
    });
  },
};
