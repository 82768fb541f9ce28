import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateXml } from '../export/xsd.ts';
import { CANARY_TITLE } from '../site/test-fixture.ts';
import { loadOaiRepository, type OaiRepository } from './repository.ts';
import { openStaticRepository, writeStaticRepository, type StaticRepositoryReport } from './static-repository.ts';
import { CANARY, FIXTURE_NOW, HAVE_SCHEMAS, makeOaiFixture, WITHDRAWN, writeOaiSchema, type OaiFixture } from './test-utils.ts';

let fx: OaiFixture;
let out: string;
let repo: OaiRepository;
let report: StaticRepositoryReport;
let text: string;

beforeAll(async () => {
  fx = await makeOaiFixture();
  out = await mkdtemp(join(tmpdir(), 'shelfmark-oai-static-'));
  repo = await loadOaiRepository(fx.root, FIXTURE_NOW);
  report = await writeStaticRepository(repo, join(out, 'oai', 'static-repository.xml'), {
    fileUrl: 'http://data.nordlys.example/oai/static-repository.xml',
    gatewayUrl: 'http://gateway.example.org/oai',
  });
  text = await readFile(report.file, 'utf8');
}, 30_000);
afterAll(async () => {
  await fx?.cleanup();
  await rm(out, { recursive: true, force: true });
});

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', removeNSPrefix: true, parseTagValue: false, isArray: (n) => n === 'record' || n === 'ListRecords' || n === 'metadataFormat' });

/** The `<ListRecords>` and `<Identify>` bodies of the static file, each inside an OAI-PMH response (the corpus has no static-repository.xsd). */
function asResponses(xml: string): string[] {
  const wrap = (verb: string, inner: string) =>
    `<?xml version="1.0" encoding="UTF-8"?>\n<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/" xmlns:oai="http://www.openarchives.org/OAI/2.0/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><responseDate>2026-01-01T00:00:00Z</responseDate><request>http://gateway.example.org/oai</request><${verb}>${inner}</${verb}></OAI-PMH>`;
  const sections = [...xml.matchAll(/<(Identify|ListRecords)(?: [^>]*)?>([\s\S]*?)<\/\1>/g)];
  return sections.map((m) => wrap(m[1]!, m[2]!));
}

