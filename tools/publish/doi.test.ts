import { dirname } from 'node:path';
import { createServer } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PublicationRecord } from '../core/types.generated.ts';
import { httpDataciteApi, JSON_API, DataciteError, type DataciteApi } from '../datacite/client.ts';
import { startFakeDatacite, type FakeDatacite } from '../datacite/fake-datacite.ts';
import { initRepo } from '../git/git.ts';
import { runGit, TEST_IDENTITY } from '../git/test-utils.ts';
import type { TestCatalog } from '../catalog/test-catalog.ts';
import { doiAction } from './doi.ts';
import { publish } from './publish.ts';
import { PublishError, publicationRel } from './records.ts';
import { DERIVED_PID, makePublishCatalog, NOW, PID } from './test-fixture.ts';

let cat: TestCatalog;
let fake: FakeDatacite;
let api: DataciteApi;
let doi: string;
const LATER = new Date('2026-06-01T08:00:00Z');
const read = (d = doi) => cat.read(publicationRel(d)) as unknown as PublicationRecord;
const landing = (d: string) => `http://127.0.0.1:4321/doi/${d}/`;
const lines = () => fake.requests.map((r) => `${r.method} ${r.path}${(r.body as { data?: { attributes?: { event?: string } } })?.data?.attributes?.event ? ` ${(r.body as { data: { attributes: { event: string } } }).data.attributes.event}` : ''}`);
const connect = (endpoint = fake.url) => httpDataciteApi({ endpoint, username: fake.username, password: fake.password, baseDelayMs: 1, retries: 2 });

beforeEach(async () => {
  cat = makePublishCatalog();
  fake = await startFakeDatacite();
  api = connect();
  doi = (await publish({ root: cat.root, pids: [PID, DERIVED_PID], now: NOW })).publication.doi;
});
afterEach(async () => {
  cat.cleanup();
  await fake.close();
});

