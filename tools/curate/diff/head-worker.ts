/** A worker thread of {@link inspectHeads}: receives batches of head texts, returns their facts in order. */
import { parentPort, workerData } from 'node:worker_threads';
import { inspectHead, type HeadTask, type HeadWorkerData } from './head-check.ts';
import type { RevisionContext } from './validate-at-rev.ts';

const data = workerData as HeadWorkerData;
const rels = new Set(data.rels);
const ctx: RevisionContext = { rules: data.rules, profiles: {}, exists: (rel) => rels.has(rel), rels: () => data.rels };

parentPort?.on('message', (batch: HeadTask[]) => {
  parentPort!.postMessage(batch.map((t) => inspectHead(t, ctx)));
});
