/**
 * Worker thread of the read pool (read-pool.ts): reads files with the
 * translators, hashes them (see read-file.ts), and posts both back.
 * Translating and hashing are the CPU-heavy part of reading; running them
 * beside the main thread, which maps and writes records meanwhile, uses every core.
 */
import { parentPort } from 'node:worker_threads';
import type { TranslatorResult } from './measurement.ts';
import { readAndHash, type ReadOutcome } from './read-file.ts';

const { readAny } = (await import('./translators/index.ts')) as { readAny: (path: string, content?: Uint8Array) => Promise<TranslatorResult> };

parentPort!.on('message', async (msg: { id: number; path: string }) => {
  let out: ReadOutcome;
  try {
    out = await readAndHash(msg.path, readAny);
  } catch (err) {
    out = { result: { status: 'error', file: msg.path, message: `the translator failed unexpectedly: ${(err as Error).message}`, fix: 'report this as a bug with the file attached' } };
  }
  parentPort!.postMessage({ id: msg.id, ...out });
});
parentPort!.postMessage({ ready: true });
