/**
 * What Pagefind indexes for one dataset: only the searchable text (titles,
 * description, keywords, people, sample names, scientificMetadata keys and
 * values), the facets, a date sort key, and the metadata a result shows.
 * No HTML is re-read: records go in through Pagefind's Node API.
 */
import { datasetUrl } from '../core/routes.ts';
import { metadataText } from './metadata-table.ts';
import { markdownText, plainSummary } from './dataset-view.ts';
import type { Dataset, Person } from './records.ts';
import type { DatasetEntry } from './site-index.ts';

/** The facet names, in the order the search page shows them. */
export const FILTERS = ['instrument', 'technique', 'proposal', 'type', 'year', 'licence', 'keyword'] as const;
export type FilterName = (typeof FILTERS)[number];

export interface SearchRecord {
  url: string;
  content: string;
  language: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sort: Record<string, string>;
}

export interface SearchNames {
  instrumentName?: (id: string) => string | undefined;
  sampleName?: (id: string) => string | undefined;
  techniqueName?: (pid: string) => string | undefined;
}

const people = (list: readonly Person[] | undefined): string[] =>
  (list ?? []).flatMap((p) => [p.name, p.affiliation?.name].filter((x): x is string => !!x));

/** The custom record of one visible dataset. Pure. */
export function searchRecord(record: Dataset, entry: DatasetEntry, names: SearchNames = {}): SearchRecord {
  const instrument = entry.instrumentId ? (names.instrumentName?.(entry.instrumentId) ?? entry.instrumentId) : '';
  const sampleNames = entry.sampleIds.map((id) => names.sampleName?.(id) ?? id);
  const techniqueNames = (record.techniques ?? []).map((t) => t.name ?? names.techniqueName?.(t.pid) ?? t.pid);
  const content = [
    entry.title,
    markdownText(record.description),
    entry.keywords.join(', '),
    people(record.creators).join(', '),
    people(record.principalInvestigators).join(', '),
    sampleNames.join(', '),
    techniqueNames.join(', '),
    instrument,
    entry.proposalId ?? '',
    metadataText(record.scientificMetadata),
  ]
    .filter(Boolean)
    .join('\n');
  const filters: Record<string, string[]> = {
    type: [entry.type],
    year: [entry.year],
  };
  if (instrument) filters.instrument = [instrument];
  if (techniqueNames.length) filters.technique = [...new Set(techniqueNames)];
  if (entry.proposalId) filters.proposal = [entry.proposalId];
  if (entry.license) filters.licence = [entry.license];
  if (entry.keywords.length) filters.keyword = [...new Set(entry.keywords)];
  const meta: Record<string, string> = {
    title: entry.title,
    date: entry.date.slice(0, 10),
    instrument,
    summary: plainSummary(record.description, 200),
  };
  return {
    url: datasetUrl(entry.pid),
    content,
    language: 'en',
    meta,
    filters,
    sort: { date: sortKey(entry) },
  };
}

/** One Pagefind index: a name (its folder under /pagefind/) and the datasets it holds. */
export interface Shard {
  name: string;
  entries: DatasetEntry[];
}

/** The value Pagefind sorts a dataset by ("Newest first"): its date, undated ones last. */
export const sortKey = (entry: DatasetEntry): string => entry.date || '0000';

/**
 * Splits datasets into shards: one per year, a year with more than `cap`
 * datasets cut into equal parts of at most `cap`. Pagefind's memory grows with
 * the largest index (~180 KB per record), so `cap` bounds the build's peak
 * memory. Equal parts, not full parts and a remainder, because the search page
 * searches groups of shards in parallel and waits for the heaviest group.
 * The shards are contiguous ranges of the date order, newest first (a year's
 * parts too, undated datasets last), so results sorted by date in each shard
 * merge by concatenation (site/scripts/merge-order.ts). Pure.
 */
export function planShards(entries: readonly DatasetEntry[], cap = 25_000): Shard[] {
  const byYear = new Map<string, DatasetEntry[]>();
  // Newest first, as Pagefind compares the sort values (as strings); equal dates keep catalogue order.
  const ordered = [...entries].sort((a, b) => (sortKey(a) < sortKey(b) ? 1 : sortKey(a) > sortKey(b) ? -1 : 0));
  for (const e of ordered) {
    let a = byYear.get(e.year);
    if (!a) byYear.set(e.year, (a = []));
    a.push(e);
  }
  const shards: Shard[] = [];
  // Map order is the order years first appear: newest first, undated last.
  for (const [year, list] of byYear) {
    const parts = Math.ceil(list.length / cap);
    const cut = (i: number) => Math.round((i * list.length) / parts);
    for (let i = 0; i < parts; i++)
      shards.push({ name: parts === 1 ? year : `${year}-${i + 1}`, entries: list.slice(cut(i), cut(i + 1)) });
  }
  return shards;
}

/**
 * The word the search page searches once as it opens, so that the first real
 * search runs on warmed-up code (see site/scripts/search-worker.ts): the
 * keyword most datasets carry, one word long if any is, ties broken
 * alphabetically. A common word makes Pagefind score many datasets, which is
 * what gets its WebAssembly optimised. Undefined when no dataset has a
 * keyword. Pure.
 */
export function warmUpTerm(entries: readonly DatasetEntry[]): string | undefined {
  const counts = new Map<string, number>();
  for (const e of entries)
    for (const k of new Set(e.keywords.map((k) => k.trim().toLowerCase()))) if (k) counts.set(k, (counts.get(k) ?? 0) + 1);
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([k]) => k);
  return ranked.find((k) => !/\s/.test(k)) ?? ranked[0];
}
