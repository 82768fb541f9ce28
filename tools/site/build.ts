/**
 * `shelfmark build`: the whole site in four steps.
 *   1. Stream the catalogue into the compact site index (the public gate runs here),
 *      and read record history and tombstones from git.
 *   2. Astro renders every page; each page reads its own record.
 *   3. and 4., side by side: exports beside each landing page, and the sharded
 *      Pagefind index (Pagefind works in its own native process).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createContext, ENV } from './context.ts';
import { writeExports, type ExportReport } from './exports.ts';
import { readGitFacts } from './git-facts.ts';
import { writeSearchIndex, type SearchIndexReport } from './search-index.ts';
import { buildSiteIndex } from './site-index.ts';

/** The repository root, where astro.config.mjs lives. */
export const REPO_ROOT = resolve(import.meta.dirname, '..', '..');

export interface BuildOptions {
  /** The catalogue root (default `<repo>/catalog`). */
  catalog?: string;
  /** Output folder (default `<repo>/dist`). */
  outDir?: string;
  /** Internal build: embargoed datasets get pages too. */
  includeEmbargoed?: boolean;
  /** The clock for embargo decisions (default now). */
  now?: Date;
  /** Datasets per Pagefind shard at most (default 25,000). */
  shardCap?: number;
  /** Progress messages (default: none). */
  log?: (message: string) => void;
}

export interface BuildReport {
  outDir: string;
  datasets: number;
  tombstones: number;
  problems: { rel: string; message: string }[];
  exports: ExportReport;
  search: SearchIndexReport;
  notes: string[];
  /** Seconds per step. */
  timings: Record<'index' | 'astro' | 'exportsAndSearch', number>;
}

const seconds = (t0: number): number => Math.round((performance.now() - t0) / 100) / 10;

export async function buildSite(opts: BuildOptions = {}): Promise<BuildReport> {
  const log = opts.log ?? (() => {});
  const root = resolve(opts.catalog ?? join(REPO_ROOT, 'catalog'));
  const outDir = resolve(opts.outDir ?? join(REPO_ROOT, 'dist'));
  const visibility = { now: opts.now ?? new Date(), includeEmbargoed: opts.includeEmbargoed ?? false };
  const notes: string[] = [];

  let t = performance.now();
  log(`Reading the catalogue at ${root}`);
  const index = await buildSiteIndex(root, visibility);
  const live = new Set([...index.datasets.map((d) => d.pid.toLowerCase()), ...index.publications.map((p) => p.id.toLowerCase())]);
  const facts = await readGitFacts(root, index.config, visibility, live);
  index.tombstones = facts.tombstones;
  if (facts.catalogDir !== undefined) index.catalogDir = facts.catalogDir;
  if (facts.note) notes.push(facts.note);
  const data = await mkdtemp(join(tmpdir(), 'shelfmark-site-'));
  const timings = { index: seconds(t), astro: 0, exportsAndSearch: 0 };
  try {
    await writeFile(join(data, 'index.json'), JSON.stringify(index));
    await writeFile(join(data, 'history.json'), JSON.stringify(facts.history));
    log(`${index.datasets.length} datasets to publish, ${facts.tombstones.length} tombstones`);

    t = performance.now();
    const saved = { catalog: process.env[ENV.catalog], data: process.env[ENV.data] };
    process.env[ENV.catalog] = root;
    process.env[ENV.data] = data;
    try {
      const { build } = await import('astro');
      await build({
        root: REPO_ROOT,
        outDir,
        ...(index.config.siteBaseUrl ? { site: index.config.siteBaseUrl } : {}),
        logLevel: 'warn',
      });
    } finally {
      restore(ENV.catalog, saved.catalog);
      restore(ENV.data, saved.data);
    }
    timings.astro = seconds(t);

    t = performance.now();
    log('Writing exports and the search index');
    const site = createContext(root, index, facts.history);
    const [exports, search] = await Promise.all([writeExports(site, outDir), writeSearchIndex(site, outDir, opts.shardCap)]);
    timings.exportsAndSearch = seconds(t);
    return {
      outDir,
      datasets: index.datasets.length,
      tombstones: facts.tombstones.length,
      problems: index.problems,
      exports,
      search,
      notes,
      timings,
    };
  } finally {
    await rm(data, { recursive: true, force: true });
  }
}

function restore(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}
