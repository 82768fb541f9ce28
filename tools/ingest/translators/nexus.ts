/**
 * NeXus/HDF5 (`.nxs`, `.h5`, `.hdf5`, `.nx5`) through h5wasm (the HDF5 C library
 * compiled to WebAssembly; its Node build reads the host file system directly).
 *
 * Any application definition: each NXentry becomes a region, with what NeXus
 * base classes say wherever the definition puts them — start/end time, title,
 * definition, NXsample/name, NXuser/name, NXsource/name, NXmonochromator/energy,
 * NXbeam incident energy or wavelength, analyser fields (lens_mode, pass_energy,
 * acquisition_mode…) found under NXinstrument whatever the analyser group is
 * called (`analyser`, `electronanalyser`, `electronanalyzer`).
 *
 * A master file often points at data files (external links, virtual datasets).
 * Targets that exist join the measurement's files; missing ones are a warning,
 * never an error, because the metadata is all in the master. A data file read
 * on its own (no NXentry, named `<master>_000001.h5`) is a `part` measurement
 * with the master's group key, so the pipeline files it with its master.
 */
import { existsSync } from 'node:fs';
import { basename, dirname, isAbsolute, join } from 'node:path';
import type { Dataset, ExternalLink, Group } from 'h5wasm';
import type { HarvestedQuantity, Measurement, Region, Translator, TranslatorResult } from '../measurement.ts';
import { TranslateError, errorResult, guarded, newMeasurement, q } from './common.ts';
import { isoDateTime } from './dates.ts';
import { techniqueFromDefinition, techniqueFromMethod } from './technique.ts';

type H5 = typeof import('h5wasm');

let h5: Promise<H5> | undefined;
/** Loads h5wasm once (its WASM module initialises asynchronously). */
function loadH5(): Promise<H5> {
  h5 ??= (async () => {
    const mod = (await import('h5wasm/node')) as unknown as H5;
    await mod.ready;
    // HDF5 errors become exceptions instead of a diagnostic stack printed to stderr.
    (mod.Module as unknown as { activate_throwing_error_handler(): number }).activate_throwing_error_handler();
    return mod;
  })();
  return h5;
}

/** The HDF5 signature; it sits at 0 or, after a user block, at 512, 1024, 2048… (HDF5 spec §III.A). */
const SIGNATURE = [0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a];

/** True when an HDF5 signature is at one of the offsets a superblock may sit at within `head`. */
export function hasHdf5Signature(head: Uint8Array): boolean {
  for (let at = 0; at + 8 <= head.length; at = at === 0 ? 512 : at * 2) {
    if (SIGNATURE.every((b, i) => head[at + i] === b)) return true;
  }
  return false;
}

/** Datasets with at most this many elements are read as metadata; larger ones are data. */
const SMALL = 16;
/** Objects visited per file when looking for links, so a huge file cannot stall ingest. */
const VISIT_BUDGET = 20_000;
/** Largest 1-D signal turned into a quick-look spectrum. */
const MAX_SPECTRUM = 100_000;

const isNX = (g: Group, cls: string) => nxClass(g) === cls;

function nxClass(g: Group | Dataset): string | undefined {
  try {
    const v = g.attrs.NX_class?.value;
    return typeof v === 'string' ? v : undefined;
  } catch {
    return undefined;
  }
}

function attrString(obj: Group | Dataset, name: string): string | undefined {
  try {
    const v = obj.attrs[name]?.value;
    if (typeof v === 'string') return v;
    if (Array.isArray(v) && v.every((s) => typeof s === 'string')) return v.join(',');
    return undefined;
  } catch {
    return undefined;
  }
}

function plain(v: unknown): HarvestedQuantity['value'] | undefined {
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'string') return v.replace(/\0+$/, '').trim();
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  if (ArrayBuffer.isView(v) || Array.isArray(v)) {
    const arr = Array.from(v as ArrayLike<unknown>).map((x) => (typeof x === 'bigint' ? Number(x) : x));
    if (arr.length === 1) return plain(arr[0]);
    if (arr.every((x) => typeof x === 'number')) return arr as number[];
    if (arr.every((x) => typeof x === 'string')) return (arr as string[]).map((s) => s.replace(/\0+$/, '').trim());
  }
  return undefined;
}

