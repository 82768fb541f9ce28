import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateXml } from '../export/xsd.ts';
import { CANARY_TITLE, DERIVED } from '../site/test-fixture.ts';
import { respond, type OaiResponse } from './protocol.ts';
import { loadOaiRepository, type OaiRepository } from './repository.ts';
import { CANARY, FIXTURE_NOW, GENERATED, HAVE_SCHEMAS, makeOaiFixture, RAW, RESTRICTED, WITHDRAWN, writeOaiSchema, type OaiFixture } from './test-utils.ts';

const BASE = 'http://127.0.0.1:8080/oai';
const ID = (pid: string) => `oai:data.nordlys.example:${pid}`;
const PUB = '10.5072/shelfmark.pub-0001';

let fx: OaiFixture;
let repo: OaiRepository;
let xsd: string;
let xsdDir: string;

beforeAll(async () => {
  fx = await makeOaiFixture();
  repo = await loadOaiRepository(fx.root, FIXTURE_NOW);
  xsdDir = await mkdtemp(join(tmpdir(), 'shelfmark-oai-xsd-'));
  if (HAVE_SCHEMAS) xsd = await writeOaiSchema(xsdDir);
}, 30_000);
afterAll(async () => {
  await fx?.cleanup();
  await rm(xsdDir, { recursive: true, force: true });
});

const ask = (params: Record<string, string> | [string, string][], pageSize = 100): OaiResponse =>
  respond(repo, { baseUrl: BASE, params: Array.isArray(params) ? params : Object.entries(params), now: FIXTURE_NOW, pageSize });

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  parseTagValue: false,
  isArray: (name) => ['record', 'header', 'setSpec', 'set', 'metadataFormat', 'error'].includes(name),
});
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const parse = (xml: string): any => parser.parse(xml)['OAI-PMH'];

/** Every public record of the fixture, by OAI identifier; the canary is embargoed until 2028. */
const PUBLIC = [...GENERATED.map((d) => d.pid), RAW.pid, DERIVED.pid, RESTRICTED.pid, PUB].map(ID);

async function expectValid(xml: string): Promise<void> {
  const r = await validateXml(xml, xsd);
  expect(r.findings.filter((f) => !/parser warning/.test(f.message)), xml.slice(0, 2000)).toEqual([]);
  expect(r.valid).toBe(true);
}

describe.skipIf(!HAVE_SCHEMAS)('every response validates against OAI-PMH.xsd and the payload schemas (needs ../shared/corpus/oai-pmh-xsd)', () => {
  const requests: Record<string, Record<string, string>> = {
    Identify: { verb: 'Identify' },
    ListMetadataFormats: { verb: 'ListMetadataFormats' },
    'ListMetadataFormats for one item': { verb: 'ListMetadataFormats', identifier: ID(RAW.pid) },
    ListSets: { verb: 'ListSets' },
    ListIdentifiers: { verb: 'ListIdentifiers', metadataPrefix: 'oai_dc' },
    'ListRecords oai_dc': { verb: 'ListRecords', metadataPrefix: 'oai_dc' },
    'ListRecords oai_datacite': { verb: 'ListRecords', metadataPrefix: 'oai_datacite' },
    'ListRecords datacite': { verb: 'ListRecords', metadataPrefix: 'datacite' },
    'GetRecord oai_dc': { verb: 'GetRecord', metadataPrefix: 'oai_dc', identifier: ID(RAW.pid) },
    'GetRecord oai_datacite (publication)': { verb: 'GetRecord', metadataPrefix: 'oai_datacite', identifier: ID(PUB) },
    'GetRecord datacite': { verb: 'GetRecord', metadataPrefix: 'datacite', identifier: ID(DERIVED.pid) },
    'GetRecord deleted': { verb: 'GetRecord', metadataPrefix: 'oai_dc', identifier: ID(WITHDRAWN.pid) },
    'error badVerb': { verb: 'Harvest' },
    'error badArgument': { verb: 'ListRecords' },
    'error cannotDisseminateFormat': { verb: 'ListRecords', metadataPrefix: 'marc21' },
    'error idDoesNotExist': { verb: 'GetRecord', metadataPrefix: 'oai_dc', identifier: 'oai:x.example:nope' },
    'error noRecordsMatch': { verb: 'ListRecords', metadataPrefix: 'oai_dc', set: 'instrument:nowhere' },
    'error badResumptionToken': { verb: 'ListRecords', resumptionToken: 'garbage' },
  };
  for (const [name, params] of Object.entries(requests))
    it(name, async () => {
      await expectValid(ask(params).xml);
    });

  it('a resumed page, and the last page with its empty token, validate too', async () => {
    let r = ask({ verb: 'ListIdentifiers', metadataPrefix: 'oai_dc' }, 7);
    await expectValid(r.xml);
    let token = parse(r.xml).ListIdentifiers.resumptionToken['#text'] as string | undefined;
    while (token) {
      r = ask({ verb: 'ListIdentifiers', resumptionToken: token }, 7);
      await expectValid(r.xml);
      token = parse(r.xml).ListIdentifiers.resumptionToken['#text'];
    }
  });

  it('has teeth: a DataCite payload without its publisher fails', async () => {
    const xml = ask({ verb: 'GetRecord', metadataPrefix: 'oai_datacite', identifier: ID(RAW.pid) }).xml;
    const broken = xml.replace(/<publisher[^>]*>[^<]*<\/publisher>/, '');
    expect(broken).not.toBe(xml);
    expect((await validateXml(broken, xsd)).valid).toBe(false);
    const badDc = ask({ verb: 'GetRecord', metadataPrefix: 'oai_dc', identifier: ID(RAW.pid) }).xml.replace('<dc:title', '<dc:headline').replace('</dc:title>', '</dc:headline>');
    expect((await validateXml(badDc, xsd)).valid).toBe(false);
  });
});

