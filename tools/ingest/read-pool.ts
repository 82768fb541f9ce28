/**
 * A pool of worker threads that run the translators and hash the files, so a
 * large ingest uses every core: the main thread maps and writes while workers
 * parse. Results are structured clones of what `readAny` returns in-process.
 */
import { Worker } from 'node:worker_threads';
import type { FileFacts } from './manifest.ts';
import type { TranslatorResult } from './measurement.ts';
import type { ReadOutcome } from './read-file.ts';

export interface ReadPool {
  read(path: string): Promise<ReadOutcome>;
  close(): Promise<void>;
}

interface Slot {
  worker: Worker;
  /** Reads sent to this worker and not yet answered, by request id. */
  pending: Map<number, { resolve: (r: ReadOutcome) => void; reject: (e: Error) => void }>;
  /** Why the worker stopped, once it has. */
  stopped?: string;
}

/**
 * Starts `size` workers and resolves once each has loaded the translators. A worker
 * that dies (a crash in a native library, out of memory) fails the reads it held, each
 * then reported against its file, and the others carry on. `script` is for tests.
 */
export async function startReadPool(size: number, script: URL = new URL('./read-worker.ts', import.meta.url)): Promise<ReadPool> {
  let nextId = 0;
  let closing = false;
  const slots: Slot[] = await Promise.all(
    Array.from({ length: size }, async () => {
      const worker = new Worker(script);
      await new Promise<void>((resolve, reject) => {
        const onMessage = (m: { ready?: boolean }) => {
          if (m.ready) {
            worker.off('error', reject);
            resolve();
          }
        };
        worker.once('message', onMessage);
        worker.once('error', reject);
      });
      const slot: Slot = { worker, pending: new Map() };
      worker.on('message', (m: { id: number; result: TranslatorResult; facts?: FileFacts }) => {
        const p = slot.pending.get(m.id);
        if (!p) return;
        slot.pending.delete(m.id);
        p.resolve(m.facts ? { result: m.result, facts: m.facts } : { result: m.result });
      });
      const stop = (why: string) => {
        if (closing || slot.stopped) return;
        slot.stopped = why;
        for (const p of slot.pending.values()) p.reject(new Error(`the read worker stopped (${why})`));
        slot.pending.clear();
      };
      worker.on('error', (err) => stop(err.message));
      worker.on('exit', (code) => stop(`exit code ${code}`));
      return slot;
    }),
  );
  return {
    read(path) {
      const live = slots.filter((s) => !s.stopped);
      if (live.length === 0) return Promise.reject(new Error(`every read worker stopped (${slots[0]?.stopped ?? 'none started'})`));
      const slot = live.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
      const id = nextId++;
      return new Promise<ReadOutcome>((resolve, reject) => {
        slot.pending.set(id, { resolve, reject });
        slot.worker.postMessage({ id, path });
      });
    },
    async close() {
      closing = true;
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}
