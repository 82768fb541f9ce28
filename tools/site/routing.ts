/**
 * The static paths of every route, from the site index alone (ids only, never
 * record bodies), so Astro holds no more than the index while it builds.
 */
import { parseDatasetPid } from '../core/layout.ts';
import type { SiteContext } from './context.ts';
import type { Tombstone } from './git-facts.ts';

/** Live datasets, then tombstones of removed ones at their old URLs. */
export function datasetPaths(site: SiteContext): { params: { proposal: string; name: string }; props: { pid?: string; tombstone?: Tombstone } }[] {
  const live = site.index.datasets.map((d) => {
    const p = parseDatasetPid(d.pid)!;
    return { params: { proposal: p.proposalId, name: p.name }, props: { pid: d.pid } };
  });
  return [
    ...live,
    ...tombstonePaths(site, 'dataset', (url) => {
      const [, , proposal = '', name = ''] = url.split('/');
      return { proposal, name };
    }),
  ];
}

/** Tombstones of one kind, with the route params their old URL gives. */
export function tombstonePaths<P>(site: SiteContext, kind: Tombstone['kind'], params: (url: string) => P): { params: P; props: { tombstone: Tombstone } }[] {
  return (site.index.tombstones ?? []).filter((t) => t.kind === kind).map((t) => ({ params: params(t.url), props: { tombstone: t } }));
}

/** `/doi/<prefix>/<suffix>/`: the rest parameter is the lower-cased DOI (see routes.ts publicationUrl). */
export function publicationPaths(site: SiteContext): { params: { doi: string }; props: { doi: string } }[] {
  return site.index.publications.map((p) => ({ params: { doi: p.id.toLowerCase() }, props: { doi: p.id } }));
}

export const idPaths = (list: readonly { id: string }[]): { params: { id: string } }[] => list.map((e) => ({ params: { id: e.id } }));

/** Datasets per listing page in browse views. */
export const PAGE_SIZE = 50;
