/**
 * View models of the listing pages (home, browse, proposal, sample, instrument,
 * technique), built from the site index alone.
 */
import { instrumentUrl } from '../core/routes.ts';
import type { SiteContext } from './context.ts';
import type { DatasetEntry } from './site-index.ts';
import { FILTERS, warmUpTerm } from './search-records.ts';

export interface HomeView {
  heading: string;
  description: string;
  stats: { label: string; value: number }[];
  recent: DatasetEntry[];
  instruments: { href: string; text: string; count: number }[];
}

/** How many recent datasets the home page lists. */
export const RECENT = 10;

export function homeView(site: SiteContext): HomeView {
  const { index } = site;
  const facility = index.config.facility?.name;
  return {
    heading: facility ? `${facility} data catalogue` : 'Data catalogue',
    description: `${index.datasets.length} public datasets${facility ? ` from ${facility}` : ''}: landing pages, citations and search.`,
    stats: [
      { label: 'datasets', value: index.datasets.length },
      { label: 'proposals', value: new Set(index.datasets.map((d) => d.proposalId).filter(Boolean)).size },
      { label: 'instruments', value: index.instruments.length },
      { label: 'publications', value: index.publications.length },
    ],
    recent: index.datasets.slice(0, RECENT),
    instruments: index.instruments.map((i) => ({ href: instrumentUrl(i.id), text: i.name, count: site.byInstrument(i.id).length })),
  };
}

/** Proposals that have visible datasets, with their counts, by id. */
export function proposalsWithDatasets(site: SiteContext): { id: string; title: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const d of site.index.datasets) if (d.proposalId) counts.set(d.proposalId, (counts.get(d.proposalId) ?? 0) + 1);
  return [...counts.entries()]
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([id, count]) => ({ id, title: site.proposal(id)?.name ?? id, count }));
}

/** What the search page needs at build time: the facet names and the warm-up word (the shards it reads from pagefind/shards.json). */
export function searchPageView(site: SiteContext): { filters: readonly string[]; warmUp: string | undefined } {
  return { filters: FILTERS, warmUp: warmUpTerm(site.index.datasets) };
}
