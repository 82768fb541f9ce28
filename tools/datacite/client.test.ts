import { createServer } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { credentialsFromEnv, DataciteError, httpDataciteApi, JSON_API, type HttpOptions } from './client.ts';
import { startFakeDatacite, type FakeDatacite } from './fake-datacite.ts';

const DOI = '10.5072/shelfmark.ab12-cd34';
const full = (extra: Record<string, unknown> = {}) => ({
  data: {
    id: DOI,
    type: 'dois' as const,
    attributes: {
      doi: DOI,
      url: 'https://data.example.org/doi/10.5072/shelfmark.ab12-cd34/',
      creators: [{ name: 'Svensson, Anna' }],
      titles: [{ title: 'Ag 3d spectra' }],
      publisher: { name: 'Test Light Source' },
      publicationYear: '2025',
      types: { resourceTypeGeneral: 'Dataset' },
      ...extra,
    },
  },
});

let fake: FakeDatacite;
let delays: number[];
const api = (o: Partial<HttpOptions> = {}) =>
  httpDataciteApi({
    endpoint: fake.url,
    username: fake.username,
    password: fake.password,
    baseDelayMs: 100,
    sleep: async (ms) => {
      delays.push(ms);
    },
    ...o,
  });

beforeEach(async () => {
  fake = await startFakeDatacite();
  delays = [];
});
afterEach(() => fake.close());

describe('DataCite REST adapter against the local stand-in', () => {
  it('sends the exact JSON:API requests: POST creates a draft (201), PUT with event publishes, GET reads it back', async () => {
    const a = api();
    expect(await a.get(DOI)).toBeUndefined();
    const created = await a.create(full());
    expect(created.state).toBe('draft');
    const published = await a.update(DOI, full({ event: 'publish' }));
    expect(published.state).toBe('findable');
    expect((await a.get(DOI))?.state).toBe('findable');

    const auth = `Basic ${Buffer.from('TEST.SHELFMARK:secret').toString('base64')}`;
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      `GET /dois/${DOI}`,
      'POST /dois',
      `PUT /dois/${DOI}`,
      `GET /dois/${DOI}`,
    ]);
    expect(fake.requests[0]!.headers).toEqual({ authorization: auth, accept: JSON_API });
    expect(fake.requests[1]!.headers).toEqual({ authorization: auth, accept: JSON_API, 'content-type': JSON_API });
    expect(fake.requests[1]!.body).toEqual(full());
    expect(fake.requests[2]!.body).toEqual(full({ event: 'publish' }));
    expect(fake.dois.get(DOI)?.created).toBe(1);
  });

  it('401 with wrong credentials carries the JSON:API title', async () => {
    const err = await api({ password: 'wrong' }).create(full()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DataciteError);
    expect((err as DataciteError).code).toBe('E_DATACITE_AUTH');
    expect((err as DataciteError).status).toBe(401);
    expect((err as DataciteError).message).toMatch(/Bad credentials\..*DATACITE_USERNAME/);
    expect(delays).toEqual([]); // an answer, not a fault: no retry
  });

  it('422 on invalid metadata names the fields (source) and titles', async () => {
    const bad = full({ event: 'publish', titles: [], url: undefined });
    const err = (await api().create(bad).catch((e: unknown) => e)) as DataciteError;
    expect(err.code).toBe('E_DATACITE_INVALID');
    expect(err.details.map((d) => d.source)).toEqual(['url', 'titles']);
    expect(err.message).toContain('titles: DOI 10.5072/shelfmark.ab12-cd34: Missing child element(s)');
    expect(fake.dois.size).toBe(0);
  });

  it('403 for a DOI outside the repository\'s prefixes, with the hint about the prefix', async () => {
    const other = { data: { type: 'dois' as const, attributes: { doi: '10.9999/abcd-ef12' } } };
    const err = (await api().create(other).catch((e: unknown) => e)) as DataciteError;
    expect(err.code).toBe('E_DATACITE_AUTH');
    expect(err.status).toBe(403);
    expect(err.message).toMatch(/You are not authorized.*owns the DOI prefix/);
  });

  it('a second POST of the same DOI is refused (422 taken), never a second DOI', async () => {
    await api().create(full());
    const err = (await api().create(full()).catch((e: unknown) => e)) as DataciteError;
    expect(err.details[0]).toEqual({ status: '422', source: 'doi', title: 'This DOI has already been taken' });
    expect(fake.dois.get(DOI)?.created).toBe(1);
  });

  it('an impossible transition (hide a draft) is a 422 on event', async () => {
    await api().create(full());
    const err = (await api().update(DOI, full({ event: 'hide' })).catch((e: unknown) => e)) as DataciteError;
    expect(err.details[0]?.source).toBe('event');
    expect(fake.dois.get(DOI)?.state).toBe('draft');
  });

  it('500 twice, then success: retried with exponential backoff', async () => {
    fake.failNext(2);
    const retries: string[] = [];
    const r = await api({ onRetry: (i) => retries.push(i.reason) }).create(full());
    expect(r.state).toBe('draft');
    expect(delays).toEqual([100, 200]);
    expect(retries[0]).toMatch(/^HTTP 500/);
    expect(fake.requests.filter((q) => q.method === 'POST')).toHaveLength(3);
  });

  it('500 for ever: bounded retries, then a clear message', async () => {
    fake.failNext(100);
    const err = (await api({ retries: 3 }).get(DOI).catch((e: unknown) => e)) as DataciteError;
    expect(err.code).toBe('E_DATACITE_UNAVAILABLE');
    expect(err.message).toMatch(/did not answer GET \/dois\/10\.5072\/shelfmark\.ab12-cd34 after 4 attempts \(last: HTTP 500/);
    expect(err.message).toContain('run the same command again');
    expect(delays).toEqual([100, 200, 400]);
    expect(fake.requests).toHaveLength(4);
  });

  it('429 is retried too, and the delay is capped', async () => {
    fake.failNext(3, 429);
    await api({ maxDelayMs: 250 }).get(DOI);
    expect(delays).toEqual([100, 200, 250]);
  });

  it('DataCite down (connection refused): retries, then E_DATACITE_UNAVAILABLE naming the cause', async () => {
    // A port that was free a moment ago and has nobody listening.
    const port = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => resolve(p));
      });
    });
    const err = (await api({ endpoint: `http://127.0.0.1:${port}`, retries: 2 }).get(DOI).catch((e: unknown) => e)) as DataciteError;
    expect(err.code).toBe('E_DATACITE_UNAVAILABLE');
    expect(err.message).toContain('ECONNREFUSED');
    expect(delays).toEqual([100, 200]);
  });

  it('DataCite slow: each attempt times out, then a clear message', async () => {
    fake.delay(2_000);
    const err = (await api({ timeoutMs: 150, retries: 1 }).get(DOI).catch((e: unknown) => e)) as DataciteError;
    expect(err.code).toBe('E_DATACITE_UNAVAILABLE');
    expect(err.message).toContain('no answer within 150 ms');
    expect(fake.requests).toHaveLength(2);
  });

  it('credentials come from the environment, and their absence says which variable to set', () => {
    expect(credentialsFromEnv({ DATACITE_USERNAME: 'A.B', DATACITE_PASSWORD: 'p' })).toEqual({ username: 'A.B', password: 'p' });
    expect(() => credentialsFromEnv({ DATACITE_USERNAME: 'A.B' })).toThrow(/DATACITE_PASSWORD not set/);
  });
});
