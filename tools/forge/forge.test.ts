import { afterEach, describe, expect, it } from 'vitest';
import { ForgeError, apiUrlOf, forgeFromConfig, type Forge } from './index.ts';
import { startFakeForge, type FakeForge } from './fake-forge.ts';

let fake: FakeForge | undefined;
afterEach(async () => {
  await fake?.stop();
  fake = undefined;
});

const MARKER = '<!-- shelfmark:diff -->';

async function open(kind: 'github' | 'gitlab' | 'gitea', token = 'test-token-123'): Promise<{ fake: FakeForge; forge: Forge }> {
  fake = await startFakeForge(kind, { repository: 'nordlys/catalogue' });
  const env = { GITHUB_TOKEN: token, GITLAB_TOKEN: token, GITEA_TOKEN: token };
  const forge = await forgeFromConfig({ kind, url: fake.url, repository: 'nordlys/catalogue', branch: 'main' }, env);
  return { fake, forge: forge! };
}

/** Runs the same conversation on every forge: find none, open, find it, update, comment twice. */
async function conversation(forge: Forge) {
  expect(await forge.findPullRequest('curate/abc', 'main')).toBeUndefined();
  const opened = await forge.openPullRequest({ title: 'Update 1 dataset', body: 'first', head: 'curate/abc', base: 'main' });
  const found = await forge.findPullRequest('curate/abc', 'main');
  const updated = await forge.updatePullRequest(opened.number, { title: 'Update 2 datasets', body: 'second' });
  const c1 = await forge.upsertComment(opened.number, MARKER, 'diff v1');
  const c2 = await forge.upsertComment(opened.number, MARKER, `${MARKER}\ndiff v2`);
  return { opened, found, updated, c1, c2 };
}

describe('GitHub adapter (via @octokit/rest) against a local GitHub REST stand-in', () => {
  it('sends exactly the documented requests for find, open, update and one updated comment', async () => {
    const { fake, forge } = await open('github');
    const { opened, found, updated, c1, c2 } = await conversation(forge);
    expect(opened).toEqual({ number: 1, url: `${fake.url}/nordlys/catalogue/pull/1`, title: 'Update 1 dataset', body: 'first', head: 'curate/abc', base: 'main' });
    expect(found?.number).toBe(1);
    expect(updated.title).toBe('Update 2 datasets');
    expect(c1).toMatchObject({ created: true, body: `${MARKER}\ndiff v1` });
    expect(c2).toMatchObject({ created: false, id: c1.id, body: `${MARKER}\ndiff v2` });
    expect(fake.comments).toHaveLength(1);

    const repo = '/api/v3/repos/nordlys/catalogue';
    expect(fake.requests.map((r) => ({ method: r.method, path: r.path, query: r.query, body: r.body }))).toEqual([
      { method: 'GET', path: `${repo}/pulls`, query: { head: 'nordlys:curate/abc', base: 'main', state: 'open' }, body: undefined },
      { method: 'POST', path: `${repo}/pulls`, query: {}, body: { title: 'Update 1 dataset', body: 'first', head: 'curate/abc', base: 'main' } },
      { method: 'GET', path: `${repo}/pulls`, query: { head: 'nordlys:curate/abc', base: 'main', state: 'open' }, body: undefined },
      { method: 'PATCH', path: `${repo}/pulls/1`, query: {}, body: { title: 'Update 2 datasets', body: 'second' } },
      { method: 'GET', path: `${repo}/issues/1/comments`, query: { per_page: '100' }, body: undefined },
      { method: 'POST', path: `${repo}/issues/1/comments`, query: {}, body: { body: `${MARKER}\ndiff v1` } },
      { method: 'GET', path: `${repo}/issues/1/comments`, query: { per_page: '100' }, body: undefined },
      { method: 'PATCH', path: `${repo}/issues/comments/${c1.id}`, query: {}, body: { body: `${MARKER}\ndiff v2` } },
    ]);
    for (const r of fake.requests) {
      expect(r.headers.authorization).toBe('token test-token-123');
      expect(r.headers.accept).toBe('application/vnd.github.v3+json');
      if (r.body !== undefined) expect(r.headers['content-type']).toMatch(/^application\/json/);
    }
  });

  it('reports a second PR for the same branch, a bad token and an unknown repository as ForgeErrors with advice', async () => {
    const { forge } = await open('github');
    await forge.openPullRequest({ title: 't', body: 'b', head: 'curate/x', base: 'main' });
    const dup = await forge.openPullRequest({ title: 't', body: 'b', head: 'curate/x', base: 'main' }).catch((e: unknown) => e);
    expect(dup).toBeInstanceOf(ForgeError);
    expect(dup).toMatchObject({ code: 'E_FORGE_REJECTED', status: 422 });

    const bad = await forgeFromConfig({ kind: 'github', url: fake!.url, repository: 'nordlys/catalogue' }, { GITHUB_TOKEN: 'wrong' });
    const err = (await bad!.findPullRequest('a', 'main').catch((e: unknown) => e)) as ForgeError;
    expect(err.code).toBe('E_FORGE_AUTH');
    expect(err.message).toContain('GITHUB_TOKEN');

    const other = await forgeFromConfig({ kind: 'github', url: fake!.url, repository: 'nordlys/other' }, { GITHUB_TOKEN: 'test-token-123' });
    expect(await other!.findPullRequest('a', 'main').catch((e: unknown) => (e as ForgeError).code)).toBe('E_FORGE_NOT_FOUND');
  });
});

