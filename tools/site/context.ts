/**
 * What a page sees of the build: the compact site index (loaded once per
 * process), lookups over it, and readers for one record at a time. `shelfmark
 * build` (tools/site/build.ts) writes the index and passes its location in
 * environment variables, because Astro bundles the pages separately from the
 * command that starts it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { annotationDir } from '../core/layout.ts';
import type { HistoryEntry } from './dataset-view.ts';
import type { Annotation } from './records.ts';
import type { DatasetEntry, NamedEntry, PublicationEntry, SiteIndex } from './site-index.ts';

/** Environment variables `shelfmark build` sets for the Astro pages. */
export const ENV = {
  /** Absolute path of the catalogue root. */
  catalog: 'SHELFMARK_CATALOG',
  /** Folder holding `index.json` (the {@link SiteIndex}) and `history.json`. */
  data: 'SHELFMARK_SITE_DATA',
} as const;

export interface SiteContext {
  root: string;
  index: SiteIndex;
  now: Date;
  siteName: string;
  dataset(pid: string): DatasetEntry | undefined;
  instrument(id: string): NamedEntry | undefined;
  proposal(id: string): NamedEntry | undefined;
  sample(id: string): (NamedEntry & { proposalId?: string }) | undefined;
  technique(id: string): NamedEntry | undefined;
  publication(doi: string): PublicationEntry | undefined;
  byInstrument(id: string): DatasetEntry[];
  byProposal(id: string): DatasetEntry[];
  bySample(id: string): DatasetEntry[];
  byTechnique(id: string): DatasetEntry[];
  byYear(year: string): DatasetEntry[];
  /** Years that have visible datasets, newest first. */
  years(): string[];
  /** Visible datasets listing `pid` among their inputs. */
  outputsOf(pid: string): string[];
  /** Parses the catalogue file at `rel` (relative to the root). */
  read<T>(rel: string): T;
  /**
   * The same, through a small cache: for records many pages point to (proposals,
   * samples, instruments). Callers must not change what it returns.
   */
  readShared<T>(rel: string): T;
  /** Visible publications that hold `pid`. */
  publicationsOf(pid: string): PublicationEntry[];
  annotationsOf(pid: string): Annotation[];
  historyOf(rel: string): HistoryEntry[];
}

function groupBy(list: readonly DatasetEntry[], keys: (d: DatasetEntry) => readonly (string | undefined)[]): Map<string, DatasetEntry[]> {
  const m = new Map<string, DatasetEntry[]>();
  for (const d of list)
    for (const k of keys(d)) {
      if (k === undefined) continue;
      let a = m.get(k);
      if (!a) m.set(k, (a = []));
      a.push(d);
    }
  return m;
}

