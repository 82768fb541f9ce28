/**
 * A deterministic synthetic catalogue of any size, for benchmarks (validate,
 * site build, search, diff). Same facility, instruments, techniques and profiles
 * as the example catalogue; about 100 datasets per proposal, 2–4 samples each,
 * 85 % raw and 15 % derived, records of 3–5 KB with about 20 metadata quantities.
 *
 * Records are generated and written one proposal at a time, so memory stays flat
 * at 1,000,000 datasets. The catalogue is written into `<dir>.partial-<random>`
 * and renamed to `dir` at the end: a crash never leaves a half catalogue that a
 * later run would mistake for a finished one.
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import { recordPath, type RecordType } from '../core/layout.ts';
import { formatRecord } from '../catalog/write.ts';
import { createRandom, type Random } from '../example/random.ts';
import { orcidFromBase, rorFromBase } from '../example/ids.ts';
import { INSTRUMENTS, TIME_ZONE, type Person } from '../example/seeds/facility.ts';
import { TECHNIQUES } from '../example/seeds/techniques.ts';
import { PROFILES } from '../example/profiles.ts';
import { derivedMetadata, metadataFor, type MeasurementKind } from '../example/metadata.ts';
import {
  configRecord,
  datasetPid,
  datasetRecord,
  instrumentMarkdown,
  instrumentRecord,
  profileRecord,
  techniqueRecord,
} from '../example/records.ts';

export interface GenerateOptions {
  /** Folder to create (it must not exist, or it is replaced). It becomes the catalogue root. */
  dir: string;
  /** Number of datasets. */
  n: number;
  /** Seed; the same (n, seed) always gives byte-identical files. */
  seed?: number | string;
  /** Datasets per proposal (default 100). */
  perProposal?: number;
  /** Called after each proposal with the number of datasets written so far. */
  onProgress?: (written: number) => void;
}

export interface GenerateResult {
  dir: string;
  datasets: number;
  proposals: number;
  samples: number;
  /** Every file written (records and instrument Markdown). */
  files: number;
  bytes: number;
}

interface Kind {
  kind: MeasurementKind;
  instrumentId: string;
  technique: string;
  profile?: string;
  format: string;
  ext: string[];
}

const KINDS: Kind[] = [
  { kind: 'xps', instrumentId: 'fjell', technique: 'PaNET01204', profile: 'xps', format: 'SpecsLab Prodigy XY', ext: ['xy', 'sle'] },
  { kind: 'arpes', instrumentId: 'aurora', technique: 'PaNET01089', profile: 'arpes', format: 'Scienta SES binary (zip)', ext: ['zip', 'pxt'] },
  { kind: 'tomography', instrumentId: 'tind', technique: 'PaNET01151', profile: 'tomography', format: 'NeXus/HDF5 (NXtomo)', ext: ['nxs', 'h5'] },
  { kind: 'xrd', instrumentId: 'kristall', technique: 'PaNET01101', format: 'HDF5 frames + integrated XYE', ext: ['h5', 'xye'] },
];
// xrd is rarer, as at a real facility with a beamline in commissioning.
const KIND_WEIGHTS = [0.35, 0.3, 0.3, 0.05];

const GIVEN = ['Anna', 'Lars', 'Sofia', 'Mikael', 'Elin', 'Henrik', 'Ida', 'Oskar', 'Aino', 'Jonas', 'Priya', 'Tomás', 'Mei', 'Rahul', 'Fatima', 'Pierre', 'Katarzyna', 'Yusuf', 'Leila', 'Björn'];
const FAMILY = ['Andersson', 'Nieminen', 'Jensen', 'Olsen', 'Kaya', 'Rossi', 'Schmidt', 'Novak', 'Kim', 'Silva', 'Hansen', 'Virtanen', 'Dubois', 'Moreau', 'Eriksson', 'Kowalski', 'Tanaka', 'Ng', 'Ahmed', 'Lund'];
const UNIVERSITIES = ['Vesterby University', 'Kattegat Institute of Technology', 'Halden Institute for Surface Science', 'University of Norrvik', 'Technical University of Ostmark'];
const MATERIALS = ['Bi2Se3', 'MoS2', 'graphene/SiC', 'LaAlO3/SrTiO3', 'NiO(001)', 'Cu(111)', 'TiO2 anatase', 'perovskite MAPbI3', 'Li-rich NMC cathode', 'Al-Si alloy', 'bone scaffold', 'basalt core', 'zeolite ZSM-5', 'CeO2 nanocubes', 'Pt3Ni(111)'];
const TOPICS = ['surface chemistry', 'band structure', 'catalysis', 'battery materials', 'quantum materials', 'additive manufacturing', 'geoscience', 'thin films', 'corrosion', 'biomaterials'];

