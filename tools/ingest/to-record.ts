/**
 * Turns the measurements of one dataset (one group of source files) into a
 * dataset record following schemas/README.md. Pure: file facts are passed in,
 * the record and its quick-look plots come back as data, nothing is written.
 */
import { createHash } from 'node:crypto';
import { basename, dirname, relative, sep } from 'node:path';
import { SEGMENT, attachmentDir } from '../core/layout.ts';
import { applyProfile, chooseProfile, keepAll, setPath, withDerivedKeys, type ProfiledValues, type QuantityEntry } from './apply-profile.ts';
import type { FileFacts } from './manifest.ts';
import type { HarvestedQuantity, Measurement } from './measurement.ts';
import { MAX_QUICKLOOKS, plottable, renderPlot, titledPlot } from './quicklook.ts';
import type { IngestSettings } from './settings.ts';
import { datePlusYears, toZonedIso, zonedNow } from './time.ts';

/** The measurements that make one dataset, and the facts of their files. */
export interface MeasurementGroup {
  /** Folder of the primary file + group key: what identifies the dataset across re-ingests. */
  key: string;
  measurements: Measurement[];
  files: FileFacts[];
}

/** A file to write beside the record, under the dataset's attachments folder. */
export interface AttachmentFile {
  /** Path relative to the catalogue root. */
  rel: string;
  /** Produces the content; called only when the record is actually written (unchanged sources skip it). */
  render(): string;
}

export type MappedRecord =
  | { ok: true; pid: string; record: Record<string, unknown>; attachments: AttachmentFile[]; warnings: string[] }
  | { ok: false; message: string; fix: string };

export interface MapOptions {
  /** "Now", for deciding whether an embargo has already run out; injectable for tests. */
  now?: Date;
  /** Name and version of the harvesting tool, kept in provenance. */
  tool?: string;
  toolVersion?: string;
  /** The proposal record, when the catalogue has one: its PI becomes the dataset's principal investigator. */
  proposal?: { pi?: Person };
  /** The folder the ingest was asked to scan; provenance source paths are relative to it. */
  scanRoot?: string;
}

/** A person as the schema has it (only the fields ingest copies). */
export interface Person {
  name: string;
  [k: string]: unknown;
}

/** Human names of the translator formats, for the record's `dataFormat`. */
const FORMAT_NAMES: Record<string, string> = {
  'ses-txt': 'Scienta SES text',
  'igor-ibw': 'Igor Pro binary wave (Scienta SES)',
  'igor-pxt': 'Igor Pro packed experiment (Scienta SES)',
  'prodigy-xy': 'SpecsLab Prodigy XY',
  'specslab-xml': 'SpecsLab2 XML',
  vamas: 'VAMAS (ISO 14976)',
  nexus: 'NeXus/HDF5',
};

