/**
 * Worker thread of the read pool (read-pool.ts): reads files with the
 * translators and posts the results back. Translating is the CPU-heavy part of
 * ingest; running it beside the main thread uses the second core.
 */
import { parentPort } from 'node:worker_threads';
import type { TranslatorResult } from './measurement.ts';

const { readAny } = (await import('./translators/index.ts')) as { readAny: (path: string) => Promise<TranslatorResult> };

parentPort!.on('message', async (msg: { id: number; path: string }) => {
  let result: TranslatorResult;
  try {
    result = await readAny(msg.path);
  } catch (err) {
    result = { status: 'error', file: msg.path, message: `the translator failed unexpectedly: ${(err as Error).message}`, fix: 'report this as a bug with the file attached' };
  }
  parentPort!.postMessage({ id: msg.id, result });
});
parentPort!.postMessage({ ready: true });
