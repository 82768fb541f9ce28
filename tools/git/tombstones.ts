/**
 * Pure helpers over a history map (from GitRepo.history): which files are
 * gone, and one file's history across renames.
 *
 * Gone files: both engines feed in their history and the files present at the
 * revision, then fill in each file's last content. A path deleted, re-added
 * and still present is not gone; a path deleted twice is gone since its
 * newest deletion.
 */
import type { CommitInfo, RecordChange } from './git.ts';

/** A gone file before its content is read. */
export interface GonePath {
  path: string;
  deletedIn: CommitInfo;
  renamedTo?: string;
}

/**
 * Paths named in `history` (as a path or a rename's old path) that are not in
 * `present`, each with the newest commit that removed it. `order` gives each
 * commit's position in the log (0 = newest). Sorted by path.
 */
export function gonePaths(
  history: Map<string, RecordChange[]>,
  present: Set<string>,
  order: Map<string, number>,
): GonePath[] {
  const removal = new Map<string, { change: RecordChange; renamedTo?: string }>();
  const consider = (path: string, change: RecordChange, renamedTo?: string) => {
    if (present.has(path)) return;
    const seen = removal.get(path);
    if (!seen || rank(order, change.sha) < rank(order, seen.change.sha))
      removal.set(path, renamedTo === undefined ? { change } : { change, renamedTo });
  };
  for (const [path, changes] of history) {
    for (const c of changes) {
      if (c.status === 'D') consider(path, c);
      else if (c.status === 'R' && c.oldPath !== undefined) consider(c.oldPath, c, path);
    }
  }
  const out: GonePath[] = [];
  for (const [path, { change, renamedTo }] of removal) {
    const deletedIn: CommitInfo = { sha: change.sha, date: change.date, author: change.author, subject: change.subject };
    out.push(renamedTo === undefined ? { path, deletedIn } : { path, deletedIn, renamedTo });
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function rank(order: Map<string, number>, sha: string): number {
  return order.get(sha) ?? Number.MAX_SAFE_INTEGER;
}

/** True when `path` is `folder` or lies under it ('' or '.' is the whole tree). */
export function isUnder(path: string, folder: string): boolean {
  const f = folder.replace(/^\.\/?/, '').replace(/\/+$/, '');
  return f === '' || path === f || path.startsWith(`${f}/`);
}

/**
 * The changes of `path`, newest first, continuing through renames into the
 * history of the path it was renamed from (only changes older than the rename,
 * so a path reused later does not leak in). Stops at a cycle.
 */
export function followRenames(
  history: Map<string, RecordChange[]>,
  path: string,
  /** Each commit's position in the log (0 = newest), when known; otherwise dates decide. */
  order?: Map<string, number>,
): RecordChange[] {
  const out: RecordChange[] = [];
  const seen = new Set<string>();
  let current: string | undefined = path;
  let before: RecordChange | undefined;
  while (current !== undefined && !seen.has(current)) {
    seen.add(current);
    const changes: RecordChange[] = history.get(current) ?? [];
    let start = 0;
    if (before) {
      // Skip changes of the old path made after (or in) the commit that renamed it away.
      const cut: RecordChange = before;
      // Without the log order, fall back on dates (ties count as older).
      const at = changes.findIndex((c) =>
        order ? rank(order, c.sha) > rank(order, cut.sha) : Date.parse(c.date) <= Date.parse(cut.date) && c.sha !== cut.sha,
      );
      start = at === -1 ? changes.length : at;
    }
    let next: string | undefined;
    for (const c of changes.slice(start)) {
      out.push(c);
      if (c.status === 'R' && c.oldPath !== undefined) {
        next = c.oldPath;
        before = c;
        break;
      }
      if (c.status === 'A') break;
    }
    current = next;
  }
  return out;
}
