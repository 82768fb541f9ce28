/**
 * `shelfmark doi` as a process, against the local DataCite: the process is
 * killed (SIGKILL) after DataCite stored the change and before its answer
 * arrived, so the record was never written; the next run completes the job
 * without creating a second DOI.
 */
import { execFile, spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeDatacite, type FakeDatacite } from '../../datacite/fake-datacite.ts';
import { publish } from '../../publish/publish.ts';
import { publicationRel } from '../../publish/records.ts';
import { DERIVED_PID, makePublishCatalog, NOW, PID } from '../../publish/test-fixture.ts';
import type { TestCatalog } from '../../catalog/test-catalog.ts';

const CLI = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'shelfmark.ts');
let cat: TestCatalog;
let fake: FakeDatacite;
let doi: string;

const env = () => ({ ...process.env, DATACITE_USERNAME: fake.username, DATACITE_PASSWORD: fake.password });
const run = (args: string[], extraEnv: NodeJS.ProcessEnv = env()) =>
  new Promise<{ code: number; out: string; err: string }>((done) => {
    execFile(process.execPath, [CLI, ...args, '--root', cat.root], { env: extraEnv }, (e, out, err) =>
      done({ code: e ? Number((e as { code?: number }).code ?? 1) : 0, out, err }),
    );
  });

beforeEach(async () => {
  cat = makePublishCatalog();
  fake = await startFakeDatacite();
  const config = JSON.parse(readFileSync(join(cat.root, 'config.json'), 'utf8')) as Record<string, unknown>;
  writeFileSync(join(cat.root, 'config.json'), JSON.stringify({ ...config, datacite: { endpoint: fake.url } }, null, 2));
  doi = (await publish({ root: cat.root, pids: [PID, DERIVED_PID], now: NOW })).publication.doi;
});
afterEach(async () => {
  cat.cleanup();
  await fake.close();
});

describe('shelfmark doi (process)', () => {
  it('killed after DataCite stored the DOI: the next run finds it, sends PUT and writes the record; one DOI only', async () => {
    fake.delay(3_000);
    const child = spawn(process.execPath, [CLI, 'doi', 'publish', doi, '--root', cat.root], { env: env(), stdio: 'ignore' });
    fake.onStore(() => child.kill('SIGKILL'));
    const signal = await new Promise<NodeJS.Signals | null>((done) => child.on('exit', (_code, sig) => done(sig)));
    expect(signal).toBe('SIGKILL');
    expect(fake.dois.get(doi)?.state).toBe('findable');
    expect(cat.read(publicationRel(doi)).status).toBe('draft');

    fake.delay(0);
    fake.onStore(undefined);
    const r = await run(['doi', 'publish', doi]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain(`${doi}: findable → findable (PUT /dois/${doi})`);
    expect(cat.read(publicationRel(doi)).status).toBe('findable');
    expect(fake.requests.filter((q) => q.method === 'POST')).toHaveLength(1);
    expect(fake.dois.get(doi)?.created).toBe(1);
  }, 30_000);

  it('without credentials: says which variables to set, exit 2, nothing sent', async () => {
    const { DATACITE_USERNAME: _u, DATACITE_PASSWORD: _p, ...rest } = env();
    const r = await run(['doi', 'register', doi], rest);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^shelfmark doi: DATACITE_USERNAME and DATACITE_PASSWORD not set\./);
    expect(fake.requests).toEqual([]);
  }, 30_000);

  it('publish refuses an embargoed dataset with exit 2 and one actionable message', async () => {
    const r = await run(['publish', '20.500.12345/20240017/xps-0002']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('is under embargo until 2027-03-14');
    expect(r.err).not.toMatch(/\n\s+at /); // no stack trace
  }, 30_000);
});
