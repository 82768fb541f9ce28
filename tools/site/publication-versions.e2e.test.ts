/**
 * The concept DOI's landing page lists every version, and its DataCite XML
 * carries them as HasVersion (issue #6 §3): a real Astro build of the site
 * fixture with one concept and two versions.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordPath } from '../core/layout.ts';
import { publicationUrl } from '../core/routes.ts';
import { buildSite } from './build.ts';
import { FIXTURE_NOW, RAW, writeFixtureCatalog } from './test-fixture.ts';

const C = '10.5072/cccc-cc00';
const V1 = '10.5072/aaaa-aa00';
const V2 = '10.5072/bbbb-bb00';
const common = { status: 'findable', registeredTime: '2025-01-01T00:00:00Z', creators: [{ name: 'Ingrid Halvorsen' }], publisher: 'Nordlys Synchrotron', publicationYear: 2025, pidArray: [RAW.pid] };

let dir: string;
let out: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'shelfmark-versions-'));
  const catalog = await writeFixtureCatalog(join(dir, 'catalog'));
  const put = (doi: string, r: object) => writeFile(join(catalog, recordPath('publication', doi)), JSON.stringify({ doi, ...common, ...r }, null, 2));
  await put(C, { title: 'Ag survey (all versions)', conceptDoi: C, relatedIdentifiers: [{ relatedIdentifier: V1, relatedIdentifierType: 'DOI', relationType: 'HasVersion' }] });
  await put(V1, { title: 'Ag survey' });
  await put(V2, { title: 'Ag survey, recalibrated', version: '2', conceptDoi: C });
  out = join(dir, 'dist');
  await buildSite({ catalog, outDir: out, now: FIXTURE_NOW });
}, 300_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

const page = (doi: string) => readFile(join(out, publicationUrl(doi), 'index.html'), 'utf8');

describe('versions on publication pages', () => {
  it('the concept page lists both versions, the newest as latest', async () => {
    const html = await page(C);
    expect(html).toContain('>Versions</h2>');
    expect(html).toContain(`href="${publicationUrl(V1)}"`);
    expect(html).toContain(`href="${publicationUrl(V2)}"`);
    expect(html).toMatch(/Version 2<\/a> · 10\.5072\/bbbb-bb00 · latest/);
  });

  it('a version page links its concept and marks itself', async () => {
    const html = await page(V2);
    expect(html).toContain(`href="${publicationUrl(C)}"`);
    expect(html).toMatch(/aria-current="page"[^>]*>Version 2 \(this page\)/);
  });

  it("the concept's datacite.xml lists the versions as HasVersion", async () => {
    const xml = await readFile(join(out, publicationUrl(C), 'datacite.xml'), 'utf8');
    expect(xml).toMatch(new RegExp(`relationType="HasVersion"[^>]*>${V1.replace('.', '\\.')}<`));
    expect(xml).toMatch(new RegExp(`relationType="HasVersion"[^>]*>${V2.replace('.', '\\.')}<`));
  });
});
