import { createConnection } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { cloneRepo, GitError, openRepo, type Engine } from './git.ts';
import { cleanupAll, makeTempDir, makeTempRepo, runGit, serveBareRepo, TEST_IDENTITY } from './test-utils.ts';

afterAll(cleanupAll);

const bare = (dir: string, ...args: string[]) => runGit(dir, [`--git-dir=${dir}`, ...args]);

const refused = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s = createConnection({ host: '127.0.0.1', port });
    s.once('connect', () => {
      s.destroy();
      resolve(false);
    });
    s.once('error', () => resolve(true));
  });

describe('serveBareRepo', () => {
  it('serves a bare repository that plain git can push to and clone from, and stops cleanly', async () => {
    const served = await serveBareRepo();
    expect(served.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/repo\.git$/);
    const repo = await makeTempRepo({ files: { 'catalog/a.json': { a: 1 } } });
    await repo.git('push', '-q', served.url, 'main');
    expect((await bare(served.bareDir, 'rev-parse', 'refs/heads/main')).trim()).toBe(repo.commits[0]);
    const clone = await makeTempDir();
    await runGit(clone, ['clone', '-q', served.url, 'c']);
    expect((await runGit(`${clone}/c`, ['rev-parse', 'HEAD'])).trim()).toBe(repo.commits[0]);
    const port = Number(new URL(served.url).port);
    await served.stop();
    expect(await refused(port)).toBe(true);
    await served.stop(); // a second stop is harmless
  });

  it('takes a push larger than git\'s 1 MB post buffer (chunked request body)', async () => {
    const { randomBytes } = await import('node:crypto');
    const files: Record<string, string> = {};
    for (let i = 0; i < 60; i++) files[`attachments/f${i}.txt`] = randomBytes(30_000).toString('base64');
    const repo = await makeTempRepo({ files });
    const served = await serveBareRepo();
    await repo.git('push', '-q', served.url, 'main');
    expect((await bare(served.bareDir, 'ls-tree', '-r', '--name-only', 'main')).trim().split('\n')).toHaveLength(60);
    await served.stop();
  });

  it('gives every server its own port', async () => {
    const [a, b] = await Promise.all([serveBareRepo(), serveBareRepo({ name: 'catalog.git' })]);
    expect(a.url).not.toBe(b.url);
    expect(b.url).toMatch(/\/catalog\.git$/);
    await Promise.all([a.stop(), b.stop()]);
  });
});

describe.each(['cli', 'iso'] as Engine[])('engine %s: remotes', (engine) => {
  it('pushes a committed batch to the served remote, which holds it', async () => {
    const served = await serveBareRepo();
    const repo = await makeTempRepo({ files: { 'catalog/a.json': { a: 1 } } });
    const g = await openRepo(repo.dir, { engine });
    expect(await g.remoteUrl('origin')).toBeUndefined();
    await g.addRemote('origin', served.url);
    expect(await g.remoteUrl('origin')).toBe(served.url);
    await g.push('origin', 'main');
    await g.createBranch('ingest/2024-02', { checkout: true });
    await repo.write({ 'catalog/b.json': { b: 2 }, 'catalog/a.json': null });
    await g.add(['catalog']);
    const sha = await g.commit({ message: 'ingest: two records', author: TEST_IDENTITY, date: '2024-02-01T00:00:00Z' });
    await g.push('origin', 'ingest/2024-02');

    // Read the pushed branch back from the bare repository itself.
    expect((await bare(served.bareDir, 'rev-parse', 'refs/heads/ingest/2024-02')).trim()).toBe(sha);
    expect(JSON.parse(await bare(served.bareDir, 'show', 'ingest/2024-02:catalog/b.json'))).toEqual({ b: 2 });
    expect((await bare(served.bareDir, 'ls-tree', '-r', '--name-only', 'ingest/2024-02')).trim()).toBe('catalog/b.json');
    // …and through the interface, on a fresh clone.
    const cloneDir = await makeTempDir();
    const clone = await cloneRepo(served.url, `${cloneDir}/c`, { engine });
    expect(await clone.currentBranch()).toBe('main');
    expect(await clone.remoteUrl('origin')).toBe(served.url);
    await clone.fetch('origin', 'ingest/2024-02');
    expect(await clone.revParse('origin/ingest/2024-02')).toBe(sha);
    expect(await clone.changedFiles('origin/main', 'origin/ingest/2024-02')).toEqual([
      { path: 'catalog/a.json', status: 'D' },
      { path: 'catalog/b.json', status: 'A' },
    ]);
    await served.stop();
  });

  it('reports a rejected push and a remote that is down, and force-pushes when asked', async () => {
    const served = await serveBareRepo();
    const a = await makeTempRepo({ files: { 'x.json': '1\n' } });
    const b = await makeTempRepo({ files: { 'x.json': '2\n' } });
    await a.git('push', '-q', served.url, 'main');
    const g = await openRepo(b.dir, { engine });
    await g.addRemote('origin', served.url);
    const err = await g.push('origin', 'main').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GitError);
    expect((err as GitError).code).toBe('E_GIT_PUSH_REJECTED');
    expect((err as GitError).message).toMatch(/fetch/i);
    await g.push('origin', 'main', { force: true });
    expect((await bare(served.bareDir, 'rev-parse', 'main')).trim()).toBe(b.commits[0]);
    await served.stop();
    const down = await g.push('origin', 'main').catch((e: unknown) => e);
    expect((down as GitError).code).toBe('E_GIT_REMOTE');
    const none = await g.fetch('nowhere').catch((e: unknown) => e);
    expect((none as GitError).code).toBe('E_GIT_REMOTE');
    const noClone = await cloneRepo(served.url, `${await makeTempDir()}/c`, { engine }).catch((e: unknown) => e);
    expect((noClone as GitError).code).toBe('E_GIT_REMOTE');
  });
});
