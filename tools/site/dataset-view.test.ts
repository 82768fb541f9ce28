import { describe, expect, it } from 'vitest';
import { datasetView, formatBytes, MAX_FILES_SHOWN, plainSummary, safeRelPath } from './dataset-view.ts';
import type { Dataset, SiteConfig } from './records.ts';
import { DERIVED, FIXTURE_NOW, RAW, RESTRICTED } from './test-fixture.ts';
import { highwireMeta, openGraphMeta, signpostingLinks } from './head.ts';

const config = {
  facility: { name: 'Nordlys Synchrotron' },
  siteBaseUrl: 'https://data.nordlys.example/',
  publisher: 'Nordlys Synchrotron',
  forge: { kind: 'github', url: 'https://github.com', repository: 'nordlys/catalog', branch: 'main' },
} as SiteConfig;
const rel = 'datasets/c5/20240017/xps-0001.json';
const view = datasetView(RAW as unknown as Dataset, {
  config,
  rel,
  now: FIXTURE_NOW,
  instrumentName: (id) => (id === 'aurora' ? 'Aurora ARPES beamline' : undefined),
  sampleName: () => 'Ag(111) crystal',
  datasetTitle: (pid) => (pid === DERIVED.pid ? 'Peak fit' : undefined),
  outputs: [DERIVED.pid],
  annotations: [{ id: '20240017/xps-0001/c-0001', datasetPid: RAW.pid, created: '2024-05-01T00:00:00Z', author: { name: 'Wei Chen' }, rating: 4, comment: 'Looks **good**' }],
  history: [{ hash: 'abc123def', date: '2024-03-05T10:00:00+01:00', author: 'Ingest bot', summary: 'Ingest xps-0001' }],
});

describe('datasetView', () => {
  it('places the page at the stable URL and cites it with its DOI', () => {
    expect(view.url).toBe('/datasets/20240017/xps-0001/');
    expect(view.canonical).toBe('https://data.nordlys.example/datasets/20240017/xps-0001/');
    expect(view.doiUrl).toBe('https://doi.org/10.5072/shelfmark.xps-0001');
    expect(view.citation).toEqual({
      authors: 'Halvorsen, I., & Chen, W.',
      year: '2024',
      title: RAW.datasetName,
      publisher: 'Nordlys Synchrotron',
      url: 'https://doi.org/10.5072/shelfmark.xps-0001',
    });
  });
  it('links ORCIDs only where there is one', () => {
    expect(view.creators[0]!.orcidUrl).toBe('https://orcid.org/0000-0002-1825-010X');
    expect(view.creators[1]!.orcidUrl).toBeUndefined();
    expect(view.creators[0]!.rorUrl).toBe('https://ror.org/04gk8m166');
  });
  it('renders the description as sanitised HTML', () => {
    expect(view.descriptionHtml).toContain('<strong>XPS survey</strong>');
    expect(view.descriptionHtml).not.toContain('<script');
    expect(view.descriptionHtml).not.toContain('javascript:');
  });
  it('links instrument, proposal, sample and technique pages', () => {
    expect(view.instrument).toEqual({ href: '/instruments/aurora/', text: 'Aurora ARPES beamline' });
    expect(view.proposal).toEqual({ href: '/proposals/20240017/', text: '20240017' });
    expect(view.samples).toEqual([{ href: '/samples/20240017-s01/', text: 'Ag(111) crystal' }]);
    expect(view.techniques[0]!.href).toBe('/techniques/PaNET01196/');
  });
  it('lists files with sizes and checksums, the archive download and Globus', () => {
    expect(view.files.map((f) => [f.path, f.size, f.chk])).toEqual([
      ['Ag_0001.txt', '1.00 KiB', 'aa11'],
      ['Ag_0001.ibw', '512 B', 'bb22'],
    ]);
    expect(view.downloadUrl).toBe('https://data.example/download/20240017/xps-0001.zip');
    expect(view.globusUrl).toBe('https://app.globus.org/file-manager?origin_id=abc-123&origin_path=%2Fproposals%2F20240017%2Fxps-0001%2F');
  });
  it('links derived outputs, annotations, history commits, the editor and every export', () => {
    expect(view.outputs).toEqual([{ href: '/datasets/20240017/fit-0001/', text: 'Peak fit' }]);
    expect(view.annotations[0]).toMatchObject({ author: 'Wei Chen', rating: 4 });
    expect(view.annotations[0]!.commentHtml).toContain('<strong>good</strong>');
    expect(view.history[0]!.href).toBe('https://github.com/nordlys/catalog/commit/abc123def');
    expect(view.editUrl).toBe(`https://github.com/nordlys/catalog/edit/main/catalog/${rel}`);
    expect(view.exports.map((e) => e.href)).toContain('/datasets/20240017/xps-0001/datacite.xml');
    expect(view.exports).toHaveLength(7);
  });
  it('links the quick-look plot where the build copies it, and refuses paths leaving their folder', () => {
    expect(view.attachments).toEqual([{ href: '/datasets/20240017/xps-0001/attachments/quicklook.svg', caption: 'Survey quick look', mediaType: 'image/svg+xml' }]);
    expect(safeRelPath('plots/a.svg')).toBe(true);
    for (const bad of ['../x.svg', '/etc/passwd', 'a/../../b', '']) expect(safeRelPath(bad), bad).toBe(false);
  });
  it('shows the metadata tree as rows', () => {
    expect(view.metadata.find((r) => r.key === 'analyser/lens_mode')).toMatchObject({ label: 'Lens mode', depth: 1 });
  });
  it('offers no download for restricted data, and caps a long file list', () => {
    const r = datasetView(RESTRICTED as unknown as Dataset, { config, rel, now: FIXTURE_NOW });
    expect(r.access).toEqual({ status: 'restricted', reason: 'Industrial partner' });
    expect(r.downloadUrl).toBeUndefined();
    const many = { ...RAW, files: { dataFileList: Array.from({ length: 250 }, (_, i) => ({ path: `f${i}` })) } } as unknown as Dataset;
    const m = datasetView(many, { config, rel, now: FIXTURE_NOW });
    expect(m.files).toHaveLength(MAX_FILES_SHOWN);
    expect(m.filesHidden).toBe(150);
  });
  it('reads an ended embargo as public', () => {
    expect(datasetView(DERIVED as unknown as Dataset, { config, rel, now: FIXTURE_NOW }).access.status).toBe('public');
  });
});

