import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { cleanupAll, makeTempDir } from '../git/test-utils.ts';
import { startReadPool } from './read-pool.ts';

afterAll(cleanupAll);

/** A stand-in worker: answers a path with an ok result, and dies on a path containing "crash". */
const STAND_IN = `
import { parentPort } from 'node:worker_threads';
parentPort.on('message', (m) => {
  if (m.path.includes('crash')) process.exit(3);
  setTimeout(() => parentPort.postMessage({ id: m.id, result: { status: 'ok', file: m.path, measurements: [] } }), 20);
});
parentPort.postMessage({ ready: true });
`;

describe('startReadPool', () => {
  it('fails the reads a dying worker held and goes on with the live one', async () => {
    const script = join(await makeTempDir(), 'worker.mjs');
    await writeFile(script, STAND_IN);
    const pool = await startReadPool(2, pathToFileURL(script));
    try {
      const reads = ['a', 'crash', 'b', 'c'].map((p) => pool.read(p).then((r) => r.result.file, (e: Error) => e.message));
      const out = await Promise.all(reads);
      expect(out[1]).toMatch(/the read worker stopped \(exit code 3\)/);
      // Each other read is either answered or failed with its dead worker; none hangs, and "a" went to the live one.
      expect(out[0]).toBe('a');
      for (const [i, p] of ['a', 'crash', 'b', 'c'].entries()) if (i !== 1) expect([p, 'the read worker stopped (exit code 3)']).toContain(out[i]);
      expect((await pool.read('d')).result.file).toBe('d');
      await pool.read('crash again').catch(() => undefined);
      await expect(pool.read('e')).rejects.toThrow(/every read worker stopped/);
    } finally {
      await pool.close();
    }
  });
});
