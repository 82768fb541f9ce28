/**
 * The messages between the search page and its search workers
 * (search-worker.ts). Each worker holds one group of Pagefind shards and
 * answers with counts and the few best results only: a common word matches
 * tens of thousands of datasets, and sending every match to the page (as
 * Pagefind's own worker does) costs more than the search itself.
 */

export type FilterCounts = Record<string, Record<string, number>>;

export interface SearchOptions {
  filters?: Record<string, { any: string[] }>;
  sort?: Record<string, string>;
}

/** What a result shows: Pagefind's fragment data for one dataset. */
export interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
}

/** One of a group's best results: its score and its place in that group's result list. */
export interface Ranked {
  score: number;
  rank: number;
}

/** A group's answer to a search. */
export interface GroupSearch {
  /** The search's id, for later `top` and `data` requests about it. */
  search: number;
  /** Every match in the group. */
  count: number;
  unfilteredResultCount: number;
  filters: FilterCounts;
  totalFilters: FilterCounts;
  /** The group's best `top` results, best first, ties in Pagefind's order. */
  top: Ranked[];
}

export type Request =
  /** Load the shards (folders under `base`) into one Pagefind instance; search `warmUp` once first. */
  | { id: number; kind: 'open'; base: string; shards: string[]; options: Record<string, unknown>; warmUp?: string }
  | { id: number; kind: 'search'; term: string | null; options: SearchOptions; top: number }
  /** The best `top` results of search `search` (an earlier request's id), for a further page. */
  | { id: number; kind: 'top'; search: number; top: number }
  /** The data of results `ranks` of search `search`. */
  | { id: number; kind: 'data'; search: number; ranks: number[] }
  | { id: number; kind: 'filters' };

export type Reply =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: string };

/**
 * The id of a reply that answers no request: the worker hit an error outside
 * any request (a WebAssembly trap in a promise nobody awaits, say) and can no
 * longer be trusted, so every pending and later request fails.
 */
export const FATAL = -1;
