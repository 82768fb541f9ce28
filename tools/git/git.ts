/**
 * The one git interface of Shelfmark. The site (record history, tombstones),
 * ingestion (commit batches, push), curation (branches, diffs, PRs) and
 * publishing all talk to git through {@link GitRepo}; nothing else imports
 * simple-git or isomorphic-git.
 *
 * Two engines sit behind it:
 *   - `cli`: simple-git driving the git binary, plus a streamed `git log` and
 *     a long-lived `git cat-file --batch` for object reads. Fast over big
 *     histories, and the only one that speaks every remote protocol.
 *   - `iso`: isomorphic-git, pure JavaScript. Reads blobs and trees without
 *     spawning a process; the whole interface also works where no git binary
 *     exists (remotes over http(s) only; renames detected when content is unchanged).
 * `openRepo(dir)` picks per method on measured merit (see {@link ROUTES}).
 *
 * All paths are POSIX and relative to the repository root (so a catalogue
 * record is `catalog/datasets/…`). Methods return data and never print.
 */
import { GitError } from './errors.ts';

export { GitError, type GitErrorCode } from './errors.ts';
export { followRenames } from './tombstones.ts';

/** How a change touched a file: added, modified, deleted, renamed (from `oldPath`). */
export type ChangeStatus = 'A' | 'M' | 'D' | 'R';

/** A person as git records one. */
export interface GitIdentity {
  name: string;
  email: string;
}

/** The commit fields every change carries. */
export interface CommitInfo {
  sha: string;
  /** Author date, ISO 8601 with offset, as git stored it (e.g. `2024-01-31T10:00:00+01:00`). */
  date: string;
  author: GitIdentity;
  /** First line of the commit message. */
  subject: string;
}

/** One commit's change to one file. */
export interface RecordChange extends CommitInfo {
  status: ChangeStatus;
  /** For a rename: the path before. */
  oldPath?: string;
}

/** A file that differs between two revisions. */
export interface FileChange {
  path: string;
  status: ChangeStatus;
  /** For a rename: the path in `base`. */
  oldPath?: string;
}

/** A file that existed in history but is gone at the revision asked about: what a tombstone page needs. */
export interface DeletedFile {
  path: string;
  /** The commit that removed (or renamed away) the file. */
  deletedIn: CommitInfo;
  /** The last commit that still had the file (the first parent of `deletedIn`). */
  lastCommit: string;
  /** The file's text at `lastCommit`. */
  content: string;
  /** When the file was renamed rather than deleted: where it went. */
  renamedTo?: string;
}

/**
 * One line of `git status`: `index` is the staged state, `worktree` the unstaged
 * one, with git's porcelain letters (' ' unchanged, A, M, D, '?' untracked).
 * Renames are reported as a deletion plus an addition.
 */
export interface StatusEntry {
  path: string;
  index: ' ' | 'A' | 'M' | 'D' | '?';
  worktree: ' ' | 'M' | 'D' | '?';
}

export interface HistoryOptions {
  /** Only files under these paths (folders or files); default the whole tree. */
  paths?: string[];
  /** Only commits whose commit date is at or after this (a Date or an ISO string), as `git log --since`. */
  since?: Date | string;
  /** Walk back from this revision; default HEAD. */
  rev?: string;
}

export interface CommitOptions {
  message: string;
  /** Default: the repository's user.name/user.email. Also used as committer when given. */
  author?: GitIdentity;
  /** Author and committer date; default now. Fix it for reproducible commit ids. */
  date?: Date | string;
}

/** The small interface every part of Shelfmark uses to talk to git. */
export interface GitRepo {
  /** The repository root (working tree). */
  readonly dir: string;
  /** Which engine serves this object: 'cli', 'iso' or 'auto' (per method). */
  readonly engine: Engine;

  /**
   * The history of every file under `paths`, in ONE pass over the log, newest
   * change first per file. A rename appears under the new path with `oldPath`.
   */
  history(opts?: HistoryOptions): Promise<Map<string, RecordChange[]>>;
  /** Files under `folder` that existed in history but not at `rev` (default HEAD), with their last content. */
  deletedFiles(folder: string, opts?: { rev?: string }): Promise<DeletedFile[]>;
  /** The text of `path` at `rev`. Throws E_GIT_PATH_NOT_FOUND when it is not there. */
  readFileAt(rev: string, path: string): Promise<string>;
  /** All file paths at `rev`, optionally only under `folder`, sorted. */
  listFilesAt(rev: string, folder?: string): Promise<string[]>;
  /** Files that differ between two revisions, with renames. */
  changedFiles(base: string, head: string, opts?: { paths?: string[] }): Promise<FileChange[]>;

