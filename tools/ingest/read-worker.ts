/**
 * Worker thread of the read pool (read-pool.ts): reads files with the
 * translators, hashes them, and posts both back. Translating and hashing are
 * the CPU-heavy part of reading; running them beside the main thread, which
 * maps and writes records meanwhile, uses every core.
 */
import { parentPort } from 'node:worker_threads';
import { fileFacts, type FileFacts } from './manifest.ts';
import type { TranslatorResult } from './measurement.ts';

const { readAny } = (await import('./translators/index.ts')) as { readAny: (path: string) => Promise<TranslatorResult> };

parentPort!.on('message', async (msg: { id: number; path: string }) => {
  let result: TranslatorResult;
  try {
    result = await readAny(msg.path);
  } catch (err) {
    result = { status: 'error', file: msg.path, message: `the translator failed unexpectedly: ${(err as Error).message}`, fix: 'report this as a bug with the file attached' };
  }
  // Only a file that became a measurement goes into a manifest. A hash that fails here is
  // left to the main thread, which tries again and reports the failure against the record.
  let facts: FileFacts | undefined;
  if (result.status === 'ok') facts = await fileFacts(msg.path).catch(() => undefined);
  parentPort!.postMessage({ id: msg.id, result, facts });
});
parentPort!.postMessage({ ready: true });
