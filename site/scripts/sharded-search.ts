/**
 * The sharded Pagefind index (see tools/site/search-index.ts) searched as one
 * index, its shards in parallel. Pagefind 1.6 runs every index merged into
 * one copy of pagefind.js in that copy's single web worker, one after another
 * (issue #3: ~0.3-0.5 s per 25,000-dataset shard for a common word). So the
 * shards are split into contiguous groups, each group merged into its own copy
 * of the module (another URL is another module, hence another worker), and the
 * groups' answers are merged here as Pagefind's own mergeIndex merges them:
 * results concatenated in shard order and stably sorted by score, facet counts
 * and unfiltered counts summed. Contiguous groups keep ties in shard order, so
 * the ranking is exactly the one a single merged copy gives.
 */

/** One entry of /pagefind/shards.json: a shard's folder name and how many datasets it holds. */
export interface ShardInfo {
  name: string;
  records: number;
}

export type FilterCounts = Record<string, Record<string, number>>;

export interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
}
export interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindResultData>;
}
export interface PagefindSearch {
  results: PagefindResult[];
  unfilteredResultCount: number;
  filters: FilterCounts;
  totalFilters: FilterCounts;
}
export interface SearchOptions {
  filters?: Record<string, { any: string[] }>;
  sort?: Record<string, string>;
}

/** The part of pagefind.js's module interface the page uses. */
interface PagefindModule {
  options(o: Record<string, unknown>): Promise<void>;
  mergeIndex(url: string): Promise<void>;
  filters(): Promise<FilterCounts>;
  search(term: string | null, o?: SearchOptions): Promise<PagefindSearch>;
}

/** The shards searched as one index. */
export interface ShardedIndex {
  search(term: string | null, options?: SearchOptions): Promise<PagefindSearch>;
  /** Every facet value with its count over all datasets. */
  filters(): Promise<FilterCounts>;
}

/**
 * Splits `shards` into at most `groups` contiguous runs, making the run with
 * the most records as small as it can be (the slowest worker sets the time).
 * Pure.
 */
export function planGroups(shards: readonly ShardInfo[], groups: number): ShardInfo[][] {
  const weight = (s: ShardInfo) => Math.max(1, s.records);
  // Packs shards in order into runs of at most `cap` records.
  const pack = (cap: number): ShardInfo[][] => {
    const runs: ShardInfo[][] = [];
    let sum = Infinity;
    for (const s of shards) {
      if (sum + weight(s) > cap) {
        runs.push([]);
        sum = 0;
      }
      runs.at(-1)!.push(s);
      sum += weight(s);
    }
    return runs;
  };
  // The smallest cap that packs into `groups` runs, by bisection.
  let lo = Math.max(0, ...shards.map(weight));
  let hi = shards.reduce((n, s) => n + weight(s), 0);
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (pack(mid).length <= Math.max(1, groups)) hi = mid;
    else lo = mid + 1;
  }
  return pack(lo);
}

/** Adds facet counts value by value, as Pagefind's mergeFilters does. Pure. */
export function sumCounts(all: readonly FilterCounts[]): FilterCounts {
  const sum: FilterCounts = {};
  for (const counts of all)
    for (const [facet, values] of Object.entries(counts)) {
      const into = (sum[facet] ??= {});
      for (const [value, n] of Object.entries(values)) into[value] = (into[value] ?? 0) + n;
    }
  return sum;
}

/** Merges the searches of contiguous shard groups, given in shard order, as Pagefind's mergeIndex would. Pure. */
export function mergeSearches(searches: readonly PagefindSearch[]): PagefindSearch {
  return {
    // Array.prototype.sort is stable: equal scores keep shard order.
    results: searches.flatMap((s) => s.results).sort((a, b) => b.score - a.score),
    unfilteredResultCount: searches.reduce((n, s) => n + s.unfilteredResultCount, 0),
    filters: sumCounts(searches.map((s) => s.filters)),
    totalFilters: sumCounts(searches.map((s) => s.totalFilters)),
  };
}

/** How many groups to search in parallel: one per core, at least two, at most one per shard. */
export function groupCount(shards: number, cores: number | undefined): number {
  return Math.max(1, Math.min(shards, Math.max(2, cores ?? 2)));
}

/**
 * Loads `shards` (from under `base`, e.g. "/pagefind/") as `groups` parallel
 * copies of pagefind.js. `copy` names this set of copies, so that two sets
 * (say one that never loads filter data and one that counts facets) do not
 * share modules or workers. Resolves once every copy has initialised.
 */
export async function openShards(
  base: string,
  shards: readonly ShardInfo[],
  copy: string,
  groups: number,
  options: Record<string, unknown>,
): Promise<ShardedIndex> {
  const copies = await Promise.all(
    planGroups(shards, groups).map(async (group, i) => {
      const pf = (await import(/* @vite-ignore */ `${base}${group[0]!.name}/pagefind.js?${copy}-${i}`)) as PagefindModule;
      await pf.options(options);
      for (const s of group.slice(1)) await pf.mergeIndex(`${base}${s.name}/`);
      // An empty search returns once every index of the copy has its metadata and
      // WebAssembly loaded (else the first real search waits for them).
      await pf.search('');
      return pf;
    }),
  );
  return {
    search: async (term, o) => mergeSearches(await Promise.all(copies.map((pf) => pf.search(term, o)))),
    filters: async () => sumCounts(await Promise.all(copies.map((pf) => pf.filters()))),
  };
}
