/**
 * A search worker: one group of Pagefind shards, each in a Pagefind instance
 * of its own that runs here (pagefind.js runs in the thread that imports it
 * when there is no window). The page sends searches; the worker merges its
 * shards' results (merge-order.ts), keeps the merged lists of its latest
 * searches, and sends back counts, facet counts and its best few results,
 * then the data of the results the page shows.
 */
import { mergeOrdered, orderOf, sumCounts } from './merge-order.ts';
import { FATAL, type FilterCounts, type GroupSearch, type Reply, type Request } from './search-protocol.ts';

interface PagefindResult {
  score: number;
  data(): Promise<unknown>;
}
interface PagefindInstance {
  destroy(): Promise<void>;
  options(o: Record<string, unknown>): Promise<void>;
  filters(): Promise<FilterCounts>;
  search(term: string | null, o?: object): Promise<{ results: PagefindResult[]; unfilteredResultCount: number; filters: FilterCounts; totalFilters: FilterCounts }>;
}
interface PagefindModule {
  createInstance(o: Record<string, unknown>): PagefindInstance;
}

/** Searches whose results the page may still ask data for: the newest few. */
const KEEP = 4;

/** The group's shards, newest date range first. */
let shards: PagefindInstance[] | undefined;
const kept = new Map<number, PagefindResult[]>();

async function handle(req: Request): Promise<unknown> {
  switch (req.kind) {
    case 'open': {
      const mod = (await import(/* @vite-ignore */ `${req.base}${req.shards[0]}/pagefind.js`)) as PagefindModule;
      const open = async (shard: string) => {
        const pf = mod.createInstance({ basePath: `${req.base}${shard}/` });
        await pf.options(req.options);
        // An empty search returns once the index has its metadata and
        // WebAssembly loaded (else the first real search waits for them).
        await pf.search('');
        return pf;
      };
      // Not Pagefind's mergeIndex: it re-sorts date-sorted results by score.
      // The first instance alone: every instance of the module shares one
      // WebAssembly instance, and two loading it at once would each create one
      // (the first then reads the other's memory and traps).
      const first = await open(req.shards[0]!);
      const opened = [first, ...(await Promise.all(req.shards.slice(1).map(open)))];
      if (req.warmUp) {
        // The first searches in a fresh worker run Pagefind's WebAssembly and
        // JavaScript unoptimised: measured at 100,000 datasets, a page's first
        // search took about 1.5x as long as later ones. So a throwaway instance
        // of one shard searches a common word once; the instances share the
        // module's compiled code, and the real ones keep no index chunk from
        // it, so no later search is any faster for having used that word.
        const scratch = await open(req.shards[0]!);
        await scratch.search(req.warmUp);
        await scratch.destroy();
      }
      shards = opened;
      return true;
    }
    case 'search': {
      const each = await Promise.all(ready().map((pf) => pf.search(req.term, req.options)));
      const results = mergeOrdered(
        each.map((s) => s.results),
        orderOf(req.options),
      );
      // A search that shows no results (facet counts) is never asked about again.
      if (req.top > 0) kept.set(req.id, results);
      for (const old of kept.keys()) if (kept.size > KEEP) kept.delete(old);
      const answer: GroupSearch = {
        search: req.id,
        count: results.length,
        unfilteredResultCount: each.reduce((n, s) => n + s.unfilteredResultCount, 0),
        filters: sumCounts(each.map((s) => s.filters)),
        totalFilters: sumCounts(each.map((s) => s.totalFilters)),
        top: results.slice(0, req.top).map((r, rank) => ({ score: r.score, rank })),
      };
      return answer;
    }
    case 'top':
      return keptSearch(req.search)
        .slice(0, req.top)
        .map((r, rank) => ({ score: r.score, rank }));
    case 'data': {
      const results = keptSearch(req.search);
      return Promise.all(
        req.ranks.map((r) => {
          const result = results[r];
          if (!result) throw new Error(`search ${req.search} has no result ${r}`);
          return result.data();
        }),
      );
    }
    case 'filters':
      return sumCounts(await Promise.all(ready().map((pf) => pf.filters())));
  }
}

function keptSearch(id: number): PagefindResult[] {
  const results = kept.get(id);
  if (!results) throw new Error(`search ${id} is no longer kept; search again`);
  return results;
}

function ready(): PagefindInstance[] {
  if (!shards) throw new Error('the search index is not open yet');
  return shards;
}

self.addEventListener('message', (event: MessageEvent<Request>) => {
  const req = event.data;
  handle(req).then(
    (value) => self.postMessage({ id: req.id, ok: true, value } satisfies Reply),
    (err: unknown) => self.postMessage({ id: req.id, ok: false, error: err instanceof Error ? err.message : String(err) } satisfies Reply),
  );
});

// An error no request catches leaves its request unanswered: say so, so the page stops waiting.
const fatal = (reason: unknown) =>
  self.postMessage({ id: FATAL, ok: false, error: reason instanceof Error ? reason.message : String(reason) } satisfies Reply);
self.addEventListener('unhandledrejection', (e: PromiseRejectionEvent) => fatal(e.reason));
self.addEventListener('error', (e: ErrorEvent) => fatal(e.error ?? e.message));
