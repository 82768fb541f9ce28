/**
 * How result lists of several Pagefind indexes merge into one. By relevance,
 * as Pagefind's own mergeIndex does: the lists concatenated in index order and
 * stably sorted by score. By date: the shards split the catalogue into date
 * ranges, newest first (planShards in tools/site/search-records.ts), and each
 * list is already in date order, so the lists are concatenated, newest range
 * first for "desc" and last for "asc". (Pagefind's mergeIndex re-sorts sorted
 * results by score, which scrambles the dates across indexes.) And facet
 * counts add up. Pure.
 */

import type { FilterCounts } from './search-protocol.ts';

/** The order a search asks for. */
export type ResultOrder = 'relevance' | 'asc' | 'desc';

/** The order of a search's options: `sort: { date: 'asc' | 'desc' }`, else relevance. */
export function orderOf(options: { sort?: Record<string, string> }): ResultOrder {
  const d = options.sort?.date;
  return d === 'asc' || d === 'desc' ? d : 'relevance';
}

/** Merges `lists`, given in shard order (newest date range first), into one list in `order`. */
export function mergeOrdered<T extends { score: number }>(lists: readonly (readonly T[])[], order: ResultOrder): T[] {
  if (order === 'asc') return [...lists].reverse().flat();
  const all = lists.flat();
  // Array.prototype.sort is stable: equal scores keep shard order.
  if (order === 'relevance') all.sort((a, b) => b.score - a.score);
  return all;
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
