/**
 * SPECS SpecsLab2 "CORBA XML" export (`.xml`, XMLSerializer2). The document is
 * a serialised CORBA value: typed elements (`<string name=…>`, `<double name=…>`,
 * `<ulong name=…>`, `<struct>`, `<sequence>`) nested as RegionGroupSeq →
 * RegionGroup (name, regions) → RegionData (name, region: RegionDef with the
 * analyser settings, analyzer_info, source_info, cycles with Unix-epoch times).
 *
 * Each RegionGroup becomes one measurement, each RegionData a region. No quick
 * look: the counts are raw multi-channel detector data that need the detector
 * shifts of the analyser calibration to become a spectrum.
 */
import { basename, dirname } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import type { HarvestedQuantity, Measurement, Region, Translator, TranslatorResult } from '../measurement.ts';
import { TranslateError, commonMetadata, decodeText, guarded, headText, newMeasurement, num, q, readFileSafe } from './common.ts';
import { epochSeconds } from './dates.ts';
import { PANET, techniqueFromMethod } from './technique.ts';

/** A parsed element: attributes as plain keys, children by tag name (always arrays), text as `#text`. */
type XmlNode = { [key: string]: unknown };

const TYPED = ['string', 'double', 'float', 'ulong', 'long', 'ushort', 'short', 'boolean', 'enum', 'struct', 'sequence', 'octet', 'char'];

/** The child element whose `name` attribute is `name`, of any type. */
function child(node: XmlNode | undefined, name: string): XmlNode | undefined {
  if (!node) return undefined;
  for (const tag of TYPED) {
    const list = node[tag];
    if (!Array.isArray(list)) continue;
    for (const c of list) if (typeof c === 'object' && c !== null && (c as XmlNode).name === name) return c as XmlNode;
  }
  return undefined;
}

/** The children of a `<sequence>` that are structs. */
function structs(seq: XmlNode | undefined): XmlNode[] {
  const list = seq?.struct;
  return Array.isArray(list) ? (list.filter((c) => typeof c === 'object') as XmlNode[]) : [];
}

function textOf(node: XmlNode | undefined): string | undefined {
  const t = node?.['#text'];
  return typeof t === 'string' ? t.trim() : t === undefined ? undefined : String(t);
}

/** RegionDef fields to canonical harvest keys. */
const NUMBERS: Array<[string, string, string?]> = [
  ['num_scans', 'sweeps'],
  ['curves_per_scan', 'curves_per_scan'],
  ['values_per_curve', 'points'],
  ['dwell_time', 'dwell_time', 's'],
  ['scan_delta', 'energy_step', 'eV'],
  ['excitation_energy', 'excitation_energy', 'eV'],
  ['kinetic_energy', 'kinetic_energy', 'eV'],
  ['pass_energy', 'pass_energy', 'eV'],
  ['bias_voltage', 'bias_voltage', 'V'],
  ['detector_voltage', 'detector_voltage', 'V'],
  ['effective_workfunction', 'work_function', 'eV'],
];
const TEXTS: Array<[string, string]> = [
  ['analysis_method', 'analysis_method'],
  ['analyzer_lens', 'lens_mode'],
  ['analyzer_slit', 'analyser_slit'],
];

interface RegionRead {
  region: Region;
  analyser?: string;
  firstCycle?: number;
}

function readRegion(data: XmlNode, index: number): RegionRead {
  const name = textOf(child(data, 'name')) ?? `Region ${index + 1}`;
  const def = child(data, 'region');
  if (!def) {
    throw new TranslateError(
      `RegionData ${index + 1} ("${name}") has no <struct name="region"> with the analyser settings.`,
      'Export the region group from SpecsLab2 again.',
    );
  }
  const meta: Record<string, HarvestedQuantity> = {};
  for (const [from, to] of TEXTS) {
    const v = textOf(child(def, from));
    if (v) meta[to] = q(v);
  }
  const scanMode = textOf(child(child(def, 'scan_mode'), 'name'));
  if (scanMode) meta.acquisition_mode = q(scanMode);
  for (const [from, to, unit] of NUMBERS) {
    const v = num(textOf(child(def, from)));
    if (v !== undefined) meta[to] = q(v, unit);
  }
  const ke = meta.kinetic_energy?.value;
  const step = meta.energy_step?.value;
  const points = meta.points?.value;
  if (typeof ke === 'number' && typeof step === 'number' && typeof points === 'number' && points > 0) {
    meta.energy_scale = q('Kinetic');
    meta.energy_start = q(ke, 'eV');
    meta.energy_end = q(Math.round((ke + (points - 1) * step) * 1e9) / 1e9, 'eV');
  }
  const source = textOf(child(child(data, 'source_info'), 'name'));
  if (source) meta.source = q(source);
  const analyser = textOf(child(child(data, 'analyzer_info'), 'name'));
  const cycles = structs(child(data, 'cycles'));
  const times = cycles.map((c) => num(textOf(child(c, 'time')))).filter((t): t is number => t !== undefined);
  const out: RegionRead = { region: { name, metadata: meta } };
  if (analyser) out.analyser = analyser;
  if (times.length > 0) out.firstCycle = Math.min(...times);
  return out;
}

