/**
 * Worker thread entry of the exports step: on a 2-core machine Astro renders on
 * the main thread while this writes the export files on the other core, so
 * the two longest steps of the build overlap (see build.ts). A public build's
 * OAI-PMH static repository is written here too, from the DataCite models the
 * exports make anyway, instead of after Astro on the main thread.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createContext, readSiteData } from './context.ts';
import { writeExports, type ExportReport } from './exports.ts';
import type { StaticRepositoryReport } from '../oai/build-hook.ts';

/** What build.ts passes to the worker. */
export interface ExportsJob {
  root: string;
  /** Folder holding index.json and history.json. */
  data: string;
  outDir: string;
  /** Write `oai/static-repository.xml` too: public builds only, never with embargoed datasets (#6 §5). */
  oaiStatic?: boolean;
}

/** What the worker posts back. */
export interface ExportsWorkerReport {
  exports: ExportReport;
  oai?: StaticRepositoryReport;
}

const job = workerData as ExportsJob;
const { index, history } = readSiteData(job.data);
const oai = job.oaiStatic
  ? (await import('../oai/build-hook.ts')).openOaiStatic(job.root, index, { history, tombstones: index.tombstones }, job.outDir)
  : undefined;
try {
  const exports = await writeExports(createContext(job.root, index, history), job.outDir, oai ? { onDatacite: (pid, datacite, resource) => oai.add(pid, datacite, resource) } : {});
  const report: ExportsWorkerReport = { exports, ...(oai ? { oai: oai.finish() } : {}) };
  parentPort!.postMessage(report);
} catch (err) {
  oai?.abort();
  throw err;
}
