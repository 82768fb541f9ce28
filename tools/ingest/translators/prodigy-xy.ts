/**
 * SPECS SpecsLab Prodigy XY export (`.xy`). Everything but the data is a comment
 * line `# Key: value`: the export settings, then per `# Group:` one or more
 * `# Region:` blocks (analyser settings), then per cycle, curve and scan a block
 * of `x y [transmission]` rows headed by `# ColumnLabels:`.
 *
 * Each group (a sample or sample state in Prodigy) becomes one measurement, its
 * regions the regions. The quick-look spectrum averages the scans of a region's
 * first curve. Values/Curve is checked against the rows, so a cut file is an error.
 */
import { basename, dirname } from 'node:path';
import type { HarvestedQuantity, Measurement, Region, Translator, TranslatorResult } from '../measurement.ts';
import { TranslateError, commonMetadata, decodeText, guarded, headText, newMeasurement, num, q, readFileSafe } from './common.ts';
import { prodigyDateTime } from './dates.ts';
import { PANET, techniqueFromMethod } from './technique.ts';

/** Prodigy region keys to canonical harvest keys and units. */
const KEYS: Record<string, { key: string; unit?: string; text?: boolean }> = {
  'Spectrum ID': { key: 'spectrum_id' },
  'Analysis Method': { key: 'analysis_method', text: true },
  'Analyzer Lens': { key: 'lens_mode', text: true },
  'Analyzer Slit': { key: 'analyser_slit', text: true },
  'Scan Mode': { key: 'acquisition_mode', text: true },
  'Curves/Scan': { key: 'curves_per_scan' },
  'Values/Curve': { key: 'points' },
  'Dwell Time': { key: 'dwell_time', unit: 's' },
  'Excitation Energy': { key: 'excitation_energy', unit: 'eV' },
  'Binding Energy': { key: 'binding_energy', unit: 'eV' },
  'Kinetic Energy': { key: 'kinetic_energy', unit: 'eV' },
  'Pass Energy': { key: 'pass_energy', unit: 'eV' },
  'Bias Voltage': { key: 'bias_voltage', unit: 'V' },
  'Detector Voltage': { key: 'detector_voltage', unit: 'V' },
  'Eff. Workfunction': { key: 'work_function', unit: 'eV' },
  Source: { key: 'source', text: true },
  Comment: { key: 'comments', text: true },
};

interface Block {
  line: number;
  x: number[];
  y: number[];
}

interface RegionState {
  name: string;
  line: number;
  meta: Record<string, HarvestedQuantity>;
  analyser?: string;
  dateRaw?: string;
  inHeader: boolean;
  scans: number;
  columns: string[];
  blocks: Block[];
  /** Data blocks of cycle 0, curve 0: the scans averaged into the quick look. */
  firstCurve: Block[];
  currentIsFirstCurve: boolean;
}

interface GroupState {
  name: string;
  regions: RegionState[];
}

/** `# Key:   value` → [key, value]; undefined for other comments. */
function commentPair(line: string): [string, string] | undefined {
  const m = /^#\s*([^:]+?):\s*(.*?)\s*$/.exec(line);
  return m ? [m[1]!, m[2]!] : undefined;
}

const isBlank = (c: number) => c === 32 || c === 9;

/** The first two whitespace-separated numbers of a data row; a hand-rolled scan, as this runs for every row. */
function firstTwoNumbers(line: string): [number, number] | undefined {
  const n = line.length;
  let a = 0;
  while (a < n && isBlank(line.charCodeAt(a))) a++;
  let b = a;
  while (b < n && !isBlank(line.charCodeAt(b))) b++;
  let c = b;
  while (c < n && isBlank(line.charCodeAt(c))) c++;
  let d = c;
  while (d < n && !isBlank(line.charCodeAt(d))) d++;
  if (b === a || d === c) return undefined;
  const x = Number(line.slice(a, b));
  const y = Number(line.slice(c, d));
  return Number.isFinite(x) && Number.isFinite(y) ? [x, y] : undefined;
}

