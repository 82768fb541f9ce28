import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadOaiRepository } from './repository.ts';
import { startOaiServer, type OaiServer } from './server.ts';
import { CANARY, FIXTURE_NOW, GENERATED, makeOaiFixture, WITHDRAWN, type OaiFixture } from './test-utils.ts';

let fx: OaiFixture;
let server: OaiServer;

beforeAll(async () => {
  fx = await makeOaiFixture();
  server = await startOaiServer({ repo: await loadOaiRepository(fx.root, FIXTURE_NOW), port: 0, pageSize: 4 });
}, 30_000);
afterAll(async () => {
  await server?.close();
  await fx?.cleanup();
});

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', removeNSPrefix: true, parseTagValue: false, isArray: (n) => n === 'record' || n === 'header' });
const post = (body: string, type = 'application/x-www-form-urlencoded') => fetch(server.url, { method: 'POST', headers: { 'content-type': type }, body });

describe('shelfmark oai serve', () => {
  it('listens on loopback at /oai and answers GET with text/xml', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/oai$/);
    const res = await fetch(`${server.url}?verb=Identify`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/xml; charset=utf-8');
    const id = parser.parse(await res.text())['OAI-PMH'].Identify;
    expect(id.baseURL).toBe(server.url);
    expect(id.deletedRecord).toBe('persistent');
  });

  it('harvests everything over POST, following resumption tokens', async () => {
    const seen: string[] = [];
    let body = 'verb=ListRecords&metadataPrefix=oai_datacite&set=openaire_data';
    for (let guard = 0; guard < 50; guard++) {
      const res = await post(body);
      expect(res.status).toBe(200);
      const list = parser.parse(await res.text())['OAI-PMH'].ListRecords;
      for (const r of list.record) seen.push(r.header[0].identifier);
      const token = list.resumptionToken?.['#text'];
      if (!token) break;
      body = new URLSearchParams({ verb: 'ListRecords', resumptionToken: token }).toString();
    }
    expect(seen.length).toBe(new Set(seen).size);
    expect(seen).toContain(`oai:data.nordlys.example:${GENERATED[5]!.pid}`);
    expect(seen).toContain(`oai:data.nordlys.example:${WITHDRAWN.pid}`);
    expect(seen.join(' ')).not.toContain(CANARY.pid);
    expect(seen).toHaveLength(GENERATED.length + 5); // + RAW, DERIVED, RESTRICTED, the findable DOI and the withdrawn one
  });

  it('answers protocol errors with 200 and an OAI error, and HTTP misuse with HTTP errors', async () => {
    const res = await fetch(`${server.url}?verb=ListRecords&metadataPrefix=oai_dc&metadataPrefix=datacite`);
    expect(res.status).toBe(200);
    expect(parser.parse(await res.text())['OAI-PMH'].error['@code']).toBe('badArgument');
    expect((await post('verb=Identify', 'application/json')).status).toBe(415);
    expect((await fetch(server.url, { method: 'DELETE' })).status).toBe(405);
    expect((await fetch(server.url.replace('/oai', '/other'))).status).toBe(404);
  });
});
