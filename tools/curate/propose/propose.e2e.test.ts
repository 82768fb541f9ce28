/**
 * propose() on temporary repositories with a bare remote served on 127.0.0.1:
 * without a forge (git request-pull), on an ingest branch, against GitLab, and
 * the refusals (nothing to propose, branch already there).
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { recordPath } from '../../core/layout.ts';
import { forgeFromConfig } from '../../forge/index.ts';
import { startFakeForge, type FakeForge } from '../../forge/fake-forge.ts';
import { cleanupAll, TEST_IDENTITY, type TempRepo } from '../../git/test-utils.ts';
import { baseRecords, PID } from '../../catalog/test-catalog.ts';
import { pushedCatalogue } from '../test-remote.ts';
import { propose } from './propose.ts';

afterAll(cleanupAll);
let fake: FakeForge | undefined;
afterEach(async () => {
  await fake?.stop();
  fake = undefined;
});

/** A catalogue repository pushed to a fresh served remote as `origin`. */
async function catalogueRepo(): Promise<{ repo: TempRepo; url: string; bare: (...a: string[]) => Promise<string> }> {
  const { repo, remote, remoteGit } = await pushedCatalogue({ extraFiles: { 'README.md': 'catalogue\n' } });
  return { repo, url: remote.url, bare: remoteGit };
}

const dataset = (name: string) => ({ ...baseRecords().dataset, pid: `20.500.12345/20240017/${name}`, datasetName: name });
const fixed = { author: TEST_IDENTITY, date: '2024-05-01T00:00:00Z' };

describe('propose without a forge', () => {
  it('commits, pushes and returns what git request-pull prints; files outside the catalogue stay unstaged', async () => {
    const { repo, url, bare } = await catalogueRepo();
    await repo.write({ [`catalog/${recordPath('dataset', PID)}`]: { ...baseRecords().dataset, keywords: ['XPS'] }, 'README.md': 'changed\n' });
    const r = await propose({ root: `${repo.dir}/catalog`, forge: undefined, ...fixed });
    expect(r.branch).toMatch(/^curate\/[0-9a-f]{10}$/);
    expect(r.commit?.summary.title).toBe('Update 1 dataset in proposal 20240017: keywords');
    expect(r.ignored).toEqual(['README.md']);
    expect((await repo.git('status', '--porcelain')).trim()).toBe('M README.md');
    expect((await bare('rev-parse', r.branch)).trim()).toBe(r.commit?.sha);
    expect(r.requestPull).toContain('are available in the Git repository at:');
    expect(r.requestPull).toContain(url);
    expect(r.requestPull).toContain(r.branch);
    expect(r.requestPull).toContain('Update 1 dataset in proposal 20240017: keywords');
    expect(r.pullRequest).toBeUndefined();
  });

  it('refuses when there is nothing to propose, and when the same changes already have a branch', async () => {
    const { repo } = await catalogueRepo();
    await expect(propose({ root: `${repo.dir}/catalog`, forge: undefined })).rejects.toMatchObject({ code: 'E_CURATE_NO_CHANGES' });
    const change = { [`catalog/${recordPath('dataset', PID)}`]: { ...baseRecords().dataset, keywords: ['again'] } };
    await repo.write(change);
    const first = await propose({ root: `${repo.dir}/catalog`, forge: undefined, ...fixed });
    await repo.git('switch', '-q', 'main');
    await repo.write(change);
    const second = await propose({ root: `${repo.dir}/catalog`, forge: undefined }).catch((e: unknown) => e);
    expect(second).toMatchObject({ code: 'E_CURATE_BRANCH' });
    expect((second as Error).message).toContain(`git switch ${first.branch}`);
  });

  it('keeps the commit when the push fails, and a rerun on the branch pushes it', async () => {
    const { repo, url, bare } = await catalogueRepo();
    await repo.git('remote', 'set-url', 'origin', '/nonexistent/catalogue.git');
    await repo.write({ [`catalog/${recordPath('dataset', PID)}`]: { ...baseRecords().dataset, keywords: ['unpushed'] } });
    const err = (await propose({ root: `${repo.dir}/catalog`, forge: undefined, ...fixed }).catch((e: unknown) => e)) as Error & { code: string };
    expect(err.code).toBe('E_GIT_REMOTE');
    const branch = (await repo.git('branch', '--show-current')).trim();
    expect(err.message).toContain(`Your changes are committed on branch ${branch}`);
    await repo.git('remote', 'set-url', 'origin', url);
    const r = await propose({ root: `${repo.dir}/catalog`, forge: undefined });
    expect(r.branch).toBe(branch);
    expect(r.commit).toBeUndefined();
    expect(JSON.parse(await bare('show', `${branch}:catalog/${recordPath('dataset', PID)}`)).keywords).toEqual(['unpushed']);
  });

  it('refuses without the remote, naming the fix', async () => {
    const { repo } = await catalogueRepo();
    await expect(propose({ root: `${repo.dir}/catalog`, forge: undefined, remote: 'upstream' })).rejects.toThrow(/git remote add upstream/);
  });
});

