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
  busy: number;
}

/** Starts `size` workers and resolves once each has loaded the translators. */
export async function startReadPool(size: number): Promise<ReadPool> {
  const waiting = new Map<number, (r: ReadOutcome) => void>();
  let nextId = 0;
  const slots: Slot[] = await Promise.all(
    Array.from({ length: size }, async () => {
      const worker = new Worker(new URL('./read-worker.ts', import.meta.url));
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
      const slot: Slot = { worker, busy: 0 };
      worker.on('message', (m: { id: number; result: TranslatorResult; facts?: FileFacts }) => {
        const done = waiting.get(m.id);
        if (!done) return;
        waiting.delete(m.id);
        slot.busy--;
        done(m.facts ? { result: m.result, facts: m.facts } : { result: m.result });
      });
      return slot;
    }),
  );
  return {
    read(path) {
      const slot = slots.reduce((a, b) => (b.busy < a.busy ? b : a));
      const id = nextId++;
      slot.busy++;
      return new Promise<ReadOutcome>((resolve) => {
        waiting.set(id, resolve);
        slot.worker.postMessage({ id, path });
      });
    },
    async close() {
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}
