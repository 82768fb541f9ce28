/**
 * What goes in a landing page's <head> for machines: schema.org JSON-LD,
 * Highwire `citation_*` meta (Google Scholar, Zotero), OpenGraph, the canonical
 * link and FAIR Signposting links (https://signposting.org/FAIR/).
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

/**
 * JSON for an inline <script type="application/ld+json">. `<`, `>` and `&` are
 * escaped as \u003c etc., so no value can close the script element (`</script>`)
 * or open a comment; U+2028/2029 are escaped for old JavaScript parsers.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
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

/**
 * A schema.org Dataset with Google Dataset Search's required (name, description)
 * and recommended properties. Used until tools/export provides `toSchemaOrg`.
 */
export function schemaOrgDataset(view: DatasetView, config: SiteConfig): Record<string, unknown> {
  const description = view.summary.length >= 50 ? view.summary : `${view.title}. ${view.summary}`.padEnd(50, ' ').trim();
  const ld: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'Dataset',
    '@id': view.doiUrl ?? view.canonical,
    name: view.title,
    description,
    url: view.canonical,
    identifier: view.doiUrl ? [view.doiUrl, view.pid] : [view.pid],
    creator: view.creators.map((c) => ({
      '@type': 'Person',
      name: c.name,
      ...(c.orcidUrl ? { '@id': c.orcidUrl, sameAs: c.orcidUrl } : {}),
      ...(c.affiliation ? { affiliation: { '@type': 'Organization', name: c.affiliation, ...(c.rorUrl ? { '@id': c.rorUrl } : {}) } } : {}),
    })),
    keywords: view.keywords,
    isAccessibleForFree: view.access.status === 'public',
  };
  if (view.license) ld.license = view.license.url;
  const created = view.dates.find((d) => d.label === 'Created')?.iso;
  if (created) ld.dateCreated = created;
  const start = view.dates.find((d) => d.label === 'Measurement started')?.iso;
  const end = view.dates.find((d) => d.label === 'Measurement ended')?.iso;
  if (start) ld.temporalCoverage = end ? `${start}/${end}` : start;
  const publisher = config.publisher ?? config.facility?.name;
  if (publisher) ld.publisher = { '@type': 'Organization', name: publisher };
  if (config.facility?.name) ld.provider = { '@type': 'Organization', name: config.facility.name, ...(config.facility.url ? { url: config.facility.url } : {}) };
  if (view.techniques.length) ld.measurementTechnique = view.techniques.map((t) => t.text);
  if (view.metadata.length)
    ld.variableMeasured = view.metadata
      .filter((r) => !r.group)
      .slice(0, 50)
      .map((r) => ({ '@type': 'PropertyValue', name: r.label, propertyID: r.key, value: r.value, ...(r.unit ? { unitText: r.unit } : {}) }));
  if (view.downloadUrl) ld.distribution = [{ '@type': 'DataDownload', contentUrl: view.downloadUrl }];
  return ld;
}
