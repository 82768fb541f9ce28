/**
 * `shelfmark build`: the whole site in four steps, overlapped for two cores.
 *   1. Stream the catalogue into the compact site index (the public gate runs here),
 *      and read record history and tombstones from git.
 *   2. Astro renders every page on the main thread; each page reads its own record.
 *   3. Meanwhile a worker thread writes the exports beside each landing page and,
 *      for a public build, the OAI-PMH static repository from the same DataCite models,
 *   4. and another feeds the sharded Pagefind index (Pagefind indexes in its own
 *      native process). The search index needs records, not pages, so nothing
 *      waits for Astro: the three share both cores from the start.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import { tmpdir } from 'node:os';
import { dirname, join, parse, resolve, sep } from 'node:path';
import { ENV } from './context.ts';
import type { ExportReport } from './exports.ts';
import type { ExportsJob, ExportsWorkerReport } from './exports-worker.ts';
import type { SearchIndexJob } from './search-index-worker.ts';
import { readGitFacts } from './git-facts.ts';
import type { SearchIndexReport } from './search-index.ts';
import { withBuildLock } from './build-lock.ts';
import { buildSiteIndex } from './site-index.ts';
import type { StaticRepositoryReport } from '../oai/build-hook.ts';

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
  /** The OAI-PMH static repository file (public builds only). */
  oai?: StaticRepositoryReport;
  notes: string[];
  /** Seconds per step. */
  timings: Record<'index' | 'astro' | 'search' | 'exports', number>;
}

const seconds = (t0: number): number => Math.round((performance.now() - t0) / 100) / 10;

export async function buildSite(opts: BuildOptions = {}): Promise<BuildReport> {
  const log = opts.log ?? (() => {});
  const root = resolve(opts.catalog ?? join(REPO_ROOT, 'catalog'));
  const outDir = resolve(opts.outDir ?? join(REPO_ROOT, 'dist'));
  const visibility = { now: opts.now ?? new Date(), includeEmbargoed: opts.includeEmbargoed ?? false };
  const notes: string[] = [];
  checkOutDir(outDir, root);

  let t = performance.now();
  log(`Reading the catalogue at ${root}`);
  const index = await buildSiteIndex(root, visibility);
  const live = new Set([...index.datasets.map((d) => d.pid.toLowerCase()), ...index.publications.map((p) => p.id.toLowerCase())]);
  const facts = await readGitFacts(root, index.config, visibility, live);
  index.tombstones = facts.tombstones;
  if (facts.catalogDir !== undefined) index.catalogDir = facts.catalogDir;
  if (facts.note) notes.push(facts.note);
  const data = await mkdtemp(join(tmpdir(), 'shelfmark-site-'));
  const timings = { index: seconds(t), astro: 0, search: 0, exports: 0 };
  try {
    await writeFile(join(data, 'index.json'), JSON.stringify(index));
    await writeFile(join(data, 'history.json'), JSON.stringify(facts.history));
    log(`${index.datasets.length} datasets to publish, ${facts.tombstones.length} tombstones`);

    // Astro empties its outDir when it starts; we do it first instead, so the
    // exports worker can write beside the pages while Astro renders them.
    await rm(outDir, { recursive: true, force: true });
    const t0 = performance.now();
    // Harvesters' copy of the public records (#6 §5), written by the exports worker; an internal build must never publish one.
    const oaiStatic = !visibility.includeEmbargoed;
    const worker = runWorker<ExportsJob, ExportsWorkerReport>('./exports-worker.ts', 'exports', { root, data, outDir, oaiStatic });
    const exportsDone = worker.done.then((r) => {
      timings.exports = seconds(t0);
      return r;
    });
    const indexer = runWorker<SearchIndexJob, SearchIndexReport>('./search-index-worker.ts', 'search index', {
      root,
      data,
      outDir,
      ...(opts.shardCap ? { shardCap: opts.shardCap } : {}),
    });
    const searchDone = indexer.done.then((r) => {
      timings.search = seconds(t0);
      return r;
    });
    // If one step fails, stop the others rather than let them outlive the build.
    exportsDone.catch(() => {});
    searchDone.catch(() => {});
    let exports: ExportReport;
    let search: SearchIndexReport;
    let oai: StaticRepositoryReport | undefined;
    try {
      t = performance.now();
      const saved = { catalog: process.env[ENV.catalog], data: process.env[ENV.data] };
      process.env[ENV.catalog] = root;
      process.env[ENV.data] = data;
      try {
        const { build } = await import('astro');
        const lock = join(process.cwd(), '.astro', 'shelfmark-build.lock');
        await withBuildLock(
          lock,
          () =>
            build({
              root: REPO_ROOT,
              outDir,
              ...(index.config.siteBaseUrl ? { site: index.config.siteBaseUrl } : {}),
              vite: { build: { emptyOutDir: false } },
              logLevel: 'warn',
            }),
          { onWait: (pid) => log(`Waiting for another build in this folder (process ${pid}) to finish: Astro keeps its intermediate files in ${dirname(lock)}`) },
        );
      } finally {
        restore(ENV.catalog, saved.catalog);
        restore(ENV.data, saved.data);
      }
      timings.astro = seconds(t);

      log('Astro is done; waiting for the exports and the search index');
      [{ exports, oai }, search] = await Promise.all([exportsDone, searchDone]);
    } catch (err) {
      await Promise.all([worker.stop(), indexer.stop()]);
      throw err;
    }
    return {
      outDir,
      datasets: index.datasets.length,
      tombstones: facts.tombstones.length,
      problems: index.problems,
      exports,
      search,
      ...(oai ? { oai } : {}),
      notes,
      timings,
    };
  } finally {
    await rm(data, { recursive: true, force: true });
  }
}

/** Runs a build step's worker thread: `done` resolves with the report it posts; `stop` ends it early. */
function runWorker<Job, Report>(entry: string, step: string, job: Job): { done: Promise<Report>; stop(): Promise<void> } {
  const worker = new Worker(new URL(entry, import.meta.url), { workerData: job });
  const done = new Promise<Report>((resolve, reject) => {
    let report: Report | undefined;
    worker.once('message', (r: Report) => (report = r));
    worker.once('error', reject);
    worker.once('exit', (code) =>
      report ? resolve(report) : reject(new Error(`the ${step} worker stopped (exit code ${code}) before it finished`)),
    );
  });
  return { done, stop: async () => void (await worker.terminate()) };
}

/** Refuses an output folder whose emptying would delete the catalogue or the repository. */
export function checkOutDir(outDir: string, catalog: string): void {
  const inside = (a: string, b: string) => a === b || a.startsWith(`${b}${sep}`);
  if (inside(catalog, outDir) || inside(REPO_ROOT, outDir) || outDir === parse(outDir).root)
    throw new BuildError(`The output folder ${outDir} holds the catalogue or the repository, and the build empties it. Choose a folder of its own, such as dist/.`);
}

/** A build that cannot start; the message says why and what to do. */
export class BuildError extends Error {
  readonly code = 'E_BUILD';
}

function restore(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}
