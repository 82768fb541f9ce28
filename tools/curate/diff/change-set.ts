/**
 * The git edge of curation review: which catalogue files a change touches
 * between two revisions, with their text on both sides. `diff` and `check`
 * both start here. Like a pull request, the change is measured from the merge
 * base of `base` and `head` (three-dot), so work that landed on main since the
 * branch was made is not attributed to the branch.
 */
import type { FileChange, GitRepo } from "../../git/git.ts";
import { classifyPath, type PathInfo } from "../../core/layout.ts";
import { mapLimit } from "../map-limit.ts";

/** One changed file under the catalogue root. */
export interface ChangedFile {
  status: FileChange["status"];
  /** Repository path at head (for a deletion: at base). */
  path: string;
  /** For a rename: the repository path at base. */
  oldPath?: string;
  /** What the layout says the file is at its head path (base path for a deletion); undefined for non-record files. */
  info: PathInfo | undefined;
  /** For a rename: what the old path was. */
  oldInfo?: PathInfo | undefined;
  /** Text at base; undefined for an added file or a non-record file. */
  before?: string;
  /** Text at head; undefined for a deleted file or a non-record file. */
  after?: string;
}

export interface ChangeSet {
  /** The revisions as given, and the commits they resolved to. */
  base: { rev: string; sha: string };
  head: { rev: string; sha: string };
  /** The commit the change is measured from: merge-base(base, head). */
  from: string;
  /** The catalogue root inside the repository, e.g. `catalog`. */
  root: string;
  files: ChangedFile[];
}

export interface ChangeSetOptions {
  base: string;
  head: string;
  /** Catalogue folder relative to the repository root; default `catalog`. */
  root?: string;
}

/**
 * Reads in flight at once. Reads are pipelined through one cat-file process; a
 * few dozen keep it busy, while thousands at once queue in its pipe and slow
 * every read down (measured: 20,000 at once took 21 s, 32 at a time 7 s).
 */
const READ_CONCURRENCY = 32;

const relTo = (root: string, path: string) =>
  path.startsWith(`${root}/`) ? path.slice(root.length + 1) : path;

/** Reads the catalogue files that differ between merge-base(base, head) and head, both texts of each record file. */
export async function readChangeSet(
  repo: GitRepo,
  opts: ChangeSetOptions,
): Promise<ChangeSet> {
  const root = (opts.root ?? "catalog").replace(/\/+$/, "");
  const [baseSha, headSha] = await Promise.all([
    repo.revParse(opts.base),
    repo.revParse(opts.head),
  ]);
  const from = (await repo.mergeBase(baseSha, headSha)) ?? baseSha;
  const changes = await repo.changedFiles(from, headSha, { paths: [root] });
  const files = await mapLimit(
    changes,
    READ_CONCURRENCY,
    async (c): Promise<ChangedFile> => {
      const basePath = c.oldPath ?? c.path;
      const info = classifyPath(relTo(root, c.path));
      const file: ChangedFile = { status: c.status, path: c.path, info };
      if (c.oldPath !== undefined) {
        file.oldPath = c.oldPath;
        file.oldInfo = classifyPath(relTo(root, c.oldPath));
      }
      const isRecord = info !== undefined || file.oldInfo !== undefined;
      if (!isRecord) return file;
      const [before, after] = await Promise.all([
        c.status === "A" ? undefined : repo.readFileAt(from, basePath),
        c.status === "D" ? undefined : repo.readFileAt(headSha, c.path),
      ]);
      if (before !== undefined) file.before = before;
      if (after !== undefined) file.after = after;
      return file;
    },
  );
  return {
    base: { rev: opts.base, sha: baseSha },
    head: { rev: opts.head, sha: headSha },
    from,
    root,
    files,
  };
}

/** Parses record text; undefined when it is not JSON (the validation status then says why). */
export function parseRecord(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text.replace(/^\uFEFF/, "")) as unknown;
  } catch {
    return undefined;
  }
}