describe('shelfmark doi against the local DataCite', () => {
  it('register: GET (404), then POST with event register and the static landing page; the record becomes registered', async () => {
    const r = await doiAction({ root: cat.root, doi, action: 'register', api, now: LATER });
    expect(r.remoteBefore).toBeUndefined();
    expect(r.state).toBe('registered');
    expect(lines()).toEqual([`GET /dois/${doi}`, 'POST /dois register']);
    const post = fake.requests[1]!;
    expect(post.headers['content-type']).toBe(JSON_API);
    expect(post.headers.authorization).toBe(`Basic ${Buffer.from(`${fake.username}:${fake.password}`).toString('base64')}`);
    const attrs = (post.body as { data: { id: string; type: string; attributes: Record<string, unknown> } }).data;
    expect(attrs.id).toBe(doi);
    expect(attrs.type).toBe('dois');
    expect(attrs.attributes).toMatchObject({
      doi,
      event: 'register',
      url: landing(doi),
      titles: [{ title: 'Silver surfaces' }],
      publisher: { name: 'Test Light Source' },
      publicationYear: '2026',
      types: { resourceTypeGeneral: 'Dataset', resourceType: 'Dataset' },
      fundingReferences: [expect.objectContaining({ funderName: 'Swedish Research Council', awardNumber: '2021-04567' })],
    });
    expect(attrs.attributes.creators).toEqual([
      expect.objectContaining({
        nameIdentifiers: [{ nameIdentifier: 'https://orcid.org/0000-0002-1825-0097', nameIdentifierScheme: 'ORCID', schemeUri: 'https://orcid.org' }],
        affiliation: [expect.objectContaining({ affiliationIdentifier: 'https://ror.org/012a77v79', affiliationIdentifierScheme: 'ROR' })],
      }),
    ]);
    expect(read()).toMatchObject({ status: 'registered', registeredTime: '2026-06-01T08:00:00Z' });
  });

  it('publish after register: PUT with event publish; registeredTime stays; running it again sends no event and writes nothing', async () => {
    await doiAction({ root: cat.root, doi, action: 'register', api, now: LATER });
    const r = await doiAction({ root: cat.root, doi, action: 'publish', api, now: new Date('2027-01-01T00:00:00Z') });
    expect(r.remoteBefore).toBe('registered');
    expect(r.state).toBe('findable');
    expect(read()).toMatchObject({ status: 'findable', registeredTime: '2026-06-01T08:00:00Z' });
    const again = await doiAction({ root: cat.root, doi, action: 'publish', api });
    expect(again.written).toBe(false);
    expect(lines()).toEqual([`GET /dois/${doi}`, 'POST /dois register', `GET /dois/${doi}`, `PUT /dois/${doi} publish`, `GET /dois/${doi}`, `PUT /dois/${doi}`]);
    expect(fake.dois.get(doi)).toMatchObject({ state: 'findable', created: 1 });
  });

  it('hide takes a findable DOI back to registered; hiding a draft is refused with the reason', async () => {
    await doiAction({ root: cat.root, doi, action: 'update', api, now: LATER });
    expect(fake.dois.get(doi)?.state).toBe('draft');
    const err = (await doiAction({ root: cat.root, doi, action: 'hide', api }).catch((e: unknown) => e)) as PublishError;
    expect(err.code).toBe('E_PUBLISH_STATE');
    expect(err.message).toMatch(/is a draft at DataCite: it is not public/);
    await doiAction({ root: cat.root, doi, action: 'publish', api, now: LATER });
    const r = await doiAction({ root: cat.root, doi, action: 'hide', api, now: LATER });
    expect(r.state).toBe('registered');
    expect(fake.requests.at(-1)!.method).toBe('PUT');
    expect(read().status).toBe('registered');
  });

  it('--dry-run returns the payload and sends nothing, writes nothing', async () => {
    const r = await doiAction({ root: cat.root, doi, action: 'publish', dryRun: true });
    expect(r.dryRun).toBe(true);
    expect(r.request.method).toBe('POST');
    expect(r.request.body.data.attributes).toMatchObject({ doi, event: 'publish', url: landing(doi) });
    expect(fake.requests).toEqual([]);
    expect(read().status).toBe('draft');
  });

  it('crash after DataCite confirmed, before the record was written: the next run completes without a second DOI', async () => {
    const crash = doiAction({ root: cat.root, doi, action: 'publish', api, now: LATER, afterRemote: () => { throw new Error('killed'); } });
    await expect(crash).rejects.toThrow('killed');
    expect(fake.dois.get(doi)?.state).toBe('findable');
    expect(read().status).toBe('draft');
    const r = await doiAction({ root: cat.root, doi, action: 'publish', api, now: LATER });
    expect(r.remoteBefore).toBe('findable');
    expect(r.written).toBe(true);
    expect(read()).toMatchObject({ status: 'findable', registeredTime: '2026-06-01T08:00:00Z' });
    expect(lines().filter((l) => l.startsWith('POST'))).toHaveLength(1);
    expect(fake.dois.get(doi)?.created).toBe(1);
  });

  it('crash after the record was written, before the commit: the next run commits it', async () => {
    const repo = dirname(cat.root);
    await initRepo(repo);
    await runGit(repo, ['add', '.']);
    await runGit(repo, ['commit', '-qm', 'catalogue']);
    await doiAction({ root: cat.root, doi, action: 'publish', api, now: LATER }); // no commit: as if killed right after the write
    expect(await runGit(repo, ['status', '--porcelain'])).toBe(` M catalog/${publicationRel(doi)}\n`);
    const r = await doiAction({ root: cat.root, doi, action: 'publish', api, now: LATER, commit: { author: TEST_IDENTITY, date: LATER } });
    expect(r.written).toBe(false);
    expect(r.commit).toMatch(/^[0-9a-f]{40}$/);
    expect(await runGit(repo, ['status', '--porcelain'])).toBe('');
    expect((await runGit(repo, ['log', '-1', '--format=%s'])).trim()).toBe(`DOI ${doi}: publish (DataCite state findable)`);
    // And once more: nothing left to do, nothing fails.
    const again = await doiAction({ root: cat.root, doi, action: 'publish', api, now: LATER, commit: { author: TEST_IDENTITY } });
    expect(again.commit).toBeUndefined();
    expect(fake.dois.get(doi)?.created).toBe(1);
  });

  it('a POST whose answer was lost (DataCite says "taken") is turned into a PUT, never a second DOI', async () => {
    await api.create({ data: { type: 'dois', attributes: { doi } } }); // created by the lost attempt
    let first = true;
    const stale: DataciteApi = { ...api, get: async (d) => (first ? ((first = false), undefined) : api.get(d)) };
    const r = await doiAction({ root: cat.root, doi, action: 'register', api: stale, now: LATER });
    expect(r.state).toBe('registered');
    expect(r.request.method).toBe('PUT');
    expect(fake.dois.get(doi)?.created).toBe(1);
  });

  it('DataCite down: a clear message after the retries, and the record is unchanged', async () => {
    const port = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => resolve(p));
      });
    });
    const err = (await doiAction({ root: cat.root, doi, action: 'publish', api: connect(`http://127.0.0.1:${port}`) }).catch((e: unknown) => e)) as DataciteError;
    expect(err.code).toBe('E_DATACITE_UNAVAILABLE');
    expect(err.message).toMatch(/after 3 attempts \(last: ECONNREFUSED\).*run the same command again/);
    expect(read().status).toBe('draft');
  });

  it('DataCite answering 500 a few times: retried, then done', async () => {
    fake.failNext(2);
    const r = await doiAction({ root: cat.root, doi, action: 'register', api, now: LATER });
    expect(r.state).toBe('registered');
    expect(lines()).toEqual([`GET /dois/${doi}`, `GET /dois/${doi}`, `GET /dois/${doi}`, 'POST /dois register']);
  });

  it('wrong credentials: 401 surfaced with DataCite\'s title, nothing written', async () => {
    const bad = httpDataciteApi({ endpoint: fake.url, username: fake.username, password: 'nope' });
    const err = (await doiAction({ root: cat.root, doi, action: 'register', api: bad }).catch((e: unknown) => e)) as DataciteError;
    expect(err.code).toBe('E_DATACITE_AUTH');
    expect(err.details).toEqual([{ status: '401', title: 'Bad credentials.' }]);
    expect(read().status).toBe('draft');
  });
});