/** Reads the text of a Prodigy XY export into one measurement per group. */
export function parseProdigyXy(text: string, path: string): Measurement[] {
  const lines = text.split(/\r\n|\r|\n/);
  const settings = new Map<string, string>();
  const groups: GroupState[] = [];
  let group: GroupState | undefined;
  let region: RegionState | undefined;
  let block: Block | undefined;
  let software: string | undefined;
  const closeBlock = () => {
    if (block && region) {
      const expected = num(region.meta.points?.value?.toString());
      if (expected !== undefined && block.x.length < expected) {
        throw new TranslateError(
          `region "${region.name}" (line ${region.line}): the data block at line ${block.line} has ${block.x.length} rows, expected ${expected} (Values/Curve): the file is truncated.`,
          'Export the data from Prodigy again, or copy the complete file.',
        );
      }
      region.blocks.push(block);
      if (region.currentIsFirstCurve) region.firstCurve.push(block);
    }
    block = undefined;
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '' || line === '#') continue;
    if (line[0] !== '#') {
      if (!block) {
        if (!region) {
          throw new TranslateError(
            `line ${i + 1}: found data "${line.slice(0, 40)}" before any "# Region:" header.`,
            'Export from Prodigy with "Output Meta Data: yes".',
          );
        }
        block = { line: i + 1, x: [], y: [] };
      }
      const row = firstTwoNumbers(line);
      if (!row) {
        if (i === lines.length - 1) {
          throw new TranslateError(
            `line ${i + 1}: the file ends in the middle of a data row ("${line.slice(0, 40)}"): the file is truncated.`,
            'Export the data from Prodigy again, or copy the complete file.',
          );
        }
        throw new TranslateError(
          `line ${i + 1}: expected a data row of numbers, found "${line.slice(0, 60)}".`,
          'The file is damaged; export it from Prodigy again.',
        );
      }
      block.x.push(row[0]);
      block.y.push(row[1]);
      continue;
    }
    closeBlock();
    if (line.startsWith('# Created by:')) {
      software = line.slice('# Created by:'.length).trim();
      continue;
    }
    const pair = commentPair(line);
    if (!pair) continue;
    const [key, value] = pair;
    if (line.startsWith('#   ') && !group) {
      settings.set(key, value);
      continue;
    }
    if (key === 'Group') {
      group = { name: value, regions: [] };
      groups.push(group);
      region = undefined;
      continue;
    }
    if (key === 'Region') {
      if (!group) {
        group = { name: '', regions: [] };
        groups.push(group);
      }
      region = {
        name: value,
        line: i + 1,
        meta: {},
        inHeader: true,
        scans: 0,
        columns: [],
        blocks: [],
        firstCurve: [],
        currentIsFirstCurve: false,
      };
      group.regions.push(region);
      continue;
    }
    if (!region) continue;
    if (key.startsWith('Cycle')) {
      region.inHeader = false;
      // "# Cycle: 0, Curve: 0, Scan: 2" — the first curve of the first cycle feeds the quick look.
      region.currentIsFirstCurve = /^Cycle:\s*0\s*(,\s*Curve:\s*0\b.*)?$/.test(line.slice(2)) && /Curve/.test(line);
      continue;
    }
    if (key === 'Number of Scans') {
      region.scans = Math.max(region.scans, num(value) ?? 0);
      continue;
    }
    if (key === 'ColumnLabels') {
      region.columns = value.split(/\s+/);
      continue;
    }
    if (key === 'Acquisition Date') {
      region.dateRaw ??= value;
      continue;
    }
    if (!region.inHeader) continue;
    if (key === 'Analyzer') {
      region.analyser = value;
      continue;
    }
    const spec = KEYS[key];
    if (!spec) continue;
    if (value === '') continue;
    if (spec.text) region.meta[spec.key] = q(value);
    else region.meta[spec.key] = q(num(value) ?? value, spec.unit);
  }
  closeBlock();

  if (groups.length === 0 || groups.every((g) => g.regions.length === 0)) {
    throw new TranslateError('expected "# Region:" blocks after the export settings, found none.', 'Export the groups and regions from Prodigy again.');
  }
  const axis = settings.get('Energy Axis');
  const stem = basename(path).replace(/\.[^.]*$/, '');
  const version = software ? /Version\s+(\S+)/.exec(software)?.[1] : undefined;
  return groups
    .filter((g) => g.regions.length > 0)
    .map((g) => {
      const safeGroup = g.name.replace(/[/\\:]/g, '-');
      const m = newMeasurement('prodigy-xy', [path], `specs:${dirname(path)}/${stem}${g.name ? ` - ${safeGroup}` : ''}`);
      m.regions = g.regions.map((r) => toRegion(r, axis));
      m.metadata = commonMetadata(m.regions);
      if (software) m.metadata.software = q(software.replace(/,?\s*Version.*$/, ''));
      if (version) m.metadata.software_version = q(version);
      if (g.name) {
        m.title = g.name;
        m.sample = g.name;
      } else m.title = stem;
      const first = g.regions[0]!;
      if (first.analyser) m.analyser = { model: first.analyser };
      if (first.dateRaw) {
        m.startTimeRaw = first.dateRaw;
        const iso = prodigyDateTime(first.dateRaw);
        if (iso) m.startTime = iso;
        else m.warnings.push(`region "${first.name}": Acquisition Date "${first.dateRaw}" is not a date Prodigy writes; start time left empty.`);
      }
      const method = first.meta.analysis_method?.value;
      m.technique = techniqueFromMethod(typeof method === 'string' ? method : undefined) ?? PANET.pes;
      return m;
    });
}