/** A context over an index already in memory (tests build one from a fixture catalogue). */
export function createContext(root: string, index: SiteIndex, history: Record<string, HistoryEntry[]> = {}): SiteContext {
  const lazy = <T>(make: () => T): (() => T) => {
    let v: T | undefined;
    return () => (v ??= make());
  };
  const byPid = lazy(() => new Map(index.datasets.map((d) => [d.pid, d])));
  const named = <E extends NamedEntry>(list: E[]) => lazy(() => new Map(list.map((e) => [e.id, e])));
  const instruments = named(index.instruments);
  const proposals = named(index.proposals);
  const samples = named(index.samples);
  const techniques = named(index.techniques);
  const publications = lazy(() => new Map(index.publications.map((p) => [p.id.toLowerCase(), p])));
  const byInstrument = lazy(() => groupBy(index.datasets, (d) => [d.instrumentId]));
  const byProposal = lazy(() => groupBy(index.datasets, (d) => [d.proposalId]));
  const bySample = lazy(() => groupBy(index.datasets, (d) => d.sampleIds));
  const byTechnique = lazy(() => groupBy(index.datasets, (d) => d.techniques));
  const byYear = lazy(() => groupBy(index.datasets, (d) => [d.year]));
  const shared = new Map<string, unknown>();
  const publicationsByPid = lazy(() => {
    const m = new Map<string, PublicationEntry[]>();
    for (const p of index.publications)
      for (const pid of p.pids) {
        let a = m.get(pid);
        if (!a) m.set(pid, (a = []));
        a.push(p);
      }
    return m;
  });
  const outputs = lazy(() => {
    const m = new Map<string, string[]>();
    for (const d of index.datasets)
      for (const input of d.inputs) {
        let a = m.get(input);
        if (!a) m.set(input, (a = []));
        a.push(d.pid);
      }
    return m;
  });
  return {
    root,
    index,
    now: new Date(index.now),
    siteName: index.config.facility?.name ? `${index.config.facility.name} data catalogue` : 'Shelfmark',
    dataset: (pid) => byPid().get(pid),
    instrument: (id) => instruments().get(id),
    proposal: (id) => proposals().get(id),
    sample: (id) => samples().get(id),
    technique: (id) => techniques().get(id),
    publication: (doi) => publications().get(doi.toLowerCase()),
    byInstrument: (id) => byInstrument().get(id) ?? [],
    byProposal: (id) => byProposal().get(id) ?? [],
    bySample: (id) => bySample().get(id) ?? [],
    byTechnique: (id) => byTechnique().get(id) ?? [],
    byYear: (y) => byYear().get(y) ?? [],
    years: () => [...byYear().keys()].sort().reverse(),
    outputsOf: (pid) => outputs().get(pid) ?? [],
    read: <T>(rel: string) => JSON.parse(readFileSync(join(root, rel), 'utf8')) as T,
    readShared<T>(rel: string): T {
      let v = shared.get(rel);
      if (v === undefined) {
        v = JSON.parse(readFileSync(join(root, rel), 'utf8')) as unknown;
        // Datasets come newest first, so one proposal's pages are close together: a small cache suffices.
        if (shared.size >= SHARED_CACHE) shared.delete(shared.keys().next().value!);
        shared.set(rel, v);
      }
      return v as T;
    },
    publicationsOf: (pid) => publicationsByPid().get(pid) ?? [],
    annotationsOf(pid) {
      const dir = join(root, annotationDir(pid));
      if (!existsSync(dir)) return [];
      const out: Annotation[] = [];
      for (const f of readdirSync(dir).sort()) {
        if (!f.endsWith('.json') || f.startsWith('.')) continue;
        try {
          out.push(JSON.parse(readFileSync(join(dir, f), 'utf8')) as Annotation);
        } catch {
          // The validator reports broken annotations; the page shows the rest.
        }
      }
      return out;
    },
    historyOf: (rel) => history[rel] ?? [],
  };
}

/** Records kept by {@link SiteContext.readShared}. */
const SHARED_CACHE = 2000;

let cached: SiteContext | undefined;

/** The build's context, loaded once per process from the folder `shelfmark build` named. */
export function siteContext(): SiteContext {
  if (cached) return cached;
  const root = process.env[ENV.catalog];
  const data = process.env[ENV.data];
  if (!root || !data)
    throw new Error(
      `The site needs ${ENV.catalog} and ${ENV.data}; build it with "shelfmark build" (npm run build), not "astro build" directly.`,
    );
  const { index, history } = readSiteData(data);
  cached = createContext(root, index, history);
  return cached;
}

/** The site index and record history `shelfmark build` wrote into `data` (for Astro and the build's workers). */
export function readSiteData(data: string): { index: SiteIndex; history: Record<string, HistoryEntry[]> } {
  const index = JSON.parse(readFileSync(join(data, 'index.json'), 'utf8')) as SiteIndex;
  const historyPath = join(data, 'history.json');
  const history = existsSync(historyPath) ? (JSON.parse(readFileSync(historyPath, 'utf8')) as Record<string, HistoryEntry[]>) : {};
  return { index, history };
}