/** Reads a small dataset as a quantity (units from its `units` attribute, NeXus type placeholders dropped). */
function small(ds: Dataset): HarvestedQuantity | undefined {
  try {
    const meta = ds.metadata;
    if (meta.virtual_sources?.length) return undefined;
    const count = (meta.shape ?? []).reduce((a, b) => a * b, 1);
    if (count > SMALL) return undefined;
    const value = plain(ds.value);
    if (value === undefined || value === '') return undefined;
    const unit = attrString(ds, 'units');
    return q(value, unit && !unit.startsWith('NX_') ? unit : undefined);
  } catch {
    return undefined;
  }
}

interface Ctx {
  mod: H5;
  root?: Group;
  dir: string;
  files: Set<string>;
  missing: Map<string, { first: string; count: number }>;
  visited: number;
}

function getChild(g: Group, name: string): ReturnType<Group['get']> {
  try {
    return g.get(name);
  } catch {
    return null;
  }
}

function dataset(ctx: Ctx, g: Group | undefined, name: string): HarvestedQuantity | undefined {
  if (!g) return undefined;
  const e = getChild(g, name);
  return e instanceof ctx.mod.Dataset ? small(e) : undefined;
}

function text(ctx: Ctx, g: Group | undefined, name: string): string | undefined {
  const v = dataset(ctx, g, name)?.value;
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** The child groups of `g` (links followed inside the file only). */
function groups(ctx: Ctx, g: Group): Group[] {
  const out: Group[] = [];
  for (const k of g.keys()) {
    const e = getChild(g, k);
    if (e instanceof ctx.mod.Group) out.push(e);
  }
  return out;
}

const firstOf = (ctx: Ctx, g: Group | undefined, cls: string) => (g ? groups(ctx, g).find((c) => isNX(c, cls)) : undefined);

/** Records where an external file a link points to is: present (joins the files) or missing (a warning). */
function noteTarget(ctx: Ctx, target: string, from: string, dsetInFile?: string): void {
  if (target === '.' || target === '') {
    // A virtual dataset reading from this same file: follow it when that dataset is an external link.
    const e = dsetInFile && ctx.root ? getChild(ctx.root, dsetInFile) : null;
    if (e instanceof ctx.mod.ExternalLink) noteTarget(ctx, (e as ExternalLink).filename, from);
    return;
  }
  const candidates = isAbsolute(target) ? [target, join(ctx.dir, basename(target))] : [join(ctx.dir, target)];
  const found = candidates.find((c) => existsSync(c));
  if (found) ctx.files.add(found);
  else {
    const m = ctx.missing.get(target);
    if (m) m.count++;
    else ctx.missing.set(target, { first: from, count: 1 });
  }
}

/** The file an external link at `path` points to, or undefined when the object there is no external link. */
function externalLink(g: Group, path: string): string | undefined {
  try {
    const l = g.get_external_link(path) as { filename?: string } | undefined;
    return l?.filename || undefined;
  } catch {
    return undefined;
  }
}

/** Visits the whole tree (within budget) for external links and virtual dataset sources. */
function findLinks(ctx: Ctx, g: Group, path: string): void {
  for (const k of g.keys()) {
    if (++ctx.visited > VISIT_BUDGET) return;
    const p = `${path}/${k}`;
    // Ask for the link first: h5wasm follows an external link whose file exists and
    // returns the object in the other file, which must count as a file of this measurement.
    const link = externalLink(g, p);
    if (link) {
      noteTarget(ctx, link, p);
      continue;
    }
    const e = getChild(g, k);
    if (e instanceof ctx.mod.ExternalLink) noteTarget(ctx, (e as ExternalLink).filename, p);
    else if (e instanceof ctx.mod.Group) findLinks(ctx, e, p);
    else if (e instanceof ctx.mod.Dataset) {
      try {
        for (const s of e.metadata.virtual_sources ?? []) noteTarget(ctx, s.file_name, p, s.dset_name);
      } catch {
        /* a dataset whose layout cannot be read has no sources to report */
      }
    }
  }
}

/** Fields of an electron analyser, wherever the application definition nests them. */
const ANALYSER_FIELDS = [
  'lens_mode',
  'pass_energy',
  'acquisition_mode',
  'energy_scan_mode',
  'work_function',
  'entrance_slit_size',
  'entrance_slit_shape',
  'entrance_slit_setting',
  'time_per_channel',
];

/** Breadth-first search under `root` for datasets with the given names; first one found wins. */
function searchFields(ctx: Ctx, root: Group, names: readonly string[], into: Record<string, HarvestedQuantity>): void {
  const wanted = new Set(names);
  const queue: Group[] = [root];
  let seen = 0;
  while (queue.length > 0 && wanted.size > 0 && seen < 2000) {
    const g = queue.shift()!;
    for (const k of g.keys()) {
      seen++;
      const e = getChild(g, k);
      if (e instanceof ctx.mod.Group) queue.push(e);
      else if (e instanceof ctx.mod.Dataset && wanted.has(k)) {
        const v = small(e);
        if (v) {
          into[k] = v;
          wanted.delete(k);
        }
      }
    }
  }
}

/** The NXdata a plot would show: `default` attribute, else the first NXdata. */
function plotGroup(ctx: Ctx, entry: Group): Group | undefined {
  const def = attrString(entry, 'default');
  if (def) {
    const g = getChild(entry, def);
    if (g instanceof ctx.mod.Group) return g;
  }
  return firstOf(ctx, entry, 'NXdata');
}

/** A quick-look spectrum from a 1-D NXdata (`signal`/`axes` attributes, or the older `signal=1` on a dataset). */
function spectrumOf(ctx: Ctx, data: Group): Region['spectrum'] {
  const datasets = data.keys().map((k) => [k, getChild(data, k)] as const);
  let signalName = attrString(data, 'signal');
  if (!signalName) {
    signalName = datasets.find(([, e]) => e instanceof ctx.mod.Dataset && String(plain((e as Dataset).attrs.signal?.value)) === '1')?.[0];
  }
  if (!signalName) return undefined;
  const signal = getChild(data, signalName);
  if (!(signal instanceof ctx.mod.Dataset)) return undefined;
  try {
    const meta = signal.metadata;
    const shape = meta.shape ?? [];
    if (meta.virtual_sources?.length || shape.length !== 1 || shape[0]! < 2 || shape[0]! > MAX_SPECTRUM) return undefined;
    // NeXus: `axes` on the NXdata (or, older, on the signal), else an `<axis>_indices = 0` attribute.
    const axesAttr = attrString(data, 'axes') ?? attrString(signal, 'axes');
    let axisName = axesAttr?.split(/[,:]/)[0]?.trim();
    if (!axisName) {
      for (const [k, a] of Object.entries(data.attrs)) {
        if (k.endsWith('_indices') && plain(a.value) === 0) axisName = k.slice(0, -'_indices'.length);
      }
    }
    const axis = axisName && axisName !== '.' ? getChild(data, axisName) : null;
    const y = Array.from(signal.value as ArrayLike<number | bigint>, Number);
    let x: number[] = y.map((_, i) => i);
    let xLabel = 'index';
    let xUnit = '';
    if (axis instanceof ctx.mod.Dataset && (axis.metadata.shape ?? [])[0] === y.length) {
      x = Array.from(axis.value as ArrayLike<number | bigint>, Number);
      xLabel = axisName!;
      xUnit = attrString(axis, 'units') ?? '';
    }
    return { x, y, xLabel, xUnit, yLabel: attrString(signal, 'long_name') ?? signalName };
  } catch {
    return undefined;
  }
}

interface EntryRead {
  region: Region;
  definition?: string;
  title?: string;
  start?: string;
  end?: string;
  sample?: string;
  user?: string;
  facility?: string;
  instrumentName?: string;
  method?: string;
}

function readEntry(ctx: Ctx, name: string, entry: Group): EntryRead {
  const meta: Record<string, HarvestedQuantity> = {};
  const out: EntryRead = { region: { name, metadata: meta } };
  const definition = text(ctx, entry, 'definition') ?? attrString(entry, 'definition');
  if (definition) out.definition = definition;
  const title = text(ctx, entry, 'title');
  if (title) out.title = title;
  const start = text(ctx, entry, 'start_time');
  if (start) out.start = start;
  const end = text(ctx, entry, 'end_time');
  if (end) out.end = end;
  for (const k of ['experiment_identifier', 'collection_identifier', 'entry_identifier', 'program_name', 'duration']) {
    const v = dataset(ctx, entry, k);
    if (v) meta[k] = v;
  }
  const method = text(ctx, entry, 'method');
  if (method) out.method = method;

  const sample = firstOf(ctx, entry, 'NXsample');
  const sampleName = text(ctx, sample, 'name');
  if (sampleName) out.sample = sampleName;
  for (const k of ['chemical_formula', 'temperature']) {
    const v = dataset(ctx, sample, k);
    if (v) meta[`sample_${k}`] = v;
  }
  for (const u of groups(ctx, entry).filter((g) => isNX(g, 'NXuser'))) {
    const n = text(ctx, u, 'name');
    if (n) {
      out.user = n;
      break;
    }
  }

  const instrument = firstOf(ctx, entry, 'NXinstrument');
  const instrumentName = text(ctx, instrument, 'name');
  if (instrumentName) out.instrumentName = instrumentName;
  const sources = instrument ? groups(ctx, instrument).filter((g) => isNX(g, 'NXsource')) : [];
  const sourceName = sources.map((s) => text(ctx, s, 'name')).find(Boolean);
  const facility = text(ctx, entry, 'experiment_facility') ?? sourceName;
  if (facility) out.facility = facility;
  for (const s of sources.slice(0, 1)) {
    for (const k of ['type', 'probe']) {
      const v = dataset(ctx, s, k);
      if (v) meta[`source_${k}`] = v;
    }
  }
  const mono = firstOf(ctx, instrument, 'NXmonochromator');
  const monoEnergy = dataset(ctx, mono, 'energy');
  if (monoEnergy) meta.excitation_energy = monoEnergy;
  const beams = [...(instrument ? groups(ctx, instrument) : []), ...(sample ? groups(ctx, sample) : [])].filter((g) => isNX(g, 'NXbeam'));
  for (const b of beams) {
    const energy = dataset(ctx, b, 'incident_energy');
    if (energy && !meta.excitation_energy) meta.excitation_energy = energy;
    const wavelength = dataset(ctx, b, 'incident_wavelength');
    if (wavelength && !meta.wavelength) meta.wavelength = wavelength;
  }
  if (instrument) {
    searchFields(ctx, instrument, ANALYSER_FIELDS, meta);
    const detector = groups(ctx, instrument).find((g) => isNX(g, 'NXdetector'));
    const description = text(ctx, detector, 'description');
    if (description) meta.detector = q(description);
    const countTime = dataset(ctx, detector, 'count_time');
    if (countTime && typeof countTime.value === 'number') meta.count_time = countTime;
  }
  const data = plotGroup(ctx, entry);
  const spectrum = data ? spectrumOf(ctx, data) : undefined;
  if (spectrum) {
    out.region.spectrum = spectrum;
    meta.points = q(spectrum.x.length);
  }
  return out;
}

/** The master's stem a data file name implies: `Therm_6_2_000001.h5` → `Therm_6_2`. */
export function masterStem(fileName: string): string | undefined {
  const m = /^(.+?)(?:_data)?_\d{6}\.(?:h5|hdf5|hdf|nxs|nx5)$/i.exec(fileName);
  return m?.[1];
}

/** The innermost message of an HDF5 error stack: `truncated file: eof = 20000, … stored_eof = 65648`. */
export function hdf5Reason(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  const lines = [...text.matchAll(/#\d+: .*? in [\w.]+\(\): (.*)$/gm)].map((m) => m[1]!.trim());
  return (lines[lines.length - 1] ?? text.split('\n')[0] ?? text).slice(0, 160);
}

/** The master file a data file belongs to, when it sits in the same folder. */
function masterFile(dir: string, stem: string): string | undefined {
  return ['.nxs', '.nx5', '.h5', '.hdf5', '_master.h5'].map((ext) => join(dir, `${stem}${ext}`)).find((p) => existsSync(p));
}

/** Reads one NeXus file (h5wasm must be loaded). */
export function readNexusFile(mod: H5, path: string): TranslatorResult {
  let file: InstanceType<H5['File']>;
  try {
    file = new mod.File(path, 'r');
  } catch (e) {
    throw new TranslateError(
      `HDF5 cannot open the file (${hdf5Reason(e)}): it is truncated or damaged.`,
      'Copy the complete file again; check it opens with h5dump or silx.',
    );
  }
  try {
    const ctx: Ctx = { mod, root: file, dir: dirname(path), files: new Set(), missing: new Map(), visited: 0 };
    // Dectris-style masters (`x_master.h5` beside `x_data_000001.h5`) share the group of their data files.
    const stem = basename(path).replace(/\.[^.]*$/, '').replace(/_master$/, '');
    const entries: Array<[string, Group]> = [];
    for (const k of file.keys()) {
      const e = getChild(file, k);
      if (e instanceof mod.Group && isNX(e, 'NXentry')) entries.push([k, e]);
    }
    if (entries.length === 0) {
      const master = masterStem(basename(path));
      if (master && masterFile(dirname(path), master)) {
        const m = newMeasurement('nexus', [path], `nexus:${dirname(path)}/${master}`);
        m.role = 'part';
        return { status: 'ok', file: path, measurements: [m] };
      }
      if (master) {
        return {
          status: 'skipped',
          file: path,
          reason: `${basename(path)}: a NeXus data file without NXentry whose master (${master}.nxs, .h5 or _master.h5) is not in the same folder; it is catalogued when its master is.`,
        };
      }
      return {
        status: 'skipped',
        file: path,
        reason: `${basename(path)}: an HDF5 file without an NXentry group, so not a NeXus measurement. A data file is catalogued with the NeXus master that links to it.`,
      };
    }
    findLinks(ctx, file, '');
    const read = entries.map(([name, g]) => readEntry(ctx, name, g));
    const m = newMeasurement('nexus', [path, ...[...ctx.files].sort()], `nexus:${dirname(path)}/${stem}`);
    m.role = 'primary';
    m.regions = read.map((r) => r.region);
    // Keys shared by all entries describe the measurement.
    const [first, ...rest] = m.regions;
    for (const [k, v] of Object.entries(first!.metadata)) {
      if (rest.every((r) => JSON.stringify(r.metadata[k]) === JSON.stringify(v))) m.metadata[k] = v;
    }
    const r0 = read[0]!;
    m.title = r0.title ?? (read.length === 1 ? r0.region.name : stem);
    const starts = read.map((r) => r.start).filter((s): s is string => !!s).sort();
    const ends = read.map((r) => r.end).filter((s): s is string => !!s).sort();
    if (starts[0]) {
      m.startTimeRaw = starts[0];
      const iso = isoDateTime(starts[0]);
      if (iso) m.startTime = iso;
      else m.warnings.push(`start_time "${starts[0]}" is not an ISO 8601 date and time; start time left empty.`);
    }
    const lastEnd = ends[ends.length - 1];
    if (lastEnd) {
      m.endTimeRaw = lastEnd;
      const iso = isoDateTime(lastEnd);
      if (iso) m.endTime = iso;
      else m.warnings.push(`end_time "${lastEnd}" is not an ISO 8601 date and time; end time left empty.`);
    }
    const pick = <K extends keyof EntryRead>(k: K) => read.map((r) => r[k]).find((v) => v !== undefined);
    const definition = pick('definition') as string | undefined;
    if (definition) m.definition = definition;
    const sample = pick('sample') as string | undefined;
    if (sample) m.sample = sample;
    const user = pick('user') as string | undefined;
    if (user) m.user = user;
    const facility = pick('facility') as string | undefined;
    if (facility) m.facility = facility;
    const instrumentName = pick('instrumentName') as string | undefined;
    if (instrumentName) m.instrumentName = instrumentName;
    const technique = techniqueFromDefinition(definition) ?? techniqueFromMethod(pick('method') as string | undefined);
    if (technique) m.technique = technique;
    for (const [target, { first: from, count }] of ctx.missing) {
      m.warnings.push(
        `${from}${count > 1 ? ` (and ${count - 1} more links)` : ''} points to "${target}", which is not next to ${basename(path)}; ` +
          'the metadata is catalogued without it. Copy the data file into the same folder to include it.',
      );
    }
    if (ctx.visited > VISIT_BUDGET) m.warnings.push(`only the first ${VISIT_BUDGET} objects were searched for links to data files.`);
    return { status: 'ok', file: path, measurements: [m] };
  } finally {
    file.close();
  }
}

export const nexus: Translator = {
  id: 'nexus',
  description: 'NeXus/HDF5 (.nxs, .h5, .hdf5)',
  detect(head) {
    return hasHdf5Signature(head);
  },
  async read(path): Promise<TranslatorResult> {
    let mod: H5;
    try {
      mod = await loadH5();
    } catch (e) {
      return errorResult(
        path,
        `${basename(path)}: the HDF5 reader (h5wasm) could not start: ${e instanceof Error ? e.message : String(e)}.`,
        'Run `npm ci` to reinstall dependencies.',
      );
    }
    return guarded(path, 'a NeXus/HDF5 file', () => {
      if (!existsSync(path)) throw new TranslateError('the file does not exist.', 'Check the path and try again.');
      return readNexusFile(mod, path);
    });
  },
};
