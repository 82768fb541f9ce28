/**
 * The example catalogue as data: every record the seeds describe, in a stable
 * order, without touching the disk. make-example-catalog.ts writes them.
 */
import { DateTime } from 'luxon';
import type { RecordType } from '../core/layout.ts';
import { createRandom, type Random } from './random.ts';
import { DOI_PREFIX, FACILITY, INSTRUMENTS, SITE_BASE_URL, TIME_ZONE, person, type Person } from './seeds/facility.ts';
import { TECHNIQUES } from './seeds/techniques.ts';
import { ANNOTATIONS, PROPOSALS, PUBLICATIONS, type ProposalSeed, type RunSeed } from './seeds/proposals.ts';
import { PROFILES } from './profiles.ts';
import {
  arpesMetadata,
  derivedMetadata,
  tomographyMetadata,
  xpsMetadata,
  xrdMetadata,
  XPS_REGIONS,
  type MetaTree,
} from './metadata.ts';
import {
  configRecord,
  datasetPid,
  datasetRecord,
  instrumentMarkdown,
  instrumentRecord,
  profileRecord,
  techniqueRecord,
} from './records.ts';
import { localToEpoch } from './time.ts';

/** One record to write: its type, id (as recordPath expects) and content. */
export interface BuiltRecord {
  type: RecordType;
  id: string;
  record: Record<string, unknown>;
}

/** The example catalogue: records plus the instrument Markdown files (path relative to the catalogue root). */
export interface BuiltCatalog {
  records: BuiltRecord[];
  textFiles: { path: string; text: string }[];
}

/** The seed of the example catalogue; change it and every generated value changes. */
export const EXAMPLE_SEED = 'nordlys-example-v1';

const TECHNIQUE_OF_KIND: Record<RunSeed['kind'], string> = {
  xps: 'PaNET01204',
  arpes: 'PaNET01089',
  tomography: 'PaNET01151',
  xrd: 'PaNET01101',
};

const PROFILE_OF_KIND: Partial<Record<RunSeed['kind'], string>> = { xps: 'xps', arpes: 'arpes', tomography: 'tomography' };

const GB = 1024 ** 3;
const MB = 1024 ** 2;
const KB = 1024;

/** The files a run leaves behind and their format, by kind and instrument. */
function filesOf(r: Random, run: RunSeed, p: ProposalSeed, meta: MetaTree): { dataFormat: string; files: { path: string; size: number }[] } {
  const base = `${p.proposalId}_${run.name}`;
  if (run.type === 'derived') {
    switch (run.kind) {
      case 'xps':
        return { dataFormat: 'CasaXPS VAMAS + CSV', files: [
          { path: `${run.name}.vms`, size: r.int(200, 900) * KB },
          { path: 'fit_results.csv', size: r.int(3, 12) * KB },
          { path: 'fit_report.pdf', size: r.int(300, 1500) * KB },
        ] };
      case 'arpes':
        return { dataFormat: 'NetCDF (xarray)', files: [
          { path: `${run.name}.nc`, size: r.int(80, 900) * MB },
          { path: 'analysis.ipynb', size: r.int(40, 400) * KB },
        ] };
      case 'tomography':
        return { dataFormat: 'HDF5 volume', files: [
          { path: `${run.name}_volume.h5`, size: r.int(20, 60) * GB },
          { path: 'reconstruction.json', size: r.int(2, 8) * KB },
          { path: 'preview_slices.zip', size: r.int(40, 200) * MB },
        ] };
      case 'xrd':
        return { dataFormat: 'TOPAS input/output', files: [
          { path: 'refinement.inp', size: r.int(10, 40) * KB },
          { path: 'refinement.out', size: r.int(50, 300) * KB },
          { path: 'MOF-303_hydrated.cif', size: r.int(8, 20) * KB },
        ] };
    }
  }
  switch (run.kind) {
    case 'xps':
      if (p.instrumentId === 'aurora') {
        return { dataFormat: 'Scienta SES text', files: [
          { path: `${base}.txt`, size: r.int(15, 70) * KB },
          { path: `${base}.ibw`, size: r.int(4, 12) * KB },
        ] };
      }
      return { dataFormat: 'SpecsLab Prodigy XY', files: [
        { path: `${base}.xy`, size: r.int(20, 240) * KB },
        { path: `${base}.sle`, size: r.int(1, 6) * MB },
      ] };
    case 'arpes':
      return { dataFormat: 'Scienta SES binary (zip) + Igor packed experiment', files: [
        { path: `${base}.zip`, size: r.int(60, 900) * MB },
        { path: `${base}.pxt`, size: r.int(5, 40) * MB },
      ] };
    case 'tomography': {
      const n = Number((meta.number_of_projections as { value: number }).value);
      const frame = 2560 * 2160 * 2;
      return { dataFormat: 'NeXus/HDF5 (NXtomo)', files: [
        { path: `${base}.nxs`, size: r.int(200, 900) * KB },
        { path: `${base}_projections.h5`, size: n * frame + r.int(0, 4096) },
        { path: `${base}_flats.h5`, size: 100 * frame + r.int(0, 4096) },
        { path: `${base}_darks.h5`, size: 50 * frame + r.int(0, 4096) },
      ] };
    }
    case 'xrd': {
      const frames = Number((meta.number_of_frames as { value: number }).value);
      return { dataFormat: 'HDF5 frames + integrated XYE', files: [
        { path: `${base}_frames.h5`, size: frames * r.int(3, 5) * MB },
        { path: `${base}.poni`, size: r.int(1, 2) * KB },
        { path: `${base}_integrated.xye`, size: frames * r.int(40, 60) * KB },
      ] };
    }
  }
}