describe('propose on a branch made by ingest', () => {
  it('proposes the branch as it is (clean tree) and opens one merge request on GitLab', async () => {
    const { repo } = await catalogueRepo();
    await repo.git('switch', '-q', '-c', 'ingest/flexpes/2024-03-15');
    await repo.commit({ message: 'ingest', files: { [`catalog/${recordPath('dataset', '20.500.12345/20240017/xps-0002')}`]: dataset('xps-0002'), [`catalog/${recordPath('dataset', '20.500.12345/20240017/xps-0003')}`]: dataset('xps-0003') } });
    fake = await startFakeForge('gitlab', { repository: 'nordlys/catalogue' });
    const forge = await forgeFromConfig({ kind: 'gitlab', url: fake.url, repository: 'nordlys/catalogue', branch: 'main' }, { GITLAB_TOKEN: fake.token });
    const r = await propose({ root: `${repo.dir}/catalog`, forge });
    expect(r.commit).toBeUndefined();
    expect(r.branch).toBe('ingest/flexpes/2024-03-15');
    expect(r.pullRequest).toMatchObject({ action: 'opened', pr: { number: 1, head: 'ingest/flexpes/2024-03-15', base: 'main', title: 'Add 2 datasets in proposal 20240017' } });
    expect(fake.requests.map((q) => `${q.method} ${q.path}`)).toEqual([
      'GET /api/v4/projects/nordlys%2Fcatalogue/merge_requests',
      'POST /api/v4/projects/nordlys%2Fcatalogue/merge_requests',
    ]);
    const again = await propose({ root: `${repo.dir}/catalog`, forge, title: 'Ingest of 15 March' });
    expect(again.pullRequest).toMatchObject({ action: 'updated', pr: { number: 1, title: 'Ingest of 15 March' } });
    // A later run without --title keeps the chosen title and only refreshes the body.
    await repo.commit({ message: 'ingest more', files: { [`catalog/${recordPath('dataset', '20.500.12345/20240017/xps-0004')}`]: dataset('xps-0004') } });
    fake.requests.length = 0;
    const third = await propose({ root: `${repo.dir}/catalog`, forge });
    expect(third.pullRequest).toMatchObject({ action: 'updated', pr: { number: 1, title: 'Ingest of 15 March' } });
    expect(fake.requests[1]).toMatchObject({ method: 'PUT', body: { description: expect.stringMatching(/^Add 3 datasets in proposal 20240017\n/) } });
    expect(fake.requests[1]!.body).not.toHaveProperty('title');
    expect(fake.pulls).toHaveLength(1);
  });
});

describe('propose --dry-run', () => {
  it('names the branch, commit and pull request a real run would make, and changes nothing', async () => {
    const { repo, bare } = await catalogueRepo();
    fake = await startFakeForge('github');
    const forge = await forgeFromConfig({ kind: 'github', url: fake.url, repository: fake.repository, branch: 'main' }, { GITHUB_TOKEN: fake.token });
    await repo.write({ [`catalog/${recordPath('dataset', PID)}`]: { ...baseRecords().dataset, keywords: ['dry'] } });
    const statusBefore = await repo.git('status', '--porcelain');
    const dry = await propose({ root: `${repo.dir}/catalog`, forge, dryRun: true });
    expect(dry.plan).toEqual({ commitTitle: 'Update 1 dataset in proposal 20240017: keywords', pullRequest: { action: 'open' } });
    expect(await repo.git('status', '--porcelain')).toBe(statusBefore);
    expect((await repo.git('branch', '--show-current')).trim()).toBe('main');
    expect((await bare('for-each-ref', '--format=%(refname)', 'refs/heads')).trim()).toBe('refs/heads/main');
    expect(fake.requests.map((q) => q.method)).toEqual(['GET']);

    const real = await propose({ root: `${repo.dir}/catalog`, forge, ...fixed });
    expect(real.branch).toBe(dry.branch);
    await repo.write({ [`catalog/${recordPath('dataset', PID)}`]: { ...baseRecords().dataset, keywords: ['dry', 'again'] } });
    const again = await propose({ root: `${repo.dir}/catalog`, forge, dryRun: true });
    expect(again.plan?.pullRequest).toEqual({ action: 'update', number: 1, url: real.pullRequest?.pr.url });
    expect((await repo.git('rev-parse', 'HEAD')).trim()).toBe(real.commit?.sha);
  });
});
