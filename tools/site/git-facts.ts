/**
 * What the site takes from git: each record's history (date, author, summary,
 * commit) and tombstones for datasets and publications removed from the
 * catalogue, so every URL the site ever published keeps resolving.
 * A catalogue outside git (a synthetic benchmark) simply has neither.
 */
import { relative, sep } from 'node:path';
import { classifyPath } from '../core/layout.ts';
import { datasetUrl, publicationUrl } from '../core/routes.ts';
import { authorList, citationText } from './citation.ts';
import type { HistoryEntry } from './dataset-view.ts';
import { isVisible, type Visibility } from './public-gate.ts';
import type { Dataset, Publication, SiteConfig } from './records.ts';
import { absoluteUrl } from '../core/routes.ts';

export interface Tombstone {
  kind: 'dataset' | 'publication';
  /** The pid or DOI. */
  id: string;
  url: string;
  title: string;
  citation: string;
  /** Why it went: the subject of the commit that removed it. */
  reason: string;
  removed: string;
  commit: string;
}

export interface GitFacts {
  history: Record<string, HistoryEntry[]>;
  tombstones: Tombstone[];
  /** The catalogue's folder inside the repository ('' at its root); undefined outside git. */
  catalogDir?: string;
  /** Why there is no history (not a git repository), for the build log. */
  note?: string;
}

/** A tombstone from the last content of a removed record, or undefined when that record was never public. */
export function tombstoneFor(
  rel: string,
  content: string,
  removed: { sha: string; date: string; subject: string },
  config: SiteConfig,
  visibility: Visibility,
): Tombstone | undefined {
  const info = classifyPath(rel);
  if (!info || (info.type !== 'dataset' && info.type !== 'publication')) return undefined;
  let record: Record<string, unknown>;
  try {
    record = JSON.parse(content) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  const base = config.siteBaseUrl ?? 'http://localhost/';
  const publisher = config.publisher ?? config.facility?.name ?? '';
  const common = { reason: removed.subject, removed: removed.date, commit: removed.sha };
  if (info.type === 'dataset') {
    const ds = record as unknown as Dataset;
    // A removed dataset that was embargoed when removed must stay unknown.
    if (typeof ds.pid !== 'string' || !isVisible(ds, visibility)) return undefined;
    let url: string;
    try {
      url = datasetUrl(ds.pid);
    } catch {
      return undefined;
    }
    const title = ds.datasetName ?? ds.pid;
    const year = (ds.creationTime ?? '').slice(0, 4) || 'n.d.';
    const cite = ds.doi ? `https://doi.org/${ds.doi}` : absoluteUrl(base, url);
    return {
      kind: 'dataset',
      id: ds.pid,
      url,
      title,
      citation: citationText({ authors: authorList(ds.creators ?? []), year, title, publisher, url: cite }),
      ...common,
    };
  }
  const pub = record as unknown as Publication;
  if (typeof pub.doi !== 'string' || (pub.status === 'draft' && !visibility.includeEmbargoed)) return undefined;
  const title = pub.title ?? pub.doi;
  return {
    kind: 'publication',
    id: pub.doi,
    url: publicationUrl(pub.doi),
    title,
    citation: citationText({
      authors: authorList(pub.creators ?? []),
      year: String(pub.publicationYear ?? 'n.d.'),
      title,
      publisher: pub.publisher ?? publisher,
      url: `https://doi.org/${pub.doi}`,
    }),
    ...common,
  };
}

/** Reads history and removed records of the catalogue at `root` from its git repository. */
export async function readGitFacts(root: string, config: SiteConfig, visibility: Visibility, live: Set<string>): Promise<GitFacts> {
  const { openRepo } = await import('../git/git.ts');
  let repo;
  try {
    repo = await openRepo(root);
  } catch (err) {
    return { history: {}, tombstones: [], note: `no record history: ${(err as Error).message}` };
  }
  const prefix = relative(repo.dir, root).split(sep).join('/');
  const toRel = (p: string): string | undefined =>
    prefix === '' ? p : p.startsWith(`${prefix}/`) ? p.slice(prefix.length + 1) : undefined;
  const history: Record<string, HistoryEntry[]> = {};
  const changes = await repo.history({ paths: [prefix || '.'] });
  for (const [path, list] of changes) {
    const rel = toRel(path);
    if (!rel || !classifyPath(rel)) continue;
    history[rel] = list.map((c) => ({ hash: c.sha, date: c.date, author: c.author.name, summary: c.subject }));
  }
  const tombstones: Tombstone[] = [];
  for (const folder of ['datasets', 'publications']) {
    const gone = await repo.deletedFiles(prefix ? `${prefix}/${folder}` : folder);
    for (const g of gone) {
      const rel = toRel(g.path);
      if (!rel) continue;
      const t = tombstoneFor(rel, g.content, g.deletedIn, config, visibility);
      // A record moved elsewhere, or re-created under the same id, is not gone.
      if (t && !live.has(t.id.toLowerCase())) tombstones.push(t);
    }
  }
  return { history, tombstones, catalogDir: prefix };
}