describe('versions at DataCite', () => {
  it('publishing a version also publishes its concept, whose record lists every version (HasVersion)', async () => {
    await doiAction({ root: cat.root, doi, action: 'publish', api, now: LATER });
    const v2 = await publish({ root: cat.root, pids: [PID], now: LATER, newVersionOf: doi });
    const concept = v2.concept!.doi;
    const r = await doiAction({ root: cat.root, doi: v2.publication.doi, action: 'publish', api, now: LATER });
    expect(r.concept?.doi).toBe(concept);
    expect(r.concept?.state).toBe('findable');
    expect(read(concept).status).toBe('findable');
    const attrs = fake.dois.get(concept.toLowerCase())!.attributes;
    expect(attrs.url).toBe(landing(concept));
    const rel = attrs.relatedIdentifiers as { relatedIdentifier: string; relationType: string }[];
    expect(rel.filter((x) => x.relationType === 'HasVersion').map((x) => x.relatedIdentifier).sort()).toEqual([doi, v2.publication.doi].sort());
    const v2attrs = fake.dois.get(v2.publication.doi)!.attributes;
    expect(v2attrs.version).toBe('2');
    expect(v2attrs.relatedIdentifiers).toContainEqual(expect.objectContaining({ relatedIdentifier: concept, relationType: 'IsVersionOf' }));
  });
});

describe('removing a findable publication', () => {
  it('hide still works once the record is gone: the DOI stays, its URL (now a tombstone page) unchanged, only the event is sent', async () => {
    await doiAction({ root: cat.root, doi, action: 'publish', api, now: LATER });
    const { rmSync } = await import('node:fs');
    const { join } = await import('node:path');
    rmSync(join(cat.root, publicationRel(doi)));
    const r = await doiAction({ root: cat.root, doi, action: 'hide', api });
    expect(r.state).toBe('registered');
    expect(fake.requests.at(-1)!.body).toEqual({ data: { id: doi, type: 'dois', attributes: { event: 'hide' } } });
    expect(fake.dois.get(doi)?.attributes.url).toBe(landing(doi));
    // Again: already registered, nothing to change.
    const again = await doiAction({ root: cat.root, doi, action: 'hide', api });
    expect(again.request.body.data.attributes).toEqual({});
    await expect(doiAction({ root: cat.root, doi: '10.5072/zzzz-zz00', action: 'hide', api })).rejects.toThrow(/DataCite does not know it either/);
  });
});