function rawMetadata(r: Random, run: RunSeed, p: ProposalSeed): MetaTree {
  const o = run.options ?? {};
  const instrument = INSTRUMENTS.find((i) => i.id === p.instrumentId)!;
  switch (run.kind) {
    case 'xps': {
      const region = XPS_REGIONS.find((x) => x.name === o.region);
      // XPS on the ARPES beamline uses its Scienta R3000, elsewhere the beamline's first analyser.
      const analyser = instrument.analysers.find((a) => a.model.includes('R3000')) ?? instrument.analysers[0];
      return xpsMetadata(r, {
        ...(region ? { region } : {}),
        ...(typeof o.photonEnergy === 'number' ? { photonEnergy: o.photonEnergy } : {}),
        ...(analyser ? { analyser } : {}),
      });
    }
    case 'arpes':
      return arpesMetadata(r, {
        ...(typeof o.photonEnergy === 'number' ? { photonEnergy: o.photonEnergy } : {}),
        ...(typeof o.temperature === 'number' ? { temperature: o.temperature } : {}),
        ...(typeof o.polarization === 'string' ? { polarization: o.polarization } : {}),
      });
    case 'tomography':
      return tomographyMetadata(r, {
        ...(typeof o.energyKeV === 'number' ? { energyKeV: o.energyKeV } : {}),
        ...(typeof o.objective === 'number' ? { objective: o.objective } : {}),
      });
    case 'xrd':
      return xrdMetadata(r, {
        ...(typeof o.temperature === 'number' ? { temperature: o.temperature } : {}),
        ...(typeof o.gasPressure === 'number' ? { gasPressure: o.gasPressure } : {}),
      });
  }
}

const KIND_LABEL: Record<RunSeed['kind'], string> = {
  xps: 'X-ray photoelectron spectrum',
  arpes: 'ARPES measurement',
  tomography: 'Tomography scan',
  xrd: 'Powder diffraction series',
};

const KEYWORD_OF_KIND: Record<RunSeed['kind'], string> = { xps: 'XPS', arpes: 'ARPES', tomography: 'tomography', xrd: 'XRD' };

const DURATION_MINUTES: Record<RunSeed['kind'], [number, number]> = {
  xps: [8, 45],
  arpes: [25, 110],
  tomography: [2, 9],
  xrd: [15, 50],
};

