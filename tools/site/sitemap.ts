/**
 * sitemap.xml (a sitemap index) and its parts, from the site index, so only
 * visible pages are listed. Parts hold at most 40,000 URLs (the protocol allows 50,000).
 */
import { create } from 'xmlbuilder2';
import { absoluteUrl, datasetUrl, instrumentUrl, proposalUrl, publicationUrl, sampleUrl, techniqueUrl } from '../core/routes.ts';
import type { SiteContext } from './context.ts';

export const SITEMAP_PART_SIZE = 40_000;
const NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';

/** Every public page worth indexing, as site paths with an optional last-modified date. */
export function sitemapPaths(site: SiteContext): { path: string; lastmod?: string }[] {
  const { index } = site;
  const out: { path: string; lastmod?: string }[] = [{ path: '/' }, { path: '/browse/' }, { path: '/search/' }];
  for (const d of index.datasets) out.push(d.date ? { path: datasetUrl(d.pid), lastmod: d.date.slice(0, 10) } : { path: datasetUrl(d.pid) });
  for (const p of index.publications) out.push({ path: publicationUrl(p.id) });
  for (const i of index.instruments) out.push({ path: instrumentUrl(i.id) });
  for (const t of index.techniques) out.push({ path: techniqueUrl(t.id) });
  for (const p of index.proposals) if (index.includeEmbargoed || site.byProposal(p.id).length) out.push({ path: proposalUrl(p.id) });
  for (const s of index.samples) if (index.includeEmbargoed || site.bySample(s.id).length) out.push({ path: sampleUrl(s.id) });
  return out;
}

export const sitemapPartCount = (site: SiteContext): number => Math.max(1, Math.ceil(sitemapPaths(site).length / SITEMAP_PART_SIZE));

function base(site: SiteContext): string {
  return site.index.config.siteBaseUrl ?? 'http://localhost/';
}

/** The sitemap index pointing at every part. */
export function sitemapIndexXml(site: SiteContext): string {
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele(NS, 'sitemapindex');
  for (let i = 0; i < sitemapPartCount(site); i++) root.ele('sitemap').ele('loc').txt(absoluteUrl(base(site), `/sitemaps/${i}.xml`));
  return root.end({ prettyPrint: true });
}

/** Part `n` of the sitemap. */
export function sitemapPartXml(site: SiteContext, n: number): string {
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele(NS, 'urlset');
  for (const p of sitemapPaths(site).slice(n * SITEMAP_PART_SIZE, (n + 1) * SITEMAP_PART_SIZE)) {
    const url = root.ele('url');
    url.ele('loc').txt(absoluteUrl(base(site), p.path));
    if (p.lastmod) url.ele('lastmod').txt(p.lastmod);
  }
  return root.end({ prettyPrint: true });
}

/** robots.txt: everything may be crawled; internal builds ask robots to stay out. */
export function robotsTxt(site: SiteContext): string {
  if (site.index.includeEmbargoed) return 'User-agent: *\nDisallow: /\n';
  return `User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl(base(site), '/sitemap.xml')}\n`;
}
