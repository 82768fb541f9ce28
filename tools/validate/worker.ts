/**
 * A validation worker thread: receives batches of files, returns their findings
 * and index entries. Schemas compile once per worker (module-level cache).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { validateFile, type FileOptions, type FileTask } from './validate-file.ts';

const opts = workerData as FileOptions;

parentPort?.on('message', (batch: FileTask[]) => {
  parentPort!.postMessage(batch.map((task) => validateFile(task, opts)));
});
