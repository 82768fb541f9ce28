import type { APIRoute } from 'astro';
import { siteContext } from '../../tools/site/context.ts';
import { sitemapIndexXml } from '../../tools/site/sitemap.ts';

export const GET: APIRoute = () => new Response(sitemapIndexXml(siteContext()), { headers: { 'content-type': 'application/xml' } });