/** The datasets of one proposal, in run order. */
function proposalDatasets(root: Random, p: ProposalSeed, doiOf: Map<string, string>): BuiltRecord[] {
  const instrument = INSTRUMENTS.find((i) => i.id === p.instrumentId);
  if (!instrument) throw new Error(`proposal ${p.proposalId}: no instrument "${p.instrumentId}"`);
  const pi = person(p.pi);
  const members = p.members.map(person);
  const sampleName = new Map(p.samples.map((s) => [s.suffix, s.name]));
  let cursor = localToEpoch(p.startTime, TIME_ZONE) + 60 * 60 * 1000;
  const derivedStart = DateTime.fromISO(p.endTime, { zone: TIME_ZONE });
  const out: BuiltRecord[] = [];
  for (const [i, run] of p.runs.entries()) {
    const r = root.fork(`${p.proposalId}/${run.name}`);
    const [dmin, dmax] = DURATION_MINUTES[run.kind];
    let start: number;
    let duration: number;
    if (run.type === 'raw') {
      cursor += (run.gapMinutes ?? r.int(3, 20)) * 60 * 1000;
      start = cursor;
      duration = r.int(dmin * 60, dmax * 60);
      cursor += duration * 1000;
    } else {
      start = derivedStart.plus({ days: 7 + i * 3, hours: r.int(0, 8) }).toMillis();
      duration = r.int(120, 3600);
    }
    const meta = run.type === 'raw' ? rawMetadata(r, run, p) : derivedMetadata(run.kind, r);
    const scientificMetadata: MetaTree = { ...meta, ...(run.extraMetadata ?? {}) };
    const { dataFormat, files } = filesOf(r, run, p, scientificMetadata);
    const sample = sampleName.get(run.sample) ?? run.sample;
    const description =
      run.description ??
      (run.type === 'raw'
        ? `${KIND_LABEL[run.kind]} of **${sample}** at the ${instrument.name}.\n\n` +
          `Part of proposal ${p.proposalId}, *${p.title}*.`
        : `Derived from ${run.inputs?.length ?? 0} raw datasets of proposal ${p.proposalId} (*${p.title}*).`);
    const techniques = run.kind === 'tomography' ? p.techniques : [TECHNIQUE_OF_KIND[run.kind]];
    const access = run.access ?? p.access;
    const profile = run.type === 'raw' ? PROFILE_OF_KIND[run.kind] : undefined;
    const pid = datasetPid(p.proposalId, run.name);
    out.push({
      type: 'dataset',
      id: pid,
      record: datasetRecord({
        proposalId: p.proposalId,
        name: run.name,
        type: run.type,
        title: run.title,
        description,
        instrumentId: p.instrumentId,
        techniques,
        sampleIds: [`${p.proposalId}-${run.sample}`],
        creators: run.type === 'raw' ? [pi, ...members.slice(0, 2)] : [members[0] ?? pi, pi],
        principalInvestigators: [pi],
        start,
        durationSeconds: duration,
        keywords: [...new Set([...p.keywords, KEYWORD_OF_KIND[run.kind]])],
        access: access.status === 'public' ? { status: 'public' } : { ...access },
        dataFormat,
        files,
        scientificMetadata,
        ...(profile ? { metadataProfile: profile } : {}),
        ...(run.inputs ? { inputDatasets: run.inputs.map((n) => datasetPid(p.proposalId, n)) } : {}),
        ...(run.software ? { usedSoftware: run.software } : {}),
        ...(doiOf.has(pid) ? { doi: doiOf.get(pid)! } : {}),
      }),
    });
  }
  return out;
}

function proposalRecord(p: ProposalSeed): Record<string, unknown> {
  return {
    proposalId: p.proposalId,
    title: p.title,
    abstract: p.abstract,
    pi: person(p.pi),
    members: p.members.map(person),
    startTime: DateTime.fromISO(p.startTime, { zone: TIME_ZONE }).toISO({ suppressMilliseconds: true }),
    endTime: DateTime.fromISO(p.endTime, { zone: TIME_ZONE }).toISO({ suppressMilliseconds: true }),
    instrumentIds: [p.instrumentId],
    type: p.type,
    fundingReferences: p.fundingReferences,
  };
}

