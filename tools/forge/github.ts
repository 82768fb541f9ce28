/**
 * GitHub adapter, through @octokit/rest (REST: pulls and issue comments, since
 * a pull request's conversation is an issue there).
 * https://docs.github.com/en/rest/pulls/pulls and https://docs.github.com/en/rest/issues/comments
 */
import { Octokit } from '@octokit/rest';
import { ForgeError, httpError, pullFromRest, withMarker, type Forge, type RestPull } from './forge.ts';

/** Re-throws an Octokit failure as a ForgeError that says what to fix. */
async function call<T>(what: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    const e = err as { status?: number; message?: string; response?: unknown; cause?: { code?: string } };
    // Octokit reports a request that never got an answer as status 500 without a response.
    if (typeof e.status === 'number' && e.status > 0 && e.response !== undefined) throw httpError('github', what, e.status, e.message ?? '');
    throw new ForgeError('E_FORGE_UNREACHABLE', `github: ${what}: cannot reach the API (${e.message ?? e.cause?.code ?? String(err)}). Check forge.url in catalog/config.json and the network.`);
  }
}

/** A Forge on GitHub (or GitHub Enterprise): `apiUrl` like `https://api.github.com`, `repository` `owner/name`. */
export function githubForge(opts: { apiUrl: string; repository: string; token: string }): Forge {
  const [owner, repo] = opts.repository.split('/') as [string, string];
  // No retries or throttling plugins: a failed call is reported, never silently repeated.
  // Silent log: failures come back as ForgeErrors for the CLI to print once, not as Octokit's own lines.
  const quiet = { debug() {}, info() {}, warn() {}, error() {} };
  const octokit = new Octokit({ auth: opts.token, baseUrl: opts.apiUrl.replace(/\/+$/, ''), userAgent: 'shelfmark', log: quiet });
  const where = { owner, repo };
  return {
    kind: 'github',
    async findPullRequest(head, base) {
      // `head` must be qualified with the owner, or GitHub ignores the filter.
      const { data } = await call(`GET /repos/${owner}/${repo}/pulls`, () =>
        octokit.rest.pulls.list({ ...where, head: `${owner}:${head}`, base, state: 'open' }),
      );
      const pr = (data as RestPull[]).find((p) => p.head.ref === head && p.base.ref === base);
      return pr && pullFromRest(pr);
    },
    async openPullRequest(pr) {
      const { data } = await call(`POST /repos/${owner}/${repo}/pulls`, () =>
        octokit.rest.pulls.create({ ...where, title: pr.title, body: pr.body, head: pr.head, base: pr.base }),
      );
      return pullFromRest(data as RestPull);
    },
    async updatePullRequest(number, change) {
      const { data } = await call(`PATCH /repos/${owner}/${repo}/pulls/${number}`, () =>
        octokit.rest.pulls.update({ ...where, pull_number: number, ...change }),
      );
      return pullFromRest(data as RestPull);
    },
    async upsertComment(number, marker, text) {
      const body = withMarker(marker, text);
      const comments = await call(`GET /repos/${owner}/${repo}/issues/${number}/comments`, () =>
        octokit.paginate(octokit.rest.issues.listComments, { ...where, issue_number: number, per_page: 100 }),
      );
      const mine = comments.find((c) => (c.body ?? '').includes(marker));
      if (mine) {
        const { data } = await call(`PATCH /repos/${owner}/${repo}/issues/comments/${mine.id}`, () =>
          octokit.rest.issues.updateComment({ ...where, comment_id: mine.id, body }),
        );
        return { id: data.id, body: data.body ?? '', url: data.html_url, created: false };
      }
      const { data } = await call(`POST /repos/${owner}/${repo}/issues/${number}/comments`, () =>
        octokit.rest.issues.createComment({ ...where, issue_number: number, body }),
      );
      return { id: data.id, body: data.body ?? '', url: data.html_url, created: true };
    },
  };
}
