/**
 * The compact index the site's listings are built from. It is made once per
 * build by streaming the catalogue (one record in memory at a time) and keeps
 * only what listings, facets and links need, about 300 bytes per dataset, so
 * 100,000 datasets fit in ~30 MB. Pages read their full record at render time.
 *
 * Every dataset passes the public gate here, at the source: a dataset that is
 * not visible never enters the index, so no route, listing, search record,
 * export or sitemap built from the index can show it.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { walkCatalog } from '../catalog/read.ts';
import { parseDatasetPid } from '../core/layout.ts';
import { isVisible, type Visibility } from './public-gate.ts';
import type { Tombstone } from './git-facts.ts';
import type { Dataset, Instrument, Proposal, Publication, Sample, SiteConfig, TechniqueRecord } from './records.ts';

/** One dataset as listings see it. */
export interface DatasetEntry {
  pid: string;
  /** Path of the record relative to the catalogue root. */
  rel: string;
  title: string;
  /** ISO 8601 creation time ('' when missing). */
  date: string;
  /** Four-digit year of `date`, or 'undated'. */
  year: string;
  type: 'raw' | 'derived';
  instrumentId?: string;
  proposalId?: string;
  sampleIds: string[];
  techniques: string[];
  keywords: string[];
  license?: string;
  inputs: string[];
}

export interface NamedEntry {
  id: string;
  name: string;
  rel: string;
}

export interface PublicationEntry extends NamedEntry {
  status: string;
  /** Member datasets that are visible in this build. */
  pids: string[];
}

export interface SiteIndex {
  /** The build's clock for embargo decisions (ISO). */
  now: string;
  includeEmbargoed: boolean;
  config: SiteConfig;
  /** Visible datasets, newest first. */
  datasets: DatasetEntry[];
  instruments: NamedEntry[];
  techniques: NamedEntry[];
  proposals: NamedEntry[];
  samples: (NamedEntry & { proposalId?: string })[];
  publications: PublicationEntry[];
  /** The catalogue's folder inside its git repository, for edit links (filled by the build). */
  catalogDir?: string;
  /** Removed datasets and publications that keep a page (filled from git by the build). */
  tombstones: Tombstone[];
  /** Parse errors met while streaming, reported by the build (the validator owns the details). */
  problems: { rel: string; message: string }[];
}

const asString = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const asStrings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** The listing entry of one (visible) dataset record. Pure. */
export function datasetEntry(record: Dataset, rel: string): DatasetEntry {
  const date = asString(record.creationTime) ?? asString(record.startTime) ?? '';
  const year = /^\d{4}/.test(date) ? date.slice(0, 4) : 'undated';
  const entry: DatasetEntry = {
    pid: record.pid,
    rel,
    title: asString(record.datasetName) ?? record.pid,
    date,
    year,
    type: record.type === 'derived' ? 'derived' : 'raw',
    sampleIds: asStrings(record.sampleIds),
    techniques: Array.isArray(record.techniques)
      ? record.techniques.map((t) => asString(t?.pid)).filter((x): x is string => !!x)
      : [],
    keywords: asStrings(record.keywords),
    inputs: asStrings(record.inputDatasets),
  };
  if (record.instrumentId) entry.instrumentId = record.instrumentId;
  if (record.proposalId) entry.proposalId = record.proposalId;
  if (record.license) entry.license = record.license;
  return entry;
}

/** Newest first; ties broken by pid so the order is stable between builds. */
export function compareEntries(a: DatasetEntry, b: DatasetEntry): number {
  if (a.date !== b.date) return a.date < b.date ? 1 : -1;
  return a.pid < b.pid ? -1 : a.pid > b.pid ? 1 : 0;
}

/** Streams the catalogue under `root` into a {@link SiteIndex}; records the gate hides never enter it. */
export async function buildSiteIndex(root: string, visibility: Visibility): Promise<SiteIndex> {
  const config = JSON.parse(await readFile(join(root, 'config.json'), 'utf8')) as SiteConfig;
  const index: SiteIndex = {
    now: visibility.now.toISOString(),
    includeEmbargoed: visibility.includeEmbargoed,
    config,
    datasets: [],
    instruments: [],
    techniques: [],
    proposals: [],
    samples: [],
    publications: [],
    tombstones: [],
    problems: [],
  };
  const publications: (Publication & { rel: string })[] = [];
  for await (const file of walkCatalog(root)) {
    const info = file.info;
    if (!info || info.type === 'config' || info.type === 'annotation' || info.type === 'profile') continue;
    let record: Record<string, unknown>;
    try {
      record = JSON.parse(await readFile(file.path, 'utf8')) as Record<string, unknown>;
    } catch (err) {
      index.problems.push({ rel: file.rel, message: (err as Error).message });
      continue;
    }
    switch (info.type) {
      case 'dataset': {
        const ds = record as unknown as Dataset;
        if (typeof ds.pid !== 'string' || !parseDatasetPid(ds.pid)) {
          index.problems.push({ rel: file.rel, message: 'no valid "pid"; the dataset is left out of the site' });
          continue;
        }
        if (isVisible(ds, visibility)) index.datasets.push(datasetEntry(ds, file.rel));
        break;
      }
      case 'instrument': {
        const r = record as unknown as Instrument;
        index.instruments.push({ id: info.id, name: asString(r.name) ?? info.id, rel: file.rel });
        break;
      }
      case 'technique': {
        const r = record as unknown as TechniqueRecord;
        index.techniques.push({ id: info.id, name: asString(r.name) ?? info.id, rel: file.rel });
        break;
      }
      case 'proposal': {
        const r = record as unknown as Proposal;
        index.proposals.push({ id: info.id, name: asString(r.title) ?? info.id, rel: file.rel });
        break;
      }
      case 'sample': {
        const r = record as unknown as Sample;
        const s: NamedEntry & { proposalId?: string } = { id: info.id, name: asString(r.name) ?? info.id, rel: file.rel };
        if (r.proposalId) s.proposalId = r.proposalId;
        index.samples.push(s);
        break;
      }
      case 'publication': {
        const r = record as unknown as Publication;
        if (typeof r.doi === 'string') publications.push({ ...r, rel: file.rel, abstract: '' });
        break;
      }
    }
  }
  index.datasets.sort(compareEntries);
  const visible = new Set(index.datasets.map((d) => d.pid));
  for (const p of publications) {
    // A draft DOI does not resolve yet: only internal builds show it.
    if (p.status === 'draft' && !visibility.includeEmbargoed) continue;
    index.publications.push({
      id: p.doi,
      name: asString(p.title) ?? p.doi,
      rel: p.rel,
      status: p.status ?? 'draft',
      pids: asStrings(p.pidArray).filter((pid) => visible.has(pid)),
    });
  }
  const byId = (a: NamedEntry, b: NamedEntry) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  for (const list of [index.instruments, index.techniques, index.proposals, index.samples, index.publications]) list.sort(byId);
  return index;
}