describe('the OAI-PMH static repository file', () => {
  it('holds Identify, ListMetadataFormats and one ListRecords per format, with every live public record', () => {
    const r = parser.parse(text).Repository;
    expect(r.Identify.baseURL).toBe('http://gateway.example.org/oai/data.nordlys.example/oai/static-repository.xml');
    expect(r.Identify.granularity).toBe('YYYY-MM-DD');
    expect(r.Identify.deletedRecord).toBe('no');
    expect(r.ListMetadataFormats.metadataFormat.map((f: { metadataPrefix: string }) => f.metadataPrefix)).toEqual(['oai_dc', 'oai_datacite']);
    expect(r.ListRecords.map((l: { '@metadataPrefix': string }) => l['@metadataPrefix'])).toEqual(['oai_dc', 'oai_datacite']);
    const live = repo.items.filter((i) => !i.deleted).map((i) => i.identifier);
    for (const list of r.ListRecords) {
      const ids = list.record.map((x: { header: { identifier: string } }) => x.header.identifier);
      expect(ids).toEqual(live);
      expect(list.record[0].header.datestamp).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    expect(report.records).toBe(live.length);
    expect(report.problems).toEqual([]);
  });

  it('leaves out deleted and embargoed records', () => {
    expect(text).not.toContain(WITHDRAWN.pid);
    expect(text).not.toContain(CANARY.pid);
    expect(text).not.toContain(CANARY_TITLE);
  });

  it.skipIf(!HAVE_SCHEMAS)('has Identify and records that validate against OAI-PMH.xsd and the payload schemas (needs ../shared/corpus)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'shelfmark-oai-xsd-'));
    try {
      const xsd = await writeOaiSchema(dir);
      const docs = asResponses(text);
      expect(docs).toHaveLength(3);
      for (const doc of docs) {
        const v = await validateXml(doc, xsd);
        expect(v.findings.filter((f) => !/parser warning/.test(f.message))).toEqual([]);
        expect(v.valid).toBe(true);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('records added from models made elsewhere (the build reuses its exports\' DataCite models)', () => {
  const opts = { fileUrl: 'http://data.nordlys.example/oai/static-repository.xml', gatewayUrl: 'http://gateway.example.org/oai' };

  it('gives the same file in whatever order they come, filling in the ones not added', async () => {
    const file = join(out, 'reordered', 'static-repository.xml');
    const w = openStaticRepository(repo, file, opts);
    const live = repo.items.filter((i) => !i.deleted);
    // Every other item, backwards; an id that is no live item and a repeated one change nothing.
    for (const item of live.filter((_, n) => n % 2 === 0).reverse()) w.add(item.id, repo.datacite(item));
    w.add(WITHDRAWN.pid, repo.datacite(live[0]!));
    w.add(live[0]!.id, repo.datacite(live[1]!));
    const r = w.finish();
    expect(r.records).toBe(live.length);
    expect(r.problems).toEqual([]);
    expect(await readFile(file, 'utf8')).toBe(text);
    expect(await readdir(join(out, 'reordered'))).toEqual(['static-repository.xml']);
  });

  it('writes the model it is given, not one of its own', async () => {
    const file = join(out, 'given', 'static-repository.xml');
    const w = openStaticRepository(repo, file, opts);
    const item = repo.items.find((i) => !i.deleted && i.kind === 'dataset')!;
    const model = repo.datacite(item);
    w.add(item.id, { ...model, titles: [{ title: 'Title from the exports model' }] });
    w.finish();
    const records = parser.parse(await readFile(file, 'utf8')).Repository.ListRecords[0].record;
    const mine = records.find((x: { header: { identifier: string } }) => x.header.identifier === item.identifier);
    expect(mine.metadata.dc.title).toBe('Title from the exports model');
  });

  it('reports a record it cannot serialise and writes the others', async () => {
    const file = join(out, 'broken', 'static-repository.xml');
    const w = openStaticRepository(repo, file, opts);
    const item = repo.items.find((i) => !i.deleted && i.kind === 'dataset')!;
    w.add(item.id, { ...repo.datacite(item), titles: undefined } as never);
    const r = w.finish();
    expect(r.problems.map((p) => p.identifier)).toEqual([item.identifier]);
    expect(r.records).toBe(repo.items.filter((i) => !i.deleted).length - 1);
    expect(await readFile(file, 'utf8')).not.toContain(`<oai:identifier>${item.identifier}</oai:identifier>`);
  });

  it('leaves nothing behind when aborted', async () => {
    const dir = join(out, 'aborted');
    const w = openStaticRepository(repo, join(dir, 'static-repository.xml'), opts);
    const item = repo.items.find((i) => !i.deleted)!;
    w.add(item.id, repo.datacite(item));
    w.abort();
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('the build hook', () => {
  it('writes dist/oai/static-repository.xml from the public site index, at the site URL', async () => {
    const { writeOaiStatic } = await import('./build-hook.ts');
    const { buildSiteIndex } = await import('../site/site-index.ts');
    const index = await buildSiteIndex(fx.root, { now: FIXTURE_NOW, includeEmbargoed: false });
    const r = await writeOaiStatic(fx.root, index, { history: {}, tombstones: [] }, out);
    expect(r.file).toBe(join(out, 'oai', 'static-repository.xml'));
    const xml = await readFile(r.file, 'utf8');
    expect(parser.parse(xml).Repository.Identify.baseURL).toBe('https://data.nordlys.example/oai/static-repository.xml');
    expect(r.records).toBe(index.datasets.length + index.publications.filter((p) => p.status === 'findable').length);
    expect(xml).not.toContain(CANARY_TITLE);
  });

  it('refuses an internal index that holds embargoed datasets', async () => {
    const { writeOaiStatic } = await import('./build-hook.ts');
    const { buildSiteIndex } = await import('../site/site-index.ts');
    const index = await buildSiteIndex(fx.root, { now: FIXTURE_NOW, includeEmbargoed: true });
    await expect(writeOaiStatic(fx.root, index, { history: {}, tombstones: [] }, out)).rejects.toThrow(/internal/);
  });
});