describe('head markup', () => {
  it('carries Highwire citation meta', () => {
    const tags = highwireMeta(view, config);
    expect(tags).toContainEqual({ name: 'citation_doi', content: '10.5072/shelfmark.xps-0001' });
    expect(tags).toContainEqual({ name: 'citation_publication_date', content: '2024/03/04' });
    expect(tags.filter((t) => t.name === 'citation_author').map((t) => t.content)).toEqual(['Ingrid Halvorsen', 'Wei Chen']);
  });
  it('carries OpenGraph tags', () => {
    expect(openGraphMeta(view, 'Site')).toContainEqual({ property: 'og:url', content: view.canonical });
  });
  it('carries FAIR Signposting links: cite-as, describedby per export, item, license, author, type', () => {
    const links = signpostingLinks(view, config);
    expect(links[0]).toEqual({ rel: 'cite-as', href: 'https://doi.org/10.5072/shelfmark.xps-0001' });
    expect(links.filter((l) => l.rel === 'describedby')).toHaveLength(7);
    expect(links).toContainEqual({
      rel: 'describedby',
      href: 'https://data.nordlys.example/datasets/20240017/xps-0001/datacite.xml',
      type: 'application/vnd.datacite.datacite+xml',
      profile: 'http://datacite.org/schema/kernel-4',
    });
    expect(links).toContainEqual({ rel: 'item', href: 'https://data.example/download/20240017/xps-0001.zip' });
    expect(links).toContainEqual({ rel: 'license', href: 'https://spdx.org/licenses/CC-BY-4.0.html' });
    expect(links.filter((l) => l.rel === 'author').map((l) => l.href)).toEqual(['https://orcid.org/0000-0002-1825-010X']);
    expect(links).toContainEqual({ rel: 'type', href: 'https://schema.org/Dataset' });
  });
});

describe('helpers', () => {
  it('formats bytes in binary units', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(352321536)).toBe('336 MiB');
    expect(formatBytes(undefined)).toBe('');
  });
  it('takes the first paragraph as a plain summary', () => {
    expect(plainSummary('# Head\n\nSome **bold** [link](http://x) text.\n\nSecond.')).toBe('Some bold link text.');
  });
});
