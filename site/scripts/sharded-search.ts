/**
 * The sharded Pagefind index (see tools/site/search-index.ts) searched as one
 * index, its shards in parallel. The shards are split into contiguous groups,
 * one per core, and each group is merged into one Pagefind instance in a
 * search worker of its own (search-worker.ts). A worker answers a search with
 * its counts and its best few results only; they are merged here as Pagefind's
 * own mergeIndex merges indexes (results concatenated in shard order and
 * stably sorted by score, facet counts summed), and only the results shown are
 * then loaded. Contiguous groups keep ties in shard order, so the ranking is
 * exactly the one a single merged Pagefind gives.
 *
 * Why not Pagefind's own worker: it sends every match to the page (tens of
 * thousands for a common word at 100,000 datasets), and that copy and the
 * page-side objects cost more than the search.
 */
import { mergeOrdered, orderOf, sumCounts, type ResultOrder } from './merge-order.ts';
import { FATAL, type FilterCounts, type GroupSearch, type PagefindResultData, type Reply, type Request, type SearchOptions } from './search-protocol.ts';

export { sumCounts } from './merge-order.ts';

export type { FilterCounts, PagefindResultData, SearchOptions } from './search-protocol.ts';

/** One entry of /pagefind/shards.json: a shard's folder name and how many datasets it holds. */
export interface ShardInfo {
  name: string;
  records: number;
}

/** The merged answer: counts over every shard and the best results, ready to load. */
export interface ShardedSearch {
  count: number;
  unfilteredResultCount: number;
  filters: FilterCounts;
  totalFilters: FilterCounts;
  /** The data of results `from` to `to` (exclusive) of the merged list. */
  load(from: number, to: number): Promise<PagefindResultData[]>;
}

/** The shards searched as one index. */
export interface ShardedIndex {
  /** Searches every shard; the best `top` results can then be loaded. */
  search(term: string | null, options: SearchOptions, top: number): Promise<ShardedSearch>;
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

/** A result picked for the merged list: which group, and its rank there. */
export interface Pick {
  group: number;
  rank: number;
}

/**
 * Merges the answers of contiguous shard groups, given in shard order, as
 * their full result lists would merge (merge-order.ts), keeping the best
 * `top`. Each group's `top` holds its best results in its own order, so the
 * merged best `top` are among them. Pure.
 */
export function mergeGroups(answers: readonly GroupSearch[], top: number, order: ResultOrder = 'relevance'): Omit<ShardedSearch, 'load'> & { picks: Pick[] } {
  const candidates = mergeOrdered(
    answers.map((a, group) => a.top.map((r) => ({ group, rank: r.rank, score: r.score }))),
    order,
  );
  return {
    count: answers.reduce((n, a) => n + a.count, 0),
    unfilteredResultCount: answers.reduce((n, a) => n + a.unfilteredResultCount, 0),
    filters: sumCounts(answers.map((a) => a.filters)),
    totalFilters: sumCounts(answers.map((a) => a.totalFilters)),
    picks: candidates.slice(0, top).map(({ group, rank }) => ({ group, rank })),
  };
}

/** How many groups to search in parallel: one per core, at least two, at most one per shard. */
export function groupCount(shards: number, cores: number | undefined): number {
  return Math.max(1, Math.min(shards, Math.max(2, cores ?? 2)));
}

type RequestBody = Request extends infer R ? (R extends Request ? Omit<R, 'id'> : never) : never;

/** A search worker behind a promise per request. */
function startWorker(): { ask<T>(body: RequestBody): Promise<T> } {
  const worker = new Worker(new URL('./search-worker.ts', import.meta.url), { type: 'module' });
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  let next = 0;
  /** Set once the worker has failed: every request then fails at once with this. */
  let broken: string | undefined;
  const failAll = (message: string) => {
    broken ??= message;
    for (const p of pending.values()) p.reject(new Error(message));
    pending.clear();
  };
  worker.addEventListener('message', (e: MessageEvent<Reply>) => {
    if (e.data.id === FATAL) return failAll(`the search worker failed: ${e.data.ok ? 'unknown error' : e.data.error}`);
    const p = pending.get(e.data.id);
    if (!p) return;
    pending.delete(e.data.id);
    if (e.data.ok) p.resolve(e.data.value);
    else p.reject(new Error(e.data.error));
  });
  worker.addEventListener('error', (e) => failAll(`the search worker failed: ${e.message || 'it could not be loaded'}`));
  return {
    ask<T>(body: RequestBody): Promise<T> {
      const id = next++;
      if (broken) return Promise.reject(new Error(broken));
      return new Promise<T>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
        worker.postMessage({ ...body, id } as Request);
      });
    },
  };
}

/**
 * Opens `shards` (folders under `base`, e.g. "/pagefind/") in `groups` search
 * workers. Each call starts workers of its own, so two sets (say one that never
 * loads filter data and one that counts facets) do not wait on each other.
 * With `warmUp`, each worker first searches that word once (see
 * search-worker.ts). Resolves once every worker is ready.
 */
export async function openShards(
  base: string,
  shards: readonly ShardInfo[],
  groups: number,
  options: Record<string, unknown>,
  warmUp?: string,
): Promise<ShardedIndex> {
  const workers = await Promise.all(
    planGroups(shards, groups).map(async (group) => {
      const w = startWorker();
      await w.ask({ kind: 'open', base, shards: group.map((s) => s.name), options, ...(warmUp ? { warmUp } : {}) });
      return w;
    }),
  );
  return {
    async search(term, options, top) {
      const answers = await Promise.all(workers.map((w) => w.ask<GroupSearch>({ kind: 'search', term, options, top })));
      const order = orderOf(options);
      let { picks, ...merged } = mergeGroups(answers, top, order);
      return {
        ...merged,
        async load(from, to) {
          if (picks.length < Math.min(to, merged.count)) {
            // A further page: each group's best `to`, merged again.
            const tops = await Promise.all(workers.map((w, g) => w.ask<GroupSearch['top']>({ kind: 'top', search: answers[g]!.search, top: to })));
            picks = mergeGroups(
              answers.map((a, g) => ({ ...a, top: tops[g]! })),
              to,
              order,
            ).picks;
          }
          const shown = picks.slice(from, to);
          // One request per worker for its results among those shown.
          const data = await Promise.all(
            workers.map((w, g) => {
              const ranks = shown.filter((p) => p.group === g).map((p) => p.rank);
              return ranks.length ? w.ask<PagefindResultData[]>({ kind: 'data', search: answers[g]!.search, ranks }) : Promise.resolve([]);
            }),
          );
          const next = workers.map(() => 0);
          return shown.map((p) => data[p.group]![next[p.group]!++]!);
        },
      };
    },
    filters: async () => sumCounts(await Promise.all(workers.map((w) => w.ask<FilterCounts>({ kind: 'filters' })))),
  };
}