function pickKind(r: Random): Kind {
  let x = r.next();
  for (const [i, w] of KIND_WEIGHTS.entries()) {
    if (x < w) return KINDS[i]!;
    x -= w;
  }
  return KINDS[0]!;
}

/** A pool of fictional people with valid ORCID iDs, fixed by the seed. */
function peoplePool(r: Random, size: number): Person[] {
  const rors = UNIVERSITIES.map((_, i) => rorFromBase(`${'abcdefgh'[i]}x${i}q7m`));
  return Array.from({ length: size }, (_, i) => {
    const givenName = r.pick(GIVEN);
    const familyName = r.pick(FAMILY);
    const u = r.int(0, UNIVERSITIES.length - 1);
    return {
      name: `${givenName} ${familyName}`,
      givenName,
      familyName,
      orcid: orcidFromBase(`00000003${String(1000000 + i).slice(1)}${r.int(0, 9)}`),
      email: `${givenName}.${familyName}.${i}@users.example`.toLowerCase().normalize('NFD').replace(/[^\x20-\x7e]/g, ''),
      affiliation: { name: UNIVERSITIES[u]!, ror: rors[u]! },
    };
  });
}

/** Writes files with bounded concurrency (the OS write path, not the JS thread, is the limit). */
class Writer {
  files = 0;
  bytes = 0;
  private pending = new Set<Promise<void>>();
  private dirs = new Set<string>();
  private readonly root: string;
  private readonly limit: number;
  constructor(root: string, limit = 64) {
    this.root = root;
    this.limit = limit;
  }

  async text(rel: string, text: string): Promise<void> {
    const path = join(this.root, rel);
    const dir = dirname(path);
    if (!this.dirs.has(dir)) {
      await mkdir(dir, { recursive: true });
      this.dirs.add(dir);
    }
    this.files += 1;
    this.bytes += Buffer.byteLength(text);
    const p: Promise<void> = writeFile(path, text).then(() => {
      this.pending.delete(p);
    });
    this.pending.add(p);
    if (this.pending.size >= this.limit) await Promise.race(this.pending);
  }

  record(type: RecordType, id: string, record: unknown): Promise<void> {
    return this.text(recordPath(type, id), formatRecord(record));
  }

  async flush(): Promise<void> {
    await Promise.all(this.pending);
  }
}

/** The proposal id of the i-th synthetic proposal (0-based): `S` + year + serial, unique and sortable. */
export const syntheticProposalId = (i: number): string => `S${2019 + (i % 7)}${String(i).padStart(6, '0')}`;

/**
 * Generates a synthetic catalogue of `n` datasets in `dir` (replacing it).
 * Deterministic for a given (n, seed, perProposal).
 */
