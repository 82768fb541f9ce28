import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContext, type SiteContext } from './context.ts';
import { buildSiteIndex } from './site-index.ts';
import { homeView, proposalsWithDatasets } from './listing-views.ts';
import { robotsTxt, sitemapIndexXml, sitemapPartXml } from './sitemap.ts';
import { datasetPaths } from './routing.ts';
import { DERIVED, FIXTURE_NOW, RAW, writeFixtureCatalog } from './test-fixture.ts';

let root: string;
let site: SiteContext;

beforeAll(async () => {
  root = await writeFixtureCatalog();
  const index = await buildSiteIndex(root, { now: FIXTURE_NOW, includeEmbargoed: false });
  index.tombstones = [
    { kind: 'dataset', id: '20.500.12345/20230001/old-0001', url: '/datasets/20230001/old-0001/', title: 'Old', citation: 'c', reason: 'r', removed: '2025-01-01', commit: 'abc' },
  ];
  site = createContext(root, index);
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('site context', () => {
  it('groups the visible datasets for listings', () => {
    expect(site.byInstrument('aurora')).toHaveLength(3);
    expect(site.byProposal('20249999')).toEqual([]);
    expect(site.years()).toEqual(['2025', '2024']);
    expect(site.outputsOf(RAW.pid)).toEqual([DERIVED.pid]);
  });
  it('reads annotations of a dataset', () => {
    expect(site.annotationsOf(RAW.pid).map((a) => a.rating)).toEqual([4]);
    expect(site.annotationsOf(DERIVED.pid)).toEqual([]);
  });
  it('gives routes for live datasets and tombstones', () => {
    const paths = datasetPaths(site);
    expect(paths).toHaveLength(4);
    expect(paths.at(-1)).toMatchObject({ params: { proposal: '20230001', name: 'old-0001' } });
    expect(paths.at(-1)!.props.tombstone?.title).toBe('Old');
  });
  it('builds the home page from the index', () => {
    const home = homeView(site);
    expect(home.stats.find((s) => s.label === 'datasets')!.value).toBe(3);
    expect(home.recent[0]!.pid).toBe(DERIVED.pid);
    expect(home.instruments).toEqual([{ href: '/instruments/aurora/', text: 'Aurora ARPES beamline', count: 3 }]);
    expect(proposalsWithDatasets(site).map((p) => p.id)).toEqual(['20240017']);
  });
  it('lists only visible pages in the sitemap', () => {
    const part = sitemapPartXml(site, 0);
    expect(part).toContain('<loc>https://data.nordlys.example/datasets/20240017/xps-0001/</loc>');
    expect(part).toContain('<loc>https://data.nordlys.example/samples/20240017-s01/</loc>');
    expect(part).not.toContain('20249999');
    expect(part).not.toContain('old-0001');
    expect(sitemapIndexXml(site)).toContain('<loc>https://data.nordlys.example/sitemaps/0.xml</loc>');
    expect(robotsTxt(site)).toContain('Sitemap: https://data.nordlys.example/sitemap.xml');
  });
});