/** Reads the text of a SpecsLab2 XML export into one measurement per region group. */
export function parseSpecsLabXml(text: string, path: string): Measurement[] {
  // A cut file lacks the closing root tag; checking for it is far cheaper than full validation.
  if (!/<\/any>\s*$/.test(text)) {
    throw new TranslateError(
      'the document ends before its closing </any> tag: the file is truncated.',
      'Export the data from SpecsLab2 again, or copy the complete file.',
    );
  }
  // The inline DTD and the long runs of raw counts are of no use here and dominate parse time.
  const slim = text.replace(/<!DOCTYPE[\s\S]*?\]>/, '').replace(/>[\s\d.eE+-]{200,}</g, '><');
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseTagValue: false,
    processEntities: false,
    isArray: (_name, _path, _leaf, isAttribute) => !isAttribute,
    // isArray ignores the path: without this the parser spells out every node's path as a string for it.
    jPath: false,
  });
  let doc: XmlNode;
  try {
    doc = parser.parse(slim) as XmlNode;
  } catch (e) {
    throw new TranslateError(
      `the XML is not well-formed (${(e instanceof Error ? e.message : String(e)).slice(0, 120)}).`,
      'Export the data from SpecsLab2 again, or copy the complete file.',
    );
  }
  const root = (doc.any as XmlNode[] | undefined)?.[0];
  const seq = (root?.sequence as XmlNode[] | undefined)?.[0];
  if (!seq || !String(seq.type_id ?? '').includes('RegionGroupSeq')) {
    throw new TranslateError(
      'expected a SpecsLab2 export whose root <any> holds a RegionGroupSeq <sequence>, found another document.',
      'Export the region groups from SpecsLab2 with "Save as XML".',
    );
  }
  const stem = basename(path).replace(/\.[^.]*$/, '');
  const software = /from (SL [\d.]+\S*)/.exec(text.slice(0, 400))?.[1];
  return structs(seq).map((group, gi) => {
    const groupName = textOf(child(group, 'name')) ?? `Group ${gi + 1}`;
    const read = structs(child(group, 'regions')).map((d, i) => readRegion(d, i));
    const m = newMeasurement('specslab-xml', [path], `specs:${dirname(path)}/${stem} - ${groupName.replace(/[/\\:]/g, '-')}`);
    m.title = groupName;
    m.sample = groupName;
    m.regions = read.map((r) => r.region);
    m.metadata = commonMetadata(m.regions);
    if (software) m.metadata.software = q(`SpecsLab2 ${software.replace(/^SL /, '')}`);
    const analyser = read.find((r) => r.analyser)?.analyser;
    if (analyser) m.analyser = { model: analyser };
    const starts = read.map((r) => r.firstCycle).filter((t): t is number => t !== undefined);
    if (starts.length > 0) {
      const first = Math.min(...starts);
      m.startTimeRaw = String(first);
      const iso = epochSeconds(first);
      if (iso) m.startTime = iso;
    }
    if (m.regions.length === 0) m.warnings.push(`region group "${groupName}" holds no regions.`);
    const method = m.regions[0]?.metadata.analysis_method?.value;
    m.technique = techniqueFromMethod(typeof method === 'string' ? method : undefined) ?? PANET.pes;
    return m;
  });
}

export const specslabXml: Translator = {
  id: 'specslab-xml',
  description: 'SPECS SpecsLab2 XML export (.xml)',
  detect(head) {
    const t = headText(head, 8192);
    return /^\s*<\?xml/.test(t) && (/XMLSerializer2?\b/.test(t) || t.includes('IDL:specs.de/Serializer/'));
  },
  read(path, content): Promise<TranslatorResult> {
    return guarded(path, 'a SpecsLab2 XML export', async () => {
      const text = decodeText(await readFileSafe(path, content));
      const measurements = parseSpecsLabXml(text, path);
      if (measurements.length === 0) {
        return { status: 'skipped', file: path, reason: `${basename(path)}: the SpecsLab2 export holds no region groups.` };
      }
      return { status: 'ok', file: path, measurements };
    });
  },
};
