/**
 * Links into the forge that hosts the catalogue repository: the editor for a
 * record's file ("suggest an edit") and a commit page. GitHub, GitLab and
 * Gitea spell these URLs differently; nothing else about the forge is needed.
 */
import type { Forge } from './records.ts';

function base(forge: Forge): string | undefined {
  if (forge.kind === 'none' || !forge.url || !forge.repository) return undefined;
  return `${forge.url.replace(/\/+$/, '')}/${forge.repository.replace(/^\/+|\/+$/g, '')}`;
}

/** Where a record sits: its path under the catalogue root, the catalogue's folder in the repository, and its ids. */
export interface RecordLocation {
  rel: string;
  /** The catalogue root's path inside the repository ('' when it is the root); default `catalog`. */
  catalogDir?: string;
  pid?: string;
  proposalId?: string;
  name?: string;
}

/**
 * The forge's web editor for a record file, or undefined without a forge.
 * `editUrlTemplate` wins when set: `{path}` is the path in the repository
 * (schemas/config.schema.json), `{pid}`, `{proposalId}` and `{name}` the ids.
 */
export function editUrl(forge: Forge | undefined, loc: RecordLocation): string | undefined {
  if (!forge) return undefined;
  const dir = (loc.catalogDir ?? 'catalog').replace(/^\/+|\/+$/g, '');
  const path = dir ? `${dir}/${loc.rel}` : loc.rel;
  const branch = forge.branch ?? 'main';
  if (forge.editUrlTemplate) {
    // A template that already spells the catalogue folder before {path} means the path under it.
    const t = forge.editUrlTemplate;
    const p = dir && t.includes(`/${dir}/{path}`) ? loc.rel : path;
    return t
      .replaceAll('{path}', p)
      .replaceAll('{pid}', loc.pid ?? '')
      .replaceAll('{proposalId}', loc.proposalId ?? '')
      .replaceAll('{name}', loc.name ?? '');
  }
  const b = base(forge);
  if (!b) return undefined;
  switch (forge.kind) {
    case 'gitlab':
      return `${b}/-/edit/${branch}/${path}`;
    case 'gitea':
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
