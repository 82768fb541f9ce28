/**
 * Worker thread of the read pool (read-pool.ts): reads files with the
 * translators, hashes them (see read-file.ts), and posts both back.
 * Translating and hashing are the CPU-heavy part of reading; running them
 * beside the main thread, which maps and writes records meanwhile, uses every core.
 */
import { readFileSync, statSync } from 'node:fs';
import { enableCompileCache } from 'node:module';
import { parentPort } from 'node:worker_threads';
import type { Measurement } from './measurement.ts';
import type { ReadOutcome } from './read-file.ts';

// Every worker compiles, and strips the types of, all translator modules again: about a
// third of a second of CPU each time a pool starts. Node's on-disk compile cache (keyed by
// the source text, so an edited file is compiled afresh) saves most of it on later starts,
// so the modules are imported only after it is on.
enableCompileCache();
const [{ readAny }, { MAX_QUICKLOOKS, renderPlot }, { readAndHash }] = await Promise.all([import('./translators/index.ts'), import('./quicklook.ts'), import('./read-file.ts')]);

// Blocking reads: this thread has nothing else to do meanwhile, and they stay off libuv's
// small thread pool, which the process shares and where the main thread's fsyncs of
// records it writes meanwhile would otherwise hold up every read.
const blockingIo = { stat: async (p: string) => statSync(p), readFile: async (p: string) => readFileSync(p) };

parentPort!.on('message', async (msg: { id: number; path: string }) => {
  let out: ReadOutcome;
  try {
    out = await readAndHash(msg.path, readAny, blockingIo);
  } catch (err) {
    out = { result: { status: 'error', file: msg.path, message: `the translator failed unexpectedly: ${(err as Error).message}`, fix: 'report this as a bug with the file attached' } };
  }
  if (out.result.status === 'ok') drawPlots(out.result.measurements);
  parentPort!.postMessage({ id: msg.id, ...out });
});
/**
 * Draws the quick-looks here, beside the translation, and drops the arrays they were
 * drawn from: copying thousands of numbers to the main thread cost about as much as
 * drawing them, and the main thread is the one that maps and writes every record. Only
 * as many as a record shows; a spectrum not drawn here keeps its numbers, and the main
 * thread draws it if a record needs it after all.
 */
function drawPlots(ms: readonly Measurement[]): void {
  for (const m of ms) {
    let drawn = 0;
    for (const r of m.regions) {
      const s = r.spectrum;
      if (!s || drawn >= MAX_QUICKLOOKS) continue;
      drawn++;
      const plot = s.plot ?? renderPlot(s);
      if (plot !== undefined) r.spectrum = { ...s, x: [], y: [], plot };
    }
  }
}

parentPort!.postMessage({ ready: true });
