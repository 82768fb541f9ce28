/**
 * Gitea and Forgejo adapter (REST API v1: pulls, and issue comments, since a
 * pull request is an issue there). https://docs.gitea.com/api/1.22/
 */
import { pullFromRest, withMarker, type Forge, type RestPull } from './forge.ts';
import { jsonClient } from './http.ts';

interface GiteaComment {
  id: number;
  body: string;
  html_url?: string;
}

const PAGE = 50;

/** A Forge on Gitea/Forgejo: `apiUrl` like `https://gitea.example.org/api/v1`, `repository` `owner/name`. */
export function giteaForge(opts: { apiUrl: string; repository: string; token: string }): Forge {
  const http = jsonClient('gitea', opts.apiUrl, { authorization: `token ${opts.token}` });
  const repo = `/repos/${opts.repository.split('/').map(encodeURIComponent).join('/')}`;
  return {
    kind: 'gitea',
    async findPullRequest(head, base) {
      // The list has no head filter on older Gitea versions: page through the open ones.
      for (let page = 1; page <= 100; page++) {
        const list = await http.request<RestPull[]>('GET', `${repo}/pulls?state=open&page=${page}&limit=${PAGE}`);
        const pr = list.find((p) => p.head.ref === head && p.base.ref === base);
        if (pr) return pullFromRest(pr);
        if (list.length < PAGE) break;
      }
      return undefined;
    },
    async openPullRequest(pr) {
      return pullFromRest(await http.request<RestPull>('POST', `${repo}/pulls`, { head: pr.head, base: pr.base, title: pr.title, body: pr.body }));
    },
    async updatePullRequest(number, change) {
      const body: Record<string, string> = {};
      if (change.title !== undefined) body.title = change.title;
      if (change.body !== undefined) body.body = change.body;
      return pullFromRest(await http.request<RestPull>('PATCH', `${repo}/pulls/${number}`, body));
    },
    async upsertComment(number, marker, text) {
      const body = withMarker(marker, text);
      const comments = await http.request<GiteaComment[]>('GET', `${repo}/issues/${number}/comments`);
      const mine = comments.find((c) => c.body.includes(marker));
      const saved = mine
        ? await http.request<GiteaComment>('PATCH', `${repo}/issues/comments/${mine.id}`, { body })
        : await http.request<GiteaComment>('POST', `${repo}/issues/${number}/comments`, { body });
      return { id: saved.id, body: saved.body, ...(saved.html_url ? { url: saved.html_url } : {}), created: !mine };
    },
  };
}