  /** The checked-out branch, or undefined when HEAD is detached. */
  currentBranch(): Promise<string | undefined>;
  /** The sha of HEAD. */
  headCommit(): Promise<string>;
  /** The full sha a revision (branch, tag, sha, `HEAD~1`) names. */
  revParse(rev: string): Promise<string>;
  /** True when nothing is staged, modified or untracked. */
  isClean(): Promise<boolean>;
  /** Staged, modified and untracked files, sorted by path. */
  status(): Promise<StatusEntry[]>;

  /** Creates branch `name` at `from` (default HEAD); checks it out when asked. */
  createBranch(name: string, opts?: { from?: string; checkout?: boolean }): Promise<void>;
  /** Checks out a branch (or commit). Refuses to overwrite local changes (E_GIT_DIRTY). */
  checkout(name: string): Promise<void>;
  /** Stages these paths (files or folders), including deletions. */
  add(paths: string[]): Promise<void>;
  /** Commits what is staged as one commit; returns its sha. E_GIT_NOTHING_TO_COMMIT when nothing is staged. */
  commit(opts: CommitOptions): Promise<string>;

  /** Pushes `branch` to the same name on `remote`. */
  push(remote: string, branch: string, opts?: { force?: boolean }): Promise<void>;
  /** Fetches from `remote` (all branches, or just `branch`). */
  fetch(remote: string, branch?: string): Promise<void>;
  /** Adds a remote. */
  addRemote(name: string, url: string): Promise<void>;
  /** The URL of a remote, or undefined when there is no such remote. */
  remoteUrl(name: string): Promise<string | undefined>;
  /** The best common ancestor of two revisions, or undefined when they share none. */
  mergeBase(a: string, b: string): Promise<string | undefined>;
  /** Ends background helpers now (optional: an idle helper ends itself within seconds and never holds the process open). */
  close(): void;
}

export type Engine = 'auto' | 'cli' | 'iso';

export type Method = Exclude<keyof GitRepo, 'dir' | 'engine'>;

/**
 * Which engine serves each method when both are available (`engine: 'auto'`).
 * Chosen by measurement (tools/git/measure.ts, 20,000 records × 5 commits;
 * figures in tools/git/README.md): the git binary wins everywhere a method
 * walks commits, trees or the working tree (history 1.0 s vs 6.3 s, status
 * 0.4 s vs 19 s), and with its long-lived cat-file reader also for single
 * reads (readFileAt 0.5 ms vs 18 ms per call). isomorphic-git wins only where
 * a small file read replaces a process spawn: the current branch. It remains
 * the whole implementation where no git binary exists.
 */
export const ROUTES: Record<Method, 'cli' | 'iso'> = {
  history: 'cli',
  deletedFiles: 'cli',
  readFileAt: 'cli',
  listFilesAt: 'cli',
  changedFiles: 'cli',
  currentBranch: 'iso',
  headCommit: 'cli',
  revParse: 'cli',
  isClean: 'cli',
  status: 'cli',
  createBranch: 'cli',
  checkout: 'cli',
  add: 'cli',
  commit: 'cli',
  push: 'cli',
  fetch: 'cli',
  addRemote: 'cli',
  remoteUrl: 'cli',
  mergeBase: 'cli',
  close: 'cli',
};

export interface OpenOptions {
  /** 'auto' (default): per method as in {@link ROUTES}, or all 'iso' when there is no git binary. */
  engine?: Engine;
  /** The git binary; default `git` on PATH. */
  gitBinary?: string;
}

const binaryCheck = new Map<string, Promise<boolean>>();

/** True when `binary --version` runs. Cached per binary. */
export function hasGitBinary(binary = 'git'): Promise<boolean> {
  let p = binaryCheck.get(binary);
  if (!p) {
    p = import('node:child_process').then(
      ({ execFile }) =>
        new Promise<boolean>((resolve) => {
          execFile(binary, ['--version'], (err) => resolve(!err));
        }),
    );
    binaryCheck.set(binary, p);
  }
  return p;
}

/**
 * Opens the git repository whose working tree contains `dir` (a subfolder is
 * fine; the object's `dir` is the root). Throws E_GIT_NOT_A_REPO when there is none.
 */
