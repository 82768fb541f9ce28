import type { APIRoute } from 'astro';
import { siteContext } from '../../tools/site/context.ts';
import { robotsTxt } from '../../tools/site/sitemap.ts';

export const GET: APIRoute = () => new Response(robotsTxt(siteContext()));