/** Lower-case letters, digits and dashes from a file base name, at most 40 characters. */
export function sanitizeName(s: string): string {
  const out = s
    .normalize('NFKD')
    .replace(/[^\x00-\x7f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return out || 'dataset';
}

/**
 * The dataset name: sanitized group key plus 8 hex digits of the SHA-256 of the
 * source folder and group key, so the same source always maps to the same record
 * and two folders with the same file names never collide.
 */
export function datasetName(groupKey: string, sourceFolder: string): string {
  const h = createHash('sha256').update(`${sourceFolder}\0${groupKey}`).digest('hex').slice(0, 8);
  return `${sanitizeName(groupStem(groupKey))}-${h}`;
}

/** The readable part of a group key: translators may prefix it (`ses:`) and include the folder. */
export function groupStem(groupKey: string): string {
  return groupKey.split(/[/\\:]/).filter(Boolean).pop() ?? groupKey;
}

/** The proposal a source path belongs to: the path pattern's `proposal` group, or the default. */
export function proposalFor(path: string, settings: IngestSettings): string | undefined {
  const posix = path.split(sep).join('/');
  const m = settings.proposalPathPattern?.exec(posix);
  return m?.groups?.proposal ?? settings.defaultProposal;
}

/** The instrument id from an analyser serial or an instrument/beamline name, or undefined. */
export function instrumentFor(m: Measurement, settings: IngestSettings): string | undefined {
  const serial = m.analyser?.serial;
  if (serial) {
    // SES writes "R3000-6MS014"; translators may split model and serial, instrument records may not.
    const forms = [serial, ...(m.analyser?.model ? [`${m.analyser.model}-${serial}`] : [])];
    for (const f of forms) if (settings.instrumentBySerial[f]) return settings.instrumentBySerial[f];
    const rec = settings.instruments.find((i) => i.analysers?.some((a) => a.serial !== undefined && (forms.includes(a.serial) || a.serial.endsWith(`-${serial}`))));
    if (rec) return rec.id;
  }
  for (const name of [m.instrumentName, m.beamline].filter((n): n is string => !!n)) {
    const exact = settings.instrumentByName[name];
    if (exact) return exact;
    const lower = name.toLowerCase();
    const ci = Object.entries(settings.instrumentByName).find(([k]) => k.toLowerCase() === lower)?.[1];
    if (ci) return ci;
    const rec = settings.instruments.find((i) => i.id === lower || i.name?.toLowerCase() === lower);
    if (rec) return rec.id;
  }
  return undefined;
}

/** Merges the measurements of one group: earlier measurements (the primary file's) win per field. */
export function mergeMeasurements(ms: readonly Measurement[]): Measurement {
  const [first, ...rest] = ms;
  if (!first) throw new Error('mergeMeasurements: empty group');
  const merged: Measurement = { ...first, files: [...first.files], metadata: { ...first.metadata }, regions: first.regions.map((r) => ({ ...r })), warnings: [...first.warnings] };
  for (const m of rest) {
    for (const k of ['title', 'startTimeRaw', 'startTime', 'endTimeRaw', 'endTime', 'sample', 'user', 'analyser', 'instrumentName', 'facility', 'beamline', 'definition', 'technique'] as const) {
      if (merged[k] === undefined && m[k] !== undefined) (merged as unknown as Record<string, unknown>)[k] = m[k];
    }
    for (const [k, v] of Object.entries(m.metadata)) merged.metadata[k] ??= v;
    for (const f of m.files) if (!merged.files.includes(f)) merged.files.push(f);
    if (merged.regions.length === 0) merged.regions = m.regions.map((r) => ({ ...r }));
    for (const r of merged.regions) {
      const twin = m.regions.find((o) => o.name === r.name);
      if (twin && !r.spectrum && twin.spectrum) r.spectrum = twin.spectrum;
      if (twin) r.metadata = { ...twin.metadata, ...r.metadata };
    }
    merged.warnings.push(...m.warnings);
  }
  return merged;
}

function profiled(harvest: Record<string, HarvestedQuantity>, profile: ReturnType<typeof chooseProfile>): ProfiledValues {
  return profile ? applyProfile(harvest, profile) : keepAll(harvest);
}

/**
 * One top-level entry for a key whose value differs between regions: the list of
 * values when all regions have it in one unit, the envelope for ranges; else undefined.
 */
export function combineRegionValues(vals: readonly (QuantityEntry | undefined)[]): QuantityEntry | undefined {
  if (vals.some((v) => v === undefined)) return undefined;
  const es = vals as QuantityEntry[];
  const unit = es[0]!.unit;
  if (es.some((e) => e.unit !== unit || e.name !== es[0]!.name)) return undefined;
  const ranges = es as unknown as { min?: number; max?: number }[];
  if (ranges.every((r) => typeof r.min === 'number' && typeof r.max === 'number'))
    return { min: Math.min(...ranges.map((r) => r.min!)), max: Math.max(...ranges.map((r) => r.max!)), ...(unit ? { unit } : {}), name: es[0]!.name } as unknown as QuantityEntry;
  const scalars = es.map((e) => e.value);
  if (scalars.some((v) => Array.isArray(v) || v === undefined)) return undefined;
  const kinds = new Set(scalars.map((v) => typeof v));
  if (kinds.size !== 1) return undefined;
  const si = es.map((e) => e.valueSI);
  return {
    value: scalars as number[] | string[],
    ...(unit ? { unit } : {}),
    ...(es[0]!.name ? { name: es[0]!.name } : {}),
    ...(si.every((x) => typeof x === 'number') ? { valueSI: si as number[], unitSI: es[0]!.unitSI! } : {}),
  };
}

/** Builds the scientificMetadata tree; values equal in every region are lifted to the top. */
function buildScientificMetadata(m: Measurement, profile: ReturnType<typeof chooseProfile>, warnings: string[]) {
  const base: Record<string, HarvestedQuantity> = { ...m.metadata };
  if (m.sample) base.sample_name ??= { value: m.sample };
  if (m.user) base.user ??= { value: m.user };
  if (m.analyser?.model) base.analyser_model ??= { value: m.analyser.model };
  if (m.analyser?.serial) base.analyser_serial ??= { value: m.analyser.model ? `${m.analyser.model}-${m.analyser.serial}` : m.analyser.serial };
  const single = m.regions.length === 1 ? m.regions[0]! : undefined;
  const regionHarvest = (r: Measurement['regions'][number]) => withDerivedKeys({ ...r.metadata, region_name: { value: r.name } });
  const top = profiled(withDerivedKeys(single ? { ...base, ...regionHarvest(single) } : base), profile);
  warnings.push(...top.warnings);
  const unmapped = new Set(top.unmapped);
  const entries = new Map(top.entries);
  const perRegion = new Map<string, Map<string, QuantityEntry>>();
  const rejected: Record<string, unknown> = {};
  let regionResults: (readonly [string, ProfiledValues])[] = [];
  if (!single && m.regions.length > 1) {
    const results = m.regions.map((r) => [r.name, profiled(regionHarvest(r), profile)] as const);
    regionResults = results;
    for (const [, r] of results) {
      warnings.push(...r.warnings);
      r.unmapped.forEach((k) => unmapped.add(k));
    }
    const keys = new Set(results.flatMap(([, r]) => [...r.entries.keys()]).filter((k) => !entries.has(k)));
    for (const key of keys) {
      const vals = results.map(([, r]) => r.entries.get(key));
      const same = vals.every((v) => v !== undefined && JSON.stringify(v) === JSON.stringify(vals[0]));
      if (same) {
        entries.set(key, vals[0]!);
        continue;
      }
      // Differing values: per region under regions/<name>, and at the top as the list of
      // region values (or the envelope of ranges) so profile checks see the key.
      const combined = combineRegionValues(vals);
      if (combined) entries.set(key, combined);
      results.forEach(([name, r]) => {
          const v = r.entries.get(key);
          if (!v) return;
          if (!perRegion.has(name)) perRegion.set(name, new Map());
          perRegion.get(name)!.set(key, v);
        });
    }
  }
  for (const [, r] of [['', top] as const, ...regionResults]) for (const [k, v] of r.rejected) if (!entries.has(k)) rejected[k] = v;
  const tree: Record<string, unknown> = {};
  for (const [k, v] of entries) setPath(tree, k, v);
  if (perRegion.size > 0) {
    const regions: Record<string, unknown> = {};
    for (const [name, map] of perRegion) {
      const g: Record<string, unknown> = {};
      for (const [k, v] of map) setPath(g, k, v);
      regions[name] = g;
    }
    tree.regions = regions;
  }
  const missing: string[] = [];
  for (const f of profile?.fields ?? []) {
    if (f.required && !entries.has(f.key)) missing.push(f.key);
  }
  for (const key of missing) {
    const f = profile!.fields.find((x) => x.key === key)!;
    const why = rejected[key] ? `is in the source files but unusable (${(rejected[key] as { reason: string }).reason})` : 'is not in the source files';
    warnings.push(`required field "${key}" (${f.name}) of profile "${profile!.id}" ${why}; a curator must add /scientificMetadata/${key} before the record validates.`);
  }
  for (const [key, v] of Object.entries(rejected))
    if (!missing.includes(key)) warnings.push(`${(v as { reason: string }).reason}; not recorded under /scientificMetadata/${key} (kept in provenance.rejected).`);
  // Keys ingest derived itself are not news to a curator when no profile field takes them.
  const derived = new Set(['region_name', 'analyser_model', 'analyser_serial', 'kinetic_energy_range', 'binding_energy_range', 'energy_range']);
  return { tree, unmapped: [...unmapped].filter((k) => !derived.has(k)).sort(), missing, rejected };
}

/** Maps one measurement group to a dataset record. Pure. */
export function toRecord(group: MeasurementGroup, settings: IngestSettings, options: MapOptions = {}): MappedRecord {
  const m = mergeMeasurements(group.measurements);
  const warnings: string[] = [...m.warnings];
  const primary = m.files[0]!;
  const sourceFolder = dirname(primary);
  const proposalId = proposalFor(primary, settings);
  if (!proposalId)
    return {
      ok: false,
      message: `no proposal for ${primary}: the path does not match ingest.proposalPathPattern and there is no ingest.defaultProposal`,
      fix: 'set "ingest": {"proposalPathPattern": "/(?<proposal>\\\\d{8})/"} or "defaultProposal" in catalog/config.json',
    };
  if (!SEGMENT.test(proposalId))
    return { ok: false, message: `proposal id "${proposalId}" (from ${primary}) is not usable as a folder name`, fix: 'adjust ingest.proposalPathPattern so the proposal group captures letters, digits, ".", "_" or "-" only' };
  const name = datasetName(m.groupKey, sourceFolder);
  const pid = `${settings.pidPrefix}/${proposalId}/${name}`;

  // Times: the file's wall clock is read in the facility's zone; the raw string goes to provenance.
  const tz = settings.timeZone;
  const zoned = (iso: string | undefined, raw: string | undefined, what: string) => {
    if (!iso) return undefined;
    const r = toZonedIso(iso, tz);
    if (!r.ok) warnings.push(`${what} ${JSON.stringify(raw ?? iso)} could not be read: ${r.reason}`);
    return r.ok ? r.iso : undefined;
  };
  const startTime = zoned(m.startTime, m.startTimeRaw, 'start time');
  const endTime = zoned(m.endTime, m.endTimeRaw, 'end time');
  let creationTime = startTime;
  if (!creationTime) {
    const earliest = group.files.map((f) => f.mtime).sort()[0] ?? new Date(0).toISOString();
    creationTime = (toZonedIso(earliest, tz) as { iso?: string }).iso ?? earliest;
    warnings.push(`no start time in the source files; creationTime is the file modification time ${creationTime}.`);
  }

  const instrumentId = instrumentFor(m, settings);
  if (!instrumentId) {
    const hints = [m.analyser?.serial && `analyser serial "${m.analyser.serial}"`, m.instrumentName && `instrument name "${m.instrumentName}"`, m.beamline && `beamline "${m.beamline}"`].filter(Boolean);
    warnings.push(
      hints.length
        ? `instrument not identified from ${hints.join(', ')}; add it to ingest.instrumentBySerial or ingest.instrumentByName in catalog/config.json.`
        : 'the source files name no analyser serial or instrument; set instrumentId by hand.',
    );
  }
  const instrument = settings.instruments.find((i) => i.id === instrumentId);
  const technique = m.technique ?? instrument?.techniques?.[0];
  if (!technique) warnings.push('technique unknown: neither the file nor the instrument record names one.');
  const profile = chooseProfile(settings.profiles, instrumentId, technique?.pid);
  if (!profile)
    warnings.push(`no metadata profile applies to ${[instrumentId && `instrument "${instrumentId}"`, technique && `technique ${technique.pid}`].filter(Boolean).join(' or ') || 'this dataset'}; every harvested key is kept under its harvest name.`);
  const sm = buildScientificMetadata(m, profile, warnings);

  // Quick-look plots: one per region with a 1-D spectrum.
  const attachments: AttachmentFile[] = [];
  const attachmentList: { path: string; caption: string; mediaType: string }[] = [];
  const dir = attachmentDir(pid);
  const withSpectrum = m.regions.filter((r) => r.spectrum).slice(0, MAX_QUICKLOOKS);
  withSpectrum.forEach((r, i) => {
    const s = r.spectrum!;
    const title = r.name ? `${m.title ?? groupStem(m.groupKey)}: ${r.name}` : (m.title ?? groupStem(m.groupKey));
    // A read worker may have drawn the plot already (measurement.ts Spectrum.plot).
    if (s.plot === undefined && !plottable(s)) return;
    const file = withSpectrum.length === 1 ? 'quicklook.svg' : `quicklook-${String(i + 1).padStart(2, '0')}-${sanitizeName(r.name)}.svg`;
    attachments.push({ rel: `${dir}/${file}`, render: () => titledPlot(title, s.plot ?? renderPlot(s)!) });
    attachmentList.push({ path: file, caption: `Quick-look: ${s.yLabel} against ${s.xLabel}, region ${r.name}`, mediaType: 'image/svg+xml' });
  });

  const files = [...group.files].sort((a, b) => a.path.localeCompare(b.path));
  const now = options.now ?? new Date();
  // Dates, not instants: the embargo ends at the start of that day in the facility zone.
  const harvestTime = zonedNow(now, tz);
  const embargoedUntil = datePlusYears(creationTime, settings.defaultEmbargoYears);
  const access = embargoedUntil > harvestTime.slice(0, 10) ? { status: 'embargoed', embargoedUntil } : { status: 'public' };
  const pi = options.proposal?.pi;
  if (!pi) warnings.push(`no principal investigator: the proposal record ${proposalId} is missing or has no "pi"; add the proposal record or set principalInvestigators by hand.`);
  if (!settings.license) warnings.push('no licence: catalog/config.json has no default licence; set "license" on the record or a default in the config.');
  const formats = [...new Set(group.measurements.map((x) => x.format))];
  const title = m.title ?? (m.sample ? `${m.sample}: ${m.regions.map((r) => r.name).join(', ') || groupStem(m.groupKey)}` : groupStem(m.groupKey));
  const sourcePath = (p: string) => {
    const rel = options.scanRoot ? relative(options.scanRoot, p) : basename(p);
    return (rel.startsWith('..') ? p : rel).split(sep).join('/');
  };
  const record: Record<string, unknown> = {
    pid,
    type: 'raw',
    datasetName: title,
    creationTime,
    ...(startTime ? { startTime } : {}),
    ...(endTime ? { endTime } : {}),
    ...(m.user ? { creators: [{ name: m.user }] } : {}),
    ...(pi ? { principalInvestigators: [pi] } : {}),
    proposalId,
    ...(instrumentId ? { instrumentId } : {}),
    ...(technique ? { techniques: [{ pid: technique.pid, name: technique.name }] } : {}),
    ...(settings.license ? { license: settings.license } : {}),
    access,
    dataFormat: formats.map((f) => FORMAT_NAMES[f] ?? f).join(' + '),
    numberOfFiles: files.length,
    size: files.reduce((n, f) => n + f.size, 0),
    files: {
      chkAlg: 'sha256',
      dataFileList: files.map((f) => ({ path: relative(sourceFolder, f.path).split(sep).join('/'), size: f.size, chk: f.sha256, time: f.mtime })),
    },
    sourceFolder,
    scientificMetadata: sm.tree,
    ...(profile ? { metadataProfile: profile.id } : {}),
    retentionUntil: datePlusYears(creationTime, settings.retentionYears),
    ...(attachmentList.length ? { attachments: attachmentList } : {}),
    provenance: {
      tool: options.tool ?? 'shelfmark ingest',
      ...(options.toolVersion ? { toolVersion: options.toolVersion } : {}),
      translator: formats.join('+'),
      harvestTime,
      sourceFiles: files.map((f) => ({ path: sourcePath(f.path), sha256: f.sha256, size: f.size })),
      ...(m.startTimeRaw ? { rawStartTime: m.startTimeRaw } : {}),
      ...(m.endTimeRaw ? { rawEndTime: m.endTimeRaw } : {}),
      timeZone: tz,
      ...(sm.unmapped.length ? { unmappedKeys: sm.unmapped } : {}),
      ...(sm.missing.length ? { missingRequired: sm.missing } : {}),
      ...(Object.keys(sm.rejected).length ? { rejected: sm.rejected } : {}),
      warnings,
    },
  };
  return { ok: true, pid, record, attachments, warnings };
}