export async function openRepo(dir: string, opts: OpenOptions = {}): Promise<GitRepo> {
  const binary = opts.gitBinary ?? 'git';
  const wanted = opts.engine ?? 'auto';
  const haveBinary = wanted === 'iso' ? false : await hasGitBinary(binary);
  if (wanted === 'cli' && !haveBinary)
    throw new GitError('E_GIT_NO_BINARY', dir, `git binary "${binary}" not found. Install git, or open the repository with engine 'iso'.`);
  const { IsoRepo } = await import('./iso-repo.ts');
  if (!haveBinary) return IsoRepo.open(dir);
  const { CliRepo } = await import('./cli-repo.ts');
  const cli = await CliRepo.open(dir, binary);
  if (wanted === 'cli') return cli;
  const iso = await IsoRepo.open(cli.dir);
  return routed(cli, iso);
}

/** A repo that sends each method to the engine {@link ROUTES} names. */
function routed(cli: GitRepo, iso: GitRepo): GitRepo {
  const out: Record<string, unknown> = {
    dir: cli.dir,
    engine: 'auto',
    close: () => {
      cli.close();
      iso.close();
    },
  };
  for (const [method, engine] of Object.entries(ROUTES)) {
    if (method === 'close') continue;
    const target = engine === 'cli' ? cli : iso;
    const fn = target[method as Method] as (...args: unknown[]) => unknown;
    out[method] = fn.bind(target);
  }
  return out as unknown as GitRepo;
}

/** Creates a repository (or a bare one) with `main` as its first branch; returns its path. */
export async function initRepo(dir: string, opts: { bare?: boolean; defaultBranch?: string } = {}): Promise<string> {
  const { mkdir } = await import('node:fs/promises');
  await mkdir(dir, { recursive: true });
  const branch = opts.defaultBranch ?? 'main';
  if (await hasGitBinary()) {
    const { execFile } = await import('node:child_process');
    const { gitEnv } = await import('./cli-repo.ts');
    await new Promise<void>((resolve, reject) =>
      execFile('git', ['init', '-q', `--initial-branch=${branch}`, ...(opts.bare ? ['--bare'] : []), dir], { env: gitEnv() }, (err, _o, stderr) =>
        err ? reject(new GitError('E_GIT', dir, `git init ${dir} failed: ${stderr.trim()}`, stderr)) : resolve(),
      ),
    );
  } else {
    const git = await import('isomorphic-git');
    const fs = await import('node:fs');
    await git.init({ fs, dir, bare: opts.bare ?? false, defaultBranch: branch });
  }
  return dir;
}

/**
 * Clones `url` into `dir` (which must not exist or be empty) and opens the
 * clone. Uses the git binary when there is one (any protocol), else
 * isomorphic-git (http(s) only).
 */
export async function cloneRepo(url: string, dir: string, opts: OpenOptions & { branch?: string } = {}): Promise<GitRepo> {
  const binary = opts.gitBinary ?? 'git';
  const useCli = opts.engine !== 'iso' && (await hasGitBinary(binary));
  if (useCli) {
    const { execFile } = await import('node:child_process');
    const { gitEnv } = await import('./cli-repo.ts');
    const args = ['clone', '-q', ...(opts.branch ? ['--branch', opts.branch] : []), '--', url, dir];
    await new Promise<void>((resolve, reject) =>
      execFile(binary, args, { env: gitEnv() }, (err, _o, stderr) =>
        err ? reject(cloneError(url, dir, stderr || err.message)) : resolve(),
      ),
    );
  } else {
    const git = await import('isomorphic-git');
    const http = (await import('isomorphic-git/http/node')).default;
    const fs = await import('node:fs');
    try {
      await git.clone({ fs, http, dir, url, ...(opts.branch ? { ref: opts.branch } : {}), singleBranch: false });
    } catch (err) {
      throw cloneError(url, dir, String((err as Error).message ?? err));
    }
  }
  return openRepo(dir, opts);
}

function cloneError(url: string, dir: string, said: string): GitError {
  const s = said.toLowerCase();
  if (s.includes('already exists and is not an empty directory'))
    return new GitError('E_GIT', dir, `cannot clone into ${dir}: the folder exists and is not empty. Pick a new folder.`, said);
  return new GitError('E_GIT_REMOTE', dir, `cannot clone ${url}: ${said.trim().split('\n')[0]}. Check the URL and that the server is up.`, said);
}