describe('harvesting', () => {
  function harvest(verb: 'ListRecords' | 'ListIdentifiers', first: Record<string, string>, pageSize: number) {
    const seen: string[] = [];
    const deleted: string[] = [];
    const cursors: number[] = [];
    const xmls: string[] = [];
    let r = ask({ verb, ...first }, pageSize);
    for (let guard = 0; guard < 100; guard++) {
      xmls.push(r.xml);
      expect(r.error).toBeUndefined();
      const body = parse(r.xml)[verb];
      const headers = verb === 'ListRecords' ? (body.record ?? []).map((x: { header: unknown[] }) => x.header[0]) : (body.header ?? []);
      for (const h of headers) (h['@status'] === 'deleted' ? deleted : seen).push(h.identifier);
      const t = body.resumptionToken;
      if (!t) break;
      cursors.push(Number(t['@cursor']));
      expect(Number(t['@completeListSize'])).toBe(PUBLIC.length + 1);
      if (!t['#text']) break;
      r = ask({ verb, resumptionToken: t['#text'] }, pageSize);
    }
    return { seen, deleted, cursors, xml: xmls.join('\n') };
  }

  it('ListRecords with resumption tokens returns every public record exactly once, the withdrawn one as deleted, and no embargoed one', () => {
    const h = harvest('ListRecords', { metadataPrefix: 'oai_dc' }, 3);
    expect(h.seen).toHaveLength(new Set(h.seen).size);
    expect([...h.seen].sort()).toEqual([...PUBLIC].sort());
    expect(h.deleted).toEqual([ID(WITHDRAWN.pid)]);
    expect(h.cursors).toEqual([0, 3, 6, 9, 12, 15]);
    expect(h.xml).not.toContain(CANARY.pid);
    expect(h.xml).not.toContain(CANARY_TITLE);
    expect(h.xml).not.toContain('pub-0002'); // a draft DOI
  });

  it('gives the same list through ListIdentifiers and every format', () => {
    for (const metadataPrefix of ['oai_datacite', 'datacite']) expect(harvest('ListRecords', { metadataPrefix }, 4).seen.sort()).toEqual([...PUBLIC].sort());
    expect(harvest('ListIdentifiers', { metadataPrefix: 'oai_dc' }, 5).seen.sort()).toEqual([...PUBLIC].sort());
  });

  it('one page holds everything when it fits, without a token', () => {
    const body = parse(ask({ verb: 'ListIdentifiers', metadataPrefix: 'oai_dc' }).xml).ListIdentifiers;
    expect(body.header).toHaveLength(PUBLIC.length + 1);
    expect(body.resumptionToken).toBeUndefined();
  });

  it('selects by instrument set and by openaire_data', () => {
    const fjell = harvest('ListIdentifiers', { metadataPrefix: 'oai_dc', set: 'instrument:fjell' }, 100).seen;
    expect(fjell.sort()).toEqual(GENERATED.filter((d) => d.instrumentId === 'fjell').map((d) => ID(d.pid)).sort());
    const sets = parse(ask({ verb: 'ListSets' }).xml).ListSets.set.map((s: { setSpec: string[] }) => s.setSpec[0]);
    expect(sets).toEqual(['openaire_data', 'instrument:aurora', 'instrument:fjell']);
  });

  it('selects by from/until at day and seconds granularity, on datestamps from git history', () => {
    const ids = (args: Record<string, string>) => {
      const r = ask({ verb: 'ListIdentifiers', metadataPrefix: 'oai_dc', ...args });
      return r.error ?? parse(r.xml).ListIdentifiers.header.map((h: { identifier: string }) => h.identifier);
    };
    // WITHDRAWN removed 2025-02-01, DERIVED's embargo ended 2025-06-01, RESTRICTED edited 2025-09-01T12:30:00Z.
    expect(ids({ from: '2025-01-01' })).toEqual([ID(WITHDRAWN.pid), ID(DERIVED.pid), ID(RESTRICTED.pid)]);
    expect(ids({ from: '2025-09-01T12:30:00Z' })).toEqual([ID(RESTRICTED.pid)]);
    expect(ids({ from: '2025-09-01T12:30:01Z' })).toBe('noRecordsMatch');
    expect(ids({ until: '2024-04-01' })).toHaveLength(PUBLIC.length - 2);
    expect(ids({ from: '2025-06-01', until: '2025-06-01' })).toEqual([ID(DERIVED.pid)]);
    expect(ids({ until: '2024-03-31T23:59:59Z' })).toBe('noRecordsMatch');
  });

  it('reports the embargo end as the datestamp of a dataset that became public without a commit', () => {
    const h = parse(ask({ verb: 'GetRecord', metadataPrefix: 'oai_dc', identifier: ID(DERIVED.pid) }).xml).GetRecord.record[0].header[0];
    expect(h.datestamp).toBe('2025-06-01T00:00:00Z');
    expect(parse(ask({ verb: 'Identify' }).xml).Identify.earliestDatestamp).toBe('2024-04-01T08:00:00Z');
  });

  it('a removed dataset stays as a deleted record with the removal date and no metadata', () => {
    const rec = parse(ask({ verb: 'GetRecord', metadataPrefix: 'datacite', identifier: ID(WITHDRAWN.pid) }).xml).GetRecord.record[0];
    expect(rec.header[0]['@status']).toBe('deleted');
    expect(rec.header[0].datestamp).toBe('2025-02-01T09:00:00Z');
    expect(rec.metadata).toBeUndefined();
    expect(parse(ask({ verb: 'Identify' }).xml).Identify.deletedRecord).toBe('persistent');
  });

  it('disseminates the DataCite record of the dataset in each format', () => {
    const dc = parse(ask({ verb: 'GetRecord', metadataPrefix: 'oai_dc', identifier: ID(RAW.pid) }).xml).GetRecord.record[0].metadata.dc;
    expect(dc.title).toBe(RAW.datasetName);
    expect(dc.identifier).toContain('https://doi.org/10.5072/shelfmark.xps-0001');
    const dcite = parse(ask({ verb: 'GetRecord', metadataPrefix: 'oai_datacite', identifier: ID(RAW.pid) }).xml).GetRecord.record[0].metadata.oai_datacite;
    expect(dcite.schemaVersion).toBe('4.6');
    expect(dcite.payload.resource.identifier['#text']).toBe('10.5072/shelfmark.xps-0001');
    const kernel = parse(ask({ verb: 'GetRecord', metadataPrefix: 'datacite', identifier: ID(RAW.pid) }).xml).GetRecord.record[0].metadata.resource;
    expect(kernel.titles.title).toBe(RAW.datasetName);
  });
});

