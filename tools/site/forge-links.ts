/**
 * Links into the forge that hosts the catalogue repository: the editor for a
 * record's file ("suggest an edit") and a commit page. GitHub, GitLab and
 * Gitea spell these URLs differently; nothing else about the forge is needed.
 */
import type { Forge } from './records.ts';

function base(forge: Forge): string | undefined {
  if (!forge.url || !forge.repo) return undefined;
  return `${forge.url.replace(/\/+$/, '')}/${forge.repo.replace(/^\/+|\/+$/g, '')}`;
}

const filePath = (forge: Forge, rel: string): string =>
  [(forge.catalogPath ?? 'catalog').replace(/^\/+|\/+$/g, ''), rel].filter(Boolean).join('/');

/** The forge's web editor for a catalogue file (`rel` relative to the catalogue root), or undefined without a forge. */
export function editUrl(forge: Forge | undefined, rel: string): string | undefined {
  if (!forge) return undefined;
  const b = base(forge);
  if (!b) return undefined;
  const branch = forge.branch ?? 'main';
  const path = filePath(forge, rel);
  switch (forge.kind) {
    case 'gitlab':
      return `${b}/-/edit/${branch}/${path}`;
    case 'gitea':
    case 'forgejo':
      return `${b}/_edit/${branch}/${path}`;
    default:
      return `${b}/edit/${branch}/${path}`;
  }
}

/** The forge's page for one commit, or undefined without a forge. */
export function commitUrl(forge: Forge | undefined, hash: string): string | undefined {
  if (!forge) return undefined;
  const b = base(forge);
  if (!b) return undefined;
  return forge.kind === 'gitlab' ? `${b}/-/commit/${hash}` : `${b}/commit/${hash}`;
}