function publicationRecords(datasets: Map<string, Record<string, unknown>>): BuiltRecord[] {
  return PUBLICATIONS.map((pub) => {
    const doi = `${DOI_PREFIX}/${pub.suffix}`;
    const proposal = PROPOSALS.find((p) => p.proposalId === pub.proposalId)!;
    const pids = pub.runs.map((n) => datasetPid(pub.proposalId, n));
    const members = pids.map((pid) => {
      const d = datasets.get(pid);
      if (!d) throw new Error(`publication ${doi}: no dataset ${pid}`);
      return d;
    });
    const size = members.reduce((s, d) => s + Number(d.size), 0);
    const formats = [...new Set(members.map((d) => String(d.dataFormat)))].sort();
    const creators: Person[] = pub.creators.map(person);
    return {
      type: 'publication' as const,
      id: doi,
      record: {
        doi,
        status: pub.status,
        title: pub.title,
        abstract: pub.abstract,
        creators,
        publisher: FACILITY.name,
        publicationYear: pub.publicationYear,
        resourceType: 'Dataset',
        pidArray: pids,
        subjects: [
          ...[...new Set(members.flatMap((d) => (d.techniques as { pid: string; name: string }[]).map((t) => t.pid)))].map((pid) => ({
            subject: TECHNIQUES[pid]!.name,
            subjectScheme: 'PaNET',
            valueUri: `http://purl.org/pan-science/PaNET/${pid}`,
          })),
          ...proposal.keywords,
        ],
        dates: [{ date: `${proposal.startTime.slice(0, 10)}/${proposal.endTime.slice(0, 10)}`, dateType: 'Collected' }],
        sizes: [`${members.length} datasets`, `${members.reduce((s, d) => s + Number(d.numberOfFiles), 0)} files`, `${size} bytes`],
        formats,
        descriptions: [{ description: pub.methods, descriptionType: 'Methods' }],
        rights: 'CC-BY-4.0',
        fundingReferences: proposal.fundingReferences,
        ...(pub.relatedPaper ? { relatedIdentifiers: [{ relatedIdentifier: pub.relatedPaper, relatedIdentifierType: 'DOI', relationType: 'IsSupplementTo' }] } : {}),
        version: '1.0',
        registeredTime: pub.registeredTime,
        landingPage: new URL(`doi/${doi.toLowerCase()}/`, SITE_BASE_URL).href,
      },
    };
  });
}

/** Builds every record of the example catalogue from the seeds. Deterministic. */
export function buildExampleCatalog(seed: string = EXAMPLE_SEED): BuiltCatalog {
  const root = createRandom(seed);
  const records: BuiltRecord[] = [{ type: 'config', id: 'config', record: configRecord() }];
  const textFiles: BuiltCatalog['textFiles'] = [];
  for (const i of INSTRUMENTS) {
    records.push({ type: 'instrument', id: i.id, record: instrumentRecord(i) });
    textFiles.push({ path: `instruments/${i.id}.md`, text: instrumentMarkdown(i) });
  }
  for (const pid of Object.keys(TECHNIQUES)) records.push({ type: 'technique', id: pid, record: techniqueRecord(pid) });
  for (const p of PROFILES) records.push({ type: 'profile', id: p.id, record: profileRecord(p) });

  const doiOf = new Map<string, string>();
  for (const pub of PUBLICATIONS) for (const n of pub.runs) doiOf.set(datasetPid(pub.proposalId, n), `${DOI_PREFIX}/${pub.suffix}`);

  const datasets = new Map<string, Record<string, unknown>>();
  for (const p of PROPOSALS) {
    records.push({ type: 'proposal', id: p.proposalId, record: proposalRecord(p) });
    for (const s of p.samples) {
      const sampleId = `${p.proposalId}-${s.suffix}`;
      records.push({
        type: 'sample',
        id: sampleId,
        record: { sampleId, name: s.name, description: s.description, sampleCharacteristics: s.characteristics, proposalId: p.proposalId },
      });
    }
    for (const d of proposalDatasets(root, p, doiOf)) {
      records.push(d);
      datasets.set(d.id, d.record);
    }
  }
  records.push(...publicationRecords(datasets));
  for (const a of ANNOTATIONS) {
    const datasetPidValue = datasetPid(a.proposalId, a.run);
    if (!datasets.has(datasetPidValue)) throw new Error(`annotation ${a.name}: no dataset ${datasetPidValue}`);
    const id = `${a.proposalId}/${a.run}/${a.name}`;
    records.push({
      type: 'annotation',
      id,
      record: {
        id,
        datasetPid: datasetPidValue,
        author: person(a.author),
        created: a.created,
        ...(a.comment ? { comment: a.comment } : {}),
        ...(a.rating ? { rating: a.rating } : {}),
      },
    });
  }
  return { records, textFiles };
}
