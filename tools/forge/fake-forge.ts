/**
 * A faithful local stand-in for the forge REST APIs Shelfmark uses, for tests:
 * node:http on 127.0.0.1 with in-memory pull requests and comments, following
 * the documented shapes and status codes of
 *   GitHub  /api/v3 (Enterprise layout): pulls list/create/update, issue comments,
 *   GitLab  /api/v4: merge requests and notes (project id URL-encoded),
 *   Gitea   /api/v1: pulls and issue comments.
 * It records every request it receives (method, path, query, headers, JSON
 * body) so a test can assert exactly what an adapter sent. Like the real
 * forges it refuses a missing or wrong token (401) and a second open pull
 * request for the same head and base (GitHub/Gitea 422, GitLab 409).
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { readRequest } from '../core/test-http.ts';
import type { ForgeKind } from './forge.ts';

export interface RecordedRequest {
  method: string;
  /** The raw path without the query (GitLab project ids stay encoded). */
  path: string;
  query: Record<string, string>;
  headers: { authorization?: string; 'private-token'?: string; 'content-type'?: string; accept?: string };
  body?: unknown;
}

export interface FakePull {
  number: number;
  title: string;
  body: string;
  head: string;
  base: string;
  state: 'open' | 'closed';
}

export interface FakeComment {
  id: number;
  pr: number;
  body: string;
}

export interface FakeForge {
  kind: ForgeKind;
  /** Web base URL to put in the config's forge.url. */
  url: string;
  repository: string;
  token: string;
  requests: RecordedRequest[];
  pulls: FakePull[];
  comments: FakeComment[];
  stop(): Promise<void>;
}

const API_PREFIX: Record<ForgeKind, string> = { github: '/api/v3', gitlab: '/api/v4', gitea: '/api/v1' };

