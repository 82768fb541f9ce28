/**
 * The one interface Shelfmark uses to talk to a git forge (GitHub, GitLab,
 * Gitea/Forgejo): find, open and update the pull request of a branch, and keep
 * one bot comment on it up to date. Each forge has one adapter in this folder;
 * `forgeFromConfig` (index.ts) picks it from the catalogue config. Adapters
 * return data and never print.
 */

/** A pull request (GitLab: merge request) as Shelfmark needs it. */
export interface PullRequest {
  /** The number shown in the forge (GitHub/Gitea `number`, GitLab `iid`). */
  number: number;
  /** The web page of the pull request. */
  url: string;
  title: string;
  body: string;
  /** Source branch name (without owner). */
  head: string;
  /** Target branch name. */
  base: string;
}

/** A pull request as GitHub's and Gitea's REST APIs return it (Gitea copies GitHub's shape). */
export interface RestPull {
  number: number;
  html_url: string;
  title: string;
  body?: string | null;
  head: { ref: string };
  base: { ref: string };
}

/** The pull request of a GitHub or Gitea API answer. */
export function pullFromRest(p: RestPull): PullRequest {
  return { number: p.number, url: p.html_url, title: p.title, body: p.body ?? '', head: p.head.ref, base: p.base.ref };
}

/** A comment on a pull request. */
export interface PullRequestComment {
  id: number;
  body: string;
  url?: string;
}

export interface NewPullRequest {
  title: string;
  body: string;
  head: string;
  base: string;
}

/** The narrow forge interface: everything `propose` and the review workflow need. */
export interface Forge {
  /** Which forge software this talks to. */
  readonly kind: ForgeKind;
  /** The OPEN pull request from branch `head` into `base`, if there is one. */
  findPullRequest(head: string, base: string): Promise<PullRequest | undefined>;
  /** Opens a pull request. */
  openPullRequest(pr: NewPullRequest): Promise<PullRequest>;
  /** Changes the title and/or body of pull request `number`. */
  updatePullRequest(number: number, change: { title?: string; body?: string }): Promise<PullRequest>;
  /**
   * Keeps ONE comment per `marker` on pull request `number`: updates the comment
   * whose body contains `marker` (an HTML comment such as `<!-- shelfmark:diff -->`),
   * or creates it. The marker is added to `body` when missing.
   */
  upsertComment(number: number, marker: string, body: string): Promise<PullRequestComment & { created: boolean }>;
}

export type ForgeKind = 'github' | 'gitlab' | 'gitea';

export type ForgeErrorCode =
  | 'E_FORGE_CONFIG'
  | 'E_FORGE_TOKEN'
  | 'E_FORGE_AUTH'
  | 'E_FORGE_NOT_FOUND'
  | 'E_FORGE_REJECTED'
  | 'E_FORGE_UNREACHABLE'
  | 'E_FORGE';

/** A forge call failed; `code` says which way, the message says what to do. */
export class ForgeError extends Error {
  readonly code: ForgeErrorCode;
  /** HTTP status, when the forge answered. */
  readonly status: number | undefined;

  constructor(code: ForgeErrorCode, message: string, status?: number) {
    super(message);
    this.name = 'ForgeError';
    this.code = code;
    this.status = status;
  }
}

/** The body with the marker on its first line (added when the caller left it out). */
export function withMarker(marker: string, body: string): string {
  return body.includes(marker) ? body : `${marker}\n${body}`;
}

/** Turns an HTTP failure of `what` (e.g. `POST /repos/o/r/pulls`) into an actionable ForgeError. */
export function httpError(kind: ForgeKind, what: string, status: number, said: string): ForgeError {
  const token = TOKEN_VARIABLE[kind];
  const detail = said ? `: ${said.slice(0, 300)}` : '';
  if (status === 401)
    return new ForgeError('E_FORGE_AUTH', `${kind}: ${what} was refused (401 unauthorised)${detail}. Check that ${token} holds a valid token.`, status);
  if (status === 403)
    return new ForgeError('E_FORGE_AUTH', `${kind}: ${what} was forbidden (403)${detail}. The token in ${token} needs write access to pull requests and comments of the repository.`, status);
  if (status === 404)
    return new ForgeError('E_FORGE_NOT_FOUND', `${kind}: ${what} found nothing (404)${detail}. Check forge.url and forge.repository in catalog/config.json, and that the token can see the repository.`, status);
  if (status === 409 || status === 422)
    return new ForgeError('E_FORGE_REJECTED', `${kind}: ${what} was rejected (${status})${detail}. Check that the branch was pushed and differs from the base branch.`, status);
  return new ForgeError('E_FORGE', `${kind}: ${what} failed with HTTP ${status}${detail}.`, status);
}

/** The environment variable each forge's token is read from. */
export const TOKEN_VARIABLE: Record<ForgeKind, string> = {
  github: 'GITHUB_TOKEN',
  gitlab: 'GITLAB_TOKEN',
  gitea: 'GITEA_TOKEN',
};
