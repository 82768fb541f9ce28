import type { APIRoute, GetStaticPaths } from 'astro';
import { siteContext } from '../../../tools/site/context.ts';
import { sitemapPartCount, sitemapPartXml } from '../../../tools/site/sitemap.ts';

export const getStaticPaths: GetStaticPaths = () =>
  Array.from({ length: sitemapPartCount(siteContext()) }, (_, n) => ({ params: { n: String(n) } }));

export const GET: APIRoute = ({ params }) =>
  new Response(sitemapPartXml(siteContext(), Number(params.n)), { headers: { 'content-type': 'application/xml' } });