function toRegion(r: RegionState, axis: string | undefined): Region {
  const meta = { ...r.meta };
  if (r.scans > 0) meta.sweeps = q(r.scans);
  const xName = r.columns[0] ?? 'energy';
  const isEnergy = xName === 'energy';
  const energyScale = axis?.startsWith('Kinetic') ? 'Kinetic' : 'Binding';
  if (isEnergy) meta.energy_scale = q(energyScale);
  const base = r.firstCurve[0] ?? r.blocks[0];
  if (base && isEnergy && base.x.length > 1) {
    meta.energy_start = q(base.x[0]!, 'eV');
    meta.energy_end = q(base.x[base.x.length - 1]!, 'eV');
    meta.energy_step = q(Math.round(Math.abs(base.x[1]! - base.x[0]!) * 1e9) / 1e9, 'eV');
  }
  const out: Region = { name: r.name, metadata: meta };
  const scans = (r.firstCurve.length > 0 ? r.firstCurve : r.blocks.slice(0, 1)).filter((b) => b.x.length === base?.x.length);
  if (base && scans.length > 0) {
    const y = base.y.map((_, i) => scans.reduce((s, b) => s + b.y[i]!, 0) / scans.length);
    out.spectrum = {
      x: base.x,
      y,
      xLabel: isEnergy ? `${energyScale} Energy` : xName,
      xUnit: isEnergy ? 'eV' : '',
      yLabel: r.columns[1] ?? 'counts/s',
    };
  }
  return out;
}

export const prodigyXy: Translator = {
  id: 'prodigy-xy',
  description: 'SPECS SpecsLab Prodigy XY export (.xy)',
  detect(head) {
    const t = headText(head, 2048);
    return /^# Created by:\s+SpecsLab Prodigy/.test(t) || (/^#/.test(t) && /\n# XY-Serializer Export Settings:/.test(t));
  },
  read(path, content): Promise<TranslatorResult> {
    return guarded(path, 'a SPECS Prodigy XY export', async () => {
      const text = decodeText(await readFileSafe(path, content));
      return { status: 'ok', file: path, measurements: parseProdigyXy(text, path) };
    });
  },
};