describe('errors, exactly per the spec', () => {
  const code = (params: Record<string, string> | [string, string][]) => ask(params).error;
  it('badVerb: no verb, an unknown verb, a repeated verb', () => {
    expect(code({})).toBe('badVerb');
    expect(code({ verb: 'ListEverything' })).toBe('badVerb');
    expect(code([['verb', 'Identify'], ['verb', 'Identify']])).toBe('badVerb');
  });
  it('badArgument: missing, illegal, repeated, bad dates, mixed granularity, from after until, token with other arguments', () => {
    expect(code({ verb: 'ListRecords' })).toBe('badArgument');
    expect(code({ verb: 'GetRecord', metadataPrefix: 'oai_dc' })).toBe('badArgument');
    expect(code({ verb: 'Identify', metadataPrefix: 'oai_dc' })).toBe('badArgument');
    expect(code([['verb', 'ListRecords'], ['metadataPrefix', 'oai_dc'], ['metadataPrefix', 'datacite']])).toBe('badArgument');
    expect(code({ verb: 'ListRecords', metadataPrefix: 'oai_dc', from: '2024-02-30' })).toBe('badArgument');
    expect(code({ verb: 'ListRecords', metadataPrefix: 'oai_dc', until: '2002-06-01T03:020:00Z' })).toBe('badArgument');
    expect(code({ verb: 'ListRecords', metadataPrefix: 'oai_dc', from: '2024-01-01', until: '2025-01-01T00:00:00Z' })).toBe('badArgument');
    expect(code({ verb: 'ListRecords', metadataPrefix: 'oai_dc', from: '2025-01-02', until: '2025-01-01' })).toBe('badArgument');
    expect(code({ verb: 'ListRecords', metadataPrefix: 'oai_dc', resumptionToken: 'x' })).toBe('badArgument');
    // §3.2: with badVerb and badArgument the request element carries no attributes.
    expect(ask({ verb: 'ListRecords' }).xml).toMatch(/<request>http:\/\/127\.0\.0\.1:8080\/oai<\/request>/);
    expect(ask({ verb: 'ListRecords', metadataPrefix: 'marc21' }).xml).toMatch(/<request verb="ListRecords" metadataPrefix="marc21">/);
  });
  it('cannotDisseminateFormat for an unknown metadataPrefix', () => {
    expect(code({ verb: 'ListIdentifiers', metadataPrefix: 'marc21' })).toBe('cannotDisseminateFormat');
    expect(code({ verb: 'GetRecord', metadataPrefix: 'oai_ddi', identifier: ID(RAW.pid) })).toBe('cannotDisseminateFormat');
  });
  it('idDoesNotExist for unknown and for embargoed records', () => {
    expect(code({ verb: 'GetRecord', metadataPrefix: 'oai_dc', identifier: ID('20.500.12345/20240017/nope') })).toBe('idDoesNotExist');
    expect(code({ verb: 'GetRecord', metadataPrefix: 'oai_dc', identifier: ID(CANARY.pid) })).toBe('idDoesNotExist');
    expect(code({ verb: 'ListMetadataFormats', identifier: ID(CANARY.pid) })).toBe('idDoesNotExist');
    expect(ask({ verb: 'GetRecord', metadataPrefix: 'oai_dc', identifier: ID(CANARY.pid) }).xml).not.toContain(CANARY_TITLE);
  });
  it('noRecordsMatch for an empty selection', () => {
    expect(code({ verb: 'ListRecords', metadataPrefix: 'oai_dc', set: 'instrument:nowhere' })).toBe('noRecordsMatch');
    expect(code({ verb: 'ListRecords', metadataPrefix: 'oai_dc', from: '2030-01-01' })).toBe('noRecordsMatch');
  });
  it('badResumptionToken: garbage, another verb, another repository state, past the end', async () => {
    expect(code({ verb: 'ListRecords', resumptionToken: 'not-a-token' })).toBe('badResumptionToken');
    expect(code({ verb: 'ListSets', resumptionToken: 'abc' })).toBe('badResumptionToken');
    const first = parse(ask({ verb: 'ListIdentifiers', metadataPrefix: 'oai_dc' }, 2).xml).ListIdentifiers.resumptionToken['#text'];
    expect(code({ verb: 'ListIdentifiers', resumptionToken: first })).toBeUndefined();
    expect(code({ verb: 'ListRecords', resumptionToken: first })).toBe('badResumptionToken');
    // Before DERIVED's embargo ended the item list was different: its tokens must not be honoured now.
    const older = await loadOaiRepository(fx.root, new Date('2025-01-01T00:00:00Z'));
    expect(older.fingerprint).not.toBe(repo.fingerprint);
    const oldToken = parse(respond(older, { baseUrl: BASE, params: [['verb', 'ListIdentifiers'], ['metadataPrefix', 'oai_dc']], pageSize: 2 }).xml).ListIdentifiers
      .resumptionToken['#text'];
    expect(code({ verb: 'ListIdentifiers', resumptionToken: oldToken })).toBe('badResumptionToken');
    const past = Buffer.from(JSON.stringify({ verb: 'ListIdentifiers', metadataPrefix: 'oai_dc', offset: 999, fingerprint: repo.fingerprint })).toString('base64url');
    expect(code({ verb: 'ListIdentifiers', resumptionToken: past })).toBe('badResumptionToken');
  });
});