/** Starts a fake forge of `kind` hosting `repository`, accepting only `token`. */
export async function startFakeForge(kind: ForgeKind, opts: { repository?: string; token?: string } = {}): Promise<FakeForge> {
  const repository = opts.repository ?? 'nordlys/catalogue';
  const token = opts.token ?? 'test-token-123';
  const pulls: FakePull[] = [];
  const comments: FakeComment[] = [];
  const requests: RecordedRequest[] = [];
  let nextComment = 1001;
  let base = '';

  const web = (n: number) => (kind === 'gitlab' ? `${base}/${repository}/-/merge_requests/${n}` : `${base}/${repository}/pull/${n}`);
  const [owner] = repository.split('/') as [string];

  const pullJson = (p: FakePull) =>
    kind === 'gitlab'
      ? { id: 5000 + p.number, iid: p.number, web_url: web(p.number), title: p.title, description: p.body, source_branch: p.head, target_branch: p.base, state: p.state === 'open' ? 'opened' : 'closed' }
      : {
          id: 5000 + p.number,
          number: p.number,
          html_url: web(p.number),
          url: `${base}${API_PREFIX[kind]}/repos/${repository}/pulls/${p.number}`,
          title: p.title,
          body: p.body,
          state: p.state,
          head: { ref: p.head, label: `${owner}:${p.head}` },
          base: { ref: p.base, label: `${owner}:${p.base}` },
        };
  const commentJson = (c: FakeComment) =>
    kind === 'gitlab'
      ? { id: c.id, body: c.body, system: false, noteable_iid: c.pr }
      : { id: c.id, body: c.body, html_url: `${web(c.pr)}#issuecomment-${c.id}` };

  const authorised = (req: IncomingMessage): boolean => {
    if (kind === 'gitlab') return req.headers['private-token'] === token || req.headers.authorization === `Bearer ${token}`;
    return req.headers.authorization === `token ${token}` || req.headers.authorization === `Bearer ${token}`;
  };

  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const seen = await readRequest(req, ['authorization', 'private-token', 'content-type', 'accept'] as const);
    requests.push({ ...seen, query: Object.fromEntries(url.searchParams) });
    const { path: rawPath, body } = seen;

    const send = (status: number, value: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(value));
    };
    if (!authorised(req)) return send(401, { message: kind === 'gitlab' ? '401 Unauthorized' : 'Bad credentials' });
    const b = (body ?? {}) as Record<string, unknown>;
    const q = Object.fromEntries(url.searchParams);
    const prefix = API_PREFIX[kind];
    const repoPath = kind === 'gitlab' ? `${prefix}/projects/${encodeURIComponent(repository)}` : `${prefix}/repos/${repository}`;
    if (!rawPath.startsWith(repoPath)) return send(404, { message: 'Not Found' });
    const rest = rawPath.slice(repoPath.length);
    const method = req.method ?? 'GET';
    const find = (n: string | undefined) => pulls.find((p) => String(p.number) === n);
    let m: RegExpExecArray | null;

    const openPull = (head: string, baseRef: string, title: string, prBody: string) => {
      if (pulls.some((p) => p.state === 'open' && p.head === head && p.base === baseRef)) {
        return kind === 'gitlab'
          ? send(409, { message: [`Another open merge request already exists for this source branch: !${pulls.find((p) => p.head === head)!.number}`] })
          : send(422, { message: 'Validation Failed', errors: [{ resource: 'PullRequest', code: 'custom', message: `A pull request already exists for ${owner}:${head}.` }] });
      }
      const p: FakePull = { number: pulls.length + 1, title, body: prBody, head, base: baseRef, state: 'open' };
      pulls.push(p);
      return send(201, pullJson(p));
    };

    if (kind === 'gitlab') {
      if (rest === '/merge_requests' && method === 'GET') {
        const state = q.state === 'opened' ? 'open' : q.state === 'closed' ? 'closed' : undefined;
        return send(200, pulls.filter((p) => (!state || p.state === state) && (!q.source_branch || p.head === q.source_branch) && (!q.target_branch || p.base === q.target_branch)).map(pullJson));
      }
      if (rest === '/merge_requests' && method === 'POST')
        return openPull(String(b.source_branch), String(b.target_branch), String(b.title), String(b.description ?? ''));
      if ((m = /^\/merge_requests\/(\d+)$/.exec(rest)) && method === 'PUT') {
        const p = find(m[1]);
        if (!p) return send(404, { message: '404 Not found' });
        if (typeof b.title === 'string') p.title = b.title;
        if (typeof b.description === 'string') p.body = b.description;
        return send(200, pullJson(p));
      }
      if ((m = /^\/merge_requests\/(\d+)\/notes$/.exec(rest))) {
        const p = find(m[1]);
        if (!p) return send(404, { message: '404 Not found' });
        if (method === 'GET') {
          const per = Number(q.per_page ?? 20);
          const page = Number(q.page ?? 1);
          return send(200, comments.filter((c) => c.pr === p.number).slice((page - 1) * per, page * per).map(commentJson));
        }
        if (method === 'POST') {
          const c = { id: nextComment++, pr: p.number, body: String(b.body) };
          comments.push(c);
          return send(201, commentJson(c));
        }
      }
      if ((m = /^\/merge_requests\/(\d+)\/notes\/(\d+)$/.exec(rest)) && method === 'PUT') {
        const c = comments.find((x) => String(x.id) === m![2] && String(x.pr) === m![1]);
        if (!c) return send(404, { message: '404 Not found' });
        c.body = String(b.body);
        return send(200, commentJson(c));
      }
      return send(404, { message: '404 Not found' });
    }

    // GitHub and Gitea share the pulls/issues shape.
    if (rest === '/pulls' && method === 'GET') {
      const state = q.state ?? 'open';
      let list = pulls.filter((p) => state === 'all' || p.state === state);
      if (kind === 'github') {
        if (q.head) list = list.filter((p) => `${owner}:${p.head}` === q.head);
        if (q.base) list = list.filter((p) => p.base === q.base);
        const per = Number(q.per_page ?? 30);
        const page = Number(q.page ?? 1);
        return send(200, list.slice((page - 1) * per, page * per).map(pullJson));
      }
      const limit = Number(q.limit ?? 30);
      const page = Number(q.page ?? 1);
      return send(200, list.slice((page - 1) * limit, page * limit).map(pullJson));
    }
    if (rest === '/pulls' && method === 'POST') {
      if (typeof b.head !== 'string' || typeof b.base !== 'string' || typeof b.title !== 'string')
        return send(422, { message: 'Validation Failed', errors: [{ resource: 'PullRequest', code: 'missing_field' }] });
      return openPull(b.head, b.base, b.title, typeof b.body === 'string' ? b.body : '');
    }
    if ((m = /^\/pulls\/(\d+)$/.exec(rest)) && method === 'PATCH') {
      const p = find(m[1]);
      if (!p) return send(404, { message: 'Not Found' });
      if (typeof b.title === 'string') p.title = b.title;
      if (typeof b.body === 'string') p.body = b.body;
      return send(200, pullJson(p));
    }
    if ((m = /^\/issues\/(\d+)\/comments$/.exec(rest))) {
      const p = find(m[1]);
      if (!p) return send(404, { message: 'Not Found' });
      if (method === 'GET') {
        const per = Number(q.per_page ?? 30);
        const page = Number(q.page ?? 1);
        const list = comments.filter((c) => c.pr === p.number);
        return send(200, (kind === 'github' ? list.slice((page - 1) * per, page * per) : list).map(commentJson));
      }
      if (method === 'POST') {
        const c = { id: nextComment++, pr: p.number, body: String(b.body) };
        comments.push(c);
        return send(201, commentJson(c));
      }
    }
    if ((m = /^\/issues\/comments\/(\d+)$/.exec(rest)) && method === 'PATCH') {
      const c = comments.find((x) => String(x.id) === m![1]);
      if (!c) return send(404, { message: 'Not Found' });
      c.body = String(b.body);
      return send(200, commentJson(c));
    }
    return send(404, { message: 'Not Found' });
  });

  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const a = server.address();
      resolve(typeof a === 'object' && a ? a.port : 0);
    });
  });
  base = `http://127.0.0.1:${port}`;
  return {
    kind,
    url: base,
    repository,
    token,
    requests,
    pulls,
    comments,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
