/**
 * Picks the forge adapter from the catalogue config's `forge` section and the
 * token from the environment (never from a file). No forge (or kind `none`)
 * gives undefined: `propose` then prints what `git request-pull` prints.
 */
import type { ForgeConfig as GeneratedForgeConfig } from '../core/types.generated.ts';
import { ForgeError, TOKEN_VARIABLE, type Forge, type ForgeKind } from './forge.ts';

export { ForgeError, type Forge, type PullRequest, type PullRequestComment, type ForgeKind } from './forge.ts';

/** The `forge` section of catalog/config.json (schemas/config.schema.json#/$defs/forge). */
export type ForgeConfig = Pick<GeneratedForgeConfig, 'kind' | 'url' | 'repository' | 'branch'>;

/**
 * The REST API base of a forge from its web URL: github.com → api.github.com,
 * any other GitHub host is Enterprise (`/api/v3`); GitLab `/api/v4`; Gitea and
 * Forgejo `/api/v1`.
 */
export function apiUrlOf(kind: ForgeKind, webUrl: string): string {
  const base = webUrl.replace(/\/+$/, '');
  switch (kind) {
    case 'github':
      return /^https?:\/\/(www\.)?github\.com$/i.test(base) ? 'https://api.github.com' : `${base}/api/v3`;
    case 'gitlab':
      return `${base}/api/v4`;
    case 'gitea':
      return `${base}/api/v1`;
  }
}

/** The adapter for `config`, or undefined when no forge is configured. Throws E_FORGE_CONFIG / E_FORGE_TOKEN. */
export async function forgeFromConfig(config: ForgeConfig | undefined, env: NodeJS.ProcessEnv = process.env): Promise<Forge | undefined> {
  if (!config || config.kind === 'none') return undefined;
  const { kind, url, repository } = config;
  if (!url || !repository)
    throw new ForgeError('E_FORGE_CONFIG', `catalog/config.json /forge: kind "${kind}" needs "url" and "repository" (e.g. "https://github.com" and "example/catalogue"). Add them, or set kind to "none".`);
  const variable = TOKEN_VARIABLE[kind];
  const token = env[variable];
  if (!token)
    throw new ForgeError('E_FORGE_TOKEN', `${kind}: no token. Set ${variable} in the environment to a token that may push and open pull requests on ${repository} (tokens are never read from files).`);
  const apiUrl = apiUrlOf(kind, url);
  switch (kind) {
    case 'github':
      return (await import('./github.ts')).githubForge({ apiUrl, repository, token });
    case 'gitlab':
      return (await import('./gitlab.ts')).gitlabForge({ apiUrl, project: repository, token });
    case 'gitea':
      return (await import('./gitea.ts')).giteaForge({ apiUrl, repository, token });
  }
}
