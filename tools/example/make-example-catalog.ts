/**
 * (Re)generates the example catalogue in `catalog/` from the hand-written seeds
 * in tools/example/seeds/. Deterministic: running it twice gives identical files,
 * so a diff after a schema change shows exactly what the change did.
 *
 *   node tools/example/make-example-catalog.ts [catalogDir]
 *
 * Only the record folders the example owns are replaced; `attachments/` is kept.
 */
import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic, writeRecord } from '../catalog/write.ts';
import { buildExampleCatalog } from './build-example.ts';

const GENERATED = ['config.json', 'instruments', 'techniques', 'profiles', 'publications', 'proposals', 'samples', 'datasets', 'annotations'];

/** Writes the example catalogue to `catalogDir`; returns how many records of each type were written. */
export async function makeExampleCatalog(catalogDir: string): Promise<Record<string, number>> {
  const built = buildExampleCatalog();
  for (const entry of GENERATED) await rm(join(catalogDir, entry), { recursive: true, force: true });
  const counts: Record<string, number> = {};
  for (const r of built.records) {
    await writeRecord(catalogDir, r.type, r.id, r.record);
    counts[r.type] = (counts[r.type] ?? 0) + 1;
  }
  for (const f of built.textFiles) await writeFileAtomic(join(catalogDir, f.path), f.text);
  return counts;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = resolve(process.argv[2] ?? join(fileURLToPath(new URL('../..', import.meta.url)), 'catalog'));
  const counts = await makeExampleCatalog(dir);
  console.log(`Wrote the example catalogue to ${dir}: ${Object.entries(counts).map(([t, n]) => `${n} ${t}`).join(', ')}`);
}
