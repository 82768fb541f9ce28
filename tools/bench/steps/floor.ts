/**
 * Benchmark step run in its own process: the floor. Reads every file of a
 * catalogue (same walk as the validator) and parses every JSON file, with
 * bounded concurrency, and prints one JSON line with what it did.
 *
 *   node tools/bench/steps/floor.ts <catalogDir>
 */
import { readFile } from 'node:fs/promises';
import { walkCatalog } from '../../catalog/read.ts';

const root = process.argv[2];
if (!root) {
  console.error('usage: floor.ts <catalogDir>');
  process.exitCode = 2;
} else {
  const t0 = performance.now();
  let files = 0;
  let bytes = 0;
  let parsed = 0;
  const pending = new Set<Promise<void>>();
  for await (const f of walkCatalog(root)) {
    const p: Promise<void> = readFile(f.path, 'utf8').then((text) => {
      files += 1;
      bytes += text.length;
      if (f.rel.endsWith('.json')) {
        JSON.parse(text);
        parsed += 1;
      }
      pending.delete(p);
    });
    pending.add(p);
    if (pending.size >= 64) await Promise.race(pending);
  }
  await Promise.all(pending);
  console.log(JSON.stringify({ step: 'floor', ms: performance.now() - t0, files, parsed, bytes }));
}
