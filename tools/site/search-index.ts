/**
 * The Pagefind step: one fresh index per shard (see planShards), fed with
 * custom records read one at a time, written to `<out>/pagefind/<shard>/`, and
 * closed before the next, so the peak memory is that of the largest shard.
 * The search page loads the shards in parallel groups (site/scripts/sharded-search.ts).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SiteContext } from './context.ts';
import { writeFileAtomic } from '../catalog/write.ts';
import type { Dataset } from './records.ts';
import { planShards, searchRecord } from './search-records.ts';

/** Thrown when Pagefind reports errors; the message lists them. */
export class SearchIndexError extends Error {
  readonly code = 'E_SEARCH_INDEX';
}

export interface SearchIndexReport {
  shards: { name: string; records: number }[];
  /** Records that could not be read while indexing. */
  skipped: { rel: string; message: string }[];
}

/**
 * The manifest the search page reads: each shard's folder name and dataset
 * count, newest year first. The page splits the shards by count into groups it
 * searches in parallel (site/scripts/sharded-search.ts).
 */
export const SHARDS_FILE = 'pagefind/shards.json';

const BATCH = 32;

function check(what: string, errors: readonly string[]): void {
  if (errors.length) throw new SearchIndexError(`Pagefind failed to ${what}: ${errors.join('; ')}`);
}

/** Builds every shard into `<outDir>/pagefind/`. */
export async function writeSearchIndex(site: SiteContext, outDir: string, cap = 25_000): Promise<SearchIndexReport> {
  const pagefind = await import('pagefind');
  const shards = planShards(site.index.datasets, cap);
  const report: SearchIndexReport = { shards: [], skipped: [] };
  const names = {
    instrumentName: (id: string) => site.instrument(id)?.name,
    sampleName: (id: string) => site.sample(id)?.name,
    techniqueName: (id: string) => site.technique(id)?.name,
  };
  try {
    for (const shard of shards) {
      const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
      check(`create the index for shard ${shard.name}`, errors);
      if (!index) throw new SearchIndexError(`Pagefind returned no index for shard ${shard.name}`);
      // A few records in flight hide the round trip to Pagefind's native process.
      for (let i = 0; i < shard.entries.length; i += BATCH) {
        await Promise.all(
          shard.entries.slice(i, i + BATCH).map(async (entry) => {
            let record: Dataset;
            try {
              record = JSON.parse(await readFile(join(site.root, entry.rel), 'utf8')) as Dataset;
            } catch (err) {
              // The record changed under the build: it is left out of search and reported.
              report.skipped.push({ rel: entry.rel, message: (err as Error).message });
              return;
            }
            const added = await index.addCustomRecord(searchRecord(record, entry, names));
            check(`add ${entry.rel}`, added.errors);
          }),
        );
      }
      const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind', shard.name) });
      check(`write shard ${shard.name}`, written.errors);
      await index.deleteIndex();
      // A fresh service per shard returns the native process's memory to the OS.
      await pagefind.close();
      report.shards.push({ name: shard.name, records: shard.entries.length });
    }
  } finally {
    await pagefind.close();
  }
  await writeFileAtomic(join(outDir, SHARDS_FILE), `${JSON.stringify(report.shards)}\n`);
  return report;
}
