/**
 * Worker thread entry of the exports step: on a 2-core machine Astro renders on
 * the main thread while this writes the export files on the other core, so
 * the two longest steps of the build overlap (see build.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { createContext } from './context.ts';
import { writeExports } from './exports.ts';
import type { HistoryEntry } from './dataset-view.ts';
import type { SiteIndex } from './site-index.ts';

/** What build.ts passes to the worker. */
export interface ExportsJob {
  root: string;
  /** Folder holding index.json and history.json. */
  data: string;
  outDir: string;
}

const job = workerData as ExportsJob;
const index = JSON.parse(readFileSync(join(job.data, 'index.json'), 'utf8')) as SiteIndex;
const history = JSON.parse(readFileSync(join(job.data, 'history.json'), 'utf8')) as Record<string, HistoryEntry[]>;
const report = await writeExports(createContext(job.root, index, history), job.outDir);
parentPort!.postMessage(report);