describe('GitLab adapter against a local GitLab REST v4 stand-in', () => {
  it('sends exactly the documented merge request and note requests', async () => {
    const { fake, forge } = await open('gitlab');
    const { opened, found, updated, c1, c2 } = await conversation(forge);
    expect(opened).toEqual({ number: 1, url: `${fake.url}/nordlys/catalogue/-/merge_requests/1`, title: 'Update 1 dataset', body: 'first', head: 'curate/abc', base: 'main' });
    expect(found?.number).toBe(1);
    expect(updated.body).toBe('second');
    expect(c2).toMatchObject({ created: false, id: c1.id });

    const p = '/api/v4/projects/nordlys%2Fcatalogue';
    expect(fake.requests.map((r) => ({ method: r.method, path: r.path, query: r.query, body: r.body }))).toEqual([
      { method: 'GET', path: `${p}/merge_requests`, query: { source_branch: 'curate/abc', target_branch: 'main', state: 'opened' }, body: undefined },
      { method: 'POST', path: `${p}/merge_requests`, query: {}, body: { source_branch: 'curate/abc', target_branch: 'main', title: 'Update 1 dataset', description: 'first' } },
      { method: 'GET', path: `${p}/merge_requests`, query: { source_branch: 'curate/abc', target_branch: 'main', state: 'opened' }, body: undefined },
      { method: 'PUT', path: `${p}/merge_requests/1`, query: {}, body: { title: 'Update 2 datasets', description: 'second' } },
      { method: 'GET', path: `${p}/merge_requests/1/notes`, query: { per_page: '100', page: '1' }, body: undefined },
      { method: 'POST', path: `${p}/merge_requests/1/notes`, query: {}, body: { body: `${MARKER}\ndiff v1` } },
      { method: 'GET', path: `${p}/merge_requests/1/notes`, query: { per_page: '100', page: '1' }, body: undefined },
      { method: 'PUT', path: `${p}/merge_requests/1/notes/${c1.id}`, query: {}, body: { body: `${MARKER}\ndiff v2` } },
    ]);
    for (const r of fake.requests) {
      expect(r.headers['private-token']).toBe('test-token-123');
      expect(r.headers.authorization).toBeUndefined();
    }
    const dup = await forge.openPullRequest({ title: 't', body: 'b', head: 'curate/abc', base: 'main' }).catch((e: unknown) => e);
    expect(dup).toMatchObject({ code: 'E_FORGE_REJECTED', status: 409 });
  });
});

