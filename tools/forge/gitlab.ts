/**
 * GitLab adapter (REST API v4, merge requests and their notes).
 * https://docs.gitlab.com/api/merge_requests/ and https://docs.gitlab.com/api/notes/
 */
import { withMarker, type Forge, type PullRequest } from './forge.ts';
import { jsonClient } from './http.ts';

interface MergeRequest {
  iid: number;
  web_url: string;
  title: string;
  description: string | null;
  source_branch: string;
  target_branch: string;
}

interface Note {
  id: number;
  body: string;
  system?: boolean;
}

const toPr = (mr: MergeRequest): PullRequest => ({
  number: mr.iid,
  url: mr.web_url,
  title: mr.title,
  body: mr.description ?? '',
  head: mr.source_branch,
  base: mr.target_branch,
});

/** A Forge on GitLab: `apiUrl` like `https://gitlab.example.org/api/v4`, `project` the `group/name` path. */
export function gitlabForge(opts: { apiUrl: string; project: string; token: string }): Forge {
  const http = jsonClient('gitlab', opts.apiUrl, { 'private-token': opts.token });
  const project = `/projects/${encodeURIComponent(opts.project)}`;
  const q = (params: Record<string, string>) => new URLSearchParams(params).toString();
  return {
    kind: 'gitlab',
    async findPullRequest(head, base) {
      const list = await http.request<MergeRequest[]>('GET', `${project}/merge_requests?${q({ source_branch: head, target_branch: base, state: 'opened' })}`);
      const mr = list.find((m) => m.source_branch === head && m.target_branch === base);
      return mr && toPr(mr);
    },
    async openPullRequest(pr) {
      return toPr(
        await http.request<MergeRequest>('POST', `${project}/merge_requests`, {
          source_branch: pr.head,
          target_branch: pr.base,
          title: pr.title,
          description: pr.body,
        }),
      );
    },
    async updatePullRequest(number, change) {
      const body: Record<string, string> = {};
      if (change.title !== undefined) body.title = change.title;
      if (change.body !== undefined) body.description = change.body;
      return toPr(await http.request<MergeRequest>('PUT', `${project}/merge_requests/${number}`, body));
    },
    async upsertComment(number, marker, text) {
      const body = withMarker(marker, text);
      const notesPath = `${project}/merge_requests/${number}/notes`;
      // Notes are paged (20 by default); a review thread rarely exceeds a few pages.
      for (let page = 1; page <= 50; page++) {
        const notes = await http.request<Note[]>('GET', `${notesPath}?${q({ per_page: '100', page: String(page) })}`);
        const mine = notes.find((n) => !n.system && n.body.includes(marker));
        if (mine) {
          const n = await http.request<Note>('PUT', `${notesPath}/${mine.id}`, { body });
          return { id: n.id, body: n.body, created: false };
        }
        if (notes.length < 100) break;
      }
      const n = await http.request<Note>('POST', notesPath, { body });
      return { id: n.id, body: n.body, created: true };
    },
  };
}
