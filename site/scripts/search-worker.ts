/**
 * A search worker: one group of Pagefind shards, merged into one Pagefind
 * instance that runs here (pagefind.js runs in the thread that imports it when
 * there is no window). The page sends searches; the worker keeps the full
 * result lists of its latest searches and sends back counts, facet counts and
 * its best few results, then the data of the results the page shows.
 */
import type { GroupSearch, Reply, Request } from './search-protocol.ts';

interface PagefindResult {
  score: number;
  data(): Promise<unknown>;
}
interface PagefindInstance {
  destroy(): Promise<void>;
  options(o: Record<string, unknown>): Promise<void>;
  mergeIndex(url: string): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  search(term: string | null, o?: object): Promise<{ results: PagefindResult[]; unfilteredResultCount: number; filters: GroupSearch['filters']; totalFilters: GroupSearch['filters'] }>;
}
interface PagefindModule {
  createInstance(o: Record<string, unknown>): PagefindInstance;
}

/** Searches whose results the page may still ask data for: the newest few. */
const KEEP = 4;

let pagefind: PagefindInstance | undefined;
const kept = new Map<number, PagefindResult[]>();

async function handle(req: Request): Promise<unknown> {
  switch (req.kind) {
    case 'open': {
      const [first, ...rest] = req.shards;
      const mod = (await import(/* @vite-ignore */ `${req.base}${first}/pagefind.js`)) as PagefindModule;
      const open = async (merge: readonly string[]) => {
        const pf = mod.createInstance({ basePath: `${req.base}${first}/` });
        await pf.options(req.options);
        for (const s of merge) await pf.mergeIndex(`${req.base}${s}/`);
        // An empty search returns once every index has its metadata and
        // WebAssembly loaded (else the first real search waits for them).
        await pf.search('');
        return pf;
      };
      const pf = await open(rest);
      if (req.warmUp) {
        // The first searches in a fresh worker run Pagefind's WebAssembly and
        // JavaScript unoptimised: measured at 100,000 datasets, a page's first
        // search took about 1.5x as long as later ones. So a throwaway instance
        // over one shard searches a common word once; the instances share the
        // module's compiled code, and the real one keeps no index chunk from
        // it, so no later search is any faster for having used that word.
        const scratch = await open([]);
        await scratch.search(req.warmUp);
        await scratch.destroy();
      }
      pagefind = pf;
      return true;
    }
    case 'search': {
      const pf = ready();
      const s = await pf.search(req.term, req.options);
      kept.set(req.id, s.results);
      for (const old of kept.keys()) if (kept.size > KEEP) kept.delete(old);
      const answer: GroupSearch = {
        count: s.results.length,
        unfilteredResultCount: s.unfilteredResultCount,
        filters: s.filters,
        totalFilters: s.totalFilters,
        // Pagefind returns results best first (in the order asked for).
        top: s.results.slice(0, req.top).map((r, rank) => ({ score: r.score, rank })),
      };
      return answer;
    }
    case 'data': {
      const results = kept.get(req.search);
      if (!results) throw new Error(`search ${req.search} is no longer kept; search again`);
      return Promise.all(
        req.ranks.map((r) => {
          const result = results[r];
          if (!result) throw new Error(`search ${req.search} has no result ${r}`);
          return result.data();
        }),
      );
    }
    case 'filters':
      return ready().filters();
  }
}

function ready(): PagefindInstance {
  if (!pagefind) throw new Error('the search index is not open yet');
  return pagefind;
}

self.addEventListener('message', (event: MessageEvent<Request>) => {
  const req = event.data;
  handle(req).then(
    (value) => self.postMessage({ id: req.id, ok: true, value } satisfies Reply),
    (err: unknown) => self.postMessage({ id: req.id, ok: false, error: err instanceof Error ? err.message : String(err) } satisfies Reply),
  );
});
