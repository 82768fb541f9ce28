/**
 * Commits one ingest batch on its branch through the git module (tools/git).
 * The branch is checked out (created from HEAD when new) before anything is
 * written, so records are compared with, and written onto, what that branch
 * holds; afterwards the previous branch is checked out again unless the caller
 * (the watch daemon) stays on its branch.
 */
import { join, relative, sep } from 'node:path';
import type { GitIdentity, GitRepo } from '../git/git.ts';

export interface CommitResult {
  branch: string;
  /** The new commit, or undefined when the batch changed nothing. */
  sha?: string;
  /** Paths (relative to the repository root) staged for the commit. */
  paths: string[];
  /** What went wrong, when the commit could not be made. */
  error?: string;
}

/** What the batch wrote: paths relative to the catalogue root, and the commit message. */
export interface BatchWork {
  paths: string[];
  message: string;
}

export interface CommitBatchOptions {
  /** Stay on the batch branch afterwards (the daemon's clone lives there). */
  stay?: boolean;
  /**
   * The branch new ingest branches start from; default the checked-out branch, or
   * `main` when that is itself an ingest branch (after a crash mid-batch).
   */
  base?: string;
  author?: GitIdentity;
  date?: Date | string;
}

/** Who commits when the repository has no user.name/user.email configured. */
export const INGEST_IDENTITY: GitIdentity = { name: 'Shelfmark ingest', email: 'ingest@shelfmark.invalid' };

/** True for the branches ingest makes (`ingest/<instrument>/<date>`). */
export const isIngestBranch = (name: string | undefined): boolean => !!name && name.startsWith('ingest/');

async function ensureBranch(repo: GitRepo, branch: string, base: string): Promise<void> {
  if ((await repo.currentBranch()) === branch) return;
  let exists = true;
  try {
    await repo.revParse(`refs/heads/${branch}`);
  } catch {
    exists = false;
  }
  if (exists) await repo.checkout(branch);
  // From the base, never from another ingest branch: each branch holds one instrument's records.
  else await repo.createBranch(branch, { from: base, checkout: true });
}

/** Commits `paths` with `message` on the current branch; undefined when nothing changed. */
export async function commitPaths(repo: GitRepo, paths: string[], message: string, opts: CommitBatchOptions = {}): Promise<string | undefined> {
  if (paths.length === 0) return undefined;
  await repo.add(paths);
  const attempt = (author?: GitIdentity) => repo.commit({ message, ...(author ? { author } : {}), ...(opts.date ? { date: opts.date } : {}) });
  try {
    return await attempt(opts.author);
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'E_GIT_NOTHING_TO_COMMIT') return undefined;
    if (code === 'E_GIT_IDENTITY' && !opts.author) return await attempt(INGEST_IDENTITY);
    throw err;
  }
}

/**
 * Checks out `branch`, runs `work` (which writes records and says which paths it
 * touched, relative to `catalogRoot`), and commits those paths as one commit.
 * Git failures come back in `error`, never as a throw.
 */
export async function commitBatch(
  catalogRoot: string,
  branch: string,
  work: () => Promise<BatchWork>,
  opts: CommitBatchOptions = {},
): Promise<CommitResult> {
  const { openRepo } = await import('../git/git.ts');
  let repo: GitRepo;
  try {
    repo = await openRepo(catalogRoot);
  } catch (err) {
    return { branch, paths: [], error: `${catalogRoot} is not in a git repository (${(err as Error).message}); run without --commit or "git init" the catalogue` };
  }
  const previous = await repo.currentBranch().catch(() => undefined);
  const base = opts.base ?? (previous && !isIngestBranch(previous) ? previous : 'main');
  try {
    await ensureBranch(repo, branch, base);
  } catch (err) {
    return { branch, paths: [], error: `cannot check out ${branch}: ${(err as Error).message}` };
  }
  const done = await work();
  const prefix = relative(repo.dir, catalogRoot).split(sep).join('/');
  const paths = done.paths.map((p) => (prefix ? join(prefix, p).split(sep).join('/') : p));
  const result: CommitResult = { branch, paths };
  try {
    const sha = await commitPaths(repo, paths, done.message, opts);
    if (sha) result.sha = sha;
  } catch (err) {
    result.error = `commit on ${branch} failed: ${(err as Error).message}`;
  }
  const back = previous && !isIngestBranch(previous) ? previous : base;
  if (!opts.stay && back !== branch) {
    try {
      await repo.checkout(back);
    } catch (err) {
      result.error ??= `committed on ${branch} but could not check out ${back} again: ${(err as Error).message}`;
    }
  }
  return result;
}

/**
 * Reads catalogue files as a branch holds them: from the working tree when that
 * branch is checked out, else from git. Used to complete a measurement group
 * with files an earlier batch already committed on the branch.
 */
export async function branchReader(catalogRoot: string): Promise<(branch: string, rel: string) => Promise<string | undefined>> {
  const { openRepo } = await import('../git/git.ts');
  const { readFile } = await import('node:fs/promises');
  let repo: GitRepo | undefined;
  try {
    repo = await openRepo(catalogRoot);
  } catch {
    repo = undefined;
  }
  const prefix = repo ? relative(repo.dir, catalogRoot).split(sep).join('/') : '';
  return async (branch, rel) => {
    const fromTree = () => readFile(join(catalogRoot, rel), 'utf8').catch(() => undefined);
    if (!repo) return fromTree();
    if ((await repo.currentBranch().catch(() => undefined)) === branch) return fromTree();
    try {
      return await repo.readFileAt(`refs/heads/${branch}`, prefix ? `${prefix}/${rel}` : rel);
    } catch {
      return undefined;
    }
  };
}

/**
 * Removes dataset records (and their attachment folders) from `branch` as one
 * commit: used when every source file of a record now belongs to another record.
 */
export async function commitRemoval(catalogRoot: string, branch: string, rels: string[], message: string, opts: CommitBatchOptions = {}): Promise<CommitResult> {
  const { rm } = await import('node:fs/promises');
  return commitBatch(
    catalogRoot,
    branch,
    async () => {
      const gone: string[] = [];
      for (const rel of rels) {
        const abs = join(catalogRoot, rel);
        const existed = await rm(abs, { recursive: true }).then(() => true, () => false);
        if (existed) gone.push(rel);
      }
      return { paths: gone, message };
    },
    opts,
  );
}