export async function generateCatalog(opts: GenerateOptions): Promise<GenerateResult> {
  const { dir, n } = opts;
  const perProposal = opts.perProposal ?? 100;
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer, found ${n}`);
  const root = createRandom(opts.seed ?? 1);
  const tmp = `${dir}.partial-${randomBytes(4).toString('hex')}`;
  const w = new Writer(tmp);
  try {
    await w.record('config', 'config', configRecord());
    for (const i of INSTRUMENTS) {
      await w.record('instrument', i.id, instrumentRecord(i));
      await w.text(`instruments/${i.id}.md`, instrumentMarkdown(i));
    }
    for (const pid of Object.keys(TECHNIQUES)) await w.record('technique', pid, techniqueRecord(pid));
    for (const p of PROFILES) await w.record('profile', p.id, profileRecord(p));

    const people = peoplePool(root.fork('people'), 400);
    const proposals = Math.ceil(n / perProposal);
    let written = 0;
    let samples = 0;
    const DAY = 86_400_000;
    const epoch0 = Date.UTC(2019, 0, 7, 7, 0, 0);
    for (let pi = 0; pi < proposals; pi++) {
      const r = root.fork(`proposal-${pi}`);
      const proposalId = syntheticProposalId(pi);
      const count = Math.min(perProposal, n - written);
      const kind = pickKind(r);
      const piPerson = r.pick(people);
      const members = [r.pick(people), r.pick(people), r.pick(people)];
      const material = r.pick(MATERIALS);
      const topic = r.pick(TOPICS);
      const start = epoch0 + (pi % 2400) * DAY + r.int(0, 12) * 3_600_000;
      const endOfBeamtime = start + 4 * DAY;
      const embargoed = r.chance(0.3);
      const embargoYear = 2027 + r.int(0, 2);
      await w.record('proposal', proposalId, {
        proposalId,
        title: `${kind.kind === 'tomography' ? 'Microstructure' : 'Electronic structure'} of ${material} for ${topic} (${pi + 1})`,
        abstract: `Synthetic proposal ${pi + 1} of the benchmark catalogue: ${count} datasets on ${material}, measured at the ${kind.instrumentId} beamline.`,
        pi: piPerson,
        members,
        startTime: new Date(start).toISOString().replace(/\.\d{3}Z$/, 'Z'),
        endTime: new Date(endOfBeamtime).toISOString().replace(/\.\d{3}Z$/, 'Z'),
        instrumentIds: [kind.instrumentId],
        type: r.pick(['standard', 'standard', 'rapid-access', 'industry-collaboration']),
        fundingReferences: [{ funderName: 'Swedish Research Council', awardNumber: `20${r.int(18, 25)}-${r.int(10000, 99999)}` }],
      });
      const sampleIds: string[] = [];
      const nSamples = r.int(2, 4);
      for (let s = 1; s <= nSamples; s++) {
        const sampleId = `${proposalId}-s${String(s).padStart(2, '0')}`;
        sampleIds.push(sampleId);
        await w.record('sample', sampleId, {
          sampleId,
          name: `${material} sample ${s}`,
          description: `Piece ${s} of the ${material} batch of proposal ${proposalId}.`,
          sampleCharacteristics: {
            chemical_formula: material,
            thickness: { value: r.float(0.05, 2, 2), unit: 'mm', name: 'Thickness' },
            supplier: { value: r.pick(['in-house', 'MaTecK', 'SurfaceNet', 'HQ Graphene']), name: 'Supplier' },
          },
          proposalId,
        });
      }
      samples += nSamples;
      const raws: string[] = [];
      let cursor = start + 3_600_000;
      for (let d = 0; d < count; d++) {
        const dr = r.fork(`d${d}`);
        const derived = raws.length >= 3 && dr.chance(0.15);
        const name = `${derived ? 'proc' : kind.kind.slice(0, 4)}-${String(d + 1).padStart(4, '0')}`;
        const duration = kind.kind === 'tomography' ? dr.int(120, 600) : dr.int(600, 3600);
        cursor += duration * 1000 + dr.int(60, 900) * 1000;
        const inputs = derived ? [dr.pick(raws), dr.pick(raws)].filter((x, i, a) => a.indexOf(x) === i) : undefined;
        const meta = derived ? derivedMetadata(kind.kind, dr) : metadataFor(kind.kind, dr);
        const sample = dr.pick(sampleIds);
        const record = datasetRecord({
          proposalId,
          name,
          type: derived ? 'derived' : 'raw',
          title: `${derived ? 'Processed' : kind.kind.toUpperCase()} ${material} ${name}`,
          description: `${derived ? 'Derived dataset' : 'Measurement'} ${d + 1} of proposal ${proposalId} on **${material}**.`,
          instrumentId: kind.instrumentId,
          techniques: [kind.technique],
          sampleIds: [sample],
          creators: [piPerson, members[0]!],
          principalInvestigators: [piPerson],
          start: derived ? endOfBeamtime + (d + 1) * 3_600_000 : cursor - duration * 1000,
          durationSeconds: duration,
          keywords: [topic, material, kind.kind],
          access: embargoed
            ? { status: 'embargoed', embargoedUntil: `${embargoYear}-${String(r.int(1, 12)).padStart(2, '0')}-01` }
            : { status: 'public' },
          dataFormat: kind.format,
          files: kind.ext.map((ext, i) => ({ path: `${name}${i === 0 ? '' : `_${i}`}.${ext}`, size: dr.int(10_000, 2_000_000_000) })),
          scientificMetadata: meta,
          ...(derived ? {} : kind.profile ? { metadataProfile: kind.profile } : {}),
          ...(inputs ? { inputDatasets: inputs.map((x) => datasetPid(proposalId, x)), usedSoftware: ['shelfmark-bench 0.1'] } : {}),
        });
        if (!derived) raws.push(name);
        await w.record('dataset', datasetPid(proposalId, name), record);
      }
      written += count;
      opts.onProgress?.(written);
    }
    await w.flush();
    await rm(dir, { recursive: true, force: true });
    await rename(tmp, dir);
    return { dir, datasets: written, proposals, samples, files: w.files, bytes: w.bytes };
  } catch (err) {
    await w.flush().catch(() => undefined);
    await rm(tmp, { recursive: true, force: true });
    throw err;
  }
}

/** The time zone the synthetic records are written in (the example facility's). */
export const SYNTHETIC_TIME_ZONE = TIME_ZONE;
