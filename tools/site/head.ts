/**
 * What goes in a landing page's <head> for machines, besides the schema.org
 * JSON-LD (tools/export/schema-org.ts): Highwire `citation_*` meta (Google
 * Scholar, Zotero), OpenGraph and FAIR Signposting links (https://signposting.org/FAIR/).
 */
import { absoluteUrl } from '../core/routes.ts';
import type { DatasetView } from './dataset-view.ts';
import type { SiteConfig } from './records.ts';

export interface MetaTag {
  name?: string;
  property?: string;
  content: string;
}

export interface LinkTag {
  rel: string;
  href: string;
  type?: string;
  profile?: string;
}

/** Highwire Press tags; dates as YYYY/MM/DD as Google Scholar asks. */
export function highwireMeta(view: DatasetView, config: SiteConfig): MetaTag[] {
  const tags: MetaTag[] = [{ name: 'citation_title', content: view.title }];
  for (const c of view.creators) tags.push({ name: 'citation_author', content: c.name });
  const created = view.dates.find((d) => d.label === 'Created')?.iso;
  if (created) tags.push({ name: 'citation_publication_date', content: created.slice(0, 10).replace(/-/g, '/') });
  const publisher = config.publisher ?? config.facility?.name;
  if (publisher) tags.push({ name: 'citation_publisher', content: publisher });
  if (view.doiUrl) tags.push({ name: 'citation_doi', content: view.doiUrl.replace('https://doi.org/', '') });
  for (const k of view.keywords) tags.push({ name: 'citation_keywords', content: k });
  tags.push({ name: 'citation_public_url', content: view.canonical });
  return tags;
}

/** OpenGraph tags for link previews. */
export function openGraphMeta(view: DatasetView, siteName: string): MetaTag[] {
  const tags: MetaTag[] = [
    { property: 'og:type', content: 'website' },
    { property: 'og:title', content: view.title },
    { property: 'og:url', content: view.canonical },
    { property: 'og:site_name', content: siteName },
  ];
  if (view.summary) tags.push({ property: 'og:description', content: view.summary });
  return tags;
}

/** FAIR Signposting: cite-as, describedby (each export), item (each file), license, author, type. */
export function signpostingLinks(view: DatasetView, config: SiteConfig): LinkTag[] {
  const base = config.siteBaseUrl ?? 'http://localhost/';
  const links: LinkTag[] = [{ rel: 'cite-as', href: view.doiUrl ?? view.canonical }];
  for (const e of view.exports) {
    const l: LinkTag = { rel: 'describedby', href: absoluteUrl(base, e.href), type: e.mediaType };
    if (e.profile) l.profile = e.profile;
    links.push(l);
  }
  const items = view.files.filter((f) => f.href);
  for (const f of items) links.push({ rel: 'item', href: f.href! });
  if (items.length === 0 && view.downloadUrl) links.push({ rel: 'item', href: view.downloadUrl });
  if (view.license) links.push({ rel: 'license', href: view.license.url });
  for (const c of view.creators) if (c.orcidUrl) links.push({ rel: 'author', href: c.orcidUrl });
  links.push({ rel: 'type', href: 'https://schema.org/Dataset' });
  links.push({ rel: 'type', href: 'https://schema.org/AboutPage' });
  return links;
}
