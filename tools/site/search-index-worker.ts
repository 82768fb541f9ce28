/**
 * Worker thread entry of the search step: feeds Pagefind (whose native process
 * does the indexing) from a thread of its own, so indexing runs beside Astro
 * instead of after it (see build.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createContext, readSiteData } from './context.ts';
import { writeSearchIndex } from './search-index.ts';

/** What build.ts passes to the worker. */
export interface SearchIndexJob {
  root: string;
  /** Folder holding index.json and history.json. */
  data: string;
  outDir: string;
  /** Datasets per shard at most. */
  shardCap?: number;
}

const job = workerData as SearchIndexJob;
const { index, history } = readSiteData(job.data);
const report = await writeSearchIndex(createContext(job.root, index, history), job.outDir, job.shardCap);
parentPort!.postMessage(report);