describe('Gitea/Forgejo adapter against a local Gitea REST v1 stand-in', () => {
  it('sends exactly the documented pull and issue comment requests', async () => {
    const { fake, forge } = await open('gitea');
    const { opened, found, c1 } = await conversation(forge);
    expect(opened.url).toBe(`${fake.url}/nordlys/catalogue/pull/1`);
    expect(found?.head).toBe('curate/abc');

    const r = '/api/v1/repos/nordlys/catalogue';
    expect(fake.requests.map((x) => ({ method: x.method, path: x.path, query: x.query, body: x.body }))).toEqual([
      { method: 'GET', path: `${r}/pulls`, query: { state: 'open', page: '1', limit: '50' }, body: undefined },
      { method: 'POST', path: `${r}/pulls`, query: {}, body: { head: 'curate/abc', base: 'main', title: 'Update 1 dataset', body: 'first' } },
      { method: 'GET', path: `${r}/pulls`, query: { state: 'open', page: '1', limit: '50' }, body: undefined },
      { method: 'PATCH', path: `${r}/pulls/1`, query: {}, body: { title: 'Update 2 datasets', body: 'second' } },
      { method: 'GET', path: `${r}/issues/1/comments`, query: {}, body: undefined },
      { method: 'POST', path: `${r}/issues/1/comments`, query: {}, body: { body: `${MARKER}\ndiff v1` } },
      { method: 'GET', path: `${r}/issues/1/comments`, query: {}, body: undefined },
      { method: 'PATCH', path: `${r}/issues/comments/${c1.id}`, query: {}, body: { body: `${MARKER}\ndiff v2` } },
    ]);
    for (const x of fake.requests) expect(x.headers.authorization).toBe('token test-token-123');
  });

  it('finds a pull request on a later page of open pulls', async () => {
    const { fake, forge } = await open('gitea');
    for (let i = 0; i < 55; i++) await forge.openPullRequest({ title: `t${i}`, body: '', head: `b${i}`, base: 'main' });
    fake.requests.length = 0;
    expect((await forge.findPullRequest('b53', 'main'))?.number).toBe(54);
    expect(fake.requests.map((x) => x.query.page)).toEqual(['1', '2']);
  });
});

describe('forgeFromConfig', () => {
  it('gives no forge for kind none or no section, and refuses a missing token or url with the fix', async () => {
    expect(await forgeFromConfig(undefined, {})).toBeUndefined();
    expect(await forgeFromConfig({ kind: 'none' }, {})).toBeUndefined();
    const noToken = (await forgeFromConfig({ kind: 'gitlab', url: 'https://gitlab.example.org', repository: 'a/b' }, {}).catch((e: unknown) => e)) as ForgeError;
    expect(noToken.code).toBe('E_FORGE_TOKEN');
    expect(noToken.message).toContain('GITLAB_TOKEN');
    const noUrl = (await forgeFromConfig({ kind: 'gitea', repository: 'a/b' }, { GITEA_TOKEN: 't' }).catch((e: unknown) => e)) as ForgeError;
    expect(noUrl.code).toBe('E_FORGE_CONFIG');
  });

  it('derives the API base from the web URL', () => {
    expect(apiUrlOf('github', 'https://github.com/')).toBe('https://api.github.com');
    expect(apiUrlOf('github', 'https://ghe.example.org')).toBe('https://ghe.example.org/api/v3');
    expect(apiUrlOf('gitlab', 'https://gitlab.example.org/')).toBe('https://gitlab.example.org/api/v4');
    expect(apiUrlOf('gitea', 'https://codeberg.org')).toBe('https://codeberg.org/api/v1');
  });

  it('reports an unreachable GitHub as unreachable, not as an HTTP error', async () => {
    const f = await forgeFromConfig({ kind: 'github', url: 'http://127.0.0.1:1', repository: 'a/b' }, { GITHUB_TOKEN: 't' });
    const err = (await f!.findPullRequest('x', 'main').catch((e: unknown) => e)) as ForgeError;
    expect(err.code).toBe('E_FORGE_UNREACHABLE');
    expect(err.status).toBeUndefined();
  });

  it('reports an unreachable forge without a stack', async () => {
    const f = await forgeFromConfig({ kind: 'gitea', url: 'http://127.0.0.1:1', repository: 'a/b' }, { GITEA_TOKEN: 't' });
    const err = (await f!.findPullRequest('x', 'main').catch((e: unknown) => e)) as ForgeError;
    expect(err.code).toBe('E_FORGE_UNREACHABLE');
    expect(err.message).toContain('forge.url');
  });
});
